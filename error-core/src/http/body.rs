//! Request bodies and query strings into values, their failures into field errors with
//! paths (shared by the adapters).

use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;

use super::RequestError;
use crate::{FieldError, FieldErrors, FieldPath};

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
    let value = match serde_path_to_error::deserialize(&mut de) {
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

/// Parses a query string; failures are [`RequestError::InvalidQuery`] at the parameter.
pub(crate) fn query_from_str<T: DeserializeOwned>(query: &str) -> Result<T, RequestError> {
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = field_path(err.path());
        let message = err.inner().to_string();
        RequestError::InvalidQuery(FieldErrors::new().with(field_error(path, message)))
    })
}

/// A path parameter that failed to parse: `id must be an integer.`
pub(crate) fn path_param_error(key: &str, expected_type: &str) -> RequestError {
    let what = match expected_type {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a non-negative integer",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "an integer",
        "f32" | "f64" => "a number",
        "bool" => "true or false",
        _ => "well-formed",
    };
    RequestError::InvalidPath(FieldErrors::new().with(FieldError::invalid(
        key.to_owned(),
        format!("{key} must be {what}."),
    )))
}

fn field_path(path: &serde_path_to_error::Path) -> FieldPath {
    let mut out = FieldPath::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => out.push_index(*index),
            Segment::Map { key } => out.push_key(key.clone()),
            Segment::Enum { variant } => out.push_key(variant.clone()),
            Segment::Unknown => out.push_key("?"),
        }
    }
    out
}

/// serde's message made into a field error: a missing field points at the field itself
/// (`validation/missing-<path>`, `<path> is required.`), anything else is
/// `validation/invalid-<path>` with serde's message, capitalized.
fn field_error(mut path: FieldPath, message: String) -> FieldError {
    if let Some(name) = quoted(&message, "missing field `") {
        path.push_key(name.to_owned());
        return FieldError::missing(path);
    }
    if let Some(name) = quoted(&message, "unknown field `") {
        path.push_key(name.to_owned());
        let code = format!("validation/unknown-{path}");
        return FieldError::new(path, code, "Unknown field.");
    }
    let mut text = String::with_capacity(message.len() + 1);
    let mut chars = message.chars();
    if let Some(first) = chars.next() {
        text.extend(first.to_uppercase());
        text.push_str(chars.as_str());
    }
    if !text.ends_with('.') {
        text.push('.');
    }
    FieldError::invalid(path, text)
}

/// The name in "prefix`name`…".
fn quoted<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = message.strip_prefix(prefix)?;
    rest.split_once('`').map(|(name, _)| name)
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
    fn positions_are_stripped() {
        assert_eq!(
            strip_position("invalid type: x at line 1 column 9"),
            "invalid type: x"
        );
        assert_eq!(strip_position("at line one"), "at line one");
    }
}
