use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 409)]
    DéjàVu,
}

fn main() {}
