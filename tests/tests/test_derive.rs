//! What the derive and the runtime promise each other: `transparent` forwards everything
//! (the inner enum's `type_base` and `version` included), and whatever a hand-written
//! `impl ApiError` can build renders valid JSON in every format.

use error_core::format::{Builtin, Flat, Problem};
use error_core::{
    ApiError, CatalogueEntry, FieldError, FieldErrors, Format, MessageSink, RenderContext,
    Timestamp,
};

fn ctx() -> RenderContext<'static> {
    RenderContext::at(Timestamp::from_unix_millis(1_704_067_200_000))
}

fn render<E: ApiError, F: Format>(error: &E, format: F) -> String {
    let mut out = Vec::new();
    error.render_into(&format, &ctx(), &mut out);
    String::from_utf8(out).unwrap()
}

#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/auth/", version = "v2")]
enum AuthError {
    #[api(
        status = 401,
        code = "missing_key",
        message = "Key missing.",
        www_authenticate = "ApiKey"
    )]
    MissingKey,
}

/// No settings of its own: the outer enum's apply.
#[derive(Debug, ApiError)]
enum BillingError {
    #[api(status = 402, code = "no_credits", message = "No credits left.")]
    NoCredits,
}

#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/app/", version = "v1")]
enum AppError {
    #[api(transparent)]
    Auth(AuthError),
    #[api(transparent)]
    Billing(Box<BillingError>),
    #[api(
        status = 404,
        code = "lead/not-found",
        message = "Lead {id} was not found."
    )]
    NotFound { id: u64 },
}

#[test]
fn transparent_forwards_the_inner_type_base_and_version() {
    let err = AppError::Auth(AuthError::MissingKey);
    assert_eq!(
        render(&err, Problem),
        r#"{"type":"https://errors.example.com/auth/missing_key","title":"Unauthorized","status":401,"detail":"Key missing.","code":"missing_key"}"#
    );
    assert_eq!(
        render(&err, Flat),
        r#"{"success":false,"status":401,"message":"Key missing.","meta":{"timestamp":"2024-01-01T00:00:00.000Z","version":"v2"}}"#
    );
    assert_eq!(err.info(), AuthError::INFO);
}

#[test]
fn transparent_falls_back_to_the_outer_settings() {
    let err = AppError::Billing(Box::new(BillingError::NoCredits));
    assert_eq!(
        render(&err, Problem),
        r#"{"type":"https://errors.example.com/app/no_credits","title":"Payment Required","status":402,"detail":"No credits left.","code":"no_credits"}"#
    );
    assert_eq!(
        render(&err, Flat),
        r#"{"success":false,"status":402,"message":"No credits left.","meta":{"timestamp":"2024-01-01T00:00:00.000Z","version":"v1"}}"#
    );
    // The outer enum's own variants keep its settings.
    assert_eq!(
        render(&AppError::NotFound { id: 7 }, Problem),
        r#"{"type":"https://errors.example.com/app/lead/not-found","title":"Not Found","status":404,"detail":"Lead 7 was not found.","code":"lead/not-found"}"#
    );
    assert_eq!(AppError::NotFound { id: 7 }.info(), AppError::INFO);
}

/// A hand-written `ApiError` with every character JSON must escape in its code and
/// message, built through the public API only.
struct Hostile {
    fields: FieldErrors,
}

const NASTY: &str = "q\"b\\n\nt\tc\u{1}d\u{7f}é</script>";

impl ApiError for Hostile {
    type Format = Flat;
    const CATALOGUE: &'static [CatalogueEntry] = &[CatalogueEntry::new(
        "Hostile",
        422,
        "c\"o\\d\u{0}e",
        "m\"s\\g\r\n\u{1f}",
    )];

    fn entry(&self) -> &'static CatalogueEntry {
        &Self::CATALOGUE[0]
    }

    fn status(&self) -> http::StatusCode {
        http::StatusCode::UNPROCESSABLE_ENTITY
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        Some(&self.fields)
    }
}

/// The same, with a message written piece by piece.
struct HostileMessage;

