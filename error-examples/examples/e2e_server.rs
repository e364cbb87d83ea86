//! The server of `scripts/e2e-bench.sh` (issue 15, item 4): one axum router behind the
//! adapter's `ErrorLayer`, with an error route and a success route whose bodies have the
//! same size, so that a load generator compares what an error costs end to end.
//!
//! `cargo run --release -p error-examples --example e2e_server -- 127.0.0.1:8099`
//!
//! - `GET /error`: `Err(BenchError::Forbidden)`, a static 403 rendered by the derive's
//!   `IntoResponse` in the request's scope: Problem, the request id in the body and in
//!   `X-Request-Id`, `Cache-Control`, `X-Content-Type-Options`.
//! - `GET /ok`: `200 application/json`, a body of the same length (padded), with the same
//!   `X-Request-Id` from the layer.
//!
//! One worker thread (a current-thread runtime), as the machine has two cores and the load
//! generator takes the other.

use std::net::SocketAddr;
use std::process::ExitCode;

use axum::http::header::{HeaderValue, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use error_core::http::axum::ErrorLayer;
use error_core::http::{self, ErrorSettings, RequestId, RequestScope};
use error_core::ApiError;

#[derive(Debug, ApiError, thiserror::Error)]
#[api(axum)]
enum BenchError {
    #[api(
        status = 403,
        code = "forbidden",
        message = "You may not read this lead."
    )]
    #[error("forbidden")]
    Forbidden,
}

async fn error() -> Result<&'static str, BenchError> {
    Err(BenchError::Forbidden)
}

/// A JSON body as long as the error's (the request id has the same length every time).
fn success_body(settings: &ErrorSettings) -> &'static [u8] {
    let scope = RequestScope::new(RequestId::generate(), settings.clone());
    let len = http::error_response(&BenchError::Forbidden, &scope)
        .body()
        .len();
    let frame = br#"{"data":""}"#.len();
    let body = format!(r#"{{"data":"{}"}}"#, "x".repeat(len.saturating_sub(frame)));
    Box::leak(body.into_bytes().into_boxed_slice())
}

fn main() -> ExitCode {
    let addr: SocketAddr = match std::env::args().nth(1).map(|a| a.parse()) {
        Some(Ok(addr)) => addr,
        _ => {
            eprintln!("usage: e2e_server 127.0.0.1:8099");
            return ExitCode::from(2);
        }
    };
    // The default settings: the enum's format, the system clock, no languages.
    let settings = ErrorSettings::new();
    let body = success_body(&settings);
    let ok = move || async move {
        let mut res = Response::new(axum::body::Body::from(body));
        res.headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        res.into_response()
    };
    let app = Router::new()
        .route("/error", get(error))
        .route("/ok", get(ok))
        .layer(ErrorLayer::new(settings));
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let served = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        eprintln!("listening on {addr}");
        axum::serve(listener, app).await
    });
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("serve: {e}");
            ExitCode::FAILURE
        }
    }
}
