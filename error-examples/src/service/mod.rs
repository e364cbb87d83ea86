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
//! | `POST /v1/leads` | 415, 400 malformed JSON, 422 wrong shape or invalid fields, 409 duplicate email, 413 over 64 KiB, 507 the tenant's share of the store is full |
//! | `POST /v1/leads/bulk` | as above, every failing item under `leads.<index>` |
//! | `GET`, `DELETE /v1/leads/{id}` | 400 malformed id, 404 unknown id or another tenant's lead |
//! | `POST /v1/leads/{id}/enrich` | 402 no credit left (checked first), 404, 500 provider failure (emails at `fail.example`) |
//! | every `/v1` route | 401 missing or unknown `X-API-Key`, 403 `read-only-key` on a write, 429 over the rate, 429 after too many wrong keys from one address |
//! | anything else | 404 unknown route, 405 wrong method |
//!
//! Shared state: the store and the limiters sit behind `std::sync::Mutex`es that are only
//! taken inside [`AppState::with_store`]-style closures, which cannot `.await`: no lock is
//! ever held across a suspension point (where Tokio's own `Mutex` would be needed), and each
//! critical section is a few map operations, which Tokio's documentation recommends a
//! blocking mutex for.

use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use error_core::format::Builtin;
use error_core::http::axum::{method_not_allowed, not_found, ErrorLayer};
use error_core::http::ErrorSettings;
use error_core::{Clock, SystemClock, Timestamp};

mod auth;
mod error;
#[cfg(feature = "tonic")]
pub mod grpc;
mod handlers;
pub mod openapi;
mod store;
mod validate;

pub use auth::{lookup, throttle_address, Access, AuthThrottle, Caller, MAX_TRACKED_ADDRESSES};
pub use error::{LeadError, ProviderError};
pub use store::{Lead, Store};

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
    /// The most leads one tenant may store; past it, 507 Insufficient Storage.
    pub max_leads: usize,
    /// Wrong API keys one client address may send per `auth_window`; past it, 429 with
    /// `Retry-After` until the window ends, instead of 401.
    pub auth_failures: u32,
    /// The window of `auth_failures`.
    pub auth_window: Duration,
    /// The clock that stamps envelopes and drives the rate limit (a `FixedClock` in tests).
    pub clock: Arc<dyn Clock>,
    /// The languages errors are sent in, from `Accept-Language`; the first is the default.
    pub languages: Vec<&'static str>,
}

impl Default for Config {
    /// Flat, 20 requests per second, 3 credits, 10,000 leads per tenant, 10 wrong keys per
    /// address per minute, the system clock, English and German.
    fn default() -> Self {
        Config {
            format: Builtin::Flat,
            rate: 20,
            credits: 3,
            max_leads: 10_000,
            auth_failures: 10,
            auth_window: Duration::from_secs(60),
            clock: Arc::new(SystemClock),
            languages: vec!["en", "de"],
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("format", &self.format)
            .field("rate", &self.rate)
            .field("languages", &self.languages)
            .field("credits", &self.credits)
            .field("max_leads", &self.max_leads)
            .field("auth_failures", &self.auth_failures)
            .field("auth_window", &self.auth_window)
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
    throttle: Mutex<auth::AuthThrottle>,
}

impl AppState {
    fn new(config: Config) -> Self {
        AppState {
            inner: Arc::new(Inner {
                config,
                store: Mutex::default(),
                limiter: Mutex::default(),
                throttle: Mutex::default(),
            }),
        }
    }

    fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Runs `f` on the store under its lock. `f` is a plain closure, so it cannot await
    /// while holding the lock.
    pub fn with_store<R>(&self, f: impl FnOnce(&mut store::Store) -> R) -> R {
        // A handler that panicked mid-update leaves plain data; serving it beats failing
        // every later request.
        let mut store = self
            .inner
            .store
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        f(&mut store)
    }

    fn now_millis(&self) -> u64 {
        self.inner.config.clock.now().unix_millis()
    }

    /// Lets an attempt with a `valid` key or not through the key-guess throttle of
    /// `address`, counting it when it failed.
    fn auth_gate(&self, address: IpAddr, valid: bool) -> Result<(), LeadError> {
        let config = &self.inner.config;
        let now = self.now_millis();
        self.inner
            .throttle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .attempt(
                address,
                valid,
                now,
                config.auth_failures,
                config.auth_window,
            )
            .map_err(|retry_after| LeadError::AuthThrottled { retry_after })
    }

    fn check_rate(&self, key: &'static str) -> Result<(), LeadError> {
        let now = self.now_millis();
        self.inner
            .limiter
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .hit(key, now, self.inner.config.rate)
            .map_err(|retry_after| LeadError::RateLimited { retry_after })
    }
}

/// The Leads API's router, ready to serve.
///
/// ```
/// let app: axum::Router = error_examples::service::router(Default::default());
/// ```
pub fn router(config: Config) -> Router {
    router_and_state(config).0
}

/// What the service holds, for tests that bound it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Leads stored, over every tenant.
    pub leads: usize,
    /// Client addresses whose wrong keys are being counted.
    pub tracked_addresses: usize,
}

impl AppState {
    /// What the service holds now.
    pub fn stats(&self) -> Stats {
        Stats {
            leads: self.with_store(|store| store.len()),
            tracked_addresses: self
                .inner
                .throttle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .tracked(),
        }
    }
}

/// [`router`], and the state it serves, to watch from outside (tests).
pub fn router_and_state(config: Config) -> (Router, AppState) {
    let state = AppState::new(config.clone());
    let settings = ErrorSettings::new()
        .format(config.format)
        .negotiate()
        .require_host()
        .languages(config.languages.iter().copied())
        .version("v1")
        .clock(SharedClock(Arc::clone(&config.clock)));
    let router = Router::new()
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
        .with_state(state.clone());
    (router, state)
}

/// Serves the Leads API on `listener` until the process ends, with each connection's peer
/// address available to the key-guess throttle.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> std::io::Result<()> {
    serve_router(listener, router(config)).await
}

/// How long a client may take to send a request's header section; past it the connection is
/// closed (a client sending headers a byte at a time cannot hold connections open).
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `router` (from [`router_and_state`]) on `listener`, as [`serve`] does: HTTP/1.1,
/// each request carrying its connection's peer address (`ConnectInfo`), a header section
/// read within [`HEADER_READ_TIMEOUT`], and a response still sent to a client that has
/// half-closed its side after its request.
pub async fn serve_router(
    listener: tokio::net::TcpListener,
    router: Router,
) -> std::io::Result<()> {
    serve_with_timeout(listener, router, HEADER_READ_TIMEOUT).await
}

/// [`serve_router`] with another header read timeout (tests use a short one).
pub async fn serve_with_timeout(
    listener: tokio::net::TcpListener,
    router: Router,
    header_read_timeout: Duration,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};

    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout)
        .half_close(true);
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(connection) => connection,
            // Out of file descriptors and the like: wait a little rather than spin, and
            // keep serving the connections already open.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let router = router.clone();
        let service = hyper::service::service_fn(
            move |mut request: hyper::Request<hyper::body::Incoming>| {
                request
                    .extensions_mut()
                    .insert(axum::extract::ConnectInfo(peer));
                let mut router = router.clone();
                tower_service::Service::call(&mut router, request)
            },
        );
        let connection = http.serve_connection(TokioIo::new(stream), service);
        tokio::spawn(async move {
            // A connection's end (the client gone, a timeout, a malformed request that
            // hyper answered itself) concerns that connection only.
            let _ = connection.await;
        });
    }
}
