//! The actix-web adapter, through actix-web's own in-process test service and through its
//! test server (`actix_test::start`: a real socket on loopback, a real HTTP client): errors
//! as `ResponseError`s, the request scope, extractor errors in the envelope, exact bodies and
//! headers.
#![cfg(feature = "actix-web")]

use actix_web::dev::ServiceResponse;
use actix_web::http::Method;
use actix_web::{test, web, App, HttpResponse};
use error_core::format::Builtin;
use error_core::http::actix::{self as adapter, ErrorScope, HttpError, Json, Query};
use error_core::http::{ErrorSettings, RequestError, RequestId, RequestScope};
use error_core::{ApiError, FieldError, FieldErrors, FixedClock, Origin, Timestamp};
use serde::Deserialize;

/// 2026-02-08T12:00:00.000Z
const T0: u64 = 1_770_552_000_000;

#[derive(Debug, ApiError, thiserror::Error)]
#[api(format = error_core::format::Flat, version = "v2", www_authenticate = "Bearer")]
enum ShopError {
    #[api(
        status = 404,
        code = "order/not-found",
        message = "Order {id} was not found."
    )]
    #[error("order {id} not found")]
    NotFound { id: u64 },

    #[api(
        status = 401,
        code = "auth/missing-token",
        message = "Authentication required.",
        www_authenticate = "Bearer"
    )]
    #[error("unauthenticated")]
    Unauthenticated,

    #[api(status = 503, code = "maintenance", message = "Down for maintenance.")]
    #[error("maintenance")]
    Maintenance {
        #[api(retry_after)]
        retry: u64,
    },

    #[api(status = 429, code = "rate_limited", message = "Too many requests.")]
    #[error("rate limited")]
    RateLimited {
        #[api(retry_after)]
        wait: std::time::Duration,
    },

    #[api(status = 422, code = "validation_error", message = "Validation failed")]
    #[error("validation")]
    Validation(#[api(fields)] FieldErrors),

    #[api(
        status = 500,
        code = "internal_server_error",
        message = "Internal server error."
    )]
    #[error("loading orders")]
    Db(#[source] std::io::Error),
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Order {
    item: String,
    qty: u32,
    address: Address,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Address {
    zip: String,
}

#[derive(Debug, Deserialize)]
struct Page {
    limit: u32,
}

type Result<T> = std::result::Result<T, HttpError<ShopError>>;

async fn get_order(id: web::Path<u64>) -> Result<HttpResponse> {
    Err(ShopError::NotFound {
        id: id.into_inner(),
    })?
}

async fn create_order(Json(order): Json<Order>) -> Result<HttpResponse> {
    if order.qty == 0 {
        let fields = FieldErrors::new().with(FieldError::out_of_range("qty", 1, 99));
        return Err(ShopError::Validation(fields).into());
    }
    Ok(HttpResponse::Created().body(order.item))
}

async fn list_orders(Query(page): Query<Page>) -> Result<HttpResponse> {
    Ok(HttpResponse::Ok().body(format!("limit {}", page.limit)))
}

async fn me() -> Result<HttpResponse> {
    Err(ShopError::Unauthenticated)?
}

async fn status() -> Result<HttpResponse> {
    Err(ShopError::Maintenance { retry: 30 })?
}

async fn limited() -> Result<HttpResponse> {
    Err(ShopError::RateLimited {
        wait: std::time::Duration::from_millis(1_500),
    })?
}

async fn boom() -> Result<HttpResponse> {
    Err(ShopError::Db(std::io::Error::other(
        "password=hunter2 rejected",
    )))?
}

async fn panics() -> HttpResponse {
    panic!("lead 7 vanished\u{2028}status=200 code=\"x\"")
}

async fn echo_id(id: RequestId) -> HttpResponse {
    HttpResponse::Ok().body(id.to_string())
}

fn settings(format: Builtin) -> ErrorSettings {
    ErrorSettings::new()
        .format(format)
        .version("v2")
        .clock(FixedClock(Timestamp::from_unix_millis(T0)))
}

/// The shop's `App` in `format` (a macro: the app's type cannot be named).
macro_rules! shop {
    ($format:expr) => {
        App::new()
            .wrap(ErrorScope::new(settings($format)))
            .app_data(adapter::path_config())
            .app_data(web::PayloadConfig::new(1024))
            // No default service on the resource: actix's own 405 carries `Allow`, and
            // `ErrorScope` puts it in the envelope.
            .service(web::resource("/orders/{id}").route(web::get().to(get_order)))
            .route("/orders", web::post().to(create_order))
            .route("/orders", web::get().to(list_orders))
            .route("/me", web::get().to(me))
            .route("/status", web::get().to(status))
            .route("/limited", web::get().to(limited))
            .route("/boom", web::get().to(boom))
            .route("/id", web::get().to(echo_id))
            .route("/panic", web::get().to(panics))
            .default_service(web::to(adapter::not_found))
    };
}

/// The test app in `format` (a macro: actix-web's test service type cannot be named).
macro_rules! app {
    ($format:expr) => {
        test::init_service(shop!($format)).await
    };
}

/// Sends `$req` with request id `$rid`; the status, the sorted headers and the body.
macro_rules! send {
    ($app:expr, $req:expr, $rid:expr) => {{
        let res = test::call_service(
            &$app,
            $req.insert_header(("x-request-id", String::from($rid)))
                .to_request(),
        )
        .await;
        parts(res).await
    }};
}

async fn parts<B: actix_web::body::MessageBody>(
    res: ServiceResponse<B>,
) -> (u16, Vec<(String, String)>, String) {
    let status = res.status().as_u16();
    let mut headers: Vec<(String, String)> = res
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap().to_owned()))
        .collect();
    headers.sort();
    let body = String::from_utf8(test::read_body(res).await.to_vec()).unwrap();
    (status, headers, body)
}

