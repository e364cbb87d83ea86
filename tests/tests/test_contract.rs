//! The catalogue as a contract: snapshots, the compatibility check (exact failure diffs),
//! older snapshots, conflicts across services, the example catalogues' checked-in
//! snapshots, the TypeScript declarations (type-checked by tsc) and the envelopes' JSON
//! Schemas (validated by Ajv).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use error_core::contract::{
    assert_compatible, compare, conflicts, json_schema, typescript, ChangeKind, Contract, Failure,
    Mode, Outcome, Policy, ReadError, Severity, Snapshot,
};
use error_core::format::Builtin;
use error_core::{ApiError, FieldError, FieldErrors, RenderContext, Timestamp};
use error_examples::catalogues::{leadey, leadron, leo, wedocod};

// The snapshot list of the `catalogue` binary, so that the check covers what it writes.
#[path = "../../error-examples/src/bin/catalogue.rs"]
#[allow(dead_code)]
mod catalogue;

/// The Leads API's errors as released.
// Only the catalogue is used.
#[allow(dead_code)]
mod v1 {
    use error_core::{ApiError, FieldErrors};

    #[derive(ApiError)]
    #[api(format = error_core::format::Flat)]
    pub enum LeadError {
        #[api(status = 422, code = "validation_error", message = "Validation failed")]
        Validation(#[api(fields)] FieldErrors),
        #[api(
            status = 404,
            code = "lead/not-found",
            message = "Lead {id} was not found."
        )]
        NotFound { id: u64 },
        #[api(
            status = 403,
            code = "auth/read-only-key",
            message = "This API key can only read."
        )]
        ReadOnlyKey,
        #[api(
            status = 401,
            code = "auth/missing-api-key",
            message = "Authentication required.",
            www_authenticate = "ApiKey"
        )]
        MissingApiKey,
        #[api(
            status = 409,
            code = "lead/duplicate-email",
            message = "A lead with the email {email} already exists."
        )]
        DuplicateEmail { email: String },
        #[api(
            status = 402,
            code = "billing/no-credits",
            message = "No credits left."
        )]
        NoCredits,
        #[api(status = 429, code = "rate_limited", message = "Too many requests.")]
        RateLimited {
            #[api(retry_after)]
            retry_after: u64,
        },
    }
}

/// The next release: every kind of change at once.
// Only the catalogue is used.
#[allow(dead_code)]
mod v2 {
    use error_core::ApiError;

    #[derive(ApiError)]
    #[api(format = error_core::format::Flat)]
    pub enum LeadError {
        // Field errors are no longer sent.
        #[api(status = 422, code = "validation_error", message = "Validation failed")]
        Validation,
        // 404 -> 410.
        #[api(
            status = 410,
            code = "lead/not-found",
            message = "Lead {id} was not found."
        )]
        NotFound { id: u64 },
        // 403 -> 500: a client error became a server error.
        #[api(
            status = 500,
            code = "auth/read-only-key",
            message = "This API key can only read."
        )]
        ReadOnlyKey,
        // Another challenge.
        #[api(
            status = 401,
            code = "auth/missing-api-key",
            message = "Authentication required.",
            www_authenticate = "Bearer"
        )]
        MissingApiKey,
        // The placeholder left the message.
        #[api(
            status = 409,
            code = "lead/duplicate-email",
            message = "A lead with this email already exists."
        )]
        DuplicateEmail { email: String },
        // Renamed code.
        #[api(
            status = 402,
            code = "billing/out-of-credits",
            message = "No credits left."
        )]
        NoCredits,
        // No more Retry-After, and new wording.
        #[api(
            status = 429,
            code = "rate_limited",
            message = "Too many requests. Slow down."
        )]
        RateLimited,
        // New.
        #[api(
            status = 410,
            code = "lead/archived",
            message = "Lead {id} is archived."
        )]
        Archived { id: u64 },
    }
}

/// A compatible release: new wording, a new error.
// Only the catalogue is used.
#[allow(dead_code)]
mod v3 {
    use error_core::{ApiError, FieldErrors};

    #[derive(ApiError)]
    #[api(format = error_core::format::Flat)]
    pub enum LeadError {
        #[api(
            status = 422,
            code = "validation_error",
            message = "Validation failed."
        )]
        Validation(#[api(fields)] FieldErrors),
        #[api(
            status = 404,
            code = "lead/not-found",
            message = "Lead {id} was not found."
        )]
        NotFound { id: u64 },
        #[api(
            status = 403,
            code = "auth/read-only-key",
            message = "This API key can only read."
        )]
        ReadOnlyKey,
        #[api(
            status = 401,
            code = "auth/missing-api-key",
            message = "Authentication required.",
            www_authenticate = "ApiKey"
        )]
        MissingApiKey,
        #[api(
            status = 409,
            code = "lead/duplicate-email",
            message = "A lead with the email {email} already exists."
        )]
        DuplicateEmail { email: String },
        #[api(
            status = 402,
            code = "billing/no-credits",
            message = "No credits left."
        )]
        NoCredits,
        #[api(status = 429, code = "rate_limited", message = "Too many requests.")]
        RateLimited {
            #[api(retry_after)]
            retry_after: u64,
        },
        #[api(
            status = 410,
            code = "lead/archived",
            message = "Lead {id} is archived."
        )]
        Archived { id: u64 },
    }
}

