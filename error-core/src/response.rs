//! Turning an error into an `http::Response`.

use http::header::{HeaderValue, CONTENT_TYPE};

use crate::format::Format;
use crate::{ApiError, RenderContext};

/// The response for `error` in its enum's format: the status, the format's `Content-Type`
/// and the envelope as the body.
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
/// let res = response::to_response(&E::NotFound, &RenderContext::at(Timestamp::from_unix_millis(0)));
/// assert_eq!(res.status(), 404);
/// assert_eq!(res.headers()["content-type"], "application/problem+json");
/// assert_eq!(
///     res.body().as_slice(),
///     br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found","code":"not_found"}"#
/// );
/// ```
pub fn to_response<E: ApiError>(error: &E, ctx: &RenderContext<'_>) -> http::Response<Vec<u8>> {
    to_response_with(error, &E::Format::default(), ctx)
}

/// The response for `error` in `format`.
pub fn to_response_with<E: ApiError, F: Format + ?Sized>(
    error: &E,
    format: &F,
    ctx: &RenderContext<'_>,
) -> http::Response<Vec<u8>> {
    let mut body = Vec::with_capacity(256);
    error.render_into(format, ctx, &mut body);
    let mut response = http::Response::new(body);
    *response.status_mut() = error.status();
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    response
}
