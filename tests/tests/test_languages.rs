//! Language negotiation over real HTTP, in both adapters: `Accept-Language` (q-values,
//! `de-AT` → `de` → the default) chooses the language of each error's message among the
//! service's languages, together with the format from `Accept`; every error response says
//! `Content-Language` (the language the message is really in) and
//! `Vary: Accept, Accept-Language`. Whole bodies and header lists, on a fixed clock; the
//! translations are `tests/locales/*/errors.ftl`, checked at compile time.

use error_core::format::Builtin;
use error_core::http::ErrorSettings;
use error_core::{ApiError, FixedClock, Timestamp};

#[derive(Debug, ApiError, thiserror::Error)]
#[api(axum, locales = "locales")]
enum LeadError {
    #[api(status = 404, code = "lead/not-found")]
    #[error("lead {id} not found")]
    NotFound { id: u64 },
    #[api(status = 429)]
    #[error("quota")]
    Quota { used: u32, limit: String },
    #[api(status = 503, message = "Down for maintenance.")]
    #[error("maintenance")]
    Maintenance,
    #[api(
        status = 401,
        message = "Authentication required.",
        www_authenticate = "Bearer"
    )]
    #[error("auth")]
    // Declared because `tests/locales` translates it (else an orphan); rendered in
    // test_translations.rs.
    #[allow(dead_code)]
    Auth,
    #[api(status = 409, message = "Conflict.")]
    #[error("conflict")]
    Conflict,
}

fn settings() -> ErrorSettings {
    ErrorSettings::new()
        .format(Builtin::Flat)
        .negotiate()
        .languages(["en", "de", "fr"])
        .clock(FixedClock(Timestamp::from_unix_millis(1_770_552_000_000)))
}

fn flat(status: u16, message: &str) -> String {
    format!(
        r#"{{"success":false,"status":{status},"message":"{message}","meta":{{"timestamp":"2026-02-08T12:00:00.000Z","request_id":"r1"}}}}"#
    )
}

/// Path, `Accept-Language`, `Accept`; then status, `Content-Language`, content type, body.
type Case = (
    &'static str,
    &'static [&'static str],
    Option<&'static str>,
    u16,
    &'static str,
    &'static str,
    String,
);

