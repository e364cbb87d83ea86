//! OpenAPI from the catalogue (feature `utoipa`, for utoipa 5): the same declaration that
//! drives the responses documents them.
//!
//! - Every built-in format has a schema for its envelope ([`EnvelopeSchema`]; the five format
//!   types also implement [`utoipa::ToSchema`], to be listed as components).
//! - With the feature on, `#[derive(ApiError)]` also implements [`utoipa::IntoResponses`] for
//!   an enum that asks for it with `#[api(utoipa)]`: one response per status, each error of that status a named example (named by
//!   its detail code), so several errors on one status show up as a choice of examples.
//! - [`responses_with`] does the same for a format chosen at run time, and [`Document`]
//!   builds a whole document for a service whose routes declare their errors from an enum.
//!
//! ```
//! use error_core::ApiError;
//! use utoipa::IntoResponses;
//!
//! #[derive(ApiError)]
//! #[api(format = error_core::format::Compact, utoipa)]
//! enum LeadError {
//!     #[api(status = 401, code = "missing_api_key", message = "Authentication required.", www_authenticate = "Bearer")]
//!     MissingApiKey,
//!     #[api(status = 401, code = "revoked_api_key", message = "The API key was revoked.", www_authenticate = "Bearer")]
//!     RevokedApiKey,
//!     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
//!     NotFound { id: u64 },
//! }
//!
//! let responses = serde_json::to_value(LeadError::responses()).unwrap();
//! let unauthorized = &responses["401"]["content"]["application/json"]["examples"];
//! assert_eq!(unauthorized["missing_api_key"]["value"]["error"]["message"], "Authentication required.");
//! assert_eq!(unauthorized["revoked_api_key"]["value"]["error"]["message"], "The API key was revoked.");
//! assert_eq!(
//!     responses["404"]["content"]["application/json"]["examples"]["lead/not-found"]["value"],
//!     serde_json::json!({"error": {"message": "Lead {id} was not found.", "details": null}})
//! );
//! ```

use std::collections::BTreeMap;

use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::extensions::ExtensionsBuilder;
use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem, PathsBuilder,
};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{
    AnyOfBuilder, ArrayBuilder, ComponentsBuilder, KnownFormat, ObjectBuilder, Ref, Schema,
    SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{HeaderBuilder, InfoBuilder, OpenApi, OpenApiBuilder, RefOr, Required};

use crate::catalogue::entries;
use crate::docs::{Sample, EXAMPLE_TIME};
use crate::format::{
    Aip, Builtin, Compact, Flat, Format, JsonApi, Laravel, Microsoft, Nested, Problem,
};
use crate::{ApiError, CatalogueEntry, RenderContext};

/// The response map of [`utoipa::IntoResponses`]: status code to response.
pub type ResponseMap = BTreeMap<String, RefOr<utoipa::openapi::Response>>;

/// A format whose envelope has an OpenAPI schema.
///
/// Implemented by the five built-in formats and by [`Builtin`] (the schema of the format it
/// names). A custom format may implement it too; without it, its responses carry examples but
/// no schema.
///
/// ```
/// use error_core::format::{Builtin, Problem};
/// use error_core::openapi::EnvelopeSchema;
///
/// assert_eq!(Problem.schema_name(), "ProblemDetails");
/// assert_eq!(Builtin::Flat.schema_name(), "FlatError");
/// let schema = serde_json::to_value(Problem.envelope_schema()).unwrap();
/// assert_eq!(schema["required"], serde_json::json!(["type", "title", "status", "detail", "code"]));
/// ```
pub trait EnvelopeSchema {
    /// The name of the schema among the document's components, such as `FlatError`.
    fn schema_name(&self) -> &'static str;

    /// The schema of the envelope.
    fn envelope_schema(&self) -> RefOr<Schema>;
}

impl<F: EnvelopeSchema + ?Sized> EnvelopeSchema for &F {
    fn schema_name(&self) -> &'static str {
        (**self).schema_name()
    }

    fn envelope_schema(&self) -> RefOr<Schema> {
        (**self).envelope_schema()
    }
}

fn string(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

fn status_schema(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .minimum(Some(400))
        .maximum(Some(599))
        .description(Some(description))
}

fn timestamp() -> ObjectBuilder {
    string("When the error happened, RFC 3339 UTC with milliseconds.")
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
}

fn always_false() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Boolean)
        .enum_values(Some([false]))
        .description(Some("Always false for errors."))
}

/// Any JSON value (`{}`: no `type`): the `#[api(details)]` value of a variant, which may be
/// an object, an array, a string, a number, a boolean or null.
fn any(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::AnyValue)
        .description(Some(description))
}

