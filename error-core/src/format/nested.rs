use super::{key, ErrorView, Format, Slot};

/// `{"success":false,"error":{"code":400,"timestamp":…,"message":…,"details":…}}`
///
/// The envelope of an API whose error schema nests everything under `error`: `code` is the
/// HTTP status, and `details` is the variant's detail code, or, for a variant with field
/// errors, a list of `{"code","message"}` (`validation/missing-user_id`,
/// `user_id is required.`), or the value of an `#[api(details)]` field.
///
/// ```
/// use error_core::{ApiError, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(format = error_core::format::Nested)]
/// enum E {
///     #[api(status = 404, code = "not_found", message = "Resource not found.")]
///     NotFound,
/// }
///
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(1_704_067_200_000));
/// assert_eq!(
///     String::from_utf8(E::NotFound.to_json(&ctx)).unwrap(),
///     r#"{"success":false,"error":{"code":404,"timestamp":"2024-01-01T00:00:00.000Z","message":"Resource not found.","details":"not_found"}}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Nested;

impl Format for Nested {
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    #[inline]
    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        self.render_fresh(error, out);
    }

    #[inline]
    fn __static_slot(&self) -> Option<Slot> {
        Some(Slot::NESTED)
    }
}

impl Nested {
    /// The envelope written piece by piece: everything but a cached static body.
    #[inline(never)]
    fn render_fresh(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"success\":false,\"error\":{\"code\":");
        error.write_status(out);
        key(out, "timestamp");
        error.write_timestamp_json(out);
        key(out, "message");
        error.write_message_json(out);
        key(out, "details");
        if let Some(fields) = error.field_errors() {
            out.push(b'[');
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"code\":");
                field.write_code_json(out);
                out.extend_from_slice(b",\"message\":");
                error.write_field_message_json(field, out);
                out.push(b'}');
            }
            out.push(b']');
        } else if error.has_details() {
            error.write_details_json(out);
        } else {
            error.write_code_json(out);
        }
        out.extend_from_slice(b"}}");
    }
}
