//! A Laravel-based API: `{"message":…,"errors":{"leads.0.phone":[…]}}`.

use error_core::format::Laravel;
use error_core::{ApiError, FieldErrors};

/// The status table of the page (its 2xx and 302 rows are not errors).
#[derive(Debug, ApiError)]
#[api(utoipa)]
#[cfg_attr(feature = "client", api(client))]
#[api(format = Laravel)]
pub enum WedocodError {
    /// 401: missing or invalid authentication token or session.
    #[api(
        status = 401,
        code = "unauthenticated",
        message = "Unauthenticated.",
        action = "Send the Authorization: Bearer {token} header with a valid, unexpired token.",
        www_authenticate = "Bearer"
    )]
    Unauthenticated,

    /// 403: the token lacks the required scope or the user the permission.
    #[api(
        status = 403,
        code = "unauthorized",
        message = "This action is unauthorized.",
        action = "Give the token the required permission (e.g. CREATE LEADS) or use a role with the policy permission."
    )]
    Unauthorized,

    /// 404: the resource does not exist or is outside your account scope.
    #[api(
        status = 404,
        code = "not_found",
        message = "Not Found",
        action = "Check the identifier and that the resource is within your account scope."
    )]
    NotFound,

    /// 422: the body failed validation; bulk requests are rejected whole.
    #[api(
        status = 422,
        code = "validation_error",
        message = "The given data was invalid.",
        action = "Fix every field listed under errors; for bulk requests, keys carry the item index (leads.0.phone)."
    )]
    Validation(#[api(fields)] FieldErrors),

    /// 429: rate limit exceeded.
    #[api(
        status = 429,
        code = "too_many_requests",
        message = "Too Many Attempts.",
        action = "Wait before retrying."
    )]
    TooManyRequests,

    /// 500: internal server error.
    #[api(
        status = 500,
        code = "server_error",
        message = "Server Error",
        action = "Retry later; contact support if it persists."
    )]
    ServerError,
}

/// One value per variant, in declaration order; the 422 carries the page's bulk errors.
pub fn samples() -> Vec<WedocodError> {
    vec![
        WedocodError::Unauthenticated,
        WedocodError::Unauthorized,
        WedocodError::NotFound,
        WedocodError::Validation(
            FieldErrors::new()
                .add(
                    "leads.0.phone",
                    "validation/missing-leads.0.phone",
                    "The leads.0.phone field is required.",
                )
                .add(
                    "leads.0.products",
                    "validation/missing-leads.0.products",
                    "The leads.0.products field is required.",
                ),
        ),
        WedocodError::TooManyRequests,
        WedocodError::ServerError,
    ]
}
