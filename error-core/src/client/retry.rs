//! Retry advice: whether a failed request may be sent again, and after how long.
//!
//! The rules follow RFC 9110 (section 9.2.2: only idempotent requests are retried
//! automatically; section 10.2.3: `Retry-After`) and the reference pages ("retry only
//! idempotent requests on 429 and 5xx, with exponential backoff; never blindly retry other
//! 4xx").

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime};

use http::{HeaderMap, Method, StatusCode};

use super::remote::{RemoteError, RetryAfter};

/// A source of random 64-bit numbers for the backoff's jitter.
///
/// Any `FnMut() -> u64` is one, so a test can fix the jitter (`|| 1 << 63` is always half
/// of the backoff); [`SplitMix64`] is a small seedable generator.
pub trait RandomSource {
    /// The next number, uniformly distributed over `u64`.
    fn next_u64(&mut self) -> u64;
}

impl<F: FnMut() -> u64> RandomSource for F {
    fn next_u64(&mut self) -> u64 {
        self()
    }
}

/// SplitMix64: a tiny, fast, seedable generator, good enough for jitter (not for secrets).
///
/// ```
/// use error_core::client::{RandomSource, SplitMix64};
///
/// let mut a = SplitMix64::new(7);
/// let mut b = SplitMix64::new(7);
/// assert_eq!(a.next_u64(), b.next_u64());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub const fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// A generator seeded from the process's hash keys and the clock, so that many clients
    /// started together do not retry in step.
    pub fn from_entropy() -> Self {
        let mut hasher = RandomState::new().build_hasher();
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos());
        hasher.write_u128(nanos);
        SplitMix64::new(hasher.finish())
    }
}

impl RandomSource for SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The request that failed: its method, whether it carries an `Idempotency-Key`, and how
/// many times it has already been retried.
///
/// ```
/// use error_core::client::Attempt;
///
/// let mut headers = http::HeaderMap::new();
/// assert!(!Attempt::new(&http::Method::POST, &headers, 0).is_idempotent());
/// headers.insert("idempotency-key", "8e03978e".parse().unwrap());
/// assert!(Attempt::new(&http::Method::POST, &headers, 0).is_idempotent());
/// assert!(Attempt::new(&http::Method::PUT, &http::HeaderMap::new(), 0).is_idempotent());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt<'a> {
    method: &'a Method,
    idempotency_key: bool,
    retries: u32,
    elapsed: Duration,
}

impl<'a> Attempt<'a> {
    /// The request's method and headers, and the number of retries already made (0 after
    /// the first try).
    pub fn new(method: &'a Method, headers: &HeaderMap, retries: u32) -> Self {
        Attempt {
            method,
            idempotency_key: headers.contains_key("idempotency-key"),
            retries,
            elapsed: Duration::ZERO,
        }
    }

    /// The time spent on the request so far, every try and wait included: what
    /// [`RetryPolicy::deadline`] is counted against.
    pub fn elapsed(mut self, elapsed: Duration) -> Self {
        self.elapsed = elapsed;
        self
    }

    /// Whether sending the request twice has the effect of sending it once: an idempotent
    /// method of RFC 9110 (GET, HEAD, OPTIONS, TRACE, PUT, DELETE), or an `Idempotency-Key`.
    pub fn is_idempotent(&self) -> bool {
        self.idempotency_key
            || matches!(
                *self.method,
                Method::GET
                    | Method::HEAD
                    | Method::OPTIONS
                    | Method::TRACE
                    | Method::PUT
                    | Method::DELETE
            )
    }

    /// The retries already made.
    pub fn retries(&self) -> u32 {
        self.retries
    }
}

/// How the request ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No connection was made: the request was never sent, so any method may be retried.
    ConnectFailed,
    /// A network error after the request may have been sent (reset, timeout, broken body).
    Network,
    /// A response, with its `Retry-After`.
    Response {
        /// The status.
        status: StatusCode,
        /// The `Retry-After` header, if any.
        retry_after: Option<RetryAfter>,
    },
}

impl Outcome {
    /// A response, from its status and headers.
    pub fn response(status: StatusCode, headers: &HeaderMap) -> Self {
        Outcome::Response {
            status,
            retry_after: headers
                .get(http::header::RETRY_AFTER)
                .and_then(|value| value.to_str().ok())
                .and_then(RetryAfter::parse),
        }
    }
}

