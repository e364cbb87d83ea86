use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, code = "not_found", message = "Lead {0} was not found.")]
    NotFound { id: u64 },
}

fn main() {}
