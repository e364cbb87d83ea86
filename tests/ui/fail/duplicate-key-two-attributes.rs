use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, code = "not_found")]
    #[api(code = "lead/not-found")]
    NotFound,
}

fn main() {}
