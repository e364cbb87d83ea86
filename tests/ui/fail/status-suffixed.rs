use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 70000, code = "overflow")]
    Overflow,
}

fn main() {}
