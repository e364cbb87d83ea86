//! The check in a test: write the snapshot once, then compare against it.

use std::fmt;
use std::path::{Path, PathBuf};

use super::compare::{compare, Policy, Report};
use super::snapshot::{ReadError, Snapshot, SCHEMA_VERSION};
use crate::ApiError;

/// The environment variable that chooses the [`Mode`]: `overwrite` or `check`.
pub const MODE_VARIABLE: &str = "ERROR_CONTRACT";

/// What a check does with the snapshot file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Writes the snapshot when there is none, compares otherwise (no variable set).
    Auto,
    /// Compares, and fails when there is no snapshot (`ERROR_CONTRACT=check`, for CI).
    Check,
    /// Writes the snapshot whatever it held: the explicit update
    /// (`ERROR_CONTRACT=overwrite`). The changes are still reported.
    Overwrite,
}

impl Mode {
    /// The mode `ERROR_CONTRACT` names; `Auto` when it is unset or empty.
    pub fn from_env() -> Result<Mode, Failure> {
        let value = std::env::var(MODE_VARIABLE).unwrap_or_default();
        Mode::parse(&value)
    }

    fn parse(value: &str) -> Result<Mode, Failure> {
        match value {
            "" => Ok(Mode::Auto),
            "check" => Ok(Mode::Check),
            "overwrite" => Ok(Mode::Overwrite),
            other => Err(Failure::UnknownMode(other.to_owned())),
        }
    }
}

/// What a passing check did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// There was no snapshot; it was written.
    Written,
    /// The catalogue matches the snapshot.
    Unchanged,
    /// Only accepted changes; the snapshot was left as it was.
    Compatible(Report),
    /// The snapshot was overwritten (`ERROR_CONTRACT=overwrite`); these were the changes.
    Overwritten(Report),
}

/// Why a check failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Failure {
    /// Breaking changes.
    Breaking {
        /// The enum's name.
        name: String,
        /// The snapshot file.
        path: PathBuf,
        /// Every change, breaking or not.
        report: Report,
    },
    /// `ERROR_CONTRACT=check` and no snapshot.
    Missing(PathBuf),
    /// The snapshot could not be read as one.
    Read(PathBuf, ReadError),
    /// Reading or writing the file failed.
    Io(PathBuf, std::io::Error),
    /// `ERROR_CONTRACT` holds something else than `overwrite` or `check`.
    UnknownMode(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Breaking { name, path, report } => write!(
                f,
                "the error catalogue of {name} breaks its contract in {}: {}\n{report}\
                 If clients can take these changes, update the snapshot: rerun with \
                 {MODE_VARIABLE}=overwrite, then review and commit {}.",
                path.display(),
                report.summary(),
                path.display()
            ),
            Failure::Missing(path) => write!(
                f,
                "no snapshot at {}; with {MODE_VARIABLE}=check none is written: run the \
                 test once without it and commit the file",
                path.display()
            ),
            Failure::Read(path, error) => write!(f, "{}: {error}", path.display()),
            Failure::Io(path, error) => write!(f, "{}: {error}", path.display()),
            Failure::UnknownMode(value) => write!(
                f,
                "{MODE_VARIABLE}={value:?} is not a mode: use overwrite (update the \
                 snapshot) or check (never write one)"
            ),
        }
    }
}

impl std::error::Error for Failure {}

/// A compatibility check of one catalogue against its snapshot file.
///
/// ```no_run
/// use error_core::contract::{ChangeKind, Contract, Policy, Severity};
/// # #[derive(error_core::ApiError)] enum LeadError { #[api(status = 404)] NotFound }
///
/// // In a test: message wording counts as breaking too (AIP-193).
/// Contract::new("contracts/lead-error.json")
///     .policy(Policy::new().treat(ChangeKind::Message, Severity::Breaking))
///     .assert::<LeadError>();
/// ```
#[derive(Debug, Clone)]
pub struct Contract {
    path: PathBuf,
    policy: Policy,
    mode: Option<Mode>,
}

impl Contract {
    /// The check against the snapshot at `path` (relative paths are relative to the
    /// current directory: in `cargo test`, the package's root), with the default
    /// [`Policy`], in the mode `ERROR_CONTRACT` names.
    pub fn new(path: impl AsRef<Path>) -> Self {
        Contract {
            path: path.as_ref().to_owned(),
            policy: Policy::new(),
            mode: None,
        }
    }

