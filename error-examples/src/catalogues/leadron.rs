//! The Leadron leads API: `{"success":false,"status":…,"message":…,"errors":[…],"meta":{…}}`.

use error_core::format::Flat;
use error_core::{ApiError, FieldErrors};

/// The status table of the Leadron error page, with its troubleshooting advice as actions.
#[derive(Debug, ApiError)]
#[api(utoipa)]
#[cfg_attr(feature = "client", api(client))]
#[api(format = Flat, version = "v1")]
pub enum LeadronError {
    /// 400: malformed JSON or invalid parameters.
    #[api(
        status = 400,
        code = "bad_request",
        message = "Bad request",
        action = "Send well-formed JSON and valid query parameters."
    )]
    BadRequest,

    /// 401: missing or invalid token.
    #[api(
        status = 401,
        code = "unauthorized",
        message = "Unauthorized",
        action = "Ensure the X-API-Key header is set with a valid, non-revoked API key.",
        www_authenticate = "ApiKey"
    )]
    Unauthorized,

    /// 403: valid token, insufficient permissions.
    #[api(
        status = 403,
        code = "forbidden",
        message = "Forbidden",
        action = "Check that the API key has the required permissions. If using X-On-Behalf-Of, verify the target user exists in the same tenant."
    )]
    Forbidden,

    /// 404: the resource does not exist.
    #[api(
        status = 404,
        code = "not_found",
        message = "Resource not found",
        action = "Verify the resource ID exists and belongs to your tenant."
    )]
    NotFound,

    /// 422: validation failed; see the errors array.
    #[api(
        status = 422,
        code = "validation_failed",
        message = "Validation failed",
        action = "Inspect the errors array for field-specific messages."
    )]
    Validation(#[api(fields)] FieldErrors),

    /// 429: too many requests.
    #[api(
        status = 429,
        code = "rate_limited",
        message = "Rate limit exceeded",
        action = "Wait before retrying; slow down your requests."
    )]
    RateLimited,

    /// 500: a problem on the server.
    #[api(
        status = 500,
        code = "server_error",
        message = "Internal server error",
        action = "Retry with exponential backoff. If persistent, contact support."
    )]
    Internal,
}

/// One value per variant, in declaration order; the 422 carries the page's three field errors.
pub fn samples() -> Vec<LeadronError> {
    vec![
        LeadronError::BadRequest,
        LeadronError::Unauthorized,
        LeadronError::Forbidden,
        LeadronError::NotFound,
        LeadronError::Validation(
            FieldErrors::new()
                .add("email", "validation/invalid-email", "Invalid email format")
                .add("firstName", "validation/missing-firstName", "Required")
                .add(
                    "score",
                    "validation/out-of-range-score",
                    "Must be between 0 and 100",
                ),
        ),
        LeadronError::RateLimited,
        LeadronError::Internal,
    ]
}
