//! Request bodies and query strings into values, their failures into field errors with
//! paths (shared by the adapters).

use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;

use super::RequestError;
use crate::{FieldError, FieldErrors, FieldPath, Origin, PathSegment};

/// Whether a `Content-Type` is JSON: `application/json` or `application/<anything>+json`,
/// with or without parameters.
pub(crate) fn is_json_content_type(value: Option<&[u8]>) -> bool {
    let Some(value) = value.and_then(|v| std::str::from_utf8(v).ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype.len() > 5
                && subtype
                    .get(subtype.len() - 5..)
                    .is_some_and(|end| end.eq_ignore_ascii_case("+json")))
}

/// Parses a JSON body: a syntax error is [`RequestError::MalformedJson`], a document of the
/// wrong shape [`RequestError::InvalidBody`] with one field error at the failing path.
pub(crate) fn json_from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, RequestError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    // Structs from JSON objects only (serde would take an array of the fields' values).
    let value = match serde_path_to_error::deserialize(super::objects::Objects(&mut de)) {
        Ok(value) => value,
        Err(err) => return Err(json_error(err)),
    };
    // Trailing characters after the document.
    de.end().map_err(|_| RequestError::MalformedJson)?;
    Ok(value)
}

fn json_error(err: serde_path_to_error::Error<serde_json::Error>) -> RequestError {
    use serde_json::error::Category;
    match err.inner().classify() {
        Category::Data => {
            let path = field_path(err.path());
            let message = strip_position(&err.inner().to_string());
            RequestError::InvalidBody(FieldErrors::new().with(field_error(path, message)))
        }
        Category::Syntax | Category::Eof => RequestError::MalformedJson,
        Category::Io => RequestError::UnreadableBody,
    }
}

/// Parses a query string; failures are [`RequestError::InvalidQuery`] at the parameter,
/// from [`Origin::Query`] (JSON:API's `source.parameter`).
pub(crate) fn query_from_str<T: DeserializeOwned>(query: &str) -> Result<T, RequestError> {
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = field_path(err.path());
        let message = err.inner().to_string();
        RequestError::InvalidQuery(
            FieldErrors::new().with(field_error(path, message).with_origin(Origin::Query)),
        )
    })
}

/// A path parameter that failed to parse: `id must be an integer.`, from [`Origin::Path`].
pub(crate) fn path_param_error(key: &str, expected_type: &str) -> RequestError {
    let what = match expected_type {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a non-negative integer",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "an integer",
        "f32" | "f64" => "a number",
        "bool" => "true or false",
        _ => "well-formed",
    };
    RequestError::InvalidPath(
        FieldErrors::new().with(
            FieldError::invalid(key.to_owned(), format!("{key} must be {what}."))
                .with_origin(Origin::Path),
        ),
    )
}

fn field_path(path: &serde_path_to_error::Path) -> FieldPath {
    let mut out = FieldPath::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => out.push_index(*index),
            // A map key may be request text: bounded like any other.
            Segment::Map { key } => out.push_key(cut(key)),
            Segment::Enum { variant } => out.push_key(cut(variant)),
            Segment::Unknown => out.push_key("?"),
        }
    }
    out
}

/// The most characters of request text (a string value, a field, variant or map key) that
/// reach an error message or path; longer text is cut there and ends with [`CUT_MARKER`].
pub const MAX_ECHOED_CHARS: usize = 64;

/// What ends request text that was cut to [`MAX_ECHOED_CHARS`].
pub const CUT_MARKER: &str = "…";

/// The most characters of a whole message built from serde's (the request text in it is
/// already cut; this bounds the rest, such as a long list of expected variants).
const MAX_MESSAGE_CHARS: usize = 512;

/// `text` cut to [`MAX_ECHOED_CHARS`] characters, with [`CUT_MARKER`] when it was longer.
pub(crate) fn cut(text: &str) -> String {
    cut_to(text, MAX_ECHOED_CHARS)
}

