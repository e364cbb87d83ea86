//! Turning an error into an `http::Response`, for any framework built on the `http` crate.
//!
//! The response carries the status, the envelope, and the headers listed in
//! [`http`](crate::http): `Content-Type`, `Cache-Control: no-store`,
//! `X-Content-Type-Options: nosniff`, `X-Request-Id` (from the context), `Retry-After` (429,
//! 503) and `WWW-Authenticate` (401).

use crate::format::Format;
use crate::{ApiError, RenderContext};

/// The response for `error` in its enum's format: the status, the headers and the envelope
/// as the body.
///
/// ```
/// use error_core::{response, ApiError, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// enum E {
///     #[api(status = 404)]
///     NotFound,
/// }
///
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0)).with_request_id("req-1");
/// let res = response::to_response(&E::NotFound, &ctx);
/// assert_eq!(res.status(), 404);
/// assert_eq!(res.headers()["content-type"], "application/problem+json");
/// assert_eq!(res.headers()["cache-control"], "no-store");
/// assert_eq!(res.headers()["x-content-type-options"], "nosniff");
/// assert_eq!(res.headers()["x-request-id"], "req-1");
/// assert_eq!(
///     res.body().as_slice(),
///     br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found","code":"not_found","request_id":"req-1"}"#
/// );
/// ```
pub fn to_response<E: ApiError>(error: &E, ctx: &RenderContext<'_>) -> http::Response<Vec<u8>> {
    to_response_with(error, &E::format(), ctx)
}

/// The response for `error` in `format` (a format chosen at run time, such as
/// [`Builtin`](crate::format::Builtin)).
///
/// ```
/// use error_core::format::Builtin;
/// use error_core::{response, ApiError, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// enum E {
///     #[api(status = 503, message = "Down for maintenance.")]
///     Maintenance {
///         #[api(retry_after)]
///         retry: std::time::Duration,
///     },
/// }
///
/// let err = E::Maintenance { retry: std::time::Duration::from_millis(2_500) };
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// let res = response::to_response_with(&err, &Builtin::Compact, &ctx);
/// assert_eq!(res.headers()["content-type"], "application/json");
/// assert_eq!(res.headers()["retry-after"], "3");
/// assert_eq!(res.body().as_slice(), br#"{"error":{"message":"Down for maintenance.","details":null}}"#);
/// ```
pub fn to_response_with<E: ApiError, F: Format + ?Sized>(
    error: &E,
    format: &F,
    ctx: &RenderContext<'_>,
) -> http::Response<Vec<u8>> {
    let mut body = Vec::with_capacity(256);
    error.render_into(format, ctx, &mut body);
    let mut response = http::Response::new(body);
    *response.status_mut() = error.status();
    crate::http::insert_error_headers(response.headers_mut(), error, format.content_type(), ctx);
    format.insert_headers(
        &crate::format::ErrorView::new(error, ctx),
        response.headers_mut(),
    );
    response
}
