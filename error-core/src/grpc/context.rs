//! What a conversion into `tonic::Status` needs besides the error.

use std::error::Error;
use std::fmt;

use super::Code;
use crate::{CatalogueEntry, RenderContext};

/// Translates a client-facing message for `google.rpc.LocalizedMessage`: the hook through
/// which a service with translations fills that detail.
///
/// It receives the catalogue entry (its [`code`](CatalogueEntry::code) names the message;
/// its [`message`](CatalogueEntry::message) is the template), the message as rendered, and
/// the requested locale (a BCP-47 tag such as `de-CH`), and returns the message in that
/// locale, or `None` to send no `LocalizedMessage`. It sees only what the client may see.
/// Any `Fn(&CatalogueEntry, &str, &str) -> Option<String>` is one.
///
/// ```
/// use error_core::grpc::Localize;
/// use error_core::CatalogueEntry;
///
/// let german = |entry: &CatalogueEntry, _message: &str, locale: &str| {
///     (locale.starts_with("de") && entry.code() == "not_found").then(|| "Nicht gefunden.".to_owned())
/// };
/// fn takes(_: &dyn Localize) {}
/// takes(&german);
/// ```
pub trait Localize {
    /// The message in `locale`, if there is a translation.
    fn localize(&self, entry: &CatalogueEntry, message: &str, locale: &str) -> Option<String>;
}

impl<F: Fn(&CatalogueEntry, &str, &str) -> Option<String>> Localize for F {
    fn localize(&self, entry: &CatalogueEntry, message: &str, locale: &str) -> Option<String> {
        self(entry, message, locale)
    }
}

/// The settings and request data of one conversion into `tonic::Status`
/// ([`to_status`](super::to_status)).
///
/// - `domain` (required): `ErrorInfo.domain`, the service's name, such as
///   `leads.example.com` (AIP-193: "the logical grouping to which the reason belongs").
/// - request id: sent as `google.rpc.RequestInfo`.
/// - locale and [`Localize`]: a `google.rpc.LocalizedMessage` when there is a translation.
/// - code: overrides the mapping from the HTTP status (a variant's own gRPC code).
/// - source: the error whose source chain a 5xx logs.
///
/// ```
/// use error_core::grpc::{Code, GrpcContext};
///
/// let ctx = GrpcContext::new("leads.example.com")
///     .with_request_id("req-42")
///     .with_code(Code::Aborted);
/// assert_eq!(ctx.domain(), "leads.example.com");
/// assert_eq!(ctx.request_id(), Some("req-42"));
/// assert_eq!(ctx.code(), Some(Code::Aborted));
/// ```
#[derive(Clone, Copy)]
pub struct GrpcContext<'a> {
    domain: &'a str,
    request_id: Option<&'a str>,
    locale: Option<(&'a str, &'a dyn Localize)>,
    /// A negotiated language whose compile-time translations (`#[api(locales = …)]`) are sent
    /// as `LocalizedMessage` when no [`Localize`] hook is set.
    translation: Option<&'a str>,
    code: Option<Code>,
    source: Option<&'a (dyn Error + 'a)>,
}

impl<'a> GrpcContext<'a> {
    /// A context for a service whose errors belong to `domain`.
    pub const fn new(domain: &'a str) -> Self {
        GrpcContext {
            domain,
            request_id: None,
            locale: None,
            translation: None,
            code: None,
            source: None,
        }
    }

    /// Sends the error's own translation into `locale` (from `#[api(locales = …)]`, checked
    /// at compile time) as a `google.rpc.LocalizedMessage`, when the variant has one. The
    /// generated `From<E> for tonic::Status` sets it from the request scope's negotiated
    /// language. A [`with_locale`](GrpcContext::with_locale) hook takes precedence.
    pub const fn with_translation(mut self, locale: &'a str) -> Self {
        self.translation = Some(locale);
        self
    }

    /// The language set by [`with_translation`](GrpcContext::with_translation).
    pub const fn translation(&self) -> Option<&'a str> {
        self.translation
    }

    /// A context with the request id of an HTTP rendering context, for a service that
    /// answers both transports from one request scope.
    ///
    /// ```
    /// use error_core::grpc::GrpcContext;
    /// use error_core::{RenderContext, Timestamp};
    ///
    /// let render = RenderContext::at(Timestamp::from_unix_millis(0)).with_request_id("req-7");
    /// let ctx = GrpcContext::from_render("leads.example.com", &render);
    /// assert_eq!(ctx.request_id(), Some("req-7"));
    /// ```
    pub const fn from_render(domain: &'a str, render: &RenderContext<'a>) -> Self {
        let ctx = GrpcContext::new(domain);
        match render.request_id() {
            Some(request_id) => ctx.with_request_id(request_id),
            None => ctx,
        }
    }

    /// The request id, sent as `google.rpc.RequestInfo.request_id`. Pass one that is safe
    /// to echo, as [`RequestId::from_client`](crate::http::RequestId::from_client) makes
    /// from the client's metadata.
    pub const fn with_request_id(mut self, request_id: &'a str) -> Self {
        self.request_id = Some(request_id);
        self
    }

    /// The client's locale (from its `Accept-Language`-like metadata) and the translations:
    /// a `google.rpc.LocalizedMessage` is sent when `localize` has the message in `locale`.
    pub const fn with_locale(mut self, locale: &'a str, localize: &'a dyn Localize) -> Self {
        self.locale = Some((locale, localize));
        self
    }

    /// The gRPC code to send, instead of the one the HTTP status maps to
    /// ([`Code::from_http`]). The derive sets it from a variant's override, which it has
    /// checked to [pair](Code::pairs_with) with the variant's status.
    pub const fn with_code(mut self, code: Code) -> Self {
        self.code = Some(code);
        self
    }

    /// The error whose source chain a 5xx logs (usually the error itself, when it is a
    /// `std::error::Error`). Without one, a 5xx logs its status and code only.
    pub const fn with_source(mut self, source: &'a (dyn Error + 'a)) -> Self {
        self.source = Some(source);
        self
    }

    /// `ErrorInfo.domain`.
    pub const fn domain(&self) -> &'a str {
        self.domain
    }

    /// The request id, if set.
    pub const fn request_id(&self) -> Option<&'a str> {
        self.request_id
    }

    /// The locale, if set.
    pub fn locale(&self) -> Option<&'a str> {
        self.locale.map(|(locale, _)| locale)
    }

    /// The overriding code, if set.
    pub const fn code(&self) -> Option<Code> {
        self.code
    }

    pub(super) fn localize(
        &self,
        entry: &CatalogueEntry,
        message: &str,
    ) -> Option<(&'a str, String)> {
        let (locale, localize) = self.locale?;
        localize
            .localize(entry, message, locale)
            .map(|message| (locale, message))
    }

    pub(super) fn source(&self) -> Option<&'a (dyn Error + 'a)> {
        self.source
    }
}

impl fmt::Debug for GrpcContext<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GrpcContext")
            .field("domain", &self.domain)
            .field("request_id", &self.request_id)
            .field("locale", &self.locale())
            .field("code", &self.code)
            .field("source", &self.source.is_some())
            .finish()
    }
}
