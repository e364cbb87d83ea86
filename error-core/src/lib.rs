//! Errors for HTTP APIs that are right by construction.
//!
//! Annotate the variants of a service's error enum with a status, a detail code and a
//! client-facing message; `#[derive(ApiError)]` checks that catalogue at compile time and
//! generates the status mapping and the envelope serialization in one of five formats
//! (or your own).
//!
//! ```
//! use error_core::{ApiError, FieldErrors, FieldError, RenderContext, Timestamp};
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = error_core::format::Nested)]
//! enum LeadError {
//!     #[api(status = 400, code = "validation_error", message = "Invalid request parameters.")]
//!     Validation(#[api(fields)] FieldErrors),
//!
//!     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
//!     NotFound { id: u64 },
//!
//!     #[api(status = 500, code = "internal_server_error", message = "Internal server error.")]
//!     Internal(std::io::Error),
//! }
//!
//! let ctx = RenderContext::at(Timestamp::from_unix_millis(1_704_067_200_000));
//! let err = LeadError::Validation(FieldErrors::new().with(FieldError::missing("user_id")));
//! assert_eq!(
//!     String::from_utf8(err.to_json(&ctx)).unwrap(),
//!     r#"{"success":false,"error":{"code":400,"timestamp":"2024-01-01T00:00:00.000Z","message":"Invalid request parameters.","details":[{"code":"validation/missing-user_id","message":"user_id is required."}]}}"#
//! );
//! ```
#![deny(missing_docs)]

// Lets the derive's `::error_core::…` paths resolve inside this crate's own tests and docs.
extern crate self as error_core;

pub mod catalogue;
#[cfg(feature = "client")]
pub mod client;
mod context;
pub mod contract;
pub mod docs;
mod error;
mod field;
pub mod format;
// The code table needs no feature (the AIP-193 format shares it); tonic items are gated inside.
pub mod grpc;
pub mod http;
pub mod json;
#[cfg(feature = "utoipa")]
pub mod openapi;
pub mod response;
mod ticker;
mod time_format;
mod unique;
pub mod validation;

pub use catalogue::{ApiInfo, CatalogueEntry};
pub use context::{Clock, FixedClock, RenderContext, SystemClock, Timestamp};
pub use error::{ApiError, AsRetryAfter, Details, MessageSink, PlaceholderVisitor};
pub use field::{
    FieldError, FieldErrors, FieldPath, Origin, PathSegment, DEFAULT_FIELD_ERROR_LIMIT,
};
pub use format::Format;
pub use ticker::TickingClock;
pub use validation::FieldErrorKind;

/// The derive: see the crate documentation and the README's attribute table.
#[cfg(feature = "derive")]
pub use error_derive::ApiError;

/// Support for the code the derive generates; not a public API. Everything here may change
/// in any release; the pre-escaped pieces in it are only ever built by the derive, which
/// escapes them at compile time.
#[doc(hidden)]
pub mod __private {
    pub use crate::error::{JsonMessage, PlainMessage};
    pub use crate::field::AsFieldErrors;
    #[cfg(feature = "utoipa")]
    pub use crate::openapi::__derive as openapi;
    pub use crate::unique::{
        collect_leaves, count_leaves, find_duplicate, DuplicateMessage, Leaf, Named,
    };
    pub use crate::validation::messages::write_var as write_field_var;
    pub use http;
    pub use serde;
    #[cfg(feature = "utoipa")]
    pub use utoipa;

    #[cfg(feature = "client")]
    pub use crate::client::__derive as remote;

    #[cfg(feature = "axum")]
    pub use crate::http::axum::__derive as axum;

