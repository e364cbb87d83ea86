//! Field-level errors: where in the request something is wrong, and what.

use std::borrow::Cow;
use std::fmt;

use compact_str::CompactString;
use smallvec::SmallVec;

use crate::json;
use crate::validation::FieldErrorKind;

/// One step of a [`FieldPath`]: an object key or a list index.
///
/// A key is a [`CompactString`]: up to 24 bytes are held inline, and a `&'static str` is
/// borrowed, so the paths of most field errors cost no allocation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSegment {
    /// An object member, such as `phone`.
    Key(CompactString),
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
    // Two segments inline (`email`, `address.city`): no allocation for most paths.
    segments: SmallVec<[PathSegment; 2]>,
}

impl FieldPath {
    /// The empty path: the request body itself.
    pub fn new() -> Self {
        FieldPath::default()
    }

    /// Reads a dotted path (`leads.0.phone`): every segment that is a decimal index as an
    /// index is written (`0`, `17`: ASCII digits, no leading zero, within `usize`) becomes an
    /// index, every other one a key (`007`, `1e3`, `x`). Use [`FieldPath::key`] for keys that
    /// contain a dot.
    ///
    /// ```
    /// use error_core::FieldPath;
    ///
    /// assert_eq!(FieldPath::parse_dotted("leads.0.phone"), FieldPath::new().key("leads").index(0).key("phone"));
    /// assert_eq!(FieldPath::parse_dotted("007"), FieldPath::new().key("007"));
    /// assert_eq!(FieldPath::parse_dotted(""), FieldPath::new());
    /// ```
    pub fn parse_dotted(dotted: &str) -> Self {
        let mut path = FieldPath::new();
        if dotted.is_empty() {
            return path;
        }
        for segment in dotted.split('.') {
            path.push_segment(segment);
        }
        path
    }

    /// Appends `segment` as an index when it is written as one ([`parse_dotted`]'s rule),
    /// else as a key.
    ///
    /// [`parse_dotted`]: FieldPath::parse_dotted
    pub(crate) fn push_segment(&mut self, segment: &str) {
        match parse_index(segment) {
            Some(index) => self.push_index(index),
            None => self
                .segments
                .push(PathSegment::Key(CompactString::from(segment))),
        }
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
        let key = match key.into() {
            Cow::Borrowed(key) => CompactString::const_new(key),
            Cow::Owned(key) => CompactString::from(key),
        };
        self.segments.push(PathSegment::Key(key));
    }

    /// Appends an index.
    pub fn push_index(&mut self, index: usize) {
        self.segments.push(PathSegment::Index(index));
    }

    /// Removes the last segment (adapters walking a tree of errors).
    #[cfg(feature = "validator")]
    pub(crate) fn pop(&mut self) {
        self.segments.pop();
    }

