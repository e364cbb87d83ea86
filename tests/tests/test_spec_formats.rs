//! The three industry formats reproduce their specifications' published examples, byte
//! for byte (the examples are pretty-printed; the formats write compact JSON, so each
//! example is compared in its compact form, members in the published order), and the
//! view gives a format outside error-core what they need.

use std::time::Duration;

use error_core::format::{Aip, ErrorView, JsonApi, Microsoft};
use error_core::{
    ApiError, FieldError, FieldErrors, Origin, PlaceholderVisitor, RenderContext, Timestamp,
};
use serde::Serialize;

fn ctx() -> RenderContext<'static> {
    RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_000))
}

fn render<E: ApiError, F: error_core::Format>(error: &E, format: &F) -> String {
    let ctx = ctx();
    let mut out = Vec::new();
    error.render_into(format, &ctx, &mut out);
    String::from_utf8(out).unwrap()
}

/// The published example, pretty-printed, in the compact form the formats write: the
/// same members in the same order (serde_json keeps the order with `preserve_order`
/// off only for maps it builds; here the text is re-spaced, not re-parsed).
fn compact(pretty: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in pretty.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
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

#[test]
fn compact_keeps_strings() {
    assert_eq!(
        compact("{ \"a b\" : [ 1, \"c \\\" d\" ] }"),
        r#"{"a b":[1,"c \" d"]}"#
    );
}

// ---------------------------------------------------------------------------------------
// AIP-193

/// `google.rpc.LocalizedMessage`, carried as the variant's details.
#[derive(Debug, Serialize)]
struct LocalizedMessage {
    #[serde(rename = "@type")]
    type_url: &'static str,
    locale: &'static str,
    message: String,
}

#[derive(Debug, ApiError)]
#[api(format = Aip, meta(domain = "compute.googleapis.com"))]
enum ComputeError {
    #[api(
        status = 429,
        code = "resource_availability",
        message = "The zone '{zone}' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
        docs = "https://cloud.google.com/compute/docs/resource-error"
    )]
    ResourceAvailability {
        zone: String,
        #[api(meta)]
        vm_type: String,
        #[api(meta)]
        attachment: String,
        #[api(meta)]
        zones_with_capacity: String,
        #[api(details)]
        localized: LocalizedMessage,
    },
}

/// AIP-193, section "Guidance" → "Error model" (https://google.aip.dev/193), the example
/// response: `ErrorInfo` with reason, domain and metadata, a `LocalizedMessage`, `Help`.
#[test]
fn aip_193_error_model_example() {
    let published = r#"
{
  "error": {
    "code": 429,
    "message": "The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
    "status": "RESOURCE_EXHAUSTED",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "RESOURCE_AVAILABILITY",
        "domain": "compute.googleapis.com",
        "metadata": {
          "zone": "us-east1-a",
          "vmType": "e2-medium",
          "attachment": "local-ssd=3,nvidia-t4=2",
          "zonesWithCapacity": "us-central1-f,us-central1-c"
        }
      },
      {
        "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
        "locale": "en-US",
        "message": "An <e2-medium> VM instance with <local-ssd=3,nvidia-t4=2> is currently unavailable in the <us-east1-a> zone. Consider trying your request in the <us-central1-f,us-central1-c> zone(s), which currently has/have capacity to accommodate your request. Alternatively, you can try your request again with a different VM hardware configuration or at a later time. For more information, see the troubleshooting documentation."
      },
      {
        "@type": "type.googleapis.com/google.rpc.Help",
        "links": [
          {
            "description": "Additional information on this error",
            "url": "https://cloud.google.com/compute/docs/resource-error"
          }
        ]
      }
    ]
  }
}"#;
    let error = ComputeError::ResourceAvailability {
        zone: "us-east1-a".into(),
        vm_type: "e2-medium".into(),
        attachment: "local-ssd=3,nvidia-t4=2".into(),
        zones_with_capacity: "us-central1-f,us-central1-c".into(),
        localized: LocalizedMessage {
            type_url: "type.googleapis.com/google.rpc.LocalizedMessage",
            locale: "en-US",
            message: "An <e2-medium> VM instance with <local-ssd=3,nvidia-t4=2> is currently unavailable in the <us-east1-a> zone. Consider trying your request in the <us-central1-f,us-central1-c> zone(s), which currently has/have capacity to accommodate your request. Alternatively, you can try your request again with a different VM hardware configuration or at a later time. For more information, see the troubleshooting documentation.".into(),
        },
    };
    assert_eq!(render(&error, &Aip), compact(published));
}

