//! A static variant's body is laid out once per format (and with or without a request id)
//! and then copied around the timestamp and the request id: the copies are byte for byte
//! what the normal rendering path writes, at any time, with any id, in any locale that
//! leaves the message as it is; a version override, a translated message or a different
//! enclosing enum bypasses them.

use std::time::{Duration, UNIX_EPOCH};

use error_core::format::{Builtin, ErrorView, Format};
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

/// Translated in `tests/locales` (the same catalogue as test_translations.rs; the two
/// templated variants are there because the files translate them).
#[derive(Debug, ApiError)]
#[allow(dead_code)]
#[api(locales = "locales")]
enum Translated {
    #[api(status = 404, code = "lead/not-found")]
    NotFound { id: u64 },
    #[api(status = 429)]
    Quota { used: u32, limit: String },
    #[api(status = 503, message = "Down for maintenance.")]
    Maintenance,
    #[api(
        status = 401,
        message = "Authentication required.",
        www_authenticate = "Bearer"
    )]
    Auth,
    #[api(status = 409, message = "Conflict.")]
    Conflict,
}

/// Through `render_into`: the cached body when there is one.
fn render(err: &impl ApiError, format: Builtin, ctx: &RenderContext<'_>) -> String {
    let mut out = Vec::new();
    err.render_into(&format, ctx, &mut out);
    String::from_utf8(out).unwrap()
}

/// The normal path: the format writes the error's view piece by piece, no cache.
fn uncached(err: &impl ApiError, format: Builtin, ctx: &RenderContext<'_>) -> String {
    let mut out = Vec::new();
    format.render(&ErrorView::new(err, ctx), &mut out);
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
    let long_id = "z".repeat(error_core::http::MAX_REQUEST_ID_LEN);
    let ids = [
        None,
        Some("req-1"),
        Some("a/b+c=d~e.f_g-h"),
        Some(&*long_id),
    ];
    for format in Builtin::ALL {
        for timestamp in times {
            for id in ids {
                let mut ctx = RenderContext::at(timestamp);
                if let Some(id) = id {
                    ctx = ctx.with_request_id(id);
                }
                let normal = uncached(&LeadError::MissingApiKey, format, &ctx);
                if let Some(id) = id {
                    // The id is in the body where the format has a place for it.
                    let writes_id = !matches!(
                        format,
                        Builtin::Nested | Builtin::Laravel | Builtin::Compact | Builtin::Microsoft
                    );
                    assert_eq!(normal.contains(id), writes_id, "{format}");
                }
                for _ in 0..2 {
                    assert_eq!(
                        render(&LeadError::MissingApiKey, format, &ctx),
                        normal,
                        "{format} at {timestamp} with {id:?}"
                    );
                }
            }
        }
    }
    // Every format, without and with a request id.
    assert_eq!(cached(&LeadError::CATALOGUE[0]), "16");
}

#[test]
fn a_locale_that_leaves_the_message_as_it_is_uses_the_cache() {
    let variants = [
        Translated::Maintenance,
        Translated::Auth,
        Translated::Conflict,
    ];
    for format in Builtin::ALL {
        for locale in [None, Some("de"), Some("en"), Some("fr"), Some("xx")] {
            for id in [None, Some("req-7")] {
                let mut ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_123));
                if let Some(id) = id {
                    ctx = ctx.with_request_id(id);
                }
                if let Some(locale) = locale {
                    ctx = ctx.with_locale(locale);
                }
                for variant in &variants {
                    let normal = uncached(variant, format, &ctx);
                    for _ in 0..2 {
                        assert_eq!(
                            render(variant, format, &ctx),
                            normal,
                            "{format} {variant:?} in {locale:?} with {id:?}"
                        );
                    }
                }
            }
        }
    }
    // German is a translation (rendered piece by piece, not cached), the rest the message.
    let ctx = RenderContext::at(Timestamp::from_unix_millis(0)).with_locale("de");
    assert_eq!(
        render(&Translated::Maintenance, Builtin::Laravel, &ctx),
        r#"{"message":"Wartungsarbeiten, bitte später erneut versuchen."}"#
    );
    assert_eq!(
        render(&Translated::Conflict, Builtin::Laravel, &ctx),
        r#"{"message":"Conflict."}"#
    );
    // Every variant in every format, without and with an id: the cached bodies are the
    // untranslated ones, shared by every locale that has no translation.
    for entry in &Translated::CATALOGUE[2..] {
        assert_eq!(cached(entry), "16", "{}", entry.variant());
    }
}

