//! actix-web 4 (feature `actix-web`): errors as `ResponseError`s, the request scope, and
//! actix's extractor errors in the service's envelope.
//!
//! The orphan rule forbids `impl<E: ApiError> ResponseError for E` outside actix-web, so a
//! handler returns its error wrapped in [`HttpError`]; `?` wraps it:
//!
//! ```
//! use actix_web::{web, App, HttpResponse};
//! use error_core::format::Builtin;
//! use error_core::http::actix::{self, ErrorScope, HttpError};
//! use error_core::http::ErrorSettings;
//! use error_core::ApiError;
//!
//! #[derive(Debug, ApiError, thiserror::Error)]
//! enum LeadError {
//!     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
//!     #[error("lead {id} not found")]
//!     NotFound { id: u64 },
//! }
//!
//! async fn get_lead(id: web::Path<u64>) -> Result<HttpResponse, HttpError<LeadError>> {
//!     Err(LeadError::NotFound { id: id.into_inner() })?
//! }
//!
//! let app = App::new()
//!     .app_data(actix::path_config())
//!     // No default service: actix's own 405 carries `Allow`; `ErrorScope` envelopes it.
//!     .service(web::resource("/v1/leads/{id}").route(web::get().to(get_lead)))
//!     .default_service(web::to(actix::not_found))
//!     .wrap(ErrorScope::new(ErrorSettings::new().format(Builtin::Flat)));
//! ```
//!
//! - [`ErrorScope`] runs each request in its [`RequestScope`] and sets `X-Request-Id` on
//!   every response. It also turns a handler's panic into a 500 envelope (logged once, the
//!   server keeps serving), serves HEAD wherever GET is (actix-web routes HEAD only to
//!   `web::head()` otherwise; under `ErrorScope` such a route is not reached), and puts
//!   actix's own 405, which carries `Allow`, in the envelope.
//! - [`Json`] and [`Query`] are extractors whose errors name the failing field's path;
//!   [`json_config`], [`path_config`] and [`query_config`] make actix's own `web::Json`,
//!   `web::Path` and `web::Query` answer in the envelope too.
//! - [`not_found`] is the app's default service. [`method_not_allowed`] can be a resource's,
//!   but cannot know the resource's methods, so its 405 has no `Allow`: prefer none.
//! - `web::PayloadConfig::new(n)` sets the body limit that [`Json`] answers 413 past.

use std::error::Error;
use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::rc::Rc;

use actix_web::body::EitherBody;
use actix_web::dev::{Payload, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::error::{InternalError, JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::header::{HeaderName, HeaderValue, ALLOW, CONTENT_TYPE};
use actix_web::http::{Method, StatusCode};
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError};
use serde::de::DeserializeOwned;

use super::body::{is_json_content_type, json_from_slice, path_param_error, query_from_str};
use super::panic::{panic_error, CatchUnwind};
use super::{error_response, ErrorSettings, RequestError, RequestId, RequestScope};
use crate::{ApiError, FieldError, FieldErrors, Origin};

const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub use super::HttpError;

/// [`HttpError`]: any [`ApiError`] as an actix-web `ResponseError`: the status, the headers of
/// [`http`](super) and the envelope, rendered in the request's [`RequestScope`] (outside
/// one: the enum's format, the system clock and a fresh request id). A 5xx is logged with
/// its source chain. `Display` writes the client-facing message only.
///
/// ```
/// use actix_web::ResponseError;
/// use error_core::http::actix::HttpError;
/// use error_core::ApiError;
///
/// #[derive(Debug, ApiError, thiserror::Error)]
/// enum E {
///     #[api(status = 402, code = "billing/no-credits", message = "No credits left.")]
///     #[error("no credits")]
///     NoCredits,
/// }
///
/// let res = HttpError(E::NoCredits).error_response();
/// assert_eq!(res.status(), 402);
/// assert_eq!(res.headers().get("x-content-type-options").unwrap(), "nosniff");
/// ```
impl<E: ApiError + Error> ResponseError for HttpError<E> {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.0.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        to_actix(error_response(&self.0, &RequestScope::current_or_default()))
    }
}

/// An `http` 1 response as actix-web's (which still uses `http` 0.2's types).
fn to_actix(res: http::Response<Vec<u8>>) -> HttpResponse {
    let (parts, body) = res.into_parts();
    let status =
        StatusCode::from_u16(parts.status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut out = HttpResponse::build(status);
    for (name, value) in &parts.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            out.append_header((name, value));
        }
    }
    out.body(body)
}