#[derive(Debug, ApiError)]
#[api(format = Aip, meta(domain = "leads.example.com"), docs = "https://docs.example.com/errors")]
enum LeadError {
    #[api(status = 400, code = "validation_error", message = "Invalid lead.")]
    Invalid(#[api(fields)] FieldErrors),
    #[api(status = 429, code = "rate_limited", message = "Slow down.")]
    RateLimited {
        #[api(retry_after)]
        retry: Duration,
    },
    #[api(
        status = 409,
        code = "lead/exists",
        message = "Lead {id} exists.",
        grpc = "ALREADY_EXISTS",
        meta(reason = "LEAD_ALREADY_EXISTS", ms_code = "LeadExists")
    )]
    Exists { id: u64 },
    #[api(
        status = 409,
        code = "lead/edit-conflict",
        message = "Lead was edited meanwhile.",
        grpc = "ABORTED"
    )]
    EditConflict,
}

/// Every detail AIP-193 lists, each once, in the documented order: `ErrorInfo`,
/// `BadRequest` (AIP-193 "Bad request": `field` in its JSON form), `RetryInfo` (a protobuf
/// JSON `Duration`), `Help` (the enum's reference page, anchored at the code),
/// `RequestInfo`.
#[test]
fn aip_every_detail() {
    let ctx = ctx().with_request_id("req-7");
    let error = LeadError::Invalid(
        FieldErrors::new()
            .with(FieldError::invalid(
                "emailAddresses.1.email",
                "Not an email.",
            ))
            .with(FieldError::missing("name")),
    );
    let mut out = Vec::new();
    error.render_into(&Aip, &ctx, &mut out);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"error":{"code":400,"message":"Invalid lead.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"VALIDATION_ERROR","domain":"leads.example.com"},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"emailAddresses[1].email","description":"Not an email.","reason":"VALIDATION_INVALID"},{"field":"name","description":"name is required.","reason":"VALIDATION_MISSING"}]},{"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Additional information on this error","url":"https://docs.example.com/errors#validation_error"}]},{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"req-7"}]}}"#
    );

    let error = LeadError::RateLimited {
        retry: Duration::from_millis(1_500),
    };
    assert_eq!(
        render(&error, &Aip),
        r#"{"error":{"code":429,"message":"Slow down.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMITED","domain":"leads.example.com"},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.500s"},{"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Additional information on this error","url":"https://docs.example.com/errors#rate_limited"}]}]}}"#
    );

    // The variant's own reason and canonical status, checked at compile time.
    assert_eq!(
        render(&LeadError::Exists { id: 7 }, &Aip),
        r#"{"error":{"code":409,"message":"Lead 7 exists.","status":"ALREADY_EXISTS","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LEAD_ALREADY_EXISTS","domain":"leads.example.com","metadata":{"id":"7"}},{"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Additional information on this error","url":"https://docs.example.com/errors#lead/exists"}]}]}}"#
    );
}

/// One key, `grpc = "…"`, sets the canonical code for AIP-193's `status` (and, with
/// `tonic`, for the gRPC status): a 409 is `ALREADY_EXISTS` by default, `ABORTED` here.
#[test]
fn grpc_key_sets_the_aip_status() {
    assert_eq!(
        render(&LeadError::EditConflict, &Aip),
        r#"{"error":{"code":409,"message":"Lead was edited meanwhile.","status":"ABORTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LEAD_EDIT_CONFLICT","domain":"leads.example.com"},{"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Additional information on this error","url":"https://docs.example.com/errors#lead/edit-conflict"}]}]}}"#
    );
    assert_eq!(
        LeadError::CATALOGUE[3].canonical(),
        error_core::grpc::Code::Aborted
    );
    assert_eq!(
        LeadError::CATALOGUE[2].canonical(),
        error_core::grpc::Code::AlreadyExists
    );
}