fn cases() -> Vec<Case> {
    let problem_fr = r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Le prospect 7 est introuvable.","code":"lead/not-found","request_id":"r1"}"#;
    vec![
        (
            "/leads/7",
            &[],
            None,
            404,
            "en",
            "application/json",
            flat(404, "Lead 7 was not found."),
        ),
        (
            "/leads/7",
            &["de"],
            None,
            404,
            "de",
            "application/json",
            flat(404, "Lead 7 wurde nicht gefunden."),
        ),
        (
            "/leads/7",
            &["de-AT"],
            None,
            404,
            "de",
            "application/json",
            flat(404, "Lead 7 wurde nicht gefunden."),
        ),
        (
            "/leads/7",
            &["fr;q=0.5, de;q=0.9"],
            None,
            404,
            "de",
            "application/json",
            flat(404, "Lead 7 wurde nicht gefunden."),
        ),
        (
            "/leads/7",
            &["ja, fr-CA;q=0.3"],
            None,
            404,
            "fr",
            "application/json",
            flat(404, "Le prospect 7 est introuvable."),
        ),
        (
            "/leads/7",
            &["ja"],
            None,
            404,
            "en",
            "application/json",
            flat(404, "Lead 7 was not found."),
        ),
        (
            "/leads/7",
            &["ja", "fr"],
            None,
            404,
            "fr",
            "application/json",
            flat(404, "Le prospect 7 est introuvable."),
        ),
        (
            "/leads/7",
            &["fr"],
            Some("application/problem+json"),
            404,
            "fr",
            "application/problem+json",
            problem_fr.to_owned(),
        ),
        (
            "/quota",
            &["de"],
            None,
            429,
            "de",
            "application/json",
            flat(429, "Kontingent „überschritten“ 3/5."),
        ),
        (
            "/quota",
            &["fr"],
            None,
            429,
            "en",
            "application/json",
            flat(429, r#"Quota \"exceeded\" 3/5."#),
        ),
        (
            "/maintenance",
            &["de"],
            None,
            503,
            "de",
            "application/json",
            flat(503, "Wartungsarbeiten, bitte später erneut versuchen."),
        ),
        // No translation: the message is the default language's, and says so.
        (
            "/conflict",
            &["de"],
            None,
            409,
            "en",
            "application/json",
            flat(409, "Conflict."),
        ),
    ]
}

fn headers(content_language: &str, content_type: &str, body: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = [
        ("cache-control", "no-store"),
        ("content-language", content_language),
        ("content-type", content_type),
        ("vary", "Accept"),
        ("vary", "Accept-Language"),
        ("x-content-type-options", "nosniff"),
        ("x-request-id", "r1"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    out.push(("content-length".into(), body.len().to_string()));
    out.sort();
    out
}

fn sorted<'a>(pairs: impl Iterator<Item = (&'a str, &'a [u8])>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pairs
        .filter(|(k, _)| *k != "date")
        .map(|(k, v)| (k.to_owned(), String::from_utf8(v.to_vec()).unwrap()))
        .collect();
    out.sort();
    out
}

mod axum_adapter {
    use super::*;
    use axum::routing::get;
    use axum::Router;
    use error_core::http::axum::{ErrorLayer, Path};

    async fn lead(Path(id): Path<u64>) -> Result<String, LeadError> {
        Err(LeadError::NotFound { id })
    }

    #[tokio::test]
    async fn accept_language_chooses_the_language() {
        let app = Router::new()
            .route("/leads/{id}", get(lead))
            .route(
                "/quota",
                get(|| async {
                    Err::<String, _>(LeadError::Quota {
                        used: 3,
                        limit: "5".into(),
                    })
                }),
            )
            .route(
                "/maintenance",
                get(|| async { Err::<String, _>(LeadError::Maintenance) }),
            )
            .route(
                "/conflict",
                get(|| async { Err::<String, _>(LeadError::Conflict) }),
            )
            .layer(ErrorLayer::new(settings()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        let client = reqwest::Client::new();
        for (path, languages, accept, status, language, content_type, body) in cases() {
            let mut req = client
                .get(format!("{base}{path}"))
                .header("x-request-id", "r1");
            for value in languages {
                req = req.header(reqwest::header::ACCEPT_LANGUAGE, *value);
            }
            if let Some(accept) = accept {
                req = req.header(reqwest::header::ACCEPT, accept);
            }
            let res = req.send().await.unwrap();
            let got_status = res.status().as_u16();
            let got_headers = sorted(
                res.headers()
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_bytes())),
            );
            let got_body = res.text().await.unwrap();
            assert_eq!(
                (got_status, got_headers, got_body.as_str()),
                (
                    status,
                    headers(language, content_type, &body),
                    body.as_str()
                ),
                "{path} {languages:?}"
            );
        }
    }
}

#[cfg(feature = "actix-web")]
mod actix_adapter {
    use super::*;
    use actix_web::{web, App, HttpResponse};
    use error_core::http::actix::{ErrorScope, HttpError};

    type Result = std::result::Result<HttpResponse, HttpError<LeadError>>;

    #[actix_web::test]
    async fn accept_language_chooses_the_language() {
        let srv = actix_test::start(|| {
            App::new()
                .route(
                    "/leads/{id}",
                    web::get().to(|id: web::Path<u64>| async move {
                        Err::<HttpResponse, _>(HttpError(LeadError::NotFound {
                            id: id.into_inner(),
                        }))
                    }),
                )
                .route(
                    "/quota",
                    web::get().to(|| async {
                        Err::<HttpResponse, _>(HttpError(LeadError::Quota {
                            used: 3,
                            limit: "5".into(),
                        }))
                    }),
                )
                .route(
                    "/maintenance",
                    web::get().to(|| async { Result::Err(HttpError(LeadError::Maintenance)) }),
                )
                .route(
                    "/conflict",
                    web::get().to(|| async { Result::Err(HttpError(LeadError::Conflict)) }),
                )
                .wrap(ErrorScope::new(settings()))
        });
        for (path, languages, accept, status, language, content_type, body) in cases() {
            let mut req = srv.get(path).insert_header(("x-request-id", "r1"));
            for value in languages {
                req = req.append_header(("accept-language", *value));
            }
            if let Some(accept) = accept {
                req = req.insert_header(("accept", accept));
            }
            let mut res = req.send().await.unwrap();
            let got_status = res.status().as_u16();
            let got_headers = sorted(
                res.headers()
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_bytes())),
            );
            let got_body = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
            assert_eq!(
                (got_status, got_headers, got_body.as_str()),
                (
                    status,
                    headers(language, content_type, &body),
                    body.as_str()
                ),
                "{path} {languages:?}"
            );
        }
    }
}
