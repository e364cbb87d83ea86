//! One catalogue for HTTP and gRPC (feature `tonic`): the HTTP status ↔ `google.rpc.Code`
//! table, `to_status` with its google.rpc details, `from_status` back into the typed enum,
//! retry advice for gRPC codes, and every error of two example catalogues over a real tonic
//! server and client on 127.0.0.1 (a hand-written prost message and a manual service on
//! tonic's `Grpc` and codec APIs: no protoc, no codegen).
#![cfg(feature = "tonic")]

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime};

use error_core::client::{Basis, RetryAdvice, RetryPolicy, StopReason};
use error_core::grpc::{
    advise, field_path, from_status, parse_field_path, reason, remote_error, to_status, Call, Code,
    GrpcContext, Idempotency, ReasonError,
};
use error_core::{ApiError, CatalogueEntry, FieldError, FieldErrors, FieldPath};
use error_examples::catalogues::leadey::{self, LeadeyError};
use error_examples::catalogues::leo::{self, LeoError};
use tonic_types::{
    BadRequest, ErrorDetail, ErrorInfo, FieldViolation, LocalizedMessage, RequestInfo, RetryInfo,
    StatusExt,
};

const DOMAIN: &str = "leads.example.com";

// ---------------------------------------------------------------------------------------
// The code table.

#[test]
fn every_error_status_maps_to_a_code_that_pairs_with_it() {
    for status in 400..=599u16 {
        let code = Code::from_http(status);
        assert!(code.pairs_with(status), "{status} -> {code}");
    }
    // Every status a row names pairs with that row's code, and the canonical one maps back.
    for code in Code::ALL {
        for &status in code.http_statuses() {
            assert!(code.pairs_with(status), "{code} / {status}");
        }
        assert_eq!(Code::from_i32(code.as_i32()), Some(code));
        assert_eq!(Code::from_name(code.name()), Some(code));
        assert_eq!(Code::from(tonic::Code::from(code)), code);
        assert_eq!(tonic::Code::from(code) as i32, code.as_i32());
    }
    assert_eq!(Code::from_i32(17), None);
}

#[test]
fn the_mapping_from_http() {
    let named = [
        400, 401, 402, 403, 404, 405, 406, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
        422, 423, 424, 425, 426, 428, 429, 431, 451, 499, 500, 501, 502, 503, 504, 505, 507, 511,
        599,
    ];
    let table: Vec<String> = named
        .iter()
        .map(|&status| format!("{status} {}", Code::from_http(status)))
        .collect();
    assert_eq!(
        table,
        [
            "400 INVALID_ARGUMENT",
            "401 UNAUTHENTICATED",
            "402 FAILED_PRECONDITION",
            "403 PERMISSION_DENIED",
            "404 NOT_FOUND",
            "405 UNIMPLEMENTED",
            "406 INVALID_ARGUMENT",
            "408 DEADLINE_EXCEEDED",
            "409 ALREADY_EXISTS",
            "410 NOT_FOUND",
            "411 INVALID_ARGUMENT",
            "412 FAILED_PRECONDITION",
            "413 RESOURCE_EXHAUSTED",
            "414 INVALID_ARGUMENT",
            "415 INVALID_ARGUMENT",
            "416 OUT_OF_RANGE",
            "417 FAILED_PRECONDITION",
            "418 FAILED_PRECONDITION",
            "422 INVALID_ARGUMENT",
            "423 FAILED_PRECONDITION",
            "424 FAILED_PRECONDITION",
            "425 UNAVAILABLE",
            "426 FAILED_PRECONDITION",
            "428 FAILED_PRECONDITION",
            "429 RESOURCE_EXHAUSTED",
            "431 INVALID_ARGUMENT",
            "451 PERMISSION_DENIED",
            "499 CANCELLED",
            "500 INTERNAL",
            "501 UNIMPLEMENTED",
            "502 UNAVAILABLE",
            "503 UNAVAILABLE",
            "504 DEADLINE_EXCEEDED",
            "505 UNIMPLEMENTED",
            "507 RESOURCE_EXHAUSTED",
            "511 UNAUTHENTICATED",
            "599 INTERNAL",
        ]
    );
    assert_eq!(Code::from_http(200), Code::Ok);
    assert_eq!(Code::from_http(302), Code::Unknown);
}

#[test]
fn the_canonical_status_and_name_of_every_code() {
    let table: Vec<String> = Code::ALL
        .iter()
        .map(|code| format!("{} {} {}", code.as_i32(), code.name(), code.http_status()))
        .collect();
    assert_eq!(
        table,
        [
            "0 OK 200",
            "1 CANCELLED 499",
            "2 UNKNOWN 500",
            "3 INVALID_ARGUMENT 400",
            "4 DEADLINE_EXCEEDED 504",
            "5 NOT_FOUND 404",
            "6 ALREADY_EXISTS 409",
            "7 PERMISSION_DENIED 403",
            "8 RESOURCE_EXHAUSTED 429",
            "9 FAILED_PRECONDITION 400",
            "10 ABORTED 409",
            "11 OUT_OF_RANGE 400",
            "12 UNIMPLEMENTED 501",
            "13 INTERNAL 500",
            "14 UNAVAILABLE 503",
            "15 DATA_LOSS 500",
            "16 UNAUTHENTICATED 401",
        ]
    );
}

#[test]
fn overrides_that_pair_and_that_do_not() {
    // Google's table pairs 400 with three codes, 409 with two, 500 with three.
    for code in [
        Code::InvalidArgument,
        Code::FailedPrecondition,
        Code::OutOfRange,
    ] {
        assert!(code.pairs_with(400));
    }
    assert!(Code::Aborted.pairs_with(409));
    assert!(Code::AlreadyExists.pairs_with(409));
    assert!(Code::DataLoss.pairs_with(500) && Code::Unknown.pairs_with(500));
    // Unnamed statuses pair with their default only.
    assert!(Code::FailedPrecondition.pairs_with(460));
    assert!(Code::Internal.pairs_with(560));
    // Mismatches a compile-time check rejects.
    assert!(!Code::Aborted.pairs_with(404));
    assert!(!Code::NotFound.pairs_with(500));
    assert!(!Code::Unavailable.pairs_with(400));
    assert!(!Code::Internal.pairs_with(503));
    assert!(!Code::Ok.pairs_with(404));
    const _: () = assert!(Code::Aborted.pairs_with(409) && !Code::Aborted.pairs_with(404));
}

