//! Golden tests: every JSON example of the reference pages, reproduced byte for byte (after
//! removing the pages' indentation) by a derived enum with a fixed clock; and the exact
//! shape of each format for the cases the pages do not show.

use error_core::format::{Builtin, Compact, Flat, Laravel, Nested, Problem};
use error_core::{ApiError, FieldError, FieldErrors, FieldPath, Format, RenderContext, Timestamp};
use error_examples::catalogues::{leadey, leadron, leo, wedocod};

const SEED_TIME: Timestamp = Timestamp::from_unix_millis(1_770_552_000_000); // 2026-02-08T12:00:00.000Z
const LEO_TIME: Timestamp = Timestamp::from_unix_millis(1_704_067_200_000); // 2024-01-01T00:00:00.000Z

/// The page's JSON with the whitespace between tokens removed (strings untouched).
fn minify(pretty: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in pretty.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn render<E: ApiError>(error: &E, at: Timestamp) -> String {
    String::from_utf8(error.to_json(&RenderContext::at(at))).unwrap()
}

fn render_as<E: ApiError, F: Format>(error: &E, format: &F, ctx: &RenderContext<'_>) -> String {
    let mut out = Vec::new();
    error.render_into(format, ctx, &mut out);
    String::from_utf8(out).unwrap()
}

fn seed(name: &str) -> String {
    let path = format!("{}/data/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    minify(&std::fs::read_to_string(path).unwrap())
}

#[test]
fn flat_error_envelope_page_example() {
    let error = leadron::LeadronError::Validation(
        FieldErrors::new()
            .add("email", "validation/invalid-email", "Invalid email format")
            .add("firstName", "validation/missing-firstName", "Required"),
    );
    assert_eq!(render(&error, SEED_TIME), seed("000-error-envelope.json"));
}

#[test]
fn flat_validation_page_example() {
    let error = &leadron::samples()[4];
    assert_eq!(render(error, SEED_TIME), seed("000-validation.json"));
}

#[test]
fn nested_schema_page_example() {
    #[derive(ApiError)]
    #[api(format = Nested)]
    enum Schema {
        #[api(
            status = 400,
            code = "error/error_code",
            message = "User-friendly error message"
        )]
        Example,
    }
    assert_eq!(render(&Schema::Example, LEO_TIME), seed("001-schema.json"));
}

#[test]
fn nested_validation_page_example() {
    let error = leo::LeoError::Validation(FieldErrors::new().with(FieldError::missing("user_id")));
    assert_eq!(render(&error, LEO_TIME), seed("001-validation.json"));
}

#[test]
fn laravel_page_examples() {
    // 002 and 003 are the same page; their JSON is identical once indentation is removed.
    let format_example = wedocod::WedocodError::Validation(FieldErrors::new().add(
        "field_name",
        "validation/missing-field_name",
        "The field name is required.",
    ));
    assert_eq!(render(&format_example, SEED_TIME), seed("003-format.json"));
    let bulk = &wedocod::samples()[3];
    assert_eq!(render(bulk, SEED_TIME), seed("003-validation.json"));
    assert_eq!(
        render(&wedocod::WedocodError::Unauthorized, SEED_TIME),
        seed("003-403.json")
    );
    assert_eq!(
        render(&wedocod::WedocodError::Unauthenticated, SEED_TIME),
        seed("003-401.json")
    );
}

#[test]
fn compact_page_example() {
    #[derive(ApiError)]
    #[api(format = Compact)]
    enum Page {
        #[api(
            status = 400,
            message = "A human-readable description of what went wrong."
        )]
        Example,
    }
    assert_eq!(render(&Page::Example, SEED_TIME), seed("004-envelope.json"));
}

