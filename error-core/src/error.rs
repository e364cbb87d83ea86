//! The [`ApiError`] trait: what an error tells its client.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use crate::format::Format;
use crate::{ApiInfo, CatalogueEntry, FieldErrors, RenderContext};

/// An error a web service returns to its clients: an HTTP status, a detail code, a
/// client-facing message and, where the variant carries them, field errors and details.
///
/// Implement it with `#[derive(ApiError)]`; the derive checks the catalogue at compile time
/// and lays out everything static about each variant as escaped bytes.
///
/// ```
/// use error_core::{ApiError, RenderContext, Timestamp};
///
/// #[derive(Debug, ApiError)]
/// #[api(format = error_core::format::Compact)]
/// enum LeadError {
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let err = LeadError::NotFound { id: 7 };
/// assert_eq!(err.status(), http::StatusCode::NOT_FOUND);
/// assert_eq!(err.code(), "lead/not-found");
/// assert_eq!(err.message(), "Lead 7 was not found.");
///
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// assert_eq!(
///     String::from_utf8(err.to_json(&ctx)).unwrap(),
///     r#"{"error":{"message":"Lead 7 was not found.","details":null}}"#
/// );
/// ```
pub trait ApiError {
    /// The envelope format of the enum (the type of its `#[api(format = ...)]`; by default
    /// [`Problem`](struct@crate::format::Problem)).
    type Format: Format + Default;

    /// The enum's format with its settings, what every rendering without a format of its
    /// own uses ([`to_json`](ApiError::to_json), [`response::to_response`](crate::response::to_response),
    /// an [`ErrorSettings`](crate::http::ErrorSettings) without a format, the docs and
    /// OpenAPI). By default `Self::Format::default()`; for `#[api(format = <expression>)]`
    /// the derive returns the expression, evaluated once, at compile time (an inline
    /// `const`).
    ///
    /// ```
    /// use error_core::format::Laravel;
    /// use error_core::{ApiError, FieldErrors, RenderContext, Timestamp};
    ///
    /// #[derive(ApiError)]
    /// #[api(format = Laravel::summarized())]
    /// enum E {
    ///     #[api(status = 422, message = "The given data was invalid.")]
    ///     Invalid(#[api(fields)] FieldErrors),
    /// }
    ///
    /// assert_eq!(E::format(), Laravel::summarized());
    /// let err = E::Invalid(FieldErrors::new().add("name", "required", "Name is required."));
    /// assert_eq!(
    ///     err.to_json(&RenderContext::at(Timestamp::from_unix_millis(0))),
    ///     br#"{"message":"Name is required.","errors":{"name":["Name is required."]}}"#
    /// );
    /// ```
    fn format() -> Self::Format {
        Self::Format::default()
    }

    /// Every variant, in declaration order.
    const CATALOGUE: &'static [CatalogueEntry];

    /// The enum-level settings (API version, Problem type base).
    const INFO: ApiInfo = ApiInfo::DEFAULT;

    /// The settings this value renders with: [`INFO`](ApiError::INFO), or through a
    /// `transparent` variant the inner error's (each setting the inner enum leaves unset
    /// is the outer one's).
    fn info(&self) -> ApiInfo {
        Self::INFO
    }

    /// The catalogue entry of this value's variant (through `transparent` variants, the
    /// inner error's entry).
    fn entry(&self) -> &'static CatalogueEntry;

    /// The HTTP status.
    fn status(&self) -> http::StatusCode;