#[test]
fn retry_delays_are_protobuf_durations() {
    for (delay, text) in [
        (Duration::from_secs(30), "30s"),
        (Duration::ZERO, "0s"),
        (Duration::from_millis(1_500), "1.500s"),
        (Duration::from_micros(1_000_001), "1.000001s"),
        (Duration::from_nanos(1_000_000_001), "1.000000001s"),
    ] {
        let body = render(&LeadError::RateLimited { retry: delay }, &Aip);
        assert!(
            body.contains(&format!(r#""retryDelay":"{text}""#)),
            "{text}: {body}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// JSON:API

#[derive(Debug, ApiError)]
#[api(format = JsonApi)]
enum PeopleError {
    #[api(
        status = 422,
        code = "invalid_attribute",
        message = "Invalid Attribute"
    )]
    InvalidAttribute(#[api(fields)] FieldErrors),
    #[api(
        status = 400,
        code = "invalid_query_parameter",
        message = "Invalid Query Parameter"
    )]
    InvalidQuery(#[api(fields)] FieldErrors),
    #[api(status = 422, code = "missing_data")]
    MissingData(#[api(fields)] FieldErrors),
    #[api(
        status = 400,
        code = "json_parse_error",
        message = "JSON parse error - Expecting property name at line 1 column 2 (char 1)."
    )]
    ParseError,
}

/// https://jsonapi.org/examples/#error-objects-basics, "Error Objects" → "Basics" (the
/// examples of the JSON:API 1.1 specification, https://jsonapi.org/format/1.1/#error-objects).
#[test]
fn jsonapi_basic_example() {
    let published = r#"
{
  "errors": [
    {
      "status": "422",
      "source": { "pointer": "/data/attributes/firstName" },
      "title":  "Invalid Attribute",
      "detail": "First name must contain at least two characters."
    }
  ]
}"#;
    let error = PeopleError::InvalidAttribute(FieldErrors::new().add(
        "firstName",
        "too_short",
        "First name must contain at least two characters.",
    ));
    assert_eq!(
        render(&error, &JsonApi::new().without_code()),
        compact(published)
    );
    // With every member (the default) the code is there too, after `status`.
    assert_eq!(
        render(&error, &JsonApi::new()),
        r#"{"errors":[{"status":"422","code":"invalid_attribute","source":{"pointer":"/data/attributes/firstName"},"title":"Invalid Attribute","detail":"First name must contain at least two characters."}]}"#
    );
}

/// https://jsonapi.org/examples/#error-objects-multiple-errors, "Error Objects" →
/// "Multiple Errors", the second example: several errors on one attribute, one error
/// object per field error (as published in json-api/json-api `examples/index.md`, the
/// `first-name` attribute).
#[test]
fn jsonapi_multiple_errors_on_one_attribute_example() {
    let published = r#"
{
  "errors": [
    {
      "source": { "pointer": "/data/attributes/first-name" },
      "title": "Invalid Attribute",
      "detail": "First name must contain at least three characters."
    },
    {
      "source": { "pointer": "/data/attributes/first-name" },
      "title": "Invalid Attribute",
      "detail": "First name must contain an emoji."
    }
  ]
}"#;
    let error = PeopleError::InvalidAttribute(
        FieldErrors::new()
            .add(
                "first-name",
                "too_short",
                "First name must contain at least three characters.",
            )
            .add("first-name", "emoji", "First name must contain an emoji."),
    );
    let format = JsonApi::new().without_status().without_code();
    assert_eq!(render(&error, &format), compact(published));
}

/// https://jsonapi.org/examples/#error-objects-source-usage, "Advanced `source` Usage":
/// a pointer to the document's root.
#[test]
fn jsonapi_source_usage_example() {
    let published = r#"
{
  "errors": [
    {
      "source": { "pointer": "" },
      "detail":  "Missing `data` Member at document's top level."
    }
  ]
}"#;
    let error = PeopleError::MissingData(FieldErrors::new().add(
        error_core::FieldPath::new(),
        "missing",
        "Missing `data` Member at document's top level.",
    ));
    let format = JsonApi::new()
        .with_pointer_prefix("")
        .without_status()
        .without_code()
        .without_title();
    assert_eq!(render(&error, &format), compact(published));
}

/// The same section, the invalid JSON document: no `source`, an error of its own.
#[test]
fn jsonapi_invalid_document_example() {
    let published = r#"
{
  "errors": [{
    "status": "400",
    "detail": "JSON parse error - Expecting property name at line 1 column 2 (char 1)."
  }]
}"#;
    let format = JsonApi::new().without_code().without_title();
    assert_eq!(
        render(&PeopleError::ParseError, &format),
        compact(published)
    );
}

/// https://jsonapi.org/examples/#error-objects-invalid-query-parameters, "Invalid Query
/// Parameters": a field error from the query string is a `parameter`.
#[test]
fn jsonapi_invalid_query_parameter_example() {
    let published = r#"
{
  "errors": [
    {
      "source": { "parameter": "include" },
      "title":  "Invalid Query Parameter",
      "detail": "The resource does not have an `auther` relationship path."
    }
  ]
}"#;
    let error = PeopleError::InvalidQuery(
        FieldErrors::new().with(
            FieldError::new(
                "include",
                "unknown_path",
                "The resource does not have an `auther` relationship path.",
            )
            .with_origin(Origin::Query),
        ),
    );
    let format = JsonApi::new().without_status().without_code();
    assert_eq!(render(&error, &format), compact(published));
}

/// A header's field error is a `header` source, a path parameter's has none; the
/// documentation link is `links.about` and the request id `meta.request_id`.
#[test]
fn jsonapi_sources_links_and_meta() {
    #[derive(Debug, ApiError)]
    #[api(format = JsonApi, docs = "https://docs.example.com/errors")]
    enum E {
        #[api(status = 400, code = "bad_request", message = "Bad request.")]
        Bad(#[api(fields)] FieldErrors),
    }
    let error = E::Bad(
        FieldErrors::new()
            .with(FieldError::new("X-Tenant", "missing", "Required.").with_origin(Origin::Header))
            .with(FieldError::new("id", "invalid", "Not a number.").with_origin(Origin::Path)),
    );
    let ctx = ctx().with_request_id("req-1");
    let mut out = Vec::new();
    error.render_into(&JsonApi::new(), &ctx, &mut out);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"errors":[{"links":{"about":"https://docs.example.com/errors#bad_request"},"status":"400","code":"bad_request","source":{"header":"X-Tenant"},"title":"Bad request.","detail":"Required.","meta":{"request_id":"req-1"}},{"links":{"about":"https://docs.example.com/errors#bad_request"},"status":"400","code":"bad_request","title":"Bad request.","detail":"Not a number.","meta":{"request_id":"req-1"}}]}"#
    );
    assert_eq!(
        JsonApi::new().content_type_name(),
        "application/vnd.api+json"
    );
}

trait ContentTypeName {
    fn content_type_name(&self) -> &'static str;
}

impl<F: error_core::Format> ContentTypeName for F {
    fn content_type_name(&self) -> &'static str {
        self.content_type()
    }
}

