//! Validation errors: the kinds, bulk requests, the five formats on nested and indexed field
//! errors, the bound, and the `validator` / `garde` adapters (run with `--all-features`).

use std::collections::HashSet;

use error_core::format::{Builtin, Laravel};
use error_core::validation::validate_all;
use error_core::{
    ApiError, FieldError, FieldErrorKind, FieldErrors, FieldPath, Format, RenderContext, Timestamp,
    DEFAULT_FIELD_ERROR_LIMIT,
};

#[derive(Debug, ApiError)]
#[api(version = "v1", type_base = "https://errors.example.com/")]
enum BulkError {
    #[api(
        status = 422,
        code = "validation_error",
        message = "The given data was invalid."
    )]
    Invalid(#[api(fields)] FieldErrors),
}

fn ctx() -> RenderContext<'static> {
    RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_000))
}

fn render(errors: &FieldErrors, format: &dyn Format) -> String {
    let mut out = Vec::new();
    BulkError::Invalid(errors.clone()).render_into(format, &ctx(), &mut out);
    String::from_utf8(out).unwrap()
}

/// (path, code, message) of every kept error.
fn triples(errors: &FieldErrors) -> Vec<(String, String, String)> {
    errors
        .iter()
        .map(|e| {
            (
                e.path().to_string(),
                e.code().into_owned(),
                e.message().into_owned(),
            )
        })
        .collect()
}