/// A fresh, empty directory for one test. The tests on these pin their `Mode`, so that
/// `ERROR_CONTRACT=overwrite` (updating the example snapshots) leaves them as they are.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("error-contract-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const BREAKING_DIFF: &str = "\
the error catalogue of LeadError breaks its contract in SNAPSHOT: 7 breaking changes, 4 accepted
  breaking  validation_error (Validation): field errors no longer sent
  breaking  lead/not-found (NotFound): status 404 -> 410
  BREAKING  auth/read-only-key (ReadOnlyKey): status 403 -> 500: a client error (4xx) became a server error (5xx)
  breaking  auth/missing-api-key (MissingApiKey): WWW-Authenticate ApiKey -> Bearer
  breaking  lead/duplicate-email (DuplicateEmail): placeholder {email} removed
  accepted  lead/duplicate-email (DuplicateEmail): message \"A lead with the email {email} already exists.\" -> \"A lead with this email already exists.\"
  breaking  billing/no-credits (NoCredits): removed; the variant now has code billing/out-of-credits, a new code to clients
  accepted  rate_limited (RateLimited): message \"Too many requests.\" -> \"Too many requests. Slow down.\"
  breaking  rate_limited (RateLimited): Retry-After no longer sent
  accepted  billing/out-of-credits (NoCredits): added, status 402
  accepted  lead/archived (Archived): added, status 410
If clients can take these changes, update the snapshot: rerun with ERROR_CONTRACT=overwrite, then review and commit SNAPSHOT.";

#[test]
fn a_changed_catalogue_fails_with_the_diff() {
    let path = scratch("breaking").join("contracts/lead-error.json");
    let released = Contract::new(&path).mode(Mode::Auto);
    assert_eq!(released.check::<v1::LeadError>().unwrap(), Outcome::Written);
    assert_eq!(
        released.check::<v1::LeadError>().unwrap(),
        Outcome::Unchanged
    );

    let failure = Contract::new(&path)
        .mode(Mode::Check)
        .check::<v2::LeadError>()
        .unwrap_err();
    let shown = failure
        .to_string()
        .replace(&path.display().to_string(), "SNAPSHOT");
    assert_eq!(shown, BREAKING_DIFF);

    // The assertion panics with the same text, and leaves the snapshot alone.
    let panic = std::panic::catch_unwind(|| {
        Contract::new(&path)
            .mode(Mode::Auto)
            .assert::<v2::LeadError>()
    })
    .unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert_eq!(
        message.replace(&path.display().to_string(), "SNAPSHOT"),
        BREAKING_DIFF
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        Snapshot::of::<v1::LeadError>().to_json()
    );

    // The explicit update writes the new catalogue and reports what it accepted.
    let Outcome::Overwritten(report) = Contract::new(&path)
        .mode(Mode::Overwrite)
        .check::<v2::LeadError>()
        .unwrap()
    else {
        panic!("expected an overwrite")
    };
    assert_eq!(report.summary(), "7 breaking changes, 4 accepted");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        Snapshot::of::<v2::LeadError>().to_json()
    );
    assert_eq!(
        Contract::new(&path)
            .mode(Mode::Auto)
            .check::<v2::LeadError>()
            .unwrap(),
        Outcome::Unchanged
    );
}

