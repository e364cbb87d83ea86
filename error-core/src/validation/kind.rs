//! The common kinds of field errors, each with a default code and message.

use std::borrow::Cow;
use std::fmt;

use super::messages;
use crate::{FieldError, FieldPath};

/// What is wrong with a field: the common cases of request validation, each with a default
/// detail code (`validation/<slug>-<path>`) and a default client-facing message.
///
/// | kind | slug | default message (for the path `score`, `name`, …) |
/// |---|---|---|
/// | [`Missing`](FieldErrorKind::Missing) | `missing` | `user_id is required.` |
/// | [`InvalidFormat`](FieldErrorKind::InvalidFormat) | `invalid` | `Invalid email format` |
/// | [`TooShort`](FieldErrorKind::TooShort) | `too-short` | `Must be at least 3 characters` (`1 character`) |
/// | [`TooLong`](FieldErrorKind::TooLong) | `too-long` | `Must be at most 50 characters` |
/// | [`OutOfRange`](FieldErrorKind::OutOfRange) | `out-of-range` | `Must be between 0 and 100` |
/// | [`NotOneOf`](FieldErrorKind::NotOneOf) | `not-one-of` | `Must be one of: new, won, lost` |
/// | [`Duplicate`](FieldErrorKind::Duplicate) | `duplicate` | `Must be unique` |
///
/// The path in a default code and message is the dotted path (`leads.0.phone`); on the empty
/// path (an error about the body as a whole) the code is `validation/<slug>` and the message
/// says `request body`. Defaults follow the path: an error built for `phone` and then placed
/// under `leads.0` (by [`FieldErrors::each`](crate::FieldErrors::each) or
/// [`FieldError::prefixed`]) reads `validation/missing-leads.0.phone`,
/// `leads.0.phone is required.`. A code or message set with [`FieldError::with_code`] or
/// [`FieldError::with_message`] is kept as is.
///
/// The default messages are not stored: formats write them at render time, in the
/// rendering's [locale](crate::RenderContext::with_locale): English (above), German, French,
/// Spanish or Portuguese (`de-AT` → `de` → English; see
/// [`message_in`](FieldErrorKind::message_in)). An enum can replace them with its own
/// wording through `field-<slug>` messages in its `#[api(locales = "…")]` files.
///
/// ```
/// use error_core::{FieldError, FieldErrorKind};
///
/// let error = FieldErrorKind::out_of_range(0, 100).at("score");
/// assert_eq!(error.code(), "validation/out-of-range-score");
/// assert_eq!(error.message(), "Must be between 0 and 100");
/// assert_eq!(error, FieldError::out_of_range("score", 0, 100));
///
/// // Override either part; the kind stays.
/// let error = FieldError::too_short("name", 3).with_message("Name is too short");
/// assert_eq!(error.code(), "validation/too-short-name");
/// assert_eq!(error.message(), "Name is too short");
/// assert_eq!(error.kind(), Some(&FieldErrorKind::TooShort { min: 3 }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldErrorKind {
    /// A required field is absent (or null, or empty where emptiness means absence).
    Missing,
    /// The value does not have the expected form (an email address, a date, a UUID).
    InvalidFormat,
    /// The value is shorter than `min` characters (for a list, override the message).
    TooShort {
        /// The shortest allowed length.
        min: usize,
    },
    /// The value is longer than `max` characters (for a list, override the message).
    TooLong {
        /// The longest allowed length.
        max: usize,
    },
    /// The value lies outside `min..=max`; a missing bound is unbounded. Bounds are kept as
    /// text so that integers, decimals and dates all fit.
    OutOfRange {
        /// The lowest allowed value, as written in the message.
        min: Option<Cow<'static, str>>,
        /// The highest allowed value, as written in the message.
        max: Option<Cow<'static, str>>,
    },
    /// The value is not one of the allowed values.
    NotOneOf {
        /// The allowed values, in the order the message lists them.
        allowed: Vec<Cow<'static, str>>,
    },
    /// The value repeats one that must be unique (in the request or in the store).
    Duplicate,
}

impl FieldErrorKind {
    /// [`OutOfRange`](FieldErrorKind::OutOfRange) with both bounds, written with `Display`.
    ///
    /// ```
    /// use error_core::FieldErrorKind;
    /// let kind = FieldErrorKind::out_of_range(0.5, 2.5);
    /// assert_eq!(kind.message_for(&"ratio".into()), "Must be between 0.5 and 2.5");
    /// ```
    pub fn out_of_range(min: impl fmt::Display, max: impl fmt::Display) -> Self {
        FieldErrorKind::OutOfRange {
            min: Some(min.to_string().into()),
            max: Some(max.to_string().into()),
        }
    }

    /// [`OutOfRange`](FieldErrorKind::OutOfRange) with only a lower bound.
    ///
    /// ```
    /// use error_core::FieldErrorKind;
    /// assert_eq!(FieldErrorKind::at_least(1).message_for(&"qty".into()), "Must be at least 1");
    /// ```
    pub fn at_least(min: impl fmt::Display) -> Self {
        FieldErrorKind::OutOfRange {
            min: Some(min.to_string().into()),
            max: None,
        }
    }

    /// [`OutOfRange`](FieldErrorKind::OutOfRange) with only an upper bound.
    ///
    /// ```
    /// use error_core::FieldErrorKind;
    /// assert_eq!(FieldErrorKind::at_most(10).message_for(&"qty".into()), "Must be at most 10");
    /// ```
    pub fn at_most(max: impl fmt::Display) -> Self {
        FieldErrorKind::OutOfRange {
            min: None,
            max: Some(max.to_string().into()),
        }
    }

