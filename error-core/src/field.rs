//! Field-level errors: where in the request something is wrong, and what.

use std::borrow::Cow;
use std::fmt;

use crate::json;

/// One step of a [`FieldPath`]: an object key or a list index.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSegment {
    /// An object member, such as `phone`.
    Key(Cow<'static, str>),
    /// A position in a list, such as the `0` of `leads.0.phone`.
    Index(usize),
}

/// Where a field error points: a list of keys and indices, stored once and rendered by each
/// format in its own notation (`leads.0.phone`, or the JSON Pointer `/leads/0/phone`).
///
/// ```
/// use error_core::FieldPath;
///
/// let path = FieldPath::new().key("leads").index(0).key("phone");
/// assert_eq!(path.to_string(), "leads.0.phone");
/// assert_eq!(path.pointer(), "/leads/0/phone");
/// // A `&str` is read as a dotted path, numeric segments becoming indices.
/// assert_eq!(FieldPath::from("leads.0.phone"), path);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath {
    segments: Vec<PathSegment>,
}

impl FieldPath {
    /// The empty path: the request body itself.
    pub fn new() -> Self {
        FieldPath::default()
    }

    /// Reads a dotted path (`leads.0.phone`): every segment made of ASCII digits only becomes
    /// an index, every other one a key. Use [`FieldPath::key`] for keys that contain a dot.
    pub fn parse_dotted(dotted: &str) -> Self {
        let mut path = FieldPath::new();
        if dotted.is_empty() {
            return path;
        }
        for segment in dotted.split('.') {
            match segment.parse::<usize>() {
                Ok(index) if segment.bytes().all(|b| b.is_ascii_digit()) => path.push_index(index),
                _ => path.push_key(segment.to_owned()),
            }
        }
        path
    }

    /// Appends a key and returns the path (builder style).
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> Self {
        self.push_key(key);
        self
    }

    /// Appends an index and returns the path (builder style).
    pub fn index(mut self, index: usize) -> Self {
        self.push_index(index);
        self
    }

    /// Appends a key.
    pub fn push_key(&mut self, key: impl Into<Cow<'static, str>>) {
        self.segments.push(PathSegment::Key(key.into()));
    }

    /// Appends an index.
    pub fn push_index(&mut self, index: usize) {
        self.segments.push(PathSegment::Index(index));
    }

    /// Returns this path with `prefix` in front of it, as when a nested struct's errors are
    /// placed under the field that holds it.
    pub fn prefixed(mut self, prefix: &FieldPath) -> Self {
        let mut segments = prefix.segments.clone();
        segments.append(&mut self.segments);
        FieldPath { segments }
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> &[PathSegment] {
        &self.segments
    }

    /// Whether the path is empty (the error is about the body as a whole).
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The path as an RFC 6901 JSON Pointer (`/leads/0/phone`), with `~` written `~0` and
    /// `/` written `~1`.
    ///
    /// ```
    /// use error_core::FieldPath;
    /// let path = FieldPath::new().key("a/b").key("m~n");
    /// assert_eq!(path.pointer(), "/a~1b/m~0n");
    /// ```
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            out.push('/');
            match segment {
                PathSegment::Key(key) => {
                    for c in key.chars() {
                        match c {
                            '~' => out.push_str("~0"),
                            '/' => out.push_str("~1"),
                            c => out.push(c),
                        }
                    }
                }
                PathSegment::Index(index) => out.push_str(itoa::Buffer::new().format(*index)),
            }
        }
        out
    }

    /// Writes the dotted form as escaped JSON string contents.
    pub(crate) fn write_dotted_json(&self, out: &mut Vec<u8>) {
        for (i, segment) in self.segments.iter().enumerate() {
            if i > 0 {
                out.push(b'.');
            }
            match segment {
                PathSegment::Key(key) => json::write_str_contents(out, key),
                PathSegment::Index(index) => json::write_u64(out, *index as u64),
            }
        }
    }

    /// Writes the pointer as a URI fragment (`#/leads/0/phone`) in escaped JSON string
    /// contents: RFC 6901 section 6, so characters a fragment may not hold are
    /// percent-encoded after the `~0`/`~1` escapes.
    pub(crate) fn write_pointer_fragment_json(&self, out: &mut Vec<u8>) {
        out.push(b'#');
        for segment in &self.segments {
            out.push(b'/');
            match segment {
                PathSegment::Key(key) => {
                    for &byte in key.as_bytes() {
                        match byte {
                            b'~' => out.extend_from_slice(b"~0"),
                            b'/' => out.extend_from_slice(b"~1"),
                            b if is_fragment_safe(b) => out.push(b),
                            b => {
                                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                                out.extend_from_slice(&[
                                    b'%',
                                    HEX[(b >> 4) as usize],
                                    HEX[(b & 0xf) as usize],
                                ]);
                            }
                        }
                    }
                }
                PathSegment::Index(index) => json::write_u64(out, *index as u64),
            }
        }
    }
}

