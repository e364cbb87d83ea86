//! The client side: parsing every format back, hostile bodies, `from_remote`, retry advice,
//! and round trips against the example service over HTTP.
#![cfg(feature = "client")]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use error_core::client::{
    match_entry, Attempt, Basis, BodyKind, FromRemote, Outcome, Parser, RemoteError, RetryAdvice,
    RetryAfter, RetryPolicy, SplitMix64, StopReason,
};
use error_core::format::Builtin;
// `AsFieldErrors` is derive-private now; a custom impl is still possible through it.
use error_core::__private::AsFieldErrors;
use error_core::{ApiError, FieldErrors, FieldPath};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use serde_json::{json, Value};

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.insert(*name, HeaderValue::from_str(value).unwrap());
    }
    map
}

fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap()
}

/// Every part of a remote error, for whole-value assertions.
fn summary(remote: &RemoteError) -> Value {
    json!({
        "status": remote.status().as_u16(),
        "kind": format!("{:?}", remote.kind()),
        "code": remote.code(),
        "message": remote.message(),
        "fields": remote
            .field_errors()
            .iter()
            .map(|e| json!([e.path().to_string(), e.code(), e.message()]))
            .collect::<Vec<_>>(),
        "total": remote.field_errors().total(),
        "details": remote.details(),
        "request_id": remote.request_id(),
        "retry_after": format!("{:?}", remote.retry_after()),
        "timestamp": remote.timestamp(),
        "version": remote.version(),
        "type": remote.problem_type(),
        "title": remote.title(),
        "content_type": remote.content_type(),
        "excerpt": remote.excerpt(),
    })
}

