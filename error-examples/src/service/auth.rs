//! `X-API-Key` authentication, key-guess throttling per client address, and the per-key
//! rate limit, as an extractor.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::Method;
use error_core::http::axum::HttpError;
use subtle::ConstantTimeEq;

use super::{AppState, LeadError};

/// What a key may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Read and write.
    ReadWrite,
    /// `GET` (and `HEAD`) only.
    ReadOnly,
}

/// The caller of a request: an authenticated key, within its rate, allowed this method.
#[derive(Clone, Copy, Debug)]
pub struct Caller {
    /// The key's name (never the secret itself): what credits are counted against.
    pub key: &'static str,
    /// The tenant whose leads the key reads and writes; every other tenant's lead is a 404.
    pub tenant: &'static str,
    /// What it may do.
    pub access: Access,
}

/// One API key of the demo.
struct Key {
    secret: &'static [u8],
    name: &'static str,
    tenant: &'static str,
    access: Access,
}

/// The demo keys: two tenants, `acme` (a read-write and a read-only key) and `globex`.
const KEYS: &[Key] = &[
    Key {
        secret: b"demo-key",
        name: "demo",
        tenant: "acme",
        access: Access::ReadWrite,
    },
    Key {
        secret: b"read-only-key",
        name: "read-only",
        tenant: "acme",
        access: Access::ReadOnly,
    },
    Key {
        secret: b"other-tenant-key",
        name: "other-tenant",
        tenant: "globex",
        access: Access::ReadWrite,
    },
];

/// The key whose secret is `presented`, compared in constant time (`subtle`) against every
/// key, without stopping at the first match, so the time taken says nothing about how much
/// of a guess was right. (Only the length of the keys could show; a real service stores
/// hashes of long random keys and looks the hash up instead.)
pub fn lookup(presented: &[u8]) -> Option<Caller> {
    let mut found = None;
    for key in KEYS {
        if bool::from(key.secret.ct_eq(presented)) {
            found = Some(Caller {
                key: key.name,
                tenant: key.tenant,
                access: key.access,
            });
        }
    }
    found
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = HttpError<LeadError>;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Without `ConnectInfo` (the router served without it), every caller shares one
        // address: throttling then errs on the side of refusing.
        let address = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0);
        let reads = parts.method == Method::GET || parts.method == Method::HEAD;
        let presented = parts.headers.get("x-api-key").map(|value| value.as_bytes());
        Ok(authorize(app, presented, address, reads)?)
    }
}

/// The checks of every call, over HTTP and gRPC alike: a key is `presented`, the client
/// `address` (if known) is not throttled for wrong keys, the key is valid and within its
/// rate, and it may write unless the call only `reads`.
pub(super) fn authorize(
    app: &AppState,
    presented: Option<&[u8]>,
    address: Option<SocketAddr>,
    reads: bool,
) -> Result<Caller, LeadError> {
    let Some(presented) = presented else {
        return Err(LeadError::MissingApiKey);
    };
    let address = address.map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |address| {
        throttle_address(address.ip())
    });
    let caller = lookup(presented);
    // One decision under one lock: concurrent guesses cannot slip past the count.
    app.auth_gate(address, caller.is_some())?;
    let Some(caller) = caller else {
        return Err(LeadError::InvalidApiKey);
    };
    app.check_rate(caller.key)?;
    if !reads && caller.access == Access::ReadOnly {
        return Err(LeadError::ReadOnlyKey);
    }
    Ok(caller)
}

/// The address the key-guess throttle counts: an IPv4 address as it is (an IPv4-mapped
/// IPv6 address as its IPv4 one), an IPv6 address by its /64 prefix, since one client
/// usually holds a whole /64 and could otherwise rotate through it.
pub fn throttle_address(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(std::net::Ipv6Addr::from(
                u128::from(v6) & !((1u128 << 64) - 1),
            )),
        },
    }
}

/// A fixed one-second window per key. Only valid keys reach it, so it holds one entry per
/// key at most.
#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: HashMap<&'static str, (u64, u32)>,
}

impl RateLimiter {
    /// Counts a request of `key` at `now_millis`; the wait until the next window when the key
    /// is over `rate` requests in this one.
    pub fn hit(&mut self, key: &'static str, now_millis: u64, rate: u32) -> Result<(), Duration> {
        let window = now_millis / 1000;
        let entry = self.windows.entry(key).or_insert((window, 0));
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

/// The most client addresses whose failed key attempts are remembered at once; past it,
/// expired windows are dropped first, then the new address is not tracked (so the table
/// stays within a few hundred KiB whatever the traffic).
pub const MAX_TRACKED_ADDRESSES: usize = 10_000;

/// Failed API-key attempts per client address, in fixed windows: past `limit` failures in
/// one window, the address is refused (429 with `Retry-After` to the window's end) until
/// the window ends, whatever key it sends.
#[derive(Debug, Default)]
pub struct AuthThrottle {
    failures: HashMap<IpAddr, (u64, u32)>,
}

impl AuthThrottle {
    /// The wait left when `address` is over `limit` failures in its current window.
    pub fn check(
        &self,
        address: IpAddr,
        now_millis: u64,
        limit: u32,
        window: Duration,
    ) -> Result<(), Duration> {
        let window_ms = window_millis(window);
        match self.failures.get(&address) {
            Some(&(start, count)) if count >= limit && now_millis < start + window_ms => {
                Err(Duration::from_millis(start + window_ms - now_millis))
            }
            _ => Ok(()),
        }
    }

    /// One attempt of `address`, valid or not: refused (the wait left) when the address is
    /// over `limit` failures in its window; otherwise counted when it failed.
    pub fn attempt(
        &mut self,
        address: IpAddr,
        valid: bool,
        now_millis: u64,
        limit: u32,
        window: Duration,
    ) -> Result<(), Duration> {
        self.check(address, now_millis, limit, window)?;
        if !valid {
            self.fail(address, now_millis, window);
        }
        Ok(())
    }

    /// Counts one failed attempt of `address`.
    pub fn fail(&mut self, address: IpAddr, now_millis: u64, window: Duration) {
        let window_ms = window_millis(window);
        if !self.failures.contains_key(&address) && self.failures.len() >= MAX_TRACKED_ADDRESSES {
            self.failures
                .retain(|_, (start, _)| now_millis < *start + window_ms);
            if self.failures.len() >= MAX_TRACKED_ADDRESSES {
                return;
            }
        }
        let entry = self.failures.entry(address).or_insert((now_millis, 0));
        if now_millis >= entry.0 + window_ms {
            *entry = (now_millis, 0);
        }
        entry.1 = entry.1.saturating_add(1);
    }

    /// How many addresses are tracked.
    pub fn tracked(&self) -> usize {
        self.failures.len()
    }
}

fn window_millis(window: Duration) -> u64 {
    u64::try_from(window.as_millis()).unwrap_or(u64::MAX).max(1)
}
