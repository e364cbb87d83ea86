//! The adapters' edge under hostile or careless input, over real sockets on loopback: a
//! panicking handler still gets an envelope with its request id (logged once, escaped,
//! quoted) and the server keeps serving; HEAD works wherever GET does; a 405 carries `Allow`.

use axum::extract::Path;
use axum::routing::get;
use axum::Router;
use error_core::format::Builtin;
use error_core::http::axum::{method_not_allowed, not_found, ErrorLayer};
use error_core::http::ErrorSettings;
use error_core::{FixedClock, Timestamp};

/// 2026-02-08T12:00:00.000Z
const T0: u64 = 1_770_552_000_000;

/// The panic's text tries to break the log line three ways: a line separator, text that
/// looks like more fields, and a right-to-left override.
const PANIC_TEXT: &str = "lead 7 vanished\u{2028}status=200 code=\"x\" \u{202e}reversed";

/// The log line of the panic, in both adapters.
fn panic_log(rid: &str) -> String {
    format!(
        "ERROR server error request_id=\"{rid}\" status=500 code=\"internal_server_error\" \
         error=\"the handler panicked: lead 7 vanished\\u{{2028}}status=200 code=\\\"x\\\" \\u{{202e}}reversed\"\n"
    )
}

#[cfg_attr(not(feature = "actix-web"), allow(dead_code))]
fn settings() -> ErrorSettings {
    settings_in(Builtin::Flat)
}

fn settings_in(format: Builtin) -> ErrorSettings {
    ErrorSettings::new()
        .format(format)
        .version("v1")
        .clock(FixedClock(Timestamp::from_unix_millis(T0)))
}

fn internal_body(rid: &str) -> String {
    format!(
        r#"{{"success":false,"status":500,"message":"Internal server error.","meta":{{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1","request_id":"{rid}"}}}}"#
    )
}

fn capture() -> (error_tests::Captured, error_tests::LogGuard) {
    error_tests::capture_logs()
}

fn sorted_headers(res: &reqwest::Response) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = res
        .headers()
        .iter()
        .filter(|(k, _)| k.as_str() != "date")
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap().to_owned()))
        .collect();
    out.sort();
    out
}

fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    out.sort();
    out
}

async fn lead(Path(id): Path<u64>) -> String {
    format!("lead {id}")
}

async fn panics() -> String {
    panic!("{PANIC_TEXT}")
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Strict {
    score: i64,
    kind: Kind,
    tags: std::collections::HashMap<String, u8>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
enum Kind {
    Person,
    Company,
}

async fn strict(
    error_core::http::axum::Json(_): error_core::http::axum::Json<Strict>,
) -> &'static str {
    "ok"
}

async fn start_axum() -> String {
    start_axum_in(Builtin::Flat).await
}

async fn start_axum_in(format: Builtin) -> String {
    let app = Router::new()
        .route("/leads/{id}", get(lead).delete(lead))
        .route("/strict", axum::routing::post(strict))
        .route("/panic", get(panics))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(ErrorLayer::new(settings_in(format)));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

#[tokio::test]
async fn axum_a_panic_is_a_500_envelope_logged_once_and_the_server_keeps_serving() {
    let (logs, _guard) = capture();
    let base = start_axum().await;
    let client = reqwest::Client::new();
    for round in 0..3 {
        let rid = format!("p-{round}");
        let res = client
            .get(format!("{base}/panic"))
            .header("x-request-id", &rid)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 500);
        let headers = sorted_headers(&res);
        let body = res.text().await.unwrap();
        assert_eq!(body, internal_body(&rid));
        let length = body.len().to_string();
        assert_eq!(
            headers,
            h(&[
                ("cache-control", "no-store"),
                ("content-length", &length),
                ("content-type", "application/json"),
                ("x-content-type-options", "nosniff"),
                ("x-request-id", &rid),
            ])
        );
        // The same server, the same connection pool: still serving.
        let res = client.get(format!("{base}/leads/3")).send().await.unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.text().await.unwrap(), "lead 3");
    }
    assert_eq!(
        logs.text(),
        (0..3)
            .map(|i| panic_log(&format!("p-{i}")))
            .collect::<String>()
    );
}