#[test]
fn additions_and_wording_are_reported_and_accepted() {
    let path = scratch("compatible").join("lead-error.json");
    std::fs::write(&path, Snapshot::of::<v1::LeadError>().to_json()).unwrap();

    let Outcome::Compatible(report) = Contract::new(&path)
        .mode(Mode::Auto)
        .check::<v3::LeadError>()
        .unwrap()
    else {
        panic!("expected accepted changes")
    };
    assert_eq!(
        report.to_string(),
        "  accepted  validation_error (Validation): message \"Validation failed\" -> \"Validation failed.\"\n  \
         accepted  lead/archived (Archived): added, status 410\n"
    );
    // A compatible change leaves the snapshot as it was.
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        Snapshot::of::<v1::LeadError>().to_json()
    );

    // AIP-193's policy: the wording is part of the contract.
    let strict = Policy::new().treat(ChangeKind::Message, Severity::Breaking);
    let failure = Contract::new(&path)
        .mode(Mode::Auto)
        .policy(strict)
        .check::<v3::LeadError>()
        .unwrap_err();
    assert_eq!(
        failure.to_string().replace(&path.display().to_string(), "SNAPSHOT"),
        "the error catalogue of LeadError breaks its contract in SNAPSHOT: 1 breaking change, 1 accepted\n  \
         breaking  validation_error (Validation): message \"Validation failed\" -> \"Validation failed.\"\n  \
         accepted  lead/archived (Archived): added, status 410\n\
         If clients can take these changes, update the snapshot: rerun with ERROR_CONTRACT=overwrite, \
         then review and commit SNAPSHOT."
    );

    // A class change can be demoted too: the policy decides, the label follows.
    let lenient = Policy::new()
        .treat(ChangeKind::StatusClass, Severity::Accepted)
        .treat(ChangeKind::Envelope, Severity::Accepted);
    assert_eq!(
        lenient.severity(ChangeKind::StatusClass),
        Severity::Accepted
    );
}

#[test]
fn a_missing_snapshot_fails_in_check_mode() {
    let path = scratch("missing").join("none.json");
    let failure = Contract::new(&path)
        .mode(Mode::Check)
        .check::<v1::LeadError>()
        .unwrap_err();
    assert!(matches!(failure, Failure::Missing(_)));
    assert_eq!(
        failure.to_string(),
        format!(
            "no snapshot at {}; with ERROR_CONTRACT=check none is written: run the test once \
             without it and commit the file",
            path.display()
        )
    );
    assert!(!path.exists());
}

#[test]
fn a_format_change_is_breaking() {
    #[allow(dead_code)]
    #[derive(ApiError)]
    #[api(format = error_core::format::Problem)]
    enum LeadError {
        #[api(
            status = 404,
            code = "lead/not-found",
            message = "Lead {id} was not found."
        )]
        NotFound { id: u64 },
    }
    #[allow(dead_code)]
    #[derive(ApiError)]
    #[api(format = error_core::format::Nested)]
    enum Renamed {
        #[api(
            status = 404,
            code = "lead/not-found",
            message = "Lead {id} was not found."
        )]
        Missing { id: u64 },
    }
    let report = compare(
        &Snapshot::of::<LeadError>(),
        &Snapshot::of::<Renamed>(),
        &Policy::new(),
    );
    assert_eq!(
        report.to_string(),
        "  breaking  format problem -> nested: every envelope changes shape\n  \
         accepted  lead/not-found (Missing): variant NotFound -> Missing\n"
    );
}

// Only the catalogues of these enums are used.
#[allow(dead_code)]
mod composed {
    use error_core::{ApiError, FieldErrors};

    #[derive(ApiError)]
    #[api(www_authenticate = "Bearer")]
    pub enum AuthError {
        #[api(
            status = 401,
            code = "auth/missing-token",
            message = "Authentication required."
        )]
        MissingToken,
        #[api(
            status = 429,
            code = "auth/too-many-attempts",
            message = "Wait {seconds}s."
        )]
        TooManyAttempts {
            seconds: u64,
            #[api(retry_after)]
            retry_after: u64,
        },
    }

    #[derive(ApiError)]
    pub enum AppError {
        #[api(transparent)]
        Auth(AuthError),
        #[api(
            status = 422,
            code = "invalid",
            message = "Invalid {{input}}: {what:?}."
        )]
        Invalid {
            what: String,
            #[api(fields)]
            fields: FieldErrors,
        },
        #[api(status = 409, code = "conflict", message = "Conflict.")]
        Conflict(#[api(details)] Vec<u64>),
    }
}

const APP_ERROR_SNAPSHOT: &str = r#"{
  "schema_version": 1,
  "name": "AppError",
  "format": "problem",
  "errors": [
    {
      "code": "auth/missing-token",
      "status": 401,
      "variant": "MissingToken",
      "via": [
        "Auth"
      ],
      "message": "Authentication required.",
      "placeholders": [],
      "field_errors": false,
      "details": false,
      "retry_after": false,
      "www_authenticate": "Bearer"
    },
    {
      "code": "auth/too-many-attempts",
      "status": 429,
      "variant": "TooManyAttempts",
      "via": [
        "Auth"
      ],
      "message": "Wait {seconds}s.",
      "placeholders": [
        "seconds"
      ],
      "field_errors": false,
      "details": false,
      "retry_after": true,
      "www_authenticate": null
    },
    {
      "code": "invalid",
      "status": 422,
      "variant": "Invalid",
      "via": [],
      "message": "Invalid {{input}}: {what:?}.",
      "placeholders": [
        "what"
      ],
      "field_errors": true,
      "details": false,
      "retry_after": false,
      "www_authenticate": null
    },
    {
      "code": "conflict",
      "status": 409,
      "variant": "Conflict",
      "via": [],
      "message": "Conflict.",
      "placeholders": [],
      "field_errors": false,
      "details": true,
      "retry_after": false,
      "www_authenticate": null
    }
  ]
}
"#;

