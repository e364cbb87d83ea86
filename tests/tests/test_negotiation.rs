//! Format negotiation over real HTTP, in both adapters: each error's envelope is chosen from
//! the request's `Accept` among the formats the service offers (q-values honoured, the
//! default when nothing matches, never a 406), and every error response says `Vary: Accept`.
//! Whole bodies and whole header lists, on a fixed clock.

use error_core::format::{Builtin, ErrorView, Format};
use error_core::http::ErrorSettings;
use error_core::{json, ApiError, FixedClock, Timestamp};

/// A format of the service's own, offered for its media type: the negotiable set is open.
#[derive(Default)]
struct VndApi;

impl Format for VndApi {
    fn content_type(&self) -> &'static str {
        "application/vnd.api+json"
    }

    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"errors\":[{\"status\":\"");
        error.write_status(out);
        out.extend_from_slice(b"\"");
        json::write_key(out, "code");
        error.write_code_json(out);
        json::write_key(out, "detail");
        error.write_message_json(out);
        out.extend_from_slice(b"}]}");
    }
}

#[derive(Debug, ApiError, thiserror::Error)]
#[api(axum)]
enum LeadError {
    #[api(
        status = 404,
        code = "lead/not-found",
        message = "Lead {id} was not found."
    )]
    #[error("lead {id} not found")]
    NotFound { id: u64 },
}

fn settings() -> ErrorSettings {
    ErrorSettings::new()
        .format(Builtin::Flat)
        .negotiate()
        .offer(VndApi)
        .clock(FixedClock(Timestamp::from_unix_millis(1_770_552_000_000)))
}

const FLAT: &str = r#"{"success":false,"status":404,"message":"Lead 7 was not found.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","request_id":"r1"}}"#;
const PROBLEM: &str = r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Lead 7 was not found.","code":"lead/not-found","request_id":"r1"}"#;
const VND: &str =
    r#"{"errors":[{"status":"404","code":"lead/not-found","detail":"Lead 7 was not found."}]}"#;

/// The `Accept` header fields of a request, and the content type and body of its 404.
type Case = (&'static [&'static str], &'static str, &'static str);

const CASES: &[Case] = &[
    (&[], "application/json", FLAT),
    (&["application/json"], "application/json", FLAT),
    (
        &["application/problem+json"],
        "application/problem+json",
        PROBLEM,
    ),
    (
        &["application/vnd.api+json"],
        "application/vnd.api+json",
        VND,
    ),
    // q-values
    (
        &["application/json;q=0.5, application/problem+json"],
        "application/problem+json",
        PROBLEM,
    ),
    (
        &["application/problem+json;q=0.1, application/json;q=0.9"],
        "application/json",
        FLAT,
    ),
    (
        &["application/problem+json;q=0.4, application/vnd.api+json;q=0.6"],
        "application/vnd.api+json",
        VND,
    ),
    (
        &["application/json;q=0, */*"],
        "application/problem+json",
        PROBLEM,
    ),
    // the client's order between equals, the service's for wildcards
    (
        &["application/problem+json, application/json"],
        "application/problem+json",
        PROBLEM,
    ),
    (&["*/*"], "application/json", FLAT),
    (&["application/*"], "application/json", FLAT),
    // nothing acceptable: the default, never a 406
    (&["text/html"], "application/json", FLAT),
    (&["application/problem+json;q=0"], "application/json", FLAT),
    (
        &["application/xml;q=0.9, */*;q=0"],
        "application/json",
        FLAT,
    ),
    (
        &["nonsense;;;, /, application/problem+json;q=7"],
        "application/json",
        FLAT,
    ),
    // two header fields are one list
    (
        &["text/html", "application/problem+json"],
        "application/problem+json",
        PROBLEM,
    ),
];