// ---------------------------------------------------------------------------------------
// Microsoft REST API guidelines

#[derive(Debug, ApiError)]
#[api(format = Microsoft)]
enum ContactError {
    #[api(
        status = 400,
        code = "bad_argument",
        message = "Multiple errors in ContactInfo data"
    )]
    BadArgument(#[api(fields)] FieldErrors),
}

/// Microsoft REST API guidelines, 7.10.2 "Error condition responses", the example of
/// "details" (https://github.com/microsoft/api-guidelines/blob/vNext/Guidelines.md).
#[test]
fn microsoft_details_example() {
    let published = r#"
{
  "error": {
    "code": "BadArgument",
    "message": "Multiple errors in ContactInfo data",
    "target": "ContactInfo",
    "details": [
      {
        "code": "NullValue",
        "target": "PhoneNumber",
        "message": "Phone number must not be null"
      },
      {
        "code": "NullValue",
        "target": "LastName",
        "message": "Last name must not be null"
      },
      {
        "code": "MalformedValue",
        "target": "Address",
        "message": "Address is not valid"
      }
    ]
  }
}"#;
    let error = ContactError::BadArgument(
        FieldErrors::new()
            .add(
                "ContactInfo.PhoneNumber",
                "null_value",
                "Phone number must not be null",
            )
            .add(
                "ContactInfo.LastName",
                "null_value",
                "Last name must not be null",
            )
            .add(
                "ContactInfo.Address",
                "malformed_value",
                "Address is not valid",
            ),
    );
    assert_eq!(render(&error, &Microsoft), compact(published));

    let res = error_core::response::to_response(&error, &ctx());
    assert_eq!(res.headers()["x-ms-error-code"], "BadArgument");
    assert_eq!(res.headers()["content-type"], "application/json");
}

#[derive(Debug, ApiError)]
enum ReuseError {
    #[api(
        status = 400,
        code = "password_reuse_not_allowed",
        message = "Previous passwords may not be reused"
    )]
    PasswordReuseNotAllowed,
}

#[derive(Debug, ApiError)]
enum PolicyError {
    #[api(transparent)]
    PasswordDoesNotMeetPolicy(ReuseError),
}

#[derive(Debug, ApiError)]
enum PasswordError {
    #[api(transparent, meta(ms_code = "PasswordError"))]
    Policy(PolicyError),
}

#[derive(Debug, ApiError)]
#[api(format = Microsoft)]
enum AccountError {
    #[api(transparent)]
    BadArgument(PasswordError),
}