    /// The detail code, such as `lead/not-found`.
    fn code(&self) -> &'static str {
        self.entry().code()
    }

    /// Writes the client-facing message, piece by piece, into `sink` (the sink escapes
    /// what it needs to). By default, the entry's static message.
    fn write_message(&self, sink: &mut dyn MessageSink) {
        sink.__literal(crate::__private::Literal::message_of(self.entry()));
    }

    /// Writes the message in `locale` (a folder name of `#[api(locales = "…")]`, such as
    /// `de`) into `sink` and returns `true`, or writes nothing and returns `false` when the
    /// variant has no translation in that locale (the formats then write
    /// [`write_message`](Self::write_message)'s). The derive generates it from the Fluent
    /// files it checked at compile time; without `locales`, no variant has a translation.
    ///
    /// ```
    /// use error_core::{ApiError, __private::PlainMessage};
    ///
    /// #[derive(ApiError)]
    /// enum E {
    ///     #[api(status = 404)]
    ///     NotFound,
    /// }
    ///
    /// let mut text = PlainMessage(String::new());
    /// assert!(!E::NotFound.write_message_in("de", &mut text));
    /// assert_eq!(text.0, "");
    /// ```
    fn write_message_in(&self, locale: &str, sink: &mut dyn MessageSink) -> bool {
        let _ = (locale, sink);
        false
    }

    /// The translation in `locale` as compile-time escaped JSON string contents, when the
    /// variant's translation has no field: what the formats copy without a sink.
    #[doc(hidden)]
    fn __static_message_json_in(&self, locale: &str) -> Option<&'static str> {
        let _ = locale;
        None
    }

    /// The enum's own default message for a field error of `kind` at `path` in `locale`
    /// (`None`: the enum's fallback locale), from the `field-<slug>` messages of its
    /// `#[api(locales = "…")]` files, written as escaped JSON string contents; `false` when
    /// it has none (the built-in messages are used).
    #[doc(hidden)]
    fn __write_field_message_in(
        &self,
        locale: Option<&str>,
        kind: &crate::FieldErrorKind,
        path: &crate::FieldPath,
        out: &mut Vec<u8>,
    ) -> bool {
        let _ = (locale, kind, path, out);
        false
    }

    /// The client-facing message; borrowed when it has no placeholders.
    fn message(&self) -> Cow<'static, str> {
        let entry = self.entry();
        if entry.has_static_message() {
            return Cow::Borrowed(entry.message());
        }
        let mut text = PlainMessage(String::new());
        self.write_message(&mut text);
        Cow::Owned(text.0)
    }

    /// The suggested action, if declared.
    fn action(&self) -> Option<&'static str> {
        self.entry().action()
    }

    /// The field errors of an `#[api(fields)]` field.
    fn field_errors(&self) -> Option<&FieldErrors> {
        None
    }

    /// The value of an `#[api(details)]` field.
    fn details(&self) -> Option<&dyn Details> {
        None
    }

    /// How long the client should wait before retrying, from an `#[api(retry_after)]` field
    /// (sent as `Retry-After` on 429 and 503 responses).
    fn retry_after(&self) -> Option<Duration> {
        None
    }

    /// Gives each value the message's placeholders name to `visitor`, by name, once each,
    /// formatted as in the message (AIP-193 wants every dynamic value of the message in
    /// `ErrorInfo.metadata`; the derive writes this method, so none is missed). Through a
    /// `transparent` variant, the inner error's.
    fn write_placeholders(&self, visitor: &mut dyn PlaceholderVisitor) {
        let _ = visitor;
    }

    /// Calls `visit` with the entry of each `transparent` variant this value goes
    /// through, outer to inner (none for a variant of its own); the error itself is
    /// [`entry`](ApiError::entry). The Microsoft format writes the chain as `innererror`.
    fn visit_chain(&self, visit: &mut dyn FnMut(&'static CatalogueEntry)) {
        let _ = visit;
    }

    /// Renders the envelope in the enum's own format.
    fn to_json(&self, ctx: &RenderContext<'_>) -> Vec<u8>
    where
        Self: Sized,
    {
        let mut out = Vec::with_capacity(256);
        self.render_into(&Self::format(), ctx, &mut out);
        out
    }

    /// Renders the envelope in `format`, appending to `out`.
    fn render_into<F: Format + ?Sized>(
        &self,
        format: &F,
        ctx: &RenderContext<'_>,
        out: &mut Vec<u8>,
    ) where
        Self: Sized,
    {
        // A static variant's cached body first, without building its view.
        crate::format::cache::render(self, format, ctx, out);
    }

    /// The cached bodies of a static variant of the enum's own (not through a `transparent`
    /// variant); the derive's.
    #[doc(hidden)]
    #[inline]
    fn __static_bodies(&self) -> Option<&'static crate::__private::StaticBodies> {
        None
    }
}

