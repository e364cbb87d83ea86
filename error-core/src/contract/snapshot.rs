//! The snapshot: a catalogue as stable, versioned JSON.

use std::any::type_name;
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::template::placeholders;
use crate::format::{Aip, Compact, Flat, JsonApi, Laravel, Microsoft, Nested, Problem};
use crate::{ApiError, ApiInfo, CatalogueEntry};

/// The schema version this library writes, and the newest it reads.
///
/// A new version only adds members (such as documentation links or metadata keys); older
/// snapshots still read, their missing members taking their empty values.
pub const SCHEMA_VERSION: u32 = 1;

/// An enum's catalogue as a contract: every error a client can receive, in declaration
/// order, with what a client relies on.
///
/// ```
/// use error_core::contract::Snapshot;
/// use error_core::ApiError;
///
/// #[derive(ApiError)]
/// #[api(format = error_core::format::Compact)]
/// enum LeadError {
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let snapshot = Snapshot::of::<LeadError>();
/// assert_eq!(snapshot.name, "LeadError");
/// assert_eq!(snapshot.format, "compact");
/// assert_eq!(snapshot.errors[0].placeholders, ["id"]);
/// assert_eq!(Snapshot::from_json(&snapshot.to_json()).unwrap(), snapshot);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Snapshot {
    /// The schema version the snapshot was written with ([`SCHEMA_VERSION`] for a new one).
    pub schema_version: u32,
    /// The enum's name, such as `LeadError` (for reports; not part of the contract).
    pub name: String,
    /// The envelope format: `flat`, `nested`, `laravel`, `compact`, `problem`, `aip`,
    /// `jsonapi`, `microsoft`, or the type name of a custom format.
    pub format: String,
    /// One entry per error, in declaration order, `transparent` variants replaced by the
    /// errors of the enum they wrap.
    pub errors: Vec<Entry>,
}

/// One error of a [`Snapshot`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entry {
    /// The detail code: what identifies the error to a client.
    pub code: String,
    /// The HTTP status.
    pub status: u16,
    /// The variant's name.
    pub variant: String,
    /// The `transparent` variants the error comes through, outermost first (empty for the
    /// enum's own variants).
    #[serde(default)]
    pub via: Vec<String>,
    /// The message template as written (`Lead {id} was not found.`).
    pub message: String,
    /// The placeholders the template uses, in order of first use.
    #[serde(default)]
    pub placeholders: Vec<String>,
    /// Whether the error carries field errors.
    #[serde(default)]
    pub field_errors: bool,
    /// Whether the error carries `#[api(details)]`.
    #[serde(default)]
    pub details: bool,
    /// Whether the error carries a `Retry-After` delay.
    #[serde(default)]
    pub retry_after: bool,
    /// The `WWW-Authenticate` challenge of a 401.
    #[serde(default)]
    pub www_authenticate: Option<String>,
    /// The link to the error's documentation (`docs = …`). Absent when there is none, so a
    /// snapshot of a catalogue without links reads and writes as before links existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    /// The declared metadata a format reads for the error (`meta(key = "…")`), by key: the
    /// variant's, and its enum's for the keys the variant leaves out (for an error that comes
    /// through `transparent` variants, the inner enum's settings, else the outer's, as when
    /// it is rendered). Absent when empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
}

impl Entry {
    /// The entry of a catalogue entry reached through the `transparent` variants `via`.
    fn new(entry: &CatalogueEntry, via: &[&str], info: ApiInfo) -> Self {
        let mut metadata: BTreeMap<String, String> = info
            .metadata()
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect();
        for (key, value) in entry.metadata() {
            metadata.insert((*key).to_owned(), (*value).to_owned());
        }
        Entry {
            code: entry.code().to_owned(),
            status: entry.status(),
            variant: entry.variant().to_owned(),
            via: via.iter().map(|v| (*v).to_owned()).collect(),
            message: entry.message().to_owned(),
            placeholders: placeholders(entry.message()),
            field_errors: entry.has_field_errors(),
            details: entry.has_details(),
            retry_after: entry.has_retry_after(),
            www_authenticate: entry.www_authenticate().map(str::to_owned),
            docs: entry.docs().map(str::to_owned),
            metadata,
        }
    }

    /// `NotFound`, or `Auth::MissingKey` for an error that comes through the transparent
    /// variant `Auth`.
    pub fn path(&self) -> String {
        let mut path = String::new();
        for outer in &self.via {
            path.push_str(outer);
            path.push_str("::");
        }
        path.push_str(&self.variant);
        path
    }
}