/// The same section's example of "innererror", its chain of codes alone: the
/// `transparent` chain, outer to inner, down to the error's own code (the whole example is
/// `microsoft_innererror_example`).
#[test]
fn microsoft_innererror_follows_the_transparent_chain() {
    let error = AccountError::BadArgument(PasswordError::Policy(
        PolicyError::PasswordDoesNotMeetPolicy(ReuseError::PasswordReuseNotAllowed),
    ));
    assert_eq!(
        render(&error, &Microsoft),
        r#"{"error":{"code":"BadArgument","message":"Previous passwords may not be reused","innererror":{"code":"PasswordError","innererror":{"code":"PasswordDoesNotMeetPolicy","innererror":{"code":"PasswordReuseNotAllowed"}}}}}"#
    );
    let res = error_core::response::to_response(&error, &ctx());
    assert_eq!(res.headers()["x-ms-error-code"], "BadArgument");

    let ctx = ctx();
    let view = ErrorView::new(&error, &ctx);
    let chain: Vec<&str> = view.chain().iter().map(|e| e.variant()).collect();
    assert_eq!(
        chain,
        ["BadArgument", "Policy", "PasswordDoesNotMeetPolicy"]
    );
}

#[derive(Debug, ApiError)]
enum ReuseField {
    #[api(
        status = 400,
        code = "password_reuse_not_allowed",
        message = "Previous passwords may not be reused"
    )]
    PasswordReuseNotAllowed(#[api(fields)] FieldErrors),
}

#[derive(Debug, ApiError)]
enum PolicyMembers {
    #[api(
        transparent,
        meta(ms_members = r#"{
                "minLength": "6",
                "maxLength": "64",
                "characterTypes": ["lowerCase","upperCase","number","symbol"],
                "minDistinctCharacterTypes": "2"
            }"#)
    )]
    PasswordDoesNotMeetPolicy(ReuseField),
}

#[derive(Debug, ApiError)]
enum PasswordMembers {
    #[api(transparent, meta(ms_code = "PasswordError"))]
    Policy(PolicyMembers),
}

#[derive(Debug, ApiError)]
#[api(format = Microsoft::new().with_single_target_only())]
enum AccountTarget {
    #[api(transparent)]
    BadArgument(PasswordMembers),
}

/// Microsoft REST API guidelines, 7.10.2 "Error condition responses", the example of
/// "innererror", whole: `target` without `details` (`with_single_target_only`), the
/// `transparent` chain as nested `innererror`s, and the `PasswordDoesNotMeetPolicy` step's
/// extra name/value pairs (`meta(ms_members = …)`, checked at compile time).
#[test]
fn microsoft_innererror_example() {
    let published = r#"
{
  "error": {
    "code": "BadArgument",
    "message": "Previous passwords may not be reused",
    "target": "password",
    "innererror": {
      "code": "PasswordError",
      "innererror": {
        "code": "PasswordDoesNotMeetPolicy",
        "minLength": "6",
        "maxLength": "64",
        "characterTypes": ["lowerCase","upperCase","number","symbol"],
        "minDistinctCharacterTypes": "2",
        "innererror": {
          "code": "PasswordReuseNotAllowed"
        }
      }
    }
  }
}"#;
    let error = AccountTarget::BadArgument(PasswordMembers::Policy(
        PolicyMembers::PasswordDoesNotMeetPolicy(ReuseField::PasswordReuseNotAllowed(
            FieldErrors::new().add("password", "reused", "Choose a password not used before."),
        )),
    ));
    let body = String::from_utf8(error.to_json(&ctx())).unwrap();
    assert_eq!(body, compact(published));
    // The default settings keep the single field error's `details`.
    assert_eq!(
        render(&error, &Microsoft),
        r#"{"error":{"code":"BadArgument","message":"Previous passwords may not be reused","target":"password","details":[{"code":"Reused","target":"password","message":"Choose a password not used before."}],"innererror":{"code":"PasswordError","innererror":{"code":"PasswordDoesNotMeetPolicy","minLength":"6","maxLength":"64","characterTypes":["lowerCase","upperCase","number","symbol"],"minDistinctCharacterTypes":"2","innererror":{"code":"PasswordReuseNotAllowed"}}}}}"#
    );
}

