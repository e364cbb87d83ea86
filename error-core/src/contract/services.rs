//! Across services: one code, one meaning.

use std::fmt;

use super::snapshot::Snapshot;

/// A code that two or more services use with different meanings: a different status or
/// different placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Conflict {
    /// The code.
    pub code: String,
    /// Every use of the code, in the order the services were given.
    pub uses: Vec<Use>,
}

/// One service's use of a code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Use {
    /// The service's name.
    pub service: String,
    /// `LeadError::NotFound` (with the transparent variants it comes through).
    pub variant: String,
    /// The status.
    pub status: u16,
    /// The placeholders, sorted.
    pub placeholders: Vec<String>,
}

impl Use {
    fn meaning(&self) -> (u16, &[String]) {
        (self.status, &self.placeholders)
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "code {} has different meanings in different services:",
            self.code
        )?;
        let width = self.uses.iter().map(|u| u.service.len()).max().unwrap_or(0);
        for used in &self.uses {
            let placeholders = if used.placeholders.is_empty() {
                "no placeholders".to_owned()
            } else {
                let names: Vec<String> = used
                    .placeholders
                    .iter()
                    .map(|p| format!("{{{p}}}"))
                    .collect();
                format!("placeholders {}", names.join(", "))
            };
            writeln!(
                f,
                "  {:width$}  {}: status {}, {placeholders}",
                used.service, used.variant, used.status
            )?;
        }
        Ok(())
    }
}

/// The codes that `services` (each a name and its snapshot) use with different meanings,
/// in order of first use. A code used twice with one meaning (the same status and
/// placeholders, whatever the wording) is not a conflict.
///
/// ```
/// use error_core::contract::{conflicts, Snapshot};
///
/// mod leads {
///     #[derive(error_core::ApiError)]
///     pub enum LeadError {
///         #[api(status = 404, message = "Lead {id} was not found.")]
///         NotFound { id: u64 },
///     }
/// }
/// mod billing {
///     #[derive(error_core::ApiError)]
///     pub enum BillingError {
///         #[api(status = 410, code = "not_found", message = "Gone.")]
///         Missing,
///     }
/// }
///
/// let found = conflicts(&[
///     ("leads", Snapshot::of::<leads::LeadError>()),
///     ("billing", Snapshot::of::<billing::BillingError>()),
/// ]);
/// assert_eq!(
///     found[0].to_string(),
///     "code not_found has different meanings in different services:\n  \
///      leads    LeadError::NotFound: status 404, placeholders {id}\n  \
///      billing  BillingError::Missing: status 410, no placeholders\n"
/// );
/// ```
pub fn conflicts<S: AsRef<str>>(services: &[(S, Snapshot)]) -> Vec<Conflict> {
    let mut by_code: Vec<Conflict> = Vec::new();
    for (service, snapshot) in services {
        for entry in &snapshot.errors {
            let mut placeholders = entry.placeholders.clone();
            placeholders.sort();
            let used = Use {
                service: service.as_ref().to_owned(),
                variant: format!("{}::{}", snapshot.name, entry.path()),
                status: entry.status,
                placeholders,
            };
            match by_code.iter_mut().find(|c| c.code == entry.code) {
                Some(conflict) => conflict.uses.push(used),
                None => by_code.push(Conflict {
                    code: entry.code.clone(),
                    uses: vec![used],
                }),
            }
        }
    }
    by_code.retain(|conflict| {
        conflict
            .uses
            .split_first()
            .is_some_and(|(first, rest)| rest.iter().any(|u| u.meaning() != first.meaning()))
    });
    by_code
}
