//! `ErrorInfo.metadata`: the values of a message's named placeholders.
//!
//! The `ApiError` view does not name placeholder values; it writes the message piece by
//! piece. The template (`Lead {id} was not found.`) names the placeholders in the same
//! order, so pairing the n-th placeholder of the template with the n-th value written gives
//! `{"id": "7"}`. A static message has none.

use std::collections::HashMap;
use std::fmt;

use crate::{ApiError, MessageSink};

/// The longest metadata key AIP-193 allows.
const MAX_KEY_LEN: usize = 64;

/// The named placeholders of `error`'s message with their values, as written in the
/// message. A positional placeholder (`{0}`) has no name AIP-193 accepts as a key
/// (`[a-z][a-zA-Z0-9-_]+`) and is left out, as is everything when the values written do not
/// line up with the template.
pub(super) fn placeholder_values<E: ApiError + ?Sized>(error: &E) -> HashMap<String, String> {
    let entry = error.entry();
    let mut metadata = HashMap::new();
    if !entry.is_templated() {
        return metadata;
    }
    let names = placeholder_names(entry.message());
    let mut values = Values(Vec::new());
    error.write_message(&mut values);
    if names.len() != values.0.len() {
        return metadata;
    }
    for (name, value) in names.into_iter().zip(values.0) {
        if is_metadata_key(name) {
            metadata.insert(name.to_owned(), value);
        }
    }
    metadata
}

/// The placeholders of a template in order, by name (the part before a `:` format spec);
/// `{{` and `}}` are literal braces.
fn placeholder_names(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(literal) = after.strip_prefix('{') {
            rest = literal;
            continue;
        }
        let Some(close) = after.find('}') else {
            break;
        };
        let inner = &after[..close];
        names.push(inner.split(':').next().unwrap_or(inner).trim());
        rest = &after[close + 1..];
    }
    names
}

/// AIP-193's key grammar: `[a-z][a-zA-Z0-9-_]+`, at most 64 characters.
fn is_metadata_key(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() >= 2
        && bytes.len() <= MAX_KEY_LEN
        && bytes[0].is_ascii_lowercase()
        && bytes[1..]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Collects the placeholder values of a message, skipping its static pieces.
struct Values(Vec<String>);

impl MessageSink for Values {
    fn __literal(&mut self, _piece: crate::__private::Literal) {}

    fn display(&mut self, value: &dyn fmt::Display) {
        self.0.push(value.to_string());
    }

    fn text(&mut self, value: &str) {
        self.0.push(value.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_order() {
        assert_eq!(
            placeholder_names("Lead {id} of {owner:>8} {{not}} {0}."),
            ["id", "owner", "0"]
        );
        assert!(placeholder_names("No {{placeholders}} here.").is_empty());
    }

    #[test]
    fn keys() {
        assert!(is_metadata_key("id"));
        assert!(is_metadata_key("retry_after_secs"));
        assert!(!is_metadata_key("0"));
        assert!(!is_metadata_key("Id"));
        assert!(!is_metadata_key(&"a".repeat(65)));
    }
}
