//! With the `axum` feature the derive implements `IntoResponse`, so handlers return
//! `Result<T, LeadError>` directly. A real axum server on 127.0.0.1:0, a real client, exact
//! bodies, headers and log lines, for an enum that is a `std::error::Error` (its source chain
//! is logged) and one that is not (status and code are logged).

use axum::extract::Path;
use axum::routing::get;
use axum::Router;
use error_core::format::Builtin;
use error_core::http::axum::ErrorLayer;
use error_core::http::ErrorSettings;
use error_core::{ApiError, FixedClock, Timestamp};

#[derive(Debug, ApiError, thiserror::Error)]
#[api(axum)]
#[api(format = error_core::format::Problem)]
enum LeadError {
    #[api(
        status = 404,
        code = "lead/not-found",
        message = "Lead {id} was not found."
    )]
    #[error("lead {id} not found")]
    NotFound { id: u64 },
    #[api(
        status = 502,
        code = "upstream",
        message = "The enrichment service failed."
    )]
    #[error("enriching lead")]
    Upstream(#[source] std::io::Error),
}

// Not a `std::error::Error`: still a response, its 5xx logged without a chain.
#[derive(Debug, ApiError)]
#[api(axum)]
enum PlainError {
    #[api(status = 503, code = "maintenance", message = "Down for maintenance.")]
    Maintenance,
}

async fn lead(Path(id): Path<u64>) -> Result<String, LeadError> {
    match id {
        1 => Ok("lead 1".into()),
        2 => Err(LeadError::Upstream(std::io::Error::other(
            "timeout\r\nat 10.0.0.7",
        ))),
        id => Err(LeadError::NotFound { id }),
    }
}

async fn plain() -> Result<&'static str, PlainError> {
    Err(PlainError::Maintenance)
}

#[tokio::test]
async fn handlers_return_the_derived_enum_directly() {
    let (logs, _guard) = error_tests::capture_logs();

    let settings = ErrorSettings::new()
        .format(Builtin::Flat)
        .clock(FixedClock(Timestamp::from_unix_millis(1_770_552_000_000)));
    let app = Router::new()
        .route("/v1/leads/{id}", get(lead))
        .route("/plain", get(plain))
        .layer(ErrorLayer::new(settings));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let client = reqwest::Client::new();
    let ok = client
        .get(format!("{base}/v1/leads/1"))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.text().await.unwrap(), "lead 1");

    let cases = [
        (
            "/v1/leads/7",
            "r-404",
            404,
            r#"{"success":false,"status":404,"message":"Lead 7 was not found.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","request_id":"r-404"}}"#,
        ),
        (
            "/v1/leads/2",
            "r-502",
            502,
            r#"{"success":false,"status":502,"message":"The enrichment service failed.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","request_id":"r-502"}}"#,
        ),
        (
            "/plain",
            "r-503",
            503,
            r#"{"success":false,"status":503,"message":"Down for maintenance.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","request_id":"r-503"}}"#,
        ),
    ];
    for (path, rid, status, body) in cases {
        let res = client
            .get(format!("{base}{path}"))
            .header("x-request-id", rid)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), status, "{path}");
        let headers = res.headers().clone();
        assert_eq!(headers["content-type"], "application/json");
        assert_eq!(headers["cache-control"], "no-store");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["x-request-id"], rid);
        assert_eq!(res.text().await.unwrap(), body);
    }

    let logs = logs.text();
    assert_eq!(
        logs,
        "ERROR server error request_id=\"r-502\" status=502 code=\"upstream\" error=\"enriching lead: timeout\\r\\nat 10.0.0.7\"\n\
         ERROR server error request_id=\"r-503\" status=503 code=\"maintenance\"\n"
    );
}