fn owned(expected: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    expected
        .iter()
        .map(|(p, c, m)| (p.to_string(), c.to_string(), m.to_string()))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Kinds

#[test]
fn every_kind_has_a_default_code_and_message() {
    let errors = [
        FieldError::missing("user_id"),
        FieldError::invalid_format("email"),
        FieldError::too_short("name", 3),
        FieldError::too_short("initial", 1),
        FieldError::too_long("name", 50),
        FieldError::out_of_range("score", 0, 100),
        FieldErrorKind::at_least(1).at("qty"),
        FieldErrorKind::at_most(9.5).at("ratio"),
        FieldError::not_one_of("status", ["new", "contacted", "won"]),
        FieldError::duplicate("email"),
        FieldErrorKind::Missing.at(FieldPath::new()),
    ];
    let texts: Vec<_> = errors.iter().map(|e| (e.code(), e.message())).collect();
    let found: Vec<(&str, &str)> = texts.iter().map(|(c, m)| (&**c, &**m)).collect();
    assert_eq!(
        found,
        [
            ("validation/missing-user_id", "user_id is required."),
            ("validation/invalid-email", "Invalid email format"),
            ("validation/too-short-name", "Must be at least 3 characters"),
            (
                "validation/too-short-initial",
                "Must be at least 1 character"
            ),
            ("validation/too-long-name", "Must be at most 50 characters"),
            ("validation/out-of-range-score", "Must be between 0 and 100"),
            ("validation/out-of-range-qty", "Must be at least 1"),
            ("validation/out-of-range-ratio", "Must be at most 9.5"),
            (
                "validation/not-one-of-status",
                "Must be one of: new, contacted, won"
            ),
            ("validation/duplicate-email", "Must be unique"),
            ("validation/missing", "request body is required."),
        ]
    );
    assert_eq!(
        errors[8].kind(),
        Some(&FieldErrorKind::NotOneOf {
            allowed: vec!["new".into(), "contacted".into(), "won".into()]
        })
    );
}

#[test]
fn codes_and_messages_can_be_overridden_and_overrides_survive_prefixing() {
    let prefix = FieldPath::from("leads.1");
    let error = FieldError::out_of_range("score", 0, 100)
        .with_code("lead/score-out-of-range")
        .prefixed(&prefix);
    assert_eq!(error.code(), "lead/score-out-of-range");
    assert_eq!(error.message(), "Must be between 0 and 100");

    let error = FieldError::missing("phone")
        .with_message("The phone field is required.")
        .prefixed(&prefix);
    assert_eq!(error.code(), "validation/missing-leads.1.phone");
    assert_eq!(error.message(), "The phone field is required.");

    // The existing builders keep their codes.
    let error = FieldError::invalid("email", "Invalid email format");
    assert_eq!(error.code(), "validation/invalid-email");
    assert_eq!(error.kind(), Some(&FieldErrorKind::InvalidFormat));
    let error = FieldError::new("email", "invalid", "Invalid email format").prefixed(&prefix);
    assert_eq!(
        (
            error.path().to_string().as_str(),
            &*error.code(),
            error.kind()
        ),
        ("leads.1.email", "invalid", None)
    );
}

// ---------------------------------------------------------------------------------------
// Bulk requests

struct Lead {
    phone: &'static str,
    email: &'static str,
    score: i64,
    status: &'static str,
    city: &'static str,
    products: Vec<Product>,
}

struct Product {
    sku: &'static str,
    qty: u32,
}

const STATUSES: [&str; 3] = ["new", "contacted", "won"];

fn leads() -> Vec<Lead> {
    vec![
        Lead {
            phone: "",
            email: "not-an-email-address-at-all",
            score: 50,
            status: "new",
            city: "Berlin",
            products: vec![Product { sku: "A-1", qty: 1 }],
        },
        Lead {
            phone: "+49 30 1234",
            email: "a@example.com",
            score: 10,
            status: "won",
            city: "Paris",
            products: vec![Product { sku: "A-2", qty: 2 }],
        },
        Lead {
            phone: "+1 555 0100",
            email: "a@example.com",
            score: 150,
            status: "lost",
            city: "",
            products: vec![Product { sku: "B-1", qty: 1 }, Product { sku: "", qty: 0 }],
        },
    ]
}

/// Validates a bulk request the way a handler would: item by item, nested struct and list
/// included, duplicates across items.
fn validate_leads(leads: &[Lead]) -> Result<(), FieldErrors> {
    let mut seen = HashSet::new();
    validate_all("leads", leads, |lead, errors| {
        if lead.phone.is_empty() {
            errors.push(FieldError::missing("phone"));
        }
        if !lead.email.contains('@') {
            errors.push(FieldError::invalid_format("email"));
        }
        if lead.email.len() > 20 {
            errors.push(FieldError::too_long("email", 20));
        }
        if !seen.insert(lead.email) {
            errors.push(FieldError::duplicate("email"));
        }
        if !(0..=100).contains(&lead.score) {
            errors.push(FieldError::out_of_range("score", 0, 100));
        }
        if !STATUSES.contains(&lead.status) {
            errors.push(FieldError::not_one_of("status", STATUSES));
        }
        errors.nest("address", |errors| {
            if lead.city.is_empty() {
                errors.push(FieldError::missing("city"));
            }
        });
        errors.each("products", &lead.products, |product, errors| {
            if product.sku.is_empty() {
                errors.push(FieldError::missing("sku"));
            }
            if product.qty == 0 {
                errors.push(FieldErrorKind::at_least(1).at("qty"));
            }
        });
    })
}

#[test]
fn bulk_validation_collects_every_failing_item_under_its_index() {
    let errors = validate_leads(&leads()).unwrap_err();
    assert_eq!(errors.total(), 9);
    assert_eq!(
        triples(&errors),
        owned(&[
            (
                "leads.0.phone",
                "validation/missing-leads.0.phone",
                "leads.0.phone is required."
            ),
            (
                "leads.0.email",
                "validation/invalid-leads.0.email",
                "Invalid leads.0.email format"
            ),
            (
                "leads.0.email",
                "validation/too-long-leads.0.email",
                "Must be at most 20 characters"
            ),
            (
                "leads.2.email",
                "validation/duplicate-leads.2.email",
                "Must be unique"
            ),
            (
                "leads.2.score",
                "validation/out-of-range-leads.2.score",
                "Must be between 0 and 100"
            ),
            (
                "leads.2.status",
                "validation/not-one-of-leads.2.status",
                "Must be one of: new, contacted, won"
            ),
            (
                "leads.2.address.city",
                "validation/missing-leads.2.address.city",
                "leads.2.address.city is required."
            ),
            (
                "leads.2.products.1.sku",
                "validation/missing-leads.2.products.1.sku",
                "leads.2.products.1.sku is required."
            ),
            (
                "leads.2.products.1.qty",
                "validation/out-of-range-leads.2.products.1.qty",
                "Must be at least 1"
            ),
        ])
    );
}

#[test]
fn bulk_validation_passes_only_when_every_item_passes() {
    let mut leads = leads();
    leads.remove(2);
    leads.remove(0);
    assert_eq!(validate_leads(&leads), Ok(()));
    assert_eq!(validate_leads(&[]), Ok(()));
}

#[test]
fn the_reference_bulk_example_in_laravel_format() {
    // 002: `leads.0.phone` and `leads.0.products`, Laravel's own messages.
    let items = [("", 0usize), ("+1 555 0100", 1)];
    let errors = validate_all("leads", &items, |(phone, products), errors| {
        if phone.is_empty() {
            errors.push(FieldError::missing("phone"));
        }
        if *products == 0 {
            errors.push(FieldError::missing("products"));
        }
    })
    .unwrap_err();
    // Laravel's messages name the full path: set them once the paths are final.
    let errors: FieldErrors = errors
        .into_iter()
        .map(|e| {
            let message = format!("The {} field is required.", e.path());
            e.with_message(message)
        })
        .collect();
    assert_eq!(
        render(&errors, &Laravel::default()),
        r#"{"message":"The given data was invalid.","errors":{"leads.0.phone":["The leads.0.phone field is required."],"leads.0.products":["The leads.0.products field is required."]}}"#
    );
}

// ---------------------------------------------------------------------------------------
// The five formats on a nested, indexed, multi-message set

#[test]
fn flat_renders_nested_indexed_field_errors() {
    let errors = validate_leads(&leads()).unwrap_err();
    assert_eq!(
        render(&errors, &Builtin::Flat),
        concat!(
            r#"{"success":false,"status":422,"message":"The given data was invalid.","errors":["#,
            r#"{"field":"leads.0.phone","message":"leads.0.phone is required."},"#,
            r#"{"field":"leads.0.email","message":"Invalid leads.0.email format"},"#,
            r#"{"field":"leads.0.email","message":"Must be at most 20 characters"},"#,
            r#"{"field":"leads.2.email","message":"Must be unique"},"#,
            r#"{"field":"leads.2.score","message":"Must be between 0 and 100"},"#,
            r#"{"field":"leads.2.status","message":"Must be one of: new, contacted, won"},"#,
            r#"{"field":"leads.2.address.city","message":"leads.2.address.city is required."},"#,
            r#"{"field":"leads.2.products.1.sku","message":"leads.2.products.1.sku is required."},"#,
            r#"{"field":"leads.2.products.1.qty","message":"Must be at least 1"}],"#,
            r#""meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1"}}"#
        )
    );
}

#[test]
fn nested_renders_nested_indexed_field_errors() {
    let errors = validate_leads(&leads()).unwrap_err();
    assert_eq!(
        render(&errors, &Builtin::Nested),
        concat!(
            r#"{"success":false,"error":{"code":422,"timestamp":"2026-02-08T12:00:00.000Z","#,
            r#""message":"The given data was invalid.","details":["#,
            r#"{"code":"validation/missing-leads.0.phone","message":"leads.0.phone is required."},"#,
            r#"{"code":"validation/invalid-leads.0.email","message":"Invalid leads.0.email format"},"#,
            r#"{"code":"validation/too-long-leads.0.email","message":"Must be at most 20 characters"},"#,
            r#"{"code":"validation/duplicate-leads.2.email","message":"Must be unique"},"#,
            r#"{"code":"validation/out-of-range-leads.2.score","message":"Must be between 0 and 100"},"#,
            r#"{"code":"validation/not-one-of-leads.2.status","message":"Must be one of: new, contacted, won"},"#,
            r#"{"code":"validation/missing-leads.2.address.city","message":"leads.2.address.city is required."},"#,
            r#"{"code":"validation/missing-leads.2.products.1.sku","message":"leads.2.products.1.sku is required."},"#,
            r#"{"code":"validation/out-of-range-leads.2.products.1.qty","message":"Must be at least 1"}]}}"#
        )
    );
}

#[test]
fn laravel_renders_nested_indexed_field_errors_grouped_by_path() {
    let errors = validate_leads(&leads()).unwrap_err();
    let grouped = concat!(
        r#""errors":{"#,
        r#""leads.0.phone":["leads.0.phone is required."],"#,
        r#""leads.0.email":["Invalid leads.0.email format","Must be at most 20 characters"],"#,
        r#""leads.2.email":["Must be unique"],"#,
        r#""leads.2.score":["Must be between 0 and 100"],"#,
        r#""leads.2.status":["Must be one of: new, contacted, won"],"#,
        r#""leads.2.address.city":["leads.2.address.city is required."],"#,
        r#""leads.2.products.1.sku":["leads.2.products.1.sku is required."],"#,
        r#""leads.2.products.1.qty":["Must be at least 1"]}}"#
    );
    assert_eq!(
        render(&errors, &Builtin::Laravel),
        format!(r#"{{"message":"The given data was invalid.",{grouped}"#)
    );
    assert_eq!(
        render(&errors, &Laravel::summarized()),
        format!(r#"{{"message":"leads.0.phone is required. (and 8 more errors)",{grouped}"#)
    );
}

#[test]
fn laravel_summary_is_singular_for_one_more_error_and_bare_for_one() {
    let one = FieldErrors::new().with(FieldError::missing("user_id"));
    assert_eq!(
        render(&one, &Laravel::summarized()),
        r#"{"message":"user_id is required.","errors":{"user_id":["user_id is required."]}}"#
    );
    let two = one.with(FieldError::out_of_range("score", 0, 100));
    assert_eq!(
        render(&two, &Laravel::summarized()),
        r#"{"message":"user_id is required. (and 1 more error)","errors":{"user_id":["user_id is required."],"score":["Must be between 0 and 100"]}}"#
    );
}

#[test]
fn compact_renders_nested_indexed_field_errors() {
    let errors = validate_leads(&leads()).unwrap_err();
    assert_eq!(
        render(&errors, &Builtin::Compact),
        concat!(
            r#"{"error":{"message":"The given data was invalid.","details":["#,
            r#"{"field":"leads.0.phone","message":"leads.0.phone is required."},"#,
            r#"{"field":"leads.0.email","message":"Invalid leads.0.email format"},"#,
            r#"{"field":"leads.0.email","message":"Must be at most 20 characters"},"#,
            r#"{"field":"leads.2.email","message":"Must be unique"},"#,
            r#"{"field":"leads.2.score","message":"Must be between 0 and 100"},"#,
            r#"{"field":"leads.2.status","message":"Must be one of: new, contacted, won"},"#,
            r#"{"field":"leads.2.address.city","message":"leads.2.address.city is required."},"#,
            r#"{"field":"leads.2.products.1.sku","message":"leads.2.products.1.sku is required."},"#,
            r#"{"field":"leads.2.products.1.qty","message":"Must be at least 1"}]}}"#
        )
    );
}

#[test]
fn problem_renders_nested_indexed_field_errors_with_pointers() {
    let errors = validate_leads(&leads()).unwrap_err();
    assert_eq!(
        render(&errors, &Builtin::Problem),
        concat!(
            r#"{"type":"https://errors.example.com/validation_error","title":"Unprocessable Content","#,
            r#""status":422,"detail":"The given data was invalid.","code":"validation_error","errors":["#,
            r##"{"detail":"leads.0.phone is required.","pointer":"#/leads/0/phone"},"##,
            r##"{"detail":"Invalid leads.0.email format","pointer":"#/leads/0/email"},"##,
            r##"{"detail":"Must be at most 20 characters","pointer":"#/leads/0/email"},"##,
            r##"{"detail":"Must be unique","pointer":"#/leads/2/email"},"##,
            r##"{"detail":"Must be between 0 and 100","pointer":"#/leads/2/score"},"##,
            r##"{"detail":"Must be one of: new, contacted, won","pointer":"#/leads/2/status"},"##,
            r##"{"detail":"leads.2.address.city is required.","pointer":"#/leads/2/address/city"},"##,
            r##"{"detail":"leads.2.products.1.sku is required.","pointer":"#/leads/2/products/1/sku"},"##,
            r##"{"detail":"Must be at least 1","pointer":"#/leads/2/products/1/qty"}]}"##
        )
    );
}

// ---------------------------------------------------------------------------------------
// The bound

const MANY: usize = 10_000;

fn many_missing_phones(limit: Option<usize>) -> FieldErrors {
    let mut errors = match limit {
        Some(limit) => FieldErrors::with_limit(limit),
        None => FieldErrors::new(),
    };
    for i in 0..MANY {
        errors.push(FieldError::missing(
            FieldPath::new().key("leads").index(i).key("phone"),
        ));
    }
    errors
}

/// `items` joined by commas, one per kept index.
fn listed(kept: usize, item: impl Fn(usize) -> String) -> String {
    (0..kept).map(item).collect::<Vec<_>>().join(",")
}

#[test]
fn ten_thousand_errors_render_the_first_hundred_and_the_total() {
    let errors = many_missing_phones(None);
    assert_eq!(DEFAULT_FIELD_ERROR_LIMIT, 100);
    assert_eq!(
        (errors.len(), errors.total(), errors.omitted()),
        (100, 10_000, 9_900)
    );

    let problem = format!(
        r#"{{"type":"https://errors.example.com/validation_error","title":"Unprocessable Content","status":422,"detail":"The given data was invalid.","code":"validation_error","errors":[{}],"total_errors":10000}}"#,
        listed(100, |i| format!(
            r##"{{"detail":"leads.{i}.phone is required.","pointer":"#/leads/{i}/phone"}}"##
        ))
    );
    assert_eq!(render(&errors, &Builtin::Problem), problem);

    let laravel = format!(
        r#"{{"message":"leads.0.phone is required. (and 9999 more errors)","errors":{{{}}}}}"#,
        listed(100, |i| format!(
            r#""leads.{i}.phone":["leads.{i}.phone is required."]"#
        ))
    );
    assert_eq!(render(&errors, &Laravel::summarized()), laravel);

    let nested = format!(
        r#"{{"success":false,"error":{{"code":422,"timestamp":"2026-02-08T12:00:00.000Z","message":"The given data was invalid.","details":[{}]}}}}"#,
        listed(100, |i| format!(
            r#"{{"code":"validation/missing-leads.{i}.phone","message":"leads.{i}.phone is required."}}"#
        ))
    );
    assert_eq!(render(&errors, &Builtin::Nested), nested);

    let fields = listed(100, |i| {
        format!(r#"{{"field":"leads.{i}.phone","message":"leads.{i}.phone is required."}}"#)
    });
    assert_eq!(
        render(&errors, &Builtin::Flat),
        format!(
            r#"{{"success":false,"status":422,"message":"The given data was invalid.","errors":[{fields}],"meta":{{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1"}}}}"#
        )
    );
    assert_eq!(
        render(&errors, &Builtin::Compact),
        format!(r#"{{"error":{{"message":"The given data was invalid.","details":[{fields}]}}}}"#)
    );
}

#[test]
fn the_limit_is_configurable() {
    let errors = many_missing_phones(Some(2));
    assert_eq!(
        render(&errors, &Builtin::Problem),
        concat!(
            r#"{"type":"https://errors.example.com/validation_error","title":"Unprocessable Content","#,
            r#""status":422,"detail":"The given data was invalid.","code":"validation_error","errors":["#,
            r##"{"detail":"leads.0.phone is required.","pointer":"#/leads/0/phone"},"##,
            r##"{"detail":"leads.1.phone is required.","pointer":"#/leads/1/phone"}],"total_errors":10000}"##
        )
    );
    // A limit of zero keeps nothing: Laravel falls back to the variant's message.
    let errors = many_missing_phones(Some(0));
    assert_eq!(
        render(&errors, &Laravel::summarized()),
        r#"{"message":"The given data was invalid.","errors":{}}"#
    );
    assert_eq!(errors.total(), MANY);
}

#[test]
fn no_total_member_when_nothing_was_left_out() {
    let errors = FieldErrors::with_limit(1).with(FieldError::missing("user_id"));
    assert_eq!(
        render(&errors, &Builtin::Problem),
        r##"{"type":"https://errors.example.com/validation_error","title":"Unprocessable Content","status":422,"detail":"The given data was invalid.","code":"validation_error","errors":[{"detail":"user_id is required.","pointer":"#/user_id"}]}"##
    );
}

#[test]
fn a_million_failing_fields_stay_bounded() {
    const MILLION: usize = 1_000_000;
    let mut errors = FieldErrors::new();
    for i in 0..MILLION {
        errors.push_with(|| FieldError::missing(FieldPath::new().key("f").index(i)));
    }
    assert_eq!((errors.len(), errors.total()), (100, MILLION));
    assert_eq!(errors.as_slice()[99].path().to_string(), "f.99");

    // Through plain `push`, and through the bulk helper (nested lists included).
    let mut pushed = FieldErrors::with_limit(10);
    for _ in 0..MILLION {
        pushed.push(FieldError::missing("x"));
    }
    assert_eq!((pushed.len(), pushed.total()), (10, MILLION));

    let items = vec![[(); 2]; MILLION / 2];
    let errors = validate_all("items", &items, |pair, errors| {
        errors.each("parts", &pair[..], |_, errors| {
            errors.push(FieldError::missing("id"))
        });
    })
    .unwrap_err();
    assert_eq!((errors.len(), errors.total()), (100, MILLION));
    assert_eq!(
        errors.as_slice()[99].path().to_string(),
        "items.49.parts.1.id"
    );
    let body = render(&errors, &Builtin::Problem);
    assert!(body.ends_with(r##""pointer":"#/items/49/parts/1/id"}],"total_errors":1000000}"##));
}

// ---------------------------------------------------------------------------------------
// validator

#[cfg(feature = "validator")]
mod with_validator {
    use super::*;
    use validator::{Validate, ValidationError};

    #[derive(Validate)]
    #[validate(schema(function = "distinct_emails", skip_on_field_errors = false))]
    struct CreateLeads {
        #[validate(nested)]
        leads: Vec<Lead>,
        #[validate(nested)]
        owner: Owner,
        #[validate(required)]
        owner_id: Option<String>,
    }

    #[derive(Validate)]
    struct Lead {
        #[validate(length(min = 1, message = "The phone field is required."))]
        phone: String,
        #[validate(email, length(max = 20))]
        email: String,
        #[validate(range(min = 0, max = 100))]
        score: i64,
        #[validate(nested)]
        address: Address,
        #[validate(nested)]
        products: Vec<Product>,
    }

    #[derive(Validate)]
    struct Address {
        #[validate(length(equal = 2, code = "country_code"))]
        country: String,
    }

    #[derive(Validate)]
    struct Product {
        #[validate(length(min = 1))]
        sku: String,
        #[validate(range(exclusive_min = 0))]
        qty: i32,
    }

    #[derive(Validate)]
    struct Owner {
        #[validate(contains(pattern = "@"))]
        email: String,
    }

    fn distinct_emails(request: &CreateLeads) -> Result<(), ValidationError> {
        let mut seen = HashSet::new();
        if request.leads.iter().all(|lead| seen.insert(&lead.email)) {
            Ok(())
        } else {
            Err(ValidationError::new("duplicate_email")
                .with_message("Each lead needs a distinct email.".into()))
        }
    }

    fn lead(phone: &str, email: &str, score: i64, country: &str, products: Vec<Product>) -> Lead {
        Lead {
            phone: phone.into(),
            email: email.into(),
            score,
            address: Address {
                country: country.into(),
            },
            products,
        }
    }

    fn product(sku: &str, qty: i32) -> Product {
        Product {
            sku: sku.into(),
            qty,
        }
    }

    fn request() -> CreateLeads {
        CreateLeads {
            leads: vec![
                lead(
                    "",
                    "not-an-email-address-at-all",
                    50,
                    "DE",
                    vec![product("A-1", 1)],
                ),
                lead(
                    "+49 30 1234",
                    "a@example.com",
                    10,
                    "FR",
                    vec![product("A-2", 2)],
                ),
                lead(
                    "+1 555 0100",
                    "a@example.com",
                    150,
                    "USA",
                    vec![product("B-1", 1), product("", 0)],
                ),
            ],
            owner: Owner {
                email: "owner.example.com".into(),
            },
            owner_id: None,
        }
    }

    const EXPECTED: [(&str, &str, &str); 10] = [
        (
            "",
            "validation/duplicate_email",
            "Each lead needs a distinct email.",
        ),
        // One field's errors in validator's order (its derive checks `length` before
        // `email`, whatever the attribute order).
        (
            "leads.0.email",
            "validation/length-leads.0.email",
            "Must be at most 20 characters",
        ),
        (
            "leads.0.email",
            "validation/email-leads.0.email",
            "Must be a valid email address",
        ),
        (
            "leads.0.phone",
            "validation/length-leads.0.phone",
            "The phone field is required.",
        ),
        (
            "leads.2.address.country",
            "validation/country_code-leads.2.address.country",
            // A custom code hides which rule failed: the generic default message.
            "leads.2.address.country is invalid.",
        ),
        (
            "leads.2.products.1.qty",
            "validation/range-leads.2.products.1.qty",
            "Must be greater than 0",
        ),
        (
            "leads.2.products.1.sku",
            "validation/length-leads.2.products.1.sku",
            "Must be at least 1 character",
        ),
        (
            "leads.2.score",
            "validation/range-leads.2.score",
            "Must be between 0 and 100",
        ),
        (
            "owner.email",
            "validation/contains-owner.email",
            "Must contain \"@\"",
        ),
        (
            "owner_id",
            "validation/required-owner_id",
            "owner_id is required.",
        ),
    ];

    #[test]
    fn nested_structs_and_lists_become_sorted_indexed_paths() {
        let report = request().validate().unwrap_err();
        let errors = FieldErrors::from(&report);
        assert_eq!(errors.total(), 10);
        assert_eq!(triples(&errors), owned(&EXPECTED));
        // The same order on every run, whatever the hash maps' order.
        for _ in 0..20 {
            let again = FieldErrors::from(request().validate().unwrap_err());
            assert_eq!(again, errors);
        }
    }

    #[test]
    fn validator_errors_render_in_problem_format() {
        let errors = FieldErrors::from(request().validate().unwrap_err());
        assert_eq!(
            render(&errors, &Builtin::Problem),
            concat!(
                r#"{"type":"https://errors.example.com/validation_error","title":"Unprocessable Content","#,
                r#""status":422,"detail":"The given data was invalid.","code":"validation_error","errors":["#,
                r##"{"detail":"Each lead needs a distinct email.","pointer":"#"},"##,
                r##"{"detail":"Must be at most 20 characters","pointer":"#/leads/0/email"},"##,
                r##"{"detail":"Must be a valid email address","pointer":"#/leads/0/email"},"##,
                r##"{"detail":"The phone field is required.","pointer":"#/leads/0/phone"},"##,
                r##"{"detail":"leads.2.address.country is invalid.","pointer":"#/leads/2/address/country"},"##,
                r##"{"detail":"Must be greater than 0","pointer":"#/leads/2/products/1/qty"},"##,
                r##"{"detail":"Must be at least 1 character","pointer":"#/leads/2/products/1/sku"},"##,
                r##"{"detail":"Must be between 0 and 100","pointer":"#/leads/2/score"},"##,
                r##"{"detail":"Must contain \"@\"","pointer":"#/owner/email"},"##,
                r##"{"detail":"owner_id is required.","pointer":"#/owner_id"}]}"##
            )
        );
    }

    #[test]
    fn the_limit_holds_and_the_rest_is_counted() {
        let report = request().validate().unwrap_err();
        let mut errors = FieldErrors::with_limit(3);
        error_core::validation::validator::push_errors(&mut errors, &report);
        assert_eq!((errors.len(), errors.total()), (3, 10));
        assert_eq!(triples(&errors), owned(&EXPECTED[..3]));
    }

    #[test]
    fn a_valid_request_has_no_errors() {
        let mut request = request();
        request.leads.truncate(2);
        request.leads[0] = lead("+1", "b@example.com", 0, "US", vec![]);
        request.owner.email = "o@example.com".into();
        request.owner_id = Some("u_1".into());
        assert!(request.validate().is_ok());
    }
}

// ---------------------------------------------------------------------------------------
// garde

#[cfg(feature = "garde")]
mod with_garde {
    use super::*;
    use garde::Validate;

    #[derive(Validate)]
    struct CreateLeads {
        #[garde(length(min = 1), dive)]
        leads: Vec<Lead>,
        #[garde(dive)]
        owner: Owner,
        #[garde(required)]
        owner_id: Option<String>,
    }

    #[derive(Validate)]
    struct Lead {
        #[garde(length(min = 1))]
        phone: String,
        #[garde(email, length(max = 20))]
        email: String,
        #[garde(range(min = 0, max = 100))]
        score: i64,
        #[garde(dive)]
        address: Address,
        #[garde(dive)]
        products: Vec<Product>,
    }

    #[derive(Validate)]
    struct Address {
        #[garde(length(min = 2, max = 2))]
        country: String,
    }

    #[derive(Validate)]
    struct Product {
        #[garde(length(min = 1))]
        sku: String,
        #[garde(range(min = 1))]
        qty: i32,
    }

    #[derive(Validate)]
    struct Owner {
        #[garde(contains("@"))]
        email: String,
    }

    fn lead(phone: &str, email: &str, score: i64, country: &str, products: Vec<Product>) -> Lead {
        Lead {
            phone: phone.into(),
            email: email.into(),
            score,
            address: Address {
                country: country.into(),
            },
            products,
        }
    }

    fn product(sku: &str, qty: i32) -> Product {
        Product {
            sku: sku.into(),
            qty,
        }
    }

    fn request() -> CreateLeads {
        CreateLeads {
            leads: vec![
                lead(
                    "",
                    "not-an-email-address-at-all",
                    50,
                    "DE",
                    vec![product("A-1", 1)],
                ),
                lead(
                    "+49 30 1234",
                    "a@example.com",
                    10,
                    "FR",
                    vec![product("A-2", 2)],
                ),
                lead(
                    "+1 555 0100",
                    "a@example.com",
                    150,
                    "USA",
                    vec![product("B-1", 1), product("", 0)],
                ),
            ],
            owner: Owner {
                email: "owner.example.com".into(),
            },
            owner_id: None,
        }
    }

    // garde's derive validates fields in the order of their names (it keeps them in a
    // sorted map) and list items by index; the adapter keeps the report's order.
    const EXPECTED: [(&str, &str, &str); 9] = [
        (
            "leads.0.email",
            "validation/invalid-leads.0.email",
            "not a valid email: value is missing `@`",
        ),
        (
            "leads.0.email",
            "validation/invalid-leads.0.email",
            "length is greater than 20",
        ),
        (
            "leads.0.phone",
            "validation/invalid-leads.0.phone",
            "length is lower than 1",
        ),
        (
            "leads.2.address.country",
            "validation/invalid-leads.2.address.country",
            "length is greater than 2",
        ),
        (
            "leads.2.products.1.qty",
            "validation/invalid-leads.2.products.1.qty",
            "lower than 1",
        ),
        (
            "leads.2.products.1.sku",
            "validation/invalid-leads.2.products.1.sku",
            "length is lower than 1",
        ),
        (
            "leads.2.score",
            "validation/invalid-leads.2.score",
            "greater than 100",
        ),
        (
            "owner.email",
            "validation/invalid-owner.email",
            "does not contain \"@\"",
        ),
        ("owner_id", "validation/invalid-owner_id", "not set"),
    ];

    #[test]
    fn nested_structs_and_lists_become_indexed_paths_in_report_order() {
        let report = request().validate().unwrap_err();
        let errors = FieldErrors::from(&report);
        assert_eq!(errors.total(), 9);
        assert_eq!(triples(&errors), owned(&EXPECTED));
    }

    #[test]
    fn garde_errors_render_in_laravel_format() {
        let errors = FieldErrors::from(request().validate().unwrap_err());
        assert_eq!(
            render(&errors, &Laravel::summarized()),
            concat!(
                r#"{"message":"not a valid email: value is missing `@` (and 8 more errors)","errors":{"#,
                r#""leads.0.email":["not a valid email: value is missing `@`","length is greater than 20"],"#,
                r#""leads.0.phone":["length is lower than 1"],"#,
                r#""leads.2.address.country":["length is greater than 2"],"#,
                r#""leads.2.products.1.qty":["lower than 1"],"#,
                r#""leads.2.products.1.sku":["length is lower than 1"],"#,
                r#""leads.2.score":["greater than 100"],"#,
                r#""owner.email":["does not contain \"@\""],"#,
                r#""owner_id":["not set"]}}"#
            )
        );
    }

    #[test]
    fn the_limit_holds_and_the_rest_is_counted() {
        let report = request().validate().unwrap_err();
        let mut errors = FieldErrors::with_limit(2);
        error_core::validation::garde::push_report(&mut errors, &report);
        assert_eq!((errors.len(), errors.total()), (2, 9));
        assert_eq!(triples(&errors), owned(&EXPECTED[..2]));
    }
}

// ---------------------------------------------------------------------------------------
// The README's examples, as written there.

#[test]
fn readme_bulk_example() {
    struct Lead {
        phone: String,
        products: Vec<Product>,
    }
    struct Product {
        sku: String,
        qty: u32,
    }

    let leads = vec![
        Lead {
            phone: String::new(),
            products: vec![Product {
                sku: "A-1".into(),
                qty: 1,
            }],
        },
        Lead {
            phone: "+1 555 0100".into(),
            products: vec![Product {
                sku: String::new(),
                qty: 0,
            }],
        },
    ];
    let errors = validate_all("leads", &leads, |lead, errors| {
        if lead.phone.is_empty() {
            errors.push(FieldError::missing("phone"));
        }
        errors.each("products", &lead.products, |product, errors| {
            if product.sku.is_empty() {
                errors.push(FieldError::missing("sku"));
            }
            if product.qty == 0 {
                errors.push(FieldErrorKind::at_least(1).at("qty"));
            }
        });
    })
    .unwrap_err();

    let codes: Vec<_> = errors
        .iter()
        .map(|e| (e.path().to_string(), e.code()))
        .collect();
    let found: Vec<(String, &str)> = codes.iter().map(|(p, c)| (p.clone(), &**c)).collect();
    assert_eq!(
        found,
        [
            (
                "leads.0.phone".to_string(),
                "validation/missing-leads.0.phone"
            ),
            (
                "leads.1.products.0.sku".to_string(),
                "validation/missing-leads.1.products.0.sku"
            ),
            (
                "leads.1.products.0.qty".to_string(),
                "validation/out-of-range-leads.1.products.0.qty"
            ),
        ]
    );
}

#[cfg(feature = "validator")]
#[test]
fn readme_validator_example() {
    use validator::Validate;

    #[derive(Validate)]
    struct CreateLeads {
        #[validate(nested)]
        leads: Vec<Lead>,
    }

    #[derive(Validate)]
    struct Lead {
        #[validate(email)]
        email: String,
        #[validate(range(min = 0, max = 100))]
        score: i64,
    }

    let request = CreateLeads {
        leads: vec![Lead {
            email: "nope".into(),
            score: 150,
        }],
    };
    let errors = error_core::FieldErrors::from(request.validate().unwrap_err());
    let texts: Vec<_> = errors.iter().map(|e| (e.code(), e.message())).collect();
    let found: Vec<(&str, &str)> = texts.iter().map(|(c, m)| (&**c, &**m)).collect();
    assert_eq!(
        found,
        [
            (
                "validation/email-leads.0.email",
                "Must be a valid email address"
            ),
            (
                "validation/range-leads.0.score",
                "Must be between 0 and 100"
            ),
        ]
    );
}

#[cfg(feature = "garde")]
#[test]
fn readme_garde_example() {
    use garde::Validate;

    #[derive(Validate)]
    struct CreateLeads {
        #[garde(dive)]
        leads: Vec<Lead>,
    }

    #[derive(Validate)]
    struct Lead {
        #[garde(length(min = 1))]
        phone: String,
    }

    let request = CreateLeads {
        leads: vec![Lead {
            phone: String::new(),
        }],
    };
    let errors = error_core::FieldErrors::from(request.validate().unwrap_err());
    let error = &errors.as_slice()[0];
    assert_eq!(error.path().to_string(), "leads.0.phone");
    assert_eq!(error.code(), "validation/invalid-leads.0.phone");
    assert_eq!(error.message(), "length is lower than 1");
}
