//! One catalogue for HTTP and gRPC.
//!
//! - [`Code`]: the `google.rpc.Code` values, their canonical names (`NOT_FOUND`) and their
//!   pairing with HTTP statuses, in one table (no feature needed: the AIP-193 JSON format
//!   uses it too). [`reason`] turns a detail code into AIP-193's `ErrorInfo.reason`,
//!   [`field_path`] a field error's path into `BadRequest`'s `emailAddresses[1].email`.
//! - Server side (feature `tonic`): [`to_status`] turns any `ApiError` into a
//!   `tonic::Status` with the code from the HTTP status, the client-facing message, and
//!   `ErrorInfo`, `BadRequest`, `RetryInfo`, `RequestInfo` and `LocalizedMessage` details
//!   built with tonic-types; [`GrpcContext`] holds the domain, the request id, the locale.
//! - Client side (features `tonic` and `client`): [`from_status`] reads a status back into
//!   the service's enum through [`FromRemote`](crate::client::FromRemote), [`remote_error`]
//!   into a [`RemoteError`](crate::client::RemoteError); [`advise`] gives retry advice for
//!   gRPC codes with the HTTP [`RetryPolicy`](crate::client::RetryPolicy).
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
