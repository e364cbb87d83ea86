//! Comparing two snapshots of one catalogue: what changed, and what breaks clients.

use std::fmt;

use super::snapshot::{Entry, Snapshot};

/// What kind of change a [`Change`] is. Each has a default [`Severity`], which a
/// [`Policy`] can override.
///
/// (No kind is named `Format`: a second public item of that name would make rustc spell
/// out `error_core::Format` in every diagnostic about the trait.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeKind {
    /// The envelope format changed: every client's parser is affected. Breaking.
    Envelope,
    /// A code is gone (removed, or renamed, which clients see as removed). Breaking.
    Removed,
    /// A new code. Accepted.
    Added,
    /// A status changed within its class (404 → 410). Breaking.
    Status,
    /// A status changed between 4xx and 5xx: clients retry, alert and blame differently.
    /// Breaking, and reported in capitals.
    StatusClass,
    /// A placeholder left the message. Breaking.
    PlaceholderRemoved,
    /// A placeholder joined the message. Accepted.
    PlaceholderAdded,
    /// The message's wording changed. Accepted (AIP-193 treats it as breaking for errors
    /// without `ErrorInfo`: `Policy::new().treat(ChangeKind::Message, Severity::Breaking)`).
    Message,
    /// Field errors are no longer sent. Breaking.
    FieldErrorsRemoved,
    /// Field errors are now sent. Accepted.
    FieldErrorsAdded,
    /// Details are no longer sent. Accepted.
    DetailsRemoved,
    /// Details are now sent. Accepted.
    DetailsAdded,
    /// `Retry-After` is no longer sent. Breaking.
    RetryAfterRemoved,
    /// `Retry-After` is now sent. Accepted.
    RetryAfterAdded,
    /// The `WWW-Authenticate` challenge changed or is gone. Breaking.
    Challenge,
    /// A `WWW-Authenticate` challenge where there was none. Accepted.
    ChallengeAdded,
    /// The variant behind a code was renamed or moved: invisible to clients. Accepted.
    Variant,
    /// A declared metadata key is gone (AIP-193: metadata keys are never removed). Breaking.
    MetadataRemoved,
    /// A metadata key was added, or a key's declared value changed. Accepted.
    Metadata,
    /// The documentation link changed, appeared or went away. Accepted.
    Docs,
}

impl ChangeKind {
    /// The severity when the policy does not say otherwise.
    pub const fn default_severity(self) -> Severity {
        match self {
            ChangeKind::Envelope
            | ChangeKind::Removed
            | ChangeKind::Status
            | ChangeKind::StatusClass
            | ChangeKind::PlaceholderRemoved
            | ChangeKind::FieldErrorsRemoved
            | ChangeKind::RetryAfterRemoved
            | ChangeKind::Challenge
            | ChangeKind::MetadataRemoved => Severity::Breaking,
            ChangeKind::Added
            | ChangeKind::PlaceholderAdded
            | ChangeKind::Message
            | ChangeKind::FieldErrorsAdded
            | ChangeKind::DetailsRemoved
            | ChangeKind::DetailsAdded
            | ChangeKind::RetryAfterAdded
            | ChangeKind::ChallengeAdded
            | ChangeKind::Variant
            | ChangeKind::Metadata
            | ChangeKind::Docs => Severity::Accepted,
        }
    }
}

/// Whether a change fails the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// Fails the check.
    Breaking,
    /// Reported, and accepted.
    Accepted,
}

/// Which changes break the contract: each [`ChangeKind`]'s default severity, with
/// overrides.
///
/// ```
/// use error_core::contract::{ChangeKind, Policy, Severity};
///
/// let aip_193 = Policy::new().treat(ChangeKind::Message, Severity::Breaking);
/// assert_eq!(aip_193.severity(ChangeKind::Message), Severity::Breaking);
/// assert_eq!(Policy::new().severity(ChangeKind::Message), Severity::Accepted);
/// assert_eq!(Policy::new().severity(ChangeKind::Removed), Severity::Breaking);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    overrides: Vec<(ChangeKind, Severity)>,
}

impl Policy {
    /// The defaults: the breaking changes of the issue that introduced the check (a code
    /// removed or renamed, a status changed, a placeholder removed, field errors or
    /// `Retry-After` no longer sent, a challenge changed) and a format change.
    pub fn new() -> Self {
        Policy::default()
    }

    /// Treats changes of `kind` as `severity`.
    pub fn treat(mut self, kind: ChangeKind, severity: Severity) -> Self {
        self.overrides.retain(|(known, _)| *known != kind);
        self.overrides.push((kind, severity));
        self
    }