    /// Returns this path with `prefix` in front of it, as when a nested struct's errors are
    /// placed under the field that holds it.
    pub fn prefixed(self, prefix: &FieldPath) -> Self {
        if prefix.is_empty() {
            return self;
        }
        let mut segments = SmallVec::with_capacity(prefix.segments.len() + self.segments.len());
        segments.extend(prefix.segments.iter().cloned());
        segments.extend(self.segments);
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

    /// The path in URI fragment form (`#/leads/0/phone`): the [`pointer`](FieldPath::pointer)
    /// after `#`, with every character a fragment may not hold percent-encoded as UTF-8
    /// (RFC 6901 section 6, RFC 3986 section 3.5), `%` included.
    ///
    /// ```
    /// use error_core::FieldPath;
    ///
    /// let path = FieldPath::new().key("leads").index(0).key("phone");
    /// assert_eq!(path.pointer_fragment(), "#/leads/0/phone");
    /// let path = FieldPath::new().key("a/b").key("c d").key("é%");
    /// assert_eq!(path.pointer_fragment(), "#/a~1b/c%20d/%C3%A9%25");
    /// assert_eq!(FieldPath::new().pointer_fragment(), "#");
    /// ```
    pub fn pointer_fragment(&self) -> String {
        let mut out = Vec::new();
        self.write_pointer_fragment(&mut out);
        // Only ASCII is written: every other byte is percent-encoded.
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The bracketed form (`leads[0].phone`): keys joined by `.`, indices in brackets, as
    /// JavaScript, Rails and garde write paths. Keys are written as they are, so a key that
    /// holds `.`, `[` or `]` reads ambiguously: use [`pointer`](FieldPath::pointer) where a
    /// path must read back exactly.
    ///
    /// ```
    /// use error_core::FieldPath;
    ///
    /// let path = FieldPath::new().key("leads").index(0).key("phone");
    /// assert_eq!(path.bracketed(), "leads[0].phone");
    /// assert_eq!(FieldPath::new().index(2).index(1).key("a").bracketed(), "[2][1].a");
    /// ```
    pub fn bracketed(&self) -> String {
        let mut out = String::new();
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                PathSegment::Key(key) => {
                    if i > 0 {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                PathSegment::Index(index) => {
                    out.push('[');
                    out.push_str(itoa::Buffer::new().format(*index));
                    out.push(']');
                }
            }
        }
        out
    }

    /// Writes the dotted form (`leads.0.phone`, as [`Display`](fmt::Display) writes it) as a
    /// JSON string, quotes included, escaped.
    ///
    /// ```
    /// use error_core::FieldPath;
    ///
    /// let mut out = Vec::new();
    /// FieldPath::new().key("leads").index(0).key("say \"hi\"").write_dotted_json(&mut out);
    /// assert_eq!(out, br#""leads.0.say \"hi\"""#);
    /// ```
    pub fn write_dotted_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        self.write_dotted_contents(out);
        out.push(b'"');
    }

    /// Writes the [JSON Pointer](FieldPath::pointer) (`/leads/0/phone`) as a JSON string,
    /// quotes included, escaped.
    ///
    /// ```
    /// use error_core::FieldPath;
    ///
    /// let mut out = Vec::new();
    /// FieldPath::new().key("a/b").index(0).key("\n").write_pointer_json(&mut out);
    /// assert_eq!(out, br#""/a~1b/0/\n""#);
    /// ```
    pub fn write_pointer_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        for segment in &self.segments {
            out.push(b'/');
            match segment {
                PathSegment::Key(key) => {
                    let mut rest: &str = key;
                    while let Some(at) = rest.find(['~', '/']) {
                        json::write_str_contents(out, &rest[..at]);
                        out.extend_from_slice(if rest.as_bytes()[at] == b'~' {
                            b"~0"
                        } else {
                            b"~1"
                        });
                        rest = &rest[at + 1..];
                    }
                    json::write_str_contents(out, rest);
                }
                PathSegment::Index(index) => json::write_u64(out, *index as u64),
            }
        }
        out.push(b'"');
    }