// RFC 3986 `fragment` characters other than `/` and `%` (which the pointer encoding handles).
fn is_fragment_safe(byte: u8) -> bool {
    byte.is_ascii_alphanumeric()
        || matches!(
            byte,
            b'-' | b'.'
                | b'_'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'@'
                | b'?'
        )
}

impl fmt::Display for FieldPath {
    /// The dotted form: `leads.0.phone`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            match segment {
                PathSegment::Key(key) => f.write_str(key)?,
                PathSegment::Index(index) => write!(f, "{index}")?,
            }
        }
        Ok(())
    }
}

impl From<&str> for FieldPath {
    /// Reads a dotted path; see [`FieldPath::parse_dotted`].
    fn from(dotted: &str) -> Self {
        FieldPath::parse_dotted(dotted)
    }
}

impl From<String> for FieldPath {
    fn from(dotted: String) -> Self {
        FieldPath::parse_dotted(&dotted)
    }
}

impl From<&FieldPath> for FieldPath {
    fn from(path: &FieldPath) -> Self {
        path.clone()
    }
}

/// One thing wrong with one field: its path, a detail code and a client-facing message.
///
/// ```
/// use error_core::FieldError;
///
/// let error = FieldError::missing("user_id");
/// assert_eq!(error.code(), "validation/missing-user_id");
/// assert_eq!(error.message(), "user_id is required.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldError {
    path: FieldPath,
    code: Cow<'static, str>,
    message: Cow<'static, str>,
}

impl FieldError {
    /// A field error with an explicit code and message.
    pub fn new(
        path: impl Into<FieldPath>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError {
            path: path.into(),
            code: code.into(),
            message: message.into(),
        }
    }

    /// A required field is absent: code `validation/missing-<path>`, message
    /// `<path> is required.`
    pub fn missing(path: impl Into<FieldPath>) -> Self {
        let path = path.into();
        let code = format!("validation/missing-{path}");
        let message = format!("{path} is required.");
        FieldError::new(path, code, message)
    }

    /// A field has a value of the wrong form: code `validation/invalid-<path>`.
    pub fn invalid(path: impl Into<FieldPath>, message: impl Into<Cow<'static, str>>) -> Self {
        let path = path.into();
        let code = format!("validation/invalid-{path}");
        FieldError::new(path, code, message)
    }

    /// Replaces the detail code.
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = code.into();
        self
    }

    /// Replaces the message.
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = message.into();
        self
    }

    /// Puts the path under `prefix`.
    pub fn prefixed(mut self, prefix: &FieldPath) -> Self {
        self.path = self.path.prefixed(prefix);
        self
    }

    /// Where the error points.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// The detail code, such as `validation/missing-user_id`.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The client-facing message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The default for [`FieldErrors::limit`]: how many field errors one response carries.
pub const DEFAULT_FIELD_ERROR_LIMIT: usize = 100;