// ---------------------------------------------------------------------------------------
// Reasons and field paths.

#[test]
fn reasons_from_detail_codes() {
    let cases = [
        ("lead/not-found", Ok("LEAD_NOT_FOUND")),
        ("validation_error", Ok("VALIDATION_ERROR")),
        ("internal_server_error", Ok("INTERNAL_SERVER_ERROR")),
        ("a1/b2", Ok("A1_B2")),
        ("ok", Err(ReasonError::TooShort)),
        ("2fa_required", Err(ReasonError::BadStart)),
        ("/lead", Err(ReasonError::BadStart)),
        ("lead-", Err(ReasonError::BadEnd)),
        ("lead.not.found", Err(ReasonError::BadCharacter)),
        ("", Err(ReasonError::TooShort)),
    ];
    for (code, expected) in cases {
        assert_eq!(reason(code).as_deref().map_err(|e| *e), expected, "{code}");
    }
    assert_eq!(reason(&"a".repeat(63)).map(|r| r.len()), Ok(63));
    assert_eq!(reason(&"a".repeat(64)), Err(ReasonError::TooLong));
    // Every code of the example catalogues makes a valid reason.
    for example in error_examples::catalogues::all() {
        for entry in error_core::catalogue::entries(example.catalogue) {
            assert!(reason(entry.code()).is_ok(), "{}", entry.code());
        }
    }
}

#[test]
fn field_paths_in_aip_form_and_back() {
    let cases = [
        (FieldPath::from("fullName"), "fullName"),
        (
            FieldPath::from("emailAddresses.1.email"),
            "emailAddresses[1].email",
        ),
        (
            FieldPath::from("emailAddresses.3.type.2"),
            "emailAddresses[3].type[2]",
        ),
        (FieldPath::new().index(0).key("phone"), "[0].phone"),
        (FieldPath::new().index(0).index(1), "[0][1]"),
        (
            FieldPath::new().key("labels").key("x-y.z"),
            "labels.`x-y.z`",
        ),
        (FieldPath::new().key("a`b"), "`a``b`"),
        (FieldPath::new().key("0"), "`0`"),
        (FieldPath::new(), ""),
    ];
    for (path, field) in cases {
        assert_eq!(field_path(&path), field);
        assert_eq!(parse_field_path(field), path, "{field}");
    }
    // Lenient reading of other spellings.
    assert_eq!(
        parse_field_path("leads.0.phone"),
        FieldPath::from("leads.0.phone")
    );
    assert_eq!(parse_field_path("a[x]"), FieldPath::new().key("a[x]"));
    assert_eq!(
        parse_field_path("`unclosed"),
        FieldPath::new().key("unclosed")
    );
}

// ---------------------------------------------------------------------------------------
// to_status without a wire.

#[derive(Debug, PartialEq, ApiError)]
#[api(client)]
enum LeadError {
    #[api(
        status = 404,
        code = "lead/not-found",
        message = "Lead {id} of {owner} was not found."
    )]
    NotFound { id: u64, owner: String },
    #[api(
        status = 409,
        code = "lead/edit-conflict",
        message = "Edited meanwhile."
    )]
    EditConflict,
    #[api(status = 400, code = "lead/tuple", message = "Bad {0}.")]
    Tuple(String),
    #[api(status = 503, code = "unavailable", message = "Try again later.")]
    Unavailable {
        #[api(retry_after)]
        wait: Duration,
    },
    #[api(status = 422, code = "invalid", message = "Invalid.")]
    Invalid(#[api(fields)] FieldErrors),
}

fn details(status: &tonic::Status) -> String {
    format!("{:?}", status.get_error_details_vec())
}

fn info(reason: &str, metadata: &[(&str, &str)]) -> ErrorDetail {
    ErrorInfo::new(
        reason,
        DOMAIN,
        metadata
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<std::collections::HashMap<_, _>>(),
    )
    .into()
}

fn violation(field: &str, description: &str, reason: &str) -> FieldViolation {
    let mut violation = FieldViolation::new(field, description);
    violation.reason = reason.into();
    violation
}

#[test]
fn placeholder_values_become_error_info_metadata() {
    let error = LeadError::NotFound {
        id: 7,
        owner: "ada".into(),
    };
    let status = to_status(&error, &GrpcContext::new(DOMAIN));
    assert_eq!(status.code(), tonic::Code::NotFound);
    assert_eq!(status.message(), "Lead 7 of ada was not found.");
    let error_info = status.get_details_error_info().unwrap();
    assert_eq!(error_info.reason, "LEAD_NOT_FOUND");
    assert_eq!(error_info.domain, DOMAIN);
    let mut metadata: Vec<_> = error_info.metadata.into_iter().collect();
    metadata.sort();
    assert_eq!(
        metadata,
        [
            ("id".to_string(), "7".to_string()),
            ("owner".to_string(), "ada".to_string())
        ]
    );
    // A positional placeholder has no key AIP-193 accepts: left out.
    let status = to_status(&LeadError::Tuple("x".into()), &GrpcContext::new(DOMAIN));
    assert_eq!(details(&status), format!("{:?}", [info("LEAD_TUPLE", &[])]));
}

#[test]
fn a_variant_code_override_and_retry_info() {
    let ctx = GrpcContext::new(DOMAIN).with_code(Code::Aborted);
    let status = to_status(&LeadError::EditConflict, &ctx);
    assert_eq!(status.code(), tonic::Code::Aborted);
    assert_eq!(
        to_status(&LeadError::EditConflict, &GrpcContext::new(DOMAIN)).code(),
        tonic::Code::AlreadyExists
    );

    let error = LeadError::Unavailable {
        wait: Duration::from_millis(2500),
    };
    let status = to_status(&error, &GrpcContext::new(DOMAIN).with_request_id("r-1"));
    assert_eq!(status.code(), tonic::Code::Unavailable);
    let expected: Vec<ErrorDetail> = vec![
        info("UNAVAILABLE", &[]),
        RetryInfo::new(Some(Duration::from_millis(2500))).into(),
        RequestInfo::new("r-1", "").into(),
    ];
    assert_eq!(details(&status), format!("{expected:?}"));
    // Read back: the variant, its wait in whole seconds rounded up (Retry-After's unit).
    assert_eq!(
        from_status::<LeadError>(&status),
        Some(LeadError::Unavailable {
            wait: Duration::from_secs(3)
        })
    );
}