fn cut_to(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((end, _)) => format!("{}{CUT_MARKER}", &text[..end]),
    }
}

/// serde's message with the request text inside it cut: the value of `string "…"` (written
/// with Rust's escapes, so an escaped quote does not end it) and the name in `` `…` ``
/// (unknown fields and variants).
fn cut_request_text(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE_CHARS));
    let mut rest = message;
    loop {
        let string_at = rest
            .find("string \"")
            .map(|at| (at, at + "string \"".len(), '"'));
        let tick_at = rest.find('`').map(|at| (at, at + 1, '`'));
        let next = match (string_at, tick_at) {
            (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
            (a, b) => a.or(b),
        };
        let Some((_, open_end, close)) = next else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..open_end]);
        let inner = &rest[open_end..];
        let close_at = closing(inner, close);
        out.push_str(&cut(&inner[..close_at]));
        rest = &inner[close_at..];
        if let Some(after) = rest.strip_prefix(close) {
            out.push(close);
            rest = after;
        }
    }
    cut_to(&out, MAX_MESSAGE_CHARS)
}

/// Where the quoted text starting at `inner` ends: the first `close` not escaped by `\`
/// (for `"`), or the end.
fn closing(inner: &str, close: char) -> usize {
    let mut escaped = false;
    for (at, c) in inner.char_indices() {
        match c {
            '\\' if close == '"' && !escaped => escaped = true,
            c if c == close && !escaped => return at,
            _ => escaped = false,
        }
    }
    inner.len()
}

/// serde's message made into a field error whose code names the kind of mistake, never the
/// request's text (so the codes a service sends stay a finite catalogue), while the path
/// names the field:
///
/// | serde says | path | code | message |
/// |---|---|---|---|
/// | missing field `x` | `…x` | `validation/missing-field` | `…x is required.` |
/// | unknown field `x` | `…x` (cut) | `validation/unknown-field` | `…x is not a known field.` |
/// | unknown variant `v`, … | the field | `validation/unknown-variant` | `<path>: ` and serde's, cut |
/// | invalid type: U, expected E | the field | `validation/invalid-type` | `<path>: expected <E as JSON>, got <U as JSON>` |
/// | invalid length / value, a number that does not parse | the field | `validation/invalid-value` | `<path>: expected …` / `not a valid number` |
/// | a `Deserialize` impl's own text | the field | `validation/invalid-value` | `<path>: ` and its text, cut |
///
/// (serde's own shapes are said in JSON terms by `serde_text`: never a Rust type name.)
///
/// (At the document's root, where there is no path, serde's message, capitalized.)
fn field_error(mut path: FieldPath, message: String) -> FieldError {
    if let Some(name) = quoted(&message, "missing field `") {
        path.push_key(cut(name));
        return FieldError::missing(path).with_code("validation/missing-field");
    }
    if let Some(name) = quoted(&message, "unknown field `") {
        // serde_path_to_error has the unknown key in the path already.
        let name = cut(name);
        if !matches!(path.segments().last(), Some(PathSegment::Key(last)) if *last == name) {
            path.push_key(name);
        }
        let message = format!("{path} is not a known field.");
        return FieldError::new(path, "validation/unknown-field", message);
    }
    let code = if message.starts_with("invalid type") {
        "validation/invalid-type"
    } else if message.starts_with("unknown variant") {
        "validation/unknown-variant"
    } else {
        "validation/invalid-value"
    };
    // serde's text in JSON terms (no Rust type names, no request text); a `Deserialize`
    // impl's own words are kept, with the request text in them cut.
    let message = match super::serde_text::rewrite(&message) {
        Some(plain) => plain,
        None => cut_request_text(&message),
    };
    // The message names the field, for the formats that show no path (Nested).
    let text = if path.segments().is_empty() {
        capitalized(&message)
    } else {
        let end = if message.ends_with('.') { "" } else { "." };
        format!("{path}: {message}{end}")
    };
    FieldError::new(path, code, text)
}

