//! The errors a framework raises before a handler runs, in the service's envelope.

use std::fmt;

use crate::{ApiError, FieldErrors};

/// What goes wrong with a request before the handler sees it: a body that is not JSON or has
/// the wrong shape, a wrong content type, a body over the limit, bad path or query
/// parameters, an unknown route or method.
///
/// The adapters' extractors and fallbacks answer with it, rendered in the service's format
/// (see [`ErrorSettings::format`](super::ErrorSettings::format)), so every error body of a
/// service has one shape.
///
/// ```
/// use error_core::http::RequestError;
/// use error_core::{ApiError, FieldError, FieldErrors};
///
/// let err = RequestError::InvalidBody(FieldErrors::new().with(FieldError::missing("email")));
/// assert_eq!(err.status(), 422);
/// assert_eq!(err.code(), "request/invalid-body");
/// assert_eq!(RequestError::PayloadTooLarge.status(), 413);
/// ```
#[derive(Debug, ApiError)]
#[cfg_attr(feature = "axum", api(axum))]
#[cfg_attr(feature = "utoipa", api(utoipa))]
#[cfg_attr(feature = "client", api(client))]
#[non_exhaustive]
pub enum RequestError {
    /// The body is not JSON (a syntax error or a truncated document).
    #[api(
        status = 400,
        code = "request/malformed-json",
        message = "The request body is not valid JSON."
    )]
    MalformedJson,

    /// The body is JSON of the wrong shape: a missing field, a wrong type, an unknown
    /// variant, each at its path.
    #[api(
        status = 422,
        code = "request/invalid-body",
        message = "The request body has the wrong shape."
    )]
    InvalidBody(#[api(fields)] FieldErrors),

    /// The body was not sent as `application/json`.
    #[api(
        status = 415,
        code = "request/unsupported-media-type",
        message = "Send the request body as JSON, with Content-Type: application/json."
    )]
    UnsupportedMediaType,

    /// The body is larger than the service accepts.
    #[api(
        status = 413,
        code = "request/payload-too-large",
        message = "The request body is too large."
    )]
    PayloadTooLarge,

    /// The body could not be read (the connection failed mid-body).
    #[api(
        status = 400,
        code = "request/unreadable-body",
        message = "The request body could not be read."
    )]
    UnreadableBody,

    /// A path parameter has the wrong form.
    #[api(
        status = 400,
        code = "request/invalid-path",
        message = "Invalid path parameters."
    )]
    InvalidPath(#[api(fields)] FieldErrors),

    /// A query parameter is missing or has the wrong form.
    #[api(
        status = 400,
        code = "request/invalid-query",
        message = "Invalid query parameters."
    )]
    InvalidQuery(#[api(fields)] FieldErrors),

    /// An HTTP/1.1 request without exactly one valid `Host` header (RFC 9112 §3.2: the
    /// server must answer 400); the adapters' request layers refuse it before routing.
    #[api(
        status = 400,
        code = "request/invalid-host",
        message = "Send exactly one valid Host header."
    )]
    InvalidHost,

    /// No route matches the path.
    #[api(
        status = 404,
        code = "route/not-found",
        message = "No resource exists at this path."
    )]
    NotFound,

    /// The route exists, but not for this method.
    #[api(
        status = 405,
        code = "route/method-not-allowed",
        message = "This method is not allowed for this resource."
    )]
    MethodNotAllowed,

    /// The service is misconfigured (an extractor used on a route that cannot feed it); the
    /// reason is logged, never sent.
    #[api(
        status = 500,
        code = "internal_server_error",
        message = "Internal server error."
    )]
    Internal(String),
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Internal(reason) => f.write_str(reason),
            other => f.write_str(&other.message()),
        }
    }
}

impl std::error::Error for RequestError {}
