//! Reading a response back: format detection, bounded JSON parsing, per-format extraction.
//!
//! The top-level object is read member by member: only the keys some format uses are kept
//! (as `serde_json::Value`s, bounded by the body limit), every other member is skipped
//! without allocating, and the `errors` member is read with a cap on how many items are
//! kept. serde_json's recursion limit (128) bounds nesting, so hostile bodies cost at most
//! a constant factor of their (capped) size and no deep stack.

use std::borrow::Cow;
use std::fmt;

use http::header::{CONTENT_TYPE, RETRY_AFTER};
use http::{HeaderMap, StatusCode};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::remote::{BodyKind, RemoteError, RetryAfter};
use crate::format::Builtin;
use crate::{FieldError, FieldErrors, FieldPath, DEFAULT_FIELD_ERROR_LIMIT};

/// How much of an excerpt of a non-envelope body is kept.
const EXCERPT_BYTES: usize = 512;

/// The default for [`Parser::max_body_bytes`]: 1 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1 << 20;

/// A response parser with its limits and, optionally, a fixed format.
///
/// [`RemoteError::parse`] is `Parser::new().parse(…)`.
///
/// ```
/// use error_core::client::{BodyKind, Parser};
/// use error_core::format::Builtin;
///
/// let parser = Parser::new().format(Builtin::Compact).max_field_errors(1);
/// let body = br#"{"error":{"message":"Invalid.","details":[{"field":"a","message":"x"},{"field":"b","message":"y"}]}}"#;
/// let remote = parser.parse(http::StatusCode::BAD_REQUEST, &http::HeaderMap::new(), body);
/// assert_eq!(remote.kind(), &BodyKind::Envelope(Builtin::Compact));
/// assert_eq!(remote.field_errors().len(), 1);
/// assert_eq!(remote.field_errors().total(), 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parser {
    format: Option<Builtin>,
    max_body_bytes: usize,
    max_field_errors: usize,
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

impl Parser {
    /// Auto-detection, bodies up to [`DEFAULT_MAX_BODY_BYTES`], up to
    /// [`DEFAULT_FIELD_ERROR_LIMIT`] field errors kept.
    pub const fn new() -> Self {
        Parser {
            format: None,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_field_errors: DEFAULT_FIELD_ERROR_LIMIT,
        }
    }

    /// Reads bodies as `format` only; a body of another shape is [`BodyKind::OtherJson`].
    pub const fn format(mut self, format: Builtin) -> Self {
        self.format = Some(format);
        self
    }

    /// Bodies longer than this are not parsed ([`BodyKind::TooLarge`]).
    pub const fn max_body_bytes(mut self, max: usize) -> Self {
        self.max_body_bytes = max;
        self
    }

    /// How many field errors are kept; the rest are counted
    /// ([`FieldErrors::total`]).
    pub const fn max_field_errors(mut self, max: usize) -> Self {
        self.max_field_errors = max;
        self
    }

    /// The body limit.
    pub const fn body_limit(&self) -> usize {
        self.max_body_bytes
    }

    /// Parses a response. Never fails, never panics.
    pub fn parse(&self, status: StatusCode, headers: &HeaderMap, body: &[u8]) -> RemoteError {
        let mut remote = RemoteError::bare(status, BodyKind::Empty, self.max_field_errors);
        remote.content_type = header_str(headers, CONTENT_TYPE.as_str()).map(str::to_owned);
        remote.retry_after = headers
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(RetryAfter::parse);
        remote.language = header_str(headers, "content-language")
            .and_then(content_language)
            .map(str::to_owned);
        remote.request_id = header_str(headers, "x-request-id")
            .filter(|id| !id.is_empty())
            .map(str::to_owned);

        if body.len() > self.max_body_bytes {
            remote.kind = BodyKind::TooLarge { len: body.len() };
            remote.excerpt = Some(excerpt(body));
            return remote;
        }
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        let Some(&first) = body.iter().find(|b| !b.is_ascii_whitespace()) else {
            remote.kind = BodyKind::Empty;
            return remote;
        };
        if first != b'{' {
            remote.kind = match serde_json::from_slice::<IgnoredAny>(body) {
                Ok(_) => BodyKind::OtherJson,
                Err(error) if first == b'[' || first == b'"' => malformed(&error),
                Err(_) => BodyKind::NotJson,
            };
            remote.excerpt = Some(excerpt(body));
            return remote;
        }
        let mut de = serde_json::Deserializer::from_slice(body);
        let top = TopSeed {
            limit: self.max_field_errors,
        }
        .deserialize(&mut de)
        .and_then(|top| de.end().map(|()| top));
        let top = match top {
            Ok(top) => top,
            Err(error) => {
                remote.kind = malformed(&error);
                remote.excerpt = Some(excerpt(body));
                return remote;
            }
        };
        let format = match self.format {
            Some(format) => Some(format).filter(|&format| top.fits(format)),
            None => top.detect(remote.content_type.as_deref()),
        };
        match format {
            Some(format) => {
                remote.kind = BodyKind::Envelope(format);
                top.extract(format, &mut remote);
            }
            None => {
                remote.kind = BodyKind::OtherJson;
                remote.excerpt = Some(excerpt(body));
            }
        }
        remote
    }
}

