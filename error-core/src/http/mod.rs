//! Errors on the wire: the headers every error response carries, request ids, and the
//! adapters for axum (feature `axum`) and actix-web (feature `actix-web`).
//!
//! | header | when | value |
//! |---|---|---|
//! | `Content-Type` | always | the format's, `application/json` or `application/problem+json` |
//! | `Cache-Control` | always | `no-store` |
//! | `X-Content-Type-Options` | always | `nosniff` |
//! | `X-Request-Id` | when the context has a request id | the client's id when [valid](is_valid_request_id), else a fresh UUID v4 |
//! | `Retry-After` | 429 and 503, from an `#[api(retry_after)]` field | whole seconds, rounded up, at most [`MAX_RETRY_AFTER_SECS`] (one day) |
//! | `WWW-Authenticate` | 401, from `#[api(www_authenticate = "…")]` | the challenge, such as `ApiKey` |
//!
//! [`response::to_response`](crate::response::to_response) sets them for any framework; the
//! adapters add the request scope (request id, runtime format, clock), the rejections of the
//! framework's own extractors in the service's envelope, and the log line of a 5xx.
//!
//! ```
//! use error_core::{http::is_valid_request_id, response, ApiError, RenderContext, Timestamp};
//!
//! #[derive(ApiError)]
//! enum E {
//!     #[api(status = 429, message = "Slow down.")]
//!     TooManyRequests {
//!         #[api(retry_after)]
//!         wait: u64,
//!     },
//! }
//!
//! assert!(is_valid_request_id("req-42"));
//! let ctx = RenderContext::at(Timestamp::from_unix_millis(0)).with_request_id("req-42");
//! let res = response::to_response(&E::TooManyRequests { wait: 3 }, &ctx);
//! assert_eq!(res.headers()["retry-after"], "3");
//! assert_eq!(res.headers()["x-request-id"], "req-42");
//! assert_eq!(res.headers()["cache-control"], "no-store");
//! ```

#[cfg(any(feature = "server", feature = "client"))]
mod escape;
mod headers;

#[cfg(feature = "server")]
pub(crate) use escape::write_escaped;
#[cfg(feature = "client")]
pub(crate) use escape::write_unquoted;

pub use headers::{
    insert_error_headers, is_valid_request_id, retry_after_seconds, MAX_REQUEST_ID_LEN,
    MAX_RETRY_AFTER_SECS, X_REQUEST_ID,
};

#[cfg(feature = "server")]
mod accept;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod body;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod host;
#[cfg(feature = "server")]
mod language;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod objects;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod serde_text;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use body::{CUT_MARKER, MAX_ECHOED_CHARS};
#[cfg(feature = "server")]
mod log;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod panic;
#[cfg(feature = "server")]
mod rejection;
#[cfg(feature = "server")]
mod request_id;
#[cfg(feature = "server")]
mod scope;
#[cfg(feature = "server")]
mod wrapper;

#[cfg(feature = "server")]
pub use log::{log_server_error, source_chain};
#[cfg(feature = "server")]
pub use rejection::RequestError;
#[cfg(feature = "server")]
pub use request_id::RequestId;
#[cfg(feature = "server")]
pub use scope::{error_response, error_response_with_source, ErrorSettings, RequestScope};
#[cfg(feature = "server")]
pub use wrapper::HttpError;

#[cfg(feature = "axum")]
pub mod axum;

#[cfg(feature = "actix-web")]
pub mod actix;
