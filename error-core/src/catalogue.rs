//! The catalogue: every error an enum can produce, known at compile time.

/// One variant of an error enum, as declared: its status, detail code, message template and
/// suggested action. The derive builds one per variant, in declaration order, as the enum's
/// [`ApiError::CATALOGUE`](crate::ApiError::CATALOGUE).
///
/// A `transparent` variant is an entry too: it has no status or code of its own and points
/// at the inner enum's catalogue instead ([`CatalogueEntry::transparent`]); [`entries`] walks
/// through it.
///
/// ```
/// use error_core::ApiError;
///
/// #[derive(ApiError)]
/// enum AuthError {
///     #[api(status = 401, code = "missing_api_key", message = "Authentication required.",
///           action = "Send the X-API-Key header.", www_authenticate = "ApiKey")]
///     MissingApiKey,
/// }
///
/// let entry = &AuthError::CATALOGUE[0];
/// assert_eq!(entry.variant(), "MissingApiKey");
/// assert_eq!(entry.status(), 401);
/// assert_eq!(entry.code(), "missing_api_key");
/// assert_eq!(entry.message(), "Authentication required.");
/// assert_eq!(entry.action(), Some("Send the X-API-Key header."));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct CatalogueEntry {
    variant: &'static str,
    status: u16,
    code: &'static str,
    message: &'static str,
    action: Option<&'static str>,
    title: &'static str,
    templated: bool,
    /// The JSON-escaped forms (no quotes), laid out by the derive; `None` when they are
    /// escaped at run time (an entry built with [`CatalogueEntry::new`] whose text needs it).
    code_json: Option<&'static str>,
    message_json: Option<&'static str>,
    www_authenticate: Option<&'static str>,
    has_field_errors: bool,
    has_details: bool,
    has_retry_after: bool,
    placeholders: &'static [&'static str],
    inner: Option<&'static [CatalogueEntry]>,
    /// For a `transparent` entry, the inner enum's settings (`ApiError::INFO`).
    inner_info: ApiInfo,
    meta: &'static [(&'static str, &'static str)],
    docs: Option<&'static str>,
    /// AIP-193's `ErrorInfo.reason` and the Microsoft guidelines' `code`, computed and
    /// checked by the derive (`None` in a hand-written entry: computed at run time).
    reason: Option<&'static str>,
    pascal: Option<&'static str>,
    canonical: Option<crate::grpc::Code>,
    /// Built by the derive, whose `write_message` writes exactly a non-templated entry's
    /// message: only then may a format copy the message instead of asking the error.
    derived: bool,
    /// A static variant's cached bodies (the derive gives each one a `static`).
    bodies: Option<&'static crate::format::cache::StaticBodies>,
}

/// Whether `text` is its own JSON string contents (no quote, backslash or control
/// character): then it is copied as it is, else escaped at run time.
const fn needs_no_escape(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x20 || b == b'"' || b == b'\\' {
            return false;
        }
        i += 1;
    }
    true
}

