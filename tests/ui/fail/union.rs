use error_core::ApiError;

#[derive(ApiError)]
union Error {
    code: u32,
    status: u16,
}

fn main() {}