/// `[{"<path_key>": string, "<message_key>": string}]`
fn field_list(path_key: &str, path_doc: &str, message_key: &str) -> ArrayBuilder {
    ArrayBuilder::new().items(
        ObjectBuilder::new()
            .property(path_key, string(path_doc))
            .required(path_key)
            .property(message_key, string("What is wrong with the field."))
            .required(message_key),
    )
}

fn flat_schema() -> RefOr<Schema> {
    ObjectBuilder::new()
        .description(Some(
            "An error: `success` false, the HTTP status, a message, field errors for \
             validation failures and `meta`.",
        ))
        .property("success", always_false())
        .required("success")
        .property("status", status_schema("The HTTP status of the response."))
        .required("status")
        .property("message", string("Human-readable error summary."))
        .required("message")
        .property(
            "errors",
            field_list("field", "The field, dotted: `leads.0.phone`.", "message")
                .description(Some("Field-level errors, for validation failures only.")),
        )
        .property("details", any("Structured details, for some errors."))
        .property(
            "meta",
            ObjectBuilder::new()
                .property("timestamp", timestamp())
                .required("timestamp")
                .property("version", string("The API version."))
                .property(
                    "request_id",
                    string("The request id, for support requests."),
                ),
        )
        .required("meta")
        .into()
}

fn nested_schema() -> RefOr<Schema> {
    let details = AnyOfBuilder::new()
        .item(string("The detail code, such as `error/error_code`."))
        .item(field_list(
            "code",
            "The field error's code, such as `validation/missing-user_id`.",
            "message",
        ))
        .item(any("Structured details."))
        .description(Some(
            "The detail code; for validation errors, the field errors; or structured details.",
        ));
    ObjectBuilder::new()
        .description(Some("An error, nested under `error`."))
        .property("success", always_false())
        .required("success")
        .property(
            "error",
            ObjectBuilder::new()
                .property("code", status_schema("The HTTP status code."))
                .required("code")
                .property("timestamp", timestamp())
                .required("timestamp")
                .property("message", string("Human-readable error description."))
                .required("message")
                .property("details", details)
                .required("details"),
        )
        .required("error")
        .into()
}

fn laravel_schema() -> RefOr<Schema> {
    ObjectBuilder::new()
        .description(Some(
            "An error message, with the messages of each invalid field grouped under its path.",
        ))
        .property("message", string("Human-readable error message."))
        .required("message")
        .property(
            "errors",
            ObjectBuilder::new()
                .description(Some(
                    "For validation errors: the messages of each field, keyed by its dotted \
                     path (`leads.0.phone`).",
                ))
                .additional_properties(Some(
                    ArrayBuilder::new().items(string("What is wrong with the field.")),
                )),
        )
        .into()
}

fn compact_schema() -> RefOr<Schema> {
    ObjectBuilder::new()
        .description(Some("An error message with optional structured details."))
        .property(
            "error",
            ObjectBuilder::new()
                .property(
                    "message",
                    string("A human-readable description of what went wrong."),
                )
                .required("message")
                .property(
                    "details",
                    any(
                        "The `#[api(details)]` value (any JSON), the field errors as \
                         `[{\"field\", \"message\"}]`, or null.",
                    ),
                )
                .required("details"),
        )
        .required("error")
        .into()
}

fn problem_schema() -> RefOr<Schema> {
    ObjectBuilder::new()
        .description(Some("RFC 9457 problem details."))
        .property(
            "type",
            string("A URI identifying the problem type, or `about:blank`.")
                .format(Some(SchemaFormat::Custom("uri-reference".to_owned()))),
        )
        .required("type")
        .property("title", string("The status's reason phrase."))
        .required("title")
        .property("status", status_schema("The HTTP status."))
        .required("status")
        .property("detail", string("Human-readable explanation."))
        .required("detail")
        .property("code", string("The detail code."))
        .required("code")
        .property(
            "errors",
            field_list(
                "pointer",
                "A JSON Pointer in URI fragment form: `#/leads/0/phone`.",
                "detail",
            )
            .description(Some("Field-level errors, for validation failures only.")),
        )
        .property("details", any("Structured details, for some errors."))
        .property(
            "request_id",
            string("The request id, for support requests."),
        )
        .into()
}

