use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, code = "")]
    NotFound,
}

fn main() {}
