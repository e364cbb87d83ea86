//! Request bodies and their validation.

use error_core::{FieldError, FieldErrors, FieldPath};
use serde::Deserialize;

use super::store::Lead;

/// `POST /v1/leads`: every field optional at the JSON level, so that validation reports
/// all missing fields at once.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewLead {
    /// Required, a valid email.
    pub email: Option<String>,
    /// Required, not blank, at most 100 characters.
    pub first_name: Option<String>,
    /// Required, 0 to 100. Any JSON number, so that `75.0`, which JSON Schema counts as an
    /// integer, is accepted like `75`; a fraction is out of range.
    pub score: Option<serde_json::Number>,
    /// Optional; 7 to 15 digits, with an optional leading `+` and spaces or dashes.
    pub phone: Option<String>,
}

/// `POST /v1/leads/bulk`.
#[derive(Debug, Deserialize)]
pub struct BulkLeads {
    /// The leads, all created or none.
    pub leads: Vec<NewLead>,
}

/// Rust's whitespace (`char::is_whitespace`, Unicode's White_Space), as the body of a
/// regular-expression class, for the OpenAPI patterns: written out, because `\s` differs
/// between JSON Schema's ECMA-262 (which has U+FEFF and lacks U+0085), Python and Rust.
/// Validation and schema then accept exactly the same strings (schemathesis checks both ways).
pub const WHITESPACE_CLASS: &str =
    r"\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// Checks `new`, pushing every problem under `at`; the lead when all is well. Each rule is
/// what the OpenAPI schema of `NewLead` says, no more and no less.
pub fn check(new: &NewLead, at: &FieldPath, errors: &mut FieldErrors) -> Option<Lead> {
    let before = errors.total();
    let field = |name: &'static str| at.clone().key(name);

    let email = match new.email.as_deref() {
        None | Some("") => {
            errors.push(FieldError::missing(field("email")));
            None
        }
        Some(email) if !is_email(email) => {
            errors.push(FieldError::invalid(field("email"), "Invalid email format"));
            None
        }
        Some(email) => Some(email.to_owned()),
    };
    // Blank is missing; the bound is on the name as sent; the name is stored trimmed.
    let first_name = match new.first_name.as_deref() {
        None => {
            errors.push(FieldError::missing(field("firstName")));
            None
        }
        Some(name) if name.trim().is_empty() => {
            errors.push(FieldError::missing(field("firstName")));
            None
        }
        Some(name) if name.chars().count() > 100 => {
            errors.push(FieldError::too_long(field("firstName"), 100));
            None
        }
        Some(name) => Some(name.trim().to_owned()),
    };
    let score = match &new.score {
        None => {
            errors.push(FieldError::missing(field("score")));
            None
        }
        Some(score) => match score_value(score) {
            Ok(score) => Some(score),
            Err(Score::OutOfRange) => {
                errors.push(FieldError::out_of_range(field("score"), 0, 100));
                None
            }
            Err(Score::Fraction) => {
                errors.push(FieldError::invalid(
                    field("score"),
                    "Must be a whole number",
                ));
                None
            }
        },
    };
    let phone = match new.phone.as_deref().map(|phone| phone.trim_matches(' ')) {
        None | Some("") => None,
        Some(phone) if is_phone(phone) => Some(phone.to_owned()),
        Some(_) => {
            errors.push(FieldError::invalid(field("phone"), "Invalid phone number"));
            None
        }
    };
    if errors.total() > before {
        return None;
    }
    Some(Lead {
        id: 0,
        email: email?,
        first_name: first_name?,
        score: score?,
        phone,
        company: None,
        // Set by the handler from the caller.
        tenant: "",
    })
}

/// Why a score is refused: outside 0..=100 (whatever its form), or within it with a fraction.
enum Score {
    OutOfRange,
    Fraction,
}

/// A whole number from 0 to 100, written as an integer or with a zero fraction (`75.0`);
/// `75.5` is in range but not whole, `150.5` is out of range.
fn score_value(score: &serde_json::Number) -> Result<u8, Score> {
    if let Some(n) = score.as_u64() {
        return u8::try_from(n)
            .ok()
            .filter(|n| *n <= 100)
            .ok_or(Score::OutOfRange);
    }
    // A negative integer, or a number with a fraction or an exponent.
    let f = score.as_f64().ok_or(Score::OutOfRange)?;
    if !(0.0..=100.0).contains(&f) {
        return Err(Score::OutOfRange);
    }
    if f.fract() != 0.0 {
        return Err(Score::Fraction);
    }
    // In 0..=100 with no fraction: exact.
    Ok(f as u8)
}

/// `local@domain.tld`, no whitespace anywhere, at most 254 characters (characters, as JSON
/// Schema counts `maxLength`, not bytes: found by schemathesis).
fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.chars().count() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

fn is_phone(phone: &str) -> bool {
    let rest = phone.strip_prefix('+').unwrap_or(phone);
    let digits = rest.bytes().filter(u8::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b' ' || b == b'-')
}
