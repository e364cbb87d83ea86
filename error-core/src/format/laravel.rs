use super::{ErrorView, Format, Slot};
use crate::{json, FieldErrors};

/// `{"message":"The given data was invalid.","errors":{"leads.0.phone":["…"]}}`
///
/// Laravel's envelope: the message, and field errors grouped by path, several messages for
/// one path in insertion order, paths in the order they first appear. Paths are grouped by
/// the key written (the dotted form), so a key holding a dot and the path it reads as
/// (`"items.0"` and `items` → `0`) share one member: no key is written twice. No `errors`
/// key for a variant without field errors (`{"message":"Unauthenticated."}`). Laravel has
/// no member for an `#[api(details)]` value, so it is added as `details` after the others
/// (`{"message":"…","details":{…}}`) rather than dropped.
///
/// [`Laravel::summarized`] writes Laravel's summary instead of the variant's message when
/// there are field errors: the first field message followed by ` (and N more error)` or
/// ` (and N more errors)`, N counting every other error, kept or not.
///
/// ```
/// use error_core::format::Laravel;
/// use error_core::{ApiError, FieldErrors, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(format = Laravel)]
/// enum E {
///     #[api(status = 422, message = "The given data was invalid.")]
///     Invalid(#[api(fields)] FieldErrors),
/// }
///
/// let err = E::Invalid(
///     FieldErrors::new()
///         .add("leads.0.phone", "required", "The leads.0.phone field is required.")
///         .add("leads.0.products", "required", "The leads.0.products field is required."),
/// );
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// assert_eq!(
///     String::from_utf8(err.to_json(&ctx)).unwrap(),
///     r#"{"message":"The given data was invalid.","errors":{"leads.0.phone":["The leads.0.phone field is required."],"leads.0.products":["The leads.0.products field is required."]}}"#
/// );
///
/// let mut out = Vec::new();
/// err.render_into(&Laravel::summarized(), &ctx, &mut out);
/// assert!(out.starts_with(br#"{"message":"The leads.0.phone field is required. (and 1 more error)","#));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Laravel {
    summarize: bool,
}

impl Laravel {
    /// The format with Laravel's summary message.
    pub const fn summarized() -> Self {
        Laravel { summarize: true }
    }
}

impl Format for Laravel {
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    #[inline]
    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        self.render_fresh(error, out);
    }

    #[inline]
    fn __static_slot(&self) -> Option<Slot> {
        Some(Slot::LARAVEL)
    }
}

impl Laravel {
    /// The envelope written piece by piece: everything but a cached static body.
    #[inline(never)]
    fn render_fresh(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        let fields = error.field_errors();
        let entry = error.entry();
        if let (None, false, None, Some(message)) = (
            fields,
            error.has_details(),
            error.locale(),
            entry.static_message_json(),
        ) {
            // The whole body is static: three copies.
            let message = message.as_bytes();
            out.reserve(message.len() + 15);
            out.extend_from_slice(b"{\"message\":\"");
            out.extend_from_slice(message);
            out.extend_from_slice(b"\"}");
            return;
        }
        out.extend_from_slice(b"{\"message\":");
        match fields.and_then(|f| f.iter().next().map(|first| (f, first))) {
            Some((fields, first)) if self.summarize => {
                out.push(b'"');
                error.write_field_message_contents(first, out);
                let more = fields.total().saturating_sub(1);
                if more > 0 {
                    out.extend_from_slice(b" (and ");
                    json::write_u64(out, more as u64);
                    out.extend_from_slice(if more == 1 {
                        b" more error)"
                    } else {
                        b" more errors)"
                    });
                }
                out.push(b'"');
            }
            _ => error.write_message_json(out),
        }
        if let Some(fields) = fields {
            out.extend_from_slice(b",\"errors\":");
            write_grouped(error, out, fields);
        }
        if error.has_details() {
            out.extend_from_slice(b",\"details\":");
            error.write_details_json(out);
        }
        out.push(b'}');
    }
}

/// `{"path":["message",…],…}`, grouped by the key as written (the dotted path, escaped), in
/// order of first appearance: two paths that write the same key (`items.0` as one key, and
/// `items` then index 0) share one member, so no key is ever written twice.
fn write_grouped(view: &ErrorView<'_>, out: &mut Vec<u8>, fields: &FieldErrors) {
    let errors = fields.as_slice();
    // Every key written once into one buffer; `ends[i]` is where error i's key ends.
    let mut keys = Vec::with_capacity(errors.len() * 16);
    let mut ends = Vec::with_capacity(errors.len());
    for error in errors {
        error.path().write_dotted_contents(&mut keys);
        ends.push(keys.len());
    }
    let key = |i: usize| &keys[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
    // Indices sorted by (key, position): equal keys become adjacent, each group keeping
    // insertion order; groups are then written in order of their first position.
    let mut order: Vec<usize> = (0..errors.len()).collect();
    order.sort_by(|&a, &b| key(a).cmp(key(b)).then(a.cmp(&b)));
    let mut groups: Vec<&[usize]> = order.chunk_by(|&a, &b| key(a) == key(b)).collect();
    groups.sort_by_key(|group| group[0]);

    out.push(b'{');
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'"');
        out.extend_from_slice(key(group[0]));
        out.extend_from_slice(b"\":[");
        for (j, &index) in group.iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            view.write_field_message_json(&errors[index], out);
        }
        out.push(b']');
    }
    out.push(b'}');
}
