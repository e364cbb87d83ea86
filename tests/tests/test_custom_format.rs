//! A format of one's own, written with the public API only: `ErrorView`, the `json` writers
//! and `FieldPath`'s notations. It follows the shape of Stripe's error object
//! (<https://docs.stripe.com/api/errors>: `type`, `code`, `message`, `param`), with the field
//! errors in all three path notations, to show that every helper a format needs is public
//! and that input cannot break the JSON.

use error_core::format::{ErrorView, Format};
use error_core::{json, ApiError, FieldError, FieldErrors, FieldPath, RenderContext, Timestamp};

#[derive(Clone, Copy, Debug, Default)]
struct StripeLike;

impl Format for StripeLike {
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"error\":{");
        json::write_key(out, "type");
        json::write_str(
            out,
            if error.status().is_server_error() {
                "api_error"
            } else {
                "invalid_request_error"
            },
        );
        json::write_key(out, "code");
        error.write_code_json(out);
        json::write_key(out, "message");
        error.write_message_json(out);
        json::write_key(out, "status");
        json::write_u64(out, u64::from(error.status().as_u16()));
        if let Some(fields) = error.field_errors() {
            if let Some(first) = fields.iter().next() {
                json::write_key(out, "param");
                first.path().write_bracketed_json(out);
            }
            json::write_key(out, "errors");
            out.push(b'[');
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.push(b'{');
                json::write_key(out, "param");
                field.path().write_bracketed_json(out);
                json::write_key(out, "field");
                field.path().write_dotted_json(out);
                json::write_key(out, "pointer");
                field.path().write_pointer_json(out);
                json::write_key(out, "ref");
                field.path().write_pointer_fragment_json(out);
                json::write_key(out, "code");
                field.write_code_json(out);
                json::write_key(out, "message");
                error.write_field_message_json(field, out);
                out.push(b'}');
            }
            out.push(b']');
            json::write_key(out, "total_count");
            json::write_u64(out, fields.total() as u64);
        }
        if error.has_details() {
            json::write_key(out, "details");
            error.write_details_json(out);
        }
        if let Some(id) = error.request_id() {
            json::write_key(out, "request_id");
            json::write_str(out, id);
        }
        json::write_key(out, "created");
        json::write_u64(out, error.timestamp().unix_millis() / 1000);
        out.extend_from_slice(b"}}");
    }
}

#[derive(Debug, ApiError)]
#[api(format = StripeLike)]
enum PaymentError {
    #[api(
        status = 400,
        code = "parameter_invalid",
        message = "Invalid parameters."
    )]
    Invalid(#[api(fields)] FieldErrors),
    #[api(
        status = 402,
        code = "card_declined",
        message = "Your card was declined: {reason}."
    )]
    Declined {
        reason: String,
        #[api(details)]
        decline: serde_json::Value,
    },
    #[api(status = 500, code = "internal")]
    Internal,
}

fn ctx() -> RenderContext<'static> {
    RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_000)).with_request_id("req_1")
}

fn render(error: &PaymentError) -> String {
    String::from_utf8(error.to_json(&ctx())).unwrap()
}

#[test]
fn field_errors_in_every_notation() {
    let mut fields = FieldErrors::with_limit(2);
    fields.push(FieldError::missing(
        FieldPath::new().key("leads").index(0).key("phone"),
    ));
    fields.push(FieldError::new(
        FieldPath::new().key("a/b~c").index(3).key("say \"hi\" é"),
        "odd",
        "Odd \"key\".",
    ));
    fields.push(FieldError::missing("dropped"));
    assert_eq!(
        render(&PaymentError::Invalid(fields)),
        concat!(
            r#"{"error":{"type":"invalid_request_error","code":"parameter_invalid","message":"Invalid parameters.","status":400,"param":"leads[0].phone","errors":["#,
            r##"{"param":"leads[0].phone","field":"leads.0.phone","pointer":"/leads/0/phone","ref":"#/leads/0/phone","code":"validation/missing-leads.0.phone","message":"leads.0.phone is required."},"##,
            r##"{"param":"a/b~c[3].say \"hi\" é","field":"a/b~c.3.say \"hi\" é","pointer":"/a~1b~0c/3/say \"hi\" é","ref":"#/a~1b~0c/3/say%20%22hi%22%20%C3%A9","code":"odd","message":"Odd \"key\"."}"##,
            r#"],"total_count":3,"request_id":"req_1","created":1770552000}}"#
        )
    );
}

