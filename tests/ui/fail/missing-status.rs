use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, code = "not_found")]
    NotFound,
    #[api(code = "conflict", message = "The lead already exists.")]
    Conflict,
}

fn main() {}
