//! One catalogue for HTTP and gRPC.
//!
//! - [`Code`]: the `google.rpc.Code` values, their canonical names (`NOT_FOUND`) and their
//!   pairing with HTTP statuses, in one table (no feature needed: the AIP-193 JSON format
//!   uses it too). [`reason`] turns a detail code into AIP-193's `ErrorInfo.reason`,
//!   [`field_path`] a field error's path into `BadRequest`'s `emailAddresses[1].email`.
//! - Server side (feature `tonic`): `to_status` turns any `ApiError` into a
//!   `tonic::Status` with the code from the HTTP status, the client-facing message, and
//!   `ErrorInfo`, `BadRequest`, `RetryInfo`, `RequestInfo` and `LocalizedMessage` details
//!   built with tonic-types; `GrpcContext` holds the domain, the request id, the locale.
//! - Client side (features `tonic` and `client`): `from_status` reads a status back into
//!   the service's enum through `client::FromRemote`, `remote_error` into a
//!   `client::RemoteError`; `advise` gives retry advice for gRPC codes with the HTTP
//!   `client::RetryPolicy`.
//!
//! The whole way, over a real tonic server and client on loopback, is in
//! `tests/tests/test_grpc.rs`.

mod code;
#[cfg(feature = "tonic")]
mod context;
#[cfg(feature = "tonic")]
mod metadata;
mod reason;
#[cfg(all(feature = "tonic", feature = "client"))]
mod remote;
#[cfg(all(feature = "tonic", feature = "client"))]
mod retry;
#[cfg(feature = "tonic")]
mod status;

pub use code::Code;
#[cfg(feature = "tonic")]
pub use context::{GrpcContext, Localize};
pub use reason::{
    check_reason, field_path, field_reason, parse_field_path, reason, ReasonError, MAX_REASON_LEN,
};
#[cfg(all(feature = "tonic", feature = "client"))]
pub use remote::{from_status, remote_error};
#[cfg(all(feature = "tonic", feature = "client"))]
pub use retry::{advise, Call, Idempotency};
#[cfg(feature = "tonic")]
pub use status::to_status;

/// Support for the `impl From<&E>` / `From<E> for tonic::Status` the derive generates for
/// an enum that asks for it (`#[api(tonic, grpc_domain = "leads.example.com")]`); not a
/// public API. The generated body is one call:
///
/// ```ignore
/// let probe = Probe(error);
/// ::error_core::grpc::__derive::status(
///     error,
///     match error { Self::EditConflict { .. } => Some(Code::Aborted), Self::NotFound { .. } => None },
///     (&probe).source_of(),
///     "leads.example.com",
/// )
/// ```
///
/// with, per overriding variant (`#[api(grpc = "ABORTED")]`, which the derive has checked),
/// `const _: () = assert!(Code::Aborted.pairs_with(409), …);` spanned at the override.
#[cfg(feature = "tonic")]
#[doc(hidden)]
pub mod __derive {
    use std::error::Error;

    use super::{to_status, Code, GrpcContext};
    use crate::http::RequestScope;
    use crate::ApiError;

    /// The type the generated impls convert into, reachable without a dependency on tonic.
    pub use tonic::Status;

    /// The status of `error`: the request id of the current [`RequestScope`] (if any),
    /// the variant's code override, the source chain a 5xx logs, the enum's domain.
    pub fn status<E: ApiError + ?Sized>(
        error: &E,
        code: Option<Code>,
        source: Option<&dyn Error>,
        domain: &str,
    ) -> tonic::Status {
        let scope = RequestScope::current();
        let mut ctx = GrpcContext::new(domain);
        if let Some(scope) = &scope {
            ctx = ctx.with_request_id(scope.request_id().as_str());
            if let Some(language) = scope.language() {
                ctx = ctx.with_translation(language);
            }
        }
        if let Some(code) = code {
            ctx = ctx.with_code(code);
        }
        if let Some(source) = source {
            ctx = ctx.with_source(source);
        }
        to_status(error, &ctx)
    }

    /// Autoref specialization: `(&Probe(&e)).source_of()` is `Some(e)` when `e` is a
    /// `std::error::Error` (so a 5xx logs its source chain) and `None` otherwise.
    pub struct Probe<'a, T>(pub &'a T);

    /// The specific case: the error is a `std::error::Error`.
    pub trait WithSource {
        /// The error itself, as the head of its source chain.
        fn source_of(&self) -> Option<&dyn Error>;
    }

    impl<T: Error> WithSource for Probe<'_, T> {
        fn source_of(&self) -> Option<&dyn Error> {
            Some(self.0)
        }
    }

    /// The fallback: no source chain to log.
    pub trait WithoutSource {
        /// `None`.
        fn source_of(&self) -> Option<&dyn Error>;
    }

    impl<T> WithoutSource for &Probe<'_, T> {
        fn source_of(&self) -> Option<&dyn Error> {
            None
        }
    }
}
