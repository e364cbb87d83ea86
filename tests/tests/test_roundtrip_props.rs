//! Render then parse: for arbitrary messages, codes, paths and field-error lists, every
//! format gives back exactly the values it carries.
#![cfg(feature = "client")]

use error_core::client::{BodyKind, RemoteError};
use error_core::format::{Builtin, Flat};
use error_core::{
    ApiError, CatalogueEntry, FieldError, FieldErrors, FieldPath, RenderContext, Timestamp,
};
use http::{HeaderMap, StatusCode};
use proptest::prelude::*;

/// An error whose code, message and status are chosen at run time (the derive fixes them at
/// compile time), rendered through the same `Format`s.
#[derive(Debug)]
struct Dynamic {
    entry: &'static CatalogueEntry,
    status: StatusCode,
    fields: Option<FieldErrors>,
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

impl Dynamic {
    fn new(status: u16, code: &str, message: &str, fields: Option<FieldErrors>) -> Self {
        let status = StatusCode::from_u16(status).unwrap();
        // The public constructor: plain text, escaped by the formats where JSON needs it.
        let entry = CatalogueEntry::new(
            "Dynamic",
            status.as_u16(),
            leak(code.to_owned()),
            leak(message.to_owned()),
        );
        Dynamic {
            entry: Box::leak(Box::new(entry)),
            status,
            fields,
        }
    }
}

impl ApiError for Dynamic {
    type Format = Flat;
    const CATALOGUE: &'static [CatalogueEntry] = &[];

    fn entry(&self) -> &'static CatalogueEntry {
        self.entry
    }

    fn status(&self) -> StatusCode {
        self.status
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        self.fields.as_ref()
    }
}

