use super::{key, ErrorView, Format, Slot};
use crate::{json, FieldError, Origin};

/// JSON:API error objects, `application/vnd.api+json` (<https://jsonapi.org/format/1.1/>,
/// section "Error Objects"; the examples of <https://jsonapi.org/examples/#error-objects>).
///
/// `{"errors":[{"status":"422","code":…,"source":{"pointer":"/data/attributes/firstName"},"title":…,"detail":…}]}`
///
/// - One error object per field error; an error without field errors is one object.
/// - Members in this order: `links` (`{"about":…}`, the documentation link), `status` (a
///   string), `code` (the variant's code), `source`, `title`, `detail`, `meta`.
/// - A field error's object: `source` from where its value came ([`Origin`]): the body as
///   `pointer` (the pointer prefix, `/data/attributes` unless set, then the RFC 6901
///   pointer of the path), the query string as `parameter`, a header as `header` (both
///   the dotted path); a path parameter has no `source` member in JSON:API, so none is
///   written. `title` is the variant's message, `detail` the field error's message (the
///   field error's own code has no member and is not written).
/// - Without field errors: `title` is the status's reason phrase, `detail` the message.
/// - `meta` is `{"request_id":…}` when the context has a request id (not `id`, which must
///   be unique per error object, and a request can have several).
/// - An `#[api(details)]` value has no member in JSON:API and is not written.
///
/// `status`, `code` and `title` are optional in JSON:API; [`JsonApi::without_status`],
/// [`without_code`](JsonApi::without_code) and [`without_title`](JsonApi::without_title)
/// leave them out, as some of the specification's examples do.
///
/// ```
/// use error_core::format::JsonApi;
/// use error_core::{ApiError, FieldErrors, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(format = JsonApi)]
/// enum E {
///     #[api(status = 422, code = "invalid", message = "Invalid Attribute")]
///     Invalid(#[api(fields)] FieldErrors),
/// }
///
/// let err = E::Invalid(FieldErrors::new().add("firstName", "too_short", "Too short."));
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// assert_eq!(
///     String::from_utf8(err.to_json(&ctx)).unwrap(),
///     r#"{"errors":[{"status":"422","code":"invalid","source":{"pointer":"/data/attributes/firstName"},"title":"Invalid Attribute","detail":"Too short."}]}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonApi {
    pointer_prefix: &'static str,
    status: bool,
    code: bool,
    title: bool,
}

impl Default for JsonApi {
    fn default() -> Self {
        JsonApi::new()
    }
}

impl JsonApi {
    /// Every member, pointers under `/data/attributes`.
    pub const fn new() -> Self {
        JsonApi {
            pointer_prefix: "/data/attributes",
            status: true,
            code: true,
            title: true,
        }
    }

    /// Pointers under `prefix` (a JSON Pointer such as `/data/attributes`, or `""` for
    /// pointers from the document's root).
    pub const fn with_pointer_prefix(mut self, prefix: &'static str) -> Self {
        self.pointer_prefix = prefix;
        self
    }

    /// Leaves `status` out.
    pub const fn without_status(mut self) -> Self {
        self.status = false;
        self
    }

    /// Leaves `code` out.
    pub const fn without_code(mut self) -> Self {
        self.code = false;
        self
    }

    /// Leaves `title` out.
    pub const fn without_title(mut self) -> Self {
        self.title = false;
        self
    }

    /// Writes one error object; `field` is the field error it is about, if any.
    fn object(&self, error: &ErrorView<'_>, field: Option<&FieldError>, out: &mut Vec<u8>) {
        let start = out.len();
        out.push(b'{');
        if let Some(url) = error.docs() {
            out.extend_from_slice(b",\"links\":{\"about\":");
            json::write_str(out, url);
            out.push(b'}');
        }
        if self.status {
            out.extend_from_slice(b",\"status\":\"");
            error.write_status(out);
            out.push(b'"');
        }
        if self.code {
            key(out, "code");
            error.write_code_json(out);
        }
        if let Some(field) = field {
            match field.origin() {
                Origin::Body => {
                    out.extend_from_slice(b",\"source\":{\"pointer\":\"");
                    json::write_str_contents(out, self.pointer_prefix);
                    // The pointer's JSON string without its opening quote.
                    let at = out.len();
                    field.path().write_pointer_json(out);
                    out.remove(at);
                    out.push(b'}');
                }
                Origin::Query => {
                    out.extend_from_slice(b",\"source\":{\"parameter\":");
                    field.path().write_dotted_json(out);
                    out.push(b'}');
                }
                Origin::Header => {
                    out.extend_from_slice(b",\"source\":{\"header\":");
                    field.path().write_dotted_json(out);
                    out.push(b'}');
                }
                Origin::Path => {}
            }
            if self.title {
                key(out, "title");
                error.write_message_json(out);
            }
            key(out, "detail");
            error.write_field_message_json(field, out);
        } else {
            if self.title {
                key(out, "title");
                json::write_str(out, error.title());
            }
            key(out, "detail");
            error.write_message_json(out);
        }
        if let Some(id) = error.request_id() {
            out.extend_from_slice(b",\"meta\":{\"request_id\":");
            json::write_str(out, id);
            out.push(b'}');
        }
        out.push(b'}');
        // Every member above starts with a comma: drop the first one.
        out.remove(start + 1);
    }
}

impl Format for JsonApi {
    fn content_type(&self) -> &'static str {
        "application/vnd.api+json"
    }

    /// Cached with every member only (the pointer prefix is only written for field errors,
    /// which a cached variant has none of).
    #[inline]
    fn __static_slot(&self) -> Option<Slot> {
        (self.status && self.code && self.title).then_some(Slot::JSON_API)
    }

    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"errors\":[");
        match error.field_errors() {
            Some(fields) if !fields.is_empty() => {
                for (i, field) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    self.object(error, Some(field), out);
                }
            }
            _ => self.object(error, None, out),
        }
        out.extend_from_slice(b"]}");
    }
}
