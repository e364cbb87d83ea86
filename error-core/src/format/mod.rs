//! Envelope formats: how an error is laid out as JSON.
//!
//! Five formats are built in, each reproducing the error pages of a public API byte for
//! byte; [`Format`] is public so a service can write its own.

use std::borrow::Cow;

use crate::error::{JsonMessage, MessageSink};
use crate::{
    ApiError, ApiInfo, CatalogueEntry, Details, FieldError, FieldErrors, PlaceholderVisitor,
    RenderContext, Timestamp,
};

pub(crate) mod aip;
mod builtin;
pub(crate) mod cache;
mod compact;
mod flat;
mod jsonapi;
mod laravel;
mod microsoft;
mod nested;
mod problem;

pub use aip::Aip;
pub use builtin::{Builtin, UnknownFormat};
pub(crate) use cache::Slot;
pub use compact::Compact;
pub use flat::Flat;
pub use jsonapi::JsonApi;
pub use laravel::Laravel;
pub use microsoft::Microsoft;
pub use nested::Nested;
pub use problem::Problem;

/// An envelope format: writes an error as JSON and names its content type.
///
/// A format gets an [`ErrorView`], whose `write_*_json` methods write the pieces already
/// escaped (static ones were escaped at compile time), and appends to a byte buffer.
///
/// ```
/// use error_core::format::{ErrorView, Format};
/// use error_core::{ApiError, RenderContext, Timestamp};
///
/// /// `{"status":404,"code":"not_found"}`
/// #[derive(Default)]
/// struct Tiny;
///
/// impl Format for Tiny {
///     fn content_type(&self) -> &'static str {
///         "application/json"
///     }
///
///     fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
///         out.extend_from_slice(b"{\"status\":");
///         error.write_status(out);
///         out.extend_from_slice(b",\"code\":");
///         error.write_code_json(out);
///         out.push(b'}');
///     }
/// }
///
/// #[derive(ApiError)]
/// #[api(format = Tiny)]
/// enum E {
///     #[api(status = 404)]
///     NotFound,
/// }
///
/// let body = E::NotFound.to_json(&RenderContext::at(Timestamp::from_unix_millis(0)));
/// assert_eq!(body, br#"{"status":404,"code":"not_found"}"#);
/// ```
pub trait Format {
    /// The `Content-Type` of the envelope, such as `application/json`.
    fn content_type(&self) -> &'static str;

    /// Appends the envelope of `error` to `out`.
    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>);

    /// Adds the format's own response headers, after the ones every error response gets
    /// (the Microsoft format's `x-ms-error-code`). By default, none.
    fn insert_headers(&self, error: &ErrorView<'_>, headers: &mut http::HeaderMap) {
        let _ = (error, headers);
    }

    /// The slot of a built-in format's cached static bodies (its settings included); `None`
    /// for every other format, which renders every error piece by piece.
    #[doc(hidden)]
    #[inline]
    fn __static_slot(&self) -> Option<Slot> {
        None
    }
}

impl<F: Format + ?Sized> Format for &F {
    fn content_type(&self) -> &'static str {
        (**self).content_type()
    }

    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        (**self).render(error, out)
    }

    fn insert_headers(&self, error: &ErrorView<'_>, headers: &mut http::HeaderMap) {
        (**self).insert_headers(error, headers)
    }

    #[inline]
    fn __static_slot(&self) -> Option<Slot> {
        (**self).__static_slot()
    }
}