impl RemoteError {
    /// Parses a response whose format is detected from its shape and content type.
    ///
    /// ```
    /// use error_core::client::{BodyKind, RemoteError};
    /// use error_core::format::Builtin;
    ///
    /// let body = br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Lead 7 was not found.","code":"lead/not-found"}"#;
    /// let remote = RemoteError::parse(http::StatusCode::NOT_FOUND, &http::HeaderMap::new(), body);
    /// assert_eq!(remote.kind(), &BodyKind::Envelope(Builtin::Problem));
    /// assert_eq!(remote.code(), Some("lead/not-found"));
    /// assert_eq!(remote.message(), Some("Lead 7 was not found."));
    /// ```
    pub fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> RemoteError {
        Parser::new().parse(status, headers, body)
    }

    /// Parses a response in a named format.
    ///
    /// ```
    /// use error_core::client::{BodyKind, RemoteError};
    /// use error_core::format::Builtin;
    ///
    /// let body = br#"{"error":{"message":"Too many requests.","details":null}}"#;
    /// let remote = RemoteError::parse_as(Builtin::Compact, http::StatusCode::TOO_MANY_REQUESTS,
    ///     &http::HeaderMap::new(), body);
    /// assert_eq!(remote.message(), Some("Too many requests."));
    /// let remote = RemoteError::parse_as(Builtin::Laravel, http::StatusCode::TOO_MANY_REQUESTS,
    ///     &http::HeaderMap::new(), body);
    /// assert_eq!(remote.kind(), &BodyKind::OtherJson);
    /// ```
    pub fn parse_as(
        format: Builtin,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> RemoteError {
        Parser::new().format(format).parse(status, headers, body)
    }
}

fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

/// The first language tag of a `Content-Language` value (RFC 9110 §8.5), when well-formed.
fn content_language(value: &str) -> Option<&str> {
    let first = value.split(',').next()?.trim();
    language_tag(first).then_some(first)
}

/// Whether `tag` has the shape of a BCP 47 language tag: subtags of 1 to 8 ASCII letters or
/// digits joined by `-`, the first all letters, at most 35 characters (RFC 5646 §4.4.1's
/// length a consumer must accept). What a server sends is not reflected otherwise.
fn language_tag(tag: &str) -> bool {
    tag.len() <= 35
        && tag.split('-').enumerate().all(|(i, subtag)| {
            (1..=8).contains(&subtag.len())
                && if i == 0 {
                    subtag.bytes().all(|b| b.is_ascii_alphabetic())
                } else {
                    subtag.bytes().all(|b| b.is_ascii_alphanumeric())
                }
        })
}

fn malformed(error: &serde_json::Error) -> BodyKind {
    BodyKind::Malformed {
        error: error.to_string(),
        truncated: error.classify() == serde_json::error::Category::Eof,
    }
}

fn excerpt(body: &[u8]) -> String {
    String::from_utf8_lossy(&body[..body.len().min(EXCERPT_BYTES)]).into_owned()
}

/// Reads a JSON Pointer, in URI fragment form (`#/leads/0/phone`, percent-encoded) or plain
/// (`/leads/0/phone`): `~1` is `/`, `~0` is `~`, and a segment written as an index (ASCII
/// digits without a leading zero, RFC 6901 section 4) is an index.
///
/// ```
/// use error_core::client::parse_pointer;
/// use error_core::FieldPath;
///
/// assert_eq!(parse_pointer("#/leads/0/phone"), FieldPath::from("leads.0.phone"));
/// assert_eq!(parse_pointer("/a~1b/m~0n"), FieldPath::new().key("a/b").key("m~n"));
/// assert_eq!(parse_pointer("#/caf%C3%A9"), FieldPath::new().key("café"));
/// assert_eq!(parse_pointer(""), FieldPath::new());
/// ```
pub fn parse_pointer(pointer: &str) -> FieldPath {
    let (fragment, rest) = match pointer.strip_prefix('#') {
        Some(rest) => (true, rest),
        None => (false, pointer),
    };
    let decoded: Cow<'_, str> = if fragment {
        percent_decode(rest)
    } else {
        Cow::Borrowed(rest)
    };
    let mut path = FieldPath::new();
    // A pointer is "" or a sequence of "/segment"; text before the first "/" is not part of
    // any segment and is ignored.
    let mut segments = decoded.split('/');
    segments.next();
    for segment in segments {
        match crate::field::parse_index(segment) {
            Some(index) => path.push_index(index),
            None => path.push_key(segment.replace("~1", "/").replace("~0", "~")),
        }
    }
    path
}