    /// Writes the [URI fragment form](FieldPath::pointer_fragment) of the pointer
    /// (`#/leads/0/phone`) as a JSON string, quotes included: what Problem's `pointer`
    /// members hold.
    ///
    /// ```
    /// use error_core::FieldPath;
    ///
    /// let mut out = Vec::new();
    /// FieldPath::new().key("leads").index(0).key("a b").write_pointer_fragment_json(&mut out);
    /// assert_eq!(out, br##""#/leads/0/a%20b""##);
    /// ```
    pub fn write_pointer_fragment_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        self.write_pointer_fragment(out);
        out.push(b'"');
    }

    /// Writes the [bracketed form](FieldPath::bracketed) (`leads[0].phone`) as a JSON
    /// string, quotes included, escaped.
    ///
    /// ```
    /// use error_core::FieldPath;
    ///
    /// let mut out = Vec::new();
    /// FieldPath::new().key("leads").index(0).key("phone").write_bracketed_json(&mut out);
    /// assert_eq!(out, br#""leads[0].phone""#);
    /// ```
    pub fn write_bracketed_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                PathSegment::Key(key) => {
                    if i > 0 {
                        out.push(b'.');
                    }
                    json::write_str_contents(out, key);
                }
                PathSegment::Index(index) => {
                    out.push(b'[');
                    json::write_u64(out, *index as u64);
                    out.push(b']');
                }
            }
        }
        out.push(b'"');
    }

    /// Writes the dotted form as escaped JSON string contents (no quotes).
    pub(crate) fn write_dotted_contents(&self, out: &mut Vec<u8>) {
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

    // `#/…`, percent-encoded: ASCII only, so it is also valid JSON string contents.
    fn write_pointer_fragment(&self, out: &mut Vec<u8>) {
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

/// `segment` as an index, if it is written as one: ASCII digits, no leading zero (`0`
/// itself excepted, as in RFC 6901's array indices), within `usize`.
pub(crate) fn parse_index(segment: &str) -> Option<usize> {
    let bytes = segment.as_bytes();
    let canonical = match bytes {
        [] => false,
        [b'0'] => true,
        [b'0', ..] => false,
        _ => bytes.iter().all(u8::is_ascii_digit),
    };
    if canonical {
        segment.parse().ok()
    } else {
        None
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

/// Where the value a [`FieldError`] is about came from: JSON:API's `source` says
/// `pointer` (the body), `parameter` (the query string) or `header`.
///
/// ```
/// use error_core::Origin;
/// use error_core::FieldError;
///
/// let error = FieldError::missing("page");
/// assert_eq!(error.origin(), Origin::Body);
/// assert_eq!(error.with_origin(Origin::Query).origin(), Origin::Query);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The request body (the default).
    #[default]
    Body,
    /// A query string parameter.
    Query,
    /// A path parameter.
    Path,
    /// A request header.
    Header,
}

impl Origin {
    /// `body`, `query`, `path`, `header`.
    pub const fn name(self) -> &'static str {
        match self {
            Origin::Body => "body",
            Origin::Query => "query",
            Origin::Path => "path",
            Origin::Header => "header",
        }
    }
}

/// One thing wrong with one field: its path, a detail code and a client-facing message.
///
/// Build one from a [`FieldErrorKind`] (each kind has a default code and message), or from an
/// explicit code and message with [`FieldError::new`]. A field error keeps its path and kind;
/// the default code (`validation/<slug>-<path>`) and message are not stored but written when
/// the error is rendered, from the kind and the path (so they follow the path when the error
/// is placed under a prefix, and the message is in the language of the rendering: see
/// [`FieldErrorKind`]). One set by [`with_code`](FieldError::with_code) or
/// [`with_message`](FieldError::with_message) is kept as given.
///
/// ```
/// use error_core::{FieldError, FieldPath};
///
/// let error = FieldError::missing("user_id");
/// assert_eq!(error.code(), "validation/missing-user_id");
/// assert_eq!(error.message(), "user_id is required.");
/// assert_eq!(error.message_in("de-AT"), "user_id ist erforderlich.");
///
/// let error = FieldError::missing("phone").prefixed(&FieldPath::from("leads.0"));
/// assert_eq!(error.code(), "validation/missing-leads.0.phone");
/// assert_eq!(error.message(), "leads.0.phone is required.");
///
/// let error = FieldError::not_one_of("status", ["new", "won"]).with_code("lead/bad-status");
/// assert_eq!(error.code(), "lead/bad-status");
/// assert_eq!(error.message(), "Must be one of: new, won");
/// ```
#[derive(Clone, Debug)]
pub struct FieldError {
    path: FieldPath,
    kind: Option<FieldErrorKind>,
    // Set: given by the caller, kept as is. Unset: the kind's default, written at render time.
    code: Option<Cow<'static, str>>,
    message: Option<Cow<'static, str>>,
    origin: Origin,
}

impl FieldError {
    /// A field error with an explicit code and message (and no [`kind`](FieldError::kind)).
    ///
    /// ```
    /// use error_core::FieldError;
    /// let error = FieldError::new("email", "invalid", "Invalid email format");
    /// assert_eq!(error.path().to_string(), "email");
    /// assert_eq!(error.kind(), None);
    /// ```
    pub fn new(
        path: impl Into<FieldPath>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError {
            path: path.into(),
            kind: None,
            code: Some(code.into()),
            message: Some(message.into()),
            origin: Origin::Body,
        }
    }

    /// A field error of `kind` at `path`, with the kind's default code and message.
    ///
    /// ```
    /// use error_core::{FieldError, FieldErrorKind};
    /// let error = FieldError::from_kind("user_id", FieldErrorKind::Missing);
    /// assert_eq!(error, FieldError::missing("user_id"));
    /// ```
    pub fn from_kind(path: impl Into<FieldPath>, kind: FieldErrorKind) -> Self {
        FieldError {
            path: path.into(),
            kind: Some(kind),
            code: None,
            message: None,
            origin: Origin::Body,
        }
    }

    /// Where the value came from; [`Origin::Body`] unless set.
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// The error with the origin of its value (the adapters' query, path and header
    /// rejections set it).
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    /// A required field is absent: code `validation/missing-<path>`, message
    /// `<path> is required.`
    pub fn missing(path: impl Into<FieldPath>) -> Self {
        FieldError::from_kind(path, FieldErrorKind::Missing)
    }

    /// A field has a value of the wrong form, with a message of your own: code
    /// `validation/invalid-<path>` ([`FieldErrorKind::InvalidFormat`]).
    ///
    /// ```
    /// use error_core::FieldError;
    /// let error = FieldError::invalid("email", "Invalid email format");
    /// assert_eq!(error.code(), "validation/invalid-email");
    /// assert_eq!(error, FieldError::invalid_format("email"));
    /// ```
    pub fn invalid(path: impl Into<FieldPath>, message: impl Into<Cow<'static, str>>) -> Self {
        FieldError::invalid_format(path).with_message(message)
    }

    /// [`FieldErrorKind::InvalidFormat`]: code `validation/invalid-<path>`, message
    /// `Invalid <path> format`.
    pub fn invalid_format(path: impl Into<FieldPath>) -> Self {
        FieldError::from_kind(path, FieldErrorKind::InvalidFormat)
    }

    /// [`FieldErrorKind::TooShort`]: code `validation/too-short-<path>`, message
    /// `Must be at least <min> characters`.
    ///
    /// ```
    /// use error_core::FieldError;
    /// assert_eq!(FieldError::too_short("name", 3).message(), "Must be at least 3 characters");
    /// ```
    pub fn too_short(path: impl Into<FieldPath>, min: usize) -> Self {
        FieldError::from_kind(path, FieldErrorKind::TooShort { min })
    }

    /// [`FieldErrorKind::TooLong`]: code `validation/too-long-<path>`, message
    /// `Must be at most <max> characters`.
    ///
    /// ```
    /// use error_core::FieldError;
    /// assert_eq!(FieldError::too_long("name", 50).code(), "validation/too-long-name");
    /// ```
    pub fn too_long(path: impl Into<FieldPath>, max: usize) -> Self {
        FieldError::from_kind(path, FieldErrorKind::TooLong { max })
    }

    /// [`FieldErrorKind::OutOfRange`] with both bounds: code `validation/out-of-range-<path>`,
    /// message `Must be between <min> and <max>`.
    ///
    /// ```
    /// use error_core::FieldError;
    /// assert_eq!(FieldError::out_of_range("score", 0, 100).message(), "Must be between 0 and 100");
    /// ```
    pub fn out_of_range(
        path: impl Into<FieldPath>,
        min: impl fmt::Display,
        max: impl fmt::Display,
    ) -> Self {
        FieldError::from_kind(path, FieldErrorKind::out_of_range(min, max))
    }

    /// [`FieldErrorKind::NotOneOf`]: code `validation/not-one-of-<path>`, message
    /// `Must be one of: <a>, <b>`.
    ///
    /// ```
    /// use error_core::FieldError;
    /// let error = FieldError::not_one_of("status", ["new", "won", "lost"]);
    /// assert_eq!(error.code(), "validation/not-one-of-status");
    /// assert_eq!(error.message(), "Must be one of: new, won, lost");
    /// ```
    pub fn not_one_of<I>(path: impl Into<FieldPath>, allowed: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<Cow<'static, str>>,
    {
        FieldError::from_kind(path, FieldErrorKind::not_one_of(allowed))
    }

    /// [`FieldErrorKind::Duplicate`]: code `validation/duplicate-<path>`, message
    /// `Must be unique`.
    ///
    /// ```
    /// use error_core::FieldError;
    /// assert_eq!(FieldError::duplicate("email").code(), "validation/duplicate-email");
    /// ```
    pub fn duplicate(path: impl Into<FieldPath>) -> Self {
        FieldError::from_kind(path, FieldErrorKind::Duplicate)
    }

    /// Replaces the detail code (it then stays as given when the path changes).
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Replaces the message (it then stays as given when the path changes, and is written
    /// as is in every language).
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Puts the path under `prefix`; a default code and message follow the new path.
    pub fn prefixed(mut self, prefix: &FieldPath) -> Self {
        self.path = self.path.prefixed(prefix);
        self
    }

    /// Where the error points.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// The detail code, such as `validation/missing-user_id`: the one given, else the
    /// kind's default for the path (formatted on each call; formats write it with
    /// [`write_code_json`](FieldError::write_code_json) instead).
    pub fn code(&self) -> Cow<'_, str> {
        match (&self.code, &self.kind) {
            (Some(code), _) => Cow::Borrowed(code),
            (None, Some(kind)) => Cow::Owned(kind.code_for(&self.path)),
            (None, None) => Cow::Borrowed(""),
        }
    }

    /// The client-facing message in English: the one given, else the kind's default.
    pub fn message(&self) -> Cow<'_, str> {
        match (&self.message, &self.kind) {
            (Some(message), _) => Cow::Borrowed(message),
            (None, Some(kind)) => Cow::Owned(kind.message_for(&self.path)),
            (None, None) => Cow::Borrowed(""),
        }
    }

    /// The message in `locale` (`de`, `pt-BR`; `de-AT` falls back to `de`, an unknown
    /// language to English): the one given, as is, else the kind's built-in default in that
    /// language (see [`FieldErrorKind`]).
    ///
    /// ```
    /// use error_core::FieldError;
    /// assert_eq!(FieldError::too_short("name", 1).message_in("fr"), "Doit contenir au moins 1 caractère");
    /// assert_eq!(FieldError::invalid("email", "Bad email").message_in("fr"), "Bad email");
    /// ```
    pub fn message_in(&self, locale: &str) -> Cow<'_, str> {
        match (&self.message, &self.kind) {
            (Some(message), _) => Cow::Borrowed(message),
            (None, Some(kind)) => Cow::Owned(kind.message_in(&self.path, locale)),
            (None, None) => Cow::Borrowed(""),
        }
    }

    /// The kind, for an error built from one.
    pub fn kind(&self) -> Option<&FieldErrorKind> {
        self.kind.as_ref()
    }

    /// The code given with [`with_code`](FieldError::with_code) (or
    /// [`new`](FieldError::new)), if any: `None` means the kind's default.
    pub fn explicit_code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The message given with [`with_message`](FieldError::with_message) (or
    /// [`new`](FieldError::new)), if any: `None` means the kind's default.
    pub fn explicit_message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Writes the [code](FieldError::code) as a JSON string, quotes included, escaped,
    /// without formatting it first.
    ///
    /// ```
    /// use error_core::FieldError;
    ///
    /// let mut out = Vec::new();
    /// FieldError::missing("leads.0.phone").write_code_json(&mut out);
    /// assert_eq!(out, br#""validation/missing-leads.0.phone""#);
    /// ```
    pub fn write_code_json(&self, out: &mut Vec<u8>) {
        match (&self.code, &self.kind) {
            (Some(code), _) => json::write_str(out, code),
            (None, Some(kind)) => {
                out.extend_from_slice(b"\"validation/");
                out.extend_from_slice(kind.slug().as_bytes());
                if !self.path.is_empty() {
                    out.push(b'-');
                    self.path.write_dotted_contents(out);
                }
                out.push(b'"');
            }
            (None, None) => out.extend_from_slice(b"\"\""),
        }
    }

    /// Writes the message as a JSON string, quotes included, escaped: the one given, else
    /// the kind's default in `locale` (English when `None`), written straight into `out`.
    ///
    /// ```
    /// use error_core::FieldError;
    ///
    /// let mut out = Vec::new();
    /// FieldError::missing("email").write_message_json(Some("es"), &mut out);
    /// assert_eq!(out, r#""email es obligatorio.""#.as_bytes());
    /// ```
    pub fn write_message_json(&self, locale: Option<&str>, out: &mut Vec<u8>) {
        out.push(b'"');
        self.write_message_contents(locale, out);
        out.push(b'"');
    }

    /// [`write_message_json`](FieldError::write_message_json) without the quotes.
    pub(crate) fn write_message_contents(&self, locale: Option<&str>, out: &mut Vec<u8>) {
        match (&self.message, &self.kind) {
            (Some(message), _) => json::write_str_contents(out, message),
            (None, Some(kind)) => {
                let lang = crate::validation::messages::Lang::of(locale);
                crate::validation::messages::write(
                    kind,
                    &self.path,
                    lang,
                    &mut crate::validation::messages::Json(out),
                );
            }
            (None, None) => {}
        }
    }
}

// Equality is over what a client sees (path, code, message), the kind and the origin.
impl PartialEq for FieldError {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
            && self.kind == other.kind
            && self.origin == other.origin
            && self.code() == other.code()
            && self.message() == other.message()
    }
}

impl Eq for FieldError {}

impl std::hash::Hash for FieldError {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.path.hash(state);
        self.code().hash(state);
        self.message().hash(state);
        self.kind.hash(state);
    }
}