#[test]
fn the_snapshot_has_every_part_of_each_entry() {
    assert_eq!(
        Snapshot::of::<composed::AppError>().to_json(),
        APP_ERROR_SNAPSHOT
    );
}

fn data(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/contract")
        .join(file)
}

/// `tests/data/contract/v1-app-error.json` was written by the first schema version and is
/// never regenerated: every later version must still read it.
#[test]
fn a_version_1_snapshot_still_reads() {
    let text = std::fs::read_to_string(data("v1-app-error.json")).unwrap();
    let old = Snapshot::from_json(&text).unwrap();
    assert_eq!(old.schema_version, 1);
    assert_eq!(old.name, "AppError");
    assert_eq!(old.format, "problem");
    let codes: Vec<(&str, u16, String)> = old
        .errors
        .iter()
        .map(|e| (e.code.as_str(), e.status, e.path()))
        .collect();
    assert_eq!(
        codes,
        [
            ("auth/missing-token", 401, "Auth::MissingToken".to_owned()),
            (
                "auth/too-many-attempts",
                429,
                "Auth::TooManyAttempts".to_owned()
            ),
            ("invalid", 422, "Invalid".to_owned()),
            ("conflict", 409, "Conflict".to_owned()),
        ]
    );
    assert_eq!(old.errors[1].placeholders, ["seconds"]);
    assert!(old.errors[1].retry_after);
    assert!(old.errors[2].field_errors);
    assert!(old.errors[3].details);
    assert_eq!(old.errors[0].www_authenticate.as_deref(), Some("Bearer"));
    // The catalogue has not changed since.
    assert!(compare(&old, &Snapshot::of::<composed::AppError>(), &Policy::new()).is_empty());
}

#[test]
fn unreadable_snapshots_say_why() {
    assert_eq!(
        Snapshot::from_json(r#"{"schema_version": 2, "errors": "whatever"}"#),
        Err(ReadError::Newer(2))
    );
    assert_eq!(
        Snapshot::from_json(r#"{"openapi": "3.1.0"}"#),
        Err(ReadError::NotASnapshot)
    );
    let path = scratch("unreadable").join("broken.json");
    std::fs::write(&path, r#"{"schema_version": 1, "name": "E"}"#).unwrap();
    let failure = Contract::new(&path)
        .mode(Mode::Auto)
        .check::<v1::LeadError>()
        .unwrap_err();
    assert_eq!(
        failure.to_string(),
        format!(
            "{}: the snapshot is not valid: missing field `format` at line 1 column 34",
            path.display()
        )
    );
}

#[test]
fn codes_with_two_meanings_across_services_are_conflicts() {
    #[allow(dead_code)]
    mod billing {
        use error_core::ApiError;

        #[derive(ApiError)]
        pub enum BillingError {
            #[api(status = 402, code = "billing/no-credits", message = "No credits.")]
            NoCredits,
            // Same code as the Leads API, another status.
            #[api(status = 404, code = "auth/read-only-key", message = "Read-only.")]
            ReadOnly,
            // Same status, other placeholders.
            #[api(
                status = 404,
                code = "lead/not-found",
                message = "Lead {lead} is unknown."
            )]
            UnknownLead { lead: u64 },
            // Same meaning, other wording: no conflict.
            #[api(status = 429, code = "rate_limited", message = "Slow down.")]
            RateLimited,
        }
    }
    let found = conflicts(&[
        ("leads", Snapshot::of::<v1::LeadError>()),
        ("billing", Snapshot::of::<billing::BillingError>()),
    ]);
    let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "code lead/not-found has different meanings in different services:\n  \
             leads    LeadError::NotFound: status 404, placeholders {id}\n  \
             billing  BillingError::UnknownLead: status 404, placeholders {lead}\n",
            "code auth/read-only-key has different meanings in different services:\n  \
             leads    LeadError::ReadOnlyKey: status 403, no placeholders\n  \
             billing  BillingError::ReadOnly: status 404, no placeholders\n",
        ]
    );
}

fn contracts_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../error-examples/contracts")
}

/// The suite's own contract check, as a service would write it.
#[test]
fn the_leads_api_keeps_its_contract() {
    assert_compatible::<error_examples::service::LeadError>(
        "../error-examples/contracts/lead-error.json",
    );
}

