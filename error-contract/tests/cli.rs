//! The `error-contract` command, run on the snapshot files in `tests/fixtures`.

use std::process::Command;

/// Runs the command in `tests/fixtures`: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_error-contract"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn services_with_one_code_two_meanings_fail_naming_both() {
    let (code, stdout, stderr) = run(&["services", "leads.json", "billing.json", "search.json"]);
    assert_eq!(
        stdout,
        "\
code validation_error has different meanings in different services:
  leads    LeadError::Validation: status 422, no placeholders
  billing  BillingError::Invalid: status 400, no placeholders
  search   SearchError::BadQuery: status 422, no placeholders
code lead/not-found has different meanings in different services:
  leads    LeadError::NotFound: status 404, placeholders {id}
  billing  BillingError::UnknownLead: status 404, placeholders {lead}
2 codes with different meanings: give each meaning its own code
"
    );
    assert_eq!((code, stderr.as_str()), (1, ""));
}

#[test]
fn services_that_agree_pass() {
    // `rate_limited` and `validation_error` are shared with one meaning; wording differs.
    let (code, stdout, _) = run(&["services", "leads-api=leads.json", "search.json"]);
    assert_eq!(
        stdout,
        "2 services, 6 errors: every shared code means the same everywhere\n"
    );
    assert_eq!(code, 0);
}

#[test]
fn diff_fails_on_a_breaking_change() {
    let (code, stdout, _) = run(&["diff", "leads.json", "leads-v2.json"]);
    assert_eq!(
        stdout,
        "\
leads.json -> leads-v2.json: 1 breaking change, 2 accepted
  BREAKING  lead/not-found (NotFound): status 404 -> 500: a client error (4xx) became a server error (5xx)
  accepted  lead/not-found (NotFound): message \"Lead {id} was not found.\" -> \"Lead {id} could not be loaded.\"
  accepted  rate_limited (RateLimited): message \"Too many requests.\" -> \"Too many requests. Slow down.\"
"
    );
    assert_eq!(code, 1);
}

#[test]
fn diff_accepts_wording_unless_strict() {
    let (code, stdout, _) = run(&["diff", "leads.json", "leads-v3.json"]);
    assert_eq!(
        stdout,
        "\
leads.json -> leads-v3.json: 0 breaking changes, 1 accepted
  accepted  rate_limited (RateLimited): message \"Too many requests.\" -> \"Too many requests. Slow down.\"
"
    );
    assert_eq!(code, 0);

    let (code, stdout, _) = run(&["diff", "--strict-messages", "leads.json", "leads-v3.json"]);
    assert_eq!(
        stdout,
        "\
leads.json -> leads-v3.json: 1 breaking change, 0 accepted
  breaking  rate_limited (RateLimited): message \"Too many requests.\" -> \"Too many requests. Slow down.\"
"
    );
    assert_eq!(code, 1);

    let (code, stdout, _) = run(&["diff", "leads.json", "leads.json"]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "leads.json -> leads.json: no change\n")
    );
}

#[test]
fn typescript_and_schema_print_to_stdout() {
    let (code, stdout, _) = run(&["typescript", "leads.json"]);
    assert_eq!(code, 0);
    assert!(stdout.contains(
        "  /** 401 auth/missing-api-key: Authentication required. (Auth::MissingApiKey) */\n  \
         interface AuthMissingApiKey {\n"
    ));
    let (code, stdout, _) = run(&["schema", "problem"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(schema["title"], "ProblemDetails");
}

#[test]
fn usage_and_reading_errors_exit_with_2() {
    let (code, stdout, stderr) = run(&["services", "leads.json", "missing.json"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("error-contract: missing.json: "),
        "{stderr}"
    );

    let (code, _, stderr) = run(&["schema", "xml"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error-contract: unknown format `xml`; expected one of flat, nested, laravel, compact, problem, aip, jsonapi, microsoft\n"
    );

    let (code, _, stderr) = run(&["services", "leads.json"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("error-contract: services needs two snapshots or more\nusage:\n"));

    let (code, _, stderr) = run(&["diff", "--color", "leads.json", "leads.json"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("error-contract: unknown flag --color\n"));
}