/// A key the dotted notation can carry: no `.`, not all digits (that reads as an index).
fn key() -> impl Strategy<Value = String> {
    // Arbitrary text, and text dense in the characters the notations escape.
    prop_oneof!["(?s)[^.]{1,8}", r#"[a~/%\"\\ 01é]{1,6}"#]
        .prop_filter("all digits is an index", |key| {
            !key.bytes().all(|b| b.is_ascii_digit())
        })
}

fn path() -> impl Strategy<Value = FieldPath> {
    let segment = prop_oneof![
        key().prop_map(|key| FieldPath::new().key(key)),
        (0usize..10_000).prop_map(|index| FieldPath::new().index(index)),
    ];
    prop::collection::vec(segment, 0..4).prop_map(|segments| {
        segments
            .into_iter()
            .fold(FieldPath::new(), |path, segment| segment.prefixed(&path))
    })
}

fn field_errors() -> impl Strategy<Value = Vec<(FieldPath, String, String)>> {
    prop::collection::vec((path(), "(?s).{0,12}", "(?s).{0,24}"), 0..8)
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![400u16..=451, 500u16..=511]
}

/// What comes back of one field error: its path (dotted form), code and message.
type Back = (String, String, String);

fn back(remote: &RemoteError) -> Vec<Back> {
    remote
        .field_errors()
        .iter()
        .map(|e| {
            (
                e.path().to_string(),
                e.code().to_owned(),
                e.message().to_owned(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn render_then_parse(
        status in status(),
        code in "(?s).{0,24}",
        message in "(?s).{0,48}",
        list in field_errors(),
        request_id in "[A-Za-z0-9._~+/=-]{1,20}",
    ) {
        let fields = (!list.is_empty()).then(|| {
            list.iter()
                .map(|(path, code, message)| FieldError::new(path.clone(), code.clone(), message.clone()))
                .collect::<FieldErrors>()
        });
        let error = Dynamic::new(status, &code, &message, fields);
        let ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_000))
            .with_request_id(&request_id);
        let paths_only: Vec<Back> = list
            .iter()
            .map(|(path, _, message)| (path.to_string(), String::new(), message.clone()))
            .collect();

        for format in Builtin::ALL {
            let mut body = Vec::new();
            error.render_into(&format, &ctx, &mut body);
            let auto = RemoteError::parse(error.status(), &HeaderMap::new(), &body);
            let named = RemoteError::parse_as(format, error.status(), &HeaderMap::new(), &body);
            prop_assert_eq!(&auto, &named);
            let remote = auto;
            prop_assert_eq!(remote.kind(), &BodyKind::Envelope(format));
            prop_assert_eq!(remote.status().as_u16(), status);
            prop_assert_eq!(remote.message(), Some(message.as_str()));
            prop_assert_eq!(remote.field_errors().total(), list.len());
            prop_assert_eq!(remote.details(), None);
            match format {
                Builtin::Flat => {
                    prop_assert_eq!(remote.code(), None);
                    prop_assert_eq!(back(&remote), paths_only.clone());
                    prop_assert_eq!(remote.request_id(), Some(request_id.as_str()));
                    prop_assert_eq!(remote.timestamp(), Some("2026-02-08T12:00:00.000Z"));
                }
                Builtin::Nested => {
                    // The detail code, or the field errors (codes and messages, no paths).
                    let expected_code = list.is_empty().then_some(code.as_str());
                    prop_assert_eq!(remote.code(), expected_code);
                    let codes: Vec<Back> = list
                        .iter()
                        .map(|(_, code, message)| (String::new(), code.clone(), message.clone()))
                        .collect();
                    prop_assert_eq!(back(&remote), codes);
                    prop_assert_eq!(remote.request_id(), None);
                    prop_assert_eq!(remote.timestamp(), Some("2026-02-08T12:00:00.000Z"));
                }
                Builtin::Laravel => {
                    // Messages grouped by path, groups in order of first appearance.
                    let mut grouped: Vec<Back> = Vec::new();
                    let mut seen: Vec<&FieldPath> = Vec::new();
                    for (path, _, _) in &list {
                        if seen.contains(&path) {
                            continue;
                        }
                        seen.push(path);
                        grouped.extend(
                            list.iter()
                                .filter(|(other, _, _)| other == path)
                                .map(|(_, _, message)| (path.to_string(), String::new(), message.clone())),
                        );
                    }
                    prop_assert_eq!(remote.code(), None);
                    prop_assert_eq!(back(&remote), grouped);
                    prop_assert_eq!(remote.request_id(), None);
                }
                Builtin::Compact => {
                    prop_assert_eq!(remote.code(), None);
                    prop_assert_eq!(back(&remote), paths_only.clone());
                    prop_assert_eq!(remote.request_id(), None);
                }
                Builtin::Problem => {
                    prop_assert_eq!(remote.code(), Some(code.as_str()));
                    // Paths come back through the JSON Pointer: compare the segments.
                    let paths: Vec<&FieldPath> =
                        remote.field_errors().iter().map(|e| e.path()).collect();
                    let expected: Vec<&FieldPath> = list.iter().map(|(path, _, _)| path).collect();
                    prop_assert_eq!(paths, expected);
                    prop_assert_eq!(back(&remote), paths_only.clone());
                    prop_assert_eq!(remote.request_id(), Some(request_id.as_str()));
                    prop_assert_eq!(remote.problem_type(), Some("about:blank"));
                    prop_assert_eq!(
                        remote.title(),
                        // The reason phrase, or the class's title (`CatalogueEntry::new`).
                        Some(StatusCode::from_u16(status).unwrap().canonical_reason().unwrap_or(
                            if status >= 500 { "Server Error" } else { "Client Error" }
                        ))
                    );
                }
            }
        }
    }

    /// Pointer keys may hold anything, `.`, `/`, `~`, `%` and digits-with-text included.
    #[test]
    fn problem_pointers_carry_any_key(
        keys in prop::collection::vec(prop_oneof!["(?s).{1,8}", "[a~/%.01é ]{1,6}"], 1..4),
    ) {
        let keys: Vec<String> = keys
            .into_iter()
            .filter(|key| !key.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        let path = keys.iter().fold(FieldPath::new(), |path, key| path.key(key.clone()));
        let error = Dynamic::new(
            422,
            "validation_error",
            "Validation failed",
            Some(FieldErrors::new().with(FieldError::new(path.clone(), "c", "m"))),
        );
        let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
        let mut body = Vec::new();
        error.render_into(&Builtin::Problem, &ctx, &mut body);
        let remote = RemoteError::parse(error.status(), &HeaderMap::new(), &body);
        prop_assert_eq!(remote.field_errors().iter().next().map(|e| e.path()), Some(&path));
    }

    /// Arbitrary bytes never panic, and the kind agrees with what is there.
    #[test]
    fn arbitrary_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..256)) {
        let remote = RemoteError::parse(StatusCode::BAD_GATEWAY, &HeaderMap::new(), &body);
        prop_assert_eq!(remote.status(), StatusCode::BAD_GATEWAY);
        if !remote.is_envelope() {
            prop_assert!(remote.message().is_none());
        }
    }
}