impl ApiError for HostileMessage {
    type Format = Flat;
    const CATALOGUE: &'static [CatalogueEntry] = &[CatalogueEntry::new(
        "HostileMessage",
        400,
        "plain",
        "static",
    )];

    fn entry(&self) -> &'static CatalogueEntry {
        &Self::CATALOGUE[0]
    }

    fn status(&self) -> http::StatusCode {
        http::StatusCode::BAD_REQUEST
    }

    fn write_message(&self, sink: &mut dyn MessageSink) {
        sink.text("a\"");
        sink.display(&NASTY);
        sink.text("\\z");
    }
}

#[test]
fn a_hand_written_impl_renders_valid_json_in_every_format() {
    let err = Hostile {
        fields: FieldErrors::new().with(FieldError::invalid("na\"me", "bad\\\u{2}")),
    };
    let expected = [
        (
            Builtin::Flat,
            r#"{"success":false,"status":422,"message":"m\"s\\g\r\n\u001f","errors":[{"field":"na\"me","message":"bad\\\u0002"}],"meta":{"timestamp":"2024-01-01T00:00:00.000Z"}}"#,
        ),
        (
            Builtin::Nested,
            r#"{"success":false,"error":{"code":422,"timestamp":"2024-01-01T00:00:00.000Z","message":"m\"s\\g\r\n\u001f","details":[{"code":"validation/invalid-na\"me","message":"bad\\\u0002"}]}}"#,
        ),
        (
            Builtin::Laravel,
            r#"{"message":"m\"s\\g\r\n\u001f","errors":{"na\"me":["bad\\\u0002"]}}"#,
        ),
        (
            Builtin::Compact,
            r#"{"error":{"message":"m\"s\\g\r\n\u001f","details":[{"field":"na\"me","message":"bad\\\u0002"}]}}"#,
        ),
        (
            Builtin::Problem,
            r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"m\"s\\g\r\n\u001f","code":"c\"o\\d\u0000e","errors":[{"detail":"bad\\\u0002","pointer":"#/na%22me"}]}"##,
        ),
    ];
    for (format, body) in expected {
        let rendered = render(&err, format);
        assert_eq!(rendered, body, "{format}");
        serde_json::from_str::<serde_json::Value>(&rendered).unwrap();
    }
}

#[test]
fn a_hand_written_message_is_escaped_by_the_sink() {
    for format in Builtin::ALL {
        let rendered = render(&HostileMessage, format);
        let value: serde_json::Value = serde_json::from_str(&rendered).unwrap();
        let text = format!("a\"{NASTY}\\z");
        assert_eq!(HostileMessage.message(), text);
        assert!(
            value
                .to_string()
                .contains(&serde_json::to_string(&text).unwrap()),
            "{format}: {rendered}"
        );
    }
}

#[test]
fn the_catalogue_records_retry_after_and_placeholders() {
    #[derive(ApiError)]
    enum E {
        #[api(status = 429, message = "Wait {secs}s, {who}; {secs}s.")]
        Slow {
            #[api(retry_after)]
            secs: u64,
            who: String,
        },
        #[api(status = 404)]
        NotFound,
    }
    assert!(E::CATALOGUE[0].has_retry_after());
    assert_eq!(E::CATALOGUE[0].placeholders(), ["secs", "who", "secs"]);
    assert!(!E::CATALOGUE[1].has_retry_after());
    assert_eq!(E::CATALOGUE[1].placeholders(), [] as [&str; 0]);
    let _ = (
        E::Slow {
            secs: 1,
            who: String::new(),
        },
        E::NotFound,
    );
}

#[test]
fn format_specs_follow_their_traits() {
    #[derive(Debug, ApiError)]
    enum E<T> {
        #[api(status = 400, message = "{0:?} {1:#x} {1:>5} {2:.2} {2:e} {1:08b}")]
        Bad(T, u32, f64),
    }
    assert_eq!(
        E::Bad("q", 10, 1.5).message(),
        r#""q" 0xa    10 1.50 1.5e0 00001010"#
    );
}