#[tokio::test]
async fn axum_head_is_served_wherever_get_is() {
    let base = start_axum().await;
    let client = reqwest::Client::new();
    let res = client
        .head(format!("{base}/leads/42"))
        .header("x-request-id", "h-1")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        sorted_headers(&res),
        h(&[
            ("content-length", "7"),
            ("content-type", "text/plain; charset=utf-8"),
            ("x-request-id", "h-1"),
        ])
    );
    assert_eq!(res.text().await.unwrap(), "");

    // HEAD on an unknown path: the 404's headers, no body.
    let res = client
        .head(format!("{base}/nowhere"))
        .header("x-request-id", "h-2")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/json");
    assert_eq!(res.text().await.unwrap(), "");

    // A method the route lacks: 405 with `Allow`, HEAD listed beside GET.
    let res = client
        .put(format!("{base}/leads/42"))
        .header("x-request-id", "h-3")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
    assert_eq!(res.headers()["allow"], "GET,HEAD,DELETE");
}

#[cfg(feature = "actix-web")]
mod actix {
    use actix_web::{test, web, App, HttpResponse};
    use error_core::http::actix::ErrorScope;

    use super::*;

    async fn order(id: web::Path<u64>) -> HttpResponse {
        HttpResponse::Ok().body(format!("order {id}"))
    }

    async fn panics() -> HttpResponse {
        panic!("{PANIC_TEXT}")
    }

    macro_rules! shop {
        () => {
            App::new()
                .wrap(ErrorScope::new(settings()))
                .service(
                    web::resource("/orders/{id}")
                        .route(web::get().to(order))
                        .route(web::delete().to(order)),
                )
                .route("/panic", web::get().to(panics))
                .default_service(web::to(error_core::http::actix::not_found))
        };
    }

    /// The status, the sorted headers (without `Date`) and the body of an awc response (a
    /// macro: awc is not a dependency of this crate, so its types cannot be named).
    macro_rules! awc_parts {
        ($res:expr) => {{
            let mut res = $res;
            let mut headers: Vec<(String, String)> = res
                .headers()
                .iter()
                .filter(|(k, _)| k.as_str() != "date")
                .map(|(k, v)| (k.to_string(), v.to_str().unwrap().to_owned()))
                .collect();
            headers.sort();
            let body = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
            (res.status().as_u16(), headers, body)
        }};
    }

    #[actix_web::test]
    async fn actix_a_panic_is_a_500_envelope_and_the_server_keeps_serving() {
        let srv = actix_test::start(|| shop!());
        for round in 0..3 {
            let rid = format!("p-{round}");
            let res = srv
                .get("/panic")
                .insert_header(("x-request-id", rid.as_str()))
                .send()
                .await
                .unwrap();
            let (status, headers, body) = awc_parts!(res);
            assert_eq!(status, 500);
            assert_eq!(body, internal_body(&rid));
            let length = body.len().to_string();
            assert_eq!(
                headers,
                h(&[
                    ("cache-control", "no-store"),
                    ("content-length", &length),
                    ("content-type", "application/json"),
                    ("x-content-type-options", "nosniff"),
                    ("x-request-id", &rid),
                ])
            );
            let res = srv.get("/orders/3").send().await.unwrap();
            let (status, _, body) = awc_parts!(res);
            assert_eq!((status, body.as_str()), (200, "order 3"));
        }
        srv.stop().await;
    }

    /// The log line, in-process (the test server logs on its own thread).
    #[actix_web::test]
    async fn actix_a_panic_is_logged_once_escaped_and_quoted() {
        let (logs, _guard) = capture();
        let app = test::init_service(shop!()).await;
        let req = test::TestRequest::get()
            .uri("/panic")
            .insert_header(("x-request-id", "p-9"))
            .to_request();
        let err = match test::try_call_service(&app, req).await {
            Ok(res) => panic!("expected the panic's error, got {}", res.status()),
            Err(err) => err,
        };
        let res = err.error_response();
        assert_eq!(res.status(), 500);
        assert_eq!(res.headers().get("x-request-id").unwrap(), "p-9");
        assert_eq!(logs.text(), panic_log("p-9"));
    }

