use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 600, code = "too_big")]
    TooBig,
}

fn main() {}
