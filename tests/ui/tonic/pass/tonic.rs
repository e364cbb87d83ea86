//! `#[api(tonic)]` on a generic enum with a lifetime, a struct, a transparent variant and
//! overrides, in a crate with `#![deny(warnings)]`, local items named like the expansion's
//! (`Status`, `Code`, `error`, `probe`) and a type that is not a `std::error::Error`.
#![deny(warnings)]

use std::fmt::Display;

use error_core::ApiError;

#[allow(dead_code)]
struct Status;
#[allow(dead_code)]
struct Code;

#[derive(Debug, ApiError)]
#[api(tonic, grpc_domain = "leads.example.com")]
enum LeadError<'a, T: Display> {
    #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
    NotFound { id: T },
    #[api(status = 409, code = "lead/edit-conflict", grpc = "ABORTED")]
    EditConflict { error: &'a str, probe: u8 },
    #[api(status = 400, code = "lead/range", grpc = "OUT_OF_RANGE")]
    Range,
    #[api(transparent)]
    Auth(AuthError),
}

#[derive(Debug, ApiError)]
#[api(tonic, grpc_domain = "auth.example.com", status = 401, www_authenticate = "Bearer")]
struct AuthError;

fn main() {
    let not_found: LeadError<'_, u64> = LeadError::NotFound { id: 7 };
    let status = tonic::Status::from(not_found);
    assert_eq!(status.code(), tonic::Code::NotFound);
    assert_eq!(status.message(), "Lead 7 was not found.");
    let conflict: LeadError<'_, u64> = LeadError::EditConflict { error: "x", probe: 1 };
    assert_eq!(tonic::Status::from(&conflict).code(), tonic::Code::Aborted);
    let range: LeadError<'_, u8> = LeadError::Range;
    assert_eq!(tonic::Status::from(range).code(), tonic::Code::OutOfRange);
    // A transparent variant: the inner error's status and code, the outer enum's domain.
    let auth: LeadError<'_, u8> = LeadError::Auth(AuthError);
    let auth = tonic::Status::from(auth);
    assert_eq!(auth.code(), tonic::Code::Unauthenticated);
    assert!(auth.message().starts_with("Unauthorized"));
}
