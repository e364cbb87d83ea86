//! `transparent` over a `Box` of an error enum, and the whole composed catalogue checked in
//! one line.
use error_core::{assert_unique_codes, ApiError};

#[derive(ApiError)]
enum AuthError {
    #[api(status = 401, code = "auth/missing-key", www_authenticate = "Bearer")]
    MissingKey,
}

#[derive(ApiError)]
enum LeadError {
    #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
    NotFound { id: u64 },
}

#[derive(ApiError)]
enum AppError {
    #[api(transparent)]
    Auth(Box<AuthError>),
    #[api(transparent)]
    Lead { inner: LeadError },
    #[api(status = 500, code = "internal")]
    Internal,
}

assert_unique_codes!(AppError);
assert_unique_codes!(AuthError, LeadError);

fn main() {
    let err = AppError::Auth(Box::new(AuthError::MissingKey));
    assert_eq!(err.status(), 401);
    assert_eq!(err.code(), "auth/missing-key");
    let err = AppError::Lead { inner: LeadError::NotFound { id: 3 } };
    assert_eq!(err.message(), "Lead 3 was not found.");
}
