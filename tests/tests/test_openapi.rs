//! OpenAPI from the catalogue: the documents parse with an independent OpenAPI 3.1 crate
//! (`oas3`) and hold exactly the statuses and examples the enums declare.
#![cfg(feature = "utoipa")]

use std::collections::{BTreeMap, BTreeSet};

use error_core::format::{Builtin, ErrorView, Format};
use error_core::openapi::{Document, EnvelopeSchema};
use error_core::{ApiError, FieldErrors};
use error_examples::catalogues::{leadey, leadron, leo, wedocod};
use http::Method;
use oas3::spec::{MediaTypeExamples, ObjectOrReference, Operation, Spec};
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem, PathsBuilder};
use utoipa::openapi::{InfoBuilder, OpenApiBuilder, ResponsesBuilder};
use utoipa::IntoResponses;

/// A document with one operation, `GET /things`, whose responses are `E`'s derived
/// `IntoResponses`, as `#[utoipa::path(responses(E))]` would declare them.
fn document_of<E: IntoResponses>() -> Spec {
    let operation = OperationBuilder::new()
        .responses(ResponsesBuilder::new().responses_from_into_responses::<E>())
        .build();
    let openapi = OpenApiBuilder::new()
        .info(InfoBuilder::new().title("test").version("1").build())
        .paths(
            PathsBuilder::new()
                .path("/things", PathItem::new(HttpMethod::Get, operation))
                .build(),
        )
        .build();
    parse(&openapi.to_json().unwrap())
}

fn parse(json: &str) -> Spec {
    let spec = oas3::from_json(json).unwrap();
    assert_eq!(spec.validate_version().unwrap().to_string(), "3.1.0");
    spec
}

/// Status → (content type → example names) of an operation.
fn examples_by_status(spec: &Spec, operation: &Operation) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (status, response) in operation.responses.as_ref().unwrap() {
        // Success responses carry a schema, not the catalogue's named examples; the
        // `default` response documents any other error and has none either.
        if !status.starts_with('4') && !status.starts_with('5') {
            continue;
        }
        let response = response.resolve(spec).unwrap();
        // Each content type (the service's format, and the ones it negotiates) has the same
        // named examples.
        let mut per_type =
            response
                .content
                .values()
                .map(|media| match media.examples.as_ref().unwrap() {
                    MediaTypeExamples::Examples { examples } => {
                        examples.keys().cloned().collect::<BTreeSet<String>>()
                    }
                    MediaTypeExamples::Example { .. } => panic!("named examples expected"),
                });
        let names = per_type.next().expect("a content type per response");
        for other in per_type {
            assert_eq!(other, names, "{status}");
        }
        out.insert(status.clone(), names);
    }
    out
}

fn get_things(spec: &Spec) -> &Operation {
    spec.operation(&Method::GET, "/things").unwrap()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|name| name.to_string()).collect()
}

/// The statuses and example names the catalogue of `E` declares.
fn declared<E: ApiError>() -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in error_core::catalogue::entries(E::CATALOGUE) {
        out.entry(entry.status().to_string())
            .or_default()
            .insert(entry.code().to_owned());
    }
    out
}

// Only the catalogue is used: no value is built.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api(utoipa)]
#[api(format = error_core::format::Nested)]
enum ShopError {
    #[api(
        status = 404,
        code = "order/not-found",
        message = "Order {id} was not found."
    )]
    OrderNotFound { id: u64 },
    #[api(
        status = 404,
        code = "customer/not-found",
        message = "No such customer.",
        action = "Check the customer id."
    )]
    CustomerNotFound,
    #[api(status = 404, code = "product/not-found", message = "No such product.")]
    ProductNotFound,
    #[api(
        status = 422,
        code = "invalid_order",
        message = "The order is invalid."
    )]
    Invalid(#[api(fields)] FieldErrors),
    #[api(
        status = 401,
        code = "bad_key",
        message = "Bad key.",
        www_authenticate = "Bearer"
    )]
    BadKey,
    #[api(transparent)]
    Billing(BillingError),
}

// Only the catalogue is used: no value is built.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
enum BillingError {
    #[api(
        status = 402,
        code = "payment_required",
        message = "Your credit balance is too low."
    )]
    PaymentRequired,
    #[api(status = 404, code = "invoice/not-found", message = "No such invoice.")]
    InvoiceNotFound,
}

