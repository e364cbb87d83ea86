//! `GET /openapi.json`: the Leads API's OpenAPI document, the whole API: every operation's
//! request body and parameters with their types and bounds, its success responses with
//! their schemas, the `X-API-Key` security scheme, and every error response it can answer,
//! from the catalogues ([`LeadError`] and the framework's [`RequestError`]), with bodies and
//! schema in the format the service runs with and the `Retry-After` and `WWW-Authenticate`
//! headers where they are sent.

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::Method;
use axum::response::IntoResponse;
use error_core::format::Builtin;
use error_core::http::RequestError;
use error_core::openapi::Document;
use error_core::{FieldError, FieldErrors};
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::path::{
    HttpMethod, Operation, OperationBuilder, ParameterBuilder, ParameterIn, PathItem,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{OpenApi, Ref, RefOr, Required};

use super::handlers::MAX_BULK;
use super::validate::WHITESPACE_CLASS;
use super::{AppState, LeadError};

/// The errors every `/v1` route may answer: authentication and the rate limit.
const ACCESS: &[&str] = &[
    "auth/missing-api-key",
    "auth/invalid-api-key",
    "auth/too-many-failures",
    "rate_limited",
];

/// The document for a service answering errors in `format`, as JSON.
pub fn document(format: Builtin) -> String {
    let mut openapi = errors(format).build();
    complete(&mut openapi);
    // Serializing the document's own types cannot fail; an empty object stands in if it did.
    openapi.to_pretty_json().unwrap_or_else(|_| "{}".to_owned())
}

/// The error responses of every operation, from the catalogues.
fn errors(format: Builtin) -> Document<Builtin> {
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
    // The service answers `Accept: application/problem+json` with Problem
    // (`ErrorSettings::negotiate`): the document says so for every error response.
    Document::new("Leads API", "1.0.0", format)
        .negotiate()
        .route_only::<LeadError>(Method::GET, "/v1/leads", "List leads", ACCESS)
        .route_only::<LeadError>(Method::GET, "/v1/leads", "", &["validation_error"])
        .route_only::<RequestError>(Method::GET, "/v1/leads", "", &["request/invalid-query"])
        .route_only::<LeadError>(Method::POST, "/v1/leads", "Create a lead", &write)
        .route_only::<LeadError>(
            Method::POST,
            "/v1/leads",
            "",
            &["validation_error", "lead/duplicate-email", "store/full"],
        )
        .route_only::<RequestError>(Method::POST, "/v1/leads", "", &body)
        .route_only::<LeadError>(Method::POST, "/v1/leads/bulk", "Create leads", &write)
        .route_only::<LeadError>(
            Method::POST,
            "/v1/leads/bulk",
            "",
            &["validation_error", "lead/duplicate-emails", "store/full"],
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
        .example(&LeadError::DuplicateEmails(
            FieldErrors::new().with(
                FieldError::duplicate("leads.1.email")
                    .with_message("A lead with this email already exists"),
            ),
        ))
        .example(&LeadError::NotFound { id: 42 })
}

fn schema_ref(name: &str) -> RefOr<Schema> {
    RefOr::Ref(Ref::from_schema_name(name))
}

fn integer(min: u64, max: u64) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(min))
        .maximum(Some(max))
}

fn text(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

fn nullable_text(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .description(Some(description))
}

/// `POST /v1/leads`: what validation accepts, so that a request the schema allows is never
/// refused (besides a duplicate email, 409, and a full store, 507).
fn new_lead() -> ObjectBuilder {
    ObjectBuilder::new()
        .property(
            "email",
            text("A unique email (per tenant): `local@domain.tld`, no whitespace.")
                .max_length(Some(254))
                .pattern(Some(format!(
                    r"^[^@{w}]+@[^@{w}.][^@{w}]*\.[^@{w}]*[^@{w}.]$",
                    w = WHITESPACE_CLASS
                ))),
        )
        .required("email")
        .property(
            "firstName",
            text("The first name: not blank, at most 100 characters.")
                .max_length(Some(100))
                .pattern(Some(format!("[^{WHITESPACE_CLASS}]"))),
        )
        .required("firstName")
        .property(
            "score",
            integer(0, 100).description(Some("The lead's score, 0 to 100.")),
        )
        .required("score")
        .property(
            "phone",
            nullable_text("7 to 15 digits, an optional leading `+`, spaces or dashes.")
                .pattern(Some(r"^ *(?:\+?[ -]*(?:[0-9][ -]*){7,15})? *$")),
        )
}

fn lead() -> ObjectBuilder {
    ObjectBuilder::new()
        .property("id", integer(1, u64::MAX))
        .required("id")
        .property("email", text("The email."))
        .required("email")
        .property("firstName", text("The first name."))
        .required("firstName")
        .property("score", integer(0, 100))
        .required("score")
        .property("phone", nullable_text("The phone number, if given."))
        .required("phone")
        .property("company", nullable_text("The company, once enriched."))
        .required("company")
}

fn lead_list() -> ObjectBuilder {
    ObjectBuilder::new()
        .property("leads", ArrayBuilder::new().items(schema_ref("Lead")))
        .required("leads")
}

fn bulk_leads() -> ObjectBuilder {
    ObjectBuilder::new()
        .property(
            "leads",
            ArrayBuilder::new()
                .items(schema_ref("NewLead"))
                .min_items(Some(1))
                .max_items(Some(MAX_BULK))
                .description(Some("All created, or none; emails unique among them.")),
        )
        .required("leads")
}

fn json_response(description: &str, schema: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(schema_ref(schema)))
                    .build(),
            )
            .build(),
    )
}