#[test]
fn the_example_catalogues_keep_their_contracts() {
    let mut files = Vec::new();
    for (file, snapshot) in catalogue::snapshots() {
        let path = contracts_dir().join(file);
        if let Err(failure) = Contract::new(&path).check_snapshot(&snapshot) {
            panic!("{failure}");
        }
        files.push(file.to_owned());
    }
    // Every checked-in snapshot belongs to a catalogue.
    let mut checked_in: Vec<String> = std::fs::read_dir(contracts_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    checked_in.sort();
    files.sort();
    assert_eq!(checked_in, files);
}

// --- The client side: TypeScript and JSON Schema, checked by the real tools. ---

fn ts_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ts")
}

/// `tests/ts/node_modules`, installed from the lock file on first use.
fn node_tools() -> PathBuf {
    static INSTALL: Mutex<()> = Mutex::new(());
    let _guard = INSTALL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let dir = ts_dir();
    let marker = dir.join("node_modules/.bin/tsc");
    let ajv = dir.join("node_modules/ajv-formats/package.json");
    if !marker.exists() || !ajv.exists() {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .status()
            .expect("npm must be installed to type-check the generated TypeScript");
        assert!(status.success(), "npm ci in {} failed", dir.display());
    }
    dir
}

fn run(dir: &Path, program: &str, args: &[&str]) -> (bool, String) {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

#[test]
fn typescript_declarations_are_exact() {
    #[derive(ApiError)]
    #[api(format = error_core::format::Compact)]
    enum QuotaError {
        #[api(
            status = 400,
            code = "bad_request",
            message = "Bad {0} ({1:>3}), {{0}}."
        )]
        BadRequest(String, u32, #[api(details)] Vec<u8>),
        #[api(status = 401, message = "Who are you?", www_authenticate = "ApiKey")]
        Unauthorized,
        #[api(status = 429, code = "quota/exceeded", message = "Quota */ exceeded.")]
        Exceeded {
            #[api(retry_after)]
            wait: u64,
        },
    }
    let _ = QuotaError::BadRequest(String::new(), 0, Vec::new()).code();
    let _ = QuotaError::Exceeded { wait: 1 }.code();
    let _ = QuotaError::Unauthorized.code();
    let ts = typescript(&Snapshot::of::<QuotaError>());
    let expected = r#"// The errors of QuotaError, generated from its catalogue snapshot by error-core; do not edit.
// Envelope format: compact.

/** One invalid field of a request. */
export interface FieldError {
  /** The field's path, dotted: `leads.0.phone`. */
  readonly path: string;
  /** What is wrong with it. */
  readonly message: string;
  /** The field error's code, where the format carries one. */
  readonly code?: string;
}

/** Every error of QuotaError, told apart by `code`. */
export type QuotaError =
  | QuotaError.BadRequest
  | QuotaError.Unauthorized
  | QuotaError.Exceeded;

/** The codes of QuotaError. */
export type QuotaErrorCode = QuotaError["code"];

export declare namespace QuotaError {
  /** 400 bad_request: Bad {0} ({1:>3}), {{0}}. (BadRequest) */
  interface BadRequest {
    readonly code: "bad_request";
    readonly status: 400;
    readonly message: string;
    readonly placeholders: { readonly "0": string; readonly "1": string };
    readonly details: unknown;
  }

  /** 401 unauthorized: Who are you? (Unauthorized) */
  interface Unauthorized {
    readonly code: "unauthorized";
    readonly status: 401;
    readonly message: string;
    readonly wwwAuthenticate: "ApiKey";
  }

  /** 429 quota/exceeded: Quota *\/ exceeded. (Exceeded) */
  interface Exceeded {
    readonly code: "quota/exceeded";
    readonly status: 429;
    readonly message: string;
    /** Seconds to wait before retrying, from `Retry-After`. */
    readonly retryAfter?: number;
  }
}
"#;
    assert_eq!(ts, expected);
}