fn error_headers(
    format: Builtin,
    rid: &str,
    extra: &[(&str, &str)],
    body: &str,
) -> Vec<(String, String)> {
    let content_type = match format {
        Builtin::Problem => "application/problem+json",
        Builtin::JsonApi => "application/vnd.api+json",
        _ => "application/json",
    };
    let mut out = vec![
        ("cache-control".to_owned(), "no-store".to_owned()),
        ("content-type".to_owned(), content_type.to_owned()),
        ("x-content-type-options".to_owned(), "nosniff".to_owned()),
        ("x-request-id".to_owned(), rid.to_owned()),
    ];
    out.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    if format == Builtin::Microsoft {
        // The guidelines' header: the body's `error.code`.
        let value: serde_json::Value = serde_json::from_str(body).unwrap();
        let code = value["error"]["code"].as_str().unwrap().to_owned();
        out.push(("x-ms-error-code".to_owned(), code));
    }
    out.sort();
    out
}

/// The body the core renderer writes for `error` in this scope: what the adapter must send.
fn rendered<E: ApiError + std::error::Error>(error: &E, format: Builtin, rid: &str) -> String {
    let scope = RequestScope::new(RequestId::parse(rid).unwrap(), settings(format));
    String::from_utf8(error_core::http::error_response(error, &scope).into_body()).unwrap()
}

fn post_json(uri: &str, body: &str) -> test::TestRequest {
    test::TestRequest::post()
        .uri(uri)
        .insert_header(("content-type", "application/json"))
        .set_payload(body.to_owned())
}

/// The expected body of a case, given the format and the request id.
type Want = Box<dyn Fn(Builtin, &str) -> String>;

/// The expected body of `make()`'s error.
fn with<E: ApiError + std::error::Error + 'static>(make: impl Fn() -> E + 'static) -> Want {
    Box::new(move |format, rid| rendered(&make(), format, rid))
}

/// One case: the request, the expected body, the status and the extra headers.
type Case = (
    test::TestRequest,
    Want,
    u16,
    Vec<(&'static str, &'static str)>,
);

