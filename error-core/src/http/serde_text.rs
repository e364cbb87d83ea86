//! serde's error text, said in the request's own terms: JSON types and value ranges, never
//! a Rust type name (`struct NewLead`, `u32`), Rust's escaping or the request's own text.
//!
//! serde's messages are written for the developer of the deserialized type: "invalid type:
//! null, expected struct NewLead", "invalid value: integer `300`, expected u8", Rust's
//! integer parse errors ("invalid digit found in string") from a query string. A client
//! should read "expected an object, got null", "expected an integer from 0 to 255", "not a
//! valid number".

/// The client's wording of serde's `message`, or `None` when it is none of serde's own
/// shapes (a `Deserialize` impl's custom text, kept as its author wrote it).
pub(crate) fn rewrite(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (unexpected, expected) = rest.split_once(", expected ")?;
        return Some(format!(
            "expected {}, got {}",
            expected_text(expected),
            unexpected_text(unexpected)
        ));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (_, expected) = rest.split_once(", expected ")?;
        return Some(format!("expected {}", expected_text(expected)));
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (_, expected) = rest.split_once(", expected ")?;
        return Some(match items(expected) {
            Some(n) => format!("expected {n} item{}", if n == "1" { "" } else { "s" }),
            None => format!("expected {}", expected_text(expected)),
        });
    }
    // `FromStr` errors of the standard library, which serde_urlencoded passes on.
    let plain = match message {
        "invalid digit found in string" | "invalid float literal" => "not a valid number",
        "number too large to fit in target type" => "the number is too large",
        "number too small to fit in target type" => "the number is too small",
        "cannot parse integer from empty string" | "cannot parse float from empty string" => {
            "a number is required"
        }
        "provided string was not `true` or `false`" => "expected true or false",
        "invalid character" => "expected a single character",
        "too many characters in string" | "cannot parse char from empty string" => {
            "expected a single character"
        }
        _ => return None,
    };
    Some(plain.to_owned())
}

/// `N` in serde's "struct X with N elements", "a tuple of size N", "an array of length N".
fn items(expected: &str) -> Option<&str> {
    let n = expected
        .strip_suffix(" elements")
        .or_else(|| expected.strip_suffix(" element"))
        .and_then(|rest| rest.rsplit_once(' ').map(|(_, n)| n))
        .or_else(|| expected.strip_prefix("a tuple of size "))
        .or_else(|| expected.strip_prefix("an array of length "))?;
    n.bytes().all(|b| b.is_ascii_digit()).then_some(n)
}

/// What serde's `Expected` text (the visitor's `expecting`) means as JSON.
fn expected_text(expected: &str) -> String {
    let integer = |min: &str, max: &str| format!("an integer from {min} to {max}");
    let text = match expected {
        "u8" => return integer("0", "255"),
        "u16" => return integer("0", "65535"),
        "u32" => return integer("0", "4294967295"),
        "u64" | "usize" => return integer("0", "18446744073709551615"),
        "u128" => return integer("0", "340282366920938463463374607431768211455"),
        "i8" => return integer("-128", "127"),
        "i16" => return integer("-32768", "32767"),
        "i32" => return integer("-2147483648", "2147483647"),
        "i64" | "isize" => return integer("-9223372036854775808", "9223372036854775807"),
        "i128" => {
            return integer(
                "-170141183460469231731687303715884105728",
                "170141183460469231731687303715884105727",
            )
        }
        "f32" | "f64" | "a JSON number" | "a number" => "a number",
        "a boolean" | "bool" => "true or false",
        "a string" | "a borrowed string" | "string" | "a character" | "char" => "a string",
        "unit" | "null" => "null",
        "a sequence" | "sequence" | "a tuple" => "an array",
        "a map" | "map" => "an object",
        "option" => "a value or null",
        "variant identifier" | "field identifier" => "one of the allowed values",
        _ if expected.starts_with("struct ") || expected.starts_with("struct variant ") => {
            "an object"
        }
        _ if expected.starts_with("tuple struct ")
            || expected.starts_with("tuple variant ")
            || expected.starts_with("a tuple of size ")
            || expected.starts_with("an array of length ") =>
        {
            "an array"
        }
        _ if expected.starts_with("enum ") || expected.starts_with("one of ") => {
            "one of the allowed values"
        }
        _ if looks_like_rust(expected) => "a value of another type",
        // A visitor's own words ("a valid RFC 3339 date"), written for people.
        _ => expected,
    };
    text.to_owned()
}

