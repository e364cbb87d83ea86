use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, serde::rename = "x")]
    NotFound,
}

fn main() {}