    /// [`NotOneOf`](FieldErrorKind::NotOneOf) from the allowed values.
    ///
    /// ```
    /// use error_core::FieldErrorKind;
    /// let kind = FieldErrorKind::not_one_of(["new", "won", "lost"]);
    /// assert_eq!(kind.message_for(&"status".into()), "Must be one of: new, won, lost");
    /// ```
    pub fn not_one_of<I>(allowed: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<Cow<'static, str>>,
    {
        FieldErrorKind::NotOneOf {
            allowed: allowed.into_iter().map(Into::into).collect(),
        }
    }

    /// The slug of the default code: `missing`, `invalid`, `too-short`, `too-long`,
    /// `out-of-range`, `not-one-of` or `duplicate`.
    ///
    /// ```
    /// use error_core::FieldErrorKind;
    /// assert_eq!(FieldErrorKind::Duplicate.slug(), "duplicate");
    /// ```
    pub const fn slug(&self) -> &'static str {
        match self {
            FieldErrorKind::Missing => "missing",
            FieldErrorKind::InvalidFormat => "invalid",
            FieldErrorKind::TooShort { .. } => "too-short",
            FieldErrorKind::TooLong { .. } => "too-long",
            FieldErrorKind::OutOfRange { .. } => "out-of-range",
            FieldErrorKind::NotOneOf { .. } => "not-one-of",
            FieldErrorKind::Duplicate => "duplicate",
        }
    }

    /// The default detail code at `path`: `validation/<slug>-<dotted path>`, or
    /// `validation/<slug>` on the empty path.
    ///
    /// ```
    /// use error_core::{FieldErrorKind, FieldPath};
    /// let path = FieldPath::from("leads.0.phone");
    /// assert_eq!(FieldErrorKind::Missing.code_for(&path), "validation/missing-leads.0.phone");
    /// assert_eq!(FieldErrorKind::Missing.code_for(&FieldPath::new()), "validation/missing");
    /// ```
    pub fn code_for(&self, path: &FieldPath) -> String {
        validation_code(self.slug(), path)
    }

    /// The default message at `path` (see the table on [`FieldErrorKind`]).
    ///
    /// ```
    /// use error_core::{FieldErrorKind, FieldPath};
    /// assert_eq!(FieldErrorKind::Missing.message_for(&"user_id".into()), "user_id is required.");
    /// assert_eq!(FieldErrorKind::InvalidFormat.message_for(&"email".into()), "Invalid email format");
    /// assert_eq!(FieldErrorKind::Missing.message_for(&FieldPath::new()), "request body is required.");
    /// ```
    pub fn message_for(&self, path: &FieldPath) -> String {
        self.message_in(path, "en")
    }

    /// The default message at `path` in `locale`: English, German, French, Spanish or
    /// Portuguese, looked up as written and then without its last subtag (`de-AT` → `de`),
    /// else English.
    ///
    /// ```
    /// use error_core::{FieldErrorKind, FieldPath};
    /// let path = FieldPath::from("email");
    /// assert_eq!(FieldErrorKind::Missing.message_in(&path, "de-AT"), "email ist erforderlich.");
    /// assert_eq!(FieldErrorKind::Missing.message_in(&path, "pt-BR"), "email é obrigatório.");
    /// assert_eq!(FieldErrorKind::Missing.message_in(&path, "ja"), "email is required.");
    /// ```
    pub fn message_in(&self, path: &FieldPath, locale: &str) -> String {
        let mut out = String::new();
        messages::write(
            self,
            path,
            messages::Lang::of(Some(locale)),
            &mut messages::Text(&mut out),
        );
        out
    }

    /// A [`FieldError`] of this kind at `path`, with the default code and message.
    ///
    /// ```
    /// use error_core::FieldErrorKind;
    /// let error = FieldErrorKind::Duplicate.at("leads.3.email");
    /// assert_eq!(error.code(), "validation/duplicate-leads.3.email");
    /// assert_eq!(error.message(), "Must be unique");
    /// ```
    pub fn at(self, path: impl Into<FieldPath>) -> FieldError {
        FieldError::from_kind(path, self)
    }
}

#[cfg(feature = "validator")]
pub(crate) fn write_range(
    out: &mut String,
    min: &Option<Cow<'static, str>>,
    max: &Option<Cow<'static, str>>,
) -> fmt::Result {
    use fmt::Write as _;
    match (min, max) {
        (Some(min), Some(max)) => write!(out, "Must be between {min} and {max}"),
        (Some(min), None) => write!(out, "Must be at least {min}"),
        (None, Some(max)) => write!(out, "Must be at most {max}"),
        (None, None) => out.write_str("Out of range"),
    }
}

/// `character` or `characters`.
#[cfg(feature = "validator")]
pub(crate) fn characters(one: bool) -> &'static str {
    if one {
        "character"
    } else {
        "characters"
    }
}

/// `validation/<slug>-<dotted path>`, or `validation/<slug>` on the empty path.
pub(crate) fn validation_code(slug: &str, path: &FieldPath) -> String {
    if path.is_empty() {
        format!("validation/{slug}")
    } else {
        format!("validation/{slug}-{path}")
    }
}

/// The path as the subject of a message: the dotted path, or `request body`.
#[cfg(feature = "validator")]
pub(crate) struct Subject<'a>(pub(crate) &'a FieldPath);

#[cfg(feature = "validator")]
impl fmt::Display for Subject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("request body")
        } else {
            fmt::Display::fmt(self.0, f)
        }
    }
}
