use super::{key, ErrorView, Format, Slot};
use crate::{json, FieldErrors, FieldPath, PathSegment};

/// The Microsoft REST API guidelines' error response, the OData error object
/// (<https://github.com/microsoft/api-guidelines/blob/vNext/Guidelines.md>, section 7.10.2
/// "Error condition responses").
///
/// `{"error":{"code":"BadArgument","message":…,"target":…,"details":[{"code","target","message"}],"innererror":{"code":…}}}`
///
/// - `code` is PascalCase ([`ErrorView::pascal_code`], or the variant's
///   `meta(ms_code = "…")`, checked by the derive). Through `transparent` variants, `code`
///   is the outermost one's (its `meta(ms_code)`, else its variant name) and each further
///   step is an `innererror`, down to the error's own code: the guidelines' "more specific
///   codes in innererror".
/// - `target` is the field of a single field error, or the common parent of several
///   (`ContactInfo` for `ContactInfo.PhoneNumber` and `ContactInfo.LastName`), dotted; none
///   when they share none.
/// - `details` holds the field errors, each `{"code","target","message"}` (the code in
///   PascalCase, the target relative to the error's `target`).
/// - The `x-ms-error-code` response header equals `error.code`.
/// - The request id, the `#[api(details)]` value and the retry delay have no member in
///   the guidelines' object and are not written (the delay is the `Retry-After` header).
///
/// ```
/// use error_core::format::Microsoft;
/// use error_core::{ApiError, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(format = Microsoft)]
/// enum E {
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// assert_eq!(
///     String::from_utf8(E::NotFound { id: 7 }.to_json(&ctx)).unwrap(),
///     r#"{"error":{"code":"LeadNotFound","message":"Lead 7 was not found."}}"#
/// );
/// let res = error_core::response::to_response(&E::NotFound { id: 7 }, &ctx);
/// assert_eq!(res.headers()["x-ms-error-code"], "LeadNotFound");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Microsoft;

/// The code of one step of a `transparent` chain.
fn step_code(entry: &crate::CatalogueEntry) -> &'static str {
    entry.meta("ms_code").unwrap_or(entry.variant())
}

/// The segments every field error's path starts with (all of a single one's).
fn common_parent(fields: &FieldErrors) -> &[PathSegment] {
    let mut iter = fields.iter();
    let Some(first) = iter.next() else {
        return &[];
    };
    let mut common = first.path().segments();
    for field in iter {
        let shared = common
            .iter()
            .zip(field.path().segments())
            .take_while(|(a, b)| a == b)
            .count();
        common = &common[..shared];
    }
    common
}

fn write_target(out: &mut Vec<u8>, segments: &[PathSegment]) {
    let mut path = FieldPath::new();
    for segment in segments {
        match segment {
            PathSegment::Key(key) => path.push_key(key.clone()),
            PathSegment::Index(index) => path.push_index(*index),
        }
    }
    path.write_dotted_json(out);
}

impl Microsoft {
    /// The top-level `code`: the outermost `transparent` step's, else the error's own.
    fn code(
        error: &ErrorView<'_>,
        chain: &[&'static crate::CatalogueEntry],
    ) -> std::borrow::Cow<'static, str> {
        match chain.first() {
            Some(outer) => std::borrow::Cow::Borrowed(step_code(outer)),
            None => error.pascal_code(),
        }
    }
}

impl Format for Microsoft {
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    #[inline]
    fn __static_slot(&self) -> Option<Slot> {
        Some(Slot::MICROSOFT)
    }

    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        let chain = error.chain();
        out.extend_from_slice(b"{\"error\":{\"code\":");
        json::write_str(out, &Microsoft::code(error, &chain));
        key(out, "message");
        error.write_message_json(out);
        if let Some(fields) = error.field_errors().filter(|f| !f.is_empty()) {
            let parent = common_parent(fields);
            if !parent.is_empty() {
                key(out, "target");
                write_target(out, parent);
            }
            // A single error's target is the error's: its detail names it whole.
            let strip = if fields.len() > 1 { parent.len() } else { 0 };
            key(out, "details");
            out.push(b'[');
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"code\":");
                json::write_str(out, &crate::catalogue::pascal_case(field.code()));
                let rest = field.path().segments().get(strip..).unwrap_or_default();
                if !rest.is_empty() {
                    key(out, "target");
                    write_target(out, rest);
                }
                key(out, "message");
                json::write_str(out, field.message());
                out.push(b'}');
            }
            out.push(b']');
        }
        // The steps after the first, then the error's own code.
        let mut depth = 0;
        if !chain.is_empty() {
            for step in &chain[1..] {
                out.extend_from_slice(b",\"innererror\":{\"code\":");
                json::write_str(out, step_code(step));
                depth += 1;
            }
            out.extend_from_slice(b",\"innererror\":{\"code\":");
            json::write_str(out, &error.pascal_code());
            depth += 1;
        }
        for _ in 0..depth {
            out.push(b'}');
        }
        out.extend_from_slice(b"}}");
    }

    fn insert_headers(&self, error: &ErrorView<'_>, headers: &mut http::HeaderMap) {
        let code = Microsoft::code(error, &error.chain());
        if let Ok(value) = http::HeaderValue::from_str(&code) {
            headers.insert("x-ms-error-code", value);
        }
    }
}