fn percent_decode(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|pair| {
                let high = (pair[0] as char).to_digit(16)?;
                let low = (pair[1] as char).to_digit(16)?;
                Some((high * 16 + low) as u8)
            });
            if let Some(decoded) = hex {
                out.push(decoded);
                i += 3;
                continue;
            }
        }
        out.push(byte);
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

/// The members of the top-level object that some format uses. The body's own `status` is
/// not among them: it is a copy of the HTTP status, which is the one kept.
#[derive(Default)]
struct Top {
    success: Option<Value>,
    message: Option<Value>,
    errors: Option<Errors>,
    meta: Option<Value>,
    details: Option<Value>,
    error: Option<Value>,
    type_: Option<Value>,
    title: Option<Value>,
    detail: Option<Value>,
    code: Option<Value>,
    request_id: Option<Value>,
    total_errors: Option<Value>,
}

/// The top-level `errors` member, read with a cap on what is kept.
enum Errors {
    /// `[…]` (Flat, Problem): the first items, and how many there were.
    List { items: Vec<Value>, total: usize },
    /// `{"path":["message",…]}` (Laravel), in the body's order.
    Groups {
        groups: Vec<(String, Vec<String>)>,
        kept: usize,
        total: usize,
    },
    /// Anything else (ignored).
    Other,
}

impl Top {
    fn str_member(value: &Option<Value>) -> Option<&str> {
        value.as_ref().and_then(Value::as_str)
    }

    fn error_object(&self) -> Option<&Map<String, Value>> {
        self.error.as_ref().and_then(Value::as_object)
    }

    fn is_problem(&self) -> bool {
        Top::str_member(&self.type_).is_some()
            || Top::str_member(&self.title).is_some()
            || Top::str_member(&self.detail).is_some()
    }

    /// `{"error":{"code":429,"status":"RESOURCE_EXHAUSTED",…}}`.
    fn is_aip(&self) -> bool {
        self.error_object().is_some_and(|error| {
            error.get("code").is_some_and(Value::is_u64)
                && error.get("status").is_some_and(Value::is_string)
        })
    }

    /// `{"error":{"code":"BadArgument","message":…}}`.
    fn is_microsoft(&self) -> bool {
        self.error_object().is_some_and(|error| {
            error.get("code").is_some_and(Value::is_string)
                && error.get("message").is_some_and(Value::is_string)
        })
    }

    /// A top-level `errors` list and none of the members other formats put beside it.
    fn is_jsonapi(&self) -> bool {
        matches!(self.errors, Some(Errors::List { .. }))
            && self.success.is_none()
            && self.message.is_none()
            && self.error.is_none()
            && !self.is_problem()
    }