fn rejection(error: RequestError) -> actix_web::Error {
    HttpError(error).into()
}

/// The middleware that runs every request in its [`RequestScope`] and sets `X-Request-Id`
/// on every response (errors and successes alike).
///
/// ```
/// use actix_web::App;
/// use error_core::http::{actix::ErrorScope, ErrorSettings};
///
/// let app = App::new().wrap(ErrorScope::new(ErrorSettings::new()));
/// ```
#[derive(Clone, Debug, Default)]
pub struct ErrorScope {
    settings: ErrorSettings,
}

impl ErrorScope {
    /// The middleware for a service configured by `settings`.
    pub fn new(settings: ErrorSettings) -> Self {
        ErrorScope { settings }
    }
}

impl<S, B> Transform<S, ServiceRequest> for ErrorScope
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Transform = ErrorScopeService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ErrorScopeService {
            inner: Rc::new(service),
            settings: self.settings.clone(),
        }))
    }
}

/// The service of [`ErrorScope`].
#[derive(Debug)]
pub struct ErrorScopeService<S> {
    inner: Rc<S>,
    settings: ErrorSettings,
}

impl<S, B> Service<ServiceRequest> for ErrorScopeService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>>>>;

    actix_web::dev::forward_ready!(inner);

    fn call(&self, mut req: ServiceRequest) -> Self::Future {
        let id = RequestId::from_client(req.headers().get(X_REQUEST_ID).map(|v| v.as_bytes()));
        req.extensions_mut().insert(id.clone());
        // actix-web routes HEAD only to `web::head()` routes; RFC 9110 wants HEAD wherever GET
        // is served. actix-http's codec remembered the request was HEAD and sends no body.
        if req.method() == Method::HEAD {
            req.head_mut().method = Method::GET;
        }
        let accept: Vec<&[u8]> = req
            .headers()
            .get_all(actix_web::http::header::ACCEPT)
            .map(|v| v.as_bytes())
            .collect();
        let accept_language: Vec<&[u8]> = req
            .headers()
            .get_all(actix_web::http::header::ACCEPT_LANGUAGE)
            .map(|v| v.as_bytes())
            .collect();
        let scope = RequestScope::new(id.clone(), self.settings.clone())
            .accept(&accept)
            .accept_language(&accept_language);
        let host_ok = !self.settings.requires_host()
            || super::host::host_is_valid(
                req.version() == actix_web::http::Version::HTTP_11,
                req.headers()
                    .get_all(actix_web::http::header::HOST)
                    .map(|v| v.as_bytes()),
            );
        if !host_ok {
            // RFC 9112 §3.2: 400, before any routing.
            let mut response = to_actix(error_response(&RequestError::InvalidHost, &scope));
            if let Ok(value) = HeaderValue::from_str(id.as_str()) {
                response.headers_mut().insert(X_REQUEST_ID, value);
            }
            let (http_req, _) = req.into_parts();
            return Box::pin(ready(Ok(
                ServiceResponse::new(http_req, response).map_into_right_body()
            )));
        }
        let inner = Rc::clone(&self.inner);
        Box::pin(async move {
            // A panic in the handler (or in a middleware inside this one) is caught inside the
            // request scope: a 500 envelope with the request id, logged once.
            let caught = scope
                .clone()
                .run(CatchUnwind::new(async move { inner.call(req).await }))
                .await;
            let mut res = match caught {
                Ok(res) => {
                    let res = res?;
                    if is_bare_method_not_allowed(&res) {
                        // actix's own 405, empty: the envelope, keeping its `Allow`.
                        let (http_req, bare) = res.into_parts();
                        let mut response =
                            to_actix(error_response(&RequestError::MethodNotAllowed, &scope));
                        if let Some(allow) = bare.headers().get(ALLOW) {
                            response.headers_mut().insert(ALLOW, allow.clone());
                        }
                        ServiceResponse::new(http_req, response).map_into_right_body()
                    } else {
                        res.map_into_left_body()
                    }
                }
                Err(payload) => {
                    // The request went down with the handler, so the response rendered here,
                    // in the scope, travels as an error that actix sends as it is.
                    let response = to_actix(error_response(&panic_error(&*payload), &scope));
                    return Err(
                        InternalError::from_response("the handler panicked", response).into(),
                    );
                }
            };
            if let Ok(value) = HeaderValue::from_str(id.as_str()) {
                res.headers_mut().insert(X_REQUEST_ID, value);
            }
            Ok(res)
        })
    }
}

