//! A static variant's body is laid out once per format and then copied around the
//! timestamp: the copies are byte for byte what the normal rendering path writes, at any
//! time, and a request id, a version override or a different enclosing enum bypasses them.

use std::time::{Duration, UNIX_EPOCH};

use error_core::format::Builtin;
use error_core::{ApiError, RenderContext, Timestamp};

#[derive(Debug, ApiError)]
#[api(version = "v1", type_base = "https://errors.example.com/")]
enum LeadError {
    #[api(
        status = 401,
        code = "missing_api_key",
        message = "Authentication \"required\".",
        www_authenticate = "Bearer"
    )]
    MissingApiKey,
    #[api(status = 404, message = "Lead {id} was not found.")]
    NotFound { id: u64 },
}

fn render(err: &impl ApiError, format: Builtin, ctx: &RenderContext<'_>) -> String {
    let mut out = Vec::new();
    err.render_into(&format, ctx, &mut out);
    String::from_utf8(out).unwrap()
}

/// How many bodies the variant's cache holds (its entry's `Debug` shows the count).
fn cached(entry: &error_core::CatalogueEntry) -> String {
    let debug = format!("{entry:?}");
    let at = debug.find("cached: ").expect("a static variant has bodies");
    debug[at + 8..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

#[test]
fn the_cached_bodies_are_the_normal_path_s_bytes_at_any_time() {
    let times = [
        Timestamp::from_unix_millis(0),
        Timestamp::from_unix_millis(1),
        Timestamp::from_unix_millis(999),
        Timestamp::from_unix_millis(1_770_552_000_123),
        Timestamp::from_unix_millis(32_503_679_999_999),
        Timestamp::from_unix_millis(253_402_300_799_999),
        Timestamp::from_unix_millis(253_402_300_800_000),
        Timestamp::from(UNIX_EPOCH + Duration::from_nanos(1_770_552_000_123_456_789)),
        Timestamp::from(UNIX_EPOCH + Duration::from_nanos(1_770_552_000_123_999_999)),
        Timestamp::from(UNIX_EPOCH + Duration::from_nanos(1_770_552_000_124_000_000)),
    ];
    for format in Builtin::ALL {
        for timestamp in times {
            let ctx = RenderContext::at(timestamp);
            // The enum's own version as an override: the same bytes, by the normal path.
            let normal = render(&LeadError::MissingApiKey, format, &ctx.with_version("v1"));
            for _ in 0..2 {
                assert_eq!(
                    render(&LeadError::MissingApiKey, format, &ctx),
                    normal,
                    "{format} at {timestamp}"
                );
            }
        }
    }
    assert_eq!(cached(&LeadError::CATALOGUE[0]), "5");
}

#[test]
fn the_cached_bodies_are_the_envelopes() {
    let ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_123));
    let expected = [
        (
            Builtin::Flat,
            r#"{"success":false,"status":401,"message":"Authentication \"required\".","meta":{"timestamp":"2026-02-08T12:00:00.123Z","version":"v1"}}"#,
        ),
        (
            Builtin::Nested,
            r#"{"success":false,"error":{"code":401,"timestamp":"2026-02-08T12:00:00.123Z","message":"Authentication \"required\".","details":"missing_api_key"}}"#,
        ),
        (
            Builtin::Laravel,
            r#"{"message":"Authentication \"required\"."}"#,
        ),
        (
            Builtin::Compact,
            r#"{"error":{"message":"Authentication \"required\".","details":null}}"#,
        ),
        (
            Builtin::Problem,
            r#"{"type":"https://errors.example.com/missing_api_key","title":"Unauthorized","status":401,"detail":"Authentication \"required\".","code":"missing_api_key"}"#,
        ),
    ];
    for (format, body) in expected {
        for _ in 0..2 {
            assert_eq!(
                render(&LeadError::MissingApiKey, format, &ctx),
                body,
                "{format}"
            );
        }
    }
}

#[test]
fn only_static_variants_have_bodies() {
    let templated = LeadError::NotFound { id: 7 };
    assert!(!format!("{:?}", templated.entry()).contains("cached"));
    assert!(format!("{:?}", LeadError::CATALOGUE[0]).contains("cached"));
}

