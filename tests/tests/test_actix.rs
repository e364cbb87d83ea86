//! The actix-web adapter, through actix-web's own test service: errors as `ResponseError`s,
//! the request scope, extractor errors in the envelope, exact bodies and headers.
#![cfg(feature = "actix-web")]

use actix_web::dev::ServiceResponse;
use actix_web::http::Method;
use actix_web::{test, web, App, HttpResponse};
use error_core::format::Builtin;
use error_core::http::actix::{self as adapter, ErrorScope, HttpError, Json, Query};
use error_core::http::{ErrorSettings, RequestError, RequestId, RequestScope};
use error_core::{ApiError, FieldError, FieldErrors, FixedClock, Timestamp};
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
        message = "Authentication required."
    )]
    #[error("unauthenticated")]
    Unauthenticated,

    #[api(status = 503, code = "maintenance", message = "Down for maintenance.")]
    #[error("maintenance")]
    Maintenance {
        #[api(retry_after)]
        retry: u64,
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

async fn boom() -> Result<HttpResponse> {
    Err(ShopError::Db(std::io::Error::other(
        "password=hunter2 rejected",
    )))?
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

/// The test app in `format` (a macro: actix-web's test service type cannot be named).
macro_rules! app {
    ($format:expr) => {
        test::init_service(
            App::new()
                .wrap(ErrorScope::new(settings($format)))
                .app_data(adapter::path_config())
                .app_data(web::PayloadConfig::new(1024))
                .service(
                    web::resource("/orders/{id}")
                        .route(web::get().to(get_order))
                        .default_service(web::to(adapter::method_not_allowed)),
                )
                .route("/orders", web::post().to(create_order))
                .route("/orders", web::get().to(list_orders))
                .route("/me", web::get().to(me))
                .route("/status", web::get().to(status))
                .route("/boom", web::get().to(boom))
                .route("/id", web::get().to(echo_id))
                .default_service(web::to(adapter::not_found)),
        )
        .await
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

async fn parts(res: ServiceResponse) -> (u16, Vec<(String, String)>, String) {
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

fn error_headers(format: Builtin, rid: &str, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let content_type = match format {
        Builtin::Problem => "application/problem+json",
        _ => "application/json",
    };
    let mut out = vec![
        ("cache-control".to_owned(), "no-store".to_owned()),
        ("content-type".to_owned(), content_type.to_owned()),
        ("x-content-type-options".to_owned(), "nosniff".to_owned()),
        ("x-request-id".to_owned(), rid.to_owned()),
    ];
    out.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
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

/// One case: the request, the expected body, the status and the extra headers.
type Case = (
    test::TestRequest,
    Want,
    u16,
    Vec<(&'static str, &'static str)>,
);

/// Every case.
fn cases() -> Vec<Case> {
    fn with<E: ApiError + std::error::Error + 'static>(make: impl Fn() -> E + 'static) -> Want {
        Box::new(move |format, rid| rendered(&make(), format, rid))
    }
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
                RequestError::InvalidPath(FieldErrors::new().with(FieldError::invalid(
                    "id",
                    "id must be a non-negative integer.",
                )))
            }),
            400,
            vec![],
        ),
        (
            test::TestRequest::get().uri("/orders?limit=many"),
            with(|| {
                RequestError::InvalidQuery(FieldErrors::new().with(FieldError::invalid(
                    "limit",
                    "Invalid digit found in string.",
                )))
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
                RequestError::InvalidBody(FieldErrors::new().with(FieldError::invalid(
                    "address.zip",
                    "Invalid type: integer `5`, expected a string.",
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
            vec![],
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
                error_headers(format, &rid, &extra),
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
        r#"{"success":false,"status":422,"message":"The request body has the wrong shape.","errors":[{"field":"address.zip","message":"Invalid type: integer `5`, expected a string."}],"meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v2","request_id":"r2"}}"#
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
