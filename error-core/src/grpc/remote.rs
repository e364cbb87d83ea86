//! Client side: a `tonic::Status` back into a `RemoteError`, and into the typed enum.

use std::time::Duration;

use serde_json::{json, Map, Value};
use tonic_types::StatusExt;

use super::reason::{field_code, is_reason_of};
use super::{parse_field_path, Code};
use crate::client::{FromRemote, RemoteError};
use crate::format::Builtin;
use crate::{catalogue, CatalogueEntry};

/// What a client learns from a `tonic::Status`, as a [`RemoteError`], so that everything
/// written for HTTP errors (`from_remote`, [`match_entry`](crate::client::match_entry),
/// `Display`) works on gRPC errors too.
///
/// - **code**: the catalogue entry whose detail code has `ErrorInfo.reason` as its
///   [`reason`](super::reason) (`LEAD_NOT_FOUND` is `lead/not-found`); none when there is
///   no `ErrorInfo`, or no entry or several entries have that reason.
/// - **status**: that entry's HTTP status, else the gRPC code's canonical one
///   ([`Code::http_status`]).
/// - **message**: the status message.
/// - **field errors**: `BadRequest`'s violations, the path read by
///   [`parse_field_path`], the message from `description`, the code rebuilt for the
///   [`FieldErrorKind`](crate::FieldErrorKind) defaults (`VALIDATION_MISSING` at
///   `leads.0.phone` is `validation/missing-leads.0.phone`) and empty otherwise.
/// - **request id**: `RequestInfo.request_id`.
/// - **`Retry-After`**: `RetryInfo.retry_delay`, in whole seconds rounded up (the unit of
///   `Retry-After`; [`advise`](super::advise) uses the exact delay).
///
/// The value reads as a [Problem](Builtin::Problem) envelope (`kind()`), the shape it is
/// carried in; it has no timestamp, version or content type. `None` for `OK`.
///
/// ```
/// use error_core::grpc::{remote_error, to_status, GrpcContext};
/// use error_core::ApiError;
///
/// #[derive(Debug, PartialEq, ApiError)]
/// enum LeadError {
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let status = to_status(&LeadError::NotFound { id: 7 }, &GrpcContext::new("leads.example.com"));
/// let remote = remote_error(&status, LeadError::CATALOGUE).unwrap();
/// assert_eq!(remote.code(), Some("lead/not-found"));
/// assert_eq!(remote.status(), http::StatusCode::NOT_FOUND);
/// assert_eq!(remote.message(), Some("Lead 7 was not found."));
/// ```
pub fn remote_error(
    status: &tonic::Status,
    catalogue: &'static [CatalogueEntry],
) -> Option<RemoteError> {
    let code = Code::from(status.code());
    if code == Code::Ok {
        return None;
    }
    let details = status.get_error_details();
    let entry = details
        .error_info()
        .and_then(|info| entry_of_reason(&info.reason, catalogue));
    let http_status = entry.map_or(code.http_status(), CatalogueEntry::status);
    let http_status =
        http::StatusCode::from_u16(http_status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);

    let mut body = Map::new();
    body.insert("type".into(), "about:blank".into());
    body.insert(
        "title".into(),
        http_status.canonical_reason().unwrap_or("").into(),
    );
    body.insert("status".into(), http_status.as_u16().into());
    body.insert("detail".into(), status.message().into());
    if let Some(entry) = entry {
        body.insert("code".into(), entry.code().into());
    }
    if let Some(bad_request) = details.bad_request() {
        let errors: Vec<Value> = bad_request
            .field_violations
            .iter()
            .map(|violation| {
                let path = parse_field_path(&violation.field);
                json!({
                    "detail": violation.description,
                    "pointer": path.pointer(),
                    "code": field_code(&violation.reason, &path),
                })
            })
            .collect();
        body.insert("errors".into(), errors.into());
    }
    if let Some(info) = details.request_info() {
        body.insert("request_id".into(), info.request_id.as_str().into());
    }

    let mut headers = http::HeaderMap::new();
    if let Some(delay) = details.retry_info().and_then(|info| info.retry_delay) {
        headers.insert(
            http::header::RETRY_AFTER,
            http::HeaderValue::from(whole_seconds_up(delay)),
        );
    }
    let bytes = serde_json::to_vec(&Value::Object(body)).ok()?;
    Some(RemoteError::parse_as(
        Builtin::Problem,
        http_status,
        &headers,
        &bytes,
    ))
}

/// The value of `E` a `tonic::Status` stands for, as
/// [`FromRemote::from_remote`] finds it for an HTTP response: the variant by
/// `ErrorInfo.reason`, rebuilt when its fields can be (none, field errors from
/// `BadRequest`, a `retry_after` from `RetryInfo`, a `transparent` inner error).
///
/// ```
/// use error_core::grpc::{from_status, to_status, GrpcContext};
/// use error_core::{ApiError, FieldError, FieldErrors};
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api(client)]
/// enum LeadError {
///     #[api(status = 422, code = "validation_failed", message = "Validation failed")]
///     Validation(#[api(fields)] FieldErrors),
/// }
///
/// let sent = LeadError::Validation(FieldErrors::new().with(FieldError::missing("leads.0.phone")));
/// let status = to_status(&sent, &GrpcContext::new("leads.example.com"));
/// let Some(LeadError::Validation(fields)) = from_status::<LeadError>(&status) else { panic!() };
/// let field = &fields.as_slice()[0];
/// assert_eq!(field.path().to_string(), "leads.0.phone");
/// assert_eq!(field.code(), "validation/missing-leads.0.phone");
/// assert_eq!(field.message(), "leads.0.phone is required.");
/// ```
pub fn from_status<E: FromRemote>(status: &tonic::Status) -> Option<E> {
    E::from_remote(&remote_error(status, E::CATALOGUE)?)
}

/// The only entry (through `transparent` variants) whose code has this reason.
fn entry_of_reason(
    reason: &str,
    catalogue: &'static [CatalogueEntry],
) -> Option<&'static CatalogueEntry> {
    let mut found =
        catalogue::entries(catalogue).filter(|entry| is_reason_of(reason, entry.code()));
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

fn whole_seconds_up(delay: Duration) -> u64 {
    delay.as_secs() + u64::from(delay.subsec_nanos() > 0)
}