#[test]
fn generated_typescript_type_checks_a_client() {
    let dir = node_tools();
    let generated = dir.join("generated");
    std::fs::create_dir_all(&generated).unwrap();
    for (file, snapshot) in catalogue::snapshots() {
        let name = file.trim_end_matches(".json");
        std::fs::write(
            generated.join(format!("{name}.d.ts")),
            typescript(&snapshot),
        )
        .unwrap();
    }
    let tsc = dir.join("node_modules/.bin/tsc");
    let tsc = tsc.to_str().unwrap();

    // The client program compiles against the declarations (strict, exhaustive switch).
    let (ok, output) = run(&dir, tsc, &["-p", "tsconfig.json", "--pretty", "false"]);
    assert!(ok, "tsc rejected tests/ts/client.ts:\n{output}");
    assert_eq!(output, "");

    // A new code is a compile error in the client's exhaustive switch: the place to
    // handle it.
    let mut grown = Snapshot::of::<error_examples::service::LeadError>();
    let mut archived = grown.errors[2].clone();
    archived.code = "lead/archived".to_owned();
    archived.status = 410;
    archived.variant = "Archived".to_owned();
    grown.errors.push(archived);
    std::fs::write(generated.join("lead-error.d.ts"), typescript(&grown)).unwrap();
    let (ok, output) = run(&dir, tsc, &["-p", "tsconfig.json", "--pretty", "false"]);
    assert!(!ok);
    assert_eq!(
        output,
        "client.ts(35,13): error TS2322: Type 'Archived' is not assignable to type 'never'.\n"
    );
    std::fs::write(
        generated.join("lead-error.d.ts"),
        typescript(&Snapshot::of::<error_examples::service::LeadError>()),
    )
    .unwrap();

    // And each misuse is a compile error.
    let (ok, output) = run(
        &dir,
        tsc,
        &["-p", "tsconfig.misuse.json", "--pretty", "false"],
    );
    assert!(!ok);
    assert_eq!(
        output,
        "misuse.ts(7,25): error TS2339: Property 'fieldErrors' does not exist on type 'NotFound'.\n\
         misuse.ts(9,7): error TS2367: This comparison appears to be unintentional because the types \
         '\"validation_error\" | \"lead/duplicate-email\" | \"lead/duplicate-emails\" | \
         \"auth/missing-api-key\" | \"auth/invalid-api-key\" | \"auth/read-only-key\" | \
         \"billing/no-credits\" | \"rate_limited\" | \"auth/too-many-failures\" | \"store/full\" | \
         \"internal_server_error\"' and '\"lead/gone\"' have no overlap.\n\
         misuse.ts(13,11): error TS2322: Type '422' is not assignable to type '400'.\n\
         misuse.ts(16,16): error TS2339: Property 'placeholders' does not exist on type 'DuplicateEmail \
         | DuplicateEmails | MissingApiKey | InvalidApiKey | ReadOnlyKey | NoCredits | RateLimited | \
         AuthThrottled | StoreFull | Enrichment'.\n  \
         Property 'placeholders' does not exist on type 'DuplicateEmails'.\n"
    );
}