    /// Whether the body has the shape of `format`.
    fn fits(&self, format: Builtin) -> bool {
        match format {
            Builtin::Flat => self.success.is_some() || Top::str_member(&self.message).is_some(),
            Builtin::Nested | Builtin::Compact => self.error_object().is_some(),
            Builtin::Aip => self.is_aip(),
            Builtin::Microsoft => self.is_microsoft(),
            Builtin::JsonApi => self.is_jsonapi(),
            Builtin::Laravel => {
                Top::str_member(&self.message).is_some()
                    && !matches!(self.errors, Some(Errors::List { .. }))
            }
            Builtin::Problem => self.is_problem(),
        }
    }

    fn detect(&self, content_type: Option<&str>) -> Option<Builtin> {
        let problem_type = content_type.is_some_and(|ct| {
            ct.split(';').next().is_some_and(|essence| {
                essence
                    .trim()
                    .eq_ignore_ascii_case("application/problem+json")
            })
        });
        if problem_type && self.is_problem() {
            Some(Builtin::Problem)
        } else if self.is_jsonapi() {
            Some(Builtin::JsonApi)
        } else if self.success.is_some() && self.error_object().is_some() {
            Some(Builtin::Nested)
        } else if self.success.is_some() {
            Some(Builtin::Flat)
        } else if self.is_aip() {
            Some(Builtin::Aip)
        } else if self.is_microsoft() {
            Some(Builtin::Microsoft)
        } else if self.error_object().is_some() {
            Some(Builtin::Compact)
        } else if self.is_problem() {
            Some(Builtin::Problem)
        } else if self.fits(Builtin::Laravel) {
            Some(Builtin::Laravel)
        } else {
            None
        }
    }

