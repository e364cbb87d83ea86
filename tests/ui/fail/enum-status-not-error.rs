use error_core::ApiError;

#[derive(ApiError)]
#[api(status = 204)]
enum Error {
    #[api(code = "empty")]
    Empty,
}

fn main() {}
