use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, code = "not_found", message = "Lead {1} was not found.")]
    NotFound(u64),
}

fn main() {}
