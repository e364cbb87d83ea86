//! axum 0.8 (feature `axum`): errors as responses, the request scope, and axum's own
//! rejections in the service's envelope.
//!
//! The orphan rule forbids `impl<E: ApiError> IntoResponse for E` outside axum, so with this
//! feature the derive implements `IntoResponse` for an enum that asks for it with
//! `#[api(axum)]`, and a handler
//! returns `Result<T, LeadError>` directly; [`HttpError`] is the same response as a wrapper,
//! for errors from elsewhere:
//!
//! ```
//! use axum::routing::get;
//! use axum::Router;
//! use error_core::format::Builtin;
//! use error_core::http::axum::{ErrorLayer, HttpError, Path};
//! use error_core::http::ErrorSettings;
//! use error_core::ApiError;
//!
//! #[derive(Debug, ApiError, thiserror::Error)]
//! #[api(axum)]
//! enum LeadError {
//!     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
//!     #[error("lead {id} not found")]
//!     NotFound { id: u64 },
//! }
//!
//! fn find(id: u64) -> Result<String, LeadError> {
//!     Err(LeadError::NotFound { id })
//! }
//!
//! async fn get_lead(Path(id): Path<u64>) -> Result<String, LeadError> {
//!     find(id)
//! }
//!
//! async fn get_lead_wrapped(Path(id): Path<u64>) -> Result<String, HttpError<LeadError>> {
//!     Ok(find(id)?)
//! }
//!
//! let app: Router = Router::new()
//!     .route("/v1/leads/{id}", get(get_lead))
//!     .route("/v2/leads/{id}", get(get_lead_wrapped))
//!     .fallback(error_core::http::axum::not_found)
//!     .method_not_allowed_fallback(error_core::http::axum::method_not_allowed)
//!     .layer(ErrorLayer::new(ErrorSettings::new().format(Builtin::Flat)));
//! ```
//!
//! - [`ErrorLayer`] runs each request in its [`RequestScope`]: the request id (echoed or
//!   fresh, set as `X-Request-Id` on every response), the format, the clock. Inside that
//!   scope, tower-http's `CatchPanic` turns a handler's panic into a 500 envelope with the
//!   request id, logged once like any 5xx; the server keeps serving.
//! - [`Json`], [`Path`] and [`Query`] replace axum's extractors; their rejections are
//!   [`RequestError`]s in the service's envelope, and a JSON body of the wrong shape names
//!   the failing field's path.
//! - [`not_found`] and [`method_not_allowed`] are the router's fallbacks.
//! - Add `axum::extract::DefaultBodyLimit::max(n)` for the body limit; [`Json`] answers
//!   413 past it.

use std::any::Any;
use std::convert::Infallible;
use std::error::Error;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use tower_http::catch_panic::{CatchPanic, ResponseForPanic};

use super::body::{is_json_content_type, json_from_slice, path_param_error, query_from_str};
use super::panic::panic_error;
use super::{error_response, ErrorSettings, RequestError, RequestId, RequestScope, X_REQUEST_ID};
use crate::ApiError;

pub use super::HttpError;

/// [`HttpError`]: any [`ApiError`] as an axum response: the status, the headers of
/// [`http`](super) and the envelope, rendered in the request's [`RequestScope`] (outside
/// one: the enum's format, the system clock and a fresh request id). A 5xx is logged with
/// its source chain, which needs `E: std::error::Error` (derive `thiserror::Error` beside
/// `ApiError`).
///
/// ```
/// use axum::response::IntoResponse;
/// use error_core::http::axum::HttpError;
/// use error_core::ApiError;
///
/// #[derive(Debug, ApiError, thiserror::Error)]
/// enum E {
///     #[api(status = 409, code = "lead/duplicate", message = "A lead with this email exists.")]
///     #[error("duplicate")]
///     Duplicate,
/// }
///
/// let res = HttpError(E::Duplicate).into_response();
/// assert_eq!(res.status(), 409);
/// assert_eq!(res.headers()["content-type"], "application/problem+json");
/// assert_eq!(res.headers()["cache-control"], "no-store");
/// ```
impl<E: ApiError + Error> IntoResponse for HttpError<E> {
    fn into_response(self) -> Response {
        RequestScope::with_current_or_default(|scope| error_response(&self.0, scope))
            .map(Body::from)
    }
}