#[test]
fn field_errors_become_bad_request_and_come_back() {
    let fields = FieldErrors::new()
        .with(FieldError::missing("leads.0.phone"))
        .with(FieldError::too_long("emailAddresses.1.email", 254))
        .with(FieldError::new(
            "status",
            "lead/bad-status",
            "Not a status.",
        ))
        .with(FieldError::new(FieldPath::new(), "", "Empty body."));
    let error = LeadError::Invalid(fields);
    let status = to_status(&error, &GrpcContext::new(DOMAIN));
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
    let expected: Vec<ErrorDetail> = vec![
        info("INVALID", &[]),
        BadRequest::new(vec![
            violation(
                "leads[0].phone",
                "leads.0.phone is required.",
                "VALIDATION_MISSING",
            ),
            violation(
                "emailAddresses[1].email",
                "Must be at most 254 characters",
                "VALIDATION_TOO_LONG",
            ),
            violation("status", "Not a status.", "LEAD_BAD_STATUS"),
            violation("", "Empty body.", ""),
        ])
        .into(),
    ];
    assert_eq!(details(&status), format!("{expected:?}"));

    let Some(LeadError::Invalid(back)) = from_status::<LeadError>(&status) else {
        panic!("not read back: {status:?}");
    };
    let texts: Vec<_> = back
        .iter()
        .map(|e| (e.path().to_string(), e.code(), e.message()))
        .collect();
    let back: Vec<(String, &str, &str)> = texts
        .iter()
        .map(|(p, c, m)| (p.clone(), &**c, &**m))
        .collect();
    assert_eq!(
        back,
        [
            (
                "leads.0.phone".to_string(),
                "validation/missing-leads.0.phone",
                "leads.0.phone is required."
            ),
            (
                "emailAddresses.1.email".to_string(),
                "validation/too-long-emailAddresses.1.email",
                "Must be at most 254 characters"
            ),
            // A custom code cannot be rebuilt from its upper-case reason.
            ("status".to_string(), "", "Not a status."),
            (String::new(), "", "Empty body."),
        ]
    );
}

#[test]
fn a_localized_message_when_the_localizer_has_one() {
    let german = |entry: &CatalogueEntry, _message: &str, locale: &str| {
        (locale == "de-CH" && entry.code() == "lead/edit-conflict")
            .then(|| "Inzwischen bearbeitet.".to_owned())
    };
    let ctx = GrpcContext::new(DOMAIN).with_locale("de-CH", &german);
    let status = to_status(&LeadError::EditConflict, &ctx);
    let expected: Vec<ErrorDetail> = vec![
        info("LEAD_EDIT_CONFLICT", &[]),
        LocalizedMessage::new("de-CH", "Inzwischen bearbeitet.").into(),
    ];
    assert_eq!(details(&status), format!("{expected:?}"));
    // No translation, no LocalizedMessage.
    let ctx = GrpcContext::new(DOMAIN).with_locale("fr-CH", &german);
    let status = to_status(&LeadError::EditConflict, &ctx);
    assert_eq!(
        details(&status),
        format!("{:?}", [info("LEAD_EDIT_CONFLICT", &[])])
    );
}

// ---------------------------------------------------------------------------------------
// Retry advice.

#[test]
fn retry_advice_for_every_code() {
    let policy = RetryPolicy::new();
    let mut half = || 1u64 << 63;
    let now = SystemTime::UNIX_EPOCH;
    let backoff = RetryAdvice::Retry {
        after: Duration::from_millis(50),
        basis: Basis::Backoff,
    };
    let advice = |code: Code, idempotency: Idempotency| {
        let status = tonic::Status::new(code.into(), "x");
        advise(
            &policy,
            &Call::new(idempotency, 0),
            &status,
            now,
            &mut || 1u64 << 63,
        )
    };
    for code in Code::ALL {
        let idempotent = advice(code, Idempotency::Idempotent);
        let safe = advice(code, Idempotency::NoSideEffects);
        let unknown = advice(code, Idempotency::Unknown);
        match code {
            Code::Unavailable | Code::DeadlineExceeded | Code::Aborted => {
                assert_eq!(idempotent, backoff, "{code}");
                assert_eq!(safe, backoff, "{code}");
                assert_eq!(unknown, RetryAdvice::Stop(StopReason::NotIdempotent));
            }
            _ => {
                let status = http::StatusCode::from_u16(code.http_status()).unwrap();
                let stop = RetryAdvice::Stop(StopReason::Status(status));
                assert_eq!((idempotent, safe, unknown), (stop, stop, stop), "{code}");
            }
        }
    }
    // RESOURCE_EXHAUSTED with RetryInfo: never before its delay, then jittered upwards by the
    // first backoff, as the HTTP `Retry-After` path does (here half of the 100 ms backoff).
    let limited = tonic::Status::with_error_details(
        tonic::Code::ResourceExhausted,
        "Slow down.",
        tonic_types::ErrorDetails::with_retry_info(Some(Duration::from_millis(1500))),
    );
    let call = Call::new(Idempotency::Idempotent, 0);
    assert_eq!(
        advise(&policy, &call, &limited, now, &mut half),
        RetryAdvice::Retry {
            after: Duration::from_millis(1550),
            basis: Basis::RetryAfter
        }
    );
    // Past the policy's limits: its retry count and its longest accepted delay.
    assert_eq!(
        advise(
            &policy,
            &Call::new(Idempotency::Idempotent, 3),
            &limited,
            now,
            &mut half
        ),
        RetryAdvice::Stop(StopReason::Exhausted)
    );
    let long = tonic::Status::with_error_details(
        tonic::Code::Unavailable,
        "Down.",
        tonic_types::ErrorDetails::with_retry_info(Some(Duration::from_secs(120))),
    );
    assert_eq!(
        advise(&policy, &call, &long, now, &mut half),
        RetryAdvice::Stop(StopReason::RetryAfterTooLong(Duration::from_secs(120)))
    );
}

// ---------------------------------------------------------------------------------------
// Over the wire.

/// The request of the one method, `errors.Errors/Raise`: which catalogue, which sample.
#[derive(Clone, PartialEq, prost::Message)]
struct RaiseRequest {
    #[prost(string, tag = "1")]
    catalogue: String,
    #[prost(uint32, tag = "2")]
    index: u32,
}

