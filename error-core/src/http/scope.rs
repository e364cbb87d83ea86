//! The request scope: what an error rendered deep inside a handler needs to know about its
//! request (the id) and its service (the format, the clock, the API version).

use std::error::Error;
use std::fmt;
use std::future::Future;
use std::sync::Arc;

use crate::format::Format;
use crate::{ApiError, Clock, RenderContext, SystemClock};

use super::log::log_server_status;
use super::{log_server_error, RequestId};

/// How a service renders its errors: the envelope format chosen at run time, the formats a
/// client may ask for, the clock, and the API version written where the format has a place
/// for it.
///
/// With a format set, every error of the service (its own enum, and the framework's
/// rejections as [`RequestError`](super::RequestError)) has that format's shape. Without
/// one, each error uses its enum's `#[api(format = …)]`.
///
/// With [offers](ErrorSettings::offer), the adapters choose each error's format from the
/// request's `Accept` header (q-values honoured, see [`ErrorSettings::negotiate`]); the
/// default answers `application/json` and every request that accepts no offer, so no error
/// is ever a 406. Every error response then carries `Vary: Accept`.
///
/// ```
/// use error_core::format::Builtin;
/// use error_core::http::ErrorSettings;
/// use error_core::{FixedClock, Timestamp};
///
/// let settings = ErrorSettings::new()
///     .format(Builtin::Flat)
///     .version("v1")
///     .clock(FixedClock(Timestamp::from_unix_millis(0)));
/// assert_eq!(settings.format_ref().map(|f| f.content_type()), Some("application/json"));
/// ```
#[derive(Clone)]
pub struct ErrorSettings {
    format: Option<Arc<dyn Format + Send + Sync>>,
    offers: Arc<Vec<Arc<dyn Format + Send + Sync>>>,
    languages: Arc<Vec<Arc<str>>>,
    clock: Arc<dyn Clock>,
    version: Option<Arc<str>>,
    require_host: bool,
}

impl ErrorSettings {
    /// Each enum's own format, the system clock, each enum's own version.
    pub fn new() -> Self {
        ErrorSettings {
            format: None,
            offers: Arc::new(Vec::new()),
            languages: Arc::new(Vec::new()),
            clock: Arc::new(SystemClock),
            version: None,
            require_host: false,
        }
    }

    /// Refuses, before routing, an HTTP/1.1 request without exactly one valid `Host` header
    /// with a 400 envelope, `request/invalid-host` (RFC 9112 §3.2: "A server MUST respond
    /// with a 400 (Bad Request) status code to any HTTP/1.1 request message that lacks a
    /// Host header field and to any request message that contains more than one Host header
    /// field line or a Host header field with an invalid field value"). hyper and actix-web
    /// do not check it.
    ///
    /// Off by default: a request built in-process for a test (`Request::builder()`, actix's
    /// `TestRequest`) is HTTP/1.1 without `Host`, and would be refused.
    pub fn require_host(mut self) -> Self {
        self.require_host = true;
        self
    }

    /// Whether [`require_host`](Self::require_host) is on.
    pub fn requires_host(&self) -> bool {
        self.require_host
    }

    /// Renders every error in `format`.
    pub fn format(mut self, format: impl Format + Send + Sync + 'static) -> Self {
        self.format = Some(Arc::new(format));
        self
    }

    /// Lets a client ask for `format` with its content type in `Accept`: `offer(Problem)`
    /// answers `application/problem+json` with Problem. The default format (the one of
    /// [`format`](Self::format), else the enum's) still answers `application/json` and every
    /// request that accepts no offer; an offer with the content type of an earlier one, or
    /// `application/json` itself, is never chosen over it.
    ///
    /// ```
    /// use error_core::format::{Builtin, Format};
    /// use error_core::http::ErrorSettings;
    ///
    /// let settings = ErrorSettings::new().format(Builtin::Flat).offer(Builtin::Problem);
    /// let chosen = settings.negotiated_format(&[b"application/problem+json"]);
    /// assert_eq!(chosen.map(|f| f.content_type()), Some("application/problem+json"));
    /// // `application/json`, or nothing acceptable: the default (`None`), never a 406.
    /// assert!(settings.negotiated_format(&[b"application/json"]).is_none());
    /// assert!(settings.negotiated_format(&[b"text/html"]).is_none());
    /// ```
    pub fn offer(mut self, format: impl Format + Send + Sync + 'static) -> Self {
        Arc::make_mut(&mut self.offers).push(Arc::new(format));
        self
    }