#[test]
fn compact_details_object_array_string() {
    #[derive(ApiError)]
    #[api(format = Compact)]
    enum E {
        #[api(status = 409, message = "Conflict.")]
        List(#[api(details)] Vec<&'static str>),
        #[api(status = 400, message = "Bad.")]
        Text(#[api(details)] String),
    }
    let credits = &leadey::samples()[2];
    assert_eq!(
        render(credits, SEED_TIME),
        r#"{"error":{"message":"Your credit balance is too low for the action.","details":{"required":5,"balance":2}}}"#
    );
    assert_eq!(
        render(&E::List(vec!["a", "b"]), SEED_TIME),
        r#"{"error":{"message":"Conflict.","details":["a","b"]}}"#
    );
    assert_eq!(
        render(&E::Text("why".into()), SEED_TIME),
        r#"{"error":{"message":"Bad.","details":"why"}}"#
    );
}

#[test]
fn compact_templated_message() {
    let error = leadey::LeadeyError::BadRequest {
        parameter: "limit".into(),
    };
    assert_eq!(
        render(&error, SEED_TIME),
        r#"{"error":{"message":"A parameter is missing or invalid: limit.","details":null}}"#
    );
}

// `Internal`'s source error is only ever logged, never rendered, so nothing reads it here.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/", version = "v2")]
enum LeadError {
    #[api(
        status = 422,
        code = "validation_failed",
        message = "Validation failed"
    )]
    Validation(#[api(fields)] FieldErrors),
    #[api(
        status = 404,
        code = "lead/not-found",
        message = "Lead {id} was not found."
    )]
    NotFound { id: u64 },
    #[api(status = 409, code = "lead/duplicate", message = "Duplicate lead.")]
    Duplicate {
        #[api(details)]
        existing: Vec<u64>,
    },
    #[api(status = 500, message = "Internal server error.")]
    Internal(std::io::Error),
}

fn nested_fields() -> FieldErrors {
    FieldErrors::new()
        .add(
            "leads.0.phone",
            "validation/missing-leads.0.phone",
            "Phone is required.",
        )
        .add(
            "leads.0.phone",
            "validation/invalid-leads.0.phone",
            "Phone must be E.164.",
        )
        .add(
            "leads.2.email",
            "validation/invalid-leads.2.email",
            "Invalid email format",
        )
}

#[test]
fn problem_shapes() {
    let ctx = RenderContext::at(SEED_TIME);
    assert_eq!(
        render(&LeadError::NotFound { id: 7 }, SEED_TIME),
        r#"{"type":"https://errors.example.com/lead/not-found","title":"Not Found","status":404,"detail":"Lead 7 was not found.","code":"lead/not-found"}"#
    );
    assert_eq!(
        render_as(
            &LeadError::Validation(nested_fields()),
            &Problem,
            &ctx.with_request_id("req-1")
        ),
        r##"{"type":"https://errors.example.com/validation_failed","title":"Unprocessable Content","status":422,"detail":"Validation failed","code":"validation_failed","errors":[{"detail":"Phone is required.","pointer":"#/leads/0/phone"},{"detail":"Phone must be E.164.","pointer":"#/leads/0/phone"},{"detail":"Invalid email format","pointer":"#/leads/2/email"}],"request_id":"req-1"}"##
    );
    assert_eq!(
        render(
            &LeadError::Duplicate {
                existing: vec![3, 4]
            },
            SEED_TIME
        ),
        r#"{"type":"https://errors.example.com/lead/duplicate","title":"Conflict","status":409,"detail":"Duplicate lead.","code":"lead/duplicate","details":[3,4]}"#
    );

    #[derive(ApiError)]
    enum NoBase {
        #[api(status = 404)]
        NotFound,
    }
    assert_eq!(
        render(&NoBase::NotFound, SEED_TIME),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found","code":"not_found"}"#
    );
}

#[test]
fn every_format_with_nested_field_errors() {
    let error = LeadError::Validation(nested_fields());
    let ctx = RenderContext::at(SEED_TIME).with_request_id("req-1");
    assert_eq!(
        render_as(&error, &Flat, &ctx),
        r#"{"success":false,"status":422,"message":"Validation failed","errors":[{"field":"leads.0.phone","message":"Phone is required."},{"field":"leads.0.phone","message":"Phone must be E.164."},{"field":"leads.2.email","message":"Invalid email format"}],"meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"req-1"}}"#
    );
    assert_eq!(
        render_as(&error, &Nested, &ctx),
        r#"{"success":false,"error":{"code":422,"timestamp":"2026-02-08T12:00:00.000Z","message":"Validation failed","details":[{"code":"validation/missing-leads.0.phone","message":"Phone is required."},{"code":"validation/invalid-leads.0.phone","message":"Phone must be E.164."},{"code":"validation/invalid-leads.2.email","message":"Invalid email format"}]}}"#
    );
    assert_eq!(
        render_as(&error, &Laravel::default(), &ctx),
        r#"{"message":"Validation failed","errors":{"leads.0.phone":["Phone is required.","Phone must be E.164."],"leads.2.email":["Invalid email format"]}}"#
    );
    assert_eq!(
        render_as(&error, &Laravel::summarized(), &ctx),
        r#"{"message":"Phone is required. (and 2 more errors)","errors":{"leads.0.phone":["Phone is required.","Phone must be E.164."],"leads.2.email":["Invalid email format"]}}"#
    );
    assert_eq!(
        render_as(&error, &Compact, &ctx),
        r#"{"error":{"message":"Validation failed","details":[{"field":"leads.0.phone","message":"Phone is required."},{"field":"leads.0.phone","message":"Phone must be E.164."},{"field":"leads.2.email","message":"Invalid email format"}]}}"#
    );
}

