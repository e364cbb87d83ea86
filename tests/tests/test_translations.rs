//! Translations checked at compile time (`#[api(locales = "locales")]`, the files in
//! `tests/locales`), rendered in every format: whole bodies.

use error_core::format::{Builtin, ErrorView, Format};
use error_core::{ApiError, RenderContext, Timestamp};

#[derive(Debug, ApiError)]
#[api(locales = "locales", format = error_core::format::Flat)]
enum LeadError {
    // No `message`: the fallback locale's (en) is the message.
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
    // No translation anywhere but its own message.
    #[api(status = 409, message = "Conflict.")]
    Conflict,
}

fn ctx(locale: Option<&str>) -> RenderContext<'_> {
    let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
    match locale {
        Some(locale) => ctx.with_locale(locale),
        None => ctx,
    }
}

fn render(error: &LeadError, format: Builtin, locale: Option<&str>) -> String {
    let mut out = Vec::new();
    error.render_into(&format, &ctx(locale), &mut out);
    String::from_utf8(out).unwrap()
}

fn message(error: &LeadError, locale: Option<&str>) -> String {
    let ctx = ctx(locale);
    ErrorView::new(error, &ctx).message().into_owned()
}

#[test]
fn the_fallback_locale_gives_the_messages_the_attributes_leave_out() {
    let quota = LeadError::Quota {
        used: 3,
        limit: "5".into(),
    };
    assert_eq!(
        message(&LeadError::NotFound { id: 7 }, None),
        "Lead 7 was not found."
    );
    assert_eq!(message(&quota, None), "Quota \"exceeded\" 3/5.");
    let entry = &LeadError::CATALOGUE[0];
    assert_eq!(entry.message(), "Lead {id} was not found.");
    assert_eq!(
        LeadError::CATALOGUE[1].message(),
        "Quota \"exceeded\" {used}/{limit}."
    );
}

#[test]
fn each_locale_has_its_messages() {
    let not_found = LeadError::NotFound { id: 7 };
    let quota = LeadError::Quota {
        used: 3,
        limit: "<5>".into(),
    };
    let cases: [(&LeadError, Option<&str>, &str); 12] = [
        (&not_found, Some("de"), "Lead 7 wurde nicht gefunden."),
        (&not_found, Some("fr"), "Le prospect 7 est introuvable."),
        (&not_found, Some("en"), "Lead 7 was not found."),
        // A locale the enum does not have: the message it would have without one.
        (&not_found, Some("pt"), "Lead 7 was not found."),
        (&quota, Some("de"), "Kontingent „überschritten“ 3/<5>."),
        (&quota, Some("fr"), "Quota \"exceeded\" 3/<5>."),
        (
            &LeadError::Maintenance,
            Some("de"),
            "Wartungsarbeiten, bitte später erneut versuchen.",
        ),
        (&LeadError::Maintenance, Some("en"), "Down for maintenance."),
        (&LeadError::Maintenance, None, "Down for maintenance."),
        (
            &LeadError::Auth,
            Some("de"),
            "Anmeldung erforderlich: {Bearer} \\ \"Token\".",
        ),
        (&LeadError::Conflict, Some("de"), "Conflict."),
        (&LeadError::Conflict, None, "Conflict."),
    ];
    for (error, locale, want) in cases {
        assert_eq!(message(error, locale), want, "{error:?} {locale:?}");
    }
}

