//! Every string that comes from input (placeholder values, field paths and messages, request
//! ids, details) is escaped exactly as serde_json escapes it, in every format; static
//! strings were escaped at compile time by the same rules.

use error_core::format::{Builtin, Flat, Laravel, Nested, Problem};
use error_core::{ApiError, FieldErrors, FieldPath, RenderContext, Timestamp};

const HOSTILE: &[&str] = &[
    "quote \" here",
    "back\\slash",
    "new\nline, tab\t, cr\r, nul\0, bell\u{7}, unit sep\u{1f}, del\u{7f}",
    "</script><script>alert(1)</script>",
    "non-ASCII: é ü ß 中文 🦀 \u{2028} \u{2029}",
    "\u{8}\u{c}",
    "",
];

#[derive(ApiError)]
#[api(format = Flat)]
enum E {
    #[api(status = 400, message = "Bad value: {value}!")]
    Bad { value: String },
    #[api(status = 422, message = "Invalid.")]
    Invalid(#[api(fields)] FieldErrors),
    #[api(status = 409, message = "Conflict.")]
    Conflict(#[api(details)] serde_json::Value),
}

#[derive(ApiError)]
enum Static {
    #[api(
        status = 400,
        message = "static \"quotes\", \\ backslash, \n newline, \u{1} control, </script>, é 🦀"
    )]
    Hostile,
}

fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn render(error: &impl ApiError, format: &Builtin, request_id: Option<&str>) -> String {
    let mut ctx = RenderContext::at(Timestamp::from_unix_millis(0));
    if let Some(id) = request_id {
        ctx = ctx.with_request_id(id);
    }
    let mut out = Vec::new();
    error.render_into(format, &ctx, &mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn placeholder_values_escaped_like_serde_json() {
    for &text in HOSTILE {
        let error = E::Bad { value: text.into() };
        let expected_message = json(&format!("Bad value: {text}!"));
        let body = render(&error, &Builtin::Flat, None);
        assert_eq!(
            body,
            format!(
                r#"{{"success":false,"status":400,"message":{expected_message},"meta":{{"timestamp":"1970-01-01T00:00:00.000Z"}}}}"#
            )
        );
        for format in Builtin::ALL {
            let body = render(&error, &format, None);
            let value: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert!(body.contains(&expected_message), "{format}: {body}");
            assert!(!value.is_null());
        }
    }
}

#[test]
fn static_messages_escaped_at_compile_time_like_serde_json() {
    let text = "static \"quotes\", \\ backslash, \n newline, \u{1} control, </script>, é 🦀";
    assert_eq!(Static::Hostile.message(), text);
    let body = render(&Static::Hostile, &Builtin::Problem, None);
    assert_eq!(
        body,
        format!(
            r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":{},"code":"hostile"}}"#,
            json(text)
        )
    );
}

#[test]
fn field_paths_and_messages_escaped_in_every_format() {
    for &text in HOSTILE {
        let path = FieldPath::new().key(text.to_owned()).index(3);
        let fields = FieldErrors::new().add(path.clone(), text.to_owned(), text.to_owned());
        let error = E::Invalid(fields);
        let dotted = json(&format!("{text}.3"));
        let message = json(text);
        let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
        let mut out = Vec::new();
        error.render_into(&Flat, &ctx, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!(
                r#"{{"success":false,"status":422,"message":"Invalid.","errors":[{{"field":{dotted},"message":{message}}}],"meta":{{"timestamp":"1970-01-01T00:00:00.000Z"}}}}"#
            )
        );
        let mut out = Vec::new();
        error.render_into(&Laravel::default(), &ctx, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!(r#"{{"message":"Invalid.","errors":{{{dotted}:[{message}]}}}}"#)
        );
        let mut out = Vec::new();
        error.render_into(&Nested, &ctx, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!(
                r#"{{"success":false,"error":{{"code":422,"timestamp":"1970-01-01T00:00:00.000Z","message":"Invalid.","details":[{{"code":{message},"message":{message}}}]}}}}"#
            )
        );
        // Problem: the pointer is a URI fragment; whatever it holds must be valid JSON.
        let mut out = Vec::new();
        error.render_into(&Problem, &ctx, &mut out);
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let pointer = value["errors"][0]["pointer"].as_str().unwrap();
        assert!(pointer.starts_with("#/"), "{pointer}");
        assert!(pointer.ends_with("/3"), "{pointer}");
        assert!(
            pointer.bytes().all(|b| b.is_ascii_graphic()),
            "pointer is percent-encoded: {pointer}"
        );
    }
}

#[test]
fn pointer_fragment_encoding() {
    let path = FieldPath::new()
        .key("a/b")
        .key("m~n")
        .key("dotted.key")
        .key("with space")
        .key("é")
        .key("quote\"")
        .index(0);
    let error = E::Invalid(FieldErrors::new().add(path, "c", "m"));
    let mut out = Vec::new();
    error.render_into(
        &Problem,
        &RenderContext::at(Timestamp::from_unix_millis(0)),
        &mut out,
    );
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        value["errors"][0]["pointer"],
        "#/a~1b/m~0n/dotted.key/with%20space/%C3%A9/quote%22/0"
    );
}

#[test]
fn details_escaped_and_an_invalid_request_id_dropped() {
    // An id that is not a valid request id is not escaped but dropped (test_request_ids.rs).
    let id = "id\"with</script>";
    let error = E::Conflict(serde_json::json!({"k": "v\"</script>"}));
    let body = render(&error, &Builtin::Flat, Some(id));
    assert_eq!(
        body,
        r#"{"success":false,"status":409,"message":"Conflict.","details":{"k":"v\"</script>"},"meta":{"timestamp":"1970-01-01T00:00:00.000Z"}}"#
    );
    let body = render(&error, &Builtin::Flat, Some("id-1+/=~._"));
    assert_eq!(
        body,
        r#"{"success":false,"status":409,"message":"Conflict.","details":{"k":"v\"</script>"},"meta":{"timestamp":"1970-01-01T00:00:00.000Z","request_id":"id-1+/=~._"}}"#
    );
}

#[test]
fn every_byte_escapes_like_serde_json() {
    for code in 0u32..=0x7f {
        let c = char::from_u32(code).unwrap();
        let text = format!("a{c}b");
        let mut out = Vec::new();
        error_core::json::write_str(&mut out, &text);
        assert_eq!(String::from_utf8(out).unwrap(), json(&text), "U+{code:04X}");
    }
}

#[test]
fn failing_details_still_give_a_well_formed_envelope() {
    struct Failing;
    impl serde::Serialize for Failing {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("boom"))
        }
    }
    #[derive(ApiError)]
    #[api(format = error_core::format::Compact)]
    enum F {
        #[api(status = 400, message = "Bad.")]
        Bad(#[api(details)] Failing),
    }
    let body = F::Bad(Failing).to_json(&RenderContext::at(Timestamp::from_unix_millis(0)));
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"error":{"message":"Bad.","details":null}}"#
    );
}