/// What the snapshot file holds, written with the current schema version.
#[derive(Serialize)]
struct Written<'a> {
    schema_version: u32,
    name: &'a str,
    format: &'a str,
    errors: &'a [Entry],
}

impl Snapshot {
    /// The snapshot of `E`'s catalogue.
    pub fn of<E: ApiError>() -> Self {
        let mut errors = Vec::new();
        collect(E::CATALOGUE, E::INFO, &mut Vec::new(), &mut errors);
        Snapshot {
            schema_version: SCHEMA_VERSION,
            name: short_type_name(type_name::<E>()).to_owned(),
            format: format_name::<E::Format>(),
            errors,
        }
    }

    /// The snapshot as pretty JSON (two-space indents, one member per line, a final
    /// newline), in the current schema version.
    pub fn to_json(&self) -> String {
        let written = Written {
            schema_version: SCHEMA_VERSION,
            name: &self.name,
            format: &self.format,
            errors: &self.errors,
        };
        // Strings, integers and booleans only: serializing cannot fail.
        let mut json = serde_json::to_string_pretty(&written).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Reads a snapshot written by this or an older version of the library.
    ///
    /// ```
    /// use error_core::contract::Snapshot;
    ///
    /// let error = Snapshot::from_json(r#"{"schema_version": 99}"#).unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "the snapshot has schema version 99, newer than this library reads (1): upgrade error-core"
    /// );
    /// ```
    pub fn from_json(json: &str) -> Result<Self, ReadError> {
        #[derive(Deserialize)]
        struct Version {
            schema_version: Option<u32>,
        }
        let version: Version =
            serde_json::from_str(json).map_err(|e| ReadError::Json(e.to_string()))?;
        match version.schema_version {
            None | Some(0) => Err(ReadError::NotASnapshot),
            Some(found) if found > SCHEMA_VERSION => Err(ReadError::Newer(found)),
            // Version 1 is today's shape. A later version that adds members reads version 1
            // files through `#[serde(default)]` on those members.
            Some(_) => serde_json::from_str(json).map_err(|e| ReadError::Json(e.to_string())),
        }
    }
}

/// Depth first through `transparent` variants, noting the path.
/// `info` is the settings the errors of `catalogue` render with.
fn collect<'a>(
    catalogue: &'a [CatalogueEntry],
    info: ApiInfo,
    via: &mut Vec<&'a str>,
    out: &mut Vec<Entry>,
) {
    for entry in catalogue {
        match (entry.transparent(), entry.transparent_info()) {
            (Some(inner), Some(inner_info)) => {
                via.push(entry.variant());
                collect(inner, inner_info.or(info), via, out);
                via.pop();
            }
            _ => out.push(Entry::new(entry, via, info)),
        }
    }
}

/// `LeadError` from `my_crate::errors::LeadError<T>`.
fn short_type_name(name: &str) -> &str {
    let name = name.split('<').next().unwrap_or(name);
    name.rsplit("::").next().unwrap_or(name)
}

/// The name a snapshot gives the format `F`: a built-in format's lowercase name, else the
/// type's full name. A new built-in format adds a line here.
fn format_name<F>() -> String {
    let builtins = [
        (type_name::<Flat>(), "flat"),
        (type_name::<Nested>(), "nested"),
        (type_name::<Laravel>(), "laravel"),
        (type_name::<Compact>(), "compact"),
        (type_name::<Problem>(), "problem"),
        (type_name::<Aip>(), "aip"),
        (type_name::<JsonApi>(), "jsonapi"),
        (type_name::<Microsoft>(), "microsoft"),
    ];
    let name = type_name::<F>();
    builtins
        .iter()
        .find(|(ty, _)| *ty == name)
        .map_or(name, |(_, short)| short)
        .to_owned()
}

/// Why a snapshot could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadError {
    /// The text is not JSON of the expected shape.
    Json(String),
    /// The JSON has no `schema_version`.
    NotASnapshot,
    /// Written by a newer library, in this schema version.
    Newer(u32),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Json(error) => write!(f, "the snapshot is not valid: {error}"),
            ReadError::NotASnapshot => f.write_str(
                "not a catalogue snapshot: it has no `schema_version` (write one with \
                 `error_core::contract::Snapshot::to_json`)",
            ),
            ReadError::Newer(found) => write!(
                f,
                "the snapshot has schema version {found}, newer than this library reads \
                 ({SCHEMA_VERSION}): upgrade error-core"
            ),
        }
    }
}

impl std::error::Error for ReadError {}