/// An ordered collection of [`FieldError`]s, bounded: past its limit, errors are counted
/// but not kept, so a request with a million failing fields costs a counter, not memory.
///
/// ```
/// use error_core::{FieldError, FieldErrors};
///
/// let mut errors = FieldErrors::with_limit(2);
/// errors.push(FieldError::missing("a"));
/// errors.push(FieldError::missing("b"));
/// errors.push(FieldError::missing("c"));
/// assert_eq!(errors.len(), 2);
/// assert_eq!(errors.total(), 3);
/// assert_eq!(errors.omitted(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldErrors {
    errors: Vec<FieldError>,
    total: usize,
    limit: usize,
}

impl Default for FieldErrors {
    fn default() -> Self {
        FieldErrors::new()
    }
}

impl FieldErrors {
    /// An empty collection keeping up to [`DEFAULT_FIELD_ERROR_LIMIT`] errors.
    pub fn new() -> Self {
        FieldErrors::with_limit(DEFAULT_FIELD_ERROR_LIMIT)
    }

    /// An empty collection keeping up to `limit` errors.
    pub fn with_limit(limit: usize) -> Self {
        FieldErrors {
            errors: Vec::new(),
            total: 0,
            limit,
        }
    }

    /// Adds an error: kept if the limit allows, counted in any case.
    pub fn push(&mut self, error: FieldError) {
        self.total = self.total.saturating_add(1);
        if self.errors.len() < self.limit {
            self.errors.push(error);
        }
    }

    /// Adds an error built from its parts; returns `self` for chaining.
    pub fn add(
        mut self,
        path: impl Into<FieldPath>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.push(FieldError::new(path, code, message));
        self
    }

    /// Adds an error; returns `self` for chaining.
    pub fn with(mut self, error: FieldError) -> Self {
        self.push(error);
        self
    }

    /// Adds every error of `other` under `prefix` (nested structs, list items).
    pub fn merge_prefixed(&mut self, prefix: &FieldPath, other: FieldErrors) {
        let omitted = other.omitted();
        for error in other.errors {
            self.push(error.prefixed(prefix));
        }
        self.total = self.total.saturating_add(omitted);
    }

    /// The kept errors, in insertion order.
    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.errors.iter()
    }

    /// The kept errors as a slice.
    pub fn as_slice(&self) -> &[FieldError] {
        &self.errors
    }

    /// How many errors are kept.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether no error was added.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// How many errors were added, kept or not.
    pub fn total(&self) -> usize {
        self.total
    }

    /// How many errors were counted but not kept.
    pub fn omitted(&self) -> usize {
        self.total - self.errors.len()
    }

    /// How many errors are kept at most.
    pub fn limit(&self) -> usize {
        self.limit
    }
}

impl Extend<FieldError> for FieldErrors {
    fn extend<I: IntoIterator<Item = FieldError>>(&mut self, iter: I) {
        for error in iter {
            self.push(error);
        }
    }
}

impl FromIterator<FieldError> for FieldErrors {
    fn from_iter<I: IntoIterator<Item = FieldError>>(iter: I) -> Self {
        let mut errors = FieldErrors::new();
        errors.extend(iter);
        errors
    }
}

impl<'a> IntoIterator for &'a FieldErrors {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl IntoIterator for FieldErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

/// What `#[api(fields)]` accepts: a type that holds a [`FieldErrors`].
///
/// Implemented for `FieldErrors` itself and for `Box<FieldErrors>` (which keeps the error
/// enum small).
pub trait AsFieldErrors {
    /// The field errors held.
    fn as_field_errors(&self) -> &FieldErrors;
}

impl AsFieldErrors for FieldErrors {
    fn as_field_errors(&self) -> &FieldErrors {
        self
    }
}

impl AsFieldErrors for Box<FieldErrors> {
    fn as_field_errors(&self) -> &FieldErrors {
        self
    }
}
