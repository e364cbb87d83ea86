use error_core::ApiError;

#[derive(ApiError)]
#[api(www_authenticate = "Bearer realm=\"api\"\r\nX-Injected: 1")]
enum Error {
    #[api(status = 401)]
    Unauthenticated,
    #[api(status = 401, code = "expired", www_authenticate = "realm=\"api\", Bearer")]
    Expired,
    #[api(status = 401, code = "empty", www_authenticate = "")]
    Empty,
}

fn main() {}