    /// Offers the standard alternatives to the default: Problem (RFC 9457) for
    /// `application/problem+json`. Formats added later (such as JSON:API for
    /// `application/vnd.api+json`) are offered with [`offer`](Self::offer).
    ///
    /// ```
    /// use error_core::format::{Builtin, Format};
    /// use error_core::http::ErrorSettings;
    ///
    /// let settings = ErrorSettings::new().format(Builtin::Flat).negotiate();
    /// let accept: &[&[u8]] = &[b"application/json;q=0.5, application/problem+json;q=0.9"];
    /// assert_eq!(
    ///     settings.negotiated_format(accept).map(|f| f.content_type()),
    ///     Some("application/problem+json")
    /// );
    /// ```
    pub fn negotiate(self) -> Self {
        self.offer(crate::format::Problem)
    }

    /// Whether the format depends on `Accept` (any [offer](Self::offer)): then every error
    /// response carries `Vary: Accept`.
    pub fn negotiates(&self) -> bool {
        !self.offers.is_empty()
    }

    /// The offered format that the `Accept` header values prefer over the default, or
    /// `None` for the default (no offer, no `Accept`, `application/json` preferred, or
    /// nothing acceptable).
    pub fn negotiated_format(&self, accept: &[&[u8]]) -> Option<&(dyn Format + Send + Sync)> {
        self.negotiated_index(accept)
            .and_then(|index| self.offers.get(index))
            .map(|format| &**format)
    }

    fn negotiated_index(&self, accept: &[&[u8]]) -> Option<usize> {
        if self.offers.is_empty() || accept.is_empty() {
            return None;
        }
        let default: [&str; 2] = [
            "application/json",
            self.format
                .as_ref()
                .map_or("application/json", |f| f.content_type()),
        ];
        let offers: Vec<[&str; 1]> = self.offers.iter().map(|f| [f.content_type()]).collect();
        let candidates = std::iter::once(&default[..]).chain(offers.iter().map(|o| &o[..]));
        // Candidate 0 is the default.
        super::accept::choose(accept, candidates).and_then(|index| index.checked_sub(1))
    }

    /// The languages errors are sent in, the first being the default (the language of the
    /// attribute messages), each a folder name of the enums' `#[api(locales = "…")]`. The
    /// adapters then choose each request's language from `Accept-Language` (q-values,
    /// `de-AT` → `de` → the default), render the messages in it where the error has a
    /// translation, and set `Content-Language` (the language the message is in) and
    /// `Vary: Accept-Language` on every error response.
    ///
    /// ```
    /// use error_core::http::ErrorSettings;
    ///
    /// let settings = ErrorSettings::new().languages(["en", "de", "fr"]);
    /// assert_eq!(settings.negotiated_language(&[b"de-AT, fr;q=0.8"]), "de");
    /// assert_eq!(settings.negotiated_language(&[b"ja"]), "en");
    /// ```
    pub fn languages<S: Into<Arc<str>>>(mut self, languages: impl IntoIterator<Item = S>) -> Self {
        self.languages = Arc::new(languages.into_iter().map(Into::into).collect());
        self
    }

    /// The languages, the default first; empty: messages as the enums write them, and no
    /// `Content-Language`.
    pub fn languages_ref(&self) -> &[Arc<str>] {
        &self.languages
    }

    /// The language the `Accept-Language` values prefer among the [languages](Self::languages),
    /// else the default (`""` without languages).
    pub fn negotiated_language(&self, accept_language: &[&[u8]]) -> &str {
        let index = super::language::choose(accept_language, &self.languages).unwrap_or(0);
        self.languages.get(index).map_or("", |l| &**l)
    }

