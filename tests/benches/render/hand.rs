//! The hand-written baseline: what a careful engineer writes without the derive.
//!
//! `#[derive(Serialize)]` structs with borrowed fields, one per envelope, filled from the
//! error by hand-written matches and written with `serde_json::to_writer`. Nothing is
//! collected into a `Vec` or a `String` that serde can stream instead: lists go through
//! `collect_seq`, paths and the timestamp through `collect_str` (serde_json escapes them as
//! it writes, without allocating). The only allocation on the static and templated paths is
//! the `format!` of a templated message, as in any hand-written `Display`-based message.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::time::SystemTime;

use error_core::{FieldError, FieldErrorKind, FieldErrors, FieldPath, PathSegment};
use http::StatusCode;
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::LeadError;

/// The hand-written equivalent of the derive's `status()`, `code()` and message.
pub struct Parts<'a> {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: Cow<'static, str>,
    pub fields: Option<&'a FieldErrors>,
}

pub fn status(err: &LeadError) -> StatusCode {
    match err {
        LeadError::MissingApiKey => StatusCode::UNAUTHORIZED,
        LeadError::NotFound { .. } => StatusCode::NOT_FOUND,
        LeadError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

pub fn code(err: &LeadError) -> &'static str {
    match err {
        LeadError::MissingApiKey => "missing_api_key",
        LeadError::NotFound { .. } => "lead/not-found",
        LeadError::Validation(_) => "validation_error",
    }
}

pub fn parts(err: &LeadError) -> Parts<'_> {
    let (message, fields) = match err {
        LeadError::MissingApiKey => (Cow::Borrowed("Authentication required."), None),
        LeadError::NotFound { id } => (Cow::Owned(format!("Lead {id} was not found.")), None),
        LeadError::Validation(fields) => (Cow::Borrowed("Validation failed"), Some(fields)),
    };
    Parts {
        status: status(err),
        code: code(err),
        message,
        fields,
    }
}

pub const VERSION: &str = "v1";
pub const TYPE_BASE: &str = "https://errors.example.com/";

/// The clock's time as RFC 3339 with milliseconds, formatted as it is written.
pub struct Rfc3339(pub SystemTime);

impl Serialize for Rfc3339 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&humantime::format_rfc3339_millis(self.0))
    }
}

/// A field path in dotted form (`leads.0.phone`), from its `Display`.
pub struct Dotted<'a>(pub &'a FieldPath);

impl Serialize for Dotted<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

/// A field path as an RFC 6901 pointer in URI fragment form (`#/leads/0/phone`).
pub struct Pointer<'a>(pub &'a FieldPath);

impl fmt::Display for Pointer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("#")?;
        for segment in self.0.segments() {
            f.write_str("/")?;
            match segment {
                PathSegment::Key(key) => {
                    for byte in key.bytes() {
                        match byte {
                            b'~' => f.write_str("~0")?,
                            b'/' => f.write_str("~1")?,
                            b if b.is_ascii_alphanumeric() || b"-._!$&'()*+,;=:@?".contains(&b) => {
                                fmt::Write::write_char(f, b as char)?
                            }
                            b => write!(f, "%{b:02X}")?,
                        }
                    }
                }
                PathSegment::Index(index) => write!(f, "{index}")?,
            }
        }
        Ok(())
    }
}

impl Serialize for Pointer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `[{"<path key>":…,"message":…}]`, streamed.
pub struct FieldList<'a, T: Serialize> {
    fields: &'a FieldErrors,
    item: fn(&'a FieldError) -> T,
}

impl<'a, T: Serialize> Serialize for FieldList<'a, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.fields.iter().map(self.item))
    }
}

fn list<'a, T: Serialize>(
    fields: &'a FieldErrors,
    item: fn(&'a FieldError) -> T,
) -> FieldList<'a, T> {
    FieldList { fields, item }
}

/// A field error's code, streamed through `collect_str`: the given one, else
/// `validation/<slug>-<path>` (a `FieldError` keeps only its kind and path).
pub struct Code<'a>(pub &'a FieldError);

impl fmt::Display for Code<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0.kind(), self.0.path().is_empty()) {
            (Some(kind), false) if self.0.explicit_code().is_none() => {
                write!(f, "validation/{}-{}", kind.slug(), self.0.path())
            }
            _ => f.write_str(&self.0.code()),
        }
    }
}

impl Serialize for Code<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A field error's English message, streamed through `collect_str`: the given one, else a
/// hand-written match over the kinds the benchmarks use.
pub struct Message<'a>(pub &'a FieldError);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(message) = self.0.explicit_message() {
            return f.write_str(message);
        }
        match self.0.kind() {
            Some(FieldErrorKind::Missing) => write!(f, "{} is required.", self.0.path()),
            Some(FieldErrorKind::TooShort { min }) => {
                write!(f, "Must be at least {min} characters")
            }
            _ => f.write_str(&self.0.message()),
        }
    }
}

impl Serialize for Message<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(serde::Serialize)]
pub struct FieldItem<'a> {
    field: Dotted<'a>,
    message: Message<'a>,
}

fn field_item(error: &FieldError) -> FieldItem<'_> {
    FieldItem {
        field: Dotted(error.path()),
        message: Message(error),
    }
}

