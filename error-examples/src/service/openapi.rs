//! `GET /openapi.json`: the Leads API's OpenAPI document. Every route declares its error
//! responses from the catalogues, [`LeadError`] and the framework's [`RequestError`], with
//! bodies and schema in the format the service runs with.

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::Method;
use axum::response::IntoResponse;
use error_core::format::Builtin;
use error_core::http::RequestError;
use error_core::openapi::Document;
use error_core::{FieldError, FieldErrors};

use super::{AppState, LeadError};

/// The errors every `/v1` route may answer: authentication and the rate limit.
const ACCESS: &[&str] = &[
    "auth/missing-api-key",
    "auth/invalid-api-key",
    "rate_limited",
];

/// The document for a service answering errors in `format`.
pub fn document(format: Builtin) -> String {
    let write = [ACCESS, &["auth/read-only-key"]].concat();
    let body = [
        "request/malformed-json",
        "request/invalid-body",
        "request/unsupported-media-type",
        "request/payload-too-large",
        "request/unreadable-body",
    ];
    let lead = "/v1/leads/{id}";
    let path = ["request/invalid-path"];
    Document::new("Leads API", "1.0.0", format)
        .route_only::<LeadError>(Method::GET, "/v1/leads", "List leads", ACCESS)
        .route_only::<LeadError>(Method::GET, "/v1/leads", "", &["validation_error"])
        .route_only::<RequestError>(Method::GET, "/v1/leads", "", &["request/invalid-query"])
        .route_only::<LeadError>(Method::POST, "/v1/leads", "Create a lead", &write)
        .route_only::<LeadError>(
            Method::POST,
            "/v1/leads",
            "",
            &["validation_error", "lead/duplicate-email"],
        )
        .route_only::<RequestError>(Method::POST, "/v1/leads", "", &body)
        .route_only::<LeadError>(Method::POST, "/v1/leads/bulk", "Create leads", &write)
        .route_only::<LeadError>(
            Method::POST,
            "/v1/leads/bulk",
            "",
            &["validation_error", "lead/duplicate-email"],
        )
        .route_only::<RequestError>(Method::POST, "/v1/leads/bulk", "", &body)
        .route_only::<LeadError>(Method::GET, lead, "Get a lead", ACCESS)
        .route_only::<LeadError>(Method::GET, lead, "", &["lead/not-found"])
        .route_only::<RequestError>(Method::GET, lead, "", &path)
        .route_only::<LeadError>(Method::DELETE, lead, "Delete a lead", &write)
        .route_only::<LeadError>(Method::DELETE, lead, "", &["lead/not-found"])
        .route_only::<RequestError>(Method::DELETE, lead, "", &path)
        .route_only::<LeadError>(
            Method::POST,
            "/v1/leads/{id}/enrich",
            "Enrich a lead",
            &write,
        )
        .route_only::<LeadError>(
            Method::POST,
            "/v1/leads/{id}/enrich",
            "",
            &[
                "lead/not-found",
                "billing/no-credits",
                "internal_server_error",
            ],
        )
        .route_only::<RequestError>(Method::POST, "/v1/leads/{id}/enrich", "", &path)
        // Real values where the catalogue alone would leave out the field errors or the
        // placeholders' values.
        .example(&LeadError::Validation(
            FieldErrors::new()
                .with(FieldError::invalid("email", "Invalid email format"))
                .with(FieldError::missing("firstName")),
        ))
        .example(&LeadError::DuplicateEmail {
            email: "ada@example.com".to_owned(),
        })
        .example(&LeadError::NotFound { id: 42 })
        .to_json()
}

/// The handler of `GET /openapi.json`.
pub async fn serve(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "application/json")],
        document(state.config().format),
    )
}
