//! The catalogue as a contract: snapshots, breaking-change checks, client types.
//!
//! A service's error codes are part of its API: clients switch on codes and statuses.
//! This module turns a catalogue into a stable, versioned JSON [`Snapshot`], checks a
//! catalogue against its checked-in snapshot in an ordinary test ([`assert_compatible`]),
//! finds codes that two services use with different meanings ([`conflicts`]; the
//! `error-contract` command runs it over snapshot files), and writes TypeScript types
//! ([`typescript`]) and JSON Schemas of the envelopes ([`json_schema`]).
//!
//! ```
//! use error_core::contract::{compare, Policy, Snapshot};
//!
//! #[derive(error_core::ApiError)]
//! #[api(format = error_core::format::Nested)]
//! enum LeadError {
//!     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
//!     NotFound { id: u64 },
//! }
//!
//! let snapshot = Snapshot::of::<LeadError>();
//! assert_eq!(
//!     snapshot.to_json(),
//!     r#"{
//!   "schema_version": 1,
//!   "name": "LeadError",
//!   "format": "nested",
//!   "errors": [
//!     {
//!       "code": "lead/not-found",
//!       "status": 404,
//!       "variant": "NotFound",
//!       "via": [],
//!       "message": "Lead {id} was not found.",
//!       "placeholders": [
//!         "id"
//!       ],
//!       "field_errors": false,
//!       "details": false,
//!       "retry_after": false,
//!       "www_authenticate": null
//!     }
//!   ]
//! }
//! "#
//! );
//! assert!(compare(&snapshot, &snapshot, &Policy::new()).is_empty());
//! ```

mod check;
mod compare;
mod schema;
mod services;
mod snapshot;
mod template;
mod typescript;

pub use check::{assert_compatible, Contract, Failure, Mode, Outcome, MODE_VARIABLE};
pub use compare::{compare, Change, ChangeKind, Policy, Report, Severity};
pub use schema::json_schema;
pub use services::{conflicts, Conflict, Use};
pub use snapshot::{Entry, ReadError, Snapshot, SCHEMA_VERSION};
pub use template::placeholders;
pub use typescript::typescript;