#[test]
fn laravel_groups_in_order_of_first_appearance() {
    let fields = FieldErrors::new()
        .add("b", "c", "b1")
        .add("a", "c", "a1")
        .add("b", "c", "b2")
        .add("a", "c", "a2")
        .add("c", "c", "c1");
    let error = LeadError::Validation(fields);
    assert_eq!(
        render_as(&error, &Laravel::default(), &RenderContext::at(SEED_TIME)),
        r#"{"message":"Validation failed","errors":{"b":["b1","b2"],"a":["a1","a2"],"c":["c1"]}}"#
    );
}

#[test]
fn laravel_summary_singular() {
    let error = LeadError::Validation(FieldErrors::new().add("a", "c", "A.").add("b", "c", "B."));
    assert_eq!(
        render_as(
            &error,
            &Laravel::summarized(),
            &RenderContext::at(SEED_TIME)
        ),
        r#"{"message":"A. (and 1 more error)","errors":{"a":["A."],"b":["B."]}}"#
    );
}

#[test]
fn source_errors_never_reach_the_body() {
    let error = LeadError::Internal(std::io::Error::other("password=hunter2"));
    let ctx = RenderContext::at(SEED_TIME);
    for format in Builtin::ALL {
        let body = render_as(&error, &format, &ctx);
        assert!(!body.contains("hunter2"), "{format}: {body}");
    }
    assert_eq!(
        render_as(&error, &Flat, &ctx),
        r#"{"success":false,"status":500,"message":"Internal server error.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2"}}"#
    );
}

#[test]
fn body_status_equals_http_status_in_every_catalogue() {
    let ctx = RenderContext::at(SEED_TIME);
    let statuses: Vec<(u16, Vec<u8>)> = leadron::samples()
        .iter()
        .map(|e| (e.status().as_u16(), e.to_json(&ctx)))
        .chain(
            leo::samples()
                .iter()
                .map(|e| (e.status().as_u16(), e.to_json(&ctx))),
        )
        .collect();
    assert_eq!(statuses.len(), 14);
    for (status, body) in statuses {
        let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
        let in_body = value
            .get("status")
            .or_else(|| value.get("error").and_then(|e| e.get("code")))
            .and_then(serde_json::Value::as_u64);
        assert_eq!(in_body, Some(u64::from(status)));
    }
}

#[test]
fn content_types() {
    assert_eq!(Flat.content_type(), "application/json");
    assert_eq!(Nested.content_type(), "application/json");
    assert_eq!(Laravel::default().content_type(), "application/json");
    assert_eq!(Compact.content_type(), "application/json");
    assert_eq!(Problem.content_type(), "application/problem+json");
}

#[test]
fn response_carries_status_content_type_and_body() {
    let response = error_core::response::to_response(
        &LeadError::NotFound { id: 9 },
        &RenderContext::at(SEED_TIME),
    );
    assert_eq!(response.status(), http::StatusCode::NOT_FOUND);
    assert_eq!(
        response.headers()[http::header::CONTENT_TYPE],
        "application/problem+json"
    );
    assert_eq!(
        std::str::from_utf8(response.body()).unwrap(),
        r#"{"type":"https://errors.example.com/lead/not-found","title":"Not Found","status":404,"detail":"Lead 9 was not found.","code":"lead/not-found"}"#
    );
}

