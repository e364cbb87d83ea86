//! Formats with settings as an enum's format: `#[api(format = <constant expression>)]`,
//! evaluated once at compile time, used by every path that renders in the enum's own
//! format (`to_json`, `to_response`, a request scope without a format, `transparent`
//! variants of an outer enum, `Box`, the Markdown reference).

use error_core::format::{Aip, JsonApi, Laravel, Problem};
use error_core::http::{error_response_with_source, ErrorSettings, RequestId, RequestScope};
use error_core::{response, ApiError, FieldErrors, FixedClock, RenderContext, Timestamp};

const AT: Timestamp = Timestamp::from_unix_millis(1_770_552_000_000);

fn body<E: ApiError>(error: &E) -> String {
    String::from_utf8(error.to_json(&RenderContext::at(AT))).unwrap()
}

fn two_fields() -> FieldErrors {
    FieldErrors::new()
        .add(
            "email",
            "invalid",
            "The email must be a valid email address.",
        )
        .add("name", "required", "The name field is required.")
}

#[derive(Debug, ApiError)]
#[api(format = Laravel::summarized())]
enum Summarized {
    #[api(status = 422, message = "The given data was invalid.")]
    Invalid(#[api(fields)] FieldErrors),
}

#[derive(Debug, ApiError)]
#[api(format = error_core::format::Aip::with_domain("leads.example.com"))]
enum WithDomain {
    #[api(
        status = 404,
        code = "lead/not-found",
        message = "Lead {id} was not found."
    )]
    NotFound { id: u64 },
    #[api(
        status = 409,
        code = "lead/exists",
        message = "Lead exists.",
        meta(domain = "crm.example.com")
    )]
    Exists,
}

#[derive(Debug, ApiError)]
#[api(format = JsonApi::new().with_pointer_prefix("/data").without_code())]
enum Prefixed {
    #[api(status = 422, message = "Invalid Attribute")]
    Invalid(#[api(fields)] FieldErrors),
}

#[test]
fn laravel_summarized_is_the_enums_format() {
    assert_eq!(Summarized::format(), Laravel::summarized());
    assert_eq!(
        body(&Summarized::Invalid(two_fields())),
        r#"{"message":"The email must be a valid email address. (and 1 more error)","errors":{"email":["The email must be a valid email address."],"name":["The name field is required."]}}"#
    );
}

#[test]
fn aip_domain_is_the_enums_format() {
    assert_eq!(WithDomain::format(), Aip::with_domain("leads.example.com"));
    assert_eq!(
        body(&WithDomain::NotFound { id: 7 }),
        r#"{"error":{"code":404,"message":"Lead 7 was not found.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LEAD_NOT_FOUND","domain":"leads.example.com","metadata":{"id":"7"}}]}}"#
    );
    // A declared `meta(domain)` is more specific than the format's setting.
    assert_eq!(
        body(&WithDomain::Exists),
        r#"{"error":{"code":409,"message":"Lead exists.","status":"ALREADY_EXISTS","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LEAD_EXISTS","domain":"crm.example.com"}]}}"#
    );
    // The format without its setting writes no domain.
    let mut out = Vec::new();
    WithDomain::NotFound { id: 7 }.render_into(&Aip::new(), &RenderContext::at(AT), &mut out);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"error":{"code":404,"message":"Lead 7 was not found.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LEAD_NOT_FOUND","metadata":{"id":"7"}}]}}"#
    );
}

#[test]
fn jsonapi_pointer_prefix_is_the_enums_format() {
    let error = Prefixed::Invalid(FieldErrors::new().add(
        "firstName",
        "too_short",
        "First name must contain at least two characters.",
    ));
    assert_eq!(
        body(&error),
        r#"{"errors":[{"status":"422","source":{"pointer":"/data/firstName"},"title":"Invalid Attribute","detail":"First name must contain at least two characters."}]}"#
    );
}

/// `to_response`, and a request scope without a format of its own (the adapters' path),
/// render in the configured format.
#[test]
fn response_and_scope_use_the_configured_format() {
    let error = Summarized::Invalid(two_fields());
    let expected = r#"{"message":"The email must be a valid email address. (and 1 more error)","errors":{"email":["The email must be a valid email address."],"name":["The name field is required."]}}"#;
    let res = response::to_response(&error, &RenderContext::at(AT));
    assert_eq!(std::str::from_utf8(res.body()).unwrap(), expected);

    let settings = ErrorSettings::new().clock(FixedClock(AT));
    let scope = RequestScope::new(RequestId::parse("req-1").unwrap(), settings);
    let res = error_response_with_source(&error, None, &scope);
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/json");
    assert_eq!(std::str::from_utf8(res.body()).unwrap(), expected);
}

#[derive(Debug, ApiError)]
#[api(format = Aip::with_domain("outer.example.com"))]
enum Outer {
    #[api(transparent)]
    Summarized(Summarized),
    #[api(transparent)]
    Boxed(Box<Prefixed>),
}

