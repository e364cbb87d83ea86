//! `validator`'s `ValidationErrors` as [`FieldErrors`] (cargo feature `validator`).
//!
//! - **Paths**: nested structs (`#[validate(nested)]`) and lists of structs become dotted,
//!   indexed paths: `address.city`, `leads.0.phone`. Struct-level errors (validator's
//!   `__all__`, from `#[validate(schema(...))]`) get the path of the struct they belong to.
//! - **Order**: validator keeps errors in hash maps, whose order changes from run to run; the
//!   errors are therefore written sorted by path (keys in byte order, list indices in numeric
//!   order, a struct's own `__all__` errors before its fields), and the errors of one field
//!   in validator's order (its derive checks the rules of a field in a fixed order, not in
//!   the order of the attributes: `length` before `email`, for one).
//! - **Codes**: `validation/<validator code>-<dotted path>`: `validation/email-email`,
//!   `validation/length-leads.0.name`, `validation/range-score`; a custom
//!   `code = "…"` takes the place of validator's (`validation/bad_phone-phone`).
//! - **Messages**: the error's `message` when it has one (validator's own message is kept,
//!   in every language); otherwise a default from the code and its bounds
//!   (`Must be between 0 and 100`, `Must be at least 3 characters`, `user_id is required.`,
//!   …; see [`default_message`]). Where that default is a [`FieldErrorKind`]'s (`required`,
//!   `regex`, a one-sided `length`, an inclusive `range`) the error gets the kind, so its
//!   message is written in the rendering's language like any default; the others (`email`,
//!   `url`, …) are English. The offending `value`, and `must_match`'s other field's value,
//!   are never written.
//! - **Bound**: the [`FieldErrors`] limit holds; errors past it are counted, not converted.
//!
//! ```
//! use error_core::FieldErrors;
//! use validator::{ValidationError, ValidationErrors};
//!
//! let mut report = ValidationErrors::new();
//! report.add("score", ValidationError::new("range").with_message("Must be between 0 and 100".into()));
//! report.add("email", ValidationError::new("email"));
//!
//! let errors = FieldErrors::from(&report);
//! let found: Vec<_> = errors.iter().map(|e| (e.code(), e.message())).collect();
//! let found: Vec<(&str, &str)> = found.iter().map(|(c, m)| (&**c, &**m)).collect();
//! assert_eq!(found, [
//!     ("validation/email-email", "Must be a valid email address"),
//!     ("validation/range-score", "Must be between 0 and 100"),
//! ]);
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;

use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use super::kind::{characters, validation_code, write_range, Subject};
use crate::{FieldError, FieldErrorKind, FieldErrors, FieldPath};

/// The key validator gives struct-level (`schema`) errors.
const STRUCT_LEVEL: &str = "__all__";

/// Adds every error of `report` to `errors`, sorted by path (see the [module](self)
/// documentation), within the limit of `errors`.
///
/// ```
/// use error_core::{validation::validator::push_errors, FieldError, FieldErrors};
/// use validator::{ValidationError, ValidationErrors};
///
/// let mut report = ValidationErrors::new();
/// report.add("name", ValidationError::new("length"));
///
/// let mut errors = FieldErrors::new().with(FieldError::missing("user_id"));
/// push_errors(&mut errors, &report);
/// assert_eq!(errors.as_slice()[1].code(), "validation/length-name");
/// assert_eq!(errors.as_slice()[1].message(), "name is invalid.");
/// ```
pub fn push_errors(errors: &mut FieldErrors, report: &ValidationErrors) {
    let mut path = FieldPath::new();
    walk(errors, &mut path, report);
}