/// Never sent: the method always fails.
#[derive(Clone, PartialEq, prost::Message)]
struct RaiseReply {}

const RAISE: &str = "/errors.Errors/Raise";

/// The method: the sample's status, with the request id from the `x-request-id` metadata.
#[derive(Clone, Copy)]
struct Raise;

impl tower_service::Service<tonic::Request<RaiseRequest>> for Raise {
    type Response = tonic::Response<RaiseReply>;
    type Error = tonic::Status;
    type Future = std::future::Ready<Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: tonic::Request<RaiseRequest>) -> Self::Future {
        // A client's id is echoed only when it is a valid request id, as over HTTP.
        let request_id = error_core::http::RequestId::from_client(
            request
                .metadata()
                .get("x-request-id")
                .map(|value| value.as_bytes()),
        );
        let RaiseRequest { catalogue, index } = request.into_inner();
        let ctx = GrpcContext::new(DOMAIN).with_request_id(request_id.as_str());
        let index = index as usize;
        let status = match catalogue.as_str() {
            "leo" => match leo::samples().get(index) {
                // The source error is what the 5xx logs.
                Some(error @ LeoError::Internal(source)) => {
                    to_status(error, &ctx.with_source(source))
                }
                Some(error) => to_status(error, &ctx),
                None => tonic::Status::out_of_range("no such sample"),
            },
            "leadey" => match leadey::samples().get(index) {
                Some(error) => to_status(error, &ctx),
                None => tonic::Status::out_of_range("no such sample"),
            },
            _ => tonic::Status::not_found("no such catalogue"),
        };
        std::future::ready(Err(status))
    }
}

/// The service: routes `RAISE` through tonic's server-side `Grpc` with the prost codec.
#[derive(Clone, Copy)]
struct Errors;

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl tower_service::Service<http::Request<tonic::body::Body>> for Errors {
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<tonic::body::Body>) -> Self::Future {
        Box::pin(async move {
            if request.uri().path() != RAISE {
                return Ok(tonic::Status::unimplemented("no such method").into_http());
            }
            let codec = tonic_prost::ProstCodec::<RaiseReply, RaiseRequest>::default();
            Ok(tonic::server::Grpc::new(codec).unary(Raise, request).await)
        })
    }
}

/// Starts the server on 127.0.0.1:0 and connects a client to it.
async fn serve() -> tonic::client::Grpc<tonic::transport::Channel> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let incoming = tonic::transport::server::TcpIncoming::from(listener);
    tokio::spawn(tonic::transport::Server::builder().serve_with_incoming(Errors, incoming));
    let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    tonic::client::Grpc::new(channel)
}

/// Calls `Raise` for one sample and returns the status the client received.
async fn raise(
    client: &mut tonic::client::Grpc<tonic::transport::Channel>,
    catalogue: &str,
    index: usize,
    request_id: &str,
) -> tonic::Status {
    call(client, RAISE, catalogue, index, request_id).await
}

async fn call(
    client: &mut tonic::client::Grpc<tonic::transport::Channel>,
    method: &'static str,
    catalogue: &str,
    index: usize,
    request_id: &str,
) -> tonic::Status {
    let mut request = tonic::Request::new(RaiseRequest {
        catalogue: catalogue.into(),
        index: index as u32,
    });
    request
        .metadata_mut()
        .insert("x-request-id", request_id.parse().unwrap());
    client.ready().await.unwrap();
    let codec = tonic_prost::ProstCodec::<RaiseRequest, RaiseReply>::default();
    let path = http::uri::PathAndQuery::from_static(method);
    match client.unary(request, path, codec).await {
        Ok(reply) => panic!("the method succeeded: {reply:?}"),
        Err(status) => status,
    }
}

fn log_capture() -> (error_tests::Captured, error_tests::LogGuard) {
    error_tests::capture_logs()
}

/// One error as received: code, message, every detail (in order), and what the client
/// reads back.
struct Received {
    code: tonic::Code,
    message: &'static str,
    details: Vec<ErrorDetail>,
    back: &'static str,
    remote_code: Option<&'static str>,
    http_status: u16,
}

/// Field errors as `[path code "message", …]`.
fn summary(fields: &FieldErrors) -> String {
    let items: Vec<String> = fields
        .iter()
        .map(|e| format!("{} {} {:?}", e.path(), e.code(), e.message()))
        .collect();
    format!("[{}]", items.join(", "))
}

fn check(status: &tonic::Status, expected: &Received, back: String, name: &str) {
    assert_eq!(status.code(), expected.code, "{name}");
    assert_eq!(status.message(), expected.message, "{name}");
    assert_eq!(details(status), format!("{:?}", expected.details), "{name}");
    assert_eq!(back, expected.back, "{name}");
}

