//! The headers of an error response, for any framework.

use std::time::Duration;

use http::header::{
    HeaderMap, HeaderName, HeaderValue, CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE,
    X_CONTENT_TYPE_OPTIONS,
};
use http::StatusCode;

use crate::{ApiError, RenderContext};

/// `X-Request-Id`, the header that carries the request id both ways.
pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub use crate::context::{is_valid_request_id, MAX_REQUEST_ID_LEN};

/// The longest `Retry-After` a response announces: one day (86,400 seconds). A longer delay
/// (a bug, an overflow, a value from elsewhere) is sent as this, so that no client is told to
/// wait for years and no proxy sees a number it cannot parse.
pub const MAX_RETRY_AFTER_SECS: u64 = 86_400;

/// `Retry-After` in whole seconds, rounded up so a client never retries early.
///
/// ```
/// use std::time::Duration;
/// use error_core::http::retry_after_seconds;
///
/// assert_eq!(retry_after_seconds(Duration::from_secs(3)), 3);
/// assert_eq!(retry_after_seconds(Duration::from_millis(1_200)), 2);
/// assert_eq!(retry_after_seconds(Duration::ZERO), 0);
/// ```
pub fn retry_after_seconds(delay: Duration) -> u64 {
    let whole = delay.as_secs();
    if delay.subsec_nanos() > 0 {
        whole.saturating_add(1)
    } else {
        whole
    }
}

/// Sets the headers of an error response in `headers`: `Content-Type` (`content_type`),
/// `Cache-Control: no-store`, `X-Content-Type-Options: nosniff`, `X-Request-Id` when `ctx`
/// has a valid one, `Retry-After` on 429 and 503 when the error has a delay (at most
/// [`MAX_RETRY_AFTER_SECS`]), and
/// `WWW-Authenticate` on 401 when the variant declares a challenge.
///
/// ```
/// use error_core::{http::insert_error_headers, ApiError, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// enum E {
///     #[api(status = 401, www_authenticate = "ApiKey")]
///     Unauthorized,
/// }
///
/// let mut headers = http::HeaderMap::new();
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// insert_error_headers(&mut headers, &E::Unauthorized, "application/json", &ctx);
/// assert_eq!(headers["www-authenticate"], "ApiKey");
/// assert_eq!(headers["x-content-type-options"], "nosniff");
/// assert!(headers.get("x-request-id").is_none());
/// ```
pub fn insert_error_headers<E: ApiError>(
    headers: &mut HeaderMap,
    error: &E,
    content_type: &'static str,
    ctx: &RenderContext<'_>,
) {
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // A context keeps only valid ids (`RenderContext::with_request_id`): not checked again.
    if let Some(id) = ctx.request_id() {
        if let Ok(value) = HeaderValue::from_str(id) {
            headers.insert(X_REQUEST_ID, value);
        }
    }
    let status = error.status();
    if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
        if let Some(delay) = error.retry_after() {
            let seconds = retry_after_seconds(delay).min(MAX_RETRY_AFTER_SECS);
            headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
    }
    if status == StatusCode::UNAUTHORIZED {
        if let Some(challenge) = error.entry().www_authenticate() {
            if let Ok(value) = HeaderValue::from_str(challenge) {
                headers.insert(WWW_AUTHENTICATE, value);
            }
        }
    }
}
