//! Every envelope the example catalogues can send, in every built-in format, validated
//! against the schema the library publishes for that format (with the `jsonschema` crate,
//! JSON Schema 2020-12 as OpenAPI 3.1 uses it, formats checked): the schemas describe what
//! is sent, not only its common case.
#![cfg(feature = "utoipa")]

use error_core::docs::Sample;
use error_core::format::Builtin;
use error_core::http::RequestError;
use error_core::openapi::EnvelopeSchema;
use error_core::{ApiError, FieldError, FieldErrors, RenderContext, Timestamp};
use error_examples::catalogues::{leadey, leadron, leo, wedocod};
use error_examples::service::{LeadError, ProviderError};

fn validator(format: Builtin) -> jsonschema::Validator {
    let schema = serde_json::to_value(format.envelope_schema()).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// The contexts a body is rendered in: bare, and with a request id and a version.
fn contexts() -> [RenderContext<'static>; 2] {
    let at = Timestamp::from_unix_millis(1_770_552_000_000);
    [
        RenderContext::at(at),
        RenderContext::at(at)
            .with_request_id("req-1")
            .with_version("v9"),
    ]
}

/// Checks every rendering of `errors`; returns how many bodies were checked.
fn check_all<E: ApiError>(name: &str, errors: &[E]) -> usize {
    let mut checked = 0;
    for format in Builtin::ALL {
        let validator = validator(format);
        for error in errors {
            for ctx in contexts() {
                let mut body = Vec::new();
                error.render_into(&format, &ctx, &mut body);
                let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
                let problems: Vec<String> = validator
                    .iter_errors(&value)
                    .map(|e| format!("{e} at {}", e.instance_path))
                    .collect();
                assert!(
                    problems.is_empty(),
                    "{name} {} in {format}: {problems:?}\n{value}",
                    error.entry().variant()
                );
                checked += 1;
            }
        }
    }
    checked
}

/// The stand-in of every entry of `E`'s catalogue (what the error pages and the OpenAPI
/// examples render).
fn stand_ins<E: ApiError>() -> Vec<Sample<E>> {
    error_core::catalogue::entries(E::CATALOGUE)
        .map(Sample::<E>::new)
        .collect()
}

#[test]
fn every_example_envelope_matches_its_schema() {
    let mut checked = 0;
    checked += check_all("LeadronError", &leadron::samples());
    checked += check_all("LeoError", &leo::samples());
    checked += check_all("WedocodError", &wedocod::samples());
    checked += check_all("LeadeyError", &leadey::samples());
    checked += check_all(
        "LeadronError stand-ins",
        &stand_ins::<leadron::LeadronError>(),
    );
    checked += check_all("LeoError stand-ins", &stand_ins::<leo::LeoError>());
    checked += check_all(
        "WedocodError stand-ins",
        &stand_ins::<wedocod::WedocodError>(),
    );
    checked += check_all("LeadeyError stand-ins", &stand_ins::<leadey::LeadeyError>());
    checked += check_all("LeadError stand-ins", &stand_ins::<LeadError>());
    checked += check_all("RequestError stand-ins", &stand_ins::<RequestError>());

    // The service's own errors with real values: every variant.
    let fields = FieldErrors::new()
        .with(FieldError::invalid("leads.0.email", "Invalid email format"))
        .with(FieldError::missing("leads.1.firstName"));
    let leads = vec![
        LeadError::Validation(fields.clone()),
        LeadError::Validation(FieldErrors::new()),
        LeadError::DuplicateEmail {
            email: "ada@acme.com".into(),
        },
        LeadError::DuplicateEmails(fields.clone()),
        LeadError::NotFound { id: 7 },
        LeadError::MissingApiKey,
        LeadError::InvalidApiKey,
        LeadError::AuthThrottled {
            retry_after: std::time::Duration::from_secs(60),
        },
        LeadError::ReadOnlyKey,
        LeadError::NoCredits,
        LeadError::RateLimited {
            retry_after: std::time::Duration::from_millis(300),
        },
        LeadError::StoreFull,
        LeadError::Enrichment {
            id: 1,
            source: ProviderError("down".into()),
        },
    ];
    let variants: std::collections::BTreeSet<&str> =
        leads.iter().map(|e| e.entry().variant()).collect();
    assert_eq!(variants.len(), LeadError::CATALOGUE.len(), "every variant");
    checked += check_all("LeadError", &leads);
    let requests = vec![
        RequestError::MalformedJson,
        RequestError::InvalidBody(fields.clone()),
        RequestError::UnsupportedMediaType,
        RequestError::PayloadTooLarge,
        RequestError::UnreadableBody,
        RequestError::InvalidPath(FieldErrors::new().with(FieldError::invalid(
            "id",
            "id must be a non-negative integer.",
        ))),
        RequestError::InvalidQuery(fields),
        RequestError::InvalidHost,
        RequestError::NotFound,
        RequestError::MethodNotAllowed,
        RequestError::Internal("boom".into()),
    ];
    assert_eq!(
        requests.len(),
        RequestError::CATALOGUE.len(),
        "every variant"
    );
    checked += check_all("RequestError", &requests);
    // 5 formats, 2 contexts; bodies of every catalogue above.
    assert!(checked > 500, "{checked}");
}

/// The schemas do reject what they should: a test that only accepts would prove nothing.
#[test]
fn the_schemas_reject_envelopes_of_the_wrong_shape() {
    let wrong = [
        (
            Builtin::Flat,
            r#"{"success":true,"status":404,"message":"x","meta":{"timestamp":"2026-02-08T12:00:00.000Z"}}"#,
        ),
        (
            Builtin::Flat,
            r#"{"success":false,"status":200,"message":"x","meta":{"timestamp":"2026-02-08T12:00:00.000Z"}}"#,
        ),
        (
            Builtin::Nested,
            r#"{"success":false,"error":{"code":404,"timestamp":"yesterday","message":"x","details":null}}"#,
        ),
        (
            Builtin::Laravel,
            r#"{"message":"x","errors":{"email":"not a list"}}"#,
        ),
        (Builtin::Compact, r#"{"error":{"message":"x"}}"#),
        (
            Builtin::Problem,
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"x"}"#,
        ),
    ];
    for (format, body) in wrong {
        let value: serde_json::Value = serde_json::from_str(body).unwrap();
        assert!(!validator(format).is_valid(&value), "{format}: {body}");
    }
}
