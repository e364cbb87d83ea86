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
///           action = "Send the X-API-Key header.")]
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
    status_digits: &'static str,
    code_json: &'static str,
    message_json: &'static str,
    www_authenticate: Option<&'static str>,
    has_field_errors: bool,
    has_details: bool,
    has_retry_after: bool,
    inner: Option<&'static [CatalogueEntry]>,
}

impl CatalogueEntry {
    /// Used by the derive; the `_json` arguments are the JSON-escaped forms (no quotes).
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        variant: &'static str,
        status: u16,
        status_digits: &'static str,
        code: &'static str,
        code_json: &'static str,
        message: &'static str,
        message_json: &'static str,
        templated: bool,
        action: Option<&'static str>,
        title: &'static str,
    ) -> Self {
        CatalogueEntry {
            variant,
            status,
            code,
            message,
            action,
            title,
            templated,
            status_digits,
            code_json,
            message_json,
            www_authenticate: None,
            has_field_errors: false,
            has_details: false,
            has_retry_after: false,
            inner: None,
        }
    }

    /// Used by the derive for a variant with an `#[api(fields)]` or `#[api(details)]` field.
    #[doc(hidden)]
    pub const fn __with_shape(mut self, field_errors: bool, details: bool) -> Self {
        self.has_field_errors = field_errors;
        self.has_details = details;
        self
    }

    /// Used by the derive for a variant with an `#[api(retry_after)]` field.
    #[doc(hidden)]
    pub const fn __with_retry_after(mut self) -> Self {
        self.has_retry_after = true;
        self
    }

    /// Used by the derive for a 401 variant with a `www_authenticate` challenge.
    #[doc(hidden)]
    pub const fn __with_www_authenticate(mut self, challenge: &'static str) -> Self {
        self.www_authenticate = Some(challenge);
        self
    }

    /// Used by the derive for a `transparent` variant.
    #[doc(hidden)]
    pub const fn __transparent(variant: &'static str, inner: &'static [CatalogueEntry]) -> Self {
        CatalogueEntry {
            variant,
            status: 0,
            code: "",
            message: "",
            action: None,
            title: "",
            templated: false,
            status_digits: "",
            code_json: "",
            message_json: "",
            www_authenticate: None,
            has_field_errors: false,
            has_details: false,
            has_retry_after: false,
            inner: Some(inner),
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

    /// Whether the variant carries a `Retry-After` delay (an `#[api(retry_after)]` field).
    ///
    /// ```
    /// use error_core::ApiError;
    ///
    /// #[derive(ApiError)]
    /// enum E {
    ///     #[api(status = 429)]
    ///     RateLimited { #[api(retry_after)] seconds: u64 },
    ///     #[api(status = 404)]
    ///     NotFound,
    /// }
    /// assert!(E::CATALOGUE[0].has_retry_after());
    /// assert!(!E::CATALOGUE[1].has_retry_after());
    /// ```
    pub const fn has_retry_after(&self) -> bool {
        self.has_retry_after
    }

    /// For a `transparent` variant, the inner enum's catalogue.
    ///
    /// ```
    /// use error_core::ApiError;
    ///
    /// #[derive(ApiError)]
    /// enum AuthError {
    ///     #[api(status = 401)]
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

    /// The status as three ASCII digits.
    #[doc(hidden)]
    pub const fn status_digits(&self) -> &'static str {
        self.status_digits
    }

    /// The code, JSON-escaped, without quotes.
    #[doc(hidden)]
    pub const fn code_json(&self) -> &'static str {
        self.code_json
    }

    /// The message template, JSON-escaped, without quotes.
    #[doc(hidden)]
    pub const fn message_json(&self) -> &'static str {
        self.message_json
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
///     #[api(status = 401)]
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
}

impl ApiInfo {
    /// No version, no type base.
    pub const DEFAULT: ApiInfo = ApiInfo {
        version: None,
        type_base: None,
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

    /// The API version, if set.
    pub const fn version(&self) -> Option<&'static str> {
        self.version
    }

    /// The base URI for Problem `type`, if set.
    pub const fn type_base(&self) -> Option<&'static str> {
        self.type_base
    }
}

impl Default for ApiInfo {
    fn default() -> Self {
        ApiInfo::DEFAULT
    }
}
