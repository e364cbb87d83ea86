use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status, code = "not_found")]
    NotFound,
}

fn main() {}