#[tokio::test]
async fn every_leo_error_crosses_the_wire_and_is_read_back() {
    let (logs, _guard) = log_capture();
    let mut client = serve().await;
    let request_info = |id: &str| -> ErrorDetail { RequestInfo::new(id, "").into() };
    let expected = [
        Received {
            code: tonic::Code::InvalidArgument,
            message: "Invalid request parameters.",
            details: vec![
                info("VALIDATION_ERROR", &[]),
                BadRequest::new(vec![violation(
                    "user_id",
                    "user_id is required.",
                    "VALIDATION_MISSING",
                )])
                .into(),
                request_info("leo-0"),
            ],
            back: "Some(Validation([user_id validation/missing-user_id \"user_id is required.\"]))",
            remote_code: Some("validation_error"),
            http_status: 400,
        },
        Received {
            code: tonic::Code::Unauthenticated,
            message: "Authentication required.",
            details: vec![info("MISSING_API_KEY", &[]), request_info("leo-1")],
            back: "Some(MissingApiKey)",
            remote_code: Some("missing_api_key"),
            http_status: 401,
        },
        Received {
            code: tonic::Code::PermissionDenied,
            message: "Insufficient permissions.",
            details: vec![info("INVALID_API_KEY", &[]), request_info("leo-2")],
            back: "Some(InvalidApiKey)",
            remote_code: Some("invalid_api_key"),
            http_status: 403,
        },
        Received {
            code: tonic::Code::NotFound,
            message: "Resource not found.",
            details: vec![info("NOT_FOUND", &[]), request_info("leo-3")],
            back: "Some(NotFound)",
            remote_code: Some("not_found"),
            http_status: 404,
        },
        Received {
            code: tonic::Code::AlreadyExists,
            message: "Resource already exists.",
            details: vec![info("DUPLICATE_RESOURCE", &[]), request_info("leo-4")],
            back: "Some(DuplicateResource)",
            remote_code: Some("duplicate_resource"),
            http_status: 409,
        },
        Received {
            code: tonic::Code::ResourceExhausted,
            message: "Rate limit exceeded.",
            details: vec![info("RATE_LIMIT_EXCEEDED", &[]), request_info("leo-5")],
            back: "Some(RateLimitExceeded)",
            remote_code: Some("rate_limit_exceeded"),
            http_status: 429,
        },
        Received {
            code: tonic::Code::Internal,
            message: "Internal server error.",
            details: vec![info("INTERNAL_SERVER_ERROR", &[]), request_info("leo-6")],
            // The source error is not on the wire, so the variant cannot be rebuilt.
            back: "None",
            remote_code: Some("internal_server_error"),
            http_status: 500,
        },
    ];
    assert_eq!(expected.len(), leo::samples().len());
    for (index, expected) in expected.iter().enumerate() {
        let name = LeoError::CATALOGUE[index].variant();
        let status = raise(&mut client, "leo", index, &format!("leo-{index}")).await;
        let back = match from_status::<LeoError>(&status) {
            Some(LeoError::Validation(fields)) => format!("Some(Validation({}))", summary(&fields)),
            other => format!("{other:?}"),
        };
        check(&status, expected, back, name);
        let remote = remote_error(&status, LeoError::CATALOGUE).unwrap();
        assert_eq!(remote.code(), expected.remote_code, "{name}");
        assert_eq!(remote.status().as_u16(), expected.http_status, "{name}");
        assert_eq!(remote.request_id(), Some(format!("leo-{index}").as_str()));
        // The 5xx rule: nothing of the source on the wire, in the message or the details.
        let wire = format!("{status:?}");
        assert!(!wire.contains("pool"), "{wire}");
        assert!(!String::from_utf8_lossy(status.details()).contains("pool"));
    }
    // The source chain, logged once, on the server.
    assert_eq!(
        logs.text(),
        "ERROR server error request_id=\"leo-6\" status=500 code=\"internal_server_error\" error=\"connection pool exhausted\"\n"
    );
}

#[tokio::test]
async fn every_leadey_error_crosses_the_wire_and_is_read_back() {
    let (logs, _guard) = log_capture();
    let mut client = serve().await;
    let request_info = |id: &str| -> ErrorDetail { RequestInfo::new(id, "").into() };
    let expected = [
        Received {
            code: tonic::Code::InvalidArgument,
            message: "A parameter is missing or invalid: limit.",
            details: vec![
                info("BAD_REQUEST", &[("parameter", "limit")]),
                request_info("ly-0"),
            ],
            // `parameter` is only in the message: the variant is known, not rebuilt.
            back: "None",
            remote_code: Some("bad_request"),
            http_status: 400,
        },
        Received {
            code: tonic::Code::Unauthenticated,
            message: "The API key is missing, malformed, or revoked.",
            details: vec![info("UNAUTHORIZED", &[]), request_info("ly-1")],
            back: "Some(Unauthorized)",
            remote_code: Some("unauthorized"),
            http_status: 401,
        },
        Received {
            code: tonic::Code::FailedPrecondition,
            message: "Your credit balance is too low for the action.",
            // `#[api(details)]` has no google.rpc counterpart.
            details: vec![info("PAYMENT_REQUIRED", &[]), request_info("ly-2")],
            back: "None",
            remote_code: Some("payment_required"),
            http_status: 402,
        },
        Received {
            code: tonic::Code::PermissionDenied,
            message: "The key isn't permitted to access this resource.",
            details: vec![info("FORBIDDEN", &[]), request_info("ly-3")],
            back: "Some(Forbidden)",
            remote_code: Some("forbidden"),
            http_status: 403,
        },
        Received {
            code: tonic::Code::NotFound,
            message: "The resource doesn't exist, or isn't in your workspace.",
            details: vec![info("NOT_FOUND", &[]), request_info("ly-4")],
            back: "Some(NotFound)",
            remote_code: Some("not_found"),
            http_status: 404,
        },
        Received {
            code: tonic::Code::ResourceExhausted,
            message: "You've exceeded the request limit.",
            details: vec![
                info("RATE_LIMITED", &[]),
                RetryInfo::new(Some(Duration::from_secs(30))).into(),
                request_info("ly-5"),
            ],
            back: "Some(RateLimited { retry_after_secs: 30 })",
            remote_code: Some("rate_limited"),
            http_status: 429,
        },
        Received {
            code: tonic::Code::Internal,
            message: "A problem on our side.",
            details: vec![info("SERVER_ERROR", &[]), request_info("ly-6")],
            back: "Some(Server)",
            remote_code: Some("server_error"),
            http_status: 500,
        },
    ];
    assert_eq!(expected.len(), leadey::samples().len());
    let policy = RetryPolicy::new();
    for (index, expected) in expected.iter().enumerate() {
        let name = LeadeyError::CATALOGUE[index].variant();
        let status = raise(&mut client, "leadey", index, &format!("ly-{index}")).await;
        let back = format!("{:?}", from_status::<LeadeyError>(&status));
        check(&status, expected, back, name);
        let remote = remote_error(&status, LeadeyError::CATALOGUE).unwrap();
        assert_eq!(remote.code(), expected.remote_code, "{name}");
        assert_eq!(remote.status().as_u16(), expected.http_status, "{name}");
        // Retry advice for an idempotent call: only the rate limit, after its RetryInfo.
        let advice = advise(
            &policy,
            &Call::new(Idempotency::Idempotent, 0),
            &status,
            SystemTime::now(),
            &mut || 0,
        );
        let retried = matches!(advice, RetryAdvice::Retry { .. });
        assert_eq!(retried, index == 5, "{name}: {advice:?}");
    }
    // A 5xx without a source: its status and code, logged once.
    assert_eq!(
        logs.text(),
        "ERROR server error request_id=\"ly-6\" status=500 code=\"server_error\"\n"
    );
    // A status that is none of the catalogue's (no ErrorInfo): not read back.
    let status = call(&mut client, "/errors.Errors/Nope", "leadey", 0, "ly-x").await;
    assert_eq!(status.code(), tonic::Code::Unimplemented);
    assert_eq!(status.message(), "no such method");
    assert_eq!(format!("{:?}", from_status::<LeadeyError>(&status)), "None");
    let remote = remote_error(&status, LeadeyError::CATALOGUE).unwrap();
    assert_eq!((remote.status().as_u16(), remote.code()), (501, None));
}

