use super::{key, ErrorView, Format, Slot};
use crate::json;

/// RFC 9457 Problem Details, `application/problem+json`.
///
/// `type` is the enum's `type_base` followed by the detail code, or `about:blank` when the
/// enum declares no base; with [`Problem::type_from_docs`], the error's documentation link
/// where it has one (RFC 9457 section 3.1.1: the `type` URI, when dereferenced, should
/// give human-readable documentation for the problem type); `title` is the status's reason phrase; `status`; `detail` is the
/// message. Extension members: `code` (the detail code), `errors` for field errors
/// (`[{"detail":…,"pointer":"#/leads/0/phone"}]`, RFC 6901 pointers in URI fragment form),
/// `total_errors` after `errors` when the field errors went past their limit (the count of
/// all of them, listed or not; absent when `errors` lists them all),
/// `details` for an `#[api(details)]` field, and `request_id` when the context has one.
///
/// ```
/// use error_core::{ApiError, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(type_base = "https://errors.example.com/")]
/// enum E {
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// assert_eq!(
///     String::from_utf8(E::NotFound { id: 7 }.to_json(&ctx)).unwrap(),
///     r#"{"type":"https://errors.example.com/lead/not-found","title":"Not Found","status":404,"detail":"Lead 7 was not found.","code":"lead/not-found"}"#
/// );
/// ```
///
/// The documentation link as `type`, for an enum's format:
///
/// ```
/// use error_core::format::Problem;
/// use error_core::{ApiError, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(format = Problem::type_from_docs(), docs = "https://docs.example.com/errors")]
/// enum E {
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// assert_eq!(
///     String::from_utf8(E::NotFound { id: 7 }.to_json(&ctx)).unwrap(),
///     r#"{"type":"https://docs.example.com/errors#lead/not-found","title":"Not Found","status":404,"detail":"Lead 7 was not found.","code":"lead/not-found"}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Problem {
    type_from_docs: bool,
}

/// The format with its default settings, written as a value like a unit struct's
/// (`render_into(&Problem, …)`, `offer(Problem)`).
#[allow(non_upper_case_globals)]
pub const Problem: Problem = Problem::new();

impl Problem {
    /// `type` from `type_base` (else `about:blank`).
    pub const fn new() -> Self {
        Problem {
            type_from_docs: false,
        }
    }

    /// `type` is the error's documentation link (its variant's `docs`, or the enum's page
    /// anchored at the code) where it has one; otherwise as [`new`](Problem::new).
    pub const fn type_from_docs() -> Self {
        Problem {
            type_from_docs: true,
        }
    }
}

impl Format for Problem {
    fn content_type(&self) -> &'static str {
        "application/problem+json"
    }

    #[inline]
    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        self.render_fresh(error, out);
    }

    /// The cached body is the default settings' (a `type` from the docs is written fresh
    /// each time).
    #[inline]
    fn __static_slot(&self) -> Option<Slot> {
        (!self.type_from_docs).then_some(Slot::PROBLEM)
    }
}

impl Problem {
    /// The envelope written piece by piece: everything but a cached static body.
    #[inline(never)]
    fn render_fresh(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"type\":\"");
        match (error.type_base(), error.docs()) {
            (_, Some(docs)) if self.type_from_docs => json::write_str_contents(out, docs),
            (Some(base), _) => {
                json::write_str_contents(out, base);
                error.entry().write_code_contents(out);
            }
            (None, _) => out.extend_from_slice(b"about:blank"),
        }
        out.extend_from_slice(b"\",\"title\":");
        json::write_str(out, error.title());
        key(out, "status");
        error.write_status(out);
        key(out, "detail");
        error.write_message_json(out);
        key(out, "code");
        error.write_code_json(out);
        if let Some(fields) = error.field_errors() {
            key(out, "errors");
            out.push(b'[');
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"detail\":");
                error.write_field_message_json(field, out);
                out.extend_from_slice(b",\"pointer\":");
                field.path().write_pointer_fragment_json(out);
                out.push(b'}');
            }
            out.push(b']');
            if fields.omitted() > 0 {
                key(out, "total_errors");
                json::write_u64(out, fields.total() as u64);
            }
        }
        if error.has_details() {
            key(out, "details");
            error.write_details_json(out);
        }
        if let Some(id) = error.request_id() {
            key(out, "request_id");
            json::write_str(out, id);
        }
        out.push(b'}');
    }
}
