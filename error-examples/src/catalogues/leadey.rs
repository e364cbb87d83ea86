//! The Leadey API: `{"error":{"message":…,"details":null}}`.

use error_core::format::Compact;
use error_core::ApiError;
use serde::Serialize;

/// What a 402 tells the client about its credits.
#[derive(Debug, Clone, Serialize)]
pub struct Credits {
    /// Credits the action costs.
    pub required: u32,
    /// Credits left.
    pub balance: u32,
}

/// The status table of the page.
#[derive(Debug, ApiError)]
#[api(utoipa)]
#[cfg_attr(feature = "client", api(client))]
#[api(format = Compact)]
pub enum LeadeyError {
    /// 400: a parameter is missing or invalid.
    #[api(
        status = 400,
        code = "bad_request",
        message = "A parameter is missing or invalid: {parameter}.",
        action = "A parameter is missing or invalid. Check `message`."
    )]
    BadRequest {
        /// The parameter at fault.
        parameter: String,
    },

    /// 401: the API key is missing, malformed, or revoked.
    #[api(
        status = 401,
        code = "unauthorized",
        message = "The API key is missing, malformed, or revoked.",
        action = "See Authentication.",
        www_authenticate = "ApiKey"
    )]
    Unauthorized,

    /// 402: the credit balance is too low.
    #[api(
        status = 402,
        code = "payment_required",
        message = "Your credit balance is too low for the action.",
        action = "Top up in Settings → Credits. See Credits."
    )]
    PaymentRequired(#[api(details)] Credits),

    /// 403: the key may not access this resource.
    #[api(
        status = 403,
        code = "forbidden",
        message = "The key isn't permitted to access this resource.",
        action = "Use a key with access to this resource."
    )]
    Forbidden,

    /// 404: the resource doesn't exist or isn't in your workspace.
    #[api(
        status = 404,
        code = "not_found",
        message = "The resource doesn't exist, or isn't in your workspace.",
        action = "Check the identifier and the workspace."
    )]
    NotFound,

    /// 429: rate limited.
    #[api(
        status = 429,
        code = "rate_limited",
        message = "You've exceeded the request limit.",
        action = "See Rate limits. Retry idempotent GET requests with exponential backoff."
    )]
    RateLimited {
        /// Seconds until the limit resets.
        #[api(retry_after)]
        retry_after_secs: u64,
    },

    /// 5xx: a problem on the server side.
    #[api(
        status = 500,
        code = "server_error",
        message = "A problem on our side.",
        action = "Retry with backoff; if it persists, contact support."
    )]
    Server,
}

/// One value per variant, in declaration order.
pub fn samples() -> Vec<LeadeyError> {
    vec![
        LeadeyError::BadRequest {
            parameter: "limit".into(),
        },
        LeadeyError::Unauthorized,
        LeadeyError::PaymentRequired(Credits {
            required: 5,
            balance: 2,
        }),
        LeadeyError::Forbidden,
        LeadeyError::NotFound,
        LeadeyError::RateLimited {
            retry_after_secs: 30,
        },
        LeadeyError::Server,
    ]
}