impl From<&RemoteError> for Outcome {
    fn from(remote: &RemoteError) -> Self {
        Outcome::Response {
            status: remote.status(),
            retry_after: remote.retry_after(),
        }
    }
}

/// The advice: retry after a delay, or stop and report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAdvice {
    /// Send the request again after `after`.
    Retry {
        /// How long to wait first.
        after: Duration,
        /// Where the delay comes from.
        basis: Basis,
    },
    /// Do not retry.
    Stop(StopReason),
}

/// Where a retry's delay comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The response's `Retry-After`.
    RetryAfter,
    /// Exponential backoff with full jitter.
    Backoff,
}

/// Why not to retry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// The status is not one retrying can fix (any 4xx but 408 and 429, a 501, a success).
    Status(StatusCode),
    /// The request is not idempotent and may have been applied.
    NotIdempotent,
    /// The retries allowed are used up.
    Exhausted,
    /// The server asks for a longer wait than the policy accepts.
    RetryAfterTooLong(Duration),
    /// Waiting `after` would take the request past the policy's
    /// [deadline](RetryPolicy::deadline).
    DeadlineExceeded {
        /// The wait the retry would need.
        after: Duration,
    },
}

/// When and how long to retry: [`RetryPolicy::advise`].
///
/// Defaults: backoff base 100 ms, doubling per retry, capped at 10 s; at most 3 retries;
/// a `Retry-After` over 60 s stops instead of waiting; a 429 without `Retry-After` waits at
/// least 1 s; no overall deadline (set one with [`RetryPolicy::deadline`]).
///
/// A `Retry-After` is honoured to the letter and then jittered upwards (by the backoff of
/// this retry), so clients told the same second do not come back in step, and none comes
/// back early.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use error_core::client::{Attempt, Basis, Outcome, RetryAdvice, RetryPolicy, StopReason};
/// use http::{HeaderMap, Method, StatusCode};
///
/// let policy = RetryPolicy::new();
/// let headers = HeaderMap::new();
/// let unavailable = Outcome::Response { status: StatusCode::SERVICE_UNAVAILABLE, retry_after: None };
/// let mut half = || 1u64 << 63; // jitter fixed at half of the backoff
///
/// // Second retry of a GET: half of 100 ms * 2^1.
/// let advice = policy.advise(&Attempt::new(&Method::GET, &headers, 1), unavailable,
///     SystemTime::UNIX_EPOCH, &mut half);
/// assert_eq!(advice, RetryAdvice::Retry { after: Duration::from_millis(100), basis: Basis::Backoff });
///
/// // A POST without an Idempotency-Key is never retried on a response.
/// let advice = policy.advise(&Attempt::new(&Method::POST, &headers, 0), unavailable,
///     SystemTime::UNIX_EPOCH, &mut half);
/// assert_eq!(advice, RetryAdvice::Stop(StopReason::NotIdempotent));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    base: Duration,
    cap: Duration,
    max_retries: u32,
    max_retry_after: Duration,
    rate_limited_floor: Duration,
    deadline: Option<Duration>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::new()
    }
}

impl RetryPolicy {
    /// The defaults above.
    pub const fn new() -> Self {
        RetryPolicy {
            base: Duration::from_millis(100),
            cap: Duration::from_secs(10),
            max_retries: 3,
            max_retry_after: Duration::from_secs(60),
            rate_limited_floor: Duration::from_secs(1),
            deadline: None,
        }
    }

    /// The shortest wait after a 429 that has no `Retry-After` (default 1 s): a server that
    /// says "too many" is not helped by a retry 100 ms later.
    pub const fn rate_limited_floor(mut self, floor: Duration) -> Self {
        self.rate_limited_floor = floor;
        self
    }

    /// The overall budget of a request: no retry is advised whose wait would take the
    /// [elapsed](Attempt::elapsed) time past `deadline`
    /// ([`StopReason::DeadlineExceeded`]).
    pub const fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// The backoff ceiling of the first retry; it doubles with each retry.
    pub const fn base_delay(mut self, base: Duration) -> Self {
        self.base = base;
        self
    }

    /// The largest backoff ceiling.
    pub const fn max_delay(mut self, cap: Duration) -> Self {
        self.cap = cap;
        self
    }