#[test]
fn ok_is_not_an_error() {
    assert!(remote_error(&tonic::Status::ok(""), LeoError::CATALOGUE).is_none());
    assert!(from_status::<LeoError>(&tonic::Status::ok("")).is_none());
}

// ---------------------------------------------------------------------------------------
// The derived conversion: `#[api(tonic, grpc_domain = "…")]` generates `From<&E>` and
// `From<E>` for `tonic::Status`, one call to `grpc::__derive::status` with the variant's
// checked code override.

#[derive(Debug, ApiError, thiserror::Error)]
#[api(tonic, grpc_domain = "shop.example.com")]
enum ShopError {
    #[api(
        status = 409,
        code = "shop/edit-conflict",
        message = "Edited meanwhile.",
        grpc = "ABORTED"
    )]
    #[error("edit conflict")]
    EditConflict,
    #[api(status = 409, code = "shop/duplicate", message = "Exists already.")]
    #[error("duplicate")]
    Duplicate,
    #[api(status = 502, code = "shop/upstream", message = "The supplier failed.")]
    #[error("calling the supplier")]
    Upstream(#[source] std::io::Error),
    #[api(
        status = 500,
        code = "shop/lost",
        message = "Lost.",
        grpc = "DATA_LOSS"
    )]
    #[error("lost")]
    Lost,
}

/// A type that is not a `std::error::Error`, and a struct: the 5xx logs its status and code.
#[derive(Debug, ApiError)]
#[api(
    tonic,
    grpc_domain = "shop.example.com",
    status = 503,
    code = "shop/closed",
    message = "Closed.",
    grpc = "UNAVAILABLE"
)]
struct Closed;

/// The table the derive checks overrides with is `Code::pairs_with`'s: the statuses that
/// may carry another code than their default, as the derive's own unit test
/// (`tonic::tests::the_table_agrees_with_error_core`) lists them.
#[test]
fn the_statuses_with_a_choice_of_code() {
    let rows: Vec<String> = (400..=599u16)
        .filter_map(|status| {
            let default = Code::from_http(status);
            let others: Vec<&str> = Code::ALL
                .iter()
                .filter(|code| **code != default && code.pairs_with(status))
                .map(|code| code.name())
                .collect();
            (!others.is_empty()).then(|| format!("{status} {default} {}", others.join(" ")))
        })
        .collect();
    assert_eq!(
        rows,
        [
            "400 INVALID_ARGUMENT FAILED_PRECONDITION OUT_OF_RANGE",
            "409 ALREADY_EXISTS ABORTED",
            "500 INTERNAL UNKNOWN DATA_LOSS",
        ]
    );
}

#[test]
fn the_generated_conversion_takes_the_scope_the_override_and_the_source() {
    use error_core::http::{ErrorSettings, RequestId, RequestScope};

    let (logs, _guard) = log_capture();
    let scope = RequestScope::new(RequestId::parse("req-9").unwrap(), ErrorSettings::new());
    let status = scope
        .clone()
        .sync(|| tonic::Status::from(ShopError::EditConflict));
    assert_eq!(status.code(), tonic::Code::Aborted);
    assert_eq!(status.message(), "Edited meanwhile.");
    let expected: Vec<ErrorDetail> = vec![
        ErrorInfo::new(
            "SHOP_EDIT_CONFLICT",
            "shop.example.com",
            std::collections::HashMap::new(),
        )
        .into(),
        RequestInfo::new("req-9", "").into(),
    ];
    assert_eq!(details(&status), format!("{expected:?}"));

    let upstream = ShopError::Upstream(std::io::Error::other("refused\nby 10.0.0.7"));
    let status = scope.sync(|| tonic::Status::from(upstream));
    assert_eq!(status.code(), tonic::Code::Unavailable);
    assert_eq!(status.message(), "The supplier failed.");
    assert!(!format!("{status:?}").contains("10.0.0.7"));
    assert_eq!(
        logs.text(),
        "ERROR server error request_id=\"req-9\" status=502 code=\"shop/upstream\" error=\"calling the supplier: refused\\nby 10.0.0.7\"\n"
    );
    // Outside any scope: no RequestInfo.
    let status = tonic::Status::from(ShopError::EditConflict);
    assert!(status.get_details_request_info().is_none());
}

#[test]
fn the_derived_conversion_by_reference_and_by_value() {
    let (logs, _guard) = log_capture();
    let by_ref = tonic::Status::from(&ShopError::Duplicate);
    let by_value = tonic::Status::from(ShopError::Duplicate);
    for status in [&by_ref, &by_value] {
        // No override: the status's default.
        assert_eq!(status.code(), tonic::Code::AlreadyExists);
        assert_eq!(status.message(), "Exists already.");
        let expected: Vec<ErrorDetail> = vec![ErrorInfo::new(
            "SHOP_DUPLICATE",
            "shop.example.com",
            std::collections::HashMap::new(),
        )
        .into()];
        assert_eq!(details(status), format!("{expected:?}"));
    }
    let lost: tonic::Status = ShopError::Lost.into();
    assert_eq!(
        (lost.code(), lost.message()),
        (tonic::Code::DataLoss, "Lost.")
    );
    let closed = tonic::Status::from(&Closed);
    assert_eq!(
        (closed.code(), closed.message()),
        (tonic::Code::Unavailable, "Closed.")
    );
    // Each 5xx logged once; `Closed` is no `Error`, so without a source chain.
    assert_eq!(
        logs.text(),
        "ERROR server error request_id=\"\" status=500 code=\"shop/lost\" error=\"lost\"\n\
         ERROR server error request_id=\"\" status=503 code=\"shop/closed\"\n"
    );
}

// ---------------------------------------------------------------------------------------
// Every path survives the AIP form, and reading never panics.

