//! A request id that fails validation never reaches a client: not in the body (Flat's
//! `meta.request_id`, Problem's `request_id`), not in the `X-Request-Id` header, whichever
//! entry point renders the error (`response::to_response`, `render_into`, `ErrorView`).

use error_core::format::{Builtin, Compact, ErrorView, Flat, Format, Laravel, Nested, Problem};
use error_core::http::is_valid_request_id;
use error_core::{response, ApiError, RenderContext, Timestamp};

const AT: Timestamp = Timestamp::from_unix_millis(0);

/// Ids a client can send that must not be echoed.
fn hostile() -> Vec<String> {
    vec![
        String::new(),
        "quote\"d".into(),
        "back\\slash".into(),
        "crlf\r\nSet-Cookie: a=b".into(),
        "new\nline".into(),
        "a".repeat(201),
        "caf\u{e9}".into(),
        "\u{1F980}".into(),
        "</script>".into(),
        "with space".into(),
        "nul\0".into(),
    ]
}

macro_rules! enums {
    ($($name:ident => $format:ident),*) => {$(
        #[derive(Debug, ApiError)]
        #[api(format = $format)]
        enum $name {
            #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
            NotFound { id: u64 },
        }
    )*};
}

enums!(InFlat => Flat, InNested => Nested, InLaravel => Laravel, InCompact => Compact, InProblem => Problem);

/// The body of `error` through each entry point: `to_response` (the enum's format),
/// `to_response_with` and `render_into` (`format`), and a format that writes
/// `ErrorView::request_id` itself.
fn bodies<E: ApiError>(error: &E, format: Builtin, ctx: &RenderContext<'_>) -> [String; 3] {
    let res = response::to_response(error, ctx);
    assert!(res.headers().get("x-request-id").is_none());
    let own = String::from_utf8(res.into_body()).unwrap();
    let res = response::to_response_with(error, &format, ctx);
    assert!(res.headers().get("x-request-id").is_none());
    let with = String::from_utf8(res.into_body()).unwrap();
    let mut into = Vec::new();
    error.render_into(&format, ctx, &mut into);
    assert_eq!(with.as_bytes(), into);
    [own, with, String::from_utf8(into).unwrap()]
}

fn check<E: ApiError>(error: &E, format: Builtin, expected: &str) {
    for id in hostile() {
        assert!(!is_valid_request_id(&id), "{id:?}");
        let ctx = RenderContext::at(AT).with_request_id(&id);
        assert_eq!(ctx.request_id(), None, "{id:?}");
        assert_eq!(ErrorView::new(error, &ctx).request_id(), None, "{id:?}");
        for body in bodies(error, format, &ctx) {
            assert_eq!(body, expected, "{format} {id:?}");
        }
    }
}

#[test]
fn hostile_ids_reach_no_body_in_any_format() {
    check(
        &InFlat::NotFound { id: 7 },
        Builtin::Flat,
        r#"{"success":false,"status":404,"message":"Lead 7 was not found.","meta":{"timestamp":"1970-01-01T00:00:00.000Z"}}"#,
    );
    check(
        &InNested::NotFound { id: 7 },
        Builtin::Nested,
        r#"{"success":false,"error":{"code":404,"timestamp":"1970-01-01T00:00:00.000Z","message":"Lead 7 was not found.","details":"lead/not-found"}}"#,
    );
    check(
        &InLaravel::NotFound { id: 7 },
        Builtin::Laravel,
        r#"{"message":"Lead 7 was not found."}"#,
    );
    check(
        &InCompact::NotFound { id: 7 },
        Builtin::Compact,
        r#"{"error":{"message":"Lead 7 was not found.","details":null}}"#,
    );
    check(
        &InProblem::NotFound { id: 7 },
        Builtin::Problem,
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Lead 7 was not found.","code":"lead/not-found"}"#,
    );
}

/// A format of one's own that writes the view's request id as given.
struct EchoId;

impl Format for EchoId {
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"request_id\":");
        match error.request_id() {
            Some(id) => error_core::json::write_str(out, id),
            None => out.extend_from_slice(b"null"),
        }
        out.push(b'}');
    }
}

#[test]
fn a_custom_format_sees_only_valid_ids() {
    let error = InFlat::NotFound { id: 7 };
    for id in hostile() {
        let ctx = RenderContext::at(AT).with_request_id(&id);
        let mut out = Vec::new();
        error.render_into(&EchoId, &ctx, &mut out);
        assert_eq!(out, br#"{"request_id":null}"#, "{id:?}");
    }
    let ctx = RenderContext::at(AT).with_request_id("req-42");
    let mut out = Vec::new();
    error.render_into(&EchoId, &ctx, &mut out);
    assert_eq!(out, br#"{"request_id":"req-42"}"#);
}

#[test]
fn valid_ids_are_echoed_where_the_format_has_room() {
    let longest = "a".repeat(200);
    for id in ["req-42", "YWJj+/=~._", longest.as_str()] {
        let ctx = RenderContext::at(AT).with_request_id(id);
        let res = response::to_response(&InFlat::NotFound { id: 7 }, &ctx);
        assert_eq!(res.headers()["x-request-id"], id);
        assert_eq!(
            String::from_utf8(res.into_body()).unwrap(),
            format!(
                r#"{{"success":false,"status":404,"message":"Lead 7 was not found.","meta":{{"timestamp":"1970-01-01T00:00:00.000Z","request_id":"{id}"}}}}"#
            )
        );
        let res = response::to_response(&InProblem::NotFound { id: 7 }, &ctx);
        assert_eq!(res.headers()["x-request-id"], id);
        assert_eq!(
            String::from_utf8(res.into_body()).unwrap(),
            format!(
                r#"{{"type":"about:blank","title":"Not Found","status":404,"detail":"Lead 7 was not found.","code":"lead/not-found","request_id":"{id}"}}"#
            )
        );
    }
}

#[test]
fn an_invalid_id_replaces_a_valid_one() {
    let ctx = RenderContext::at(AT)
        .with_request_id("req-1")
        .with_request_id("bad id");
    assert_eq!(ctx.request_id(), None);
    let res = response::to_response(&InProblem::NotFound { id: 7 }, &ctx);
    assert!(res.headers().get("x-request-id").is_none());
}