// Object-safe access to the message of any `ApiError`.
trait MessageSource {
    fn write_message(&self, sink: &mut dyn MessageSink);
    fn write_placeholders(&self, visitor: &mut dyn PlaceholderVisitor);
    fn visit_chain(&self, visit: &mut dyn FnMut(&'static CatalogueEntry));
    fn write_message_in(&self, locale: &str, sink: &mut dyn MessageSink) -> bool;
    fn static_message_json_in(&self, locale: &str) -> Option<&'static str>;
    fn write_field_message_in(
        &self,
        locale: Option<&str>,
        kind: &crate::FieldErrorKind,
        path: &crate::FieldPath,
        out: &mut Vec<u8>,
    ) -> bool;
}

impl<E: ApiError> MessageSource for E {
    fn write_message(&self, sink: &mut dyn MessageSink) {
        ApiError::write_message(self, sink)
    }

    fn write_placeholders(&self, visitor: &mut dyn PlaceholderVisitor) {
        ApiError::write_placeholders(self, visitor)
    }

    fn visit_chain(&self, visit: &mut dyn FnMut(&'static CatalogueEntry)) {
        ApiError::visit_chain(self, visit)
    }

    fn write_message_in(&self, locale: &str, sink: &mut dyn MessageSink) -> bool {
        ApiError::write_message_in(self, locale, sink)
    }

    fn static_message_json_in(&self, locale: &str) -> Option<&'static str> {
        ApiError::__static_message_json_in(self, locale)
    }

    fn write_field_message_in(
        &self,
        locale: Option<&str>,
        kind: &crate::FieldErrorKind,
        path: &crate::FieldPath,
        out: &mut Vec<u8>,
    ) -> bool {
        ApiError::__write_field_message_in(self, locale, kind, path, out)
    }
}

/// An error as a format sees it: the variant's static parts, its dynamic parts, and the
/// rendering context.
///
/// The `write_*_json` methods append JSON values (strings with their quotes), escaped;
/// the others give the plain values.
///
/// ```
/// use error_core::format::ErrorView;
/// use error_core::{ApiError, FieldErrors, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(version = "v1", type_base = "https://errors.example.com/")]
/// enum E {
///     #[api(status = 404, code = "lead/not-found", message = "Lead \"{id}\" was not found.")]
///     NotFound { id: u64 },
///     #[api(status = 422, message = "Invalid.")]
///     Invalid(#[api(fields)] FieldErrors),
///     #[api(status = 402, message = "Pay.")]
///     Pay { #[api(details)] needed: u32 },
/// }
///
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0)).with_request_id("req-1");
/// let err = E::NotFound { id: 7 };
/// let view = ErrorView::new(&err, &ctx);
/// assert_eq!(view.entry().variant(), "NotFound");
/// assert_eq!(view.status(), 404);
/// assert_eq!(view.code(), "lead/not-found");
/// assert_eq!(view.title(), "Not Found");
/// assert_eq!(view.message(), "Lead \"7\" was not found.");
/// assert_eq!(view.timestamp(), Timestamp::from_unix_millis(0));
/// assert_eq!(view.request_id(), Some("req-1"));
/// assert_eq!(view.version(), Some("v1"));
/// assert_eq!(view.type_base(), Some("https://errors.example.com/"));
/// assert!(view.field_errors().is_none());
/// assert!(!view.has_details());
///
/// let mut out = Vec::new();
/// view.write_status(&mut out);
/// view.write_code_json(&mut out);
/// view.write_message_json(&mut out);
/// view.write_timestamp_json(&mut out);
/// view.write_details_json(&mut out); // no details: null
/// assert_eq!(
///     out,
///     br#"404"lead/not-found""Lead \"7\" was not found.""1970-01-01T00:00:00.000Z"null"#
/// );
///
/// let err = E::Pay { needed: 3 };
/// let view = ErrorView::new(&err, &ctx);
/// assert!(view.has_details());
/// let mut out = Vec::new();
/// view.write_details_json(&mut out);
/// assert_eq!(out, b"3");
///
/// let err = E::Invalid(FieldErrors::new().add("email", "invalid", "Invalid email format"));
/// assert_eq!(ErrorView::new(&err, &ctx).field_errors().map(|f| f.len()), Some(1));
/// ```
pub struct ErrorView<'a> {
    entry: &'static CatalogueEntry,
    status: http::StatusCode,
    message: &'a dyn MessageSource,
    fields: Option<&'a FieldErrors>,
    details: Option<&'a dyn Details>,
    info: ApiInfo,
    retry_after: Option<std::time::Duration>,
    ctx: &'a RenderContext<'a>,
}

impl<'a> ErrorView<'a> {
    /// The view of `error` rendered with `ctx`.
    pub fn new<E: ApiError>(error: &'a E, ctx: &'a RenderContext<'a>) -> Self {
        ErrorView {
            entry: error.entry(),
            status: error.status(),
            message: error,
            fields: error.field_errors(),
            details: error.details(),
            info: error.info(),
            retry_after: error.retry_after(),
            ctx,
        }
    }