fn aip_schema() -> RefOr<Schema> {
    let detail = ObjectBuilder::new()
        .description(Some(
            "A google.rpc detail, named by `@type`: `ErrorInfo` (`reason`, `domain`, \
             `metadata`), `BadRequest` (`fieldViolations`), `RetryInfo` (`retryDelay`), \
             `Help` (`links`), `RequestInfo` (`requestId`), or an item of the error's own \
             details.",
        ))
        .property(
            "@type",
            string("`type.googleapis.com/google.rpc.ErrorInfo`, …"),
        );
    ObjectBuilder::new()
        .description(Some(
            "An error in Google's AIP-193 model: `google.rpc.Status` as JSON.",
        ))
        .property(
            "error",
            ObjectBuilder::new()
                .property("code", status_schema("The HTTP status."))
                .required("code")
                .property("message", string("Developer-facing error message."))
                .required("message")
                .property(
                    "status",
                    string("The canonical google.rpc.Code name, such as `NOT_FOUND`."),
                )
                .required("status")
                .property("details", ArrayBuilder::new().items(detail))
                .required("details"),
        )
        .required("error")
        .into()
}

fn jsonapi_schema() -> RefOr<Schema> {
    let object = ObjectBuilder::new()
        .property(
            "links",
            ObjectBuilder::new().property("about", string("The error's documentation.")),
        )
        .property("status", string("The HTTP status, as a string."))
        .property("code", string("The detail code."))
        .property(
            "source",
            ObjectBuilder::new()
                .property(
                    "pointer",
                    string("A JSON Pointer into the request document."),
                )
                .property("parameter", string("The query parameter at fault."))
                .property("header", string("The request header at fault.")),
        )
        .property("title", string("A short summary of the problem."))
        .property("detail", string("What went wrong, for this occurrence."))
        .property(
            "meta",
            ObjectBuilder::new().property(
                "request_id",
                string("The request id, for support requests."),
            ),
        );
    ObjectBuilder::new()
        .description(Some(
            "JSON:API error objects: one per field error, or one for the error.",
        ))
        .property(
            "errors",
            ArrayBuilder::new().items(object).min_items(Some(1)),
        )
        .required("errors")
        .into()
}

fn microsoft_schema() -> RefOr<Schema> {
    let detail = ObjectBuilder::new()
        .property("code", string("The field error's code, in PascalCase."))
        .required("code")
        .property(
            "target",
            string("The field, relative to the error's `target`."),
        )
        .property("message", string("What is wrong with the field."))
        .required("message");
    let inner = ObjectBuilder::new()
        .description(Some(
            "A more specific code, nested as deep as the error is specific.",
        ))
        .property("code", string("A more specific error code."))
        .required("code");
    ObjectBuilder::new()
        .description(Some(
            "An error in the Microsoft REST API guidelines' form (the OData error object).",
        ))
        .property(
            "error",
            ObjectBuilder::new()
                .property(
                    "code",
                    string("The error code, in PascalCase; also the `x-ms-error-code` header."),
                )
                .required("code")
                .property("message", string("Human-readable error message."))
                .required("message")
                .property("target", string("The field the error is about."))
                .property("details", ArrayBuilder::new().items(detail))
                .property("innererror", inner),
        )
        .required("error")
        .into()
}

macro_rules! envelope {
    ($($format:ty => $name:literal, $schema:ident;)*) => {$(
        impl EnvelopeSchema for $format {
            fn schema_name(&self) -> &'static str {
                $name
            }

            fn envelope_schema(&self) -> RefOr<Schema> {
                $schema()
            }
        }

        /// The envelope's schema, as in [`EnvelopeSchema`].
        impl utoipa::PartialSchema for $format {
            fn schema() -> RefOr<Schema> {
                $schema()
            }
        }

        /// Named as in [`EnvelopeSchema::schema_name`].
        impl utoipa::ToSchema for $format {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed($name)
            }
        }
    )*};
}

envelope! {
    Flat => "FlatError", flat_schema;
    Nested => "NestedError", nested_schema;
    Laravel => "LaravelError", laravel_schema;
    Compact => "CompactError", compact_schema;
    Problem => "ProblemDetails", problem_schema;
    Aip => "AipError", aip_schema;
    JsonApi => "JsonApiErrors", jsonapi_schema;
    Microsoft => "MicrosoftError", microsoft_schema;
}

impl EnvelopeSchema for Builtin {
    fn schema_name(&self) -> &'static str {
        match self {
            Builtin::Flat => Flat.schema_name(),
            Builtin::Nested => Nested.schema_name(),
            Builtin::Laravel => Laravel::default().schema_name(),
            Builtin::Compact => Compact.schema_name(),
            Builtin::Problem => Problem.schema_name(),
            Builtin::Aip => Aip::new().schema_name(),
            Builtin::JsonApi => JsonApi::new().schema_name(),
            Builtin::Microsoft => Microsoft.schema_name(),
        }
    }

    fn envelope_schema(&self) -> RefOr<Schema> {
        match self {
            Builtin::Flat => flat_schema(),
            Builtin::Nested => nested_schema(),
            Builtin::Laravel => laravel_schema(),
            Builtin::Compact => compact_schema(),
            Builtin::Problem => problem_schema(),
            Builtin::Aip => aip_schema(),
            Builtin::JsonApi => jsonapi_schema(),
            Builtin::Microsoft => microsoft_schema(),
        }
    }
}

