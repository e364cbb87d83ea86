//! `garde`'s `Report` as [`FieldErrors`] (cargo feature `garde`).
//!
//! - **Paths**: garde's paths (`leads[0].phone`) become dotted, indexed paths
//!   (`leads.0.phone`): keys stay keys, list indices become indices, and the key-less
//!   components garde adds for newtypes and `Option`s are dropped. A rule on the top-level
//!   value (a `#[garde(custom(...))]` on the struct) gets the empty path.
//! - **Order**: a `Report` is a list, and its order is kept: the order garde validated in.
//!   garde's derive visits a struct's fields in the order of their names (it keeps them in a
//!   sorted map), the rules of one field in a fixed order, and list items by index, so a
//!   derived report is deterministic; errors appended by hand stay where they were appended.
//! - **Codes**: garde's errors carry no code; each becomes `validation/invalid-<dotted path>`
//!   ([`FieldErrorKind::InvalidFormat`](crate::FieldErrorKind::InvalidFormat)'s code).
//! - **Messages**: garde's message, as is (`length is lower than 3`), in every language.
//!   garde always gives one: every error of a `Report` is built from a message string (its
//!   rules write English ones), and the report keeps no rule or bound that a default could
//!   be written from. So a garde message counts as given, and is never replaced by the
//!   built-in (localized) messages; give garde rules your own message for another
//!   wording.
//! - **Bound**: the [`FieldErrors`] limit holds; errors past it are counted, not converted.
//!
//! ```
//! use error_core::FieldErrors;
//! use garde::{Error, Path, Report};
//!
//! let mut report = Report::new();
//! report.append(Path::new("leads").join(0).join("phone"), Error::new("not a valid phone number"));
//!
//! let errors = FieldErrors::from(&report);
//! let error = &errors.as_slice()[0];
//! assert_eq!(error.path().to_string(), "leads.0.phone");
//! assert_eq!(error.code(), "validation/invalid-leads.0.phone");
//! assert_eq!(error.message(), "not a valid phone number");
//! ```

use garde::error::Path;
use garde::Report;

use super::kind::validation_code;
use crate::{FieldError, FieldErrors, FieldPath};

/// Adds every error of `report` to `errors`, in the report's order, within the limit of
/// `errors`.
///
/// ```
/// use error_core::{validation::garde::push_report, FieldError, FieldErrors};
/// use garde::{Error, Path, Report};
///
/// let mut report = Report::new();
/// report.append(Path::new("name"), Error::new("length is lower than 3"));
///
/// let mut errors = FieldErrors::new().with(FieldError::missing("user_id"));
/// push_report(&mut errors, &report);
/// assert_eq!(errors.as_slice()[1].message(), "length is lower than 3");
/// ```
pub fn push_report(errors: &mut FieldErrors, report: &Report) {
    for (path, error) in report.iter() {
        errors.push_with(|| {
            let path = field_path(path);
            let code = validation_code("invalid", &path);
            FieldError::new(path, code, error.message().to_owned())
        });
    }
}

/// garde's path as a [`FieldPath`]: `leads[0].phone` becomes `leads.0.phone`.
///
/// It reads the components through garde's `Serialize` implementation of `Path` (its
/// documented form), as `(kind, text)` pairs.
///
/// ```
/// use error_core::validation::garde::field_path;
/// use error_core::FieldPath;
/// use garde::Path;
///
/// let path = Path::new("leads").join(3).join("products").join(0);
/// assert_eq!(field_path(&path), FieldPath::new().key("leads").index(3).key("products").index(0));
/// // A key that looks like a number stays a key.
/// assert_eq!(field_path(&Path::new("7")), FieldPath::new().key("7"));
/// ```
pub fn field_path(path: &Path) -> FieldPath {
    let mut out = FieldPath::new();
    // `Path` serializes as a sequence of `(Kind, text)`; a failure leaves the path empty
    // (the error is then reported about the body as a whole rather than dropped).
    let Ok(components) = serde_json::to_value(path) else {
        return out;
    };
    let Some(components) = components.as_array() else {
        return out;
    };
    for component in components {
        let Some([kind, text]) = component.as_array().map(Vec::as_slice) else {
            continue;
        };
        let (Some(kind), Some(text)) = (kind.as_str(), text.as_str()) else {
            continue;
        };
        // The kinds as garde serializes them (`rename_all = "snake_case"`); `none` marks the
        // key-less component of a newtype or an `Option`.
        match kind {
            "index" => match text.parse::<usize>() {
                Ok(index) => out.push_index(index),
                Err(_) => out.push_key(text.to_owned()),
            },
            "key" => out.push_key(text.to_owned()),
            _ => {}
        }
    }
    out
}

impl From<&Report> for FieldErrors {
    /// The errors of `report`, in its order, at most
    /// [`DEFAULT_FIELD_ERROR_LIMIT`](crate::DEFAULT_FIELD_ERROR_LIMIT) kept.
    fn from(report: &Report) -> Self {
        let mut errors = FieldErrors::new();
        push_report(&mut errors, report);
        errors
    }
}

impl From<Report> for FieldErrors {
    /// See `From<&Report>`.
    fn from(report: Report) -> Self {
        FieldErrors::from(&report)
    }
}