#[test]
fn the_cached_bodies_are_the_envelopes() {
    let ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_123));
    let message = r#""Authentication \"required\".""#;
    // (format, body without a request id, body with `req-1`, the same when it has no place)
    let expected = [
        (
            Builtin::Flat,
            format!(
                r#"{{"success":false,"status":401,"message":{message},"meta":{{"timestamp":"2026-02-08T12:00:00.123Z","version":"v1"}}}}"#
            ),
            format!(
                r#"{{"success":false,"status":401,"message":{message},"meta":{{"timestamp":"2026-02-08T12:00:00.123Z","version":"v1","request_id":"req-1"}}}}"#
            ),
        ),
        (
            Builtin::Nested,
            format!(
                r#"{{"success":false,"error":{{"code":401,"timestamp":"2026-02-08T12:00:00.123Z","message":{message},"details":"missing_api_key"}}}}"#
            ),
            String::new(),
        ),
        (
            Builtin::Laravel,
            format!(r#"{{"message":{message}}}"#),
            String::new(),
        ),
        (
            Builtin::Compact,
            format!(r#"{{"error":{{"message":{message},"details":null}}}}"#),
            String::new(),
        ),
        (
            Builtin::Problem,
            format!(
                r#"{{"type":"https://errors.example.com/missing_api_key","title":"Unauthorized","status":401,"detail":{message},"code":"missing_api_key"}}"#
            ),
            format!(
                r#"{{"type":"https://errors.example.com/missing_api_key","title":"Unauthorized","status":401,"detail":{message},"code":"missing_api_key","request_id":"req-1"}}"#
            ),
        ),
        (
            Builtin::Aip,
            format!(
                r#"{{"error":{{"code":401,"message":{message},"status":"UNAUTHENTICATED","details":[{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"MISSING_API_KEY"}}]}}}}"#
            ),
            format!(
                r#"{{"error":{{"code":401,"message":{message},"status":"UNAUTHENTICATED","details":[{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"MISSING_API_KEY"}},{{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"req-1"}}]}}}}"#
            ),
        ),
        (
            Builtin::JsonApi,
            format!(
                r#"{{"errors":[{{"status":"401","code":"missing_api_key","title":"Unauthorized","detail":{message}}}]}}"#
            ),
            format!(
                r#"{{"errors":[{{"status":"401","code":"missing_api_key","title":"Unauthorized","detail":{message},"meta":{{"request_id":"req-1"}}}}]}}"#
            ),
        ),
        (
            Builtin::Microsoft,
            format!(r#"{{"error":{{"code":"MissingApiKey","message":{message}}}}}"#),
            String::new(),
        ),
    ];
    for (format, body, with_id) in expected {
        let with_id = if with_id.is_empty() { &body } else { &with_id };
        for _ in 0..2 {
            assert_eq!(
                render(&LeadError::MissingApiKey, format, &ctx),
                body,
                "{format}"
            );
            assert_eq!(
                render(
                    &LeadError::MissingApiKey,
                    format,
                    &ctx.with_request_id("req-1")
                ),
                *with_id,
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
fn a_request_id_is_spliced_in_and_a_version_override_bypasses_the_cache() {
    #[derive(ApiError)]
    #[api(version = "v1", format = error_core::format::Flat)]
    enum E {
        #[api(status = 409, message = "Taken.")]
        Taken,
    }
    let ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_123));
    assert_eq!(
        render(&E::Taken, Builtin::Flat, &ctx.with_version("v2")),
        r#"{"success":false,"status":409,"message":"Taken.","meta":{"timestamp":"2026-02-08T12:00:00.123Z","version":"v2"}}"#
    );
    assert_eq!(cached(&E::CATALOGUE[0]), "0");
    // The enum's own version as an override changes nothing: the cache serves it.
    assert_eq!(
        render(&E::Taken, Builtin::Flat, &ctx.with_version("v1")),
        r#"{"success":false,"status":409,"message":"Taken.","meta":{"timestamp":"2026-02-08T12:00:00.123Z","version":"v1"}}"#
    );
    assert_eq!(cached(&E::CATALOGUE[0]), "1");
    for id in ["req-1", "req-22"] {
        assert_eq!(
            render(&E::Taken, Builtin::Flat, &ctx.with_request_id(id)),
            format!(
                r#"{{"success":false,"status":409,"message":"Taken.","meta":{{"timestamp":"2026-02-08T12:00:00.123Z","version":"v1","request_id":"{id}"}}}}"#
            )
        );
        assert_eq!(cached(&E::CATALOGUE[0]), "2");
    }
    // Once the body is cached, an override still wins.
    assert_eq!(
        render(&E::Taken, Builtin::Flat, &ctx.with_version("v2")),
        r#"{"success":false,"status":409,"message":"Taken.","meta":{"timestamp":"2026-02-08T12:00:00.123Z","version":"v2"}}"#
    );
}

#[test]
fn a_message_that_holds_the_sentinel_id_is_not_mistaken_for_it() {
    #[derive(ApiError)]
    enum E {
        #[api(status = 410, message = "Gone: ~cached.request.id.a~.")]
        Gone,
    }
    let ctx = RenderContext::at(Timestamp::from_unix_millis(0)).with_request_id("r");
    for _ in 0..2 {
        assert_eq!(
            render(&E::Gone, Builtin::Problem, &ctx),
            r#"{"type":"about:blank","title":"Gone","status":410,"detail":"Gone: ~cached.request.id.a~.","code":"gone","request_id":"r"}"#
        );
    }
    // Problem writes the message before the id: the split fails, nothing is cached.
    assert_eq!(cached(&E::CATALOGUE[0]), "0");
}

#[test]
fn aip_writes_meta_and_retry_after_values_so_they_are_not_cached() {
    #[derive(ApiError)]
    enum E {
        #[api(status = 503, message = "Try later.")]
        Later {
            #[api(retry_after)]
            after: Duration,
        },
        #[api(status = 403, message = "No.")]
        No {
            #[api(meta)]
            region: &'static str,
        },
    }
    let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
    for _ in 0..2 {
        for (secs, body) in [(1, "1s"), (2, "2s")] {
            assert_eq!(
                render(
                    &E::Later {
                        after: Duration::from_secs(secs)
                    },
                    Builtin::Aip,
                    &ctx
                ),
                format!(
                    r#"{{"error":{{"code":503,"message":"Try later.","status":"UNAVAILABLE","details":[{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LATER"}},{{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"{body}"}}]}}}}"#
                )
            );
        }
        for region in ["eu", "us"] {
            assert_eq!(
                render(&E::No { region }, Builtin::Aip, &ctx),
                format!(
                    r#"{{"error":{{"code":403,"message":"No.","status":"PERMISSION_DENIED","details":[{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"PERMISSION_DENIED","metadata":{{"region":"{region}"}}}}]}}}}"#
                )
            );
        }
    }
    // The other formats do not write them: those bodies are cached.
    render(&E::No { region: "eu" }, Builtin::Flat, &ctx);
    assert_eq!(cached(&E::CATALOGUE[1]), "1");
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
    // Through a `transparent` variant nothing is cached (Microsoft writes the chain as
    // `innererror`): every format gives the normal path's bytes either way.
    for format in Builtin::ALL {
        for _ in 0..2 {
            let direct = render(&Inner::Denied, format, &ctx);
            assert_eq!(direct, uncached(&Inner::Denied, format, &ctx), "{format}");
            let through = render(&One::Inner(Inner::Denied), format, &ctx);
            assert_eq!(
                through,
                uncached(&One::Inner(Inner::Denied), format, &ctx),
                "{format}"
            );
        }
    }
    let microsoft = |err: &dyn Fn(&mut Vec<u8>)| {
        let mut out = Vec::new();
        err(&mut out);
        String::from_utf8(out).unwrap()
    };
    assert_eq!(
        microsoft(&|out| One::Inner(Inner::Denied).render_into(&Builtin::Microsoft, &ctx, out)),
        r#"{"error":{"code":"Inner","message":"No.","innererror":{"code":"Denied"}}}"#
    );
    assert_eq!(
        microsoft(&|out| Inner::Denied.render_into(&Builtin::Microsoft, &ctx, out)),
        r#"{"error":{"code":"Denied","message":"No."}}"#
    );
}