fn json_body(schema: &str) -> utoipa::openapi::request_body::RequestBody {
    RequestBodyBuilder::new()
        .required(Some(Required::True))
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(schema_ref(schema)))
                .build(),
        )
        .build()
}

/// The parts the catalogues do not describe: schemas, parameters' types and bounds, request
/// bodies, success responses and the security scheme.
fn complete(openapi: &mut OpenApi) {
    let components = openapi.components.get_or_insert_with(Default::default);
    for (name, schema) in [
        ("NewLead", new_lead()),
        ("BulkLeads", bulk_leads()),
        ("Lead", lead()),
        ("LeadList", lead_list()),
    ] {
        components
            .schemas
            .insert(name.to_owned(), RefOr::T(schema.into()));
    }
    components.security_schemes.insert(
        "ApiKey".to_owned(),
        SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
            "X-API-Key",
            "`demo-key` (tenant acme, read and write), `read-only-key` (acme, read only), \
             `other-tenant-key` (tenant globex).",
        ))),
    );
    let key = || SecurityRequirement::new("ApiKey", Vec::<String>::new());
    let id = || {
        ParameterBuilder::new()
            .name("id")
            .parameter_in(ParameterIn::Path)
            .required(Required::True)
            .description(Some("The lead's id."))
            .schema(Some(integer(0, u64::MAX)))
            .build()
    };
    let paths = &mut openapi.paths.paths;
    let document = OperationBuilder::new()
        .summary(Some("This document"))
        .response(
            "200",
            ResponseBuilder::new()
                .description("The OpenAPI document of the Leads API.")
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(ObjectBuilder::new().schema_type(Type::Object)))
                        .build(),
                ),
        )
        .build();
    paths.insert(
        "/openapi.json".to_owned(),
        PathItem::new(HttpMethod::Get, document),
    );
    let each = |operation: &mut Option<Operation>, f: &dyn Fn(&mut Operation)| {
        if let Some(operation) = operation.as_mut() {
            operation.security = Some(vec![key()]);
            f(operation);
        }
    };
    if let Some(item) = paths.get_mut("/v1/leads") {
        each(&mut item.get, &|op| {
            op.parameters = Some(vec![
                ParameterBuilder::new()
                    .name("offset")
                    .parameter_in(ParameterIn::Query)
                    .required(Required::False)
                    .description(Some("Leads to skip (default 0)."))
                    .schema(Some(integer(0, u64::MAX)))
                    .build(),
                ParameterBuilder::new()
                    .name("limit")
                    .parameter_in(ParameterIn::Query)
                    .required(Required::False)
                    .description(Some("Leads to return, 1 to 100 (default 20)."))
                    .schema(Some(integer(1, 100)))
                    .build(),
            ]);
            op.responses.responses.insert(
                "200".to_owned(),
                json_response("The tenant's leads, by id.", "LeadList"),
            );
        });
        each(&mut item.post, &|op| {
            op.request_body = Some(json_body("NewLead"));
            let created = RefOr::T(
                ResponseBuilder::new()
                    .description("The lead, created.")
                    .header(
                        "Location",
                        utoipa::openapi::HeaderBuilder::new()
                            .schema(
                                ObjectBuilder::new()
                                    .schema_type(SchemaType::new(Type::String))
                                    .format(Some(utoipa::openapi::SchemaFormat::Custom(
                                        "uri-reference".to_owned(),
                                    ))),
                            )
                            .description(Some("The new lead's URI, /v1/leads/{id}."))
                            .build(),
                    )
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(schema_ref("Lead")))
                            .build(),
                    )
                    .build(),
            );
            op.responses.responses.insert("201".to_owned(), created);
        });
    }
    if let Some(item) = paths.get_mut("/v1/leads/bulk") {
        each(&mut item.post, &|op| {
            op.request_body = Some(json_body("BulkLeads"));
            op.responses.responses.insert(
                "201".to_owned(),
                json_response("The leads, created.", "LeadList"),
            );
        });
    }
    if let Some(item) = paths.get_mut("/v1/leads/{id}") {
        each(&mut item.get, &|op| {
            op.parameters = Some(vec![id()]);
            op.responses
                .responses
                .insert("200".to_owned(), json_response("The lead.", "Lead"));
        });
        each(&mut item.delete, &|op| {
            op.parameters = Some(vec![id()]);
            op.responses.responses.insert(
                "204".to_owned(),
                RefOr::T(ResponseBuilder::new().description("Deleted.").build()),
            );
        });
    }
    if let Some(item) = paths.get_mut("/v1/leads/{id}/enrich") {
        each(&mut item.post, &|op| {
            op.parameters = Some(vec![id()]);
            op.responses.responses.insert(
                "200".to_owned(),
                json_response("The lead, with its company.", "Lead"),
            );
        });
    }
}

/// The handler of `GET /openapi.json`.
pub async fn serve(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "application/json")],
        document(state.config().format),
    )
}