/// The layer that runs every request of a router in its [`RequestScope`], and sets
/// `X-Request-Id` on every response (errors and successes alike).
///
/// ```
/// use axum::Router;
/// use error_core::http::{axum::ErrorLayer, ErrorSettings};
///
/// let app: Router = Router::new().layer(ErrorLayer::new(ErrorSettings::new()));
/// ```
#[derive(Clone, Debug, Default)]
pub struct ErrorLayer {
    settings: ErrorSettings,
}

impl ErrorLayer {
    /// The layer for a service configured by `settings`.
    pub fn new(settings: ErrorSettings) -> Self {
        ErrorLayer { settings }
    }
}

impl<S> tower_layer::Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ErrorService {
            inner: CatchPanic::custom(inner, PanicResponse),
            settings: self.settings.clone(),
        }
    }
}

/// The service of [`ErrorLayer`]. A panic in the inner service is caught inside the request
/// scope (tower-http's `CatchPanic`): the client gets a 500 envelope in the service's
/// format with its request id, the panic is logged once like any other 5xx, and the server
/// keeps serving.
#[derive(Clone, Debug)]
pub struct ErrorService<S> {
    inner: CatchPanic<S, PanicResponse>,
    settings: ErrorSettings,
}

/// The response to a panic, rendered in the current request's scope.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct PanicResponse;

impl ResponseForPanic for PanicResponse {
    type ResponseBody = Body;

    fn response_for_panic(&mut self, payload: Box<dyn Any + Send + 'static>) -> Response {
        error_response(&panic_error(&*payload), &RequestScope::current_or_default()).map(Body::from)
    }
}

impl<S> tower_service::Service<Request> for ErrorService<S>
where
    S: tower_service::Service<Request, Response = Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request) -> Self::Future {
        let id = RequestId::from_client(req.headers().get(X_REQUEST_ID).map(|v| v.as_bytes()));
        req.extensions_mut().insert(id.clone());
        let accept: Vec<&[u8]> = req
            .headers()
            .get_all(axum::http::header::ACCEPT)
            .iter()
            .map(|v| v.as_bytes())
            .collect();
        let accept_language: Vec<&[u8]> = req
            .headers()
            .get_all(axum::http::header::ACCEPT_LANGUAGE)
            .iter()
            .map(|v| v.as_bytes())
            .collect();
        let scope = RequestScope::new(id.clone(), self.settings.clone())
            .accept(&accept)
            .accept_language(&accept_language);
        let host = req.headers().get_all(axum::http::header::HOST);
        if self.settings.requires_host()
            && !super::host::host_is_valid(
                req.version() == axum::http::Version::HTTP_11,
                host.iter().map(|v| v.as_bytes()),
            )
        {
            // RFC 9112 §3.2: 400, before any routing.
            let mut res = error_response(&RequestError::InvalidHost, &scope).map(Body::from);
            if let Ok(value) = axum::http::HeaderValue::from_str(id.as_str()) {
                res.headers_mut().insert(X_REQUEST_ID, value);
            }
            return Box::pin(async move { Ok(res) });
        }
        let future = scope.clone().sync(|| self.inner.call(req));
        Box::pin(async move {
            let mut res = scope.run(future).await?.map(Body::new);
            // An error response carries the id already: not parsed and inserted again.
            let has_id = res.headers().get(X_REQUEST_ID).map(|v| v.as_bytes())
                == Some(id.as_str().as_bytes());
            if !has_id {
                if let Ok(value) = axum::http::HeaderValue::from_str(id.as_str()) {
                    res.headers_mut().insert(X_REQUEST_ID, value);
                }
            }
            Ok(res)
        })
    }
}

/// The request id: from [`ErrorLayer`], or without it, the client's valid id or a fresh one.
impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(match parts.extensions.get::<RequestId>() {
            Some(id) => id.clone(),
            None => RequestId::from_client(parts.headers.get(X_REQUEST_ID).map(|v| v.as_bytes())),
        })
    }
}

/// A JSON request body (and response body), whose rejections are [`RequestError`]s: 415
/// without a JSON `Content-Type`, 413 over the body limit, 400 for malformed JSON, 422 with
/// the failing field's path for JSON of the wrong shape.
///
/// ```
/// use error_core::http::axum::{HttpError, Json};
///
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct Lead {
///     email: String,
/// }
///
/// async fn create(Json(lead): Json<Lead>) -> Json<Lead> {
///     Json(lead)
/// }
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = HttpError<RequestError>;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = req.headers().get(axum::http::header::CONTENT_TYPE);
        if !is_json_content_type(content_type.map(|v| v.as_bytes())) {
            return Err(HttpError(RequestError::UnsupportedMediaType));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            HttpError(if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                RequestError::PayloadTooLarge
            } else {
                RequestError::UnreadableBody
            })
        })?;
        json_from_slice(&bytes).map(Json).map_err(HttpError)
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match serde_json::to_vec(&self.0) {
            Ok(body) => (
                [(
                    axum::http::header::CONTENT_TYPE,
                    axum::http::HeaderValue::from_static("application/json"),
                )],
                body,
            )
                .into_response(),
            Err(err) => HttpError(RequestError::Internal(format!(
                "serializing the response: {err}"
            )))
            .into_response(),
        }
    }
}