/// The error responses of `E` with bodies in `format`, its schema written inline: what the
/// derived [`utoipa::IntoResponses`] returns for the enum's own format, for a format chosen
/// at run time.
///
/// ```
/// use error_core::format::Builtin;
/// use error_core::ApiError;
///
/// #[derive(ApiError)]
/// enum E {
///     #[api(status = 404, code = "not_found", message = "Resource not found.")]
///     NotFound,
/// }
///
/// let responses = serde_json::to_value(error_core::openapi::responses_with::<E, _>(&Builtin::Laravel)).unwrap();
/// assert_eq!(
///     responses["404"]["content"]["application/json"]["examples"]["not_found"]["value"],
///     serde_json::json!({"message": "Resource not found."})
/// );
/// ```
pub fn responses_with<E, F>(format: &F) -> ResponseMap
where
    E: ApiError,
    F: Format + EnvelopeSchema + ?Sized,
{
    build_responses::<E>(format, Some(format.envelope_schema()), None)
}

/// One documented error: its entry and its example body.
struct Documented {
    entry: &'static CatalogueEntry,
    body: Vec<u8>,
    /// Renders the entry's sample in another format (one the document offers).
    sample: SampleFn,
    /// For an explicit example, its bodies in the formats offered when it was given, by
    /// offer index (a later offer renders the sample instead).
    offered: Vec<Vec<u8>>,
}

type SampleFn = fn(&'static CatalogueEntry, &dyn Format, &mut Vec<u8>);

/// The sample of `entry` (an entry of `E`'s catalogue) rendered in `format`.
fn render_sample<E: ApiError>(
    entry: &'static CatalogueEntry,
    format: &dyn Format,
    out: &mut Vec<u8>,
) {
    Sample::<E>::new(entry).render_into(format, &RenderContext::at(EXAMPLE_TIME), out);
}

impl Documented {
    /// The body in the offered format `index`.
    fn offered_body(&self, index: usize, format: &dyn Format) -> Vec<u8> {
        match self.offered.get(index) {
            Some(body) => body.clone(),
            None => {
                let mut body = Vec::new();
                (self.sample)(self.entry, format, &mut body);
                body
            }
        }
    }
}

/// A format a [`Document`] offers beside its own (what `ErrorSettings::offer` negotiates).
trait Offered: Format + EnvelopeSchema + Send + Sync {}

impl<T: Format + EnvelopeSchema + Send + Sync> Offered for T {}

/// The errors of `E` whose codes `only` lists (all without it), bodies in `format`.
fn document_errors<E: ApiError>(
    format: &(impl Format + ?Sized),
    only: Option<&[&str]>,
) -> Vec<Documented> {
    let ctx = RenderContext::at(EXAMPLE_TIME);
    entries(E::CATALOGUE)
        .filter(|entry| only.is_none_or(|codes| codes.contains(&entry.code())))
        .map(|entry| {
            let mut body = Vec::new();
            Sample::<E>::new(entry).render_into(format, &ctx, &mut body);
            Documented {
                entry,
                body,
                sample: render_sample::<E>,
                offered: Vec::new(),
            }
        })
        .collect()
}

/// The responses, the schema being `schema` (inline or a reference).
fn build_responses<E: ApiError>(
    format: &(impl Format + ?Sized),
    schema: Option<RefOr<Schema>>,
    only: Option<&[&str]>,
) -> ResponseMap {
    let errors = document_errors::<E>(format, only);
    let codes: Vec<&str> = errors.iter().map(|error| error.entry.code()).collect();
    let schema = schema.map(|schema| known_codes(schema, &codes));
    responses_of(&errors, format.content_type(), schema)
}

/// Lists `codes` on the envelope's detail code (Problem's `code`, the string form of
/// Nested's `details`) as `x-extensible-enum` (Zalando's API guidelines, rule 112): the
/// values known today, not a closed `enum`, so OpenAPI diff tools do not report a new error
/// code as a breaking change, and clients know to expect codes they have not seen.
fn known_codes(schema: RefOr<Schema>, codes: &[&str]) -> RefOr<Schema> {
    fn extend(schema: &mut Schema, codes: &[&str]) {
        if let Schema::Object(object) = schema {
            if object.schema_type == SchemaType::Type(Type::String) {
                let mut known: Vec<&str> = Vec::new();
                for code in codes {
                    if !known.contains(code) {
                        known.push(code);
                    }
                }
                let extension = ExtensionsBuilder::new()
                    .add("x-extensible-enum", serde_json::json!(known))
                    .build();
                match &mut object.extensions {
                    Some(extensions) => extensions.merge(extension),
                    None => object.extensions = Some(extension),
                }
            }
        }
    }
    let RefOr::T(Schema::Object(mut envelope)) = schema else {
        return schema;
    };
    if let Some(RefOr::T(code)) = envelope.properties.get_mut("code") {
        extend(code, codes);
    }
    if let Some(RefOr::T(Schema::Object(error))) = envelope.properties.get_mut("error") {
        if let Some(RefOr::T(Schema::AnyOf(details))) = error.properties.get_mut("details") {
            if let Some(RefOr::T(string)) = details.items.first_mut() {
                extend(string, codes);
            }
        }
    }
    RefOr::T(Schema::Object(envelope))
}

/// The `default` response of every operation: any other error, in the same envelope.
fn default_response(content_type: &str, schema: RefOr<Schema>) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(
            "Any other error, in the same envelope. Services add errors over time: handle \
             an unknown code by its status class.",
        )
        .content(
            content_type,
            ContentBuilder::new().schema(Some(schema)).build(),
        )
        .build()
}

