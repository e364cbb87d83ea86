use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 4 * 100, code = "bad_request")]
    BadRequest,
}

fn main() {}