    /// Classifies changes with `policy`.
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Uses `mode` whatever `ERROR_CONTRACT` says.
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = Some(mode);
        self
    }

    /// Checks `E`'s catalogue against the snapshot.
    pub fn check<E: ApiError>(&self) -> Result<Outcome, Failure> {
        self.check_snapshot(&Snapshot::of::<E>())
    }

    /// Checks a snapshot against the file.
    pub fn check_snapshot(&self, current: &Snapshot) -> Result<Outcome, Failure> {
        let mode = match self.mode {
            Some(mode) => mode,
            None => Mode::from_env()?,
        };
        let path = &self.path;
        let text = match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => return Err(Failure::Io(path.clone(), error)),
        };
        let Some(text) = text else {
            if mode == Mode::Check {
                return Err(Failure::Missing(path.clone()));
            }
            self.write(current)?;
            return Ok(Outcome::Written);
        };
        let recorded = Snapshot::from_json(&text).map_err(|e| Failure::Read(path.clone(), e))?;
        let report = compare(&recorded, current, &self.policy);
        if mode == Mode::Overwrite {
            if text == current.to_json() {
                return Ok(Outcome::Unchanged);
            }
            self.write(current)?;
            return Ok(Outcome::Overwritten(report));
        }
        if report.is_breaking() {
            return Err(Failure::Breaking {
                name: current.name.clone(),
                path: path.clone(),
                report,
            });
        }
        if report.is_empty() {
            Ok(Outcome::Unchanged)
        } else {
            Ok(Outcome::Compatible(report))
        }
    }

    /// Checks `E`'s catalogue, panicking with the report on a breaking change; accepted
    /// changes are printed to stderr (shown by `cargo test` on failure or with
    /// `--nocapture`).
    ///
    /// # Panics
    ///
    /// On a breaking change, and when the snapshot cannot be read or written.
    #[track_caller]
    pub fn assert<E: ApiError>(&self) {
        match self.check::<E>() {
            Ok(outcome) => self.print(&outcome, &Snapshot::of::<E>().name),
            Err(failure) => panic!("{failure}"),
        }
    }

    fn print(&self, outcome: &Outcome, name: &str) {
        let path = self.path.display();
        match outcome {
            Outcome::Written => eprintln!("wrote the error catalogue snapshot {path}"),
            Outcome::Unchanged => {}
            Outcome::Compatible(report) => eprint!(
                "the error catalogue of {name} changed compatibly since {path}: {}\n{report}\
                 ({MODE_VARIABLE}=overwrite records them)\n",
                report.summary()
            ),
            Outcome::Overwritten(report) => eprint!(
                "overwrote {path} (schema version {SCHEMA_VERSION}): {}\n{report}",
                report.summary()
            ),
        }
    }

    fn write(&self, snapshot: &Snapshot) -> Result<(), Failure> {
        let io = |error| Failure::Io(self.path.clone(), error);
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        std::fs::write(&self.path, snapshot.to_json()).map_err(io)
    }
}

/// Checks `E`'s catalogue against the snapshot at `path`: the first run writes it, later
/// runs fail on a breaking change with a readable diff. `ERROR_CONTRACT=overwrite`
/// updates it; `ERROR_CONTRACT=check` never writes. See [`Contract`] for a policy.
///
/// ```no_run
/// # #[derive(error_core::ApiError)] enum LeadError { #[api(status = 404)] NotFound }
/// #[test]
/// fn lead_errors_keep_their_contract() {
///     error_core::contract::assert_compatible::<LeadError>("contracts/lead-error.json");
/// }
/// ```
///
/// # Panics
///
/// On a breaking change, and when the snapshot cannot be read or written.
#[track_caller]
pub fn assert_compatible<E: ApiError>(path: impl AsRef<Path>) {
    Contract::new(path).assert::<E>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse() {
        assert_eq!(Mode::parse("").ok(), Some(Mode::Auto));
        assert_eq!(Mode::parse("check").ok(), Some(Mode::Check));
        assert_eq!(Mode::parse("overwrite").ok(), Some(Mode::Overwrite));
        assert_eq!(
            Mode::parse("yes").err().map(|e| e.to_string()),
            Some(
                "ERROR_CONTRACT=\"yes\" is not a mode: use overwrite (update the snapshot) \
                 or check (never write one)"
                    .to_owned()
            )
        );
    }
}
