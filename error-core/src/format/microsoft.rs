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
/// - A step of the chain (a `transparent` variant, or the error's own variant) may add
///   name/value pairs to the object of its code (`error` for the outermost step, or the
///   error's own variant without a chain, else its `innererror`) with
///   `meta(ms_members = "<JSON object>")`,
///   checked by the derive (the guidelines' `PasswordDoesNotMeetPolicy` step with its
///   `minLength` and `characterTypes`).
/// - [`Microsoft::with_single_target_only`] writes a single field error as the `target`
///   alone, without `details` (the guidelines' `innererror` example).
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
pub struct Microsoft {
    single_target_only: bool,
}

/// The format with its default settings, written as a value like a unit struct's
/// (`render_into(&Microsoft, …)`).
#[allow(non_upper_case_globals)]
pub const Microsoft: Microsoft = Microsoft::new();

impl Microsoft {
    /// A single field error as `target` and one `details` entry.
    pub const fn new() -> Self {
        Microsoft {
            single_target_only: false,
        }
    }

    /// A single field error as the `target` alone, without `details` (several still have
    /// theirs).
    pub const fn with_single_target_only(mut self) -> Self {
        self.single_target_only = true;
        self
    }
}

/// Writes a step's `meta(ms_members = …)`, laid out by the derive without its braces.
fn write_members(out: &mut Vec<u8>, entry: &crate::CatalogueEntry) {
    if let Some(members) = entry.meta("ms_members").filter(|m| !m.is_empty()) {
        out.push(b',');
        out.extend_from_slice(members.as_bytes());
    }
}

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

impl Microsoft {
    /// The `innererror` chain, then the closing braces.
    fn close(
        &self,
        error: &ErrorView<'_>,
        chain: &[&'static crate::CatalogueEntry],
        out: &mut Vec<u8>,
    ) {
        // Each step's members go in the object of its code: the outermost one's (or the
        // error's own, without a chain) in `error`.
        write_members(out, chain.first().copied().unwrap_or(error.entry()));
        // The steps after the first, then the error's own code.
        let mut depth = 0;
        if !chain.is_empty() {
            for step in &chain[1..] {
                out.extend_from_slice(b",\"innererror\":{\"code\":");
                json::write_str(out, step_code(step));
                write_members(out, step);
                depth += 1;
            }
            out.extend_from_slice(b",\"innererror\":{\"code\":");
            json::write_str(out, &error.pascal_code());
            write_members(out, error.entry());
            depth += 1;
        }
        for _ in 0..depth {
            out.push(b'}');
        }
        out.extend_from_slice(b"}}");
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
            if fields.len() == 1 && self.single_target_only {
                return self.close(error, &chain, out);
            }
            key(out, "details");
            out.push(b'[');
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"code\":");
                json::write_str(out, &crate::catalogue::pascal_case(&field.code()));
                let rest = field.path().segments().get(strip..).unwrap_or_default();
                if !rest.is_empty() {
                    key(out, "target");
                    write_target(out, rest);
                }
                key(out, "message");
                error.write_field_message_json(field, out);
                out.push(b'}');
            }
            out.push(b']');
        }
        self.close(error, &chain, out);
    }

    fn insert_headers(&self, error: &ErrorView<'_>, headers: &mut http::HeaderMap) {
        let code = Microsoft::code(error, &error.chain());
        if let Ok(value) = http::HeaderValue::from_str(&code) {
            headers.insert("x-ms-error-code", value);
        }
    }
}
