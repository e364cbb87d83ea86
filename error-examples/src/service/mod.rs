//! The example service: a small Leads API on axum whose every error, its own and the
//! framework's, is an envelope in the format chosen at start.
//!
//! ```no_run
//! use error_examples::service::{self, Config};
//!
//! # async fn run() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! service::serve(listener, Config::default()).await
//! # }
//! ```
//!
//! | route | errors |
//! |---|---|
//! | `GET /v1/leads?offset=&limit=` | 400 bad query, 422 limit out of 1..=100 |
//! | `POST /v1/leads` | 415, 400 malformed JSON, 422 wrong shape or invalid fields, 409 duplicate email, 413 over 64 KiB |
//! | `POST /v1/leads/bulk` | as above, every failing item under `leads.<index>` |
//! | `GET`, `DELETE /v1/leads/{id}` | 400 malformed id, 404 unknown id |
//! | `POST /v1/leads/{id}/enrich` | 404, 402 no credit left, 500 provider failure (emails at `fail.example`) |
//! | every `/v1` route | 401 missing or unknown `X-API-Key`, 403 `read-only-key` on a write, 429 over the rate |
//! | anything else | 404 unknown route, 405 wrong method |

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use error_core::format::Builtin;
use error_core::http::axum::{method_not_allowed, not_found, ErrorLayer, HttpError};
use error_core::http::ErrorSettings;
use error_core::{Clock, SystemClock, Timestamp};

mod auth;
mod error;
mod handlers;
pub mod openapi;
mod store;
mod validate;

pub use auth::{Access, Caller};
pub use error::{LeadError, ProviderError};
pub use store::Lead;

/// The body limit: 64 KiB.
pub const BODY_LIMIT: usize = 64 * 1024;

/// How the service runs.
#[derive(Clone)]
pub struct Config {
    /// The envelope format of every error.
    pub format: Builtin,
    /// Requests per second per API key.
    pub rate: u32,
    /// Enrichment credits per API key.
    pub credits: u32,
    /// The clock that stamps envelopes and drives the rate limit (a `FixedClock` in tests).
    pub clock: Arc<dyn Clock>,
}

impl Default for Config {
    /// Flat, 20 requests per second, 3 credits, the system clock.
    fn default() -> Self {
        Config {
            format: Builtin::Flat,
            rate: 20,
            credits: 3,
            clock: Arc::new(SystemClock),
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("format", &self.format)
            .field("rate", &self.rate)
            .field("credits", &self.credits)
            .finish_non_exhaustive()
    }
}

struct SharedClock(Arc<dyn Clock>);

impl Clock for SharedClock {
    fn now(&self) -> Timestamp {
        self.0.now()
    }
}

/// The state the handlers share.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    store: Mutex<store::Store>,
    limiter: Mutex<auth::RateLimiter>,
}

impl AppState {
    fn new(config: Config) -> Self {
        AppState {
            inner: Arc::new(Inner {
                config,
                store: Mutex::default(),
                limiter: Mutex::default(),
            }),
        }
    }

    fn config(&self) -> &Config {
        &self.inner.config
    }

    fn store(&self) -> MutexGuard<'_, store::Store> {
        // A handler that panicked mid-update leaves plain data; serving it beats failing
        // every later request.
        self.inner
            .store
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn check_rate(&self, key: &str) -> Result<(), HttpError<LeadError>> {
        let now = self.inner.config.clock.now().unix_millis();
        self.inner
            .limiter
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .hit(key, now, self.inner.config.rate)
            .map_err(|retry_after| LeadError::RateLimited { retry_after }.into())
    }
}

/// The Leads API's router, ready to serve.
///
/// ```
/// let app: axum::Router = error_examples::service::router(Default::default());
/// ```
pub fn router(config: Config) -> Router {
    let settings = ErrorSettings::new()
        .format(config.format)
        .version("v1")
        .clock(SharedClock(Arc::clone(&config.clock)));
    Router::new()
        .route("/v1/leads", get(handlers::list).post(handlers::create))
        .route("/v1/leads/bulk", post(handlers::bulk))
        .route(
            "/v1/leads/{id}",
            get(handlers::show).delete(handlers::remove),
        )
        .route("/v1/leads/{id}/enrich", post(handlers::enrich))
        .route("/openapi.json", get(openapi::serve))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(ErrorLayer::new(settings))
        .with_state(AppState::new(config))
}

/// Serves the Leads API on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> std::io::Result<()> {
    axum::serve(listener, router(config)).await
}