    /// The severity of changes of `kind`.
    pub fn severity(&self, kind: ChangeKind) -> Severity {
        self.overrides
            .iter()
            .find(|(known, _)| *known == kind)
            .map_or(kind.default_severity(), |(_, severity)| *severity)
    }
}

/// One change between two snapshots.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// Its severity under the policy of the comparison.
    pub severity: Severity,
    /// The code concerned (empty for a format change).
    pub code: String,
    /// The variant, as [`Entry::path`] writes it (the new one where there is one).
    pub variant: String,
    /// What changed, in words: `status 404 -> 410`.
    pub description: String,
}

impl fmt::Display for Change {
    /// `breaking  lead/not-found (NotFound): status 404 -> 410`; a breaking change of
    /// status class is labelled `BREAKING`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match (self.severity, self.kind) {
            (Severity::Breaking, ChangeKind::StatusClass) => "BREAKING",
            (Severity::Breaking, _) => "breaking",
            (Severity::Accepted, _) => "accepted",
        };
        if self.code.is_empty() {
            write!(f, "{label}  {}", self.description)
        } else {
            write!(
                f,
                "{label}  {} ({}): {}",
                self.code, self.variant, self.description
            )
        }
    }
}

/// The changes from one snapshot to the next, old declaration order first, then the
/// additions in new declaration order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Every change.
    pub changes: Vec<Change>,
}

impl Report {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Whether a change is breaking.
    pub fn is_breaking(&self) -> bool {
        self.breaking().next().is_some()
    }

    /// The breaking changes.
    pub fn breaking(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|c| c.severity == Severity::Breaking)
    }

    /// `2 breaking changes, 1 accepted`.
    pub fn summary(&self) -> String {
        let breaking = self.breaking().count();
        let accepted = self.changes.len() - breaking;
        let plural = if breaking == 1 { "" } else { "s" };
        format!("{breaking} breaking change{plural}, {accepted} accepted")
    }
}

impl fmt::Display for Report {
    /// One change a line, indented by two spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for change in &self.changes {
            writeln!(f, "  {change}")?;
        }
        Ok(())
    }
}

/// What changed from `old` to `new`, each change classified by `policy`. Errors are
/// matched by code.
///
/// ```
/// use error_core::contract::{compare, Policy, Snapshot};
/// use error_core::ApiError;
///
/// mod v1 {
///     #[derive(error_core::ApiError)]
///     pub enum LeadError {
///         #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///         NotFound { id: u64 },
///     }
/// }
/// mod v2 {
///     #[derive(error_core::ApiError)]
///     pub enum LeadError {
///         #[api(status = 410, code = "lead/not-found", message = "Lead {id} is gone.")]
///         NotFound { id: u64 },
///     }
/// }
///
/// let report = compare(&Snapshot::of::<v1::LeadError>(), &Snapshot::of::<v2::LeadError>(), &Policy::new());
/// assert_eq!(
///     report.to_string(),
///     "  breaking  lead/not-found (NotFound): status 404 -> 410\n\
///      \x20 accepted  lead/not-found (NotFound): message \"Lead {id} was not found.\" -> \"Lead {id} is gone.\"\n"
/// );
/// ```
pub fn compare(old: &Snapshot, new: &Snapshot, policy: &Policy) -> Report {
    let mut changes = Vec::new();
    let mut push = |kind: ChangeKind, code: &str, variant: String, description: String| {
        changes.push(Change {
            kind,
            severity: policy.severity(kind),
            code: code.to_owned(),
            variant,
            description,
        });
    };
    if old.format != new.format {
        push(
            ChangeKind::Envelope,
            "",
            String::new(),
            format!(
                "format {} -> {}: every envelope changes shape",
                old.format, new.format
            ),
        );
    }

    // Pairs by code; a code declared twice (through two transparent enums) pairs in order.
    let mut matched = vec![false; new.errors.len()];
    for before in &old.errors {
        let found = new
            .errors
            .iter()
            .enumerate()
            .find(|(i, after)| !matched[*i] && after.code == before.code);
        let Some((index, after)) = found else {
            let renamed = new.errors.iter().find(|after| {
                after.variant == before.variant
                    && after.via == before.via
                    && !old.errors.iter().any(|e| e.code == after.code)
            });
            let description = match renamed {
                Some(after) => format!(
                    "removed; the variant now has code {}, a new code to clients",
                    after.code
                ),
                None => "removed".to_owned(),
            };
            push(
                ChangeKind::Removed,
                &before.code,
                before.path(),
                description,
            );
            continue;
        };
        matched[index] = true;
        for (kind, description) in entry_changes(before, after) {
            push(kind, &after.code, after.path(), description);
        }
    }
    for (after, _) in new.errors.iter().zip(&matched).filter(|(_, m)| !**m) {
        push(
            ChangeKind::Added,
            &after.code,
            after.path(),
            format!("added, status {}", after.status),
        );
    }
    Report { changes }
}