/// The content of one response in one format: the envelope schema, and each error's body
/// as a named example.
fn content_of(
    bodies: &[(&Documented, &[u8])],
    schema: Option<RefOr<Schema>>,
) -> utoipa::openapi::content::Content {
    let mut content = ContentBuilder::new().schema(schema);
    for (error, body) in bodies {
        let example = ExampleBuilder::new()
            .summary(error.entry.message())
            .description(error.entry.action().unwrap_or_default())
            .value(serde_json::from_slice(body).ok());
        content = content.examples_from_iter([(error.entry.code(), example)]);
    }
    content.build()
}

/// Adds the offered `format`'s content (offer `index`) to each response of `responses`.
fn add_offered(
    responses: &mut ResponseMap,
    errors: &[Documented],
    index: usize,
    format: &dyn Offered,
) {
    let schema = RefOr::Ref(Ref::from_schema_name(format.schema_name()));
    for (status, response) in responses.iter_mut() {
        let RefOr::T(response) = response else {
            continue;
        };
        let group: Vec<(&Documented, Vec<u8>)> = errors
            .iter()
            .filter(|error| error.entry.status().to_string() == *status)
            .map(|error| (error, error.offered_body(index, format)))
            .collect();
        let bodies: Vec<(&Documented, &[u8])> = group
            .iter()
            .map(|(error, body)| (*error, &body[..]))
            .collect();
        response.content.insert(
            format.content_type().to_owned(),
            content_of(&bodies, Some(schema.clone())),
        );
    }
}

/// One response per status, each error of that status a named example.
fn responses_of(
    errors: &[Documented],
    content_type: &str,
    schema: Option<RefOr<Schema>>,
) -> ResponseMap {
    let mut statuses: Vec<u16> = errors.iter().map(|error| error.entry.status()).collect();
    statuses.sort_unstable();
    statuses.dedup();

    let mut responses = ResponseMap::new();
    for status in statuses {
        let group: Vec<&Documented> = errors
            .iter()
            .filter(|error| error.entry.status() == status)
            .collect();
        let codes: Vec<String> = group
            .iter()
            .map(|error| format!("`{}`", error.entry.code()))
            .collect();
        let description = format!("{}: {}.", group[0].entry.title(), codes.join(", "));
        let bodies: Vec<(&Documented, &[u8])> = group
            .iter()
            .map(|error| (*error, &error.body[..]))
            .collect();
        let mut response = ResponseBuilder::new()
            .description(description)
            .content(content_type, content_of(&bodies, schema.clone()));
        let mut challenges: Vec<&str> = Vec::new();
        for challenge in group.iter().filter_map(|e| e.entry.www_authenticate()) {
            if !challenges.contains(&challenge) {
                challenges.push(challenge);
            }
        }
        if status == 429 || status == 503 {
            response = response.header(
                "Retry-After",
                HeaderBuilder::new()
                    .schema(
                        ObjectBuilder::new()
                            .schema_type(Type::Integer)
                            .minimum(Some(0))
                            .maximum(Some(crate::http::MAX_RETRY_AFTER_SECS)),
                    )
                    .description(Some(
                        "Seconds to wait before retrying, when the error knows (at most one day).",
                    ))
                    .build(),
            );
        }
        if !challenges.is_empty() {
            response = response.header(
                "WWW-Authenticate",
                HeaderBuilder::new()
                    .schema(ObjectBuilder::new().schema_type(Type::String))
                    .description(Some(format!(
                        "The authentication scheme: {}.",
                        challenges.join(", ")
                    )))
                    .build(),
            );
        }
        responses.insert(status.to_string(), RefOr::T(response.build()));
    }
    responses
}