#[test]
fn several_errors_on_one_status_are_named_examples_of_one_response() {
    let spec = document_of::<ShopError>();
    let operation = get_things(&spec);
    let expected: BTreeMap<String, BTreeSet<String>> = [
        ("401", set(&["bad_key"])),
        ("402", set(&["payment_required"])),
        (
            "404",
            set(&[
                "order/not-found",
                "customer/not-found",
                "product/not-found",
                "invoice/not-found",
            ]),
        ),
        ("422", set(&["invalid_order"])),
    ]
    .into_iter()
    .map(|(status, names)| (status.to_owned(), names))
    .collect();
    assert_eq!(examples_by_status(&spec, operation), expected);
    assert_eq!(declared::<ShopError>(), expected);

    let not_found = operation.responses.as_ref().unwrap()["404"]
        .resolve(&spec)
        .unwrap();
    assert_eq!(
        not_found.description.as_deref(),
        Some("Not Found: `order/not-found`, `customer/not-found`, `product/not-found`, `invoice/not-found`.")
    );
    let media = &not_found.content["application/json"];
    let examples = media.examples(&spec);
    let customer = &examples["customer/not-found"];
    assert_eq!(customer.summary.as_deref(), Some("No such customer."));
    assert_eq!(
        customer.description.as_deref(),
        Some("Check the customer id.")
    );
    assert_eq!(
        customer.value,
        Some(serde_json::json!({
            "success": false,
            "error": {
                "code": 404,
                "timestamp": "2026-02-08T12:00:00.000Z",
                "message": "No such customer.",
                "details": "customer/not-found"
            }
        }))
    );
    // A placeholder stays as declared.
    assert_eq!(
        examples["order/not-found"].value.as_ref().unwrap()["error"]["message"],
        "Order {id} was not found."
    );

    // The envelope schema is inline and is the Nested one.
    let schema = media.schema(&spec).unwrap().unwrap();
    let oas3::spec::Schema::Object(object) = schema else {
        panic!("object schema expected")
    };
    let ObjectOrReference::Object(object) = *object else {
        panic!("inline schema expected")
    };
    assert_eq!(object.required, ["success", "error"]);

    // The 401 response declares its challenge header.
    let unauthorized = operation.responses.as_ref().unwrap()["401"]
        .resolve(&spec)
        .unwrap();
    assert_eq!(
        unauthorized.headers.keys().collect::<Vec<_>>(),
        ["WWW-Authenticate"]
    );
}

#[test]
fn every_example_catalogue_documents_every_status_and_error() {
    fn check<E: ApiError + IntoResponses>() {
        let spec = document_of::<E>();
        assert_eq!(
            examples_by_status(&spec, get_things(&spec)),
            declared::<E>(),
            "{}",
            std::any::type_name::<E>()
        );
    }
    check::<leadron::LeadronError>();
    check::<leo::LeoError>();
    check::<wedocod::WedocodError>();
    check::<leadey::LeadeyError>();

    // The seven named errors of the Leo page, one per status.
    let spec = document_of::<leo::LeoError>();
    let expected: BTreeMap<String, BTreeSet<String>> = [
        ("400", "validation_error"),
        ("401", "missing_api_key"),
        ("403", "invalid_api_key"),
        ("404", "not_found"),
        ("409", "duplicate_resource"),
        ("429", "rate_limit_exceeded"),
        ("500", "internal_server_error"),
    ]
    .into_iter()
    .map(|(status, code)| (status.to_owned(), set(&[code])))
    .collect();
    assert_eq!(examples_by_status(&spec, get_things(&spec)), expected);
}

