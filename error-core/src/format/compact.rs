use super::{key, write_field_array, ErrorView, Format, Slot};

/// `{"error":{"message":…,"details":null}}`
///
/// The envelope of an API whose errors carry only a message and optional structured
/// `details` (an object, array or string): the value of an `#[api(details)]` field, or for a
/// variant with field errors the list `[{"field","message"}]`, or `null`.
///
/// ```
/// use error_core::{ApiError, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(format = error_core::format::Compact)]
/// enum E {
///     #[api(status = 402, message = "Your credit balance is too low for the action.")]
///     PaymentRequired { #[api(details)] needed: u32 },
/// }
///
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// assert_eq!(
///     String::from_utf8(E::PaymentRequired { needed: 3 }.to_json(&ctx)).unwrap(),
///     r#"{"error":{"message":"Your credit balance is too low for the action.","details":3}}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Compact;

impl Format for Compact {
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    #[inline]
    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        self.render_fresh(error, out);
    }

    #[inline]
    fn __static_slot(&self) -> Option<Slot> {
        Some(Slot::COMPACT)
    }
}

impl Compact {
    /// The envelope written piece by piece: everything but a cached static body.
    #[inline(never)]
    fn render_fresh(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"error\":{\"message\":");
        error.write_message_json(out);
        key(out, "details");
        if let Some(fields) = error.field_errors() {
            write_field_array(error, out, fields, b"{\"field\":\"");
        } else {
            // `null` when the variant has no details.
            error.write_details_json(out);
        }
        out.extend_from_slice(b"}}");
    }
}