    fn extract(self, format: Builtin, remote: &mut RemoteError) {
        let fields = &mut remote.field_errors;
        match format {
            Builtin::Flat => {
                remote.message = owned_str(self.message);
                if let Some(errors) = self.errors {
                    push_errors(fields, errors);
                }
                remote.details = self.details;
                if let Some(Value::Object(mut meta)) = self.meta {
                    remote.timestamp = owned_str(meta.remove("timestamp"));
                    remote.version = owned_str(meta.remove("version"));
                    if remote.request_id.is_none() {
                        remote.request_id = owned_str(meta.remove("request_id"));
                    }
                }
            }
            Builtin::Nested | Builtin::Compact => {
                let Some(Value::Object(mut error)) = self.error else {
                    return;
                };
                remote.message = owned_str(error.remove("message"));
                remote.timestamp = owned_str(error.remove("timestamp"));
                match error.remove("details") {
                    None | Some(Value::Null) => {}
                    Some(Value::String(code)) if format == Builtin::Nested => {
                        remote.code = Some(code)
                    }
                    // `[]` is what these formats write for a variant whose field errors
                    // are empty (or all past the limit): read as no field errors.
                    Some(Value::Array(items))
                        if items.is_empty() || is_field_error_list(&items) =>
                    {
                        let total = items.len();
                        push_errors(fields, Errors::List { items, total });
                    }
                    Some(other) => remote.details = Some(other),
                }
            }
            Builtin::Laravel => {
                remote.message = owned_str(self.message);
                if let Some(errors) = self.errors {
                    push_errors(fields, errors);
                }
                remote.details = self.details;
            }
            Builtin::Problem => {
                remote.title = owned_str(self.title);
                remote.message = owned_str(self.detail).or_else(|| remote.title.clone());
                remote.problem_type = owned_str(self.type_);
                remote.code = owned_str(self.code);
                if let Some(errors) = self.errors {
                    push_errors(fields, errors);
                }
                // The count of all field errors when the server left some out.
                let total = self.total_errors.as_ref().and_then(Value::as_u64);
                if let Some(total) = total.and_then(|total| usize::try_from(total).ok()) {
                    count_omitted(fields, total.saturating_sub(fields.total()));
                }
                remote.details = self.details;
                if remote.request_id.is_none() {
                    remote.request_id = owned_str(self.request_id);
                }
            }
            Builtin::Aip => {
                let Some(Value::Object(mut error)) = self.error else {
                    return;
                };
                remote.message = owned_str(error.remove("message"));
                let Some(Value::Array(details)) = error.remove("details") else {
                    return;
                };
                for detail in &details {
                    let Some(detail) = detail.as_object() else {
                        continue;
                    };
                    let text = |key: &str| detail.get(key).and_then(Value::as_str);
                    let kind = text("@type").and_then(|t| t.strip_prefix(AIP_TYPE_PREFIX));
                    match kind {
                        Some("ErrorInfo") => {
                            remote.code = text("reason").map(str::to_owned);
                        }
                        Some("BadRequest") => {
                            let items = detail.get("fieldViolations").and_then(Value::as_array);
                            for item in items.into_iter().flatten() {
                                push_limited(fields, aip_violation(item));
                            }
                        }
                        Some("LocalizedMessage") => {
                            let locale = text("locale").filter(|l| language_tag(l));
                            if let (Some(locale), Some(message)) = (locale, text("message")) {
                                remote.localized = Some((locale.to_owned(), message.to_owned()));
                            }
                        }
                        Some("RequestInfo") if remote.request_id.is_none() => {
                            remote.request_id = text("requestId").map(str::to_owned);
                        }
                        _ => {}
                    }
                }
            }
            Builtin::Microsoft => {
                let Some(Value::Object(mut error)) = self.error else {
                    return;
                };
                remote.message = owned_str(error.remove("message"));
                // The most specific code: the innermost `innererror`'s.
                let mut code = owned_str(error.remove("code"));
                let mut inner = error.remove("innererror");
                while let Some(Value::Object(mut object)) = inner {
                    if let Some(Value::String(deeper)) = object.remove("code") {
                        code = Some(deeper);
                    }
                    inner = object.remove("innererror");
                }
                remote.code = code;
                let target = owned_str(error.remove("target"));
                if let Some(Value::Array(details)) = error.remove("details") {
                    // A single detail names its field whole; several, relative to `target`.
                    let prefix = if details.len() > 1 {
                        target.as_deref()
                    } else {
                        None
                    };
                    for detail in &details {
                        push_limited(fields, microsoft_detail(detail, prefix));
                    }
                }
            }
            Builtin::JsonApi => {
                let Some(Errors::List { items, total }) = self.errors else {
                    return;
                };
                for (i, item) in items.iter().enumerate() {
                    let Some(object) = item.as_object() else {
                        continue;
                    };
                    let text = |key: &str| object.get(key).and_then(Value::as_str);
                    if i == 0 {
                        remote.code = text("code").map(str::to_owned);
                        remote.title = text("title").map(str::to_owned);
                        if remote.request_id.is_none() {
                            remote.request_id = object
                                .get("meta")
                                .and_then(|meta| meta.get("request_id"))
                                .and_then(Value::as_str)
                                .map(str::to_owned);
                        }
                    }
                    match jsonapi_field_error(object) {
                        Some(error) => {
                            // The variant's message is each field error object's title.
                            if i == 0 {
                                remote.message = remote.title.clone();
                            }
                            fields.push(error);
                        }
                        None if i == 0 => remote.message = text("detail").map(str::to_owned),
                        None => {}
                    }
                }
                count_omitted(fields, total.saturating_sub(items.len()));
            }
        }
    }
}

/// The `@type` prefix of AIP-193's details.
const AIP_TYPE_PREFIX: &str = "type.googleapis.com/google.rpc.";

/// Adds a field error, or counts it past the limit.
fn push_limited(fields: &mut FieldErrors, error: Option<FieldError>) {
    if let Some(error) = error {
        if fields.is_full() {
            count_omitted(fields, 1);
        } else {
            fields.push(error);
        }
    }
}

/// A `BadRequest.FieldViolation`: `field` in AIP's form, `description`, `reason`.
fn aip_violation(item: &Value) -> Option<FieldError> {
    let object = item.as_object()?;
    let text = |key: &str| object.get(key).and_then(Value::as_str).unwrap_or("");
    Some(FieldError::new(
        crate::grpc::parse_field_path(text("field")),
        text("reason").to_owned(),
        text("description").to_owned(),
    ))
}

