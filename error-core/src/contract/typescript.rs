//! TypeScript declarations for the client side.

use std::fmt::Write;

use super::snapshot::{Entry, Snapshot};

/// A TypeScript declaration file (`.d.ts`) for the errors of `snapshot`: a discriminated
/// union on `code`, one interface per error with its status as a literal type, the
/// values of its message's placeholders, and its field errors, details and `Retry-After`
/// where it has them.
///
/// The members describe an error as a client reads it back from any envelope (the fields
/// of `error_core::client::RemoteError`): switch on `code`, and the compiler knows the
/// status and which fields are there.
///
/// ```
/// use error_core::contract::{typescript, Snapshot};
///
/// #[derive(error_core::ApiError)]
/// enum LeadError {
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let ts = typescript(&Snapshot::of::<LeadError>());
/// assert!(ts.contains("export type LeadError =\n  | LeadError.NotFound;\n"));
/// assert!(ts.contains("    readonly code: \"lead/not-found\";\n    readonly status: 404;\n"));
/// assert!(ts.contains("    readonly placeholders: { readonly \"id\": string };\n"));
/// ```
pub fn typescript(snapshot: &Snapshot) -> String {
    let name = identifier(&snapshot.name);
    let members = member_names(&snapshot.errors);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// The errors of {name}, generated from its catalogue snapshot by error-core; do not edit.\n\
         // Envelope format: {}.\n",
        comment(&snapshot.format)
    );
    out.push_str(
        "/** One invalid field of a request. */\n\
         export interface FieldError {\n  \
         /** The field's path, dotted: `leads.0.phone`. */\n  \
         readonly path: string;\n  \
         /** What is wrong with it. */\n  \
         readonly message: string;\n  \
         /** The field error's code, where the format carries one. */\n  \
         readonly code?: string;\n\
         }\n\n",
    );
    let _ = writeln!(out, "/** Every error of {name}, told apart by `code`. */");
    let _ = write!(out, "export type {name} =");
    if members.is_empty() {
        out.push_str(" never");
    }
    for member in &members {
        let _ = write!(out, "\n  | {name}.{member}");
    }
    out.push_str(";\n\n");
    let _ = writeln!(out, "/** The codes of {name}. */");
    let _ = writeln!(out, "export type {name}Code = {name}[\"code\"];\n");
    let _ = writeln!(out, "export declare namespace {name} {{");
    for (i, (entry, member)) in snapshot.errors.iter().zip(&members).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "  /** {} {}: {} ({}) */",
            entry.status,
            comment(&entry.code),
            comment(&entry.message),
            comment(&entry.path())
        );
        let _ = writeln!(out, "  interface {member} {{");
        let _ = writeln!(out, "    readonly code: {};", string(&entry.code));
        let _ = writeln!(out, "    readonly status: {};", entry.status);
        out.push_str("    readonly message: string;\n");
        if !entry.placeholders.is_empty() {
            let fields: Vec<String> = entry
                .placeholders
                .iter()
                .map(|p| format!("readonly {}: string", string(p)))
                .collect();
            let _ = writeln!(
                out,
                "    readonly placeholders: {{ {} }};",
                fields.join("; ")
            );
        }
        if entry.field_errors {
            out.push_str("    readonly fieldErrors: readonly FieldError[];\n");
        }
        if entry.details {
            out.push_str("    readonly details: unknown;\n");
        }
        if entry.retry_after {
            out.push_str("    /** Seconds to wait before retrying, from `Retry-After`. */\n");
            out.push_str("    readonly retryAfter?: number;\n");
        }
        if let Some(challenge) = &entry.www_authenticate {
            let _ = writeln!(out, "    readonly wwwAuthenticate: {};", string(challenge));
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

/// One interface name per entry: its variant path in PascalCase, made unique.
fn member_names(errors: &[Entry]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for entry in errors {
        let mut base = String::new();
        for part in entry.via.iter().chain([&entry.variant]) {
            base.push_str(&identifier(part));
        }
        let mut name = base.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        names.push(name);
    }
    names
}

/// A TypeScript identifier from a Rust one: capitalized (no TypeScript keyword is), other
/// characters than ASCII letters, digits and `_` dropped.
fn identifier(name: &str) -> String {
    let mut out: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$')
        .collect();
    match out.chars().next() {
        None => out.push_str("Error"),
        Some(c) if c.is_ascii_digit() => out.insert(0, '_'),
        Some(c) => {
            let upper = c.to_ascii_uppercase();
            out.replace_range(..c.len_utf8(), upper.encode_utf8(&mut [0; 4]));
        }
    }
    out
}

/// A string literal: JSON's escaping is valid TypeScript.
fn string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// Text safe inside a `/** */` comment.
fn comment(text: &str) -> String {
    text.replace("*/", "*\\/").replace(['\n', '\r'], " ")
}
