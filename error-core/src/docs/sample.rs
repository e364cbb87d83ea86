//! An error value standing for a catalogue entry, so that formats can render an example
//! body for a variant without a live value of it.

use core::marker::PhantomData;

use crate::{ApiError, ApiInfo, CatalogueEntry, FieldErrors, MessageSink};

/// A stand-in for one variant of `E`, built from its [`CatalogueEntry`] alone: the message
/// template is written as declared (`Lead {id} was not found.`); a variant that carries field
/// errors shows one stand-in (`field_name is required.`) unless others are given with
/// [`Sample::with_field_errors`], and one that carries details shows them as `null`.
///
/// It implements [`ApiError`] in `E`'s format and with `E`'s settings, so every format renders
/// it as it renders the real variant; this is how the error reference and the OpenAPI
/// examples get a body for variants that have fields. Give it an entry of `E`'s catalogue
/// (as [`catalogue::entries`](crate::catalogue::entries) yields them).
///
/// ```
/// use error_core::docs::Sample;
/// use error_core::format::ErrorView;
/// use error_core::{ApiError, RenderContext, Timestamp};
///
/// #[derive(ApiError)]
/// #[api(format = error_core::format::Compact)]
/// enum LeadError {
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let sample = Sample::<LeadError>::new(&LeadError::CATALOGUE[0]);
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
/// assert_eq!(sample.message(), "Lead {id} was not found.");
/// assert_eq!(
///     sample.to_json(&ctx),
///     br#"{"error":{"message":"Lead {id} was not found.","details":null}}"#
/// );
///
/// // The view a custom format would be given:
/// let view = ErrorView::new(&sample, &ctx);
/// assert_eq!(view.status(), 404);
/// ```
pub struct Sample<E> {
    entry: &'static CatalogueEntry,
    fields: Option<FieldErrors>,
    details: Option<serde_json::Value>,
    // `fn() -> E`: a `Sample<E>` holds no `E`, so it is `Send`, `Sync` and `'static`
    // whatever `E` is.
    marker: PhantomData<fn() -> E>,
}

impl<E: ApiError> Sample<E> {
    /// The stand-in for `entry`.
    pub fn new(entry: &'static CatalogueEntry) -> Self {
        // A variant that carries field errors shows one stand-in error (the reference pages'
        // `field_name`); one with details shows where they go, as `null`.
        let fields = entry
            .has_field_errors()
            .then(|| FieldErrors::new().with(crate::FieldError::missing("field_name")));
        let details = entry.has_details().then_some(serde_json::Value::Null);
        Sample {
            entry,
            fields,
            details,
            marker: PhantomData,
        }
    }

    /// Gives the stand-in field errors, rendered as the variant's `#[api(fields)]` would be.
    ///
    /// ```
    /// use error_core::docs::Sample;
    /// use error_core::{ApiError, FieldError, FieldErrors, RenderContext, Timestamp};
    ///
    /// #[derive(ApiError)]
    /// #[api(format = error_core::format::Laravel)]
    /// enum E {
    ///     #[api(status = 422, message = "The given data was invalid.")]
    ///     Invalid(#[api(fields)] FieldErrors),
    /// }
    ///
    /// let sample = Sample::<E>::new(&E::CATALOGUE[0])
    ///     .with_field_errors(FieldErrors::new().with(FieldError::missing("email")));
    /// assert_eq!(
    ///     sample.to_json(&RenderContext::at(Timestamp::from_unix_millis(0))),
    ///     br#"{"message":"The given data was invalid.","errors":{"email":["email is required."]}}"#
    /// );
    /// ```
    pub fn with_field_errors(mut self, fields: FieldErrors) -> Self {
        self.fields = Some(fields);
        self
    }
}

impl<E: ApiError> ApiError for Sample<E> {
    type Format = E::Format;
    const CATALOGUE: &'static [CatalogueEntry] = E::CATALOGUE;
    const INFO: ApiInfo = E::INFO;

    fn format() -> Self::Format {
        E::format()
    }

    fn entry(&self) -> &'static CatalogueEntry {
        self.entry
    }

    fn status(&self) -> http::StatusCode {
        // Entries of a flattened catalogue always hold a checked 400..=599 status; the
        // fallback only covers a transparent entry given by mistake.
        http::StatusCode::from_u16(self.entry.status())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn write_message(&self, sink: &mut dyn MessageSink) {
        if self.entry.is_templated() {
            // The template as written, escaped at run time like a placeholder value.
            sink.display(&self.entry.message());
        } else {
            sink.__literal(crate::__private::Literal::message_of(self.entry));
        }
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        self.fields.as_ref()
    }

    fn details(&self) -> Option<&dyn crate::Details> {
        self.details
            .as_ref()
            .map(|value| value as &dyn crate::Details)
    }
}