/// `message` with a capital first letter and a final period.
fn capitalized(message: &str) -> String {
    let mut text = String::with_capacity(message.len() + 1);
    let mut chars = message.chars();
    if let Some(first) = chars.next() {
        text.extend(first.to_uppercase());
        text.push_str(chars.as_str());
    }
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// The name in "prefix`name`…" (to the end when the closing backtick is missing).
fn quoted<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = message.strip_prefix(prefix)?;
    Some(rest.split_once('`').map_or(rest, |(name, _)| name))
}

/// serde_json's message without its " at line L column C".
fn strip_position(message: &str) -> String {
    if let Some(at) = message.rfind(" at line ") {
        let tail = &message[at + " at line ".len()..];
        let positional = tail.split_once(" column ").is_some_and(|(line, column)| {
            !line.is_empty()
                && line.bytes().all(|b| b.is_ascii_digit())
                && !column.is_empty()
                && column.bytes().all(|b| b.is_ascii_digit())
        });
        if positional {
            return message[..at].to_owned();
        }
    }
    message.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        assert!(is_json_content_type(Some(b"application/json")));
        assert!(is_json_content_type(Some(
            b"Application/JSON; charset=utf-8"
        )));
        assert!(is_json_content_type(Some(b"application/merge-patch+json")));
        assert!(!is_json_content_type(Some(b"text/plain")));
        assert!(!is_json_content_type(Some(b"application/+json")));
        assert!(!is_json_content_type(None));
    }

    #[test]
    fn request_text_is_cut_in_messages() {
        let long = "x".repeat(50_000);
        let kept = "x".repeat(MAX_ECHOED_CHARS);
        assert_eq!(
            cut_request_text(&format!("invalid type: string \"{long}\", expected i64")),
            format!("invalid type: string \"{kept}…\", expected i64")
        );
        // An escaped quote inside the value does not end it.
        let escaped = format!("a\\\"{long}");
        let got = cut_request_text(&format!("invalid type: string \"{escaped}\", expected u8"));
        let kept_escaped = format!("a\\\"{}", "x".repeat(MAX_ECHOED_CHARS - 3));
        assert_eq!(
            got,
            format!("invalid type: string \"{kept_escaped}…\", expected u8")
        );
        assert_eq!(
            cut_request_text(&format!("unknown variant `{long}`, expected `a` or `b`")),
            format!("unknown variant `{kept}…`, expected `a` or `b`")
        );
        assert_eq!(
            cut_request_text("invalid length 2, expected 3"),
            "invalid length 2, expected 3"
        );
        // Unclosed: cut all the same.
        assert_eq!(
            cut_request_text(&format!("unknown variant `{long}")),
            format!("unknown variant `{kept}…")
        );
        assert_eq!(cut("prénom"), "prénom");
    }

    #[test]
    fn codes_never_carry_request_text() {
        let long = "k".repeat(10_000);
        let error = field_error(
            FieldPath::new(),
            format!("unknown field `{long}`, expected `a`"),
        );
        assert_eq!(error.code(), "validation/unknown-field");
        assert_eq!(
            error.path().to_string().chars().count(),
            MAX_ECHOED_CHARS + 1
        );
        let error = field_error(
            FieldPath::new().key("kind"),
            format!("unknown variant `{long}`, expected `a`"),
        );
        assert_eq!(error.code(), "validation/unknown-variant");
        let error = field_error(FieldPath::new(), "missing field `email`".to_owned());
        assert_eq!(
            (&*error.code(), &*error.message()),
            ("validation/missing-field", "email is required.")
        );
    }

    #[test]
    fn positions_are_stripped() {
        assert_eq!(
            strip_position("invalid type: x at line 1 column 9"),
            "invalid type: x"
        );
        assert_eq!(strip_position("at line one"), "at line one");
    }
}