#[test]
fn details_message_and_status() {
    let error = PaymentError::Declined {
        reason: "insufficient \"funds\"".into(),
        decline: serde_json::json!({"decline_code": "insufficient_funds"}),
    };
    assert_eq!(
        render(&error),
        r#"{"error":{"type":"invalid_request_error","code":"card_declined","message":"Your card was declined: insufficient \"funds\".","status":402,"details":{"decline_code":"insufficient_funds"},"request_id":"req_1","created":1770552000}}"#
    );
    assert_eq!(
        render(&PaymentError::Internal),
        r#"{"error":{"type":"api_error","code":"internal","message":"Internal Server Error","status":500,"request_id":"req_1","created":1770552000}}"#
    );
}

#[test]
fn any_input_stays_valid_json() {
    let hostile = [
        "\"",
        "\\",
        "\n\r\t\u{0}\u{1f}",
        "</script>",
        "é🦀\u{2028}",
        "",
        "a.b[0]",
    ];
    for text in hostile {
        let fields = FieldErrors::new().with(FieldError::new(
            FieldPath::new().key(text).index(1).key(text),
            text,
            text,
        ));
        let bodies = [
            render(&PaymentError::Invalid(fields)),
            render(&PaymentError::Declined {
                reason: text.into(),
                decline: serde_json::json!({ text: text }),
            }),
        ];
        for body in bodies {
            let value: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert!(value["error"]["code"].is_string(), "{body}");
        }
    }
}

/// Stripe's error object itself (<https://docs.stripe.com/api/errors>): `type`, `code`,
/// `message`, `param` (the field of the single field error), `doc_url` (the variant's
/// documentation link), written from the public view only.
#[derive(Clone, Copy, Debug, Default)]
struct Stripe;

impl Format for Stripe {
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"error\":{");
        json::write_key(out, "type");
        json::write_str(
            out,
            if error.status().is_server_error() {
                "api_error"
            } else {
                "invalid_request_error"
            },
        );
        json::write_key(out, "code");
        error.write_code_json(out);
        json::write_key(out, "message");
        error.write_message_json(out);
        let single = error
            .field_errors()
            .filter(|fields| fields.len() == 1)
            .and_then(|fields| fields.iter().next());
        if let Some(field) = single {
            json::write_key(out, "param");
            field.path().write_bracketed_json(out);
        }
        if let Some(url) = error.docs() {
            json::write_key(out, "doc_url");
            json::write_str(out, url);
        }
        out.extend_from_slice(b"}}");
    }
}

#[derive(Debug, ApiError)]
#[api(format = Stripe, docs = "https://docs.example.com/error-codes")]
enum CardError {
    #[api(
        status = 400,
        code = "parameter_missing",
        message = "Missing required param.",
        docs = "https://stripe.com/docs/error-codes/parameter-missing"
    )]
    Missing(#[api(fields)] FieldErrors),
    #[api(
        status = 402,
        code = "card_declined",
        message = "Your card was declined."
    )]
    Declined,
}

#[test]
fn stripe_param_and_doc_url() {
    let ctx = ctx();
    let one = CardError::Missing(FieldErrors::new().with(FieldError::missing(
        FieldPath::new().key("items").index(0).key("price"),
    )));
    assert_eq!(
        String::from_utf8(one.to_json(&ctx)).unwrap(),
        r#"{"error":{"type":"invalid_request_error","code":"parameter_missing","message":"Missing required param.","param":"items[0].price","doc_url":"https://stripe.com/docs/error-codes/parameter-missing"}}"#
    );
    // Two field errors: no single `param`.
    let two = CardError::Missing(
        FieldErrors::new()
            .with(FieldError::missing("amount"))
            .with(FieldError::missing("currency")),
    );
    assert_eq!(
        String::from_utf8(two.to_json(&ctx)).unwrap(),
        r#"{"error":{"type":"invalid_request_error","code":"parameter_missing","message":"Missing required param.","doc_url":"https://stripe.com/docs/error-codes/parameter-missing"}}"#
    );
    // The enum's reference page, anchored at the code.
    assert_eq!(
        String::from_utf8(CardError::Declined.to_json(&ctx)).unwrap(),
        r#"{"error":{"type":"invalid_request_error","code":"card_declined","message":"Your card was declined.","doc_url":"https://docs.example.com/error-codes#card_declined"}}"#
    );
}