/// Every case.
fn cases() -> Vec<Case> {
    vec![
        (
            test::TestRequest::get().uri("/orders/7"),
            with(|| ShopError::NotFound { id: 7 }),
            404,
            vec![],
        ),
        (
            test::TestRequest::get().uri("/me"),
            with(|| ShopError::Unauthenticated),
            401,
            vec![("www-authenticate", "Bearer")],
        ),
        (
            test::TestRequest::get().uri("/limited"),
            with(|| ShopError::RateLimited {
                wait: std::time::Duration::from_millis(1_500),
            }),
            429,
            vec![("retry-after", "2")],
        ),
        (
            test::TestRequest::get().uri("/status"),
            with(|| ShopError::Maintenance { retry: 30 }),
            503,
            vec![("retry-after", "30")],
        ),
        (
            test::TestRequest::get().uri("/boom"),
            with(|| ShopError::Db(std::io::Error::other("x"))),
            500,
            vec![],
        ),
        (
            post_json("/orders", r#"{"item":"pen","qty":0,"address":{"zip":"1"}}"#),
            with(|| {
                ShopError::Validation(
                    FieldErrors::new().with(FieldError::out_of_range("qty", 1, 99)),
                )
            }),
            422,
            vec![],
        ),
        (
            test::TestRequest::get().uri("/orders/x7"),
            with(|| {
                RequestError::InvalidPath(
                    FieldErrors::new().with(
                        FieldError::invalid("id", "id must be a non-negative integer.")
                            .with_origin(Origin::Path),
                    ),
                )
            }),
            400,
            vec![],
        ),
        (
            test::TestRequest::get().uri("/orders?limit=many"),
            with(|| {
                RequestError::InvalidQuery(
                    FieldErrors::new().with(
                        FieldError::new(
                            "limit",
                            "validation/invalid-value",
                            "limit: not a valid number.",
                        )
                        .with_origin(Origin::Query),
                    ),
                )
            }),
            400,
            vec![],
        ),
        (
            post_json("/orders", r#"{"item":"#),
            with(|| RequestError::MalformedJson),
            400,
            vec![],
        ),
        (
            post_json("/orders", r#"{"item":"pen","qty":1,"address":{"zip":5}}"#),
            with(|| {
                RequestError::InvalidBody(FieldErrors::new().with(FieldError::new(
                    "address.zip",
                    "validation/invalid-type",
                    "address.zip: expected a string, got a number.",
                )))
            }),
            422,
            vec![],
        ),
        (
            test::TestRequest::post()
                .uri("/orders")
                .insert_header(("content-type", "text/plain"))
                .set_payload("{}"),
            with(|| RequestError::UnsupportedMediaType),
            415,
            vec![],
        ),
        (
            post_json("/orders", &format!(r#"{{"item":"{}"}}"#, "x".repeat(2000))),
            with(|| RequestError::PayloadTooLarge),
            413,
            vec![],
        ),
        (
            test::TestRequest::get().uri("/nowhere"),
            with(|| RequestError::NotFound),
            404,
            vec![],
        ),
        (
            test::TestRequest::delete().uri("/orders/7"),
            with(|| RequestError::MethodNotAllowed),
            405,
            vec![("allow", "GET")],
        ),
    ]
}

#[actix_web::test]
async fn every_error_in_every_format() {
    for format in Builtin::ALL {
        let app = app!(format);
        for (i, (req, want, status, extra)) in cases().into_iter().enumerate() {
            let rid = format!("a-{i}");
            let (got_status, headers, body) = send!(app, req, &rid);
            assert_eq!(got_status, status, "{format} case {i}");
            assert_eq!(body, want(format, &rid), "{format} case {i}");
            assert_eq!(
                headers,
                error_headers(format, &rid, &extra, &body),
                "{format} case {i}"
            );
        }
    }
}

#[actix_web::test]
async fn flat_bodies_are_exact() {
    let app = app!(Builtin::Flat);
    let (_, _, body) = send!(app, test::TestRequest::get().uri("/orders/7"), "r1");
    assert_eq!(
        body,
        r#"{"success":false,"status":404,"message":"Order 7 was not found.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"r1"}}"#
    );
    let req = post_json("/orders", r#"{"item":"pen","qty":1,"address":{"zip":5}}"#);
    let (_, _, body) = send!(app, req, "r2");
    assert_eq!(
        body,
        r#"{"success":false,"status":422,"message":"The request body has the wrong shape.","errors":[{"field":"address.zip","message":"address.zip: expected a string, got a number."}],"meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"r2"}}"#
    );
    let (_, _, body) = send!(app, test::TestRequest::get().uri("/boom"), "r3");
    assert_eq!(
        body,
        r#"{"success":false,"status":500,"message":"Internal server error.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"r3"}}"#
    );
    assert!(!body.contains("hunter2"));

    let app = app!(Builtin::Problem);
    let (_, _, body) = send!(app, test::TestRequest::get().uri("/orders/x7"), "r4");
    assert_eq!(
        body,
        r##"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid path parameters.","code":"request/invalid-path","errors":[{"detail":"id must be a non-negative integer.","pointer":"#/id"}],"request_id":"r4"}"##
    );

    // JSON:API: a query parameter's error is a `source.parameter`; a path parameter's has
    // no `source` (JSON:API has no member for the request path).
    let app = app!(Builtin::JsonApi);
    let (_, _, body) = send!(app, test::TestRequest::get().uri("/orders/x7"), "r5");
    assert_eq!(
        body,
        r#"{"errors":[{"status":"400","code":"request/invalid-path","title":"Invalid path parameters.","detail":"id must be a non-negative integer.","meta":{"request_id":"r5"}}]}"#
    );
    let (_, _, body) = send!(
        app,
        test::TestRequest::get().uri("/orders?limit=many"),
        "r6"
    );
    assert_eq!(
        body,
        r#"{"errors":[{"status":"400","code":"request/invalid-query","source":{"parameter":"limit"},"title":"Invalid query parameters.","detail":"limit: not a valid number.","meta":{"request_id":"r6"}}]}"#
    );
}

#[actix_web::test]
async fn request_ids() {
    let app = app!(Builtin::Flat);
    // A valid id is echoed on successes too, and reaches the handler.
    let (status, headers, body) = send!(app, test::TestRequest::get().uri("/id"), "abc.DEF_1");
    assert_eq!((status, body.as_str()), (200, "abc.DEF_1"));
    assert!(headers.contains(&("x-request-id".to_owned(), "abc.DEF_1".to_owned())));
    // An invalid one is replaced by a fresh UUID, the same in the header and the handler.
    let res = test::call_service(
        &app,
        test::TestRequest::get()
            .uri("/id")
            .insert_header(("x-request-id", "bad id"))
            .to_request(),
    )
    .await;
    let header = res
        .headers()
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    let body = String::from_utf8(test::read_body(res).await.to_vec()).unwrap();
    assert_eq!(header, body);
    assert_eq!(header.len(), 36);
    assert_ne!(header, "bad id");
    assert_eq!(&header[14..15], "4");
}

#[actix_web::test]
async fn without_the_middleware_the_enum_format_is_used() {
    let app = test::init_service(App::new().route(
        "/orders/{id}",
        web::route().method(Method::GET).to(get_order),
    ))
    .await;
    let res =
        test::call_service(&app, test::TestRequest::get().uri("/orders/3").to_request()).await;
    assert_eq!(res.status(), 404);
    assert_eq!(
        res.headers().get("content-type").unwrap(),
        "application/json"
    );
    let id = res
        .headers()
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 36);
    let body = String::from_utf8(test::read_body(res).await.to_vec()).unwrap();
    assert!(body.starts_with(
        r#"{"success":false,"status":404,"message":"Order 3 was not found.","meta":{"timestamp":""#
    ));
    assert!(body.ends_with(&format!(r#"","version":"v2","request_id":"{id}"}}}}"#)));
}

/// The shop behind actix-web's own test server: a real listener on `127.0.0.1:0`, one worker,
/// and a real HTTP client (awc) pointed at it.
fn server(format: Builtin) -> actix_test::TestServer {
    actix_test::start(move || shop!(format))
}

/// One request over the wire: the method, the path, the request's `Content-Type` and body.
struct Wire {
    method: Method,
    path: &'static str,
    content_type: Option<&'static str>,
    body: String,
}

impl Wire {
    fn get(path: &'static str) -> Self {
        Wire {
            method: Method::GET,
            path,
            content_type: None,
            body: String::new(),
        }
    }

    fn json(path: &'static str, body: &str) -> Self {
        Wire {
            method: Method::POST,
            path,
            content_type: Some("application/json"),
            body: body.to_owned(),
        }
    }
}

/// Sends `wire` with request id `rid` (none when `None`) over the socket: the status, the
/// sorted headers and the body. The server's own `Date` header (the wall clock, not the
/// envelope's) is checked for its form and left out.
async fn over_http(
    srv: &actix_test::TestServer,
    wire: Wire,
    rid: Option<&str>,
) -> (u16, Vec<(String, String)>, String) {
    // `TestServer::request` takes a whole URL, unlike `get`/`post`.
    let mut req = srv.request(wire.method, srv.url(wire.path));
    if let Some(rid) = rid {
        req = req.insert_header(("x-request-id", rid));
    }
    if let Some(content_type) = wire.content_type {
        req = req.insert_header(("content-type", content_type));
    }
    let mut res = req.send_body(wire.body).await.unwrap();
    let status = res.status().as_u16();
    let mut headers: Vec<(String, String)> = res
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap().to_owned()))
        .collect();
    let date = headers.iter().position(|(k, _)| k == "date").unwrap();
    let (_, date) = headers.remove(date);
    assert_eq!((date.len(), &date[25..]), (29, " GMT"), "{date}");
    headers.sort();
    let body = String::from_utf8(res.body().await.unwrap().to_vec()).unwrap();
    (status, headers, body)
}

/// The headers of an error response on the wire: [`error_headers`] plus `Content-Length`.
fn wire_headers(
    format: Builtin,
    rid: &str,
    extra: &[(&str, &str)],
    body: &str,
) -> Vec<(String, String)> {
    let mut out = error_headers(format, rid, extra, body);
    out.push(("content-length".to_owned(), body.len().to_string()));
    out.sort();
    out
}

/// One case over the wire: the request, the expected body, the status and the extra headers.
type WireCase = (Wire, Want, u16, Vec<(&'static str, &'static str)>);

/// Every error path over the wire.
fn wire_cases() -> Vec<WireCase> {
    vec![
        (
            Wire::get("/orders/7"),
            with(|| ShopError::NotFound { id: 7 }),
            404,
            vec![],
        ),
        (
            Wire::get("/me"),
            with(|| ShopError::Unauthenticated),
            401,
            vec![("www-authenticate", "Bearer")],
        ),
        (
            Wire::get("/limited"),
            with(|| ShopError::RateLimited {
                wait: std::time::Duration::from_millis(1_500),
            }),
            429,
            vec![("retry-after", "2")],
        ),
        (
            Wire::get("/status"),
            with(|| ShopError::Maintenance { retry: 30 }),
            503,
            vec![("retry-after", "30")],
        ),
        (
            Wire::get("/boom"),
            with(|| ShopError::Db(std::io::Error::other("x"))),
            500,
            vec![],
        ),
        (
            Wire::json("/orders", r#"{"item":"pen","qty":0,"address":{"zip":"1"}}"#),
            with(|| {
                ShopError::Validation(
                    FieldErrors::new().with(FieldError::out_of_range("qty", 1, 99)),
                )
            }),
            422,
            vec![],
        ),
        (
            Wire::json("/orders", r#"{"item":"#),
            with(|| RequestError::MalformedJson),
            400,
            vec![],
        ),
        (
            Wire::json("/orders", r#"{"item":"pen","qty":1,"address":{"zip":5}}"#),
            with(|| {
                RequestError::InvalidBody(FieldErrors::new().with(FieldError::new(
                    "address.zip",
                    "validation/invalid-type",
                    "address.zip: expected a string, got a number.",
                )))
            }),
            422,
            vec![],
        ),
        (
            Wire::get("/orders/x7"),
            with(|| {
                RequestError::InvalidPath(
                    FieldErrors::new().with(
                        FieldError::invalid("id", "id must be a non-negative integer.")
                            .with_origin(Origin::Path),
                    ),
                )
            }),
            400,
            vec![],
        ),
        (
            Wire::get("/orders?limit=many"),
            with(|| {
                RequestError::InvalidQuery(
                    FieldErrors::new().with(
                        FieldError::new(
                            "limit",
                            "validation/invalid-value",
                            "limit: not a valid number.",
                        )
                        .with_origin(Origin::Query),
                    ),
                )
            }),
            400,
            vec![],
        ),
        (
            Wire {
                content_type: Some("text/plain"),
                ..Wire::json("/orders", "{}")
            },
            with(|| RequestError::UnsupportedMediaType),
            415,
            vec![],
        ),
        (
            Wire::json("/orders", &format!(r#"{{"item":"{}"}}"#, "x".repeat(2000))),
            with(|| RequestError::PayloadTooLarge),
            413,
            vec![],
        ),
        (
            Wire::get("/nowhere"),
            with(|| RequestError::NotFound),
            404,
            vec![],
        ),
        (
            Wire {
                method: Method::DELETE,
                ..Wire::get("/orders/7")
            },
            with(|| RequestError::MethodNotAllowed),
            405,
            vec![("allow", "GET")],
        ),
    ]
}

/// Every error path over the wire, one server per format: status, whole body, every header.
#[actix_web::test]
async fn real_server_every_error_in_every_format() {
    for format in Builtin::ALL {
        let srv = server(format);
        for (i, (wire, want, status, extra)) in wire_cases().into_iter().enumerate() {
            let rid = format!("w-{i}");
            let (got_status, headers, body) = over_http(&srv, wire, Some(&rid)).await;
            let want = want(format, &rid);
            assert_eq!(got_status, status, "{format} case {i}");
            assert_eq!(body, want, "{format} case {i}");
            assert_eq!(
                headers,
                wire_headers(format, &rid, &extra, &want),
                "{format} case {i}"
            );
        }
        srv.stop().await;
    }
}

/// Whole bodies and headers over the wire, written out.
#[actix_web::test]
async fn real_server_bodies_and_headers_are_exact() {
    let srv = server(Builtin::Flat);
    let flat = |rid: &str, extra: &[(&str, &str)], body: &str| {
        wire_headers(Builtin::Flat, rid, extra, body)
    };

    let body = r#"{"success":false,"status":404,"message":"Order 7 was not found.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"s-1"}}"#;
    let got = over_http(&srv, Wire::get("/orders/7"), Some("s-1")).await;
    assert_eq!(got, (404, flat("s-1", &[], body), body.to_owned()));

    let body = r#"{"success":false,"status":401,"message":"Authentication required.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"s-2"}}"#;
    let got = over_http(&srv, Wire::get("/me"), Some("s-2")).await;
    let headers = flat("s-2", &[("www-authenticate", "Bearer")], body);
    assert_eq!(got, (401, headers, body.to_owned()));

    let body = r#"{"success":false,"status":429,"message":"Too many requests.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"s-3"}}"#;
    let got = over_http(&srv, Wire::get("/limited"), Some("s-3")).await;
    let headers = flat("s-3", &[("retry-after", "2")], body);
    assert_eq!(got, (429, headers, body.to_owned()));

    let body = r#"{"success":false,"status":500,"message":"Internal server error.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"s-4"}}"#;
    let got = over_http(&srv, Wire::get("/boom"), Some("s-4")).await;
    assert_eq!(got, (500, flat("s-4", &[], body), body.to_owned()));

    let body = r#"{"success":false,"status":400,"message":"The request body is not valid JSON.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"s-5"}}"#;
    let got = over_http(
        &srv,
        Wire::json("/orders", r#"{"item":"pen",}"#),
        Some("s-5"),
    )
    .await;
    assert_eq!(got, (400, flat("s-5", &[], body), body.to_owned()));

    let body = r#"{"success":false,"status":422,"message":"The request body has the wrong shape.","errors":[{"field":"address.zip","message":"address.zip: expected a string, got a number."}],"meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"s-6"}}"#;
    let wire = Wire::json("/orders", r#"{"item":"pen","qty":1,"address":{"zip":5}}"#);
    let got = over_http(&srv, wire, Some("s-6")).await;
    assert_eq!(got, (422, flat("s-6", &[], body), body.to_owned()));

    // A success passes through untouched but for the echoed request id (`HttpResponse::body`
    // sets no content type).
    let wire = Wire::json("/orders", r#"{"item":"pen","qty":1,"address":{"zip":"1"}}"#);
    let got = over_http(&srv, wire, Some("s-7")).await;
    let headers = vec![
        ("content-length".to_owned(), "3".to_owned()),
        ("x-request-id".to_owned(), "s-7".to_owned()),
    ];
    assert_eq!(got, (201, headers, "pen".to_owned()));
    srv.stop().await;

    let srv = server(Builtin::Problem);
    let body = r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Too many requests.","code":"rate_limited","request_id":"p-1"}"#;
    let got = over_http(&srv, Wire::get("/limited"), Some("p-1")).await;
    let headers = wire_headers(Builtin::Problem, "p-1", &[("retry-after", "2")], body);
    assert_eq!(got, (429, headers, body.to_owned()));
    srv.stop().await;
}

/// Whether `id` is a UUID v4 in its hyphenated lowercase form.
fn is_uuid_v4(id: &str) -> bool {
    let groups: Vec<&str> = id.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && id
            .chars()
            .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c))
        && groups[2].starts_with('4')
        && groups[3].starts_with(['8', '9', 'a', 'b'])
}

#[actix_web::test]
async fn real_server_request_ids() {
    let srv = server(Builtin::Flat);
    // Valid ids are echoed, on successes and errors alike, and reach the handler.
    let longest = "a".repeat(200);
    for rid in ["abc.DEF_1~+/=-", longest.as_str()] {
        let (status, headers, body) = over_http(&srv, Wire::get("/id"), Some(rid)).await;
        assert_eq!((status, body.as_str()), (200, rid));
        let want = vec![
            ("content-length".to_owned(), rid.len().to_string()),
            ("x-request-id".to_owned(), rid.to_owned()),
        ];
        assert_eq!(headers, want);
    }
    // An invalid, empty, overlong or missing id is replaced by a fresh UUID v4: the same in the
    // header and the envelope, never the client's, and new each time.
    let overlong = "a".repeat(201);
    let mut seen = Vec::new();
    for rid in [
        Some("bad id"),
        Some("a,b"),
        Some(""),
        Some(overlong.as_str()),
        None,
    ] {
        let (status, headers, body) = over_http(&srv, Wire::get("/orders/7"), rid).await;
        assert_eq!(status, 404);
        let fresh = headers
            .iter()
            .find(|(k, _)| k == "x-request-id")
            .map(|(_, v)| v.clone())
            .unwrap();
        assert!(is_uuid_v4(&fresh), "{fresh}");
        assert_eq!(headers, wire_headers(Builtin::Flat, &fresh, &[], &body));
        assert_eq!(
            body,
            format!(
                r#"{{"success":false,"status":404,"message":"Order 7 was not found.","meta":{{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"{fresh}"}}}}"#
            )
        );
        assert!(!seen.contains(&fresh));
        seen.push(fresh);
    }
    srv.stop().await;
}

/// RFC 9112 §3.2 with `ErrorSettings::require_host`: an HTTP/1.1 request without exactly one
/// valid `Host` is a 400 envelope before routing (and without the setting, in-process test
/// requests, which carry no `Host`, are served as before).
#[actix_web::test]
async fn require_host_refuses_http_1_1_requests_without_one_valid_host() {
    let app = test::init_service(
        App::new()
            .wrap(ErrorScope::new(settings(Builtin::Flat).require_host()))
            .route("/id", web::get().to(echo_id)),
    )
    .await;
    let want = |rid: &str| {
        format!(
            r#"{{"success":false,"status":400,"message":"Send exactly one valid Host header.","meta":{{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"{rid}"}}}}"#
        )
    };
    let none = test::TestRequest::get().uri("/id");
    let two = test::TestRequest::get()
        .uri("/id")
        .append_header(("host", "a.example"))
        .append_header(("host", "b.example"));
    let bad = test::TestRequest::get()
        .uri("/id")
        .insert_header(("host", "a b/c"));
    for (rid, req) in [("none", none), ("two", two), ("bad", bad)] {
        let res =
            test::call_service(&app, req.insert_header(("x-request-id", rid)).to_request()).await;
        assert_eq!(res.status(), 400, "{rid}");
        assert_eq!(res.headers().get("x-request-id").unwrap(), rid);
        let body = test::read_body(res).await;
        assert_eq!(std::str::from_utf8(&body).unwrap(), want(rid));
    }
    let ok = test::TestRequest::get()
        .uri("/id")
        .insert_header(("host", "shop.example:8080"))
        .insert_header(("x-request-id", "fine"))
        .to_request();
    let res = test::call_service(&app, ok).await;
    assert_eq!(res.status(), 200);
    assert_eq!(test::read_body(res).await, "fine");

    // Without the setting, the same request without `Host` is served.
    let app = test::init_service(
        App::new()
            .wrap(ErrorScope::new(settings(Builtin::Flat)))
            .route("/id", web::get().to(echo_id)),
    )
    .await;
    let req = test::TestRequest::get()
        .uri("/id")
        .insert_header(("x-request-id", "plain"))
        .to_request();
    assert_eq!(test::call_service(&app, req).await.status(), 200);
}
