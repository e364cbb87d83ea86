//! The remote error: what a client learns from an error response, whatever its format.

use std::fmt;
use std::time::{Duration, SystemTime};

use http::StatusCode;
use serde_json::Value;

use crate::format::Builtin;
use crate::http::write_unquoted;
use crate::FieldErrors;

/// What the body of a response turned out to be.
///
/// Only [`BodyKind::Envelope`] carries a message, code or field errors; every other kind
/// still gives the status, the headers' request id and `Retry-After`, and an
/// [`excerpt`](RemoteError::excerpt) of the body.
///
/// ```
/// use error_core::client::{BodyKind, RemoteError};
///
/// let remote = RemoteError::parse(http::StatusCode::BAD_GATEWAY, &http::HeaderMap::new(),
///     b"<html><body>Bad gateway</body></html>");
/// assert_eq!(remote.kind(), &BodyKind::NotJson);
/// assert_eq!(remote.excerpt(), Some("<html><body>Bad gateway</body></html>"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyKind {
    /// An envelope in this format.
    Envelope(Builtin),
    /// No body, or only whitespace.
    Empty,
    /// Well-formed JSON that is none of the eight envelopes (or not the one asked for).
    OtherJson,
    /// Not JSON at all: an HTML page from a proxy, plain text.
    NotJson,
    /// JSON that does not parse: cut off (`truncated`), malformed, or nested deeper than
    /// serde_json's limit of 128 levels. `error` is the parser's message.
    Malformed {
        /// The parser's message, with line and column.
        error: String,
        /// Whether the input ended early (a truncated body).
        truncated: bool,
    },
    /// Larger than the parser's [`max_body_bytes`](super::Parser::max_body_bytes): not
    /// parsed. `len` is the body's length in bytes (a lower bound when the reader stopped
    /// early).
    TooLarge {
        /// The body's length in bytes, as far as it was read.
        len: usize,
    },
}

/// The `Retry-After` header (RFC 9110 section 10.2.3): a delay in seconds or an HTTP-date.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use error_core::client::RetryAfter;
///
/// assert_eq!(RetryAfter::parse("120"), Some(RetryAfter::Delay(Duration::from_secs(120))));
/// let date = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
/// let now = UNIX_EPOCH + Duration::from_secs(784_111_767); // ten seconds earlier
/// assert_eq!(date.delay_from(now), Duration::from_secs(10));
/// assert_eq!(RetryAfter::parse("soon"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAfter {
    /// `Retry-After: 120`.
    Delay(Duration),
    /// `Retry-After: Sun, 06 Nov 1994 08:49:37 GMT`.
    At(SystemTime),
}