#[test]
fn a_service_document_references_the_envelope_component() {
    let json = Document::new("Leads API", "1.0.0", Builtin::Problem)
        .route::<ShopError>(Method::GET, "/v1/orders/{order_id}", "Get an order")
        .route_only::<ShopError>(
            Method::POST,
            "/v1/orders",
            "Create an order",
            &["invalid_order", "bad_key", "payment_required"],
        )
        .route_only::<ShopError>(
            Method::DELETE,
            "/v1/orders/{order_id}",
            "Delete",
            &["bad_key"],
        )
        .to_json();
    let spec = parse(&json);

    let get = spec
        .operation(&Method::GET, "/v1/orders/{order_id}")
        .unwrap();
    assert_eq!(examples_by_status(&spec, get), declared::<ShopError>());
    assert_eq!(get.parameters.len(), 1);
    let parameter = get.parameters[0].resolve(&spec).unwrap();
    assert_eq!(parameter.name, "order_id");
    assert_eq!(parameter.required, Some(true));

    let post = spec.operation(&Method::POST, "/v1/orders").unwrap();
    let expected: BTreeMap<String, BTreeSet<String>> = [
        ("401", set(&["bad_key"])),
        ("402", set(&["payment_required"])),
        ("422", set(&["invalid_order"])),
    ]
    .into_iter()
    .map(|(status, names)| (status.to_owned(), names))
    .collect();
    assert_eq!(examples_by_status(&spec, post), expected);
    assert!(post.parameters.is_empty());

    let delete = spec
        .operation(&Method::DELETE, "/v1/orders/{order_id}")
        .unwrap();
    assert_eq!(
        examples_by_status(&spec, delete).keys().collect::<Vec<_>>(),
        ["401"]
    );

    // Bodies in the document's format, not the enum's; the schema a component reference.
    let response = post.responses.as_ref().unwrap()["422"]
        .resolve(&spec)
        .unwrap();
    let media = &response.content["application/problem+json"];
    assert_eq!(
        media.examples(&spec)["invalid_order"].value,
        Some(serde_json::json!({
            "type": "about:blank",
            "title": "Unprocessable Content",
            "status": 422,
            "detail": "The order is invalid.",
            "code": "invalid_order",
            "errors": [{"detail": "field_name is required.", "pointer": "#/field_name"}]
        }))
    );
    let raw: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        raw["paths"]["/v1/orders"]["post"]["responses"]["422"]["content"]
            ["application/problem+json"]["schema"],
        serde_json::json!({"$ref": "#/components/schemas/ProblemDetails"})
    );
    let components = spec.components.as_ref().unwrap();
    assert_eq!(
        components.schemas.keys().collect::<Vec<_>>(),
        ["ProblemDetails"]
    );
}

#[test]
fn envelope_schemas_list_the_members_of_each_format() {
    // (name, required members in order, all members).
    let expected: [(&str, &[&str], &[&str]); 5] = [
        (
            "FlatError",
            &["success", "status", "message", "meta"],
            &["success", "status", "message", "errors", "details", "meta"],
        ),
        ("NestedError", &["success", "error"], &["success", "error"]),
        ("LaravelError", &["message"], &["message", "errors"]),
        ("CompactError", &["error"], &["error"]),
        (
            "ProblemDetails",
            &["type", "title", "status", "detail", "code"],
            &[
                "type",
                "title",
                "status",
                "detail",
                "code",
                "errors",
                "details",
                "request_id",
            ],
        ),
    ];
    for (format, (name, required, members)) in Builtin::ALL.into_iter().zip(expected) {
        assert_eq!(format.schema_name(), name);
        let schema = serde_json::to_value(format.envelope_schema()).unwrap();
        assert_eq!(schema["type"], "object", "{name}");
        assert_eq!(schema["required"], serde_json::json!(required), "{name}");
        let keys: BTreeSet<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, members.iter().copied().collect(), "{name}");
        // The document parses with the schema as a component.
        let json = Document::new("t", "1", format)
            .route::<ShopError>(Method::GET, "/things", "t")
            .to_json();
        let spec = parse(&json);
        assert!(spec.components.unwrap().schemas.contains_key(name));
    }
    // ToSchema names agree.
    assert_eq!(
        <error_core::format::Flat as utoipa::ToSchema>::name(),
        "FlatError"
    );
}

/// A format of the user's own, without a schema: its responses still carry the examples.
#[derive(Default)]
struct Tiny;

impl Format for Tiny {
    fn content_type(&self) -> &'static str {
        "application/vnd.tiny+json"
    }

    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"code\":");
        error.write_code_json(out);
        out.push(b'}');
    }
}

// Only the catalogue is used: no value is built.
#[allow(dead_code)]
#[derive(ApiError)]
#[api(utoipa)]
#[api(format = Tiny)]
enum TinyError {
    #[api(status = 409)]
    Conflict,
    #[api(status = 409)]
    Duplicate,
}

#[test]
fn a_custom_format_without_a_schema_keeps_its_examples() {
    let spec = document_of::<TinyError>();
    let operation = get_things(&spec);
    assert_eq!(
        examples_by_status(&spec, operation),
        [("409".to_owned(), set(&["conflict", "duplicate"]))]
            .into_iter()
            .collect()
    );
    let response = operation.responses.as_ref().unwrap()["409"]
        .resolve(&spec)
        .unwrap();
    let media = &response.content["application/vnd.tiny+json"];
    assert!(media.schema.is_none());
    assert_eq!(
        media.examples(&spec)["duplicate"].value,
        Some(serde_json::json!({"code": "duplicate"}))
    );
}

