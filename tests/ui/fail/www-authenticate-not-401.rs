use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 403, code = "forbidden", www_authenticate = "Bearer")]
    Forbidden,
}

fn main() {}