/// An OpenAPI document for a service: its routes, each declaring its error responses from
/// error enums, bodies in one format whose envelope schema is a component.
///
/// Declaring the same method and path again adds errors to that operation (a route that
/// answers both the service's own errors and the framework's rejections).
///
/// ```
/// use error_core::format::Builtin;
/// use error_core::openapi::Document;
/// use error_core::ApiError;
/// use http::Method;
///
/// #[derive(ApiError)]
/// #[api(format = error_core::format::Flat)]
/// enum LeadError {
///     #[api(status = 401, message = "Unauthorized", www_authenticate = "Bearer")]
///     Unauthorized,
///     #[api(status = 404, code = "lead_not_found", message = "Lead {id} not found")]
///     NotFound { id: u64 },
/// }
///
/// let doc = Document::new("Leads API", "1.0.0", Builtin::Flat)
///     .route::<LeadError>(Method::GET, "/v1/leads/{id}", "Get a lead")
///     .route_only::<LeadError>(Method::POST, "/v1/leads", "Create a lead", &["unauthorized"])
///     .to_json();
/// let doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
/// let get = &doc["paths"]["/v1/leads/{id}"]["get"];
/// assert_eq!(get["parameters"][0]["name"], "id");
/// assert_eq!(get["responses"]["404"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/FlatError");
/// assert!(doc["paths"]["/v1/leads"]["post"]["responses"].get("404").is_none());
/// assert_eq!(doc["components"]["schemas"]["FlatError"]["required"][0], "success");
/// ```
pub struct Document<F> {
    format: F,
    /// The formats offered beside `format` (by `Accept`), in order.
    offers: Vec<Box<dyn Offered>>,
    title: String,
    version: String,
    routes: Vec<Route>,
    examples: Vec<Documented>,
}

struct Route {
    method: HttpMethod,
    path: String,
    summary: String,
    errors: Vec<Documented>,
}

impl<F: Format + EnvelopeSchema> Document<F> {
    /// An empty document titled `title`, of API version `version`, error bodies in `format`.
    pub fn new(title: &str, version: &str, format: F) -> Self {
        Document {
            format,
            offers: Vec::new(),
            title: title.to_owned(),
            version: version.to_owned(),
            routes: Vec::new(),
            examples: Vec::new(),
        }
    }

    /// Uses `error` as the example of its variant wherever the document lists it, instead
    /// of the catalogue entry alone: the way to show field errors, details and filled-in
    /// placeholders. It is rendered at [`EXAMPLE_TIME`]; the last one given wins.
    ///
    /// ```
    /// use error_core::format::Compact;
    /// use error_core::openapi::Document;
    /// use error_core::{ApiError, FieldError, FieldErrors};
    ///
    /// #[derive(ApiError)]
    /// enum E {
    ///     #[api(status = 422, code = "invalid", message = "Invalid.")]
    ///     Invalid(#[api(fields)] FieldErrors),
    /// }
    ///
    /// let invalid = E::Invalid(FieldErrors::new().with(FieldError::missing("email")));
    /// let doc = Document::new("API", "1", Compact)
    ///     .route::<E>(http::Method::POST, "/things", "Create a thing")
    ///     .example(&invalid)
    ///     .to_json();
    /// let doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
    /// assert_eq!(
    ///     doc["paths"]["/things"]["post"]["responses"]["422"]["content"]["application/json"]
    ///         ["examples"]["invalid"]["value"]["error"]["details"],
    ///     serde_json::json!([{"field": "email", "message": "email is required."}])
    /// );
    /// ```
    pub fn example<E: ApiError>(mut self, error: &E) -> Self {
        let ctx = RenderContext::at(EXAMPLE_TIME);
        let mut body = Vec::new();
        error.render_into(&self.format, &ctx, &mut body);
        let offered = self
            .offers
            .iter()
            .map(|format| {
                let mut body = Vec::new();
                let format: &dyn Format = &**format;
                error.render_into(format, &ctx, &mut body);
                body
            })
            .collect();
        self.examples.push(Documented {
            entry: error.entry(),
            body,
            sample: render_sample::<E>,
            offered,
        });
        self
    }