/// Every sample of every example catalogue, rendered in every built-in format (with a
/// request id, and with field errors past their limit), satisfies that format's schema.
#[test]
fn envelopes_satisfy_their_json_schemas() {
    let dir = node_tools();
    let ctx =
        RenderContext::at(Timestamp::from_unix_millis(1_704_067_200_000)).with_request_id("req-1");
    let mut bodies: Vec<(String, Vec<u8>)> = Vec::new();
    fn render_all<E: ApiError>(
        samples: Vec<E>,
        ctx: &RenderContext<'_>,
        bodies: &mut Vec<(String, Vec<u8>)>,
    ) {
        for format in Builtin::ALL {
            for sample in &samples {
                let mut body = Vec::new();
                sample.render_into(&format, ctx, &mut body);
                bodies.push((format!("{format} {}", sample.code()), body));
            }
        }
    }
    render_all(leadron::samples(), &ctx, &mut bodies);
    render_all(leo::samples(), &ctx, &mut bodies);
    render_all(wedocod::samples(), &ctx, &mut bodies);
    render_all(leadey::samples(), &ctx, &mut bodies);
    let mut many = FieldErrors::with_limit(1);
    many.push(FieldError::missing("leads.0.phone"));
    many.push(FieldError::missing("leads.1.phone"));
    render_all(
        vec![composed::AppError::Invalid {
            what: "x".into(),
            fields: many,
        }],
        &ctx,
        &mut bodies,
    );

    let mut cases = Vec::new();
    for (name, body) in &bodies {
        let format: Builtin = name.split(' ').next().unwrap().parse().unwrap();
        let body: serde_json::Value = serde_json::from_slice(body).unwrap();
        cases.push(serde_json::json!({"name": name, "schema": json_schema(format), "body": body}));
    }
    // Bodies that are not envelopes fail, with Ajv's reasons.
    let wrong = [
        (
            Builtin::Flat,
            r#"{"success":true,"status":404,"message":"x"}"#,
        ),
        (
            Builtin::Nested,
            r#"{"success":false,"error":{"code":404,"timestamp":"yesterday","message":"x","details":"x"}}"#,
        ),
        (
            Builtin::Laravel,
            r#"{"message":"x","errors":{"email":"required"}}"#,
        ),
        (Builtin::Compact, r#"{"error":{"message":"x"}}"#),
        (
            Builtin::Problem,
            r#"{"type":"about:blank","title":"OK","status":200,"detail":"x","code":7}"#,
        ),
    ];
    for (format, body) in wrong {
        let body: serde_json::Value = serde_json::from_str(body).unwrap();
        cases.push(serde_json::json!({"name": format!("wrong {format}"), "schema": json_schema(format), "body": body}));
    }
    let input = scratch("schemas").join("cases.json");
    std::fs::write(&input, serde_json::to_string(&cases).unwrap()).unwrap();
    let (ok, output) = run(&dir, "node", &["validate.mjs", input.to_str().unwrap()]);
    assert!(ok, "{output}");
    let lines: Vec<&str> = output.lines().collect();
    let (valid, invalid) = lines.split_at(bodies.len());
    for (line, (name, _)) in valid.iter().zip(&bodies) {
        assert_eq!(*line, format!("{name}: valid"));
    }
    assert_eq!(
        invalid,
        [
            "wrong flat: invalid: data must have required property 'meta', data/success must be equal to constant",
            "wrong nested: invalid: data/error/timestamp must match format \"date-time\"",
            "wrong laravel: invalid: data/errors/email must be array",
            "wrong compact: invalid: data/error must have required property 'details'",
            "wrong problem: invalid: data/code must be string, data/status must be >= 400",
        ]
    );
}

/// OpenAPI that does not turn a new error into a breaking change: the detail code is an
/// `x-extensible-enum`, never a closed `enum`, and every operation documents a `default`
/// error response.
#[cfg(feature = "utoipa")]
mod openapi {
    use error_core::format::Builtin;
    use error_core::openapi::Document;
    use http::Method;
    use serde_json::json;

    use super::v1::LeadError;

    fn document(format: Builtin) -> serde_json::Value {
        let json = Document::new("Leads API", "1.0.0", format)
            .route::<LeadError>(Method::GET, "/v1/leads/{id}", "Get a lead")
            .to_json();
        // An independent parser accepts it.
        oas3::from_json(&json).unwrap();
        serde_json::from_str(&json).unwrap()
    }

    const CODES: [&str; 7] = [
        "validation_error",
        "lead/not-found",
        "auth/read-only-key",
        "auth/missing-api-key",
        "lead/duplicate-email",
        "billing/no-credits",
        "rate_limited",
    ];

    #[test]
    fn the_code_is_an_extensible_enum() {
        let doc = document(Builtin::Problem);
        let code = &doc["components"]["schemas"]["ProblemDetails"]["properties"]["code"];
        assert_eq!(
            code,
            &json!({
                "type": "string",
                "description": "The detail code.",
                "x-extensible-enum": CODES
            })
        );

        let doc = document(Builtin::Nested);
        let details = &doc["components"]["schemas"]["NestedError"]["properties"]["error"]
            ["properties"]["details"];
        assert_eq!(details["anyOf"][0]["x-extensible-enum"], json!(CODES));
        // The status member is an integer: no codes there.
        assert!(
            doc["components"]["schemas"]["NestedError"]["properties"]["error"]["properties"]
                ["code"]
                .get("x-extensible-enum")
                .is_none()
        );

        // The derived `IntoResponses` lists the enum's codes on its inline schema too.
        let responses = serde_json::to_value(error_core::openapi::responses_with::<LeadError, _>(
            &Builtin::Problem,
        ))
        .unwrap();
        assert_eq!(
            responses["404"]["content"]["application/problem+json"]["schema"]["properties"]["code"]
                ["x-extensible-enum"],
            json!(CODES)
        );
        assert!(!doc.to_string().contains("\"enum\":[\"validation_error\""));
    }

    #[test]
    fn every_operation_documents_a_default_error() {
        let doc = document(Builtin::Problem);
        assert_eq!(
            doc["paths"]["/v1/leads/{id}"]["get"]["responses"]["default"],
            json!({
                "description": "Any other error, in the same envelope. Services add errors over time: handle an unknown code by its status class.",
                "content": {
                    "application/problem+json": {
                        "schema": {"$ref": "#/components/schemas/ProblemDetails"}
                    }
                }
            })
        );
    }
}

/// Documentation links and declared metadata (`docs`, `meta(...)`) are part of the snapshot;
/// removing a metadata key breaks the contract (AIP-193: keys are never removed), adding one
/// or changing a link is reported and accepted.
#[allow(dead_code)]
mod documented {
    pub mod before {
        use error_core::ApiError;

        #[derive(Debug, ApiError)]
        #[api(docs = "https://docs.example.com/errors")]
        pub enum LeadError {
            #[api(status = 404, code = "lead/not-found", meta(reason = "LEAD_MISSING"))]
            NotFound,
        }
    }

    pub mod after {
        use error_core::ApiError;

        #[derive(Debug, ApiError)]
        #[api(docs = "https://docs.example.com/v2/errors")]
        pub enum LeadError {
            #[api(status = 404, code = "lead/not-found", meta(ms_code = "LeadNotFound"))]
            NotFound,
        }
    }
}

#[test]
fn docs_and_metadata_are_in_the_snapshot_and_compared() {
    let before = Snapshot::of::<documented::before::LeadError>();
    let entry = &before.errors[0];
    assert_eq!(
        entry.docs.as_deref(),
        Some("https://docs.example.com/errors#lead/not-found")
    );
    assert_eq!(
        entry.metadata.iter().collect::<Vec<_>>(),
        [(&"reason".to_owned(), &"LEAD_MISSING".to_owned())]
    );
    let json = before.to_json();
    assert!(json.contains(
        "\"docs\": \"https://docs.example.com/errors#lead/not-found\",\n      \"metadata\": {\n        \"reason\": \"LEAD_MISSING\"\n      }"
    ), "{json}");
    // It reads back as it was written.
    assert_eq!(Snapshot::from_json(&json).unwrap(), before);

    let report = compare(
        &before,
        &Snapshot::of::<documented::after::LeadError>(),
        &Policy::new(),
    );
    assert!(report.is_breaking());
    assert_eq!(
        report.to_string(),
        "  breaking  lead/not-found (NotFound): metadata key `reason` no longer declared\n  \
         accepted  lead/not-found (NotFound): metadata key `ms_code` now declared\n  \
         accepted  lead/not-found (NotFound): documentation \
         https://docs.example.com/errors#lead/not-found -> \
         https://docs.example.com/v2/errors#lead/not-found\n"
    );
}

/// Enum-level metadata is what a format reads where the variant declares no value, so the
/// snapshot records it on every error (the variant's value winning); through `transparent`
/// variants, the inner enum's settings apply, else the outer's, as when the error is rendered.
/// Changing the enum's domain is then reported on each error it reaches.
#[allow(dead_code)]
mod enum_metadata {
    use error_core::ApiError;

    #[derive(Debug, ApiError)]
    #[api(format = error_core::format::Aip, meta(domain = "auth.example.com"))]
    pub enum AuthError {
        #[api(status = 401, www_authenticate = "Bearer")]
        Unauthenticated,
    }

    #[derive(Debug, ApiError)]
    pub enum PlainError {
        #[api(status = 409)]
        Conflict,
    }

    #[derive(Debug, ApiError)]
    #[api(format = error_core::format::Aip, meta(domain = "leads.example.com", tier = "gold"))]
    pub enum LeadError {
        #[api(status = 404, code = "lead/not-found", meta(tier = "silver"))]
        NotFound,
        #[api(transparent)]
        Auth(AuthError),
        #[api(transparent)]
        Plain(PlainError),
    }

    #[derive(Debug, ApiError)]
    #[api(format = error_core::format::Aip, meta(domain = "leads.example.org"))]
    pub enum Moved {
        #[api(status = 404, code = "lead/not-found", meta(tier = "silver"))]
        NotFound,
    }
}

#[test]
fn enum_metadata_is_in_every_snapshot_entry() {
    let snapshot = Snapshot::of::<enum_metadata::LeadError>();
    assert_eq!(snapshot.format, "aip");
    let metadata: Vec<(String, Vec<(&str, &str)>)> = snapshot
        .errors
        .iter()
        .map(|entry| {
            (
                entry.path(),
                entry
                    .metadata
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        metadata,
        [
            (
                "NotFound".to_owned(),
                vec![("domain", "leads.example.com"), ("tier", "silver")]
            ),
            (
                "Auth::Unauthenticated".to_owned(),
                vec![("domain", "auth.example.com")]
            ),
            (
                "Plain::Conflict".to_owned(),
                vec![("domain", "leads.example.com"), ("tier", "gold")]
            ),
        ]
    );

    // The snapshot says what the format renders.
    let rendered = |error: &enum_metadata::LeadError| {
        let mut out = Vec::new();
        error.render_into(
            &error_core::format::Aip,
            &error_core::RenderContext::at(error_core::Timestamp::from_unix_millis(0)),
            &mut out,
        );
        String::from_utf8(out).unwrap()
    };
    let auth = rendered(&enum_metadata::LeadError::Auth(
        enum_metadata::AuthError::Unauthenticated,
    ));
    assert!(auth.contains(r#""domain":"auth.example.com""#), "{auth}");
    let plain = rendered(&enum_metadata::LeadError::Plain(
        enum_metadata::PlainError::Conflict,
    ));
    assert!(plain.contains(r#""domain":"leads.example.com""#), "{plain}");

    let mut moved = Snapshot::of::<enum_metadata::LeadError>();
    moved.errors[0] = Snapshot::of::<enum_metadata::Moved>().errors.remove(0);
    let report = compare(
        &Snapshot::of::<enum_metadata::LeadError>(),
        &moved,
        &Policy::new(),
    );
    assert_eq!(
        report.to_string(),
        "  accepted  lead/not-found (NotFound): metadata `domain` \"leads.example.com\" -> \"leads.example.org\"\n"
    );
}