fn walk(errors: &mut FieldErrors, path: &mut FieldPath, report: &ValidationErrors) {
    let mut entries: Vec<(&Cow<'static, str>, &ValidationErrorsKind)> =
        report.errors().iter().collect();
    entries.sort_unstable_by(|(a, _), (b, _)| {
        (a.as_ref() != STRUCT_LEVEL, a.as_ref()).cmp(&(b.as_ref() != STRUCT_LEVEL, b.as_ref()))
    });
    for (key, kind) in entries {
        let struct_level = key.as_ref() == STRUCT_LEVEL;
        if !struct_level {
            path.push_key(key.clone());
        }
        match kind {
            ValidationErrorsKind::Field(list) if errors.is_full() => {
                errors.count_omitted(list.len());
            }
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    errors.push_with(|| field_error(path.clone(), error));
                }
            }
            ValidationErrorsKind::Struct(inner) => walk(errors, path, inner),
            ValidationErrorsKind::List(items) => {
                // A `BTreeMap`: indices in order.
                for (index, inner) in items {
                    path.push_index(*index);
                    walk(errors, path, inner);
                    path.pop();
                }
            }
        }
        if !struct_level {
            path.pop();
        }
    }
}

/// One validator error at `path`: code `validation/<code>-<path>`, its message or
/// [`default_message`].
///
/// ```
/// use error_core::validation::validator::field_error;
/// use validator::ValidationError;
///
/// let mut error = ValidationError::new("length");
/// error.add_param("min".into(), &3);
/// let error = field_error("leads.0.name".into(), &error);
/// assert_eq!(error.code(), "validation/length-leads.0.name");
/// assert_eq!(error.message(), "Must be at least 3 characters");
/// ```
pub fn field_error(path: FieldPath, error: &ValidationError) -> FieldError {
    let code = validation_code(&error.code, &path);
    if let Some(message) = &error.message {
        return FieldError::new(path, code, message.clone());
    }
    match kind_of(error) {
        // The kind's default message: written in the rendering's language.
        Some(kind) => FieldError::from_kind(path, kind).with_code(code),
        None => {
            let message = default_message(&path, error);
            FieldError::new(path, code, message)
        }
    }
}

/// The [`FieldErrorKind`] whose default message is the one [`default_message`] writes for
/// `error`, if any: `required`, `regex`, a one-sided `length`, an inclusive `range`.
fn kind_of(error: &ValidationError) -> Option<FieldErrorKind> {
    let param = |name: &str| error.params.get(name);
    let text = |name: &str| -> Option<Cow<'static, str>> {
        param(name).map(|value| match value {
            serde_json::Value::String(text) => Cow::Owned(text.clone()),
            other => Cow::Owned(other.to_string()),
        })
    };
    let count = |name: &str| param(name).and_then(serde_json::Value::as_u64);
    match error.code.as_ref() {
        "required" => Some(FieldErrorKind::Missing),
        "regex" => Some(FieldErrorKind::InvalidFormat),
        "length" if param("equal").is_none() => match (param("min"), param("max")) {
            (Some(_), None) => Some(FieldErrorKind::TooShort {
                min: usize::try_from(count("min")?).ok()?,
            }),
            (None, Some(_)) => Some(FieldErrorKind::TooLong {
                max: usize::try_from(count("max")?).ok()?,
            }),
            _ => None,
        },
        "range" if param("exclusive_min").is_none() && param("exclusive_max").is_none() => {
            match (text("min"), text("max")) {
                (None, None) => None,
                (min, max) => Some(FieldErrorKind::OutOfRange { min, max }),
            }
        }
        _ => None,
    }
}

