use super::{key, write_field_array, ErrorView, Format, Slot};

/// `{"success":false,"status":422,"message":…,"errors":[{"field","message"}],"meta":{…}}`
///
/// The envelope of a leads API whose error page documents a success flag, the status
/// repeated in the body, field errors as a list and a `meta` object with the timestamp and
/// the API version (`version` on the enum). `errors` is present only when the variant
/// carries field errors, `details` only when it has an `#[api(details)]` field, and `meta`
/// carries `request_id` when the context has one.
///
/// ```
/// use error_core::{ApiError, FieldErrors, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(format = error_core::format::Flat, version = "v1")]
/// enum E {
///     #[api(status = 422, message = "Validation failed")]
///     Validation(#[api(fields)] FieldErrors),
/// }
///
/// let err = E::Validation(FieldErrors::new().add("email", "invalid", "Invalid email format"));
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_000));
/// assert_eq!(
///     String::from_utf8(err.to_json(&ctx)).unwrap(),
///     r#"{"success":false,"status":422,"message":"Validation failed","errors":[{"field":"email","message":"Invalid email format"}],"meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1"}}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flat;

impl Format for Flat {
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    #[inline]
    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        self.render_fresh(error, out);
    }

    #[inline]
    fn __static_slot(&self) -> Option<Slot> {
        Some(Slot::FLAT)
    }
}

impl Flat {
    /// The envelope written piece by piece: everything but a cached static body.
    #[inline(never)]
    fn render_fresh(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"success\":false,\"status\":");
        error.write_status(out);
        key(out, "message");
        error.write_message_json(out);
        if let Some(fields) = error.field_errors() {
            key(out, "errors");
            write_field_array(error, out, fields, b"{\"field\":\"");
        }
        if error.has_details() {
            key(out, "details");
            error.write_details_json(out);
        }
        out.extend_from_slice(b",\"meta\":{\"timestamp\":");
        error.write_timestamp_json(out);
        if let Some(version) = error.version() {
            key(out, "version");
            crate::json::write_str(out, version);
        }
        if let Some(id) = error.request_id() {
            key(out, "request_id");
            crate::json::write_str(out, id);
        }
        out.extend_from_slice(b"}}");
    }
}