#[test]
fn the_example_service_declares_each_routes_errors() {
    let json = error_examples::service::openapi::document(Builtin::Flat);
    let spec = parse(&json);
    let statuses = |method: Method, path: &str| -> Vec<String> {
        let operation = spec.operation(&method, path).unwrap();
        let errors: Vec<String> = examples_by_status(&spec, operation).into_keys().collect();
        let responses = operation.responses.as_ref().unwrap();
        // The `default` error response (tests/tests/test_contract.rs) is not a status.
        let all: Vec<String> = responses
            .keys()
            .filter(|status| *status != "default")
            .cloned()
            .collect();
        assert!(all.ends_with(&errors), "{method} {path}: {all:?}");
        all
    };
    assert_eq!(
        statuses(Method::GET, "/v1/leads"),
        ["200", "400", "401", "422", "429"]
    );
    assert_eq!(
        statuses(Method::POST, "/v1/leads"),
        ["201", "400", "401", "403", "409", "413", "415", "422", "429", "507"]
    );
    assert_eq!(
        statuses(Method::POST, "/v1/leads/bulk"),
        ["201", "400", "401", "403", "409", "413", "415", "422", "429", "507"]
    );
    assert_eq!(
        statuses(Method::GET, "/v1/leads/{id}"),
        ["200", "400", "401", "404", "429"]
    );
    assert_eq!(
        statuses(Method::DELETE, "/v1/leads/{id}"),
        ["204", "400", "401", "403", "404", "429"]
    );
    assert_eq!(
        statuses(Method::POST, "/v1/leads/{id}/enrich"),
        ["200", "400", "401", "402", "403", "404", "429", "500"]
    );
    assert_eq!(statuses(Method::GET, "/openapi.json"), ["200"]);
    // The service negotiates Problem (`Accept: application/problem+json`): every error
    // response documents it beside the service's own format, with its schema and examples.
    let get = spec.operation(&Method::GET, "/v1/leads/{id}").unwrap();
    for (status, response) in get.responses.as_ref().unwrap() {
        if status.starts_with('2') {
            continue;
        }
        let response = response.resolve(&spec).unwrap();
        let types: Vec<&String> = response.content.keys().collect();
        assert_eq!(
            types,
            ["application/json", "application/problem+json"],
            "{status}"
        );
    }
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let not_found = &doc["paths"]["/v1/leads/{id}"]["get"]["responses"]["404"]["content"]
        ["application/problem+json"];
    assert_eq!(
        not_found["schema"]["$ref"],
        "#/components/schemas/ProblemDetails"
    );
    assert_eq!(
        not_found["examples"]["lead/not-found"]["value"]["type"],
        "about:blank"
    );
    // Two errors on 401, and the service's own 422 beside the framework's.
    let post = spec.operation(&Method::POST, "/v1/leads").unwrap();
    let examples = examples_by_status(&spec, post);
    assert_eq!(
        examples["401"],
        set(&["auth/missing-api-key", "auth/invalid-api-key"])
    );
    assert_eq!(
        examples["422"],
        set(&["validation_error", "request/invalid-body"])
    );
    assert_eq!(
        examples["400"],
        set(&["request/malformed-json", "request/unreadable-body"])
    );
}

#[test]
fn the_example_service_shows_real_values_where_it_gives_them() {
    let json = error_examples::service::openapi::document(Builtin::Flat);
    let spec = parse(&json);
    let post = spec.operation(&Method::POST, "/v1/leads").unwrap();
    let response = post.responses.as_ref().unwrap()["422"]
        .resolve(&spec)
        .unwrap();
    let examples = response.content["application/json"].examples(&spec);
    assert_eq!(
        examples["validation_error"].value,
        Some(serde_json::json!({
            "success": false,
            "status": 422,
            "message": "Validation failed",
            "errors": [
                {"field": "email", "message": "Invalid email format"},
                {"field": "firstName", "message": "firstName is required."}
            ],
            "meta": {"timestamp": "2026-02-08T12:00:00.000Z", "version": "v1"}
        }))
    );
    // Without a value, the framework's 422 comes from its catalogue entry alone, with one
    // stand-in field error showing where they go.
    assert_eq!(
        examples["request/invalid-body"].value.as_ref().unwrap()["errors"],
        serde_json::json!([{"field": "field_name", "message": "field_name is required."}])
    );
}

/// A generic enum gets `IntoResponses` under the same bounds as its `ApiError` impl.
#[allow(dead_code)]
#[derive(ApiError)]
#[api(utoipa)]
#[api(format = error_core::format::Laravel)]
enum Wrapped<T: std::fmt::Display> {
    #[api(status = 400, code = "bad_value", message = "Bad value {0}.")]
    Bad(T),
    #[api(status = 400, code = "missing_value", message = "Missing value.")]
    Missing,
}