/// Path parameters; a parameter that fails to parse is a 400 [`RequestError::InvalidPath`]
/// naming it (`id must be a non-negative integer.`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = HttpError<RequestError>;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::path::ErrorKind;
        use axum::extract::rejection::PathRejection;
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(PathRejection::FailedToDeserializePathParams(err)) => {
                let single = single_param_name(parts, state).await;
                Err(HttpError(match err.into_kind() {
                    ErrorKind::ParseErrorAtKey {
                        key, expected_type, ..
                    } => path_param_error(&key, expected_type),
                    ErrorKind::ParseError { expected_type, .. } => {
                        path_param_error(single.as_deref().unwrap_or("path"), expected_type)
                    }
                    ErrorKind::ParseErrorAtIndex {
                        index,
                        expected_type,
                        ..
                    } => path_param_error(&index.to_string(), expected_type),
                    ErrorKind::InvalidUtf8InPathParam { key } => {
                        path_param_error(&key, "UTF-8 text")
                    }
                    ErrorKind::DeserializeError { key, .. } => path_param_error(&key, ""),
                    other => RequestError::Internal(format!("path parameters: {other}")),
                }))
            }
            Err(other) => Err(HttpError(RequestError::Internal(format!(
                "path parameters: {other}"
            )))),
        }
    }
}

/// The name of a route's only parameter (`id` in `/v1/leads/{id}`), for `Path<u64>`.
async fn single_param_name<S: Send + Sync>(parts: &mut Parts, state: &S) -> Option<String> {
    let params = axum::extract::RawPathParams::from_request_parts(parts, state)
        .await
        .ok()?;
    let mut names = params.iter().map(|(name, _)| name);
    let name = names.next()?;
    names.next().is_none().then(|| name.to_owned())
}

/// Query parameters; a missing or malformed one is a 400 [`RequestError::InvalidQuery`]
/// naming it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = HttpError<RequestError>;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        query_from_str(parts.uri.query().unwrap_or(""))
            .map(Query)
            .map_err(HttpError)
    }
}

/// The router's fallback: 404 [`RequestError::NotFound`] in the envelope.
pub async fn not_found() -> HttpError<RequestError> {
    HttpError(RequestError::NotFound)
}

/// The router's method fallback: 405 [`RequestError::MethodNotAllowed`] in the envelope
/// (axum adds the `Allow` header).
pub async fn method_not_allowed() -> HttpError<RequestError> {
    HttpError(RequestError::MethodNotAllowed)
}

/// Support for the `IntoResponse` impl the derive generates with the `axum` feature.
#[doc(hidden)]
pub mod __derive {
    use std::error::Error;

    pub use axum::response::{IntoResponse, Response};

    use crate::http::{error_response_with_source, RequestScope};
    use crate::ApiError;

    /// Renders `error` in the request's scope; `source` is what a 5xx logs.
    pub fn response<E: ApiError>(error: &E, source: Option<&dyn Error>) -> Response {
        RequestScope::with_current_or_default(|scope| {
            error_response_with_source(error, source, scope)
        })
        .map(axum::body::Body::from)
    }

    /// Autoref specialization: `(&Probe(&e)).source_of()` is `Some(e)` when `e` is a
    /// `std::error::Error` (so a 5xx logs its source chain) and `None` otherwise.
    pub struct Probe<'a, T>(pub &'a T);

    /// The specific case: the error is a `std::error::Error`.
    pub trait WithSource {
        /// The error itself, as the head of its source chain.
        fn source_of(&self) -> Option<&dyn Error>;
    }

    impl<T: Error> WithSource for Probe<'_, T> {
        fn source_of(&self) -> Option<&dyn Error> {
            Some(self.0)
        }
    }

    /// The fallback: no source chain to log.
    pub trait WithoutSource {
        /// `None`.
        fn source_of(&self) -> Option<&dyn Error>;
    }

    impl<T> WithoutSource for &Probe<'_, T> {
        fn source_of(&self) -> Option<&dyn Error> {
            None
        }
    }
}