/// Receives a message piece by piece; see [`ApiError::write_message`].
///
/// A hand-written `write_message` writes its text with [`text`](MessageSink::text) and
/// [`display`](MessageSink::display); the sink escapes it for the envelope, so no message
/// can make the JSON invalid.
///
/// ```
/// use error_core::{ApiError, CatalogueEntry, MessageSink, RenderContext, Timestamp};
///
/// struct Quota { left: u32 }
///
/// impl ApiError for Quota {
///     type Format = error_core::format::Compact;
///     const CATALOGUE: &'static [CatalogueEntry] =
///         &[CatalogueEntry::new("Quota", 402, "quota", "Quota \"low\".")];
///     fn entry(&self) -> &'static CatalogueEntry {
///         &Self::CATALOGUE[0]
///     }
///     fn status(&self) -> http::StatusCode {
///         http::StatusCode::PAYMENT_REQUIRED
///     }
///     fn write_message(&self, sink: &mut dyn MessageSink) {
///         sink.text("Quota \"");
///         sink.display(&self.left);
///         sink.text("\" left.");
///     }
/// }
///
/// let body = Quota { left: 2 }.to_json(&RenderContext::at(Timestamp::from_unix_millis(0)));
/// assert_eq!(body, br#"{"error":{"message":"Quota \"2\" left.","details":null}}"#);
/// ```
pub trait MessageSink {
    /// A value, written with its `Display`.
    fn display(&mut self, value: &dyn fmt::Display);

    /// A piece of text. By default, the same as [`display`](MessageSink::display).
    fn text(&mut self, value: &str) {
        self.display(&value);
    }

    /// A static piece of a derived message, with its JSON-escaped form laid out at compile
    /// time. Not a public API: only the derive can build a `Literal`.
    #[doc(hidden)]
    fn __literal(&mut self, piece: crate::__private::Literal) {
        self.text(piece.text());
    }
}

/// Receives the values a message's placeholders name; see
/// [`ApiError::write_placeholders`].
///
/// ```
/// use error_core::{ApiError, PlaceholderVisitor};
///
/// #[derive(ApiError)]
/// enum E {
///     #[api(status = 409, message = "{owner} owns lead {id:>4}; {owner} must release it.")]
///     Taken { id: u64, owner: String },
/// }
///
/// struct Pairs(Vec<(&'static str, String)>);
/// impl PlaceholderVisitor for Pairs {
///     fn value(&mut self, name: &'static str, value: &dyn std::fmt::Display) {
///         self.0.push((name, value.to_string()));
///     }
/// }
///
/// let mut pairs = Pairs(Vec::new());
/// E::Taken { id: 7, owner: "ann".into() }.write_placeholders(&mut pairs);
/// assert_eq!(pairs.0, [("owner", "ann".to_owned()), ("id", "   7".to_owned())]);
/// ```
pub trait PlaceholderVisitor {
    /// One placeholder's name and value.
    fn value(&mut self, name: &'static str, value: &dyn fmt::Display);
}

/// A [`MessageSink`] that collects the plain text.
pub struct PlainMessage(pub String);

impl MessageSink for PlainMessage {
    fn display(&mut self, value: &dyn fmt::Display) {
        use fmt::Write;
        // Writing into a String only fails if the Display impl itself fails; the piece is
        // then left out rather than the whole message lost.
        let _ = write!(self.0, "{value}");
    }

    fn text(&mut self, value: &str) {
        self.0.push_str(value);
    }