    /// Stamps envelopes with `clock`'s time (a [`FixedClock`](crate::FixedClock) in tests).
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Writes `version` in envelopes that carry one (Flat's `meta.version`), overriding the
    /// enums' own.
    pub fn version(mut self, version: impl Into<Arc<str>>) -> Self {
        self.version = Some(version.into());
        self
    }

    /// The format, if one is set.
    pub fn format_ref(&self) -> Option<&(dyn Format + Send + Sync)> {
        self.format.as_deref()
    }

    /// The clock.
    pub fn clock_ref(&self) -> &dyn Clock {
        &*self.clock
    }

    /// The version, if one is set.
    pub fn version_ref(&self) -> Option<&str> {
        self.version.as_deref()
    }
}

impl Default for ErrorSettings {
    fn default() -> Self {
        ErrorSettings::new()
    }
}

impl fmt::Debug for ErrorSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorSettings")
            .field("format", &self.format.as_ref().map(|f| f.content_type()))
            .field("languages", &self.languages)
            .field(
                "offers",
                &self
                    .offers
                    .iter()
                    .map(|f| f.content_type())
                    .collect::<Vec<_>>(),
            )
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

tokio::task_local! {
    static SCOPE: RequestScope;
}

/// One request as its errors see it: its id and the service's [`ErrorSettings`].
///
/// The adapters' middleware runs each request inside its scope, so an error turned into a
/// response anywhere in the handler finds them through [`RequestScope::current`].
///
/// ```
/// use error_core::http::{ErrorSettings, RequestId, RequestScope};
///
/// let scope = RequestScope::new(RequestId::parse("req-7").unwrap(), ErrorSettings::new());
/// let id = scope.sync(|| RequestScope::current().map(|s| s.request_id().to_string()));
/// assert_eq!(id.as_deref(), Some("req-7"));
/// assert!(RequestScope::current().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct RequestScope {
    request_id: RequestId,
    settings: ErrorSettings,
    /// The offer `Accept` chose, an index into the settings' offers; `None`: the default.
    offer: Option<usize>,
    /// The language `Accept-Language` chose, an index into the settings' languages.
    language: usize,
}

impl RequestScope {
    /// The scope of the request `request_id` in a service configured by `settings`, with
    /// the default format (see [`accept`](Self::accept)).
    pub fn new(request_id: RequestId, settings: ErrorSettings) -> Self {
        RequestScope {
            request_id,
            settings,
            offer: None,
            language: 0,
        }
    }

    /// Chooses the language of this request's errors from its `Accept-Language` values,
    /// among the settings' [languages](ErrorSettings::languages). The adapters call it.
    ///
    /// ```
    /// use error_core::http::{ErrorSettings, RequestId, RequestScope};
    ///
    /// let settings = ErrorSettings::new().languages(["en", "de"]);
    /// let scope = RequestScope::new(RequestId::generate(), settings)
    ///     .accept_language(&[b"fr;q=0.9, de-CH;q=0.5"]);
    /// assert_eq!(scope.language(), Some("de"));
    /// ```
    pub fn accept_language(mut self, accept_language: &[&[u8]]) -> Self {
        self.language =
            super::language::choose(accept_language, &self.settings.languages).unwrap_or(0);
        self
    }

    /// The language of this request's errors; `None` when the settings have no languages.
    pub fn language(&self) -> Option<&str> {
        self.settings.languages.get(self.language).map(|l| &**l)
    }

    /// Chooses the format of this request's errors from its `Accept` header values, among
    /// the settings' [offers](ErrorSettings::offer) and the default. The adapters call it.
    ///
    /// ```
    /// use error_core::format::{Builtin, Format};
    /// use error_core::http::{ErrorSettings, RequestId, RequestScope};
    ///
    /// let settings = ErrorSettings::new().format(Builtin::Flat).negotiate();
    /// let scope = RequestScope::new(RequestId::generate(), settings)
    ///     .accept(&[b"application/problem+json"]);
    /// assert_eq!(scope.format().map(|f| f.content_type()), Some("application/problem+json"));
    /// ```
    pub fn accept(mut self, accept: &[&[u8]]) -> Self {
        self.offer = self.settings.negotiated_index(accept);
        self
    }

    /// The format this request's errors are rendered in: the negotiated offer, else the
    /// settings' format; `None`: each enum's own.
    pub fn format(&self) -> Option<&(dyn Format + Send + Sync)> {
        match self.offer.and_then(|index| self.settings.offers.get(index)) {
            Some(offer) => Some(&**offer),
            None => self.settings.format_ref(),
        }
    }

    /// The scope of the request being handled, if any.
    pub fn current() -> Option<RequestScope> {
        SCOPE.try_with(RequestScope::clone).ok()
    }

    /// The current scope, or outside any (no middleware): a fresh request id and default
    /// settings.
    pub fn current_or_default() -> RequestScope {
        RequestScope::current()
            .unwrap_or_else(|| RequestScope::new(RequestId::generate(), ErrorSettings::new()))
    }

    /// Calls `f` with the current scope, borrowed (no clone), or outside any with a fresh
    /// one, as [`current_or_default`](RequestScope::current_or_default) gives.
    #[cfg(feature = "axum")]
    pub(crate) fn with_current_or_default<R>(mut f: impl FnMut(&RequestScope) -> R) -> R {
        SCOPE.try_with(|scope| f(scope)).unwrap_or_else(|_| {
            f(&RequestScope::new(
                RequestId::generate(),
                ErrorSettings::new(),
            ))
        })
    }