#[test]
fn translated_bodies_in_every_format() {
    let auth = LeadError::Auth;
    let want = [
        r#"{"success":false,"status":401,"message":"Anmeldung erforderlich: {Bearer} \\ \"Token\".","meta":{"timestamp":"1970-01-01T00:00:00.000Z"}}"#,
        r#"{"success":false,"error":{"code":401,"timestamp":"1970-01-01T00:00:00.000Z","message":"Anmeldung erforderlich: {Bearer} \\ \"Token\".","details":"auth"}}"#,
        r#"{"message":"Anmeldung erforderlich: {Bearer} \\ \"Token\"."}"#,
        r#"{"error":{"message":"Anmeldung erforderlich: {Bearer} \\ \"Token\".","details":null}}"#,
        r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Anmeldung erforderlich: {Bearer} \\ \"Token\".","code":"auth"}"#,
        // AIP-193 "Localization": `message` stays in the catalogue's language, the
        // translation is a `LocalizedMessage` detail with its locale.
        r#"{"error":{"code":401,"message":"Authentication required.","status":"UNAUTHENTICATED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"AUTH"},{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"de","message":"Anmeldung erforderlich: {Bearer} \\ \"Token\"."}]}}"#,
        r#"{"errors":[{"status":"401","code":"auth","title":"Unauthorized","detail":"Anmeldung erforderlich: {Bearer} \\ \"Token\"."}]}"#,
        r#"{"error":{"code":"Auth","message":"Anmeldung erforderlich: {Bearer} \\ \"Token\"."}}"#,
    ];
    assert_eq!(Builtin::ALL.len(), want.len());
    for (format, want) in Builtin::ALL.into_iter().zip(want) {
        assert_eq!(render(&auth, format, Some("de")), want, "{format}");
    }
    let quota = LeadError::Quota {
        used: 3,
        limit: "\"5\"\n".into(),
    };
    assert_eq!(
        render(&quota, Builtin::Problem, Some("de")),
        r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Kontingent „überschritten“ 3/\"5\"\n.","code":"quota"}"#
    );
    assert_eq!(Builtin::Problem.content_type(), "application/problem+json");
}

/// A `transparent` variant forwards the locale to the inner error, whose translations it
/// renders; the outer enum needs no `locales` of its own.
#[test]
fn transparent_variants_forward_the_locale() {
    #[derive(Debug, ApiError)]
    #[api(format = error_core::format::Flat)]
    enum AppError {
        #[api(transparent)]
        Lead(LeadError),
        #[api(status = 400, message = "Bad request.")]
        Bad,
    }
    let ctx = ctx(Some("de"));
    let lead = AppError::Lead(LeadError::NotFound { id: 7 });
    assert_eq!(
        ErrorView::new(&lead, &ctx).message(),
        "Lead 7 wurde nicht gefunden."
    );
    assert_eq!(
        ErrorView::new(&AppError::Bad, &ctx).message(),
        "Bad request."
    );
    let mut out = Vec::new();
    lead.render_into(&Builtin::Problem, &ctx, &mut out);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Lead 7 wurde nicht gefunden.","code":"lead/not-found"}"#
    );
}

/// A static variant's body is cached per format after its first rendering; a rendering in
/// another locale must not be served that cached body (nor fill it with its own).
#[test]
fn the_static_body_cache_never_crosses_locales() {
    let auth = LeadError::Auth;
    for format in Builtin::ALL {
        for _ in 0..3 {
            let english = render(&auth, format, None);
            assert!(
                english.contains("Authentication required."),
                "{format}: {english}"
            );
            let german = render(&auth, format, Some("de"));
            assert!(
                german.contains("Anmeldung erforderlich"),
                "{format}: {german}"
            );
            let translated = r#"Anmeldung erforderlich: {Bearer} \\ \"Token\"."#;
            let want = if format == Builtin::Aip {
                // The message stays; the translation is one more detail.
                english.replace(
                    "]}}",
                    &format!(
                        r#",{{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"de","message":"{translated}"}}]}}}}"#
                    ),
                )
            } else {
                english.replace("Authentication required.", translated)
            };
            assert_eq!(german, want, "{format}");
        }
    }
}

