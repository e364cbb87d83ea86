use error_core::{assert_unique_codes, ApiError};

#[derive(ApiError)]
enum AuthError {
    #[api(status = 401, code = "auth/missing-key", www_authenticate = "ApiKey")]
    MissingKey,
}

#[derive(ApiError)]
enum LeadError {
    #[api(status = 404, code = "lead/not-found")]
    NotFound,
    #[api(status = 401, code = "auth/missing-key", www_authenticate = "ApiKey")]
    NoKey,
}

#[derive(ApiError)]
enum AppError {
    #[api(transparent)]
    Auth(AuthError),
    #[api(transparent)]
    Lead(LeadError),
}

assert_unique_codes!(AppError);

fn main() {}