    fn __literal(&mut self, piece: crate::__private::Literal) {
        self.0.push_str(piece.text());
    }
}

/// A [`MessageSink`] that writes JSON-escaped string contents.
pub struct JsonMessage<'a>(pub &'a mut Vec<u8>);

impl MessageSink for JsonMessage<'_> {
    fn display(&mut self, value: &dyn fmt::Display) {
        use fmt::Write;
        let _ = write!(crate::json::Escaper::new(self.0), "{value}");
    }

    fn text(&mut self, value: &str) {
        crate::json::write_str_contents(self.0, value);
    }

    fn __literal(&mut self, piece: crate::__private::Literal) {
        piece.write_json_contents(self.0);
    }
}

/// What `#[api(details)]` accepts: any `Serialize` value, written as JSON.
pub trait Details {
    /// Writes the value as JSON.
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
}

impl<T: serde::Serialize + ?Sized> Details for T {
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, self)
    }
}

/// What `#[api(retry_after)]` accepts: a `Duration`, or whole seconds as an integer
/// (optionally in an `Option`).
pub trait AsRetryAfter {
    /// The delay, if any.
    fn as_retry_after(&self) -> Option<Duration>;
}

impl AsRetryAfter for Duration {
    fn as_retry_after(&self) -> Option<Duration> {
        Some(*self)
    }
}

macro_rules! seconds {
    ($($ty:ty),*) => {$(
        impl AsRetryAfter for $ty {
            fn as_retry_after(&self) -> Option<Duration> {
                Some(Duration::from_secs(u64::from(*self)))
            }
        }
    )*};
}
seconds!(u8, u16, u32, u64);

impl<T: AsRetryAfter> AsRetryAfter for Option<T> {
    fn as_retry_after(&self) -> Option<Duration> {
        self.as_ref().and_then(AsRetryAfter::as_retry_after)
    }
}

/// A boxed error is the error it holds (handy for `transparent` variants that box a large
/// inner enum).
impl<E: ApiError> ApiError for Box<E> {
    type Format = E::Format;
    const CATALOGUE: &'static [CatalogueEntry] = E::CATALOGUE;
    const INFO: ApiInfo = E::INFO;

    fn format() -> Self::Format {
        E::format()
    }

    fn info(&self) -> ApiInfo {
        (**self).info()
    }

    fn entry(&self) -> &'static CatalogueEntry {
        (**self).entry()
    }

    fn status(&self) -> http::StatusCode {
        (**self).status()
    }

    fn code(&self) -> &'static str {
        (**self).code()
    }

    fn write_message(&self, sink: &mut dyn MessageSink) {
        (**self).write_message(sink)
    }

    fn write_message_in(&self, locale: &str, sink: &mut dyn MessageSink) -> bool {
        (**self).write_message_in(locale, sink)
    }

    fn __static_message_json_in(&self, locale: &str) -> Option<&'static str> {
        (**self).__static_message_json_in(locale)
    }

    fn __write_field_message_in(
        &self,
        locale: Option<&str>,
        kind: &crate::FieldErrorKind,
        path: &crate::FieldPath,
        out: &mut Vec<u8>,
    ) -> bool {
        (**self).__write_field_message_in(locale, kind, path, out)
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        (**self).field_errors()
    }

    fn details(&self) -> Option<&dyn Details> {
        (**self).details()
    }

    fn retry_after(&self) -> Option<Duration> {
        (**self).retry_after()
    }

    fn write_placeholders(&self, visitor: &mut dyn PlaceholderVisitor) {
        (**self).write_placeholders(visitor)
    }

    fn visit_chain(&self, visit: &mut dyn FnMut(&'static CatalogueEntry)) {
        (**self).visit_chain(visit)
    }

    #[inline]
    fn __static_bodies(&self) -> Option<&'static crate::__private::StaticBodies> {
        (**self).__static_bodies()
    }
}