#[test]
fn a_generic_enum_documents_its_errors() {
    let spec = document_of::<Wrapped<u8>>();
    let operation = get_things(&spec);
    assert_eq!(
        examples_by_status(&spec, operation),
        [("400".to_owned(), set(&["bad_value", "missing_value"]))]
            .into_iter()
            .collect()
    );
    let response = operation.responses.as_ref().unwrap()["400"]
        .resolve(&spec)
        .unwrap();
    assert_eq!(
        response.content["application/json"].examples(&spec)["bad_value"].value,
        Some(serde_json::json!({"message": "Bad value {0}."}))
    );
}

/// The example's document describes the whole API: the security scheme and where it
/// applies, request bodies, parameters with types and bounds, success responses, and the
/// headers of the errors that send them.
#[test]
fn the_example_service_documents_the_whole_api() {
    let json = error_examples::service::openapi::document(Builtin::Problem);
    parse(&json);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        doc["components"]["securitySchemes"]["ApiKey"],
        serde_json::json!({
            "type": "apiKey",
            "name": "X-API-Key",
            "in": "header",
            "description": "`demo-key` (tenant acme, read and write), `read-only-key` (acme, read only), `other-tenant-key` (tenant globex)."
        })
    );
    let paths = &doc["paths"];
    for (path, method) in [
        ("/v1/leads", "get"),
        ("/v1/leads", "post"),
        ("/v1/leads/bulk", "post"),
        ("/v1/leads/{id}", "get"),
        ("/v1/leads/{id}", "delete"),
        ("/v1/leads/{id}/enrich", "post"),
    ] {
        assert_eq!(
            paths[path][method]["security"],
            serde_json::json!([{"ApiKey": []}]),
            "{method} {path}"
        );
        let unauthorized = &paths[path][method]["responses"]["401"];
        assert_eq!(
            unauthorized["headers"]["WWW-Authenticate"]["schema"],
            serde_json::json!({"type": "string"}),
            "{method} {path}"
        );
        assert_eq!(
            paths[path][method]["responses"]["429"]["headers"]["Retry-After"]["schema"],
            serde_json::json!({"type": "integer", "minimum": 0, "maximum": 86400}),
            "{method} {path}"
        );
    }
    assert!(paths["/openapi.json"]["get"].get("security").is_none());
    assert_eq!(
        paths["/v1/leads"]["get"]["parameters"],
        serde_json::json!([
            {"name": "offset", "in": "query", "description": "Leads to skip (default 0).", "required": false,
             "schema": {"type": "integer", "minimum": 0, "maximum": 18446744073709551615u64}},
            {"name": "limit", "in": "query", "description": "Leads to return, 1 to 100 (default 20).", "required": false,
             "schema": {"type": "integer", "minimum": 1, "maximum": 100}}
        ])
    );
    assert_eq!(
        paths["/v1/leads/{id}"]["delete"]["parameters"],
        serde_json::json!([
            {"name": "id", "in": "path", "description": "The lead's id.", "required": true,
             "schema": {"type": "integer", "minimum": 0, "maximum": 18446744073709551615u64}}
        ])
    );
    assert_eq!(
        paths["/v1/leads"]["post"]["requestBody"],
        serde_json::json!({"content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewLead"}}}, "required": true})
    );
    assert_eq!(
        paths["/v1/leads/bulk"]["post"]["requestBody"]["content"]["application/json"]["schema"],
        serde_json::json!({"$ref": "#/components/schemas/BulkLeads"})
    );
    assert_eq!(
        paths["/v1/leads/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
        serde_json::json!({"$ref": "#/components/schemas/Lead"})
    );
    assert_eq!(
        paths["/v1/leads/{id}"]["delete"]["responses"]["204"],
        serde_json::json!({"description": "Deleted."})
    );
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["NewLead"]["required"],
        serde_json::json!(["email", "firstName", "score"])
    );
    assert_eq!(
        schemas["BulkLeads"]["properties"]["leads"]["maxItems"],
        serde_json::json!(1000)
    );
    // The error bodies in the service's format.
    assert_eq!(
        paths["/v1/leads/{id}"]["get"]["responses"]["404"]["content"]["application/problem+json"]
            ["schema"],
        serde_json::json!({"$ref": "#/components/schemas/ProblemDetails"})
    );
}