impl RetryAfter {
    /// Reads a header value: ASCII digits as seconds, otherwise an HTTP-date (IMF-fixdate
    /// and the two obsolete forms); `None` for anything else.
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            // More seconds than a u64 holds is still "a very long time".
            let seconds = value.parse::<u64>().unwrap_or(u64::MAX);
            return Some(RetryAfter::Delay(Duration::from_secs(seconds)));
        }
        httpdate::parse_http_date(value).ok().map(RetryAfter::At)
    }

    /// How long to wait from `now`: the delay, or the time until the date (zero when the
    /// date has passed).
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match self {
            RetryAfter::Delay(delay) => *delay,
            RetryAfter::At(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

/// An error response as a client sees it: the status, and whatever the body's format
/// carries (see the table in the [module documentation](super)).
///
/// Build one with [`RemoteError::parse`] (auto-detected format), [`RemoteError::parse_as`]
/// (a named format) or a [`Parser`](super::Parser) with other limits. Parsing never fails
/// and never panics: a body that is not an envelope gives a [`BodyKind`] saying what it is.
///
/// ```
/// use error_core::client::{BodyKind, RemoteError};
/// use error_core::format::Builtin;
///
/// let mut headers = http::HeaderMap::new();
/// headers.insert("x-request-id", "req-42".parse().unwrap());
/// let body = br#"{"message":"The given data was invalid.","errors":{"leads.0.phone":["The leads.0.phone field is required."]}}"#;
/// let remote = RemoteError::parse(http::StatusCode::UNPROCESSABLE_ENTITY, &headers, body);
///
/// assert_eq!(remote.kind(), &BodyKind::Envelope(Builtin::Laravel));
/// assert_eq!(remote.message(), Some("The given data was invalid."));
/// assert_eq!(remote.code(), None); // Laravel carries no detail code
/// let error = remote.field_errors().iter().next().unwrap();
/// assert_eq!(error.path().to_string(), "leads.0.phone");
/// assert_eq!(error.message(), "The leads.0.phone field is required.");
/// assert_eq!(remote.request_id(), Some("req-42"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RemoteError {
    pub(super) status: StatusCode,
    pub(super) kind: BodyKind,
    pub(super) code: Option<String>,
    pub(super) message: Option<String>,
    pub(super) field_errors: FieldErrors,
    pub(super) details: Option<Value>,
    pub(super) request_id: Option<String>,
    pub(super) retry_after: Option<RetryAfter>,
    pub(super) timestamp: Option<String>,
    pub(super) version: Option<String>,
    pub(super) problem_type: Option<String>,
    pub(super) title: Option<String>,
    pub(super) content_type: Option<String>,
    pub(super) language: Option<String>,
    pub(super) localized: Option<(String, String)>,
    pub(super) excerpt: Option<String>,
}

impl RemoteError {
    /// A remote error with the status only (every other part empty).
    pub(super) fn bare(status: StatusCode, kind: BodyKind, field_limit: usize) -> Self {
        RemoteError {
            status,
            kind,
            code: None,
            message: None,
            field_errors: FieldErrors::with_limit(field_limit),
            details: None,
            request_id: None,
            retry_after: None,
            timestamp: None,
            version: None,
            problem_type: None,
            title: None,
            content_type: None,
            language: None,
            localized: None,
            excerpt: None,
        }
    }

    /// The HTTP status of the response (the envelope's own copy of it is not used).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// What the body was.
    pub fn kind(&self) -> &BodyKind {
        &self.kind
    }

    /// The format of the envelope, when the body was one.
    pub fn format(&self) -> Option<Builtin> {
        match self.kind {
            BodyKind::Envelope(format) => Some(format),
            _ => None,
        }
    }

    /// Whether the body was one of the eight envelopes.
    pub fn is_envelope(&self) -> bool {
        self.format().is_some()
    }

    /// The detail code (`lead/not-found`): Problem's `code` member, or Nested's `details`
    /// when it is a string. Flat, Laravel and Compact carry none.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The client-facing message: `message` (Flat, Laravel), `error.message` (Nested,
    /// Compact), `detail`, else `title` (Problem).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The field errors, in the order of the body, at most the parser's
    /// [`max_field_errors`](super::Parser::max_field_errors) kept;
    /// [`FieldErrors::total`] counts all of them. A code or path the format does not carry
    /// is empty (see the module documentation).
    pub fn field_errors(&self) -> &FieldErrors {
        &self.field_errors
    }

    /// Structured details: Flat's and Problem's `details` member, or Nested's and Compact's
    /// `details` when it is neither a code nor a list of field errors.
    pub fn details(&self) -> Option<&Value> {
        self.details.as_ref()
    }

    /// The request id: the `X-Request-Id` header, else the envelope's (Flat
    /// `meta.request_id`, Problem `request_id`).
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The `Retry-After` header, when present and well-formed.
    pub fn retry_after(&self) -> Option<RetryAfter> {
        self.retry_after
    }

    /// The envelope's timestamp as written (Flat `meta.timestamp`, Nested
    /// `error.timestamp`).
    pub fn timestamp(&self) -> Option<&str> {
        self.timestamp.as_deref()
    }

    /// The API version (Flat `meta.version`).
    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    /// Problem's `type` URI.
    pub fn problem_type(&self) -> Option<&str> {
        self.problem_type.as_deref()
    }

    /// Problem's `title`.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The `Content-Type` header, as sent.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The language the message is written in: the response's `Content-Language` (its
    /// first tag, when it is a well-formed BCP 47 tag of at most 35 characters), else the
    /// locale of an AIP-193 `LocalizedMessage` detail.
    ///
    /// ```
    /// use error_core::client::RemoteError;
    ///
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("content-language", "de".parse().unwrap());
    /// let body = br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Lead 42 wurde nicht gefunden."}"#;
    /// let remote = RemoteError::parse(http::StatusCode::NOT_FOUND, &headers, body);
    /// assert_eq!(remote.language(), Some("de"));
    /// ```
    pub fn language(&self) -> Option<&str> {
        self.language
            .as_deref()
            .or_else(|| self.localized.as_ref().map(|(locale, _)| locale.as_str()))
    }

    /// AIP-193's `LocalizedMessage` detail: its locale and message, when the body has one.
    /// [`message`](RemoteError::message) is then the developer-facing message.
    pub fn localized_message(&self) -> Option<(&str, &str)> {
        self.localized
            .as_ref()
            .map(|(locale, message)| (locale.as_str(), message.as_str()))
    }

    /// For a body that is not an envelope, its first bytes (at most 512, decoded lossily as
    /// UTF-8), so that a proxy's HTML page is not lost.
    pub fn excerpt(&self) -> Option<&str> {
        self.excerpt.as_deref()
    }
}

impl fmt::Display for RemoteError {
    /// `404 Not Found: Lead 7 was not found. (lead/not-found)`, or for a body that is not
    /// an envelope `502 Bad Gateway: not an error envelope (not JSON)`.
    ///
    /// What the remote server wrote (the message, the code, the parser's excerpt) has its
    /// control characters, U+2028/U+2029 and bidirectional controls escaped (`\n`,
    /// `\u{202e}`), so a server cannot forge or reorder the lines of a log this is written to.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status.as_str())?;
        if let Some(reason) = self.status.canonical_reason() {
            write!(f, " {reason}")?;
        }
        match (&self.kind, &self.message) {
            (BodyKind::Envelope(_), Some(message)) => {
                f.write_str(": ")?;
                write_unquoted(f, message)?;
            }
            (BodyKind::Envelope(_), None) => {}
            (BodyKind::Empty, _) => f.write_str(": empty body")?,
            (BodyKind::OtherJson, _) => f.write_str(": not an error envelope (other JSON)")?,
            (BodyKind::NotJson, _) => f.write_str(": not an error envelope (not JSON)")?,
            (BodyKind::Malformed { error, .. }, _) => {
                f.write_str(": malformed JSON (")?;
                write_unquoted(f, error)?;
                f.write_str(")")?;
            }
            (BodyKind::TooLarge { len }, _) => write!(f, ": body too large ({len} bytes)")?,
        }
        if let Some(code) = &self.code {
            f.write_str(" (")?;
            write_unquoted(f, code)?;
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl std::error::Error for RemoteError {}