/// gRPC (feature `tonic`): with a negotiated language, the error's own translation is sent as
/// `google.rpc.LocalizedMessage`; the status message stays the fallback locale's.
#[cfg(feature = "tonic")]
#[test]
fn grpc_sends_the_translation_as_a_localized_message() {
    use error_core::grpc::{to_status, GrpcContext};
    use tonic_types::StatusExt;

    let ctx = GrpcContext::new("leads.example.com").with_translation("de");
    let status = to_status(&LeadError::Auth, &ctx);
    assert_eq!(status.message(), "Authentication required.");
    let localized = status.get_details_localized_message().unwrap();
    assert_eq!(localized.locale, "de");
    assert_eq!(
        localized.message,
        r#"Anmeldung erforderlich: {Bearer} \ "Token"."#
    );

    // No translation in that language, or none asked for: no LocalizedMessage.
    let status = to_status(&LeadError::Conflict, &ctx);
    assert!(status.get_details_localized_message().is_none());
    let status = to_status(&LeadError::Auth, &GrpcContext::new("leads.example.com"));
    assert!(status.get_details_localized_message().is_none());
}

/// The reference Fluent implementation (`fluent-bundle`, without its Unicode isolation marks)
/// formats every message of `tests/locales` with the variant's field values as arguments:
/// the derive's compile-time rendering gives the same text, in every locale, for plain and
/// hostile values alike.
#[test]
fn translations_agree_with_fluent_bundle() {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

    let files = [
        ("en", include_str!("../locales/en/errors.ftl")),
        ("de", include_str!("../locales/de/errors.ftl")),
        ("fr", include_str!("../locales/fr/errors.ftl")),
    ];
    let cases = [
        (
            LeadError::NotFound { id: 7 },
            "lead--not-found",
            vec![("id", "7".to_owned())],
        ),
        (
            LeadError::NotFound { id: u64::MAX },
            "lead--not-found",
            vec![("id", u64::MAX.to_string())],
        ),
        (
            LeadError::Quota {
                used: 3,
                limit: "5".into(),
            },
            "quota",
            vec![("used", "3".to_owned()), ("limit", "5".to_owned())],
        ),
        (
            LeadError::Quota {
                used: 0,
                limit: "{ $used } \"\\\n\u{202e}<b>".into(),
            },
            "quota",
            vec![
                ("used", "0".to_owned()),
                ("limit", "{ $used } \"\\\n\u{202e}<b>".to_owned()),
            ],
        ),
        (LeadError::Maintenance, "maintenance", vec![]),
        (LeadError::Auth, "auth", vec![]),
    ];
    let mut compared = 0;
    for (locale, source) in files {
        let resource = FluentResource::try_new(source.to_owned()).unwrap();
        let mut bundle = FluentBundle::default();
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).unwrap();
        for (error, id, args) in &cases {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut fluent_args = FluentArgs::new();
            for (name, value) in args {
                // Strings, as the derive passes every value through `Display`.
                fluent_args.set(*name, value.clone());
            }
            let mut errors = Vec::new();
            let want = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            assert!(errors.is_empty(), "{locale} {id}: {errors:?}");
            assert_eq!(message(error, Some(locale)), want, "{locale} {id}");
            compared += 1;
        }
    }
    // en: 2 messages × their cases, de: 4 messages, fr: 1.
    assert_eq!(compared, 4 + 6 + 2);
}

/// A static variant's translated body is cached too, per locale and format (issue 16 E: a
/// translated static variant costs about what the default one does), and it is the bytes of
/// the uncached rendering.
#[test]
fn translated_static_bodies_are_cached_per_locale() {
    let auth = LeadError::Auth;
    let bodies = error_core::__private::static_bodies(auth.entry()).unwrap();
    for format in Builtin::ALL {
        let uncached = {
            let ctx = ctx(Some("de"));
            let mut out = Vec::new();
            format.render(&ErrorView::new(&auth, &ctx), &mut out);
            String::from_utf8(out).unwrap()
        };
        for _ in 0..2 {
            assert_eq!(render(&auth, format, Some("de")), uncached, "{format}");
        }
    }
    // One German body per format (no request id here); French has no translation of `auth`.
    let debug = format!("{bodies:?}");
    assert!(debug.contains("translated: 8"), "{debug}");
    assert_eq!(
        render(&auth, Builtin::Flat, Some("fr")),
        render(&auth, Builtin::Flat, None)
    );
}
