//! Names in google.rpc details: `ErrorInfo.reason` from a detail code, and a field error's
//! path in the form `BadRequest.FieldViolation.field` uses.

use crate::{FieldError, FieldPath, PathSegment};

/// The longest `ErrorInfo.reason` AIP-193 allows.
pub const MAX_REASON_LEN: usize = 63;

/// Why a detail code has no `ErrorInfo.reason`: AIP-193 wants UPPER_SNAKE_CASE matching
/// `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63 characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReasonError {
    /// The reason would be shorter than 3 characters.
    TooShort,
    /// The reason would be longer than [`MAX_REASON_LEN`].
    TooLong,
    /// The code starts with a digit or a separator.
    BadStart,
    /// The code ends with a separator.
    BadEnd,
    /// The code holds a character other than ASCII letters, digits, `_`, `-` and `/`.
    BadCharacter,
}

impl ReasonError {
    /// What is wrong and what to do, for a compile-time check's message.
    pub const fn message(self) -> &'static str {
        match self {
            ReasonError::TooShort => "the gRPC reason must have at least 3 characters (AIP-193: `[A-Z][A-Z0-9_]+[A-Z0-9]`); use a longer code",
            ReasonError::TooLong => "the gRPC reason must have at most 63 characters (AIP-193); use a shorter code",
            ReasonError::BadStart => "the gRPC reason must start with a letter (AIP-193: `[A-Z][A-Z0-9_]+[A-Z0-9]`); start the code with a letter",
            ReasonError::BadEnd => "the gRPC reason must end with a letter or digit (AIP-193: `[A-Z][A-Z0-9_]+[A-Z0-9]`)",
            ReasonError::BadCharacter => "a code becomes a gRPC reason only from ASCII letters, digits, `_`, `-` and `/`",
        }
    }
}

impl std::fmt::Display for ReasonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for ReasonError {}

/// One byte of a code, as a byte of the reason.
const fn reason_byte(byte: u8) -> Option<u8> {
    match byte {
        b'a'..=b'z' => Some(byte.to_ascii_uppercase()),
        b'A'..=b'Z' | b'0'..=b'9' => Some(byte),
        b'_' | b'-' | b'/' => Some(b'_'),
        _ => None,
    }
}

/// Checks that `code` makes a valid `ErrorInfo.reason`, in `const` context (the derive's
/// compile-time check of a catalogue's codes).
///
/// ```
/// use error_core::grpc::{check_reason, ReasonError};
///
/// const _: () = assert!(check_reason("lead/not-found").is_ok());
/// assert_eq!(check_reason("2fa_required"), Err(ReasonError::BadStart));
/// assert_eq!(check_reason("ok"), Err(ReasonError::TooShort));
/// ```
pub const fn check_reason(code: &str) -> Result<(), ReasonError> {
    let bytes = code.as_bytes();
    if bytes.len() < 3 {
        return Err(ReasonError::TooShort);
    }
    if bytes.len() > MAX_REASON_LEN {
        return Err(ReasonError::TooLong);
    }
    let mut i = 0;
    while i < bytes.len() {
        let Some(byte) = reason_byte(bytes[i]) else {
            return Err(ReasonError::BadCharacter);
        };
        if i == 0 && !byte.is_ascii_uppercase() {
            return Err(ReasonError::BadStart);
        }
        if i == bytes.len() - 1 && byte == b'_' {
            return Err(ReasonError::BadEnd);
        }
        i += 1;
    }
    Ok(())
}

/// The `ErrorInfo.reason` of a detail code: upper case, `-` and `/` written `_`
/// (`lead/not-found` is `LEAD_NOT_FOUND`), checked against AIP-193's grammar.
///
/// ```
/// use error_core::grpc::reason;
///
/// assert_eq!(reason("lead/not-found").as_deref(), Ok("LEAD_NOT_FOUND"));
/// assert_eq!(reason("validation_error").as_deref(), Ok("VALIDATION_ERROR"));
/// assert!(reason(&"x".repeat(64)).is_err());
/// ```
pub fn reason(code: &str) -> Result<String, ReasonError> {
    check_reason(code)?;
    Ok(code
        .bytes()
        .filter_map(reason_byte)
        .map(char::from)
        .collect())
}

/// Whether `reason` is the reason of `code`, without allocating.
#[cfg(all(feature = "tonic", feature = "client"))]
pub(crate) fn is_reason_of(reason: &str, code: &str) -> bool {
    reason.len() == code.len()
        && check_reason(code).is_ok()
        && reason
            .bytes()
            .zip(code.bytes())
            .all(|(r, c)| reason_byte(c) == Some(r))
}

/// A field error's path as `BadRequest.FieldViolation.field` writes it in JSON APIs
/// (AIP-193, `google/rpc/error_details.proto`): keys joined by `.`, indices in brackets,
/// as in `emailAddresses[1].email`.
///
/// A key that is not an identifier (`[A-Za-z_][A-Za-z0-9_]*`) is quoted in backticks, as
/// AIP-161 quotes map keys in field masks, a backtick in it doubled; so every path reads
/// back the same ([`parse_field_path`]).
///
/// ```
/// use error_core::grpc::field_path;
/// use error_core::FieldPath;
///
/// assert_eq!(field_path(&FieldPath::from("emailAddresses.1.email")), "emailAddresses[1].email");
/// assert_eq!(field_path(&FieldPath::from("leads.0.products.2")), "leads[0].products[2]");
/// assert_eq!(field_path(&FieldPath::new().index(0).key("phone")), "[0].phone");
/// assert_eq!(field_path(&FieldPath::new().key("labels").key("x-y")), "labels.`x-y`");
/// ```
pub fn field_path(path: &FieldPath) -> String {
    let mut out = String::new();
    for (i, segment) in path.segments().iter().enumerate() {
        match segment {
            PathSegment::Index(index) => {
                out.push('[');
                out.push_str(itoa::Buffer::new().format(*index));
                out.push(']');
            }
            PathSegment::Key(key) => {
                if i > 0 {
                    out.push('.');
                }
                if is_identifier(key) {
                    out.push_str(key);
                } else {
                    out.push('`');
                    out.push_str(&key.replace('`', "``"));
                    out.push('`');
                }
            }
        }
    }
    out
}

