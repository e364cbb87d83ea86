//! Server side: any `ApiError` as a `tonic::Status` with google.rpc details.

use tonic_types::{
    BadRequest, ErrorDetail, ErrorInfo, FieldViolation, Help, LocalizedMessage, RequestInfo,
    RetryInfo, StatusExt,
};

use super::metadata::placeholder_values;
use super::{field_path, field_reason, reason, Code, GrpcContext};
use crate::ApiError;

/// The `tonic::Status` of `error`.
///
/// - **code**: [`ctx.code()`](GrpcContext::code) if set, else [`Code::from_http`] of the
///   HTTP status.
/// - **message**: the client-facing message, as in the HTTP envelope.
/// - **details** (`google.rpc.Status.details`, built with tonic-types), in this order:
///   - `ErrorInfo`: `reason` the detail code in UPPER_SNAKE_CASE ([`reason`]:
///     `lead/not-found` is `LEAD_NOT_FOUND`), `domain` from the context, `metadata` the
///     values of the message's named placeholders (`{"id": "7"}`; none for a static
///     message). Left out when the code makes no valid reason (the derive rejects such
///     codes when the enum opts into gRPC).
///   - `BadRequest`, when the variant carries field errors: one `FieldViolation` per kept
///     error, `field` in AIP's JSON form ([`field_path`]: `emailAddresses[1].email`),
///     `description` the message, `reason` from the code ([`field_reason`]).
///   - `RetryInfo`, from an `#[api(retry_after)]` value.
///   - `RequestInfo`, when the context has a request id (`serving_data` empty).
///   - `LocalizedMessage`, when the context's [`Localize`](super::Localize) has the message
///     in the client's locale.
///
/// `#[api(details)]` values have no google.rpc counterpart and are not sent; `Help` waits
/// for documentation links in the catalogue.
///
/// **The 5xx rule**: the message of a 5xx is its static catalogue message, and no detail
/// holds anything of the source error (there is no `DebugInfo`); the source chain of
/// [`ctx.with_source`](GrpcContext::with_source) is logged once, here, with the request id,
/// the HTTP status and the detail code, by [`log_server_error`](crate::http::log_server_error)
/// (without a source, the status and code alone).
///
/// ```
/// use error_core::grpc::{to_status, GrpcContext};
/// use error_core::ApiError;
/// use tonic_types::StatusExt;
///
/// #[derive(Debug, ApiError)]
/// enum LeadError {
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let status = to_status(&LeadError::NotFound { id: 7 }, &GrpcContext::new("leads.example.com"));
/// assert_eq!(status.code(), tonic::Code::NotFound);
/// assert_eq!(status.message(), "Lead 7 was not found.");
/// let info = status.get_details_error_info().unwrap();
/// assert_eq!(info.reason, "LEAD_NOT_FOUND");
/// assert_eq!(info.domain, "leads.example.com");
/// assert_eq!(info.metadata["id"], "7");
///
/// // With a documentation link (`docs = …`), a `Help` detail carries it.
/// #[derive(Debug, ApiError)]
/// #[api(docs = "https://docs.example.com/errors")]
/// enum Documented {
///     #[api(status = 404, code = "lead/not-found")]
///     NotFound,
/// }
/// let status = to_status(&Documented::NotFound, &GrpcContext::new("leads.example.com"));
/// let help = status.get_details_help().unwrap();
/// assert_eq!(help.links[0].url, "https://docs.example.com/errors#lead/not-found");
/// assert_eq!(help.links[0].description, "Additional information on this error");
/// ```
pub fn to_status<E: ApiError + ?Sized>(error: &E, ctx: &GrpcContext<'_>) -> tonic::Status {
    let http_status = error.status();
    let code = ctx
        .code()
        .unwrap_or_else(|| Code::from_http(http_status.as_u16()));
    if http_status.is_server_error() {
        log_once(error, ctx);
    }
    let message = error.message();
    let mut details: Vec<ErrorDetail> = Vec::with_capacity(5);
    if let Ok(reason) = reason(error.code()) {
        details.push(ErrorInfo::new(reason, ctx.domain(), placeholder_values(error)).into());
    }
    if let Some(fields) = error.field_errors().filter(|fields| !fields.is_empty()) {
        let violations: Vec<FieldViolation> = fields
            .iter()
            .map(|field| {
                let mut violation = FieldViolation::new(field_path(field.path()), field.message());
                violation.reason = field_reason(field);
                violation
            })
            .collect();
        details.push(BadRequest::new(violations).into());
    }
    if let Some(delay) = error.retry_after() {
        details.push(RetryInfo::new(Some(delay)).into());
    }
    if let Some(link) = error.entry().docs() {
        // The same link and description as the AIP-193 JSON format's `Help` detail.
        details.push(Help::with_link(crate::format::aip::HELP_DESCRIPTION, link).into());
    }
    if let Some(request_id) = ctx.request_id() {
        details.push(RequestInfo::new(request_id, "").into());
    }
    if let Some((locale, localized)) = ctx.localize(error.entry(), &message) {
        details.push(LocalizedMessage::new(locale, localized).into());
    } else if let Some(locale) = ctx.translation() {
        let mut localized = crate::__private::PlainMessage(String::new());
        if error.write_message_in(locale, &mut localized) {
            details.push(LocalizedMessage::new(locale, localized.0).into());
        }
    }
    tonic::Status::with_error_details_vec(code.into(), message, details)
}

/// The one log line of a 5xx, in the shape of the HTTP adapters' line.
fn log_once<E: ApiError + ?Sized>(error: &E, ctx: &GrpcContext<'_>) {
    let request_id = ctx.request_id().unwrap_or("");
    match ctx.source() {
        Some(source) => {
            crate::http::log_server_error(source, request_id, error.status(), error.code())
        }
        None => tracing::error!(
            request_id,
            status = error.status().as_u16(),
            code = error.code(),
            "server error"
        ),
    }
}