    /// The catalogue entry of the variant.
    pub fn entry(&self) -> &'static CatalogueEntry {
        self.entry
    }

    /// The HTTP status.
    pub fn status(&self) -> http::StatusCode {
        self.status
    }

    /// Writes the status as digits.
    pub fn write_status(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.status.as_str().as_bytes());
    }

    /// The detail code.
    pub fn code(&self) -> &'static str {
        self.entry.code()
    }

    /// Writes the detail code as a JSON string (escaped at compile time).
    pub fn write_code_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        self.entry.write_code_contents(out);
        out.push(b'"');
    }

    /// The status's reason phrase.
    pub fn title(&self) -> &'static str {
        self.entry.title()
    }

    /// The message as text, in the context's [locale](RenderContext::with_locale) when the
    /// error has a translation for it.
    pub fn message(&self) -> Cow<'static, str> {
        if let Some(locale) = self.ctx.locale() {
            let mut text = crate::__private::PlainMessage(String::new());
            if self.message.write_message_in(locale, &mut text) {
                return Cow::Owned(text.0);
            }
        }
        if self.entry.has_static_message() {
            return Cow::Borrowed(self.entry.message());
        }
        let mut text = crate::__private::PlainMessage(String::new());
        self.message.write_message(&mut text);
        Cow::Owned(text.0)
    }

    /// Writes the message as a JSON string: a copy of compile-time escaped bytes when the
    /// message has no placeholders, placeholder values escaped as they are written otherwise.
    /// In the context's [locale](RenderContext::with_locale), the error's translation when it
    /// has one (escaped at compile time too).
    // Inlined for the static case, a copy between two quotes; the templated one is a call.
    #[inline]
    pub fn write_message_json(&self, out: &mut Vec<u8>) {
        if let Some(locale) = self.ctx.locale() {
            if self.write_translated_message_json(locale, out) {
                return;
            }
        }
        self.write_default_message_json(out);
    }

    /// Writes the message as a JSON string in the catalogue's own language, whatever the
    /// context's [locale](RenderContext::with_locale): for formats that keep a
    /// developer-facing message beside a localized one (AIP-193's `message` and its
    /// `LocalizedMessage` detail).
    #[inline]
    pub fn write_default_message_json(&self, out: &mut Vec<u8>) {
        match self.entry.static_message_json() {
            Some(message) => {
                out.reserve(message.len() + 2);
                out.push(b'"');
                out.extend_from_slice(message.as_bytes());
                out.push(b'"');
            }
            None => self.write_templated_message_json(out),
        }
    }

    /// When the context asks for a [locale](RenderContext::with_locale) and the error has a
    /// translation in it, writes that translation as a JSON string and returns the locale;
    /// otherwise writes nothing and returns `None`.
    ///
    /// ```
    /// use error_core::format::{ErrorView, Format};
    /// use error_core::{ApiError, RenderContext, Timestamp};
    ///
    /// #[derive(ApiError)]
    /// #[api(format = error_core::format::Compact)]
    /// enum E {
    ///     #[api(status = 404, code = "lead/not-found", message = "Not found.")]
    ///     NotFound,
    /// }
    ///
    /// let ctx = RenderContext::at(Timestamp::from_unix_millis(0)).with_locale("de");
    /// let view = ErrorView::new(&E::NotFound, &ctx);
    /// let mut out = Vec::new();
    /// // `E` has no translations: nothing is written.
    /// assert_eq!(view.write_translation_json(&mut out), None);
    /// assert!(out.is_empty());
    /// ```
    pub fn write_translation_json(&self, out: &mut Vec<u8>) -> Option<&'a str> {
        let locale = self.ctx.locale()?;
        self.write_translated_message_json(locale, out)
            .then_some(locale)
    }

    fn write_translated_message_json(&self, locale: &str, out: &mut Vec<u8>) -> bool {
        if let Some(message) = self.message.static_message_json_in(locale) {
            // A static translation: a copy between two quotes, like the default message.
            out.reserve(message.len() + 2);
            out.push(b'"');
            out.extend_from_slice(message.as_bytes());
            out.push(b'"');
            return true;
        }
        let start = out.len();
        out.push(b'"');
        if self.message.write_message_in(locale, &mut JsonMessage(out)) {
            out.push(b'"');
            true
        } else {
            out.truncate(start);
            false
        }
    }

    /// The locale the message is asked in, if any (see [`RenderContext::with_locale`]).
    pub fn locale(&self) -> Option<&'a str> {
        self.ctx.locale()
    }

    fn write_templated_message_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        self.message.write_message(&mut JsonMessage(out));
        out.push(b'"');
    }

    /// Writes a field error's message as a JSON string, escaped: the message it was given,
    /// else its kind's default in the context's [locale](RenderContext::with_locale) (`de-AT`
    /// falls back to `de`, then to English), written straight into `out` from the kind and
    /// the path.
    ///
    /// ```
    /// use error_core::format::ErrorView;
    /// use error_core::{ApiError, FieldError, FieldErrors, RenderContext, Timestamp};
    ///
    /// #[derive(ApiError)]
    /// enum E {
    ///     #[api(status = 422, message = "Invalid.")]
    ///     Invalid(#[api(fields)] FieldErrors),
    /// }
    ///
    /// let err = E::Invalid(FieldErrors::new().with(FieldError::too_long("name", 1)));
    /// let ctx = RenderContext::at(Timestamp::from_unix_millis(0)).with_locale("pt-BR");
    /// let view = ErrorView::new(&err, &ctx);
    /// let mut out = Vec::new();
    /// for field in view.field_errors().into_iter().flatten() {
    ///     view.write_field_message_json(field, &mut out);
    /// }
    /// assert_eq!(out, r#""Deve ter no máximo 1 caractere""#.as_bytes());
    /// ```
    ///
    /// An enum whose `#[api(locales = "…")]` files define `field-<slug>` messages
    /// (`field-missing = { $field } fehlt.`) has those written instead of the built-in ones:
    /// the locale's (`de-AT`, then `de`), else the built-in table's when it holds the
    /// language, else the enum's fallback locale's, else the built-in English.
    #[inline]
    pub fn write_field_message_json(&self, field: &FieldError, out: &mut Vec<u8>) {
        out.push(b'"');
        self.write_field_message_contents(field, out);
        out.push(b'"');
    }

    /// [`write_field_message_json`](ErrorView::write_field_message_json) without the quotes:
    /// escaped JSON string contents.
    pub fn write_field_message_contents(&self, field: &FieldError, out: &mut Vec<u8>) {
        self.write_field_message_contents_in(field, self.ctx.locale(), out);
    }

    /// A field error's message as a JSON string in the catalogue's own language, whatever the
    /// context's [locale](RenderContext::with_locale): for formats that keep a
    /// developer-facing text beside a localized one (AIP-193's `description` and its
    /// `localizedMessage`).
    pub fn write_default_field_message_json(&self, field: &FieldError, out: &mut Vec<u8>) {
        out.push(b'"');
        self.write_field_message_contents_in(field, None, out);
        out.push(b'"');
    }

    fn write_field_message_contents_in(
        &self,
        field: &FieldError,
        locale: Option<&str>,
        out: &mut Vec<u8>,
    ) {
        use crate::validation::messages;

        let (None, Some(kind)) = (field.explicit_message(), field.kind()) else {
            field.write_message_contents(None, out);
            return;
        };
        if let Some(locale) = locale {
            let mut tag = locale;
            loop {
                if self
                    .message
                    .write_field_message_in(Some(tag), kind, field.path(), out)
                {
                    return;
                }
                match tag.rfind('-') {
                    Some(cut) => tag = &tag[..cut],
                    None => break,
                }
            }
            if let Some(lang) = messages::Lang::find(locale) {
                messages::write(kind, field.path(), lang, &mut messages::Json(out));
                return;
            }
        }
        if !self
            .message
            .write_field_message_in(None, kind, field.path(), out)
        {
            messages::write(
                kind,
                field.path(),
                messages::Lang::En,
                &mut messages::Json(out),
            );
        }
    }

    /// A field error's message as text, as
    /// [`write_field_message_json`](ErrorView::write_field_message_json) writes it.
    pub fn field_message<'f>(&self, field: &'f FieldError) -> Cow<'f, str> {
        if field.explicit_message().is_some() {
            return field.message();
        }
        let mut json = Vec::new();
        self.write_field_message_json(field, &mut json);
        match serde_json::from_slice::<String>(&json) {
            Ok(text) => Cow::Owned(text),
            Err(_) => field.message(),
        }
    }

    /// The field errors, if the variant carries them.
    pub fn field_errors(&self) -> Option<&'a FieldErrors> {
        self.fields
    }

    /// Whether the variant carries `#[api(details)]`.
    pub fn has_details(&self) -> bool {
        self.details.is_some()
    }

    /// Writes the details as JSON: the value, or `null` when there is none or it fails to
    /// serialize (the envelope stays well-formed either way).
    pub fn write_details_json(&self, out: &mut Vec<u8>) {
        let start = out.len();
        match self.details {
            Some(details) if details.write_json(out).is_ok() => {}
            _ => {
                out.truncate(start);
                out.extend_from_slice(b"null");
            }
        }
    }

    /// The time of the rendering.
    pub fn timestamp(&self) -> Timestamp {
        self.ctx.timestamp()
    }

    /// Writes the timestamp as a JSON string.
    pub fn write_timestamp_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        self.ctx.timestamp().write_rfc3339(out);
        out.push(b'"');
    }

    /// The request id, if the context has one.
    pub fn request_id(&self) -> Option<&'a str> {
        self.ctx.request_id()
    }

    /// The API version: the context's, else the enum's.
    pub fn version(&self) -> Option<&'a str> {
        self.ctx.version().or(self.info.version())
    }

    /// The base URI for Problem `type`, if the enum declares one.
    pub fn type_base(&self) -> Option<&'static str> {
        self.info.type_base()
    }

    /// How long the client should wait before retrying (an `#[api(retry_after)]` field).
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        self.retry_after
    }

    /// Gives the value of each placeholder of the message to `visitor`, by name, once
    /// each (see [`ApiError::write_placeholders`]).
    pub fn write_placeholders(&self, visitor: &mut dyn PlaceholderVisitor) {
        self.message.write_placeholders(visitor)
    }

    /// A declared metadata value: the variant's `meta(key = …)`, else the enum's.
    pub fn meta(&self, key: &str) -> Option<&'static str> {
        self.entry.meta(key).or_else(|| self.info.meta(key))
    }

    /// The link to the error's documentation (`docs = …` on the variant, or the enum's
    /// reference page with the code as its anchor).
    pub fn docs(&self) -> Option<&'static str> {
        self.entry.docs()
    }

    /// The entries of the `transparent` variants this error went through, outer to inner
    /// (empty for an error of the enum's own).
    pub fn chain(&self) -> Vec<&'static CatalogueEntry> {
        let mut chain = Vec::new();
        self.message.visit_chain(&mut |entry| chain.push(entry));
        chain
    }

    /// AIP-193's `ErrorInfo.reason` (see [`CatalogueEntry::reason`]).
    pub fn reason(&self) -> Cow<'static, str> {
        self.entry.reason()
    }

    /// The canonical `google.rpc.Code` (see [`CatalogueEntry::canonical`]).
    pub fn canonical(&self) -> crate::grpc::Code {
        self.entry.canonical()
    }

    /// The code in PascalCase (see [`CatalogueEntry::pascal_code`]).
    pub fn pascal_code(&self) -> Cow<'static, str> {
        self.entry.pascal_code()
    }
}

/// Writes `,"key":` (the key must need no escaping).
// Inlined, so that with the key a constant the three copies are a few stores.
#[inline(always)]
fn key(out: &mut Vec<u8>, key: &str) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
}

/// Writes a JSON array of `{"<path_key>":…,"message":…}` items.
fn write_field_array(
    error: &ErrorView<'_>,
    out: &mut Vec<u8>,
    fields: &FieldErrors,
    path_key: &[u8],
) {
    out.push(b'[');
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(path_key);
        field.path().write_dotted_contents(out);
        out.extend_from_slice(b"\",\"message\":");
        error.write_field_message_json(field, out);
        out.push(b'}');
    }
    out.push(b']');
}