/// Through `transparent`, the outer enum's format with its settings; a `Box` keeps the
/// inner enum's.
#[test]
fn transparent_and_box_use_the_configured_format() {
    let error = Outer::Summarized(Summarized::Invalid(two_fields()));
    assert_eq!(
        body(&error),
        r#"{"error":{"code":422,"message":"The given data was invalid.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID","domain":"outer.example.com"},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"email","description":"The email must be a valid email address.","reason":"INVALID"},{"field":"name","description":"The name field is required.","reason":"REQUIRED"}]}]}}"#
    );
    let boxed = Box::new(Prefixed::Invalid(
        FieldErrors::new().add("age", "too_low", "Too low."),
    ));
    assert_eq!(<Box<Prefixed> as ApiError>::format(), Prefixed::format());
    assert_eq!(
        body(&boxed),
        r#"{"errors":[{"status":"422","source":{"pointer":"/data/age"},"title":"Invalid Attribute","detail":"Too low."}]}"#
    );
    assert_eq!(
        body(&Outer::Boxed(boxed)),
        r#"{"error":{"code":422,"message":"Invalid Attribute","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID","domain":"outer.example.com"},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"age","description":"Too low.","reason":"TOO_LOW"}]}]}}"#
    );
}

/// The Markdown reference shows bodies in the configured format.
#[test]
fn reference_uses_the_configured_format() {
    let page = error_core::docs::markdown::<WithDomain>();
    assert!(page.contains("\"domain\": \"leads.example.com\""), "{page}");
}

#[derive(Debug, ApiError)]
#[api(
    format = Problem::type_from_docs(),
    docs = "https://docs.example.com/errors",
    type_base = "https://errors.example.com/"
)]
enum Documented {
    #[api(
        status = 404,
        code = "lead/not-found",
        message = "Lead {id} was not found."
    )]
    NotFound { id: u64 },
    #[api(
        status = 409,
        code = "lead/exists",
        message = "Lead exists.",
        docs = "https://docs.example.com/leads#exists"
    )]
    Exists,
}

#[derive(Debug, ApiError)]
#[api(format = Problem::type_from_docs(), type_base = "https://errors.example.com/")]
enum Undocumented {
    #[api(status = 404, code = "lead/not-found")]
    NotFound,
}

/// RFC 9457 section 3.1.1: `type` is the documentation link when the format is
/// `Problem::type_from_docs()`: the enum's page anchored at the code, or the variant's own
/// link; without a link, `type_base` and the code as before. The default `Problem` keeps
/// `type_base` (and its cached static body).
#[test]
fn problem_type_from_docs() {
    assert_eq!(
        body(&Documented::NotFound { id: 7 }),
        r#"{"type":"https://docs.example.com/errors#lead/not-found","title":"Not Found","status":404,"detail":"Lead 7 was not found.","code":"lead/not-found"}"#
    );
    // A static variant, twice: the default format's cached body never stands in.
    for _ in 0..2 {
        assert_eq!(
            body(&Documented::Exists),
            r#"{"type":"https://docs.example.com/leads#exists","title":"Conflict","status":409,"detail":"Lead exists.","code":"lead/exists"}"#
        );
        let mut out = Vec::new();
        Documented::Exists.render_into(&Problem, &RenderContext::at(AT), &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"type":"https://errors.example.com/lead/exists","title":"Conflict","status":409,"detail":"Lead exists.","code":"lead/exists"}"#
        );
    }
    assert_eq!(
        body(&Undocumented::NotFound),
        r#"{"type":"https://errors.example.com/lead/not-found","title":"Not Found","status":404,"detail":"Not Found","code":"lead/not-found"}"#
    );
    assert_eq!(Problem, Problem::new());
    assert_eq!(Problem::default(), Problem::new());
}

/// A static variant's cached body is laid out once per built-in format and shared by every
/// value of that format: a setting that changes the bytes (AIP's domain) is never served the
/// body of another setting, in either order.
#[test]
fn settings_that_change_a_static_body_do_not_share_its_cache() {
    #[derive(Debug, ApiError)]
    enum Plain {
        #[api(status = 409, code = "lead/exists", message = "Lead exists.")]
        Exists,
    }
    let without = r#"{"error":{"code":409,"message":"Lead exists.","status":"ALREADY_EXISTS","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LEAD_EXISTS"}]}}"#;
    let with = r#"{"error":{"code":409,"message":"Lead exists.","status":"ALREADY_EXISTS","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LEAD_EXISTS","domain":"a.example"}]}}"#;
    let render = |format: &Aip| {
        let mut out = Vec::new();
        Plain::Exists.render_into(format, &RenderContext::at(AT), &mut out);
        String::from_utf8(out).unwrap()
    };
    for _ in 0..3 {
        assert_eq!(render(&Aip::with_domain("a.example")), with);
        assert_eq!(render(&Aip::new()), without);
    }
}
