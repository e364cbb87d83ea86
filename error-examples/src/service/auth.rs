//! `X-API-Key` authentication and the per-key rate limit, as an extractor.

use std::time::Duration;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::Method;
use error_core::http::axum::HttpError;

use super::{AppState, LeadError};

/// What a key may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// `demo-key`: read and write.
    ReadWrite,
    /// `read-only-key`: `GET` only.
    ReadOnly,
}

/// The caller of a request: an authenticated key, within its rate, allowed this method.
#[derive(Clone, Debug)]
pub struct Caller {
    /// The API key.
    pub key: String,
    /// What it may do.
    pub access: Access,
}

/// The demo keys.
pub fn lookup(key: &str) -> Option<Access> {
    match key {
        "demo-key" => Some(Access::ReadWrite),
        "read-only-key" => Some(Access::ReadOnly),
        _ => None,
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = HttpError<LeadError>;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let key = parts
            .headers
            .get("x-api-key")
            .ok_or(LeadError::MissingApiKey)?
            .to_str()
            .map_err(|_| LeadError::InvalidApiKey)?;
        let access = lookup(key).ok_or(LeadError::InvalidApiKey)?;
        app.check_rate(key)?;
        let reads = parts.method == Method::GET || parts.method == Method::HEAD;
        if !reads && access == Access::ReadOnly {
            return Err(LeadError::ReadOnlyKey.into());
        }
        Ok(Caller {
            key: key.to_owned(),
            access,
        })
    }
}

/// A fixed one-second window per key.
#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: std::collections::HashMap<String, (u64, u32)>,
}

impl RateLimiter {
    /// Counts a request of `key` at `now_millis`; the wait until the next window when the key
    /// is over `rate` requests in this one.
    pub fn hit(&mut self, key: &str, now_millis: u64, rate: u32) -> Result<(), Duration> {
        let window = now_millis / 1000;
        let entry = self.windows.entry(key.to_owned()).or_insert((window, 0));
        if entry.0 != window {
            *entry = (window, 0);
        }
        if entry.1 >= rate {
            return Err(Duration::from_millis(1000 - now_millis % 1000));
        }
        entry.1 += 1;
        Ok(())
    }
}