#[test]
fn a_request_id_or_a_version_override_bypasses_the_cache() {
    #[derive(ApiError)]
    #[api(version = "v1", format = error_core::format::Flat)]
    enum E {
        #[api(status = 409, message = "Taken.")]
        Taken,
    }
    let ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_123));
    assert_eq!(
        render(&E::Taken, Builtin::Flat, &ctx.with_request_id("req-1")),
        r#"{"success":false,"status":409,"message":"Taken.","meta":{"timestamp":"2026-02-08T12:00:00.123Z","version":"v1","request_id":"req-1"}}"#
    );
    assert_eq!(
        render(&E::Taken, Builtin::Flat, &ctx.with_version("v2")),
        r#"{"success":false,"status":409,"message":"Taken.","meta":{"timestamp":"2026-02-08T12:00:00.123Z","version":"v2"}}"#
    );
    assert_eq!(cached(&E::CATALOGUE[0]), "0");
    // Once the body is cached, an override still wins.
    render(&E::Taken, Builtin::Flat, &ctx);
    assert_eq!(cached(&E::CATALOGUE[0]), "1");
    assert_eq!(
        render(&E::Taken, Builtin::Flat, &ctx.with_request_id("req-2")),
        r#"{"success":false,"status":409,"message":"Taken.","meta":{"timestamp":"2026-02-08T12:00:00.123Z","version":"v1","request_id":"req-2"}}"#
    );
}

#[test]
fn a_message_that_holds_a_timestamp_is_not_mistaken_for_it() {
    #[derive(ApiError)]
    enum E {
        #[api(status = 410, message = "Gone since 1970-01-01T00:00:00.000Z.")]
        Gone,
        #[api(status = 410, message = "Gone since 2999-12-31T23:59:59.999Z.")]
        GoneLater,
    }
    let ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_123));
    for _ in 0..2 {
        assert_eq!(
            render(&E::Gone, Builtin::Nested, &ctx),
            r#"{"success":false,"error":{"code":410,"timestamp":"2026-02-08T12:00:00.123Z","message":"Gone since 1970-01-01T00:00:00.000Z.","details":"gone"}}"#
        );
        assert_eq!(
            render(&E::GoneLater, Builtin::Nested, &ctx),
            r#"{"success":false,"error":{"code":410,"timestamp":"2026-02-08T12:00:00.123Z","message":"Gone since 2999-12-31T23:59:59.999Z.","details":"gone_later"}}"#
        );
    }
    for _ in 0..2 {
        // Flat writes the message before the timestamp: the first sentinel stamp found is
        // the message's, the split fails, and this body is rendered by the normal path.
        assert_eq!(
            render(&E::Gone, Builtin::Flat, &ctx),
            r#"{"success":false,"status":410,"message":"Gone since 1970-01-01T00:00:00.000Z.","meta":{"timestamp":"2026-02-08T12:00:00.123Z"}}"#
        );
    }
    // Nested writes the timestamp first, so both its bodies are cached; Flat's is not.
    assert_eq!(cached(&E::CATALOGUE[0]), "1");
    assert_eq!(cached(&E::CATALOGUE[1]), "1");
}

#[test]
fn an_inner_variant_renders_with_each_outer_enum_s_settings() {
    #[derive(ApiError)]
    enum Inner {
        #[api(status = 403, message = "No.")]
        Denied,
    }
    #[derive(ApiError)]
    #[api(version = "v1")]
    enum One {
        #[api(transparent)]
        Inner(Inner),
    }
    #[derive(ApiError)]
    #[api(version = "v2")]
    enum Two {
        #[api(transparent)]
        Inner(Inner),
    }
    let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
    let body = |version: &str| {
        format!(
            r#"{{"success":false,"status":403,"message":"No.","meta":{{"timestamp":"1970-01-01T00:00:00.000Z"{version}}}}}"#
        )
    };
    for _ in 0..2 {
        assert_eq!(
            render(&One::Inner(Inner::Denied), Builtin::Flat, &ctx),
            body(r#","version":"v1""#)
        );
        assert_eq!(
            render(&Two::Inner(Inner::Denied), Builtin::Flat, &ctx),
            body(r#","version":"v2""#)
        );
        assert_eq!(render(&Inner::Denied, Builtin::Flat, &ctx), body(""));
    }
}