/// One of the Microsoft format's `details`: `code`, `target` (under `prefix`, joined as
/// dotted text), `message`.
fn microsoft_detail(item: &Value, prefix: Option<&str>) -> Option<FieldError> {
    let object = item.as_object()?;
    let text = |key: &str| object.get(key).and_then(Value::as_str);
    let path = match (prefix, text("target")) {
        (Some(prefix), Some(target)) => FieldPath::parse_dotted(&format!("{prefix}.{target}")),
        (Some(prefix), None) => FieldPath::parse_dotted(prefix),
        (None, Some(target)) => FieldPath::parse_dotted(target),
        (None, None) => FieldPath::new(),
    };
    Some(FieldError::new(
        path,
        text("code").unwrap_or("").to_owned(),
        text("message").unwrap_or("").to_owned(),
    ))
}

/// A JSON:API error object with a `source`: its field error (a pointer under
/// `/data/attributes` is read relative to it).
fn jsonapi_field_error(object: &Map<String, Value>) -> Option<FieldError> {
    let source = object.get("source")?.as_object()?;
    let text = |key: &str| source.get(key).and_then(Value::as_str);
    let (path, origin) = if let Some(pointer) = text("pointer") {
        let pointer = pointer.strip_prefix("/data/attributes").unwrap_or(pointer);
        (parse_pointer(pointer), crate::Origin::Body)
    } else if let Some(parameter) = text("parameter") {
        (FieldPath::parse_dotted(parameter), crate::Origin::Query)
    } else if let Some(header) = text("header") {
        (FieldPath::parse_dotted(header), crate::Origin::Header)
    } else {
        return None;
    };
    let detail = object.get("detail").and_then(Value::as_str).unwrap_or("");
    Some(FieldError::new(path, "", detail.to_owned()).with_origin(origin))
}

fn owned_str(value: Option<Value>) -> Option<String> {
    match value {
        Some(Value::String(text)) => Some(text),
        _ => None,
    }
}

/// A list whose items are all objects with a string `message`: field errors, not details.
fn is_field_error_list(items: &[Value]) -> bool {
    !items.is_empty()
        && items.iter().all(|item| {
            item.as_object()
                .and_then(|object| object.get("message"))
                .is_some_and(Value::is_string)
        })
}

/// Adds the field errors of an `errors`/`details` member; items that are not objects are
/// skipped, items past the limit only counted.
fn push_errors(fields: &mut FieldErrors, errors: Errors) {
    let limit = fields.limit();
    let (kept, total) = match errors {
        Errors::List { items, total } => {
            let mut kept = 0;
            for item in items.iter().take(limit) {
                kept += 1;
                if let Some(error) = field_error(item) {
                    fields.push(error);
                }
            }
            (kept, total)
        }
        Errors::Groups {
            groups,
            kept,
            total,
        } => {
            for (path, messages) in groups {
                let path = FieldPath::parse_dotted(&path);
                for message in messages {
                    fields.push(FieldError::new(path.clone(), "", message));
                }
            }
            (kept, total)
        }
        Errors::Other => (0, 0),
    };
    count_omitted(fields, total.saturating_sub(kept));
}

/// Counts `n` errors that were not kept.
fn count_omitted(fields: &mut FieldErrors, n: usize) {
    // In O(1): `n` may come from the body (Problem's `total_errors`).
    fields.count_omitted(n);
}

/// One item of a list of field errors: `field` (dotted) or `pointer` (JSON Pointer) for the
/// path, `message` or `detail` for the message, `code` for the code.
fn field_error(item: &Value) -> Option<FieldError> {
    let object = item.as_object()?;
    let text = |key: &str| object.get(key).and_then(Value::as_str);
    let path = match (text("pointer"), text("field")) {
        (Some(pointer), _) => parse_pointer(pointer),
        (None, Some(field)) => FieldPath::parse_dotted(field),
        (None, None) => FieldPath::new(),
    };
    let message = text("message").or_else(|| text("detail")).unwrap_or("");
    let code = text("code").unwrap_or("");
    Some(FieldError::new(path, code.to_owned(), message.to_owned()))
}

struct TopSeed {
    limit: usize,
}

impl<'de> DeserializeSeed<'de> for TopSeed {
    type Value = Top;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Top, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopSeed {
    type Value = Top;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
        let mut top = Top::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let slot = match &*key {
                "errors" => {
                    top.errors = Some(map.next_value_seed(ErrorsSeed { limit: self.limit })?);
                    continue;
                }
                "success" => &mut top.success,
                "message" => &mut top.message,
                "meta" => &mut top.meta,
                "details" => &mut top.details,
                "error" => &mut top.error,
                "type" => &mut top.type_,
                "title" => &mut top.title,
                "detail" => &mut top.detail,
                "code" => &mut top.code,
                "request_id" => &mut top.request_id,
                "total_errors" => &mut top.total_errors,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value::<Value>()?);
        }
        Ok(top)
    }
}