#[test]
fn catalogue_in_declaration_order_and_const() {
    const FIRST_CODE: &str = leo::LeoError::CATALOGUE[0].code();
    assert_eq!(FIRST_CODE, "validation_error");
    let rows: Vec<(u16, &str, &str)> = leo::LeoError::CATALOGUE
        .iter()
        .map(|e| (e.status(), e.code(), e.message()))
        .collect();
    assert_eq!(
        rows,
        [
            (400, "validation_error", "Invalid request parameters."),
            (401, "missing_api_key", "Authentication required."),
            (403, "invalid_api_key", "Insufficient permissions."),
            (404, "not_found", "Resource not found."),
            (409, "duplicate_resource", "Resource already exists."),
            (429, "rate_limit_exceeded", "Rate limit exceeded."),
            (500, "internal_server_error", "Internal server error."),
        ]
    );
    assert_eq!(
        LeadError::CATALOGUE[1].message(),
        "Lead {id} was not found."
    );
    assert!(LeadError::CATALOGUE[1].is_templated());
}

#[test]
fn laravel_groups_by_the_written_key() {
    // Three different paths that all write `items.0`, and two that write `a.b`: one member
    // each, messages in insertion order.
    let fields = FieldErrors::new()
        .with(FieldError::new(
            FieldPath::new().key("items").index(0),
            "c",
            "index",
        ))
        .with(FieldError::new(
            FieldPath::new().key("a.b"),
            "c",
            "dotted key",
        ))
        .with(FieldError::new(
            FieldPath::new().key("items.0"),
            "c",
            "dotted key",
        ))
        .with(FieldError::new(
            FieldPath::new().key("items").key("0"),
            "c",
            "digit key",
        ))
        .with(FieldError::new(
            FieldPath::new().key("a").key("b"),
            "c",
            "two keys",
        ));
    let error = LeadError::Validation(fields);
    let expected = r#"{"message":"Validation failed","errors":{"items.0":["index","dotted key","digit key"],"a.b":["dotted key","two keys"]}}"#;
    let ctx = RenderContext::at(SEED_TIME);
    assert_eq!(render_as(&error, &Laravel::default(), &ctx), expected);
    assert_eq!(render_as(&error, &Builtin::Laravel, &ctx), expected);
}

#[test]
fn laravel_groups_keys_that_need_escaping() {
    let fields = FieldErrors::new()
        .with(FieldError::new(FieldPath::new().key("q\"uote"), "c", "1"))
        .with(FieldError::new(FieldPath::new().key("q\"uote"), "c", "2"))
        .with(FieldError::new(FieldPath::new().key("q\\\"uote"), "c", "3"));
    assert_eq!(
        render_as(
            &LeadError::Validation(fields),
            &Laravel::default(),
            &RenderContext::at(SEED_TIME)
        ),
        r#"{"message":"Validation failed","errors":{"q\"uote":["1","2"],"q\\\"uote":["3"]}}"#
    );
}

