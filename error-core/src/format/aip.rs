use std::fmt::Write as _;
use std::time::Duration;

use super::{key, ErrorView, Format, Slot};
use crate::{grpc, json, PlaceholderVisitor};

/// Google's AIP-193 error model: `google.rpc.Status` as JSON
/// (<https://google.aip.dev/193>, section "Details": "Error model" and "ErrorInfo").
///
/// `{"error":{"code":429,"message":…,"status":"RESOURCE_EXHAUSTED","details":[…]}}`
///
/// - `code` is the HTTP status; `status` the canonical `google.rpc.Code` name, from the
///   status by [`grpc::Code::from_http`], or the variant's `grpc = "…"`
///   (checked by the derive to pair with the status).
/// - `details` holds, in this order, each at most once:
///   - `ErrorInfo`, always: `reason` (the UPPER_SNAKE form of the code, or the variant's
///     `meta(reason = "…")`, both checked at compile time), `domain` (the `domain` key of
///     `meta(…)`, the variant's else the enum's, else the format's
///     [`with_domain`](Aip::with_domain); left out when none declares one) and
///     `metadata`: every placeholder value of the message and every `#[api(meta)]`
///     field, as strings, keyed by the field's name in lowerCamelCase (`vm_type` is
///     `vmType`, as AIP-193 asks); left out when there is none;
///   - `BadRequest.fieldViolations` from the field errors: `field` in AIP's JSON form
///     (`emailAddresses[1].email`, [`grpc::field_path`]), `description` (in the catalogue's
///     language), `reason` ([`grpc::field_reason`]), and `localizedMessage` (`locale`,
///     `message`) when the context asks for a locale the message is translated in;
///   - the `#[api(details)]` value: a list adds its items, anything else itself (so a
///     variant can carry a `LocalizedMessage` or any other detail with its `@type`);
///   - `RetryInfo.retryDelay` as a protobuf JSON `Duration` (`"30s"`, `"1.500s"`);
///   - `Help.links` with the documentation link;
///   - `RequestInfo.requestId` when the context has a request id;
///   - `LocalizedMessage` (`locale`, `message`) when the context asks for a
///     [locale](crate::RenderContext::with_locale) the variant has a translation in;
///     `message` then stays in the catalogue's own language, as AIP-193 "Localization" asks.
///
/// ```
/// use error_core::format::Aip;
/// use error_core::{ApiError, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(format = Aip, meta(domain = "leads.example.com"))]
/// enum E {
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// assert_eq!(
///     String::from_utf8(E::NotFound { id: 7 }.to_json(&ctx)).unwrap(),
///     r#"{"error":{"code":404,"message":"Lead 7 was not found.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LEAD_NOT_FOUND","domain":"leads.example.com","metadata":{"id":"7"}}]}}"#
/// );
/// ```
///
/// The domain can also be a setting of the format, for every enum that uses it:
///
/// ```
/// use error_core::format::Aip;
/// use error_core::{ApiError, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(format = Aip::with_domain("leads.example.com"))]
/// enum E {
///     #[api(status = 404, code = "lead/not-found")]
///     NotFound,
/// }
///
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// assert_eq!(
///     String::from_utf8(E::NotFound.to_json(&ctx)).unwrap(),
///     r#"{"error":{"code":404,"message":"Not Found","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"LEAD_NOT_FOUND","domain":"leads.example.com"}]}}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Aip {
    domain: Option<&'static str>,
}

/// The format without settings, written as a value like a unit struct's
/// (`render_into(&Aip, …)`).
#[allow(non_upper_case_globals)]
pub const Aip: Aip = Aip::new();

impl Aip {
    /// The format without a domain of its own (the catalogue's `meta(domain = "…")` only).
    pub const fn new() -> Self {
        Aip { domain: None }
    }

    /// The format with `ErrorInfo.domain` set to `domain` where the catalogue declares
    /// none (a variant's or the enum's `meta(domain = "…")` still wins).
    pub const fn with_domain(domain: &'static str) -> Self {
        Aip {
            domain: Some(domain),
        }
    }

    /// The domain of [`with_domain`](Aip::with_domain), if any.
    pub const fn domain(&self) -> Option<&'static str> {
        self.domain
    }
}

/// The `@type` prefix of every detail.
const TYPE_PREFIX: &str = "type.googleapis.com/google.rpc.";

/// The `description` of the `Help` link, as in AIP-193's example.
pub(crate) const HELP_DESCRIPTION: &str = "Additional information on this error";

fn open_detail(out: &mut Vec<u8>, first: &mut bool, name: &str) {
    if !*first {
        out.push(b',');
    }
    *first = false;
    out.extend_from_slice(b"{\"@type\":\"");
    out.extend_from_slice(TYPE_PREFIX.as_bytes());
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// Writes `"name":"value",…` (strings) into an object already opened.
struct Metadata<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl PlaceholderVisitor for Metadata<'_> {
    fn value(&mut self, name: &'static str, value: &dyn std::fmt::Display) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.push(b'"');
        write_camel(self.out, name);
        self.out.extend_from_slice(b"\":\"");
        let _ = write!(json::Escaper::new(self.out), "{value}");
        self.out.push(b'"');
    }
}