    /// `StatusCode` from a number the derive has checked to be in 400..=599.
    pub const fn status(code: u16) -> http::StatusCode {
        match http::StatusCode::from_u16(code) {
            Ok(status) => status,
            Err(_) => http::StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A static piece of a derived message: the text, and its JSON-escaped form (no quotes)
    /// when it was laid out at compile time.
    #[derive(Clone, Copy)]
    pub struct Literal {
        text: &'static str,
        escaped: Option<&'static str>,
    }

    impl Literal {
        /// Used by the derive only: `escaped` must be `text`'s JSON string contents.
        #[inline]
        pub const fn new(text: &'static str, escaped: &'static str) -> Self {
            Literal {
                text,
                escaped: Some(escaped),
            }
        }

        /// The static message of `entry`, escaped as the entry says.
        pub fn message_of(entry: &'static crate::CatalogueEntry) -> Self {
            Literal {
                text: entry.message(),
                escaped: entry.message_json(),
            }
        }

        /// The text as written.
        pub fn text(&self) -> &'static str {
            self.text
        }

        /// Appends the text as JSON string contents.
        #[inline]
        pub fn write_json_contents(&self, out: &mut Vec<u8>) {
            match self.escaped {
                Some(escaped) => out.extend_from_slice(escaped.as_bytes()),
                None => crate::json::write_str_contents(out, self.text),
            }
        }
    }

    /// The derive's catalogue entry: `code_json` and `message_json` are the JSON string
    /// contents of `code` and `message`, escaped at compile time.
    #[allow(clippy::too_many_arguments)]
    pub const fn entry(
        variant: &'static str,
        status: u16,
        code: &'static str,
        code_json: &'static str,
        message: &'static str,
        message_json: &'static str,
        templated: bool,
        title: &'static str,
    ) -> crate::CatalogueEntry {
        crate::CatalogueEntry::from_derive(
            variant,
            status,
            code,
            code_json,
            message,
            message_json,
            templated,
            title,
        )
    }

    /// The code forms the derive computed and checked: AIP-193's reason, the Microsoft
    /// PascalCase code, and the canonical code override.
    pub const fn with_forms(
        entry: crate::CatalogueEntry,
        reason: Option<&'static str>,
        pascal: Option<&'static str>,
        canonical: Option<crate::grpc::Code>,
    ) -> crate::CatalogueEntry {
        entry.with_forms(reason, pascal, canonical)
    }

    /// Records which of `fields`, `details` and `retry_after` the variant has.
    pub const fn with_shape(
        entry: crate::CatalogueEntry,
        field_errors: bool,
        details: bool,
        retry_after: bool,
    ) -> crate::CatalogueEntry {
        entry.with_shape(field_errors, details, retry_after)
    }

    pub use crate::format::cache::{Slot, StaticBodies};

    /// A sink that keeps nothing: asks whether a translation exists.
    pub struct Discard;

    impl crate::MessageSink for Discard {
        fn display(&mut self, _: &dyn core::fmt::Display) {}

        fn text(&mut self, _: &str) {}

        fn __literal(&mut self, _: Literal) {}
    }

    /// The cached bodies of `entry`, if the derive gave it some (a static variant).
    #[inline]
    pub const fn static_bodies(entry: &crate::CatalogueEntry) -> Option<&'static StaticBodies> {
        entry.static_bodies()
    }

    /// Gives a static variant (no placeholders, field errors or details) its cache of
    /// whole bodies, a `static` of the derive's.
    pub const fn with_static_bodies(
        entry: crate::CatalogueEntry,
        bodies: &'static StaticBodies,
    ) -> crate::CatalogueEntry {
        entry.with_static_bodies(bodies)
    }