fn parse(code: u16, pairs: &[(&'static str, &str)], body: &str) -> Value {
    summary(&RemoteError::parse(
        status(code),
        &headers(pairs),
        body.as_bytes(),
    ))
}

// ---------------------------------------------------------------------------------------
// Each format, exactly

#[test]
fn flat_validation() {
    let body = r#"{"success":false,"status":422,"message":"Validation failed","errors":[{"field":"email","message":"Invalid email format"},{"field":"leads.0.phone","message":"Required"}],"meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1","request_id":"req-body"}}"#;
    assert_eq!(
        parse(422, &[("content-type", "application/json")], body),
        json!({
            "status": 422, "kind": "Envelope(Flat)", "code": null,
            "message": "Validation failed",
            "fields": [["email", "", "Invalid email format"], ["leads.0.phone", "", "Required"]],
            "total": 2, "details": null, "request_id": "req-body", "retry_after": "None",
            "timestamp": "2026-02-08T12:00:00.000Z", "version": "v1", "type": null,
            "title": null, "content_type": "application/json", "excerpt": null,
        })
    );
}

#[test]
fn flat_with_details_and_header_request_id() {
    let body = r#"{"success":false,"status":429,"message":"Too many requests","details":{"limit":20},"meta":{"timestamp":"2026-02-08T12:00:00.000Z","request_id":"req-body"}}"#;
    assert_eq!(
        parse(
            429,
            &[("x-request-id", "req-header"), ("retry-after", "7")],
            body
        ),
        json!({
            "status": 429, "kind": "Envelope(Flat)", "code": null,
            "message": "Too many requests", "fields": [], "total": 0,
            "details": {"limit": 20}, "request_id": "req-header",
            "retry_after": "Some(Delay(7s))", "timestamp": "2026-02-08T12:00:00.000Z",
            "version": null, "type": null, "title": null, "content_type": null, "excerpt": null,
        })
    );
}

#[test]
fn nested_with_code() {
    let body = r#"{"success":false,"error":{"code":404,"timestamp":"2024-01-01T00:00:00.000Z","message":"Resource not found.","details":"not_found"}}"#;
    assert_eq!(
        parse(404, &[], body),
        json!({
            "status": 404, "kind": "Envelope(Nested)", "code": "not_found",
            "message": "Resource not found.", "fields": [], "total": 0, "details": null,
            "request_id": null, "retry_after": "None", "timestamp": "2024-01-01T00:00:00.000Z",
            "version": null, "type": null, "title": null, "content_type": null, "excerpt": null,
        })
    );
}

#[test]
fn nested_with_field_errors() {
    let body = r#"{"success":false,"error":{"code":400,"timestamp":"2024-01-01T00:00:00.000Z","message":"Invalid request parameters.","details":[{"code":"validation/missing-user_id","message":"user_id is required."}]}}"#;
    assert_eq!(
        parse(400, &[], body),
        json!({
            "status": 400, "kind": "Envelope(Nested)", "code": null,
            "message": "Invalid request parameters.",
            "fields": [["", "validation/missing-user_id", "user_id is required."]],
            "total": 1, "details": null, "request_id": null, "retry_after": "None",
            "timestamp": "2024-01-01T00:00:00.000Z", "version": null, "type": null,
            "title": null, "content_type": null, "excerpt": null,
        })
    );
}

#[test]
fn nested_with_other_details() {
    let remote = RemoteError::parse(
        status(402),
        &HeaderMap::new(),
        br#"{"success":false,"error":{"code":402,"timestamp":"t","message":"Pay.","details":{"needed":3}}}"#,
    );
    assert_eq!(remote.code(), None);
    assert_eq!(remote.details(), Some(&json!({"needed": 3})));
    assert!(remote.field_errors().is_empty());
}

#[test]
fn laravel_groups_in_body_order() {
    let body = r#"{"message":"The given data was invalid.","errors":{"leads.1.phone":["The leads.1.phone field is required.","The leads.1.phone must be a string."],"leads.0.email":["The leads.0.email must be a valid email address."]}}"#;
    assert_eq!(
        parse(422, &[], body),
        json!({
            "status": 422, "kind": "Envelope(Laravel)", "code": null,
            "message": "The given data was invalid.",
            "fields": [
                ["leads.1.phone", "", "The leads.1.phone field is required."],
                ["leads.1.phone", "", "The leads.1.phone must be a string."],
                ["leads.0.email", "", "The leads.0.email must be a valid email address."],
            ],
            "total": 3, "details": null, "request_id": null, "retry_after": "None",
            "timestamp": null, "version": null, "type": null, "title": null,
            "content_type": null, "excerpt": null,
        })
    );
}

#[test]
fn laravel_without_errors() {
    assert_eq!(
        parse(401, &[], r#"{"message":"Unauthenticated."}"#),
        json!({
            "status": 401, "kind": "Envelope(Laravel)", "code": null,
            "message": "Unauthenticated.", "fields": [], "total": 0, "details": null,
            "request_id": null, "retry_after": "None", "timestamp": null, "version": null,
            "type": null, "title": null, "content_type": null, "excerpt": null,
        })
    );
}

#[test]
fn compact_null_object_and_field_details() {
    let null = RemoteError::parse(
        status(402),
        &HeaderMap::new(),
        br#"{"error":{"message":"Your credit balance is too low for the action.","details":null}}"#,
    );
    assert_eq!(
        summary(&null),
        json!({
            "status": 402, "kind": "Envelope(Compact)", "code": null,
            "message": "Your credit balance is too low for the action.", "fields": [],
            "total": 0, "details": null, "request_id": null, "retry_after": "None",
            "timestamp": null, "version": null, "type": null, "title": null,
            "content_type": null, "excerpt": null,
        })
    );
    let object = RemoteError::parse(
        status(402),
        &HeaderMap::new(),
        br#"{"error":{"message":"Pay.","details":{"balance":0,"needed":[1,2]}}}"#,
    );
    assert_eq!(
        object.details(),
        Some(&json!({"balance": 0, "needed": [1, 2]}))
    );
    let string = RemoteError::parse(
        status(400),
        &HeaderMap::new(),
        br#"{"error":{"message":"Bad.","details":"see the docs"}}"#,
    );
    assert_eq!(
        (string.code(), string.details()),
        (None, Some(&json!("see the docs")))
    );
    let fields = RemoteError::parse(
        status(400),
        &HeaderMap::new(),
        br#"{"error":{"message":"Invalid.","details":[{"field":"leads.0.phone","message":"Required"}]}}"#,
    );
    assert_eq!(
        summary(&fields)["fields"],
        json!([["leads.0.phone", "", "Required"]])
    );
    assert_eq!(fields.details(), None);
}

#[test]
fn problem_with_pointers_and_extensions() {
    let body = r##"{"type":"https://errors.example.com/validation_error","title":"Unprocessable Entity","status":422,"detail":"Validation failed","code":"validation_error","errors":[{"detail":"Required","pointer":"#/leads/0/phone"},{"detail":"Odd key","pointer":"#/a~1b/m~0n/caf%C3%A9%20x"}],"details":[1],"request_id":"req-body"}"##;
    let remote = RemoteError::parse(
        status(422),
        &headers(&[("content-type", "application/problem+json")]),
        body.as_bytes(),
    );
    assert_eq!(
        summary(&remote),
        json!({
            "status": 422, "kind": "Envelope(Problem)", "code": "validation_error",
            "message": "Validation failed",
            "fields": [["leads.0.phone", "", "Required"], ["a/b.m~n.café x", "", "Odd key"]],
            "total": 2, "details": [1], "request_id": "req-body", "retry_after": "None",
            "timestamp": null, "version": null,
            "type": "https://errors.example.com/validation_error",
            "title": "Unprocessable Entity", "content_type": "application/problem+json",
            "excerpt": null,
        })
    );
    assert_eq!(
        remote.field_errors().as_slice()[1].path(),
        &FieldPath::new().key("a/b").key("m~n").key("café x")
    );
}

#[test]
fn problem_without_detail_uses_title() {
    let remote = RemoteError::parse(
        status(403),
        &HeaderMap::new(),
        br#"{"type":"about:blank","title":"Forbidden","status":403}"#,
    );
    assert_eq!(remote.format(), Some(Builtin::Problem));
    assert_eq!(remote.message(), Some("Forbidden"));
    assert_eq!(remote.code(), None);
}

/// RFC 9110 §8.5: `Content-Language` names the language of the message; its first tag is
/// read when it has the shape of a language tag, anything else is not reflected. AIP-193
/// "Localization": the `LocalizedMessage` detail carries the translation and its locale.
#[test]
fn content_language_and_localized_message() {
    let problem = r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Lead 42 wurde nicht gefunden."}"#;
    let language = |value: &str| {
        RemoteError::parse(
            status(404),
            &headers(&[("content-language", value)]),
            problem.as_bytes(),
        )
        .language()
        .map(str::to_owned)
    };
    assert_eq!(language("de").as_deref(), Some("de"));
    assert_eq!(language("de-AT, en").as_deref(), Some("de-AT"));
    assert_eq!(language(" pt-BR ").as_deref(), Some("pt-BR"));
    assert_eq!(language("zh-Hant-TW").as_deref(), Some("zh-Hant-TW"));
    for hostile in [
        "",
        "de_AT",
        "1de",
        "de--AT",
        "de-",
        "abcdefghi",
        "de;q=1",
        "<script>",
        "x-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd",
    ] {
        assert_eq!(language(hostile), None, "{hostile:?}");
    }
    let without = RemoteError::parse(status(404), &HeaderMap::new(), problem.as_bytes());
    assert_eq!(without.language(), None);
    assert_eq!(without.localized_message(), None);

    let aip = r#"{"error":{"code":404,"message":"Lead 42 was not found.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LEAD_NOT_FOUND","metadata":{"id":"42"}},{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"de","message":"Lead 42 wurde nicht gefunden."}]}}"#;
    let remote = RemoteError::parse(status(404), &HeaderMap::new(), aip.as_bytes());
    assert_eq!(remote.format(), Some(Builtin::Aip));
    assert_eq!(remote.message(), Some("Lead 42 was not found."));
    assert_eq!(
        remote.localized_message(),
        Some(("de", "Lead 42 wurde nicht gefunden."))
    );
    assert_eq!(remote.language(), Some("de"));
    // The header wins over the detail's locale; a malformed locale is not read.
    let remote = RemoteError::parse(
        status(404),
        &headers(&[("content-language", "de-AT")]),
        aip.as_bytes(),
    );
    assert_eq!(remote.language(), Some("de-AT"));
    let bad = aip.replace(r#""locale":"de""#, r#""locale":"d\ne""#);
    let remote = RemoteError::parse(status(404), &HeaderMap::new(), bad.as_bytes());
    assert_eq!(remote.localized_message(), None);
    assert_eq!(remote.language(), None);
}

#[test]
fn named_format_rejects_other_shapes() {
    let body = br#"{"message":"Unauthenticated."}"#;
    let expected = [
        (Builtin::Flat, BodyKind::Envelope(Builtin::Flat)),
        (Builtin::Nested, BodyKind::OtherJson),
        (Builtin::Laravel, BodyKind::Envelope(Builtin::Laravel)),
        (Builtin::Compact, BodyKind::OtherJson),
        (Builtin::Problem, BodyKind::OtherJson),
    ];
    for (format, kind) in expected {
        let remote = RemoteError::parse_as(format, status(401), &HeaderMap::new(), body);
        assert_eq!(remote.kind(), &kind, "{format}");
    }
}

#[test]
fn retry_after_forms() {
    let date = RemoteError::parse(
        status(503),
        &headers(&[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")]),
        b"",
    );
    assert_eq!(
        date.retry_after(),
        Some(RetryAfter::At(
            UNIX_EPOCH + Duration::from_secs(1_445_412_480)
        ))
    );
    let bad = RemoteError::parse(status(503), &headers(&[("retry-after", "-1")]), b"");
    assert_eq!(bad.retry_after(), None);
    let huge = RemoteError::parse(
        status(503),
        &headers(&[("retry-after", "99999999999999999999999")]),
        b"",
    );
    assert_eq!(
        huge.retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(u64::MAX)))
    );
}

// ---------------------------------------------------------------------------------------
// Hostile bodies

fn kind_of(code: u16, body: &[u8]) -> (BodyKind, Option<String>) {
    let remote = RemoteError::parse(status(code), &HeaderMap::new(), body);
    assert!(remote.message().is_none() || remote.is_envelope());
    (remote.kind().clone(), remote.excerpt().map(str::to_owned))
}

#[test]
fn html_from_a_proxy() {
    let html = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let remote = RemoteError::parse(
        status(502),
        &headers(&[("content-type", "text/html"), ("x-request-id", "edge-1")]),
        html,
    );
    assert_eq!(remote.kind(), &BodyKind::NotJson);
    assert_eq!(remote.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(remote.request_id(), Some("edge-1"));
    assert_eq!(remote.excerpt(), Some(std::str::from_utf8(html).unwrap()));
    assert_eq!(
        remote.to_string(),
        "502 Bad Gateway: not an error envelope (not JSON)"
    );
}

#[test]
fn empty_and_whitespace() {
    assert_eq!(kind_of(500, b""), (BodyKind::Empty, None));
    assert_eq!(kind_of(500, b" \r\n\t "), (BodyKind::Empty, None));
    assert_eq!(kind_of(500, b"\xEF\xBB\xBF"), (BodyKind::Empty, None));
}

#[test]
fn truncated_json() {
    assert_eq!(
        kind_of(500, br#"{"message":"Unauth"#),
        (
            BodyKind::Malformed {
                error: "EOF while parsing a string at line 1 column 18".into(),
                truncated: true
            },
            Some(r#"{"message":"Unauth"#.into())
        )
    );
    assert_eq!(
        kind_of(500, b"[1, 2"),
        (
            BodyKind::Malformed {
                error: "EOF while parsing a list at line 1 column 5".into(),
                truncated: true
            },
            Some("[1, 2".into())
        )
    );
}

#[test]
fn malformed_json() {
    assert_eq!(
        kind_of(400, br#"{"message":"a"} trailing"#).0,
        BodyKind::Malformed {
            error: "trailing characters at line 1 column 17".into(),
            truncated: false
        }
    );
    assert_eq!(
        kind_of(400, b"{\"message\":\"\xFF\"}").0,
        BodyKind::Malformed {
            error: "invalid unicode code point at line 1 column 13".into(),
            truncated: false
        }
    );
}

#[test]
fn other_json() {
    assert_eq!(kind_of(500, b"[1,2,3]").0, BodyKind::OtherJson);
    assert_eq!(kind_of(500, b"\"oops\"").0, BodyKind::OtherJson);
    assert_eq!(kind_of(500, b"42").0, BodyKind::OtherJson);
    assert_eq!(kind_of(500, b"null").0, BodyKind::OtherJson);
    assert_eq!(kind_of(500, br#"{"ok":true}"#).0, BodyKind::OtherJson);
    // A message of the wrong type is not a message.
    assert_eq!(kind_of(500, br#"{"message":7}"#).0, BodyKind::OtherJson);
    // Laravel with a list of errors is no known shape.
    assert_eq!(
        kind_of(422, br#"{"message":"x","errors":[]}"#).0,
        BodyKind::OtherJson
    );
    // Plain text that starts like a JSON literal.
    assert_eq!(kind_of(503, b"nope, upstream down").0, BodyKind::NotJson);
}

#[test]
fn wrong_member_types_are_ignored_not_fatal() {
    let remote = RemoteError::parse(
        status(422),
        &HeaderMap::new(),
        br#"{"success":"no","message":"Validation failed","errors":5,"meta":[1]}"#,
    );
    assert_eq!(remote.format(), Some(Builtin::Flat));
    assert_eq!(remote.message(), Some("Validation failed"));
    assert!(remote.field_errors().is_empty());
    assert_eq!(remote.timestamp(), None);

    let remote = RemoteError::parse(
        status(422),
        &HeaderMap::new(),
        br#"{"success":false,"message":"m","errors":[1,"x",{"field":7,"message":"kept"},null]}"#,
    );
    assert_eq!(summary(&remote)["fields"], json!([["", "", "kept"]]));
    assert_eq!(remote.field_errors().total(), 1);
}

#[test]
fn duplicate_keys_keep_the_last() {
    let remote = RemoteError::parse(
        status(401),
        &HeaderMap::new(),
        br#"{"message":"first","message":"second"}"#,
    );
    assert_eq!(remote.message(), Some("second"));
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    // 100 000 levels. Outside an object, the body is only skipped (serde_json does that
    // without recursion): unclosed it is truncated, closed it is other JSON.
    let open = "[".repeat(100_000);
    let close = "]".repeat(100_000);
    assert_eq!(
        kind_of(500, open.as_bytes()).0,
        BodyKind::Malformed {
            error: "EOF while parsing a list at line 1 column 100000".into(),
            truncated: true
        }
    );
    assert_eq!(
        kind_of(500, format!("{open}{close}").as_bytes()).0,
        BodyKind::OtherJson
    );
    // Inside an envelope member, values are built, and serde_json stops at 128 levels.
    let inside = format!(r#"{{"message":"m","details":{open}{close}}}"#);
    assert_eq!(
        kind_of(500, inside.as_bytes()).0,
        BodyKind::Malformed {
            error: "recursion limit exceeded at line 1 column 152".into(),
            truncated: false
        }
    );
    let objects = format!(r#"{{"message":"m","details":{}"#, r#"{"a":"#.repeat(50_000));
    assert_eq!(
        kind_of(500, objects.as_bytes()).0,
        BodyKind::Malformed {
            error: "recursion limit exceeded at line 1 column 656".into(),
            truncated: false
        }
    );
    // In a skipped member too.
    let skipped = format!(r#"{{"message":"m","x":{open}{close}}}"#);
    assert_eq!(
        kind_of(500, skipped.as_bytes()).0,
        BodyKind::Envelope(Builtin::Laravel)
    );
    // 120 levels is within the limit and parses.
    let ok = format!(
        r#"{{"message":"m","details":{}{}}}"#,
        "[".repeat(120),
        "]".repeat(120)
    );
    assert_eq!(
        kind_of(500, ok.as_bytes()).0,
        BodyKind::Envelope(Builtin::Laravel)
    );
}

#[test]
fn huge_error_lists_are_capped_and_counted() {
    let item = r#"{"field":"f","message":"m"},"#;
    let body = format!(
        r#"{{"success":false,"status":422,"message":"Validation failed","errors":[{}{{"field":"last","message":"m"}}]}}"#,
        item.repeat(30_000)
    );
    let remote = RemoteError::parse(status(422), &HeaderMap::new(), body.as_bytes());
    assert_eq!(remote.field_errors().len(), 100);
    assert_eq!(remote.field_errors().total(), 30_001);
    assert_eq!(remote.field_errors().omitted(), 29_901);

    let groups: String = (0..30_000)
        .map(|i| format!(r#""f{i}":["a","b"],"#))
        .collect();
    let body = format!(r#"{{"message":"m","errors":{{{groups}"z":["c"]}}}}"#);
    let remote =
        Parser::new()
            .max_field_errors(3)
            .parse(status(422), &HeaderMap::new(), body.as_bytes());
    assert_eq!(
        summary(&remote)["fields"],
        json!([["f0", "", "a"], ["f0", "", "b"], ["f1", "", "a"]])
    );
    assert_eq!(remote.field_errors().total(), 60_001);

    let nested = format!(
        r#"{{"success":false,"error":{{"code":400,"message":"m","details":[{}{{"code":"c","message":"m"}}]}}}}"#,
        r#"{"code":"c","message":"m"},"#.repeat(10_000)
    );
    let remote = RemoteError::parse(status(400), &HeaderMap::new(), nested.as_bytes());
    assert_eq!(
        (remote.field_errors().len(), remote.field_errors().total()),
        (100, 10_001)
    );
}

#[test]
fn bodies_over_the_limit_are_not_parsed() {
    let body = format!(r#"{{"message":"{}"}}"#, "a".repeat(2_000));
    let remote =
        Parser::new()
            .max_body_bytes(1_000)
            .parse(status(500), &HeaderMap::new(), body.as_bytes());
    assert_eq!(remote.kind(), &BodyKind::TooLarge { len: 2_014 });
    assert_eq!(remote.excerpt().map(str::len), Some(512));
    assert_eq!(remote.message(), None);
}

#[test]
fn fuzz_regressions() {
    // Edge cases of the kind the fuzz target (fuzz/fuzz_targets/parse.rs) explores; a crash
    // it finds is added here. (Runs so far found none.)
    for body in [
        &b"{\"errors\":{\"a\":[\"x\",1,\"y\"],\"b\":\"z\",\"c\":{}}, \"message\":\"m\"}"[..],
        b"{\"errors\":[],\"errors\":{},\"message\":\"m\"}",
        b"{\"error\":{\"details\":[{\"message\":1}]}}",
        b"{\"type\":\"\",\"errors\":[{\"pointer\":\"#%\"},{\"pointer\":\"#/%zz/%C3\"}]}",
        b"\xEF\xBB\xBF{\"message\":\"m\"}",
    ] {
        let remote = Parser::new()
            .max_field_errors(1)
            .parse(status(400), &HeaderMap::new(), body);
        assert!(remote.field_errors().len() <= 1);
    }
    let laravel = RemoteError::parse(
        status(422),
        &HeaderMap::new(),
        b"{\"errors\":{\"a\":[\"x\",1,\"y\"],\"b\":\"z\",\"c\":{}}, \"message\":\"m\"}",
    );
    assert_eq!(
        summary(&laravel)["fields"],
        json!([["a", "", "x"], ["a", "", "y"], ["b", "", "z"]])
    );
    let pointers = RemoteError::parse(
        status(400),
        &HeaderMap::new(),
        b"{\"type\":\"\",\"errors\":[{\"pointer\":\"#%\"},{\"pointer\":\"#/%zz/%C3\"}]}",
    );
    assert_eq!(
        summary(&pointers)["fields"],
        json!([["", "", ""], ["%zz.\u{FFFD}", "", ""]])
    );
}

// ---------------------------------------------------------------------------------------
// From a remote error back to the enum

#[derive(Debug, PartialEq, ApiError)]
#[api(client)]
#[api(format = error_core::format::Nested)]
enum AuthError {
    #[api(
        status = 401,
        code = "missing_api_key",
        message = "Authentication required.",
        www_authenticate = "Bearer"
    )]
    MissingApiKey,
    #[api(status = 403, code = "forbidden", message = "Forbidden.")]
    Forbidden {},
}

#[derive(Debug, PartialEq, ApiError)]
#[api(client)]
enum BillingError {
    #[api(
        status = 402,
        code = "billing/no-credits",
        message = "No credits left."
    )]
    NoCredits(),
}

/// A custom `AsFieldErrors`: it cannot be built from `FieldErrors`, so its variant is not
/// rebuilt (and the enum still compiles).
#[derive(Debug, PartialEq)]
struct Wrapped(FieldErrors);

impl AsFieldErrors for Wrapped {
    fn as_field_errors(&self) -> &FieldErrors {
        &self.0
    }
}

#[derive(Debug, PartialEq, ApiError)]
#[api(client)]
#[api(format = error_core::format::Flat)]
enum AppError {
    #[api(transparent)]
    Auth(AuthError),
    #[api(transparent)]
    Billing(Box<BillingError>),
    #[api(status = 422, code = "validation_error", message = "Validation failed")]
    Validation(#[api(fields)] FieldErrors),
    #[api(
        status = 400,
        code = "bulk_invalid",
        message = "Some leads are invalid."
    )]
    Bulk {
        #[api(fields)]
        errors: Box<FieldErrors>,
    },
    #[api(status = 400, code = "custom_fields", message = "Custom.")]
    Custom(#[api(fields)] Wrapped),
    #[api(
        status = 404,
        code = "lead/not-found",
        message = "Lead {id} was not found."
    )]
    NotFound { id: u64 },
    #[api(status = 429, code = "rate_limited", message = "Slow down.")]
    RateLimited {
        #[api(retry_after)]
        retry_after: Duration,
    },
    #[api(status = 503, code = "maintenance", message = "Down for maintenance.")]
    Maintenance(#[api(retry_after)] Option<u64>),
    #[api(status = 500, code = "internal", message = "Internal server error.")]
    Internal { cause: String },
    #[api(status = 409, code = "conflict/a", message = "Conflict.")]
    ConflictA,
    #[api(status = 409, code = "conflict/b", message = "Conflict.")]
    ConflictB,
}

/// A generic wrapper: the inner type is a parameter, so the derive cannot know it is
/// `FromRemote` and the variant is not rebuilt.
#[derive(Debug, ApiError)]
#[api(client)]
enum Generic<E: ApiError> {
    #[api(transparent)]
    Inner(E),
}

fn problem(code: u16, error_code: &str, extra: &str) -> RemoteError {
    let body = format!(
        r#"{{"type":"about:blank","title":"t","status":{code},"detail":"d","code":"{error_code}"{extra}}}"#
    );
    RemoteError::parse(status(code), &HeaderMap::new(), body.as_bytes())
}

#[test]
fn from_remote_by_code() {
    let fields = r##","errors":[{"detail":"Required","pointer":"#/leads/0/phone"}]"##;
    let expected_fields = FieldErrors::new().add("leads.0.phone", "", "Required");
    assert_eq!(
        AppError::from_remote(&problem(401, "missing_api_key", "")),
        Some(AppError::Auth(AuthError::MissingApiKey))
    );
    assert_eq!(
        AppError::from_remote(&problem(403, "forbidden", "")),
        Some(AppError::Auth(AuthError::Forbidden {}))
    );
    assert_eq!(
        AppError::from_remote(&problem(402, "billing/no-credits", "")),
        Some(AppError::Billing(Box::new(BillingError::NoCredits())))
    );
    assert_eq!(
        AppError::from_remote(&problem(422, "validation_error", fields)),
        Some(AppError::Validation(expected_fields.clone()))
    );
    assert_eq!(
        AppError::from_remote(&problem(400, "bulk_invalid", fields)),
        Some(AppError::Bulk {
            errors: Box::new(expected_fields)
        })
    );
    assert_eq!(
        AppError::from_remote(&problem(400, "custom_fields", fields)),
        None
    );
    assert_eq!(
        AppError::from_remote(&problem(404, "lead/not-found", "")),
        None
    );
    assert_eq!(AppError::from_remote(&problem(500, "internal", "")), None);
    assert_eq!(AppError::from_remote(&problem(418, "teapot", "")), None);
    // The inner enum on its own, through the trait.
    assert_eq!(
        <AuthError as FromRemote>::from_remote(&problem(401, "missing_api_key", "")),
        Some(AuthError::MissingApiKey)
    );
    assert_eq!(
        AuthError::from_remote(&problem(402, "billing/no-credits", "")),
        None
    );
    // The generic wrapper compiles and knows the entry, but does not rebuild.
    let remote = problem(401, "missing_api_key", "");
    assert_eq!(
        match_entry(&remote, Generic::<AuthError>::CATALOGUE).map(|e| e.variant()),
        Some("MissingApiKey")
    );
    assert!(Generic::<AuthError>::from_remote(&remote).is_none());
}

#[test]
fn from_remote_with_retry_after() {
    let remote = RemoteError::parse(
        status(429),
        &headers(&[("retry-after", "3")]),
        br#"{"title":"t","status":429,"code":"rate_limited"}"#,
    );
    assert_eq!(
        AppError::from_remote(&remote),
        Some(AppError::RateLimited {
            retry_after: Duration::from_secs(3)
        })
    );
    // Without the header, a `Duration` cannot be rebuilt; an `Option` can.
    assert_eq!(
        AppError::from_remote(&problem(429, "rate_limited", "")),
        None
    );
    assert_eq!(
        AppError::from_remote(&problem(503, "maintenance", "")),
        Some(AppError::Maintenance(None))
    );
    let remote = RemoteError::parse(
        status(503),
        &headers(&[("retry-after", "120")]),
        br#"{"title":"t","status":503,"code":"maintenance"}"#,
    );
    assert_eq!(
        AppError::from_remote(&remote),
        Some(AppError::Maintenance(Some(120)))
    );
}

#[test]
fn from_remote_by_status_and_message() {
    // Flat carries no code: the status and the static message identify the variant.
    let flat = |code: u16, message: &str| {
        let body = format!(
            r#"{{"success":false,"status":{code},"message":"{message}","meta":{{"timestamp":"t"}}}}"#
        );
        RemoteError::parse(status(code), &HeaderMap::new(), body.as_bytes())
    };
    assert_eq!(
        AppError::from_remote(&flat(401, "Authentication required.")),
        Some(AppError::Auth(AuthError::MissingApiKey))
    );
    assert_eq!(
        AppError::from_remote(&flat(422, "Validation failed")),
        Some(AppError::Validation(FieldErrors::new()))
    );
    // The same message under another status is not a match.
    assert_eq!(AppError::from_remote(&flat(400, "Validation failed")), None);
    // Two variants share status and message: ambiguous, no guess.
    assert_eq!(AppError::from_remote(&flat(409, "Conflict.")), None);
    // A templated message cannot be matched.
    assert_eq!(
        AppError::from_remote(&flat(404, "Lead 7 was not found.")),
        None
    );
    // A body that is not an envelope never matches, whatever its status.
    let html = RemoteError::parse(status(401), &HeaderMap::new(), b"<html>401</html>");
    assert_eq!(AppError::from_remote(&html), None);
}

#[test]
fn rendered_then_identified() {
    use error_core::{RenderContext, Timestamp};
    let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
    let parse_rendered = |error: &AppError, format: Builtin| {
        let mut body = Vec::new();
        error.render_into(&format, &ctx, &mut body);
        RemoteError::parse(error.status(), &HeaderMap::new(), &body)
    };
    for format in Builtin::ALL {
        let coded = matches!(
            format,
            Builtin::Nested
                | Builtin::Problem
                | Builtin::Aip
                | Builtin::JsonApi
                | Builtin::Microsoft
        );
        let not_found = parse_rendered(&AppError::NotFound { id: 7 }, format);
        assert_eq!(not_found.message(), Some("Lead 7 was not found."));
        assert_eq!(
            match_entry(&not_found, AppError::CATALOGUE).map(|e| e.variant()),
            coded.then_some("NotFound"),
            "{format}"
        );
        assert_eq!(AppError::from_remote(&not_found), None);
        let internal = parse_rendered(
            &AppError::Internal {
                cause: "db down".into(),
            },
            format,
        );
        assert_eq!(
            match_entry(&internal, AppError::CATALOGUE).map(|e| e.variant()),
            Some("Internal"),
            "{format}"
        );
        assert_eq!(AppError::from_remote(&internal), None);
    }
}

// ---------------------------------------------------------------------------------------
// Retry advice

const NOW: SystemTime = UNIX_EPOCH;

fn advise(
    method: Method,
    request_headers: &[(&'static str, &str)],
    outcome: Outcome,
) -> RetryAdvice {
    let request_headers = headers(request_headers);
    RetryPolicy::new().advise(
        &Attempt::new(&method, &request_headers, 0),
        outcome,
        NOW,
        &mut || 1u64 << 63,
    )
}

fn response(code: u16) -> Outcome {
    Outcome::Response {
        status: status(code),
        retry_after: None,
    }
}

fn backoff(ms: u64) -> RetryAdvice {
    RetryAdvice::Retry {
        after: Duration::from_millis(ms),
        basis: Basis::Backoff,
    }
}

#[test]
fn retry_table_method_by_status() {
    use RetryAdvice::Stop;
    use StopReason::{NotIdempotent, Status};
    // The first retry's backoff is half (the fixed jitter) of 100 ms.
    let retry = backoff(50);
    let methods = [
        Method::GET,
        Method::HEAD,
        Method::OPTIONS,
        Method::TRACE,
        Method::PUT,
        Method::DELETE,
        Method::POST,
        Method::PATCH,
    ];
    for method in methods {
        let idempotent = method != Method::POST && method != Method::PATCH;
        for code in [408, 425, 429, 500, 502, 503, 504] {
            // A 429 without Retry-After waits at least the 1 s floor, then the backoff.
            let retry = if code == 429 { backoff(1_050) } else { retry };
            let expected = if idempotent {
                retry
            } else {
                Stop(NotIdempotent)
            };
            assert_eq!(
                advise(method.clone(), &[], response(code)),
                expected,
                "{method} {code}"
            );
            // An Idempotency-Key makes any method safe to repeat.
            assert_eq!(
                advise(
                    method.clone(),
                    &[("idempotency-key", "k-1")],
                    response(code)
                ),
                retry,
                "{method} {code} with a key"
            );
        }
        for code in [
            200, 201, 204, 304, 400, 401, 402, 403, 404, 405, 409, 410, 413, 415, 422, 501, 505,
        ] {
            assert_eq!(
                advise(
                    method.clone(),
                    &[("idempotency-key", "k-1")],
                    response(code)
                ),
                Stop(Status(status(code))),
                "{method} {code}"
            );
        }
        let network = if idempotent {
            retry
        } else {
            Stop(NotIdempotent)
        };
        assert_eq!(
            advise(method.clone(), &[], Outcome::Network),
            network,
            "{method} network"
        );
        // A request that never left is safe to send again, whatever the method.
        assert_eq!(
            advise(method.clone(), &[], Outcome::ConnectFailed),
            retry,
            "{method} connect"
        );
    }
}

#[test]
fn retry_after_takes_precedence() {
    // Never before the header says; the backoff of this retry (half of 100 ms here) is
    // added as jitter.
    let delay = Outcome::response(status(429), &headers(&[("retry-after", "7")]));
    assert_eq!(
        advise(Method::GET, &[], delay),
        RetryAdvice::Retry {
            after: Duration::from_millis(7_050),
            basis: Basis::RetryAfter
        }
    );
    // An HTTP-date, 90 s after NOW.
    let date = Outcome::response(
        status(503),
        &headers(&[("retry-after", "Thu, 01 Jan 1970 00:01:30 GMT")]),
    );
    assert_eq!(
        advise(Method::GET, &[], date),
        RetryAdvice::Stop(StopReason::RetryAfterTooLong(Duration::from_secs(90)))
    );
    let policy = RetryPolicy::new().max_retry_after(Duration::from_secs(120));
    assert_eq!(
        policy.advise(
            &Attempt::new(&Method::GET, &HeaderMap::new(), 0),
            date,
            NOW,
            &mut || 0
        ),
        RetryAdvice::Retry {
            after: Duration::from_secs(90),
            basis: Basis::RetryAfter
        }
    );
    // A date in the past: retry now.
    let past = Outcome::response(
        status(503),
        &headers(&[("retry-after", "Thu, 01 Jan 1970 00:00:00 GMT")]),
    );
    let later = UNIX_EPOCH + Duration::from_secs(60);
    assert_eq!(
        RetryPolicy::new().advise(
            &Attempt::new(&Method::GET, &HeaderMap::new(), 0),
            past,
            later,
            &mut || 0
        ),
        RetryAdvice::Retry {
            after: Duration::ZERO,
            basis: Basis::RetryAfter
        }
    );
    // Retry-After never makes a non-idempotent request or a 4xx retryable.
    let delay_post = Outcome::response(status(503), &headers(&[("retry-after", "1")]));
    assert_eq!(
        advise(Method::POST, &[], delay_post),
        RetryAdvice::Stop(StopReason::NotIdempotent)
    );
    let delay_400 = Outcome::response(status(400), &headers(&[("retry-after", "1")]));
    assert_eq!(
        advise(Method::GET, &[], delay_400),
        RetryAdvice::Stop(StopReason::Status(StatusCode::BAD_REQUEST))
    );
    // A malformed Retry-After falls back to backoff.
    let garbage = Outcome::response(status(503), &headers(&[("retry-after", "soon")]));
    assert_eq!(advise(Method::GET, &[], garbage), backoff(50));
}

#[test]
fn retry_after_jitter_never_comes_early_and_stays_within_the_backoff() {
    let delay = Outcome::response(status(503), &headers(&[("retry-after", "2")]));
    let get = Method::GET;
    let none = HeaderMap::new();
    for (retries, jitter, ms) in [
        (0, 0u64, 2_000),
        (0, u64::MAX, 2_099),
        (1, 1 << 63, 2_100),
        (2, 1 << 63, 2_200),
    ] {
        let advice =
            RetryPolicy::new().advise(&Attempt::new(&get, &none, retries), delay, NOW, &mut || {
                jitter
            });
        let RetryAdvice::Retry { after, basis } = advice else {
            panic!("{advice:?}");
        };
        assert_eq!((after.as_millis(), basis), (ms, Basis::RetryAfter));
    }
    // Seeded jitter over many draws: never earlier than the header, at most 100 ms later.
    let mut random = SplitMix64::new(42);
    for _ in 0..1_000 {
        let advice =
            RetryPolicy::new().advise(&Attempt::new(&get, &none, 0), delay, NOW, &mut random);
        let RetryAdvice::Retry { after, .. } = advice else {
            panic!("{advice:?}");
        };
        assert!(
            after >= Duration::from_secs(2) && after < Duration::from_millis(2_100),
            "{after:?}"
        );
    }
}

#[test]
fn too_many_requests_without_retry_after_starts_at_the_floor() {
    let get = Method::GET;
    let none = HeaderMap::new();
    let policy = RetryPolicy::new();
    for (retries, jitter, ms) in [(0, 0u64, 1_000), (0, 1 << 63, 1_050), (2, 1 << 63, 1_200)] {
        assert_eq!(
            policy.advise(
                &Attempt::new(&get, &none, retries),
                response(429),
                NOW,
                &mut || jitter
            ),
            backoff(ms),
            "retry {retries}"
        );
    }
    let policy = policy.rate_limited_floor(Duration::from_secs(5));
    assert_eq!(
        policy.advise(&Attempt::new(&get, &none, 0), response(429), NOW, &mut || 0),
        backoff(5_000)
    );
    // Other statuses keep the plain backoff.
    assert_eq!(
        policy.advise(&Attempt::new(&get, &none, 0), response(503), NOW, &mut || 0),
        backoff(0)
    );
}

#[test]
fn too_early_is_retried() {
    assert!(RetryPolicy::is_retryable_status(status(425)));
    assert_eq!(advise(Method::GET, &[], response(425)), backoff(50));
    assert_eq!(
        advise(Method::POST, &[], response(425)),
        RetryAdvice::Stop(StopReason::NotIdempotent)
    );
}

#[test]
fn the_deadline_stops_a_retry_that_would_overrun_it() {
    let get = Method::GET;
    let none = HeaderMap::new();
    let policy = RetryPolicy::new().deadline(Duration::from_secs(5));
    let delay = Outcome::response(status(503), &headers(&[("retry-after", "3")]));
    let at = |elapsed: u64| Attempt::new(&get, &none, 0).elapsed(Duration::from_millis(elapsed));
    assert_eq!(
        policy.advise(&at(1_000), delay, NOW, &mut || 0),
        RetryAdvice::Retry {
            after: Duration::from_secs(3),
            basis: Basis::RetryAfter
        }
    );
    assert_eq!(
        policy.advise(&at(2_000), delay, NOW, &mut || 0),
        RetryAdvice::Retry {
            after: Duration::from_secs(3),
            basis: Basis::RetryAfter
        }
    );
    assert_eq!(
        policy.advise(&at(2_001), delay, NOW, &mut || 0),
        RetryAdvice::Stop(StopReason::DeadlineExceeded {
            after: Duration::from_secs(3)
        })
    );
    // Without a deadline, elapsed time does not matter.
    assert_eq!(
        RetryPolicy::new().advise(&at(3_600_000), delay, NOW, &mut || 0),
        RetryAdvice::Retry {
            after: Duration::from_secs(3),
            basis: Basis::RetryAfter
        }
    );
}

#[test]
fn display_escapes_what_the_remote_server_wrote() {
    let body = "{\"success\":false,\"status\":500,\"message\":\"boom\\nERROR forged line\\u2028x\\u202egnp.exe\\u001b[31m\"}";
    let remote = RemoteError::parse(status(500), &HeaderMap::new(), body.as_bytes());
    assert_eq!(
        remote.message(),
        Some("boom\nERROR forged line\u{2028}x\u{202e}gnp.exe\u{1b}[31m")
    );
    assert_eq!(
        remote.to_string(),
        r"500 Internal Server Error: boom\nERROR forged line\u{2028}x\u{202e}gnp.exe\u{1b}[31m"
    );
    let body = br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"gone","code":"x\r\ny"}"#;
    let remote = RemoteError::parse(
        status(404),
        &headers(&[("content-type", "application/problem+json")]),
        body,
    );
    assert_eq!(remote.to_string(), r"404 Not Found: gone (x\r\ny)");
}

#[test]
fn backoff_doubles_with_full_jitter_up_to_the_cap_and_stops() {
    let policy = RetryPolicy::new()
        .base_delay(Duration::from_millis(100))
        .max_delay(Duration::from_millis(1_000))
        .max_retries(6);
    let get = Method::GET;
    let none = HeaderMap::new();
    let table = [
        // (retries so far, jitter, delay in ms)
        (0, 1u64 << 63, 50),
        (1, 1 << 63, 100),
        (2, 1 << 63, 200),
        (3, 1 << 63, 400),
        (4, 1 << 63, 500), // ceiling 1600 capped at 1000
        (5, 1 << 63, 500),
        (2, 0, 0),
        (2, 1 << 62, 100),
        (2, 3 << 62, 300),
    ];
    for (retries, jitter, ms) in table {
        assert_eq!(
            policy.advise(
                &Attempt::new(&get, &none, retries),
                response(503),
                NOW,
                &mut || jitter
            ),
            backoff(ms),
            "retry {retries}"
        );
    }
    assert_eq!(
        policy.advise(&Attempt::new(&get, &none, 6), response(503), NOW, &mut || 0),
        RetryAdvice::Stop(StopReason::Exhausted)
    );
    // The top of the range stays below the ceiling.
    assert_eq!(
        policy.backoff(0, &mut || u64::MAX),
        Duration::from_nanos(99_999_999)
    );
    // Huge retry counts saturate instead of overflowing.
    assert_eq!(
        policy.backoff(u32::MAX, &mut || 1 << 63),
        Duration::from_millis(500)
    );
}

#[test]
fn seeded_jitter_is_reproducible() {
    let policy = RetryPolicy::new();
    let delays = |seed| {
        let mut random = SplitMix64::new(seed);
        (0..3)
            .map(|retries| policy.backoff(retries, &mut random))
            .collect::<Vec<_>>()
    };
    assert_eq!(delays(42), delays(42));
    assert_eq!(
        delays(42),
        [
            Duration::from_nanos(74_156_487),
            Duration::from_nanos(31_982_078),
            Duration::from_nanos(111_440_452),
        ]
    );
}

#[test]
fn outcome_from_a_remote_error() {
    let remote = RemoteError::parse(status(503), &headers(&[("retry-after", "2")]), b"<html>");
    assert_eq!(
        Outcome::from(&remote),
        Outcome::Response {
            status: StatusCode::SERVICE_UNAVAILABLE,
            retry_after: Some(RetryAfter::Delay(Duration::from_secs(2)))
        }
    );
}

// ---------------------------------------------------------------------------------------
// Round trips against the example service, over HTTP

#[cfg(feature = "reqwest")]
mod service {
    use std::sync::Arc;

    use error_core::client::{match_entry, RemoteError};
    use error_core::format::Builtin;
    use error_core::http::RequestError;
    use error_core::{ApiError, FixedClock, Timestamp};
    use error_examples::service::{self, Config, LeadError};
    use serde_json::json;

    async fn start(format: Builtin, rate: u32, credits: u32) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let config = Config {
            format,
            rate,
            credits,
            clock: Arc::new(FixedClock(Timestamp::from_unix_millis(1_770_552_000_250))),
            ..Config::default()
        };
        tokio::spawn(service::serve(listener, config));
        format!("http://{addr}")
    }

    struct Case {
        name: &'static str,
        remote: RemoteError,
    }

    /// Provokes every error of the service once, in `format`.
    async fn provoke(format: Builtin) -> Vec<Case> {
        let base = start(format, 1_000, 0).await;
        let client = reqwest::Client::new();
        let mut cases = Vec::new();
        let mut record = |name: &'static str, remote: RemoteError| {
            assert_eq!(remote.format(), Some(format), "{name}: {remote:?}");
            assert!(remote.request_id().is_some(), "{name}");
            cases.push(Case { name, remote });
        };
        let send = |request: reqwest::RequestBuilder| async move {
            let response = request.send().await.unwrap();
            RemoteError::from_reqwest(response).await.unwrap()
        };
        let leads = format!("{base}/v1/leads");

        record("missing key", send(client.get(&leads)).await);
        record(
            "invalid key",
            send(client.get(&leads).header("x-api-key", "nope")).await,
        );
        record(
            "read-only key",
            send(
                client
                    .post(&leads)
                    .header("x-api-key", "read-only-key")
                    .json(&json!({})),
            )
            .await,
        );
        record(
            "validation",
            send(
                client
                    .post(&leads)
                    .header("x-api-key", "demo-key")
                    .json(&json!({"email": "not-an-email", "score": 500})),
            )
            .await,
        );
        let lead = json!({"email": "ann@example.com", "firstName": "Ann", "score": 50});
        let created = client
            .post(&leads)
            .header("x-api-key", "demo-key")
            .json(&lead)
            .send()
            .await
            .unwrap();
        assert_eq!(created.status(), 201);
        let id = created.json::<serde_json::Value>().await.unwrap()["id"].clone();
        record(
            "duplicate",
            send(
                client
                    .post(&leads)
                    .header("x-api-key", "demo-key")
                    .json(&lead),
            )
            .await,
        );
        record(
            "not found",
            send(
                client
                    .get(format!("{leads}/999999"))
                    .header("x-api-key", "demo-key"),
            )
            .await,
        );
        record(
            "no credits",
            send(
                client
                    .post(format!("{leads}/{id}/enrich"))
                    .header("x-api-key", "demo-key"),
            )
            .await,
        );
        record(
            "malformed json",
            send(
                client
                    .post(&leads)
                    .header("x-api-key", "demo-key")
                    .header("content-type", "application/json")
                    .body("{\"email\":"),
            )
            .await,
        );
        record(
            "unknown route",
            send(client.get(format!("{base}/nope"))).await,
        );

        // The provider failure needs a credit; the rate limit a rate of 1.
        let base = start(format, 1, 5).await;
        let leads = format!("{base}/v1/leads");
        let created = client
            .post(&leads)
            .header("x-api-key", "demo-key")
            .json(&lead)
            .send()
            .await
            .unwrap();
        assert_eq!(created.status(), 201);
        record(
            "rate limited",
            send(client.get(&leads).header("x-api-key", "demo-key")).await,
        );
        let base = start(format, 1_000, 5).await;
        let leads = format!("{base}/v1/leads");
        let failing = json!({"email": "bob@fail.example", "firstName": "Bob", "score": 50});
        let created = client
            .post(&leads)
            .header("x-api-key", "demo-key")
            .json(&failing)
            .send()
            .await
            .unwrap();
        let id = created.json::<serde_json::Value>().await.unwrap()["id"].clone();
        record(
            "provider failure",
            send(
                client
                    .post(format!("{leads}/{id}/enrich"))
                    .header("x-api-key", "demo-key"),
            )
            .await,
        );
        cases
    }

    fn variant(remote: &RemoteError) -> Option<&'static str> {
        match_entry(remote, LeadError::CATALOGUE).map(|entry| entry.variant())
    }

    #[tokio::test]
    async fn every_error_of_the_service_comes_back_in_every_format() {
        for format in Builtin::ALL {
            let coded = matches!(
                format,
                Builtin::Nested
                    | Builtin::Problem
                    | Builtin::Aip
                    | Builtin::JsonApi
                    | Builtin::Microsoft
            );
            for Case { name, remote } in provoke(format).await {
                let rebuilt = LeadError::from_remote(&remote);
                let found = variant(&remote);
                match name {
                    "missing key" => assert!(matches!(rebuilt, Some(LeadError::MissingApiKey))),
                    "invalid key" => assert!(matches!(rebuilt, Some(LeadError::InvalidApiKey))),
                    "read-only key" => assert!(matches!(rebuilt, Some(LeadError::ReadOnlyKey))),
                    "no credits" => assert!(matches!(rebuilt, Some(LeadError::NoCredits))),
                    "validation" => {
                        let Some(LeadError::Validation(fields)) = rebuilt else {
                            panic!("{format} {name}: {remote:?}");
                        };
                        let paths: Vec<String> =
                            fields.iter().map(|e| e.path().to_string()).collect();
                        let messages: Vec<_> = fields.iter().map(|e| e.message()).collect();
                        assert_eq!(
                            messages,
                            [
                                "Invalid email format",
                                "firstName is required.",
                                "Must be between 0 and 100"
                            ],
                            "{format}"
                        );
                        // Nested carries codes instead of paths.
                        if format == Builtin::Nested {
                            assert_eq!(paths, ["", "", ""]);
                            let codes: Vec<_> = fields.iter().map(|e| e.code()).collect();
                            assert_eq!(
                                codes,
                                [
                                    "validation/invalid-email",
                                    "validation/missing-firstName",
                                    "validation/out-of-range-score"
                                ]
                            );
                        } else {
                            assert_eq!(paths, ["email", "firstName", "score"], "{format}");
                        }
                    }
                    "rate limited" => {
                        let Some(LeadError::RateLimited { retry_after }) = rebuilt else {
                            panic!("{format} {name}: {remote:?}");
                        };
                        // 750 ms left in the window, rounded up to whole seconds.
                        assert_eq!(retry_after.as_secs(), 1);
                    }
                    // Known variants whose fields the envelope does not carry.
                    "duplicate" | "not found" => {
                        assert!(rebuilt.is_none(), "{format} {name}");
                        let expected = if name == "duplicate" {
                            "DuplicateEmail"
                        } else {
                            "NotFound"
                        };
                        // Their messages have placeholders: only a code identifies them.
                        assert_eq!(found, coded.then_some(expected), "{format} {name}");
                    }
                    "provider failure" => {
                        assert!(rebuilt.is_none());
                        assert_eq!(remote.status(), 500);
                        // Flat, Laravel and Compact: LeadError's and RequestError's 500s
                        // share status and message, but within LeadError it is unique.
                        assert_eq!(found, Some("Enrichment"), "{format}");
                    }
                    // The framework's rejections belong to RequestError.
                    "malformed json" => {
                        assert!(rebuilt.is_none(), "{format} {name}");
                        assert!(matches!(
                            RequestError::from_remote(&remote),
                            Some(RequestError::MalformedJson)
                        ));
                    }
                    "unknown route" => {
                        assert!(rebuilt.is_none(), "{format} {name}");
                        assert!(matches!(
                            RequestError::from_remote(&remote),
                            Some(RequestError::NotFound)
                        ));
                    }
                    other => panic!("unexpected case {other}"),
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Reading a body through reqwest is bounded in time and in size

/// A raw HTTP/1.1 server on loopback that answers one request with `head`, then writes
/// `chunks` (each 64 KiB of `x`, chunked encoding) and holds the connection open for 30 s.
#[cfg(feature = "reqwest")]
async fn hostile_server(head: &'static str, chunks: usize) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 4096];
        let _ = socket.read(&mut buf).await;
        let _ = socket.write_all(head.as_bytes()).await;
        let chunk = format!("10000\r\n{}\r\n", "x".repeat(0x10000));
        for _ in 0..chunks {
            if socket.write_all(chunk.as_bytes()).await.is_err() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_secs(30)).await;
    });
    format!("http://{addr}/")
}

#[cfg(feature = "reqwest")]
#[tokio::test]
async fn a_trickling_body_is_read_for_the_timeout_only() {
    let url = hostile_server(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"success\":false,",
        0,
    )
    .await;
    let response = reqwest::get(url).await.unwrap();
    let started = std::time::Instant::now();
    let remote = error_core::client::Parser::new()
        .parse_reqwest_within(response, Duration::from_millis(200))
        .await
        .unwrap();
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(200) && took < Duration::from_secs(5),
        "{took:?}"
    );
    assert_eq!(remote.status(), 503);
    assert!(
        matches!(
            remote.kind(),
            BodyKind::Malformed {
                truncated: true,
                ..
            }
        ),
        "{:?}",
        remote.kind()
    );
    assert_eq!(
        error_core::client::DEFAULT_BODY_TIMEOUT,
        Duration::from_secs(10)
    );
}

#[cfg(feature = "reqwest")]
#[tokio::test]
async fn an_endless_body_is_read_to_the_limit_only() {
    // 64 MiB offered; the parser stops after its 1 MiB limit and one chunk.
    let url = hostile_server(
        "HTTP/1.1 502 Bad Gateway\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n",
        1024,
    )
    .await;
    let response = reqwest::get(url).await.unwrap();
    let started = std::time::Instant::now();
    let remote = error_core::client::Parser::new()
        .parse_reqwest(response)
        .await
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    let BodyKind::TooLarge { len } = remote.kind() else {
        panic!("{:?}", remote.kind());
    };
    let limit = error_core::client::DEFAULT_MAX_BODY_BYTES;
    assert!(*len > limit && *len <= limit + 0x10000 * 2, "{len}");
}