/// A 405 that actix-web wrote itself (a resource without a default service): no body, no
/// `Content-Type`, and the `Allow` header the envelope must keep.
fn is_bare_method_not_allowed<B>(res: &ServiceResponse<B>) -> bool {
    res.status() == StatusCode::METHOD_NOT_ALLOWED && !res.headers().contains_key(CONTENT_TYPE)
}

/// The request id: from [`ErrorScope`], or without it, the client's valid id or a fresh one.
impl FromRequest for RequestId {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let id = match req.extensions().get::<RequestId>() {
            Some(id) => id.clone(),
            None => RequestId::from_client(req.headers().get(X_REQUEST_ID).map(|v| v.as_bytes())),
        };
        ready(Ok(id))
    }
}

/// A JSON request body whose errors are [`RequestError`]s: 415 without a JSON
/// `Content-Type`, 413 over the `web::PayloadConfig` limit, 400 for malformed JSON, 422 with
/// the failing field's path for JSON of the wrong shape.
#[derive(Clone, Copy, Debug, Default)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if !is_json_content_type(req.headers().get(CONTENT_TYPE).map(|v| v.as_bytes())) {
            return Box::pin(ready(Err(rejection(RequestError::UnsupportedMediaType))));
        }
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let bytes = body.await.map_err(|err| {
                rejection(
                    if err.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
                        RequestError::PayloadTooLarge
                    } else {
                        RequestError::UnreadableBody
                    },
                )
            })?;
            json_from_slice(&bytes).map(Json).map_err(rejection)
        })
    }
}

/// Query parameters; a missing or malformed one is a 400 [`RequestError::InvalidQuery`]
/// naming it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            query_from_str(req.query_string())
                .map(Query)
                .map_err(rejection),
        )
    }
}

/// `web::JsonConfig` whose errors are [`RequestError`]s (without field paths: use [`Json`]
/// for those).
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default().error_handler(|err, _req| {
        rejection(match err {
            JsonPayloadError::ContentType => RequestError::UnsupportedMediaType,
            JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
                RequestError::PayloadTooLarge
            }
            JsonPayloadError::Deserialize(err) if err.is_data() => RequestError::InvalidBody(
                FieldErrors::new().with(FieldError::invalid("", "The value has the wrong type.")),
            ),
            JsonPayloadError::Deserialize(_) => RequestError::MalformedJson,
            _ => RequestError::UnreadableBody,
        })
    })
}

/// `web::PathConfig` whose errors are 400 [`RequestError::InvalidPath`]s naming the
/// parameter when the route has one.
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|err, req| {
        let message = match err {
            PathError::Deserialize(err) => err.to_string(),
            other => other.to_string(),
        };
        let expected = message.rsplit(" to a ").next().unwrap_or("");
        let mut names = req.match_info().iter().map(|(name, _)| name);
        let name = match (names.next(), names.next()) {
            (Some(name), None) => name.to_owned(),
            _ => "path".to_owned(),
        };
        rejection(path_param_error(&name, expected))
    })
}

/// `web::QueryConfig` whose errors are 400 [`RequestError::InvalidQuery`]s (without the
/// parameter's name: use [`Query`] for that).
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _req| {
        let QueryPayloadError::Deserialize(_) = err else {
            return rejection(RequestError::InvalidQuery(FieldErrors::new()));
        };
        rejection(RequestError::InvalidQuery(FieldErrors::new().with(
            FieldError::invalid("", "The query string is invalid.").with_origin(Origin::Query),
        )))
    })
}

/// The app's default service: 404 [`RequestError::NotFound`] in the envelope.
pub async fn not_found() -> Result<HttpResponse, HttpError<RequestError>> {
    Err(HttpError(RequestError::NotFound))
}

/// A resource's default service: 405 [`RequestError::MethodNotAllowed`] in the envelope,
/// without `Allow` (it cannot know the resource's methods). Without a default service,
/// actix-web answers 405 with `Allow` itself, and [`ErrorScope`] puts it in the envelope:
/// prefer that.
pub async fn method_not_allowed() -> Result<HttpResponse, HttpError<RequestError>> {
    Err(HttpError(RequestError::MethodNotAllowed))
}