/// A metadata key in lowerCamelCase, as AIP-193 asks (`vm_type` → `vmType`). The names
/// are Rust identifiers or tuple indices, which need no JSON escaping; without allocating.
fn write_camel(out: &mut Vec<u8>, name: &str) {
    let mut upper = false;
    let mut written = false;
    for c in name.chars() {
        if c == '_' && written {
            upper = true;
            continue;
        }
        let c = if upper { c.to_ascii_uppercase() } else { c };
        upper = false;
        written = true;
        if c == '"' || c == '\\' || c.is_control() {
            json::write_str_contents(out, c.encode_utf8(&mut [0; 4]));
        } else {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
}

/// A protobuf JSON `Duration`: whole seconds, or 3, 6 or 9 fractional digits, then `s`.
pub(crate) fn write_duration(out: &mut Vec<u8>, delay: Duration) {
    json::write_u64(out, delay.as_secs());
    let nanos = delay.subsec_nanos();
    if nanos != 0 {
        let (value, width) = if nanos.is_multiple_of(1_000_000) {
            (nanos / 1_000_000, 3)
        } else if nanos.is_multiple_of(1_000) {
            (nanos / 1_000, 6)
        } else {
            (nanos, 9)
        };
        let digits = format!(".{value:0width$}");
        out.extend_from_slice(digits.as_bytes());
    }
    out.push(b's');
}

impl Format for Aip {
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    /// The cached body is the default settings' (a format domain is written fresh each
    /// time: the slot is shared by every `Aip` value).
    #[inline]
    fn __static_slot(&self) -> Option<Slot> {
        self.domain.is_none().then_some(Slot::AIP)
    }

    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"error\":{\"code\":");
        error.write_status(out);
        key(out, "message");
        // AIP-193 "Localization": `message` stays in the catalogue's language; a
        // translation goes in a `LocalizedMessage` detail.
        error.write_default_message_json(out);
        key(out, "status");
        json::write_str(out, error.canonical().name());
        key(out, "details");
        out.push(b'[');
        let mut first = true;

        open_detail(out, &mut first, "ErrorInfo");
        key(out, "reason");
        json::write_str(out, &error.reason());
        if let Some(domain) = error.meta("domain").or(self.domain) {
            key(out, "domain");
            json::write_str(out, domain);
        }
        let metadata_start = out.len();
        key(out, "metadata");
        out.push(b'{');
        let mut metadata = Metadata { out, first: true };
        error.write_placeholders(&mut metadata);
        if metadata.first {
            // No value: leave `metadata` out, as protobuf JSON leaves out an empty map.
            out.truncate(metadata_start);
        } else {
            out.push(b'}');
        }
        out.push(b'}');

        if let Some(fields) = error.field_errors() {
            open_detail(out, &mut first, "BadRequest");
            key(out, "fieldViolations");
            out.push(b'[');
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"field\":");
                json::write_str(out, &grpc::field_path(field.path()));
                key(out, "description");
                let description = out.len();
                error.write_default_field_message_json(field, out);
                let end = out.len();
                let reason = grpc::field_reason(field);
                if !reason.is_empty() {
                    key(out, "reason");
                    json::write_str(out, &reason);
                }
                if let Some(locale) = error.locale() {
                    // As for the error's message: the description stays in the catalogue's
                    // language, the translation (when there is one) is `localizedMessage`.
                    let start = out.len();
                    key(out, "localizedMessage");
                    out.extend_from_slice(b"{\"locale\":");
                    json::write_str(out, locale);
                    key(out, "message");
                    let message = out.len();
                    error.write_field_message_json(field, out);
                    if out[message..] == out[description..end] {
                        out.truncate(start);
                    } else {
                        out.push(b'}');
                    }
                }
                out.push(b'}');
            }
            out.extend_from_slice(b"]}");
        }

        // `ErrorInfo` is always there, so each detail below starts with a comma.
        if error.has_details() {
            let start = out.len();
            out.push(b',');
            error.write_details_json(out);
            let written = &out[start + 1..];
            if written == b"[]" || written == b"null" {
                out.truncate(start);
            } else if written.first() == Some(&b'[') {
                // A list: its items, each a detail of its own.
                out.pop();
                out.remove(start + 1);
            }
        }

        if let Some(delay) = error.retry_after() {
            open_detail(out, &mut first, "RetryInfo");
            out.extend_from_slice(b",\"retryDelay\":\"");
            write_duration(out, delay);
            out.extend_from_slice(b"\"}");
        }

        if let Some(url) = error.docs() {
            open_detail(out, &mut first, "Help");
            out.extend_from_slice(b",\"links\":[{\"description\":");
            json::write_str(out, HELP_DESCRIPTION);
            key(out, "url");
            json::write_str(out, url);
            out.extend_from_slice(b"}]}");
        }

        if let Some(id) = error.request_id() {
            open_detail(out, &mut first, "RequestInfo");
            key(out, "requestId");
            json::write_str(out, id);
            out.push(b'}');
        }

        if let Some(locale) = error.locale() {
            let start = out.len();
            open_detail(out, &mut first, "LocalizedMessage");
            key(out, "locale");
            json::write_str(out, locale);
            key(out, "message");
            if error.write_translation_json(out).is_some() {
                out.push(b'}');
            } else {
                // No translation in that locale: no detail.
                out.truncate(start);
            }
        }
        out.extend_from_slice(b"]}}");
    }
}