/// The message of an error that has none, from validator's built-in codes and their
/// parameters:
///
/// | code | message |
/// |---|---|
/// | `required` | `user_id is required.` |
/// | `email` | `Must be a valid email address` |
/// | `url` | `Must be a valid URL` |
/// | `length` | `Must be at least 3 characters`, `… at most 50 …`, `Must be between 3 and 50 characters`, `Must be exactly 2 characters` |
/// | `range` | `Must be between 0 and 100`, `Must be at least 0`, `Must be greater than 0`, … |
/// | `contains` / `does_not_contain` | `Must contain "x"` / `Must not contain "x"` |
/// | `regex` | `Invalid phone format` |
/// | `must_match` | `password_confirmation does not match.` |
/// | `credit_card` | `Must be a valid credit card number` |
/// | `non_control_character` | `Must not contain control characters` |
/// | `ip` | `Must be a valid IP address` |
/// | any other, including a custom `code = "…"` (which hides the rule) | `phone is invalid.` |
///
/// ```
/// use error_core::validation::validator::default_message;
/// use validator::ValidationError;
///
/// let mut error = ValidationError::new("range");
/// error.add_param("min".into(), &0);
/// error.add_param("max".into(), &100);
/// error.add_param("value".into(), &150);
/// assert_eq!(default_message(&"score".into(), &error), "Must be between 0 and 100");
/// ```
pub fn default_message(path: &FieldPath, error: &ValidationError) -> String {
    let param = |name: &str| -> Option<Cow<'static, str>> {
        error.params.get(name).map(|value| match value {
            serde_json::Value::String(text) => Cow::Owned(text.clone()),
            other => Cow::Owned(other.to_string()),
        })
    };
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = match error.code.as_ref() {
        "required" => return FieldErrorKind::Missing.message_for(path),
        "email" => out.write_str("Must be a valid email address"),
        "url" => out.write_str("Must be a valid URL"),
        "ip" => out.write_str("Must be a valid IP address"),
        "credit_card" => out.write_str("Must be a valid credit card number"),
        "non_control_character" => out.write_str("Must not contain control characters"),
        "regex" => return FieldErrorKind::InvalidFormat.message_for(path),
        "must_match" => write!(out, "{} does not match.", Subject(path)),
        "contains" => match param("needle") {
            Some(needle) => write!(out, "Must contain \"{needle}\""),
            None => write!(out, "{} is invalid.", Subject(path)),
        },
        "does_not_contain" => match param("needle") {
            Some(needle) => write!(out, "Must not contain \"{needle}\""),
            None => write!(out, "{} is invalid.", Subject(path)),
        },
        "length" => match (param("equal"), param("min"), param("max")) {
            (Some(equal), _, _) => {
                write!(out, "Must be exactly {equal} {}", characters(equal == "1"))
            }
            (None, Some(min), Some(max)) => {
                write!(out, "Must be between {min} and {max} characters")
            }
            (None, Some(min), None) => {
                write!(out, "Must be at least {min} {}", characters(min == "1"))
            }
            (None, None, Some(max)) => {
                write!(out, "Must be at most {max} {}", characters(max == "1"))
            }
            (None, None, None) => write!(out, "{} is invalid.", Subject(path)),
        },
        "range" => match (param("exclusive_min"), param("exclusive_max")) {
            (None, None) => match (param("min"), param("max")) {
                (None, None) => write!(out, "{} is invalid.", Subject(path)),
                (min, max) => write_range(&mut out, &min, &max),
            },
            (exclusive_min, exclusive_max) => {
                let lower = exclusive_min
                    .map(|min| format!("greater than {min}"))
                    .or_else(|| param("min").map(|min| format!("at least {min}")));
                let upper = exclusive_max
                    .map(|max| format!("less than {max}"))
                    .or_else(|| param("max").map(|max| format!("at most {max}")));
                match (lower, upper) {
                    (Some(lower), Some(upper)) => write!(out, "Must be {lower} and {upper}"),
                    (Some(bound), None) | (None, Some(bound)) => write!(out, "Must be {bound}"),
                    (None, None) => write!(out, "{} is invalid.", Subject(path)),
                }
            }
        },
        _ => write!(out, "{} is invalid.", Subject(path)),
    };
    out
}

impl From<&ValidationErrors> for FieldErrors {
    /// The errors of `report`, sorted by path, at most
    /// [`DEFAULT_FIELD_ERROR_LIMIT`](crate::DEFAULT_FIELD_ERROR_LIMIT) kept.
    fn from(report: &ValidationErrors) -> Self {
        let mut errors = FieldErrors::new();
        push_errors(&mut errors, report);
        errors
    }
}

impl From<ValidationErrors> for FieldErrors {
    /// See `From<&ValidationErrors>`.
    fn from(report: ValidationErrors) -> Self {
        FieldErrors::from(&report)
    }
}