const fn plain_json(text: &'static str) -> Option<&'static str> {
    if needs_no_escape(text) {
        Some(text)
    } else {
        None
    }
}

impl CatalogueEntry {
    /// An entry for a hand-written [`ApiError`](crate::ApiError): the status, the code and
    /// a static message (no placeholders), stored as plain text; the formats escape them
    /// where JSON needs it, so no text makes an envelope invalid. The title is the status's
    /// reason phrase (`Client Error` / `Server Error` for a status without one).
    ///
    /// ```
    /// use error_core::CatalogueEntry;
    ///
    /// const ENTRY: CatalogueEntry =
    ///     CatalogueEntry::new("Gone", 410, "lead/gone", "Lead \"7\" is gone.")
    ///         .with_action("Create it again.");
    /// assert_eq!(ENTRY.title(), "Gone");
    /// assert_eq!(ENTRY.message(), "Lead \"7\" is gone.");
    /// assert_eq!(ENTRY.action(), Some("Create it again."));
    /// assert!(!ENTRY.is_templated());
    /// ```
    pub const fn new(
        variant: &'static str,
        status: u16,
        code: &'static str,
        message: &'static str,
    ) -> Self {
        CatalogueEntry {
            variant,
            status,
            code,
            message,
            action: None,
            title: reason_phrase(status),
            templated: false,
            code_json: plain_json(code),
            message_json: plain_json(message),
            www_authenticate: None,
            has_field_errors: false,
            has_details: false,
            has_retry_after: false,
            placeholders: &[],
            inner: None,
            inner_info: ApiInfo::DEFAULT,
            meta: &[],
            docs: None,
            reason: None,
            pascal: None,
            canonical: None,
            derived: false,
            bodies: None,
        }
    }

    /// The entry with a suggested action.
    pub const fn with_action(mut self, action: &'static str) -> Self {
        self.action = Some(action);
        self
    }

    /// The entry with the `WWW-Authenticate` challenge of a 401 response.
    pub const fn with_www_authenticate(mut self, challenge: &'static str) -> Self {
        self.www_authenticate = Some(challenge);
        self
    }

    /// The derive's constructor: `code_json` and `message_json` are the texts'
    /// JSON-escaped forms, laid out at compile time (see `__private::entry`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) const fn from_derive(
        variant: &'static str,
        status: u16,
        code: &'static str,
        code_json: &'static str,
        message: &'static str,
        message_json: &'static str,
        templated: bool,
        title: &'static str,
    ) -> Self {
        CatalogueEntry {
            variant,
            status,
            code,
            message,
            action: None,
            title,
            templated,
            code_json: Some(code_json),
            message_json: Some(message_json),
            www_authenticate: None,
            has_field_errors: false,
            has_details: false,
            has_retry_after: false,
            placeholders: &[],
            inner: None,
            inner_info: ApiInfo::DEFAULT,
            meta: &[],
            docs: None,
            reason: None,
            pascal: None,
            canonical: None,
            derived: true,
            bodies: None,
        }
    }

    pub(crate) const fn with_shape(
        mut self,
        field_errors: bool,
        details: bool,
        retry_after: bool,
    ) -> Self {
        self.has_field_errors = field_errors;
        self.has_details = details;
        self.has_retry_after = retry_after;
        self
    }

    /// The entry with declared metadata, `key = value` pairs a format may read by key
    /// (the derive's `#[api(meta(domain = "…"))]`). Keys the built-in formats read:
    /// `domain` (AIP-193's `ErrorInfo.domain`), `reason`, `ms_code`, `canonical`.
    ///
    /// ```
    /// use error_core::CatalogueEntry;
    ///
    /// const ENTRY: CatalogueEntry = CatalogueEntry::new("Gone", 410, "lead/gone", "Gone.")
    ///     .with_meta(&[("domain", "leads.example.com")])
    ///     .with_docs("https://docs.example.com/errors#lead/gone");
    /// assert_eq!(ENTRY.meta("domain"), Some("leads.example.com"));
    /// assert_eq!(ENTRY.meta("reason"), None);
    /// assert_eq!(ENTRY.docs(), Some("https://docs.example.com/errors#lead/gone"));
    /// ```
    pub const fn with_meta(mut self, meta: &'static [(&'static str, &'static str)]) -> Self {
        self.meta = meta;
        self
    }

    /// The entry with the link to its documentation.
    pub const fn with_docs(mut self, url: &'static str) -> Self {
        self.docs = Some(url);
        self
    }

    /// The derive's code forms, computed and checked at compile time.
    pub(crate) const fn with_forms(
        mut self,
        reason: Option<&'static str>,
        pascal: Option<&'static str>,
        canonical: Option<crate::grpc::Code>,
    ) -> Self {
        self.reason = reason;
        self.pascal = pascal;
        self.canonical = canonical;
        self
    }

    /// The value of a declared metadata key (see [`with_meta`](Self::with_meta)).
    pub fn meta(&self, key: &str) -> Option<&'static str> {
        self.meta.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    /// Every declared metadata pair, in declaration order.
    pub const fn metadata(&self) -> &'static [(&'static str, &'static str)] {
        self.meta
    }

    /// The link to this error's documentation: the variant's `docs`, or the enum's
    /// `docs` page followed by `#` and the code (the anchor the Markdown reference writes).
    pub const fn docs(&self) -> Option<&'static str> {
        self.docs
    }

    /// AIP-193's `ErrorInfo.reason` (UPPER_SNAKE_CASE, `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63
    /// characters): the variant's `meta(reason = "…")` (checked by the derive), else the
    /// code's (computed by the derive, or at run time for a hand-written entry), or the
    /// canonical status name when the code makes no valid reason (`ok`, `2fa`).
    ///
    /// ```
    /// use error_core::CatalogueEntry;
    /// assert_eq!(CatalogueEntry::new("A", 404, "lead/not-found", "").reason(), "LEAD_NOT_FOUND");
    /// assert_eq!(CatalogueEntry::new("A", 404, "ok", "").reason(), "NOT_FOUND");
    /// ```
    pub fn reason(&self) -> std::borrow::Cow<'static, str> {
        match self.reason {
            Some(reason) => std::borrow::Cow::Borrowed(reason),
            None => match crate::grpc::reason(self.code) {
                Ok(reason) => std::borrow::Cow::Owned(reason),
                Err(_) => std::borrow::Cow::Borrowed(self.canonical().name()),
            },
        }
    }

    /// The code in PascalCase, as the Microsoft REST API guidelines write `error.code`
    /// (`lead/not-found` → `LeadNotFound`): the variant's `meta(ms_code = "…")` (checked by
    /// the derive), else the code's, or the variant's name when the code starts with a
    /// digit.
    ///
    /// ```
    /// use error_core::CatalogueEntry;
    /// assert_eq!(CatalogueEntry::new("A", 400, "bad_argument", "").pascal_code(), "BadArgument");
    /// ```
    pub fn pascal_code(&self) -> std::borrow::Cow<'static, str> {
        match self.pascal {
            Some(code) => std::borrow::Cow::Borrowed(code),
            None => {
                let code = pascal_case(self.code);
                if code.starts_with(|c: char| c.is_ascii_uppercase()) {
                    std::borrow::Cow::Owned(code)
                } else {
                    std::borrow::Cow::Borrowed(self.variant)
                }
            }
        }
    }

    /// The canonical `google.rpc.Code` of AIP-193's `status`: the variant's
    /// `grpc = "…"` (checked by the derive to pair with the status), else the
    /// status's.
    pub const fn canonical(&self) -> crate::grpc::Code {
        match self.canonical {
            Some(code) => code,
            None => crate::grpc::Code::from_http(self.status),
        }
    }

    pub(crate) const fn with_static_bodies(
        mut self,
        bodies: &'static crate::format::cache::StaticBodies,
    ) -> Self {
        self.bodies = Some(bodies);
        self
    }

    /// The cached bodies of a derived static variant.
    pub(crate) const fn static_bodies(
        &self,
    ) -> Option<&'static crate::format::cache::StaticBodies> {
        self.bodies
    }

    pub(crate) const fn with_placeholders(mut self, names: &'static [&'static str]) -> Self {
        self.placeholders = names;
        self
    }

    pub(crate) const fn transparent_entry(
        variant: &'static str,
        inner: &'static [CatalogueEntry],
        inner_info: ApiInfo,
    ) -> Self {
        CatalogueEntry {
            variant,
            status: 0,
            code: "",
            message: "",
            action: None,
            title: "",
            templated: false,
            code_json: Some(""),
            message_json: Some(""),
            www_authenticate: None,
            has_field_errors: false,
            has_details: false,
            has_retry_after: false,
            placeholders: &[],
            inner: Some(inner),
            inner_info,
            meta: &[],
            docs: None,
            reason: None,
            pascal: None,
            canonical: None,
            derived: true,
            bodies: None,
        }
    }

    /// The variant's name, as written in the enum.
    pub const fn variant(&self) -> &'static str {
        self.variant
    }

    /// The HTTP status (0 for a transparent entry).
    pub const fn status(&self) -> u16 {
        self.status
    }

    /// The detail code, such as `lead/not-found` (empty for a transparent entry).
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The message template as written, placeholders included (`Lead {id} was not found.`).
    pub const fn message(&self) -> &'static str {
        self.message
    }

    /// The suggested action, if the variant declares one.
    pub const fn action(&self) -> Option<&'static str> {
        self.action
    }

    /// The status's reason phrase (`Not Found`): the Problem format's `title`.
    ///
    /// ```
    /// use error_core::ApiError;
    ///
    /// #[derive(ApiError)]
    /// enum E {
    ///     #[api(status = 404, message = "Lead {id} was not found.")]
    ///     NotFound { id: u64 },
    ///     #[api(status = 401, message = "Authentication required.", www_authenticate = "Bearer")]
    ///     Unauthenticated,
    /// }
    ///
    /// let [not_found, unauthenticated] = E::CATALOGUE else { unreachable!() };
    /// assert_eq!(not_found.title(), "Not Found");
    /// assert!(not_found.is_templated());
    /// assert!(!unauthenticated.is_templated());
    /// assert_eq!(unauthenticated.www_authenticate(), Some("Bearer"));
    /// assert_eq!(not_found.www_authenticate(), None);
    /// ```
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// Whether the message has placeholders filled from the variant's fields.
    pub const fn is_templated(&self) -> bool {
        self.templated
    }

    /// The `WWW-Authenticate` challenge of a 401 variant (`Bearer`, `ApiKey`), from its
    /// `www_authenticate` key or the enum's.
    pub const fn www_authenticate(&self) -> Option<&'static str> {
        self.www_authenticate
    }

    /// Whether the variant carries field errors (an `#[api(fields)]` field).
    ///
    /// ```
    /// use error_core::{ApiError, FieldErrors};
    ///
    /// #[derive(ApiError)]
    /// enum E {
    ///     #[api(status = 422)]
    ///     Invalid(#[api(fields)] FieldErrors),
    ///     #[api(status = 409)]
    ///     Conflict(#[api(details)] Vec<u64>),
    /// }
    /// assert!(E::CATALOGUE[0].has_field_errors());
    /// assert!(!E::CATALOGUE[0].has_details());
    /// assert!(E::CATALOGUE[1].has_details());
    /// ```
    pub const fn has_field_errors(&self) -> bool {
        self.has_field_errors
    }

    /// Whether the variant carries details (an `#[api(details)]` field).
    pub const fn has_details(&self) -> bool {
        self.has_details
    }

    /// For a `transparent` variant, the inner enum's catalogue.
    ///
    /// ```
    /// use error_core::ApiError;
    ///
    /// #[derive(ApiError)]
    /// enum AuthError {
    ///     #[api(status = 401, www_authenticate = "Bearer")]
    ///     Unauthenticated,
    /// }
    ///
    /// #[derive(ApiError)]
    /// enum AppError {
    ///     #[api(transparent)]
    ///     Auth(AuthError),
    /// }
    ///
    /// let entry = &AppError::CATALOGUE[0];
    /// assert_eq!(entry.variant(), "Auth");
    /// assert_eq!(entry.status(), 0);
    /// assert_eq!(entry.transparent().map(|inner| inner[0].code()), Some("unauthenticated"));
    /// ```
    pub const fn transparent(&self) -> Option<&'static [CatalogueEntry]> {
        self.inner
    }

    /// For a `transparent` variant, the inner enum's own settings
    /// ([`ApiError::INFO`](crate::ApiError::INFO): its version, `type_base` and enum-level
    /// metadata); `None` for any other entry.
    ///
    /// ```
    /// use error_core::ApiError;
    ///
    /// #[derive(ApiError)]
    /// #[api(meta(domain = "auth.example.com"))]
    /// enum AuthError {
    ///     #[api(status = 401, www_authenticate = "Bearer")]
    ///     Unauthenticated,
    /// }
    ///
    /// #[derive(ApiError)]
    /// enum AppError {
    ///     #[api(transparent)]
    ///     Auth(AuthError),
    /// }
    ///
    /// let info = AppError::CATALOGUE[0].transparent_info().unwrap();
    /// assert_eq!(info.meta("domain"), Some("auth.example.com"));
    /// ```
    pub const fn transparent_info(&self) -> Option<ApiInfo> {
        match self.inner {
            Some(_) => Some(self.inner_info),
            None => None,
        }
    }

    /// Whether the variant carries a `Retry-After` delay (an `#[api(retry_after)]` field).
    pub const fn has_retry_after(&self) -> bool {
        self.has_retry_after
    }

    /// The fields the message template names, in the order of the template (a field named
    /// twice is listed twice): `["id"]` for `Lead {id} was not found.`, `["0"]` for `{0}`.
    ///
    /// ```
    /// use error_core::ApiError;
    ///
    /// #[derive(ApiError)]
    /// enum E {
    ///     #[api(status = 409, message = "{owner} owns lead {id}; {owner} must release it.")]
    ///     Taken { id: u64, owner: String },
    ///     #[api(status = 404)]
    ///     NotFound,
    /// }
    /// assert_eq!(E::CATALOGUE[0].placeholders(), ["owner", "id", "owner"]);
    /// assert!(E::CATALOGUE[1].placeholders().is_empty());
    /// ```
    pub const fn placeholders(&self) -> &'static [&'static str] {
        self.placeholders
    }

    /// Appends the code as JSON string contents (no quotes).
    pub(crate) fn write_code_contents(&self, out: &mut Vec<u8>) {
        match self.code_json {
            Some(escaped) => out.extend_from_slice(escaped.as_bytes()),
            None => crate::json::write_str_contents(out, self.code),
        }
    }

    /// The message's escaped form when it was laid out at compile time.
    pub(crate) const fn message_json(&self) -> Option<&'static str> {
        self.message_json
    }

    /// Whether the message is this entry's static text, so that a format may copy it
    /// instead of calling `write_message`: a derived, non-templated entry. A hand-written
    /// `ApiError` may write any message, so its entries never are.
    pub(crate) const fn has_static_message(&self) -> bool {
        self.derived && !self.templated
    }

    /// The message's escaped form, when [`has_static_message`](Self::has_static_message).
    pub(crate) const fn static_message_json(&self) -> Option<&'static str> {
        if self.has_static_message() {
            self.message_json
        } else {
            None
        }
    }
}