    /// How many retries at most (not counting the first try).
    pub const fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The longest `Retry-After` worth waiting for.
    pub const fn max_retry_after(mut self, max: Duration) -> Self {
        self.max_retry_after = max;
        self
    }

    /// Whether a status is worth retrying at all: 408, 425 (Too Early, RFC 8470: the server
    /// asks for the request again once the TLS handshake is complete), 429, 500, 502, 503,
    /// 504.
    pub fn is_retryable_status(status: StatusCode) -> bool {
        matches!(status.as_u16(), 408 | 425 | 429 | 500 | 502 | 503 | 504)
    }

    /// The advice for `attempt` that ended with `outcome`: the status must be retryable,
    /// the request idempotent (unless it was never sent), retries left, and the wait within
    /// the deadline. The wait is the `Retry-After` (an HTTP-date counted from `now`) plus
    /// [`RetryPolicy::backoff`] as jitter; without one, the backoff alone, on top of the
    /// [floor](RetryPolicy::rate_limited_floor) for a 429.
    pub fn advise<R: RandomSource + ?Sized>(
        &self,
        attempt: &Attempt<'_>,
        outcome: Outcome,
        now: SystemTime,
        random: &mut R,
    ) -> RetryAdvice {
        let mut rate_limited = false;
        let retry_after = match outcome {
            Outcome::ConnectFailed => None,
            Outcome::Network => {
                if !attempt.is_idempotent() {
                    return RetryAdvice::Stop(StopReason::NotIdempotent);
                }
                None
            }
            Outcome::Response {
                status,
                retry_after,
            } => {
                if !RetryPolicy::is_retryable_status(status) {
                    return RetryAdvice::Stop(StopReason::Status(status));
                }
                if !attempt.is_idempotent() {
                    return RetryAdvice::Stop(StopReason::NotIdempotent);
                }
                rate_limited = status == StatusCode::TOO_MANY_REQUESTS;
                retry_after
            }
        };
        if attempt.retries >= self.max_retries {
            return RetryAdvice::Stop(StopReason::Exhausted);
        }
        let jitter = self.backoff(attempt.retries, random);
        let (after, basis) = match retry_after {
            Some(retry_after) => {
                let asked = retry_after.delay_from(now);
                if asked > self.max_retry_after {
                    return RetryAdvice::Stop(StopReason::RetryAfterTooLong(asked));
                }
                // Never earlier than asked; spread upwards.
                (asked.saturating_add(jitter), Basis::RetryAfter)
            }
            None if rate_limited => (
                self.rate_limited_floor.saturating_add(jitter),
                Basis::Backoff,
            ),
            None => (jitter, Basis::Backoff),
        };
        if let Some(deadline) = self.deadline {
            if attempt.elapsed.saturating_add(after) > deadline {
                return RetryAdvice::Stop(StopReason::DeadlineExceeded { after });
            }
        }
        RetryAdvice::Retry { after, basis }
    }

    /// Exponential backoff with full jitter: a delay drawn uniformly from
    /// `[0, min(cap, base * 2^retries))`, the fraction being the top 53 bits of one random
    /// number.
    ///
    /// ```
    /// use std::time::Duration;
    /// use error_core::client::RetryPolicy;
    ///
    /// let policy = RetryPolicy::new();
    /// assert_eq!(policy.backoff(0, &mut || 1 << 63), Duration::from_millis(50));
    /// assert_eq!(policy.backoff(3, &mut || 1 << 62), Duration::from_millis(200));
    /// assert_eq!(policy.backoff(20, &mut || 1 << 63), Duration::from_secs(5)); // capped
    /// assert_eq!(policy.backoff(2, &mut || 0), Duration::ZERO);
    /// ```
    pub fn backoff<R: RandomSource + ?Sized>(&self, retries: u32, random: &mut R) -> Duration {
        let base = self.base.as_nanos();
        let ceiling = match 1u128.checked_shl(retries.min(64)) {
            Some(factor) => base.saturating_mul(factor),
            None => u128::MAX,
        }
        .min(self.cap.as_nanos());
        let fraction = u128::from(random.next_u64() >> 11);
        let nanos = ceiling.saturating_mul(fraction) >> 53;
        Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
    }
}