/// The default for [`FieldErrors::limit`]: how many field errors one response carries.
pub const DEFAULT_FIELD_ERROR_LIMIT: usize = 100;

/// An ordered collection of [`FieldError`]s, bounded: past its limit, errors are counted
/// but not kept, so a request with a million failing fields costs a counter, not memory.
///
/// Formats render the kept errors (at most [`limit`](FieldErrors::limit), by default
/// [`DEFAULT_FIELD_ERROR_LIMIT`]) and report [`total`](FieldErrors::total) where their
/// envelope has room for it: Laravel's summary message (`… (and 9999 more errors)`) and the
/// Problem format's `total_errors` member, written when errors were left out.
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

    /// Adds the error `make` builds, calling it only if the error will be kept: past the
    /// limit an error costs an increment, not the strings of its code and message.
    ///
    /// ```
    /// use error_core::{FieldError, FieldErrors};
    ///
    /// let mut errors = FieldErrors::with_limit(1);
    /// let mut built = 0;
    /// for i in 0..1_000 {
    ///     errors.push_with(|| {
    ///         built += 1;
    ///         FieldError::missing(format!("items.{i}.sku"))
    ///     });
    /// }
    /// assert_eq!((errors.len(), errors.total(), built), (1, 1_000, 1));
    /// ```
    pub fn push_with(&mut self, make: impl FnOnce() -> FieldError) {
        self.total = self.total.saturating_add(1);
        if self.errors.len() < self.limit {
            self.errors.push(make());
        }
    }

    /// Counts `n` errors that are not kept (an adapter that found the collection full).
    pub(crate) fn count_omitted(&mut self, n: usize) {
        self.total = self.total.saturating_add(n);
    }

    /// Whether the limit is reached: further errors are only counted.
    ///
    /// ```
    /// use error_core::{FieldError, FieldErrors};
    /// let mut errors = FieldErrors::with_limit(1);
    /// assert!(!errors.is_full());
    /// errors.push(FieldError::missing("a"));
    /// assert!(errors.is_full());
    /// ```
    pub fn is_full(&self) -> bool {
        self.errors.len() >= self.limit
    }

    /// How many more errors will be kept.
    pub fn remaining(&self) -> usize {
        self.limit.saturating_sub(self.errors.len())
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

    /// Adds every error of `other` under `prefix` (nested structs, list items); the errors
    /// `other` counted without keeping them are counted here too.
    pub fn merge_prefixed(&mut self, prefix: &FieldPath, other: FieldErrors) {
        let omitted = other.omitted();
        for error in other.errors {
            self.push_with(|| error.prefixed(prefix));
        }
        self.count_omitted(omitted);
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

    /// Whether no error is kept: `len() == 0`.
    ///
    /// An error counted past the limit is not kept, so a collection with a limit of 0 is
    /// always empty; whether anything was pushed at all, kept or not, is `total() > 0`
    /// (what [`into_result`](FieldErrors::into_result) checks).
    ///
    /// ```
    /// use error_core::{FieldError, FieldErrors};
    ///
    /// let mut errors = FieldErrors::with_limit(0);
    /// errors.push(FieldError::missing("a"));
    /// assert_eq!((errors.len(), errors.is_empty()), (0, true));
    /// assert_eq!(errors.total(), 1);
    /// assert!(errors.into_result().is_err());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
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