/// A variant with `#[api(details)]` in every format: nothing is dropped.
#[derive(Debug, ApiError)]
#[api(format = Laravel)]
enum QuotaError {
    #[api(status = 402, code = "quota", message = "Out of credits.")]
    Quota(#[api(details)] serde_json::Value),
    #[api(status = 409, code = "taken", message = "Name {name} is taken.")]
    Taken {
        name: String,
        #[api(details)]
        suggestions: Vec<String>,
    },
}

#[test]
fn details_in_every_format() {
    let ctx = RenderContext::at(SEED_TIME);
    let error = QuotaError::Quota(serde_json::json!({"needed": 3}));
    let expected = [
        r#"{"success":false,"status":402,"message":"Out of credits.","details":{"needed":3},"meta":{"timestamp":"2026-02-08T12:00:00.000Z"}}"#,
        r#"{"success":false,"error":{"code":402,"timestamp":"2026-02-08T12:00:00.000Z","message":"Out of credits.","details":{"needed":3}}}"#,
        r#"{"message":"Out of credits.","details":{"needed":3}}"#,
        r#"{"error":{"message":"Out of credits.","details":{"needed":3}}}"#,
        r#"{"type":"about:blank","title":"Payment Required","status":402,"detail":"Out of credits.","code":"quota","details":{"needed":3}}"#,
    ];
    for (format, expected) in Builtin::ALL.into_iter().zip(expected) {
        assert_eq!(render_as(&error, &format, &ctx), expected, "{format}");
    }
    assert_eq!(render(&error, SEED_TIME), expected[2]);
    assert_eq!(
        render_as(&error, &Laravel::summarized(), &ctx),
        expected[2],
        "no field errors: the variant's message"
    );
    let error = QuotaError::Taken {
        name: "a\"b".into(),
        suggestions: vec!["a-b".into()],
    };
    assert_eq!(
        render(&error, SEED_TIME),
        r#"{"message":"Name a\"b is taken.","details":["a-b"]}"#
    );
}

#[test]
fn is_empty_agrees_with_len() {
    let mut errors = FieldErrors::with_limit(0);
    assert!(errors.is_empty());
    errors.push(FieldError::missing("a"));
    errors.push(FieldError::missing("b"));
    assert_eq!(
        (
            errors.len(),
            errors.is_empty(),
            errors.total(),
            errors.omitted()
        ),
        (0, true, 2, 2)
    );
    // Pushed but not kept still fails an all-or-nothing validation.
    assert_eq!(errors.clone().into_result(), Err(errors));
    let mut errors = FieldErrors::with_limit(1);
    errors.push(FieldError::missing("a"));
    assert_eq!((errors.len(), errors.is_empty()), (1, false));
}

#[test]
fn field_errors_all_past_the_limit_in_every_format() {
    // A variant whose field errors were all counted, none kept: every format still writes
    // its field-error member (empty), Problem with the total.
    let mut fields = FieldErrors::with_limit(0);
    for _ in 0..3 {
        fields.push(FieldError::missing("a"));
    }
    let error = LeadError::Validation(fields);
    let ctx = RenderContext::at(SEED_TIME);
    let expected = [
        r#"{"success":false,"status":422,"message":"Validation failed","errors":[],"meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2"}}"#,
        r#"{"success":false,"error":{"code":422,"timestamp":"2026-02-08T12:00:00.000Z","message":"Validation failed","details":[]}}"#,
        r#"{"message":"Validation failed","errors":{}}"#,
        r#"{"error":{"message":"Validation failed","details":[]}}"#,
        r#"{"type":"https://errors.example.com/validation_failed","title":"Unprocessable Content","status":422,"detail":"Validation failed","code":"validation_failed","errors":[],"total_errors":3}"#,
    ];
    for (format, expected) in Builtin::ALL.into_iter().zip(expected) {
        assert_eq!(render_as(&error, &format, &ctx), expected, "{format}");
    }
    assert_eq!(
        render_as(&error, &Laravel::summarized(), &ctx),
        expected[2],
        "no message to summarize: the variant's"
    );
}

/// RFC 9457 §4.2.1: with `about:blank`, `title` is the recommended phrase of the status; RFC
/// 9110 §15.5.14 names 413 "Content Too Large" and §15.5.21 names 422 "Unprocessable Content"
/// (RFC 7231's "Payload Too Large" and "Unprocessable Entity", which `http` keeps, were
/// renamed). A variant without a `message` has that phrase as its message too, and a
/// hand-written entry gets the same phrases at run time.
#[test]
fn problem_titles_are_rfc_9110_reason_phrases() {
    #[derive(Debug, error_core::ApiError)]
    #[api(format = error_core::format::Problem)]
    enum E {
        #[api(status = 413)]
        TooLarge,
        #[api(status = 422)]
        Unprocessable,
    }
    let ctx = error_core::RenderContext::at(error_core::Timestamp::from_unix_millis(0));
    let render = |e: &E| {
        let mut out = Vec::new();
        error_core::ApiError::render_into(e, &error_core::format::Problem, &ctx, &mut out);
        String::from_utf8(out).unwrap()
    };
    assert_eq!(
        render(&E::TooLarge),
        r#"{"type":"about:blank","title":"Content Too Large","status":413,"detail":"Content Too Large","code":"too_large"}"#
    );
    assert_eq!(
        render(&E::Unprocessable),
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Unprocessable Content","code":"unprocessable"}"#
    );
    assert_eq!(
        error_core::CatalogueEntry::new("X", 422, "x", "m").title(),
        "Unprocessable Content"
    );
    assert_eq!(
        error_core::CatalogueEntry::new("X", 413, "x", "m").title(),
        "Content Too Large"
    );
}