/// The sorted headers of a negotiated 404 on the wire.
fn headers(content_type: &str, body: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = [
        ("cache-control", "no-store"),
        ("content-type", content_type),
        ("vary", "Accept"),
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

/// Sorted headers without `Date` (the wall clock, checked for its form).
fn sorted<'a>(pairs: impl Iterator<Item = (&'a str, &'a [u8])>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pairs
        .filter(|(k, v)| {
            if *k == "date" {
                assert_eq!(v.len(), 29);
                false
            } else {
                true
            }
        })
        .map(|(k, v)| (k.to_owned(), String::from_utf8(v.to_vec()).unwrap()))
        .collect();
    out.sort();
    out
}

mod axum_adapter {
    use super::*;
    use axum::routing::get;
    use axum::Router;
    use error_core::http::axum::{not_found, ErrorLayer, HttpError, Path};

    async fn lead(Path(id): Path<u64>) -> Result<String, LeadError> {
        Err(LeadError::NotFound { id })
    }

    async fn wrapped(Path(id): Path<u64>) -> Result<String, HttpError<LeadError>> {
        Err(LeadError::NotFound { id })?
    }

    async fn serve(settings: ErrorSettings) -> String {
        let app = Router::new()
            .route("/v1/leads/{id}", get(lead))
            .route("/v2/leads/{id}", get(wrapped))
            .fallback(not_found)
            .layer(ErrorLayer::new(settings));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        base
    }

    async fn fetch(
        base: &str,
        path: &str,
        accept: &[&str],
    ) -> (u16, Vec<(String, String)>, String) {
        let mut req = reqwest::Client::new()
            .get(format!("{base}{path}"))
            .header("x-request-id", "r1");
        for value in accept {
            req = req.header(reqwest::header::ACCEPT, *value);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        let headers = sorted(
            res.headers()
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_bytes())),
        );
        (status, headers, res.text().await.unwrap())
    }

    #[tokio::test]
    async fn accept_chooses_the_format() {
        let base = serve(settings()).await;
        for path in ["/v1/leads/7", "/v2/leads/7"] {
            for (accept, content_type, body) in CASES {
                let got = fetch(&base, path, accept).await;
                let want = (404, headers(content_type, body), body.to_string());
                assert_eq!(got, want, "{path} {accept:?}");
            }
        }
    }

    #[tokio::test]
    async fn the_frameworks_own_errors_are_negotiated_too() {
        let base = serve(settings()).await;
        let (status, headers, body) = fetch(&base, "/nope", &["application/problem+json"]).await;
        assert_eq!(status, 404);
        assert_eq!(
            body,
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"No resource exists at this path.","code":"route/not-found","request_id":"r1"}"#
        );
        assert_eq!(headers, super::headers("application/problem+json", &body));
    }

    #[tokio::test]
    async fn without_offers_accept_changes_nothing() {
        let plain = ErrorSettings::new()
            .format(Builtin::Flat)
            .clock(FixedClock(Timestamp::from_unix_millis(1_770_552_000_000)));
        let base = serve(plain).await;
        let (status, mut headers, body) =
            fetch(&base, "/v1/leads/7", &["application/problem+json"]).await;
        assert_eq!((status, body.as_str()), (404, FLAT));
        let mut want = super::headers("application/json", FLAT);
        want.retain(|(k, _)| k != "vary");
        headers.sort();
        assert_eq!(headers, want);
    }
}

#[cfg(feature = "actix-web")]
mod actix_adapter {
    use super::*;
    use actix_web::{web, App, HttpResponse};
    use error_core::http::actix::{self as adapter, ErrorScope, HttpError};

    async fn lead(id: web::Path<u64>) -> Result<HttpResponse, HttpError<LeadError>> {
        Err(LeadError::NotFound {
            id: id.into_inner(),
        })?
    }

    fn server(settings: ErrorSettings) -> actix_test::TestServer {
        actix_test::start(move || {
            App::new()
                .app_data(adapter::path_config())
                .service(web::resource("/v1/leads/{id}").route(web::get().to(lead)))
                .default_service(web::to(adapter::not_found))
                .wrap(ErrorScope::new(settings.clone()))
        })
    }

    async fn get(
        srv: &actix_test::TestServer,
        path: &str,
        accept: &[&str],
    ) -> (u16, Vec<(String, String)>, String) {
        let mut req = srv.get(path).insert_header(("x-request-id", "r1"));
        for value in accept {
            req = req.append_header(("accept", *value));
        }
        let mut res = req.send().await.unwrap();
        let status = res.status().as_u16();
        let headers = sorted(
            res.headers()
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_bytes())),
        );
        let body = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
        (status, headers, body)
    }

    #[actix_web::test]
    async fn accept_chooses_the_format() {
        let srv = server(settings());
        for (accept, content_type, body) in CASES {
            let got = get(&srv, "/v1/leads/7", accept).await;
            let want = (404, headers(content_type, body), body.to_string());
            assert_eq!(got, want, "{accept:?}");
        }
    }

    #[actix_web::test]
    async fn the_frameworks_own_errors_are_negotiated_too() {
        let srv = server(settings());
        let (status, headers, body) = get(&srv, "/nope", &["application/problem+json"]).await;
        assert_eq!(status, 404);
        assert_eq!(
            body,
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"No resource exists at this path.","code":"route/not-found","request_id":"r1"}"#
        );
        assert_eq!(headers, super::headers("application/problem+json", &body));
    }
}