    /// Documents `format` beside the document's own for every error response, as the
    /// adapters answer it to a request whose `Accept` prefers it
    /// ([`ErrorSettings::offer`](crate::http::ErrorSettings::offer)): its content type, its
    /// envelope schema (a component) and each error's body as an example. Explicit
    /// [`example`](Self::example)s given before the offer are shown as the catalogue's samples
    /// in it.
    ///
    /// ```
    /// use error_core::format::{Builtin, Problem};
    /// use error_core::openapi::Document;
    /// use error_core::ApiError;
    ///
    /// #[derive(ApiError)]
    /// enum E {
    ///     #[api(status = 404, code = "not_found", message = "Not found.")]
    ///     NotFound,
    /// }
    ///
    /// let doc = Document::new("API", "1", Builtin::Flat)
    ///     .offer(Problem)
    ///     .route::<E>(http::Method::GET, "/things/{id}", "Get a thing")
    ///     .to_json();
    /// let doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
    /// let content = &doc["paths"]["/things/{id}"]["get"]["responses"]["404"]["content"];
    /// assert_eq!(content["application/json"]["schema"]["$ref"], "#/components/schemas/FlatError");
    /// assert_eq!(
    ///     content["application/problem+json"]["examples"]["not_found"]["value"]["detail"],
    ///     "Not found."
    /// );
    /// assert!(doc["components"]["schemas"]["ProblemDetails"].is_object());
    /// ```
    pub fn offer(mut self, format: impl Format + EnvelopeSchema + Send + Sync + 'static) -> Self {
        if format.content_type() != self.format.content_type()
            && self
                .offers
                .iter()
                .all(|offered| offered.content_type() != format.content_type())
        {
            self.offers.push(Box::new(format));
        }
        self
    }

    /// Offers Problem (RFC 9457) for `application/problem+json`, as
    /// [`ErrorSettings::negotiate`](crate::http::ErrorSettings::negotiate) does.
    pub fn negotiate(self) -> Self {
        self.offer(crate::format::Problem)
    }

    /// Declares that the operation `method path` may answer every error of `E`. `{name}`
    /// segments of `path` become required path parameters. A method OpenAPI has no
    /// operation for (`CONNECT`, extensions) is left out.
    pub fn route<E: ApiError>(self, method: http::Method, path: &str, summary: &str) -> Self {
        self.add::<E>(method, path, summary, None)
    }

    /// Declares that the operation `method path` may answer the errors of `E` whose detail
    /// codes `codes` lists.
    pub fn route_only<E: ApiError>(
        self,
        method: http::Method,
        path: &str,
        summary: &str,
        codes: &[&str],
    ) -> Self {
        self.add::<E>(method, path, summary, Some(codes))
    }

    fn add<E: ApiError>(
        mut self,
        method: http::Method,
        path: &str,
        summary: &str,
        only: Option<&[&str]>,
    ) -> Self {
        let Some(method) = http_method(&method) else {
            return self;
        };
        let errors = document_errors::<E>(&self.format, only);
        match self
            .routes
            .iter_mut()
            .find(|route| route.method == method && route.path == path)
        {
            Some(route) => {
                if route.summary.is_empty() {
                    summary.clone_into(&mut route.summary);
                }
                for error in errors {
                    // One example per code: the same code from two enums is one error.
                    let known = route.errors.iter().any(|e| {
                        e.entry.status() == error.entry.status()
                            && e.entry.code() == error.entry.code()
                    });
                    if !known {
                        route.errors.push(error);
                    }
                }
            }
            None => self.routes.push(Route {
                method,
                path: path.to_owned(),
                summary: summary.to_owned(),
                errors,
            }),
        }
        self
    }