/// What serde's `Unexpected` text (what the document held) is as JSON, without the value.
fn unexpected_text(unexpected: &str) -> &'static str {
    match unexpected {
        "null" | "unit value" | "unit" => "null",
        _ if unexpected.starts_with("boolean") => "a boolean",
        _ if unexpected.starts_with("integer") || unexpected.starts_with("floating point") => {
            "a number"
        }
        _ if unexpected.starts_with("string") || unexpected.starts_with("character") => "a string",
        "sequence" => "an array",
        "map" => "an object",
        _ => "another type",
    }
}

/// Whether an `expecting` text names Rust rather than speaking to a person: a type path, a
/// primitive, generics, or a single lowercase word without an article.
fn looks_like_rust(expected: &str) -> bool {
    expected.contains("::")
        || expected.contains('<')
        || expected.contains("struct ")
        || expected.contains("enum ")
        || (!expected.contains(' ')
            && expected
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn serde_text_in_json_terms() {
        let cases = [
            (
                "invalid type: null, expected struct NewLead",
                "expected an object, got null",
            ),
            (
                "invalid type: sequence, expected struct BulkLeads",
                "expected an object, got an array",
            ),
            (
                "invalid type: string \"\\u{202e}\", expected u32",
                "expected an integer from 0 to 4294967295, got a string",
            ),
            (
                "invalid type: integer `5`, expected a string",
                "expected a string, got a number",
            ),
            (
                "invalid type: floating point `1.5`, expected i64",
                "expected an integer from -9223372036854775808 to 9223372036854775807, got a number",
            ),
            (
                "invalid type: string \"high\", expected a JSON number",
                "expected a number, got a string",
            ),
            (
                "invalid type: map, expected a sequence",
                "expected an array, got an object",
            ),
            (
                "invalid type: boolean `true`, expected option",
                "expected a value or null, got a boolean",
            ),
            (
                "invalid type: string \"x\", expected enum Kind",
                "expected one of the allowed values, got a string",
            ),
            (
                "invalid type: string \"x\", expected my_crate::Id<u8>",
                "expected a value of another type, got a string",
            ),
            (
                "invalid type: integer `1`, expected a valid RFC 3339 date",
                "expected a valid RFC 3339 date, got a number",
            ),
            (
                "invalid value: integer `300`, expected u8",
                "expected an integer from 0 to 255",
            ),
            (
                "invalid value: integer `-1`, expected usize",
                "expected an integer from 0 to 18446744073709551615",
            ),
            (
                "invalid length 0, expected struct NewLead with 4 elements",
                "expected 4 items",
            ),
            ("invalid length 2, expected a tuple of size 1", "expected 1 item"),
            ("invalid length 0, expected struct X with 1 element", "expected 1 item"),
            ("invalid digit found in string", "not a valid number"),
            (
                "number too large to fit in target type",
                "the number is too large",
            ),
            (
                "cannot parse integer from empty string",
                "a number is required",
            ),
            (
                "provided string was not `true` or `false`",
                "expected true or false",
            ),
        ];
        for (serde, ours) in cases {
            assert_eq!(rewrite(serde).as_deref(), Some(ours), "{serde}");
        }
        // A `Deserialize` impl's own words are its author's.
        assert_eq!(rewrite("the date is in the past"), None);
        // No Rust name survives any rewrite.
        for (serde, _) in cases {
            let ours = rewrite(serde).unwrap_or_default();
            for rust in ["struct", "NewLead", "u32", "i64", "enum", "::", "\\u{", "`"] {
                assert!(!ours.contains(rust), "{ours}");
            }
        }
    }
}
