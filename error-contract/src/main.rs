//! `error-contract`: the catalogue checks that need no service's build, on snapshot files
//! written by `error_core::contract` (`Snapshot::to_json`, `assert_compatible`).
//!
//! ```text
//! error-contract services [NAME=]SNAPSHOT...   a code used by two services with different meanings fails
//! error-contract diff OLD NEW [--strict-messages]  breaking changes from OLD to NEW fail
//! error-contract typescript SNAPSHOT           the TypeScript declarations, on stdout
//! error-contract schema FORMAT                 the JSON Schema of an envelope format, on stdout
//! ```
//!
//! Exit status: 0 when the check passes, 1 when it fails, 2 on a usage or reading error.

use std::path::Path;
use std::process::ExitCode;

use error_core::contract::{
    compare, conflicts, json_schema, typescript, ChangeKind, Policy, Severity, Snapshot,
};
use error_core::format::Builtin;

const USAGE: &str = "usage:
  error-contract services [NAME=]SNAPSHOT...       fail on a code two services use with different meanings
  error-contract diff OLD NEW [--strict-messages]  fail on a breaking change from OLD to NEW
  error-contract typescript SNAPSHOT               print the TypeScript declarations
  error-contract schema FORMAT                     print the JSON Schema of flat, nested, laravel, compact or problem
A service's NAME is the file's stem unless given.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("services") => services(&args[1..]),
        Some("diff") => diff(&args[1..]),
        Some("typescript") => match &args[1..] {
            [path] => read(path).map(|s| {
                print!("{}", typescript(&s));
                true
            }),
            _ => Err(USAGE.to_owned()),
        },
        Some("schema") => match &args[1..] {
            [name] => name
                .parse::<Builtin>()
                .map_err(|e| e.to_string())
                .map(|format| {
                    let schema = json_schema(format);
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&schema).unwrap_or_default()
                    );
                    true
                }),
            _ => Err(USAGE.to_owned()),
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(true)
        }
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("error-contract: {message}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<Snapshot, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Snapshot::from_json(&text).map_err(|e| format!("{path}: {e}"))
}

/// `[NAME=]SNAPSHOT...`: every pair of services agrees on the meaning of shared codes.
fn services(args: &[String]) -> Result<bool, String> {
    if args.len() < 2 {
        return Err(format!("services needs two snapshots or more\n{USAGE}"));
    }
    let mut loaded = Vec::new();
    for arg in args {
        let (name, path) = match arg.split_once('=') {
            Some((name, path)) if !name.is_empty() => (name.to_owned(), path),
            _ => {
                let stem = Path::new(arg)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| arg.clone());
                (stem, arg.as_str())
            }
        };
        loaded.push((name, read(path)?));
    }
    let found = conflicts(&loaded);
    let codes: usize = loaded.iter().map(|(_, s)| s.errors.len()).sum();
    if found.is_empty() {
        println!(
            "{} services, {codes} errors: every shared code means the same everywhere",
            loaded.len()
        );
        return Ok(true);
    }
    for conflict in &found {
        print!("{conflict}");
    }
    let plural = if found.len() == 1 { "" } else { "s" };
    println!(
        "{} code{plural} with different meanings: give each meaning its own code",
        found.len()
    );
    Ok(false)
}

/// `OLD NEW [--strict-messages]`: the compatibility check between two files.
fn diff(args: &[String]) -> Result<bool, String> {
    let (paths, flags): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|a| !a.starts_with("--"));
    let mut policy = Policy::new();
    for flag in flags {
        match flag.as_str() {
            "--strict-messages" => policy = policy.treat(ChangeKind::Message, Severity::Breaking),
            other => return Err(format!("unknown flag {other}\n{USAGE}")),
        }
    }
    let [old, new] = paths[..] else {
        return Err(format!("diff needs two snapshots\n{USAGE}"));
    };
    let report = compare(&read(old)?, &read(new)?, &policy);
    if report.is_empty() {
        println!("{old} -> {new}: no change");
        return Ok(true);
    }
    print!("{old} -> {new}: {}\n{report}", report.summary());
    Ok(!report.is_breaking())
}