/// `lead/not-found` → `LeadNotFound`: every run of ASCII letters and digits, its first
/// letter upper-cased; anything else separates.
pub(crate) fn pascal_case(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    for word in code.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    out
}

/// The reason phrase of a status as RFC 9110 §15 registers it (413 Content Too Large, 422
/// Unprocessable Content), or its class's title.
const fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ if status >= 500 => "Server Error",
        _ => "Client Error",
    }
}

/// Every error entry of a catalogue, in declaration order, with `transparent` variants
/// replaced by the entries of the enum they wrap.
///
/// ```
/// use error_core::{catalogue, ApiError};
///
/// #[derive(ApiError)]
/// enum AuthError {
///     #[api(status = 401, www_authenticate = "Bearer")]
///     Unauthenticated,
/// }
///
/// #[derive(ApiError)]
/// enum AppError {
///     #[api(transparent)]
///     Auth(AuthError),
///     #[api(status = 404)]
///     NotFound,
/// }
///
/// let codes: Vec<_> = catalogue::entries(AppError::CATALOGUE).map(|e| e.code()).collect();
/// assert_eq!(codes, ["unauthenticated", "not_found"]);
/// ```
pub fn entries(catalogue: &'static [CatalogueEntry]) -> Entries {
    Entries {
        stack: vec![catalogue.iter()],
    }
}

