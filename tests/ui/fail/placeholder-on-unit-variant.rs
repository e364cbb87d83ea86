use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, code = "not_found", message = "Lead {id} was not found.")]
    NotFound,
}

fn main() {}