    #[actix_web::test]
    async fn actix_head_is_served_wherever_get_is_and_405_carries_allow() {
        let srv = actix_test::start(|| shop!());
        let res = srv
            .head("/orders/42")
            .insert_header(("x-request-id", "h-1"))
            .send()
            .await
            .unwrap();
        let (status, headers, body) = awc_parts!(res);
        assert_eq!(status, 200);
        assert_eq!(body, "");
        assert_eq!(
            headers,
            h(&[("content-length", "8"), ("x-request-id", "h-1"),])
        );

        let res = srv
            .put("/orders/42")
            .insert_header(("x-request-id", "h-2"))
            .send()
            .await
            .unwrap();
        let (status, headers, body) = awc_parts!(res);
        assert_eq!(status, 405);
        let want = r#"{"success":false,"status":405,"message":"This method is not allowed for this resource.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1","request_id":"h-2"}}"#;
        assert_eq!(body, want);
        let length = want.len().to_string();
        assert_eq!(
            headers,
            h(&[
                ("allow", "GET, DELETE"),
                ("cache-control", "no-store"),
                ("content-length", &length),
                ("content-type", "application/json"),
                ("x-content-type-options", "nosniff"),
                ("x-request-id", "h-2"),
            ])
        );
        srv.stop().await;
    }
}

/// `Retry-After` is capped at one day, whatever the error's delay.
#[test]
fn retry_after_is_capped() {
    use error_core::ApiError;

    #[derive(ApiError)]
    enum Busy {
        #[api(status = 503, message = "Busy.")]
        Busy {
            #[api(retry_after)]
            wait: std::time::Duration,
        },
    }
    let ctx = error_core::RenderContext::at(Timestamp::from_unix_millis(0));
    for (wait, want) in [
        (std::time::Duration::from_secs(86_400), "86400"),
        (std::time::Duration::from_millis(86_400_001), "86400"),
        (std::time::Duration::MAX, "86400"),
        (std::time::Duration::from_millis(1_500), "2"),
    ] {
        let res = error_core::response::to_response(&Busy::Busy { wait }, &ctx);
        assert_eq!(res.headers()["retry-after"], want, "{wait:?}");
    }
    assert_eq!(error_core::http::MAX_RETRY_AFTER_SECS, 86_400);
}

/// Request text comes back cut to 64 characters with `…`, and never inside a code: a 50 KB
/// value of the wrong type (not echoed at all: the message says which JSON type was expected
/// and which came, with no Rust type name), a 50 KB unknown field name, a 50 KB variant, a
/// 50 KB map key.
#[tokio::test]
async fn request_text_comes_back_bounded_and_codes_stay_a_catalogue() {
    let base = start_axum().await;
    let client = reqwest::Client::new();
    let long = "A".repeat(50_000);
    let cut = format!("{}…", "A".repeat(64));
    let cases = [
        (
            format!(r#"{{"score":"{long}"}}"#),
            r#"{"field":"score","message":"score: expected an integer from -9223372036854775808 to 9223372036854775807, got a string."}"#.to_owned(),
            "validation/invalid-type",
        ),
        (
            format!(r#"{{"{long}":1}}"#),
            format!(r#"{{"field":"{cut}","message":"{cut} is not a known field."}}"#),
            "validation/unknown-field",
        ),
        (
            format!(r#"{{"score":1,"kind":"{long}"}}"#),
            format!(
                r#"{{"field":"kind","message":"kind: unknown variant `{cut}`, expected `Person` or `Company`."}}"#
            ),
            "validation/unknown-variant",
        ),
        (
            format!(r#"{{"score":1,"kind":"Person","tags":{{"{long}":"x"}}}}"#),
            format!(
                r#"{{"field":"tags.{cut}","message":"tags.{cut}: expected an integer from 0 to 255, got a string."}}"#
            ),
            "validation/invalid-type",
        ),
    ];
    for (i, (body, error, _)) in cases.clone().into_iter().enumerate() {
        let rid = format!("cut-{i}");
        let res = client
            .post(format!("{base}/strict"))
            .header("content-type", "application/json")
            .header("x-request-id", &rid)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "case {i}");
        let text = res.text().await.unwrap();
        assert_eq!(
            text,
            format!(
                r#"{{"success":false,"status":422,"message":"The request body has the wrong shape.","errors":[{error}],"meta":{{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1","request_id":"{rid}"}}}}"#
            ),
            "case {i}"
        );
        assert!(text.len() < 500, "case {i}: {} bytes", text.len());
    }
    // The codes, which Flat does not show, through Nested: the kind of mistake, no request text.
    let nested = start_axum_in(Builtin::Nested).await;
    for (i, (body, _, code)) in cases.into_iter().enumerate() {
        let res = client
            .post(format!("{nested}/strict"))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let json: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
        assert_eq!(json["error"]["details"][0]["code"], code, "case {i}");
    }
}
