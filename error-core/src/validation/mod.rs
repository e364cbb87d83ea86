//! Request validation: the kinds of field errors, bulk (all-or-nothing) validation of lists,
//! and adapters from the `validator` and `garde` crates.
//!
//! - [`FieldErrorKind`]: missing, invalid format, too short/long, out of range, not one of,
//!   duplicate; each with a default code (`validation/missing-user_id`) and message
//!   (`user_id is required.`), both overridable.
//! - [`validate_all`], [`FieldErrors::each`] and [`FieldErrors::nest`]: validate every item
//!   of a list (and the structs and lists inside it) and collect every failing item's errors
//!   under indexed paths (`leads.3.products.0.sku`), in item order.
//! - `validator` (cargo feature `validator`): `ValidationErrors` into [`FieldErrors`].
//! - `garde` (cargo feature `garde`): `Report` into [`FieldErrors`].
//!
//! Every path through here respects the [`FieldErrors`] bound: errors past the limit are
//! counted, never stored.
//!
//! [`FieldErrors`]: crate::FieldErrors
//! [`FieldErrors::each`]: crate::FieldErrors::each
//! [`FieldErrors::nest`]: crate::FieldErrors::nest

mod bulk;
mod kind;
pub(crate) mod messages;

#[cfg(feature = "garde")]
pub mod garde;
#[cfg(feature = "validator")]
pub mod validator;

pub use bulk::validate_all;
pub use kind::FieldErrorKind;