fn is_identifier(key: &str) -> bool {
    let mut bytes = key.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Reads a `FieldViolation.field` back: `emailAddresses[1].email`, backtick-quoted keys,
/// and, leniently, a dotted path (`leads.0.phone`, where digit segments are indices).
/// Never fails: text that does not parse becomes keys as written.
///
/// ```
/// use error_core::grpc::parse_field_path;
/// use error_core::FieldPath;
///
/// assert_eq!(parse_field_path("emailAddresses[1].email"), FieldPath::from("emailAddresses.1.email"));
/// assert_eq!(parse_field_path("labels.`x-y`"), FieldPath::new().key("labels").key("x-y"));
/// assert_eq!(parse_field_path(""), FieldPath::new());
/// ```
pub fn parse_field_path(field: &str) -> FieldPath {
    let mut path = FieldPath::new();
    let mut rest = field;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            rest = after;
            continue;
        }
        if let Some((index, len)) = index_at(rest) {
            path.push_index(index);
            rest = &rest[len..];
            continue;
        }
        if let Some(after) = rest.strip_prefix('`') {
            // A quoted key: up to the next single backtick; "``" is a literal one.
            let mut key = String::new();
            let mut chars = after.char_indices();
            let mut consumed = after.len();
            while let Some((i, c)) = chars.next() {
                if c == '`' {
                    if after[i + 1..].starts_with('`') {
                        key.push('`');
                        chars.next();
                        continue;
                    }
                    consumed = i + 1;
                    break;
                }
                key.push(c);
            }
            path.push_key(key);
            rest = &after[consumed..];
            continue;
        }
        // A key runs to the next `.` or index; a `[` that opens no index is part of it.
        let end = rest
            .char_indices()
            .skip(1)
            .find(|&(i, c)| c == '.' || (c == '[' && index_at(&rest[i..]).is_some()))
            .map_or(rest.len(), |(i, _)| i);
        let segment = &rest[..end];
        match segment.parse::<usize>() {
            Ok(index) if segment.bytes().all(|b| b.is_ascii_digit()) => path.push_index(index),
            _ => path.push_key(segment.to_owned()),
        }
        rest = &rest[end..];
    }
    path
}

/// `[digits]` at the start of `text`: the index and the length of its text.
fn index_at(text: &str) -> Option<(usize, usize)> {
    let inner = text.strip_prefix('[')?;
    let end = inner.find(']')?;
    let digits = &inner[..end];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, end + 2))
}

/// The prefix of the codes [`FieldErrorKind`](crate::FieldErrorKind) and the validation
/// adapters give: `validation/<what>-<dotted path>`.
const VALIDATION: &str = "validation/";

#[cfg(all(feature = "tonic", feature = "client"))]
/// The slugs of [`FieldErrorKind`](crate::FieldErrorKind)'s default codes, which read back
/// exactly.
const KIND_SLUGS: [&str; 7] = [
    "missing",
    "invalid",
    "too-short",
    "too-long",
    "out-of-range",
    "not-one-of",
    "duplicate",
];

/// A field error's `FieldViolation.reason`: the reason of its code without the path a
/// validation code ends with (`validation/missing-leads.0.phone` is `VALIDATION_MISSING`,
/// the same for every field, as AIP-193 asks); any other code as [`reason`] writes it;
/// empty when the code makes no valid reason.
///
/// ```
/// use error_core::grpc::field_reason;
/// use error_core::FieldError;
///
/// assert_eq!(field_reason(&FieldError::missing("leads.0.phone")), "VALIDATION_MISSING");
/// assert_eq!(field_reason(&FieldError::new("status", "lead/bad-status", "No.")), "LEAD_BAD_STATUS");
/// assert_eq!(field_reason(&FieldError::new("status", "", "No.")), "");
/// ```
pub fn field_reason(error: &FieldError) -> String {
    let code = error.code();
    let code: &str = &code;
    let stem = if code.starts_with(VALIDATION) && !error.path().is_empty() {
        code.strip_suffix(error.path().to_string().as_str())
            .and_then(|stem| stem.strip_suffix('-'))
            .unwrap_or(code)
    } else {
        code
    };
    reason(stem).unwrap_or_default()
}

/// The code of a field error read back from its `FieldViolation`: the default code of a
/// [`FieldErrorKind`](crate::FieldErrorKind) (`VALIDATION_MISSING` at `leads.0.phone` is
/// `validation/missing-leads.0.phone`); empty for any other reason, whose code cannot be
/// recovered from its upper-case form.
#[cfg(all(feature = "tonic", feature = "client"))]
pub(crate) fn field_code(reason: &str, path: &FieldPath) -> String {
    let rest = reason.strip_prefix("VALIDATION_");
    let slug = KIND_SLUGS
        .iter()
        .find(|slug| rest.is_some_and(|rest| is_reason_of(rest, slug)));
    match slug {
        None => String::new(),
        Some(slug) if path.is_empty() => format!("{VALIDATION}{slug}"),
        Some(slug) => format!("{VALIDATION}{slug}-{path}"),
    }
}
