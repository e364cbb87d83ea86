use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404)]
    NotFound,
    #[api(status = 410, code = "not_found")]
    Gone,
}

fn main() {}
