//! Issue 15 item 3: building and rendering a validation envelope (Nested) of 1 and of 10
//! field errors of the default kinds, against a service's hand-written serde that produces
//! the same bytes from the same data with owned strings: the code and the message of each
//! error `format!`-ed (as a service writes them), collected into a `Vec`, then serialized.
//! Both sides start from the same list of `(path, rule)` and the clock's `SystemTime`, and
//! build everything inside the timed loop; the outputs are compared byte for byte first.

use std::hint::black_box;
use std::time::SystemTime;

use criterion::Criterion;
use error_core::format::Nested;
use error_core::{ApiError, FieldError, FieldErrors, RenderContext, Timestamp};

use crate::hand::Rfc3339;
use crate::LeadError;

/// What failed, as a service's validation code decides it.
#[derive(Clone, Copy)]
enum Rule {
    Missing,
    Invalid,
    TooShort(usize),
    TooLong(usize),
    Duplicate,
}

/// Ten fields of a lead form; the 1-error case is the first.
const FIELDS: [(&str, Rule); 10] = [
    ("email", Rule::Missing),
    ("name", Rule::TooShort(3)),
    ("phone", Rule::Invalid),
    ("company", Rule::TooLong(50)),
    ("address.city", Rule::Missing),
    ("address.zip", Rule::Invalid),
    ("lead_id", Rule::Duplicate),
    ("owner", Rule::Missing),
    ("notes", Rule::TooLong(1)),
    ("source", Rule::TooShort(2)),
];

/// Ours: `FieldError`s of the kinds, in a `FieldErrors`, rendered.
fn ours(fields: &[(&'static str, Rule)], now: SystemTime, out: &mut Vec<u8>) {
    let mut errors = FieldErrors::new();
    for &(path, rule) in fields {
        errors.push(match rule {
            Rule::Missing => FieldError::missing(path),
            Rule::Invalid => FieldError::invalid_format(path),
            Rule::TooShort(min) => FieldError::too_short(path, min),
            Rule::TooLong(max) => FieldError::too_long(path, max),
            Rule::Duplicate => FieldError::duplicate(path),
        });
    }
    let err = LeadError::Validation(errors);
    let ctx = RenderContext::at(Timestamp::from(now));
    err.render_into(&Nested, &ctx, out);
}

#[derive(serde::Serialize)]
struct Body {
    success: bool,
    error: Inner,
}

#[derive(serde::Serialize)]
struct Inner {
    code: u16,
    timestamp: Rfc3339,
    message: &'static str,
    details: Vec<Item>,
}

#[derive(serde::Serialize)]
struct Item {
    code: String,
    message: String,
}

fn characters(n: usize) -> &'static str {
    if n == 1 {
        "character"
    } else {
        "characters"
    }
}

/// Hand-written serde: owned, `format!`-ed codes and messages.
fn serde(fields: &[(&'static str, Rule)], now: SystemTime, out: &mut Vec<u8>) {
    let mut details = Vec::new();
    for &(path, rule) in fields {
        let (slug, message) = match rule {
            Rule::Missing => ("missing", format!("{path} is required.")),
            Rule::Invalid => ("invalid", format!("Invalid {path} format")),
            Rule::TooShort(min) => (
                "too-short",
                format!("Must be at least {min} {}", characters(min)),
            ),
            Rule::TooLong(max) => (
                "too-long",
                format!("Must be at most {max} {}", characters(max)),
            ),
            Rule::Duplicate => ("duplicate", "Must be unique".to_owned()),
        };
        details.push(Item {
            code: format!("validation/{slug}-{path}"),
            message,
        });
    }
    let body = Body {
        success: false,
        error: Inner {
            code: 422,
            timestamp: Rfc3339(now),
            message: "Validation failed",
            details,
        },
    };
    if let Err(e) = serde_json::to_writer(out, &body) {
        panic!("hand-written serde failed: {e}");
    }
}

pub fn validation(c: &mut Criterion) {
    let now = crate::clock();
    for n in [1, 10] {
        let fields = &FIELDS[..n];
        let (mut a, mut b) = (Vec::new(), Vec::new());
        ours(fields, now, &mut a);
        serde(fields, now, &mut b);
        assert_eq!(
            String::from_utf8_lossy(&b),
            String::from_utf8_lossy(&a),
            "validation/{n}: hand-written serde differs from ours"
        );
        let mut buf = Vec::with_capacity(64 * 1024);
        c.bench_function(&format!("validation/{n}/ours"), |bench| {
            bench.iter(|| {
                buf.clear();
                ours(black_box(fields), black_box(now), &mut buf);
                black_box(buf.len())
            })
        });
        c.bench_function(&format!("validation/{n}/serde"), |bench| {
            bench.iter(|| {
                buf.clear();
                serde(black_box(fields), black_box(now), &mut buf);
                black_box(buf.len())
            })
        });
    }
}