    /// Runs `future` inside this scope.
    pub async fn run<F: Future>(self, future: F) -> F::Output {
        SCOPE.scope(self, future).await
    }

    /// Runs `f` inside this scope.
    pub fn sync<R>(self, f: impl FnOnce() -> R) -> R {
        SCOPE.sync_scope(self, f)
    }

    /// The request id.
    pub fn request_id(&self) -> &RequestId {
        &self.request_id
    }

    /// The service's settings.
    pub fn settings(&self) -> &ErrorSettings {
        &self.settings
    }
}

/// The response for `error` in `scope`: the settings' format (else the enum's), the
/// settings' clock and version, the request id in the envelope and in `X-Request-Id`, and
/// every header of [`response::to_response`](crate::response::to_response).
///
/// A 5xx is [logged](log_server_error) here, once, with its source chain; its body holds
/// only the variant's message.
///
/// ```
/// use error_core::format::Builtin;
/// use error_core::http::{self, ErrorSettings, RequestId, RequestScope};
/// use error_core::{ApiError, FixedClock, Timestamp};
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[api(status = 500, message = "Internal server error.")]
///     Internal(std::io::Error),
/// }
/// impl std::fmt::Display for E {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("internal")
///     }
/// }
/// impl std::error::Error for E {}
///
/// let settings = ErrorSettings::new()
///     .format(Builtin::Flat)
///     .clock(FixedClock(Timestamp::from_unix_millis(0)));
/// let scope = RequestScope::new(RequestId::parse("r1").unwrap(), settings);
/// let res = http::error_response(&E::Internal(std::io::Error::other("db password")), &scope);
/// assert_eq!(
///     res.body().as_slice(),
///     br#"{"success":false,"status":500,"message":"Internal server error.","meta":{"timestamp":"1970-01-01T00:00:00.000Z","request_id":"r1"}}"#
/// );
/// ```
pub fn error_response<E: ApiError + Error>(
    error: &E,
    scope: &RequestScope,
) -> http::Response<Vec<u8>> {
    error_response_with_source(error, Some(error), scope)
}

/// [`error_response`] for an error that may not implement `std::error::Error`: `source` is
/// what a 5xx logs (its chain), or `None` to log the status and code alone. The axum
/// `IntoResponse` the derive generates calls it.
///
/// ```
/// use error_core::http::{error_response_with_source, RequestScope};
/// use error_core::ApiError;
///
/// #[derive(ApiError)]
/// enum E {
///     #[api(status = 503, message = "Try again later.")]
///     Unavailable,
/// }
///
/// let res = error_response_with_source(&E::Unavailable, None, &RequestScope::current_or_default());
/// assert_eq!(res.status(), 503);
/// ```
pub fn error_response_with_source<E: ApiError>(
    error: &E,
    source: Option<&dyn Error>,
    scope: &RequestScope,
) -> http::Response<Vec<u8>> {
    let status = error.status();
    if status.is_server_error() {
        match source {
            Some(source) => {
                log_server_error(source, scope.request_id.as_str(), status, error.code())
            }
            None => log_server_status(scope.request_id.as_str(), status, error.code()),
        }
    }
    let settings = &scope.settings;
    // The scope's id is valid (a `RequestId` is checked when made): not checked again.
    let mut ctx = RenderContext::from_clock(settings.clock_ref())
        .with_checked_request_id(scope.request_id.as_str());
    if let Some(version) = settings.version_ref() {
        ctx = ctx.with_version(version);
    }
    let language = scope.language();
    if let Some(language) = language {
        ctx = ctx.with_locale(language);
    }
    let mut response = match scope.format() {
        Some(format) => crate::response::to_response_with(error, format, &ctx),
        None => crate::response::to_response(error, &ctx),
    };
    let headers = response.headers_mut();
    if settings.negotiates() {
        headers.append(http::header::VARY, http::HeaderValue::from_static("Accept"));
    }
    if let Some(language) = language {
        // The language the message is really in: the default where the error has no
        // translation in the negotiated one.
        let sent = if error.write_message_in(language, &mut crate::__private::Discard) {
            language
        } else {
            settings.languages.first().map_or(language, |l| &**l)
        };
        if let Ok(value) = http::HeaderValue::from_str(sent) {
            headers.insert(http::header::CONTENT_LANGUAGE, value);
        }
        headers.append(
            http::header::VARY,
            http::HeaderValue::from_static("Accept-Language"),
        );
    }
    response
}