/// The iterator of [`entries`]: depth first, so a transparent variant's entries take its
/// place.
///
/// ```
/// use error_core::{catalogue, ApiError};
///
/// #[derive(ApiError)]
/// enum E {
///     #[api(status = 404)]
///     NotFound,
/// }
///
/// let mut entries: catalogue::Entries = catalogue::entries(E::CATALOGUE);
/// assert_eq!(entries.next().map(|e| e.status()), Some(404));
/// assert!(entries.next().is_none());
/// ```
#[derive(Debug, Clone)]
pub struct Entries {
    stack: Vec<core::slice::Iter<'static, CatalogueEntry>>,
}

impl Iterator for Entries {
    type Item = &'static CatalogueEntry;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let top = self.stack.last_mut()?;
            match top.next() {
                None => {
                    self.stack.pop();
                }
                Some(entry) => match entry.inner {
                    Some(inner) => self.stack.push(inner.iter()),
                    None => return Some(entry),
                },
            }
        }
    }
}

/// Settings of a whole enum, from its enum-level `#[api(...)]`.
///
/// ```
/// use error_core::ApiError;
///
/// #[derive(ApiError)]
/// #[api(version = "v1", type_base = "https://errors.example.com/")]
/// enum E {
///     #[api(status = 404)]
///     NotFound,
/// }
/// assert_eq!(E::INFO.version(), Some("v1"));
/// assert_eq!(E::INFO.type_base(), Some("https://errors.example.com/"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiInfo {
    version: Option<&'static str>,
    type_base: Option<&'static str>,
    meta: &'static [(&'static str, &'static str)],
}