#[derive(serde::Serialize)]
pub struct CodeItem<'a> {
    code: Code<'a>,
    message: Message<'a>,
}

fn code_item(error: &FieldError) -> CodeItem<'_> {
    CodeItem {
        code: Code(error),
        message: Message(error),
    }
}

#[derive(serde::Serialize)]
pub struct ProblemItem<'a> {
    detail: Message<'a>,
    pointer: Pointer<'a>,
}

pub fn problem_item(error: &FieldError) -> ProblemItem<'_> {
    ProblemItem {
        detail: Message(error),
        pointer: Pointer(error.path()),
    }
}

// --- Flat -------------------------------------------------------------------------------

#[derive(serde::Serialize)]
struct FlatBody<'a> {
    success: bool,
    status: u16,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<FieldList<'a, FieldItem<'a>>>,
    meta: FlatMeta,
}

#[derive(serde::Serialize)]
struct FlatMeta {
    timestamp: Rfc3339,
    version: &'static str,
}

pub fn flat(err: &LeadError, now: SystemTime, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let parts = parts(err);
    let body = FlatBody {
        success: false,
        status: parts.status.as_u16(),
        message: &parts.message,
        errors: parts.fields.map(|fields| list(fields, field_item)),
        meta: FlatMeta {
            timestamp: Rfc3339(now),
            version: VERSION,
        },
    };
    serde_json::to_writer(out, &body)
}

// --- Nested -----------------------------------------------------------------------------

#[derive(serde::Serialize)]
struct NestedBody<'a> {
    success: bool,
    error: NestedError<'a>,
}

#[derive(serde::Serialize)]
struct NestedError<'a> {
    code: u16,
    timestamp: Rfc3339,
    message: &'a str,
    details: NestedDetails<'a>,
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum NestedDetails<'a> {
    Code(&'a str),
    Fields(FieldList<'a, CodeItem<'a>>),
}

pub fn nested(err: &LeadError, now: SystemTime, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let parts = parts(err);
    let body = NestedBody {
        success: false,
        error: NestedError {
            code: parts.status.as_u16(),
            timestamp: Rfc3339(now),
            message: &parts.message,
            details: match parts.fields {
                Some(fields) => NestedDetails::Fields(list(fields, code_item)),
                None => NestedDetails::Code(parts.code),
            },
        },
    };
    serde_json::to_writer(out, &body)
}

// --- Laravel ----------------------------------------------------------------------------

#[derive(serde::Serialize)]
struct LaravelBody<'a> {
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<Grouped<'a>>,
}

/// Messages grouped by path, paths in order of first appearance.
struct Grouped<'a>(&'a FieldErrors);

impl Serialize for Grouped<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut index: HashMap<&FieldPath, usize> = HashMap::with_capacity(self.0.len());
        let mut groups: Vec<(&FieldPath, Vec<Message<'_>>)> = Vec::with_capacity(self.0.len());
        for error in self.0 {
            let slot = *index.entry(error.path()).or_insert_with(|| {
                groups.push((error.path(), Vec::new()));
                groups.len() - 1
            });
            groups[slot].1.push(Message(error));
        }
        let mut map = s.serialize_map(Some(groups.len()))?;
        for (path, messages) in &groups {
            map.serialize_entry(&Dotted(path), messages)?;
        }
        map.end()
    }
}

pub fn laravel(err: &LeadError, _now: SystemTime, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let parts = parts(err);
    let body = LaravelBody {
        message: &parts.message,
        errors: parts.fields.map(Grouped),
    };
    serde_json::to_writer(out, &body)
}

// --- Compact ----------------------------------------------------------------------------

#[derive(serde::Serialize)]
struct CompactBody<'a> {
    error: CompactError<'a>,
}

#[derive(serde::Serialize)]
struct CompactError<'a> {
    message: &'a str,
    details: Option<FieldList<'a, FieldItem<'a>>>,
}

pub fn compact(err: &LeadError, _now: SystemTime, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let parts = parts(err);
    let body = CompactBody {
        error: CompactError {
            message: &parts.message,
            details: parts.fields.map(|fields| list(fields, field_item)),
        },
    };
    serde_json::to_writer(out, &body)
}

// --- Problem ----------------------------------------------------------------------------

/// `type`: the base URI followed by the code.
struct TypeUrl(&'static str);

impl Serialize for TypeUrl {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{TYPE_BASE}{}", self.0))
    }
}

#[derive(serde::Serialize)]
struct ProblemBody<'a> {
    #[serde(rename = "type")]
    type_url: TypeUrl,
    title: &'static str,
    status: u16,
    detail: &'a str,
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<FieldList<'a, ProblemItem<'a>>>,
}

/// The status's reason phrase as RFC 9110 names it (`http` keeps RFC 7231's names for 413
/// and 422).
pub fn reason(status: http::StatusCode) -> &'static str {
    match status.as_u16() {
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        _ => status.canonical_reason().unwrap_or_default(),
    }
}

pub fn problem(err: &LeadError, _now: SystemTime, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let parts = parts(err);
    let body = ProblemBody {
        type_url: TypeUrl(parts.code),
        title: reason(parts.status),
        status: parts.status.as_u16(),
        detail: &parts.message,
        code: parts.code,
        errors: parts.fields.map(|fields| list(fields, problem_item)),
    };
    serde_json::to_writer(out, &body)
}
