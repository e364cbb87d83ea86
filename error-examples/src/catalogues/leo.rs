//! A CRM API's seven named errors: `{"success":false,"error":{"code":…,"details":…}}`.

use error_core::format::Nested;
use error_core::{ApiError, FieldError, FieldErrors};

/// The seven named errors of the page, with their messages and suggested actions.
#[derive(Debug, ApiError)]
#[api(utoipa)]
#[cfg_attr(feature = "client", api(client))]
#[api(format = Nested)]
pub enum LeoError {
    /// `validation_error`: details lists the field errors.
    #[api(
        status = 400,
        code = "validation_error",
        message = "Invalid request parameters.",
        action = "Check the details array for specific field errors. Ensure all required fields are included and properly formatted."
    )]
    Validation(#[api(fields)] FieldErrors),

    /// `missing_api_key`.
    #[api(
        status = 401,
        code = "missing_api_key",
        message = "Authentication required.",
        action = "Include the Authorization header: Authorization: Bearer leo_xxxxxxxxx",
        www_authenticate = "Bearer"
    )]
    MissingApiKey,

    /// `invalid_api_key`.
    #[api(
        status = 403,
        code = "invalid_api_key",
        message = "Insufficient permissions.",
        action = "Verify your API key has the required permissions for this endpoint."
    )]
    InvalidApiKey,

    /// `not_found`.
    #[api(
        status = 404,
        code = "not_found",
        message = "Resource not found.",
        action = "Verify the resource UUID is correct and the resource exists."
    )]
    NotFound,

    /// `duplicate_resource`.
    #[api(
        status = 409,
        code = "duplicate_resource",
        message = "Resource already exists.",
        action = "Check for existing resources before creating duplicates."
    )]
    DuplicateResource,

    /// `rate_limit_exceeded`.
    #[api(
        status = 429,
        code = "rate_limit_exceeded",
        message = "Rate limit exceeded.",
        action = "Reduce request frequency. Implement exponential backoff. Contact support if you need higher limits."
    )]
    RateLimitExceeded,

    /// `internal_server_error`: the source error stays on the server.
    #[api(
        status = 500,
        code = "internal_server_error",
        message = "Internal server error.",
        action = "Retry the request after a brief delay. If the error persists, contact support."
    )]
    Internal(std::io::Error),
}

/// One value per variant, in declaration order; the 400 carries the page's missing `user_id`.
pub fn samples() -> Vec<LeoError> {
    vec![
        LeoError::Validation(FieldErrors::new().with(FieldError::missing("user_id"))),
        LeoError::MissingApiKey,
        LeoError::InvalidApiKey,
        LeoError::NotFound,
        LeoError::DuplicateResource,
        LeoError::RateLimitExceeded,
        LeoError::Internal(std::io::Error::other("connection pool exhausted")),
    ]
}