/// Without a chain, a variant's `meta(ms_members = …)` go in the `error` object (the
/// guidelines: error objects may carry custom name/value pairs specific to the code).
#[test]
fn microsoft_members_without_a_chain() {
    #[derive(Debug, ApiError)]
    #[api(format = Microsoft)]
    enum E {
        #[api(
            status = 429,
            code = "throttled",
            message = "Slow down.",
            meta(ms_members = r#"{ "limit": 10, "window": "1m" }"#)
        )]
        Throttled,
    }
    assert_eq!(
        render(&E::Throttled, &Microsoft),
        r#"{"error":{"code":"Throttled","message":"Slow down.","limit":10,"window":"1m"}}"#
    );
}

/// One field error: it is the `target`, and the one detail names it whole; none, no
/// `target` and no `details`; the code override.
#[test]
fn microsoft_target_and_override() {
    let one = ContactError::BadArgument(FieldErrors::new().add(
        "password",
        "too_short",
        "At least 8 characters.",
    ));
    assert_eq!(
        render(&one, &Microsoft),
        r#"{"error":{"code":"BadArgument","message":"Multiple errors in ContactInfo data","target":"password","details":[{"code":"TooShort","target":"password","message":"At least 8 characters."}]}}"#
    );
    assert_eq!(
        render(&LeadError::Exists { id: 1 }, &Microsoft),
        r#"{"error":{"code":"LeadExists","message":"Lead 1 exists."}}"#
    );
}

// ---------------------------------------------------------------------------------------
// The view

struct Pairs(Vec<(&'static str, String)>);

impl PlaceholderVisitor for Pairs {
    fn value(&mut self, name: &'static str, value: &dyn std::fmt::Display) {
        self.0.push((name, value.to_string()));
    }
}

/// Placeholders by name, once each, formatted as in the message, then the `meta` fields;
/// through `transparent`, the inner error's.
#[test]
fn view_gives_placeholders_metadata_and_forms() {
    #[derive(Debug, ApiError)]
    #[api(meta(domain = "leads.example.com", team = "growth"))]
    enum Inner {
        #[api(
            status = 409,
            code = "lead/taken",
            message = "{owner} owns lead {id:>4}; ask {owner}.",
            meta(team = "sales")
        )]
        Taken {
            id: u64,
            owner: String,
            #[api(meta)]
            since: u32,
        },
    }
    #[derive(Debug, ApiError)]
    enum Outer {
        #[api(transparent)]
        Inner(Inner),
    }
    let error = Outer::Inner(Inner::Taken {
        id: 7,
        owner: "ann".into(),
        since: 2024,
    });
    let ctx = ctx();
    let view = ErrorView::new(&error, &ctx);
    let mut pairs = Pairs(Vec::new());
    view.write_placeholders(&mut pairs);
    assert_eq!(
        pairs.0,
        [
            ("owner", "ann".to_owned()),
            ("id", "   7".to_owned()),
            ("since", "2024".to_owned())
        ]
    );
    assert_eq!(view.meta("team"), Some("sales"));
    assert_eq!(view.meta("domain"), Some("leads.example.com"));
    assert_eq!(view.meta("nothing"), None);
    assert_eq!(view.reason(), "LEAD_TAKEN");
    assert_eq!(view.pascal_code(), "LeadTaken");
    assert_eq!(view.canonical().name(), "ALREADY_EXISTS");
    assert_eq!(view.retry_after(), None);
    assert_eq!(view.docs(), None);
    assert_eq!(
        view.chain().iter().map(|e| e.variant()).collect::<Vec<_>>(),
        ["Inner"]
    );
}

// ---------------------------------------------------------------------------------------
// The Markdown reference

/// The reference renders examples in each new format, and writes the anchor an enum's
/// `docs` page links to, so every link lands on its entry.
#[test]
fn markdown_reference_anchors_and_examples() {
    let page = error_core::docs::Reference::<LeadError>::new().render_with(&Microsoft);
    assert!(
        page.contains("\n<a id=\"lead/exists\"></a>\n\n### `lead/exists`\n"),
        "{page}"
    );
    assert!(
        page.contains("```json\n{\n  \"error\": {\n    \"code\": \"LeadExists\",\n    \"message\": \"Lead {id} exists.\"\n  }\n}\n```"),
        "{page}"
    );
    let page = error_core::docs::Reference::<LeadError>::new().render_with(&JsonApi::new());
    assert!(
        page.contains("\"links\": {\n        \"about\": \"https://docs.example.com/errors#rate_limited\"\n      },"),
        "{page}"
    );
    // Without `docs`, no anchor.
    let page = error_core::docs::markdown::<ContactError>();
    assert!(!page.contains("<a id="), "{page}");
}