fn any_path() -> impl proptest::strategy::Strategy<Value = FieldPath> {
    use proptest::prelude::*;
    let segment = prop_oneof![
        "(?s).{0,8}".prop_map(|key| (Some(key), 0usize)),
        (0usize..10_000).prop_map(|index| (None, index)),
    ];
    proptest::collection::vec(segment, 0..6).prop_map(|segments| {
        let mut path = FieldPath::new();
        for (key, index) in segments {
            match key {
                Some(key) => path.push_key(key),
                None => path.push_index(index),
            }
        }
        path
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn field_path_round_trips(path in any_path()) {
        proptest::prop_assert_eq!(parse_field_path(&field_path(&path)), path);
    }

    #[test]
    fn parse_field_path_takes_anything(text in "(?s).{0,40}") {
        let _ = parse_field_path(&text);
    }
}

// ---------------------------------------------------------------------------------------
// The example service over gRPC: `leads.v1.Leads` on its own port, the same store, keys and
// `LeadError` (with `#[api(tonic, grpc_domain = "leads.example.com")]`) as the HTTP API.

mod example {
    use std::sync::Arc;
    use std::time::{Duration, SystemTime};

    use error_core::client::{Basis, RetryAdvice, RetryPolicy};
    use error_core::grpc::{advise, from_status, remote_error, Call, Idempotency};
    use error_core::{ApiError, FixedClock, Timestamp};
    use error_examples::service::grpc::{
        self, Empty, LeadId, LeadMessage, NewLeadMessage, CREATE_LEAD, DELETE_LEAD, GET_LEAD,
    };
    use error_examples::service::{router_and_state, Config, LeadError};
    use tonic::transport::Channel;
    use tonic_types::{BadRequest, ErrorDetail, ErrorInfo, RequestInfo, RetryInfo};

    use super::{details, summary, violation};

    const DOMAIN: &str = "leads.example.com";
    /// 2024-01-01T00:00:00.250Z: a rate-limit window ends in 750 ms.
    const T0: u64 = 1_704_067_200_250;

    /// Serves the example's gRPC port on 127.0.0.1:0 and connects a client to it.
    async fn serve(rate: u32) -> tonic::client::Grpc<Channel> {
        let config = Config {
            rate,
            clock: Arc::new(FixedClock(Timestamp::from_unix_millis(T0))),
            ..Config::default()
        };
        let (_router, state) = router_and_state(config);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(grpc::serve(listener, state));
        let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))
            .unwrap()
            .connect()
            .await
            .unwrap();
        tonic::client::Grpc::new(channel)
    }

    async fn call<Req, Resp>(
        client: &mut tonic::client::Grpc<Channel>,
        method: &'static str,
        message: Req,
        key: Option<&str>,
        request_id: &str,
    ) -> Result<Resp, tonic::Status>
    where
        Req: prost::Message + Send + Sync + 'static,
        Resp: prost::Message + Default + Send + Sync + 'static,
    {
        let mut request = tonic::Request::new(message);
        if let Some(key) = key {
            request
                .metadata_mut()
                .insert("x-api-key", key.parse().unwrap());
        }
        request
            .metadata_mut()
            .insert("x-request-id", request_id.parse().unwrap());
        client.ready().await.unwrap();
        let codec = tonic_prost::ProstCodec::<Req, Resp>::default();
        let path = http::uri::PathAndQuery::from_static(method);
        client
            .unary(request, path, codec)
            .await
            .map(tonic::Response::into_inner)
    }

    fn info(reason: &str, metadata: &[(&str, &str)]) -> ErrorDetail {
        let metadata: std::collections::HashMap<String, String> = metadata
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ErrorInfo::new(reason, DOMAIN, metadata).into()
    }

    fn request_info(id: &str) -> ErrorDetail {
        RequestInfo::new(id, "").into()
    }

    /// What the client reads back: the typed variant when it can be rebuilt, else its code.
    fn back(status: &tonic::Status) -> String {
        match from_status::<LeadError>(status) {
            Some(LeadError::Validation(fields)) => format!("Validation({})", summary(&fields)),
            Some(LeadError::DuplicateEmails(fields)) => {
                format!("DuplicateEmails({})", summary(&fields))
            }
            Some(other) => format!("{other:?}"),
            None => match remote_error(status, LeadError::CATALOGUE) {
                Some(remote) => format!("code {:?}", remote.code()),
                None => "nothing".into(),
            },
        }
    }

    fn expect_status(
        status: &tonic::Status,
        code: tonic::Code,
        message: &str,
        expected: Vec<ErrorDetail>,
        read_back: &str,
    ) {
        assert_eq!((status.code(), status.message()), (code, message));
        assert_eq!(details(status), format!("{expected:?}"));
        assert_eq!(back(status), read_back);
    }

    #[tokio::test]
    async fn the_example_service_answers_over_grpc() {
        let mut client = serve(20).await;

        // No key, then a wrong one: UNAUTHENTICATED.
        let status = call::<_, LeadMessage>(&mut client, GET_LEAD, LeadId { id: 1 }, None, "g-1")
            .await
            .unwrap_err();
        expect_status(
            &status,
            tonic::Code::Unauthenticated,
            "Authentication required.",
            vec![info("AUTH_MISSING_API_KEY", &[]), request_info("g-1")],
            "MissingApiKey",
        );
        let status =
            call::<_, LeadMessage>(&mut client, GET_LEAD, LeadId { id: 1 }, Some("nope"), "g-2")
                .await
                .unwrap_err();
        expect_status(
            &status,
            tonic::Code::Unauthenticated,
            "The API key is not valid.",
            vec![info("AUTH_INVALID_API_KEY", &[]), request_info("g-2")],
            "InvalidApiKey",
        );

        // Invalid fields: INVALID_ARGUMENT with a BadRequest, read back as FieldErrors.
        let invalid = NewLeadMessage {
            email: Some("nope".into()),
            first_name: None,
            score: Some(101),
            phone: None,
        };
        let status =
            call::<_, LeadMessage>(&mut client, CREATE_LEAD, invalid, Some("demo-key"), "g-3")
                .await
                .unwrap_err();
        expect_status(
            &status,
            tonic::Code::InvalidArgument,
            "Validation failed",
            vec![
                info("VALIDATION_ERROR", &[]),
                BadRequest::new(vec![
                    violation("email", "Invalid email format", "VALIDATION_INVALID"),
                    violation("firstName", "firstName is required.", "VALIDATION_MISSING"),
                    violation(
                        "score",
                        "Must be between 0 and 100",
                        "VALIDATION_OUT_OF_RANGE",
                    ),
                ])
                .into(),
                request_info("g-3"),
            ],
            "Validation([email validation/invalid-email \"Invalid email format\", \
             firstName validation/missing-firstName \"firstName is required.\", \
             score validation/out-of-range-score \"Must be between 0 and 100\"])",
        );

        // Created, then the same email again: ALREADY_EXISTS, the email as metadata.
        let ada = NewLeadMessage {
            email: Some("ada@acme.com".into()),
            first_name: Some("Ada".into()),
            score: Some(90),
            phone: None,
        };
        let created: LeadMessage = call(
            &mut client,
            CREATE_LEAD,
            ada.clone(),
            Some("demo-key"),
            "g-4",
        )
        .await
        .unwrap();
        assert_eq!(
            created,
            LeadMessage {
                id: 1,
                email: "ada@acme.com".into(),
                first_name: "Ada".into(),
                score: 90,
                phone: None,
                company: None,
            }
        );
        let status = call::<_, LeadMessage>(&mut client, CREATE_LEAD, ada, Some("demo-key"), "g-5")
            .await
            .unwrap_err();
        expect_status(
            &status,
            tonic::Code::AlreadyExists,
            "A lead with the email ada@acme.com already exists.",
            vec![
                info("LEAD_DUPLICATE_EMAIL", &[("email", "ada@acme.com")]),
                request_info("g-5"),
            ],
            // The email is only in the message: the variant is known, not rebuilt.
            "code Some(\"lead/duplicate-email\")",
        );

        // Another tenant's lead is NOT_FOUND; a read-only key may not delete.
        let status = call::<_, LeadMessage>(
            &mut client,
            GET_LEAD,
            LeadId { id: 1 },
            Some("other-tenant-key"),
            "g-6",
        )
        .await
        .unwrap_err();
        expect_status(
            &status,
            tonic::Code::NotFound,
            "Lead 1 was not found.",
            vec![info("LEAD_NOT_FOUND", &[("id", "1")]), request_info("g-6")],
            "code Some(\"lead/not-found\")",
        );
        let status = call::<_, Empty>(
            &mut client,
            DELETE_LEAD,
            LeadId { id: 1 },
            Some("read-only-key"),
            "g-7",
        )
        .await
        .unwrap_err();
        expect_status(
            &status,
            tonic::Code::PermissionDenied,
            "This API key can only read.",
            vec![info("AUTH_READ_ONLY_KEY", &[]), request_info("g-7")],
            "ReadOnlyKey",
        );

        // The owner reads and deletes it; then it is gone.
        let read: LeadMessage = call(
            &mut client,
            GET_LEAD,
            LeadId { id: 1 },
            Some("read-only-key"),
            "g-8",
        )
        .await
        .unwrap();
        assert_eq!(read, created);
        let _: Empty = call(
            &mut client,
            DELETE_LEAD,
            LeadId { id: 1 },
            Some("demo-key"),
            "g-9",
        )
        .await
        .unwrap();
        let status = call::<_, Empty>(
            &mut client,
            DELETE_LEAD,
            LeadId { id: 1 },
            Some("demo-key"),
            "g-10",
        )
        .await
        .unwrap_err();
        assert_eq!(status.code(), tonic::Code::NotFound);

        // An invalid request id is not echoed: a fresh one is sent instead.
        let status = call::<_, LeadMessage>(
            &mut client,
            GET_LEAD,
            LeadId { id: 9 },
            Some("demo-key"),
            "a b",
        )
        .await
        .unwrap_err();
        let request_id = remote_error(&status, LeadError::CATALOGUE)
            .and_then(|remote| remote.request_id().map(str::to_owned))
            .unwrap();
        assert_ne!(request_id, "a b");
        assert_eq!(request_id.len(), 36, "{request_id}");

        // A message over the 64 KiB limit is refused by tonic before the handler: its own
        // status, which is none of the catalogue's.
        let huge = NewLeadMessage {
            email: Some("a".repeat(70 * 1024)),
            ..NewLeadMessage::default()
        };
        let status =
            call::<_, LeadMessage>(&mut client, CREATE_LEAD, huge, Some("demo-key"), "g-12")
                .await
                .unwrap_err();
        assert_eq!(status.code(), tonic::Code::OutOfRange, "{status:?}");
        assert!(status.message().contains("too large"), "{status:?}");
        assert_eq!(back(&status), "code None");

        // A method the service does not have.
        let status = call::<_, Empty>(
            &mut client,
            "/leads.v1.Leads/Nope",
            LeadId { id: 1 },
            Some("demo-key"),
            "g-11",
        )
        .await
        .unwrap_err();
        assert_eq!(
            (status.code(), status.message()),
            (tonic::Code::Unimplemented, "no such method")
        );
    }

    #[tokio::test]
    async fn the_rate_limit_is_resource_exhausted_with_retry_info() {
        let mut client = serve(1).await;
        let status = call::<_, LeadMessage>(
            &mut client,
            GET_LEAD,
            LeadId { id: 5 },
            Some("demo-key"),
            "r-1",
        )
        .await
        .unwrap_err();
        assert_eq!(status.code(), tonic::Code::NotFound);
        let status = call::<_, LeadMessage>(
            &mut client,
            GET_LEAD,
            LeadId { id: 5 },
            Some("demo-key"),
            "r-2",
        )
        .await
        .unwrap_err();
        expect_status(
            &status,
            tonic::Code::ResourceExhausted,
            "Too many requests. Retry later.",
            vec![
                info("RATE_LIMITED", &[]),
                RetryInfo::new(Some(Duration::from_millis(750))).into(),
                request_info("r-2"),
            ],
            // Rebuilt with the delay in whole seconds, rounded up (Retry-After's unit).
            "RateLimited { retry_after: 1s }",
        );
        // GetLead has no side effects: retried after the RetryInfo delay (plus jitter).
        let advice = advise(
            &RetryPolicy::new(),
            &Call::new(Idempotency::NoSideEffects, 0),
            &status,
            SystemTime::now(),
            &mut || 0,
        );
        assert_eq!(
            advice,
            RetryAdvice::Retry {
                after: Duration::from_millis(750),
                basis: Basis::RetryAfter
            }
        );
    }
}
