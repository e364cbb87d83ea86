use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, code = "not_found", status = 410)]
    NotFound,
}

fn main() {}