    /// Records the names the message template uses, in order.
    pub const fn with_placeholders(
        entry: crate::CatalogueEntry,
        names: &'static [&'static str],
    ) -> crate::CatalogueEntry {
        entry.with_placeholders(names)
    }

    /// The entry of a `transparent` variant.
    pub const fn transparent(
        variant: &'static str,
        inner: &'static [crate::CatalogueEntry],
        inner_info: crate::ApiInfo,
    ) -> crate::CatalogueEntry {
        crate::CatalogueEntry::transparent_entry(variant, inner, inner_info)
    }

    /// What a `transparent` variant renders with: the inner error's settings, else the
    /// outer enum's.
    pub const fn info_or(inner: crate::ApiInfo, outer: crate::ApiInfo) -> crate::ApiInfo {
        inner.or(outer)
    }

    /// What an `#[api(fields)]` field can be; its error names no private path and says what
    /// the field may be.
    #[diagnostic::on_unimplemented(
        message = "`{Self}` cannot hold field errors: `#[api(fields)]` takes a `FieldErrors` or a `Box<FieldErrors>`",
        label = "not `FieldErrors`",
        note = "collect the errors into `error_core::FieldErrors`, or move `#[api(fields)]` to the field that holds them"
    )]
    pub trait FieldErrorsField {
        /// The field errors.
        fn field_errors(&self) -> &crate::FieldErrors;
    }

    #[diagnostic::do_not_recommend]
    impl<T: AsFieldErrors + ?Sized> FieldErrorsField for T {
        fn field_errors(&self) -> &crate::FieldErrors {
            self.as_field_errors()
        }
    }

    /// Gives `#[api(fields)]` its type error at the field.
    pub fn as_field_errors<T: FieldErrorsField + ?Sized>(fields: &T) -> &crate::FieldErrors {
        fields.field_errors()
    }

    /// Gives `#[api(details)]` its type error at the field: "`X: Serialize` is not
    /// satisfied".
    pub fn as_details<T: serde::Serialize>(details: &T) -> &dyn crate::Details {
        details
    }

    /// Gives `#[api(retry_after)]` its type error at the field.
    pub fn as_retry_after<T: crate::AsRetryAfter + ?Sized>(
        value: &T,
    ) -> Option<core::time::Duration> {
        value.as_retry_after()
    }

    /// Writes an integer placeholder with `itoa` instead of `fmt`.
    #[inline]
    pub fn write_integer<T: itoa::Integer>(sink: &mut dyn crate::MessageSink, value: T) {
        sink.text(itoa::Buffer::new().format(value));
    }

    /// What a `transparent` variant forwards to: any `ApiError`. Generated code reaches the
    /// inner error only through [`via`], generic over this trait, so a field that is not an
    /// `ApiError` gets one error, at the field's type, that says what to do.
    #[diagnostic::on_unimplemented(
        message = "`{Self}` is not an `ApiError`, so a `transparent` variant cannot forward to it",
        label = "not an `ApiError`",
        note = "derive `ApiError` for `{Self}`, or drop `transparent` and give the variant its own `status`"
    )]
    pub trait Transparent {
        /// The inner error.
        type Error: crate::ApiError;
        /// The field as that error.
        fn inner(&self) -> &Self::Error;
    }

    #[diagnostic::do_not_recommend]
    impl<T: crate::ApiError> Transparent for T {
        type Error = T;
        fn inner(&self) -> &T {
            self
        }
    }

    /// The `ApiError` items a `transparent` variant forwards to its field of type `T`.
    pub struct Via<T> {
        /// [`ApiError::CATALOGUE`](crate::ApiError::CATALOGUE).
        pub catalogue: &'static [crate::CatalogueEntry],
        /// [`ApiError::INFO`](crate::ApiError::INFO).
        pub static_info: crate::ApiInfo,
        /// [`ApiError::info`](crate::ApiError::info).
        pub info: fn(&T) -> crate::ApiInfo,
        /// [`ApiError::entry`](crate::ApiError::entry).
        pub entry: fn(&T) -> &'static crate::CatalogueEntry,
        /// [`ApiError::status`](crate::ApiError::status).
        pub status: fn(&T) -> http::StatusCode,
        /// [`ApiError::code`](crate::ApiError::code).
        pub code: fn(&T) -> &'static str,
        /// [`ApiError::write_message`](crate::ApiError::write_message).
        pub write_message: fn(&T, &mut dyn crate::MessageSink),
        /// [`ApiError::write_message_in`](crate::ApiError::write_message_in).
        pub write_message_in: fn(&T, &str, &mut dyn crate::MessageSink) -> bool,
        /// `ApiError::__static_message_json_in`.
        pub static_message_json_in: fn(&T, &str) -> Option<&'static str>,
        /// [`ApiError::field_errors`](crate::ApiError::field_errors).
        pub field_errors: fn(&T) -> Option<&crate::FieldErrors>,
        /// [`ApiError::details`](crate::ApiError::details).
        pub details: fn(&T) -> Option<&dyn crate::Details>,
        /// [`ApiError::retry_after`](crate::ApiError::retry_after).
        pub retry_after: fn(&T) -> Option<core::time::Duration>,
        /// [`ApiError::write_placeholders`](crate::ApiError::write_placeholders).
        pub write_placeholders: fn(&T, &mut dyn crate::PlaceholderVisitor),
        /// [`ApiError::visit_chain`](crate::ApiError::visit_chain).
        pub visit_chain: fn(&T, &mut dyn FnMut(&'static crate::CatalogueEntry)),
    }

    /// The one place the `T: Transparent` bound is required (so one error, not one per item).
    pub const fn via<T: Transparent>() -> Via<T> {
        use crate::ApiError as _;
        Via {
            catalogue: <T::Error as crate::ApiError>::CATALOGUE,
            static_info: <T::Error as crate::ApiError>::INFO,
            info: |t| t.inner().info(),
            entry: |t| t.inner().entry(),
            status: |t| t.inner().status(),
            code: |t| t.inner().code(),
            write_message: |t, sink| t.inner().write_message(sink),
            write_message_in: |t, locale, sink| t.inner().write_message_in(locale, sink),
            static_message_json_in: |t, locale| t.inner().__static_message_json_in(locale),
            field_errors: |t| t.inner().field_errors(),
            details: |t| t.inner().details(),
            retry_after: |t| t.inner().retry_after(),
            write_placeholders: |t, visitor| t.inner().write_placeholders(visitor),
            visit_chain: |t, visit| t.inner().visit_chain(visit),
        }
    }

    /// The entry the fallback expansion (after a compile error) points at.
    pub static FALLBACK_ENTRY: crate::CatalogueEntry = crate::CatalogueEntry::new(
        "Internal",
        500,
        "internal_server_error",
        "Internal Server Error",
    );
}
