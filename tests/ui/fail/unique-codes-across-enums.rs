use error_core::{assert_unique_codes, ApiError};

#[derive(ApiError)]
enum AuthError {
    #[api(status = 401, code = "auth/missing-key", www_authenticate = "ApiKey")]
    MissingKey,
    #[api(status = 404, code = "not_found")]
    UnknownUser,
}

#[derive(ApiError)]
enum LeadError {
    #[api(status = 404)]
    NotFound,
}

assert_unique_codes!(AuthError, LeadError);

fn main() {}