    /// The document, to serve, merge into another or amend with utoipa's API.
    ///
    /// ```
    /// use error_core::format::Nested;
    /// use error_core::openapi::Document;
    /// use error_core::ApiError;
    ///
    /// #[derive(ApiError)]
    /// enum E {
    ///     #[api(status = 404)]
    ///     NotFound,
    /// }
    ///
    /// let openapi = Document::new("API", "2.0.0", Nested)
    ///     .route::<E>(http::Method::DELETE, "/things/{id}", "Delete a thing")
    ///     .build();
    /// assert_eq!(openapi.info.version, "2.0.0");
    /// assert!(openapi.paths.get_path_item("/things/{id}").is_some_and(|item| item.delete.is_some()));
    /// ```
    pub fn build(self) -> OpenApi {
        let schema = RefOr::Ref(Ref::from_schema_name(self.format.schema_name()));
        let mut paths = PathsBuilder::new();
        for route in &self.routes {
            let mut operation = OperationBuilder::new();
            if !route.summary.is_empty() {
                operation = operation.summary(Some(route.summary.as_str()));
            }
            for name in path_parameters(&route.path) {
                operation = operation.parameter(
                    ParameterBuilder::new()
                        .name(name)
                        .parameter_in(ParameterIn::Path)
                        .required(Required::True)
                        .schema(Some(ObjectBuilder::new().schema_type(Type::String))),
                );
            }
            let errors: Vec<Documented> = route
                .errors
                .iter()
                .map(|error| {
                    let given = self.examples.iter().rev().find(|example| {
                        example.entry.code() == error.entry.code()
                            && example.entry.status() == error.entry.status()
                    });
                    let from = given.unwrap_or(error);
                    Documented {
                        entry: error.entry,
                        body: from.body.clone(),
                        sample: from.sample,
                        offered: from.offered.clone(),
                    }
                })
                .collect();
            let mut responses =
                responses_of(&errors, self.format.content_type(), Some(schema.clone()));
            for (index, format) in self.offers.iter().enumerate() {
                add_offered(&mut responses, &errors, index, &**format);
            }
            for (status, response) in responses {
                operation = operation.response(status, response);
            }
            let mut default = default_response(self.format.content_type(), schema.clone());
            for format in &self.offers {
                let schema = RefOr::Ref(Ref::from_schema_name(format.schema_name()));
                default.content.insert(
                    format.content_type().to_owned(),
                    ContentBuilder::new().schema(Some(schema)).build(),
                );
            }
            operation = operation.response("default", default);
            paths = paths.path(
                route.path.as_str(),
                PathItem::new(route.method.clone(), operation.build()),
            );
        }
        let codes: Vec<&str> = self
            .routes
            .iter()
            .flat_map(|route| route.errors.iter().map(|error| error.entry.code()))
            .collect();
        let mut components = ComponentsBuilder::new().schema(
            self.format.schema_name(),
            known_codes(self.format.envelope_schema(), &codes),
        );
        for format in &self.offers {
            components = components.schema(
                format.schema_name(),
                known_codes(format.envelope_schema(), &codes),
            );
        }
        let components = components.build();
        OpenApiBuilder::new()
            .info(
                InfoBuilder::new()
                    .title(self.title)
                    .version(self.version)
                    .build(),
            )
            .paths(paths.build())
            .components(Some(components))
            .build()
    }

    /// The document as pretty-printed JSON, to serve as `/openapi.json`.
    pub fn to_json(self) -> String {
        // Serializing the document's own types (string keys, no floats) cannot fail; an
        // empty object stands in if it ever did.
        self.build()
            .to_pretty_json()
            .unwrap_or_else(|_| "{}".to_owned())
    }
}

/// The `{name}` segments of a route path.
fn path_parameters(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter_map(|segment| {
        segment
            .strip_prefix('{')
            .and_then(|rest| rest.strip_suffix('}'))
    })
}

fn http_method(method: &http::Method) -> Option<HttpMethod> {
    Some(match *method {
        http::Method::GET => HttpMethod::Get,
        http::Method::POST => HttpMethod::Post,
        http::Method::PUT => HttpMethod::Put,
        http::Method::DELETE => HttpMethod::Delete,
        http::Method::PATCH => HttpMethod::Patch,
        http::Method::HEAD => HttpMethod::Head,
        http::Method::OPTIONS => HttpMethod::Options,
        http::Method::TRACE => HttpMethod::Trace,
        _ => return None,
    })
}

/// Support for the `IntoResponses` implementation the derive generates.
#[doc(hidden)]
pub mod __derive {
    use core::marker::PhantomData;

    use super::{build_responses, EnvelopeSchema, RefOr, ResponseMap, Schema};
    use crate::ApiError;

    pub use super::ResponseMap as Map;

    /// Stands for a format type; its method picks the schema by autoref specialization.
    pub struct Probe<F>(PhantomData<F>);

    impl<F> Probe<F> {
        /// The probe of `F`.
        pub const fn new() -> Self {
            Probe(PhantomData)
        }
    }

    impl<F> Default for Probe<F> {
        fn default() -> Self {
            Probe::new()
        }
    }

    /// Chosen for `(&probe).envelope_schema()` when the format has a schema.
    pub trait KnownSchema {
        fn envelope_schema(&self) -> Option<RefOr<Schema>>;
    }

    impl<F: EnvelopeSchema + Default> KnownSchema for Probe<F> {
        fn envelope_schema(&self) -> Option<RefOr<Schema>> {
            Some(F::default().envelope_schema())
        }
    }

    /// The fallback, one autoref away: a custom format without a schema.
    pub trait NoSchema {
        fn envelope_schema(&self) -> Option<RefOr<Schema>>;
    }

    impl<F> NoSchema for &Probe<F> {
        fn envelope_schema(&self) -> Option<RefOr<Schema>> {
            None
        }
    }

    /// The responses of `E` in its own format.
    pub fn responses<E: ApiError>(schema: Option<RefOr<Schema>>) -> ResponseMap {
        build_responses::<E>(&E::format(), schema, None)
    }
}
