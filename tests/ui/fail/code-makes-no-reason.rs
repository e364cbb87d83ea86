use error_core::ApiError;

#[derive(ApiError)]
enum AuthError {
    #[api(status = 401, code = "2fa", www_authenticate = "Bearer")]
    SecondFactor,
    #[api(status = 400, code = "no")]
    No,
}

fn main() {}