impl ApiInfo {
    /// No version, no type base.
    pub const DEFAULT: ApiInfo = ApiInfo {
        version: None,
        type_base: None,
        meta: &[],
    };

    /// Sets the API version written in envelopes that carry one (Flat's `meta.version`).
    /// The derive builds an enum's `INFO` with these `const` setters.
    ///
    /// ```
    /// use error_core::ApiInfo;
    ///
    /// const INFO: ApiInfo = ApiInfo::DEFAULT
    ///     .with_version("v1")
    ///     .with_type_base("https://errors.example.com/");
    /// assert_eq!(INFO.version(), Some("v1"));
    /// assert_eq!(INFO.type_base(), Some("https://errors.example.com/"));
    /// assert_eq!(ApiInfo::default().version(), None);
    /// ```
    pub const fn with_version(mut self, version: &'static str) -> Self {
        self.version = Some(version);
        self
    }

    /// Sets the base URI of the Problem format's `type` (the code is appended to it).
    pub const fn with_type_base(mut self, type_base: &'static str) -> Self {
        self.type_base = Some(type_base);
        self
    }

    /// Sets the enum's declared metadata (`#[api(meta(domain = "…"))]` on the enum), read
    /// where a variant declares no value for a key.
    ///
    /// ```
    /// use error_core::ApiInfo;
    /// const INFO: ApiInfo = ApiInfo::DEFAULT.with_meta(&[("domain", "leads.example.com")]);
    /// assert_eq!(INFO.meta("domain"), Some("leads.example.com"));
    /// ```
    pub const fn with_meta(mut self, meta: &'static [(&'static str, &'static str)]) -> Self {
        self.meta = meta;
        self
    }

    /// The value of an enum-level metadata key.
    pub fn meta(&self, key: &str) -> Option<&'static str> {
        self.meta.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    /// Every enum-level metadata pair, in declaration order.
    pub const fn metadata(&self) -> &'static [(&'static str, &'static str)] {
        self.meta
    }

    /// The API version, if set.
    pub const fn version(&self) -> Option<&'static str> {
        self.version
    }

    /// The base URI for Problem `type`, if set.
    pub const fn type_base(&self) -> Option<&'static str> {
        self.type_base
    }

    /// Each setting of `self`, else `outer`'s: what a `transparent` variant forwards.
    pub(crate) const fn or(self, outer: ApiInfo) -> ApiInfo {
        ApiInfo {
            version: match self.version {
                Some(version) => Some(version),
                None => outer.version,
            },
            type_base: match self.type_base {
                Some(base) => Some(base),
                None => outer.type_base,
            },
            meta: if self.meta.is_empty() {
                outer.meta
            } else {
                self.meta
            },
        }
    }
}

impl Default for ApiInfo {
    fn default() -> Self {
        ApiInfo::DEFAULT
    }
}