/// The changes of one error whose code stayed.
fn entry_changes(before: &Entry, after: &Entry) -> Vec<(ChangeKind, String)> {
    let mut changes = Vec::new();
    if before.status != after.status {
        let (was, is) = (before.status / 100, after.status / 100);
        if was != is && (was == 4 || was == 5) && (is == 4 || is == 5) {
            let became = if is == 5 {
                "a client error (4xx) became a server error (5xx)"
            } else {
                "a server error (5xx) became a client error (4xx)"
            };
            changes.push((
                ChangeKind::StatusClass,
                format!("status {} -> {}: {became}", before.status, after.status),
            ));
        } else {
            changes.push((
                ChangeKind::Status,
                format!("status {} -> {}", before.status, after.status),
            ));
        }
    }
    for name in before
        .placeholders
        .iter()
        .filter(|n| !after.placeholders.contains(n))
    {
        changes.push((
            ChangeKind::PlaceholderRemoved,
            format!("placeholder {{{name}}} removed"),
        ));
    }
    for name in after
        .placeholders
        .iter()
        .filter(|n| !before.placeholders.contains(n))
    {
        changes.push((
            ChangeKind::PlaceholderAdded,
            format!("placeholder {{{name}}} added"),
        ));
    }
    if before.message != after.message {
        changes.push((
            ChangeKind::Message,
            format!("message {:?} -> {:?}", before.message, after.message),
        ));
    }
    flag(
        &mut changes,
        (before.field_errors, after.field_errors),
        "field errors",
        ChangeKind::FieldErrorsRemoved,
        ChangeKind::FieldErrorsAdded,
    );
    flag(
        &mut changes,
        (before.details, after.details),
        "details",
        ChangeKind::DetailsRemoved,
        ChangeKind::DetailsAdded,
    );
    flag(
        &mut changes,
        (before.retry_after, after.retry_after),
        "Retry-After",
        ChangeKind::RetryAfterRemoved,
        ChangeKind::RetryAfterAdded,
    );
    match (&before.www_authenticate, &after.www_authenticate) {
        (Some(was), Some(is)) if was != is => changes.push((
            ChangeKind::Challenge,
            format!("WWW-Authenticate {was} -> {is}"),
        )),
        (Some(was), None) => changes.push((
            ChangeKind::Challenge,
            format!("WWW-Authenticate {was} no longer sent"),
        )),
        (None, Some(is)) => changes.push((
            ChangeKind::ChallengeAdded,
            format!("WWW-Authenticate {is} now sent"),
        )),
        _ => {}
    }
    for (key, was) in &before.metadata {
        match after.metadata.get(key) {
            None => changes.push((
                ChangeKind::MetadataRemoved,
                format!("metadata key `{key}` no longer declared"),
            )),
            Some(is) if is != was => changes.push((
                ChangeKind::Metadata,
                format!("metadata `{key}` {was:?} -> {is:?}"),
            )),
            Some(_) => {}
        }
    }
    for key in after.metadata.keys() {
        if !before.metadata.contains_key(key) {
            changes.push((
                ChangeKind::Metadata,
                format!("metadata key `{key}` now declared"),
            ));
        }
    }
    if before.docs != after.docs {
        let link = |docs: &Option<String>| docs.clone().unwrap_or_else(|| "none".to_owned());
        changes.push((
            ChangeKind::Docs,
            format!(
                "documentation {} -> {}",
                link(&before.docs),
                link(&after.docs)
            ),
        ));
    }
    if before.path() != after.path() {
        changes.push((
            ChangeKind::Variant,
            format!("variant {} -> {}", before.path(), after.path()),
        ));
    }
    changes
}

fn flag(
    changes: &mut Vec<(ChangeKind, String)>,
    (was, is): (bool, bool),
    what: &str,
    removed: ChangeKind,
    added: ChangeKind,
) {
    match (was, is) {
        (true, false) => changes.push((removed, format!("{what} no longer sent"))),
        (false, true) => changes.push((added, format!("{what} now sent"))),
        _ => {}
    }
}