struct ErrorsSeed {
    limit: usize,
}

impl<'de> DeserializeSeed<'de> for ErrorsSeed {
    type Value = Errors;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Errors, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ErrorsSeed {
    type Value = Errors;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list or a map of field errors")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Errors, A::Error> {
        let mut items = Vec::new();
        let mut total = 0usize;
        while total < self.limit {
            match seq.next_element::<Value>()? {
                Some(item) => {
                    items.push(item);
                    total += 1;
                }
                None => return Ok(Errors::List { items, total }),
            }
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {
            total = total.saturating_add(1);
        }
        Ok(Errors::List { items, total })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Errors, A::Error> {
        let mut groups = Vec::new();
        let mut kept = 0usize;
        let mut total = 0usize;
        while let Some(path) = map.next_key::<String>()? {
            let messages = map.next_value_seed(MessagesSeed {
                budget: self.limit.saturating_sub(kept),
            })?;
            kept += messages.kept.len();
            total = total.saturating_add(messages.total);
            if !messages.kept.is_empty() {
                groups.push((path, messages.kept));
            }
        }
        Ok(Errors::Groups {
            groups,
            kept,
            total,
        })
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Errors, E> {
        Ok(Errors::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Errors, E> {
        Ok(Errors::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Errors, E> {
        Ok(Errors::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Errors, E> {
        Ok(Errors::Other)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Errors, E> {
        Ok(Errors::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Errors, E> {
        Ok(Errors::Other)
    }
}

/// The messages of one Laravel path: kept up to the budget, all counted.
struct Messages {
    kept: Vec<String>,
    total: usize,
}

struct MessagesSeed {
    budget: usize,
}

impl<'de> DeserializeSeed<'de> for MessagesSeed {
    type Value = Messages;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Messages, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MessagesSeed {
    type Value = Messages;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of messages")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Messages, A::Error> {
        let mut kept = Vec::new();
        let mut total = 0usize;
        while kept.len() < self.budget {
            match seq.next_element::<Value>()? {
                Some(Value::String(message)) => {
                    kept.push(message);
                    total += 1;
                }
                Some(_) => {}
                None => return Ok(Messages { kept, total }),
            }
        }
        while let Some(item) = seq.next_element::<IgnoredOrString>()? {
            if item.0 {
                total = total.saturating_add(1);
            }
        }
        Ok(Messages { kept, total })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Messages, E> {
        let kept = if self.budget > 0 {
            vec![v.to_owned()]
        } else {
            Vec::new()
        };
        Ok(Messages { kept, total: 1 })
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Messages, E> {
        Ok(Messages::none())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Messages, E> {
        Ok(Messages::none())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Messages, E> {
        Ok(Messages::none())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Messages, E> {
        Ok(Messages::none())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Messages, E> {
        Ok(Messages::none())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Messages, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Messages::none())
    }
}

impl Messages {
    fn none() -> Self {
        Messages {
            kept: Vec::new(),
            total: 0,
        }
    }
}

/// Skips a value, telling whether it was a string (a message to count).
struct IgnoredOrString(bool);

impl<'de> de::Deserialize<'de> for IgnoredOrString {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = IgnoredOrString;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<IgnoredOrString, E> {
                Ok(IgnoredOrString(true))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<IgnoredOrString, E> {
                Ok(IgnoredOrString(false))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<IgnoredOrString, E> {
                Ok(IgnoredOrString(false))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<IgnoredOrString, E> {
                Ok(IgnoredOrString(false))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<IgnoredOrString, E> {
                Ok(IgnoredOrString(false))
            }
            fn visit_unit<E: de::Error>(self) -> Result<IgnoredOrString, E> {
                Ok(IgnoredOrString(false))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<IgnoredOrString, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(IgnoredOrString(false))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<IgnoredOrString, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(IgnoredOrString(false))
            }
        }
        deserializer.deserialize_any(V)
    }
}
