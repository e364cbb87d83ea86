//! Retry advice for gRPC codes, through the same [`RetryPolicy`] as HTTP.

use std::time::SystemTime;

use http::{HeaderMap, Method, StatusCode};
use tonic_types::StatusExt;

use super::Code;
use crate::client::{
    Attempt, Outcome, RandomSource, RetryAdvice, RetryAfter, RetryPolicy, StopReason,
};

/// Whether a gRPC method may run twice, as its proto declares it
/// (`google.protobuf.MethodOptions.idempotency_level`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Idempotency {
    /// `IDEMPOTENCY_UNKNOWN`, the default: never retried after it may have run.
    #[default]
    Unknown,
    /// `NO_SIDE_EFFECTS`: safe, like HTTP `GET`.
    NoSideEffects,
    /// `IDEMPOTENT`: running it twice is running it once, like HTTP `PUT`.
    Idempotent,
}

impl Idempotency {
    /// The HTTP method `descriptor.proto` likens the level to (`GET`, `PUT`; `POST`, what
    /// every gRPC call is on the wire, for an unknown level), so that the HTTP policy's
    /// idempotency rule applies unchanged.
    fn method(self) -> Method {
        match self {
            Idempotency::Unknown => Method::POST,
            Idempotency::NoSideEffects => Method::GET,
            Idempotency::Idempotent => Method::PUT,
        }
    }
}

/// A gRPC call that failed: how idempotent its method is, and how many retries were made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Call {
    idempotency: Idempotency,
    retries: u32,
}

impl Call {
    /// The call of a method with this idempotency, after `retries` retries (0 after the
    /// first try).
    pub const fn new(idempotency: Idempotency, retries: u32) -> Self {
        Call {
            idempotency,
            retries,
        }
    }
}

/// Whether to send a failed gRPC call again, and when, after AIP-194 and
/// `google/rpc/code.proto`, through the HTTP [`RetryPolicy`] (its retry count, backoff and
/// longest accepted delay):
///
/// | code | retried | delay |
/// |---|---|---|
/// | `UNAVAILABLE` | idempotent calls | `RetryInfo`, else backoff |
/// | `RESOURCE_EXHAUSTED` | idempotent calls, only with a `RetryInfo` (a quota without one may last hours) | `RetryInfo` |
/// | `DEADLINE_EXCEEDED` | idempotent calls | `RetryInfo`, else backoff |
/// | `ABORTED` | idempotent calls | `RetryInfo`, else backoff |
/// | any other | never: `Stop(Status(s))`, `s` the code's [HTTP status](Code::http_status) | |
///
/// "Idempotent" is [`Idempotency::NoSideEffects`] or [`Idempotency::Idempotent`]; a call
/// of unknown idempotency stops with [`StopReason::NotIdempotent`].
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use error_core::client::{Basis, RetryAdvice, RetryPolicy, StopReason};
/// use error_core::grpc::{advise, Call, Idempotency};
/// use tonic_types::{ErrorDetails, StatusExt};
///
/// let policy = RetryPolicy::new();
/// let call = Call::new(Idempotency::Idempotent, 0);
/// let limited = tonic::Status::with_error_details(
///     tonic::Code::ResourceExhausted,
///     "Slow down.",
///     ErrorDetails::with_retry_info(Some(Duration::from_millis(1500))),
/// );
/// assert_eq!(
///     advise(&policy, &call, &limited, SystemTime::now(), &mut || 0),
///     RetryAdvice::Retry { after: Duration::from_millis(1500), basis: Basis::RetryAfter },
/// );
/// let quota = tonic::Status::resource_exhausted("Quota exceeded.");
/// assert_eq!(
///     advise(&policy, &call, &quota, SystemTime::now(), &mut || 0),
///     RetryAdvice::Stop(StopReason::Status(http::StatusCode::TOO_MANY_REQUESTS)),
/// );
/// ```
pub fn advise<R: RandomSource + ?Sized>(
    policy: &RetryPolicy,
    call: &Call,
    status: &tonic::Status,
    now: SystemTime,
    random: &mut R,
) -> RetryAdvice {
    let code = Code::from(status.code());
    let retry_after = status
        .get_details_retry_info()
        .and_then(|info| info.retry_delay)
        .map(RetryAfter::Delay);
    // The HTTP status the policy sees: one it retries for the four retryable codes (the
    // code's own pair where that is one, 503 for ABORTED), the code's pair otherwise.
    let http = match code {
        Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Code::DeadlineExceeded => StatusCode::GATEWAY_TIMEOUT,
        Code::Aborted => StatusCode::SERVICE_UNAVAILABLE,
        Code::ResourceExhausted if retry_after.is_some() => StatusCode::TOO_MANY_REQUESTS,
        other => {
            let status = StatusCode::from_u16(other.http_status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return RetryAdvice::Stop(StopReason::Status(status));
        }
    };
    let method = call.idempotency.method();
    let attempt = Attempt::new(&method, &HeaderMap::new(), call.retries);
    policy.advise(
        &attempt,
        Outcome::Response {
            status: http,
            retry_after,
        },
        now,
        random,
    )
}
