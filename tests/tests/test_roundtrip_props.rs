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

/// A field error's code in the Microsoft format's PascalCase: each run of ASCII letters
/// and digits, its first letter upper-cased.
fn pascal(code: &str) -> String {
    code.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| word[..1].to_ascii_uppercase() + &word[1..])
        .collect()
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
                e.code().into_owned(),
                e.message().into_owned(),
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
                Builtin::Aip => {
                    prop_assert_eq!(remote.code(), Some(&*error.entry().reason()));
                    let reasons: Vec<Back> = list
                        .iter()
                        .map(|(path, code, message)| {
                            let field = FieldError::new(path.clone(), code.clone(), message.clone());
                            (path.to_string(), error_core::grpc::field_reason(&field), message.clone())
                        })
                        .collect();
                    prop_assert_eq!(back(&remote), reasons);
                    prop_assert_eq!(remote.request_id(), Some(request_id.as_str()));
                }
                Builtin::JsonApi => {
                    prop_assert_eq!(remote.code(), Some(code.as_str()));
                    prop_assert_eq!(back(&remote), paths_only.clone());
                    prop_assert_eq!(remote.request_id(), Some(request_id.as_str()));
                }
                Builtin::Microsoft => {
                    prop_assert_eq!(remote.code(), Some(&*error.entry().pascal_code()));
                    let codes: Vec<Back> = list
                        .iter()
                        .map(|(path, code, message)| (path.to_string(), pascal(code), message.clone()))
                        .collect();
                    prop_assert_eq!(back(&remote), codes);
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
                        // The reason phrase (RFC 9110's names: `http` still says
                        // "Unprocessable Entity" for 422, "Payload Too Large" for 413), or the
                        // class's title (`CatalogueEntry::new`).
                        Some(match status {
                            413 => "Content Too Large",
                            422 => "Unprocessable Content",
                            _ => StatusCode::from_u16(status).unwrap().canonical_reason().unwrap_or(
                                if status >= 500 { "Server Error" } else { "Client Error" }
                            ),
                        })
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

// ---------------------------------------------------------------------------------------
// Every built-in format, arbitrary errors: well-formed (no duplicate key anywhere), and read
// back by the client parser to exactly what the format carries.

/// A JSON value that rejects a duplicate key in any object, at any depth (serde_json's
/// `Value` silently keeps the last one).
struct Strict;

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Strict;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Strict, E> {
        Ok(Strict)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Strict, E> {
        Ok(Strict)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Strict, E> {
        Ok(Strict)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Strict, E> {
        Ok(Strict)
    }
    fn visit_str<E>(self, _: &str) -> Result<Strict, E> {
        Ok(Strict)
    }
    fn visit_unit<E>(self) -> Result<Strict, E> {
        Ok(Strict)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
        while seq.next_element::<Strict>()?.is_some() {}
        Ok(Strict)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate key {key:?}"
                )));
            }
            map.next_value::<Strict>()?;
        }
        Ok(Strict)
    }
}

/// `Ok` when `body` is one JSON object with no duplicate key at any depth.
fn strict(body: &[u8]) -> Result<(), String> {
    if body.first() != Some(&b'{') {
        return Err("not an object".into());
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    <Strict as serde::Deserialize>::deserialize(&mut de).map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())
}

#[test]
fn the_strict_checker_rejects_duplicates() {
    assert_eq!(strict(br#"{"a":1,"b":{"c":[{"d":1,"e":2}]}}"#), Ok(()));
    assert_eq!(
        strict(br#"{"a":1,"a":2}"#),
        Err(r#"duplicate key "a" at line 1 column 10"#.into())
    );
    assert!(strict(br#"{"a":{"b":[{"c":1,"c":1}]}}"#).is_err());
    // Escaped and unescaped spellings of one key are one key.
    assert!(strict(br#"{"a":1,"\u0061":2}"#).is_err());
    assert!(strict(br#"{"a":1}x"#).is_err());
}

#[derive(Clone, Debug, ApiError)]
#[api(version = "v1", type_base = "https://errors.example.com/")]
enum Arbitrary {
    #[api(status = 422, code = "validation_failed", message = "{message}")]
    Fields {
        message: String,
        #[api(fields)]
        fields: FieldErrors,
    },
    #[api(status = 409, code = "lead/conflict", message = "{message}")]
    Details {
        message: String,
        #[api(details)]
        details: serde_json::Value,
    },
    #[api(
        status = 404,
        code = "lead/not-found",
        message = "Lead \"{id}\" was not found."
    )]
    NotFound { id: u64 },
    #[api(status = 503, code = "unavailable")]
    Unavailable,
}

/// Any key: any characters, keys dense in dots, digits and what the notations escape, and
/// keys from a tiny alphabet, so that different paths often write the same dotted key.
fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => "(?s).{0,6}",
        1 => r#"[.0-9a~/%\"\\ é\n\[\]#]{0,5}"#,
        1 => "0|00|007|1|12",
        3 => "[a0.]{0,3}",
    ]
}

fn any_path() -> impl Strategy<Value = FieldPath> {
    #[derive(Clone, Debug)]
    enum Segment {
        Key(String),
        Index(usize),
    }
    let segment = prop_oneof![
        3 => any_key().prop_map(Segment::Key),
        2 => (0usize..3).prop_map(Segment::Index),
        1 => (0usize..20).prop_map(Segment::Index),
        1 => Just(Segment::Index(usize::MAX)),
    ];
    prop::collection::vec(segment, 0..4).prop_map(|segments| {
        segments
            .into_iter()
            .fold(FieldPath::new(), |path, segment| match segment {
                Segment::Key(key) => path.key(key),
                Segment::Index(index) => path.index(index),
            })
    })
}

/// Details without floats (serde_json does not promise their exact round trip).
fn any_details() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "(?s).{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("(?s).{0,4}|message|field|code", inner), 0..4)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

fn any_error() -> impl Strategy<Value = Arbitrary> {
    let fields = (
        prop_oneof![0usize..4, Just(100)],
        prop::collection::vec((any_path(), "(?s).{0,6}", "(?s).{0,12}"), 0..8),
    )
        .prop_map(|(limit, list)| {
            let mut fields = FieldErrors::with_limit(limit);
            for (path, code, message) in list {
                fields.push(FieldError::new(path, code, message));
            }
            fields
        });
    prop_oneof![
        ("(?s).{0,24}", fields).prop_map(|(message, fields)| Arbitrary::Fields { message, fields }),
        ("(?s).{0,24}", any_details())
            .prop_map(|(message, details)| Arbitrary::Details { message, details }),
        any::<u64>().prop_map(|id| Arbitrary::NotFound { id }),
        Just(Arbitrary::Unavailable),
    ]
}

fn any_request_id() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof!["[A-Za-z0-9._~+/=-]{1,12}", "(?s).{0,12}"])
}

/// What a format carries back of one field error: (path, code, message), the path in the
/// notation the format writes (dotted, or the JSON Pointer for Problem), "" where the format
/// does not carry it.
type Carried = (String, String, String);

/// Everything the client reads back, in comparable form.
#[derive(Debug, PartialEq)]
struct ReadBack {
    kind: BodyKind,
    code: Option<String>,
    message: Option<String>,
    fields: Vec<Carried>,
    total: usize,
    details: Option<serde_json::Value>,
    request_id: Option<String>,
}

/// What `format` must read back for `error`.
fn expected(error: &Arbitrary, format: Builtin, summarized: bool, id: Option<&str>) -> ReadBack {
    let kept: Vec<&FieldError> = error
        .field_errors()
        .map_or(Vec::new(), |f| f.iter().collect());
    let dotted = |e: &FieldError| {
        (
            e.path().to_string(),
            String::new(),
            e.message().into_owned(),
        )
    };
    let mut back = ReadBack {
        kind: BodyKind::Envelope(format),
        code: None,
        message: Some(error.message().into_owned()),
        fields: Vec::new(),
        total: kept.len(),
        details: None,
        request_id: None,
    };
    let details = match error {
        Arbitrary::Details { details, .. } => Some(details.clone()),
        _ => None,
    };
    match format {
        Builtin::Flat => {
            back.fields = kept.iter().map(|e| dotted(e)).collect();
            back.details = details;
            back.request_id = id.map(str::to_owned);
        }
        Builtin::Compact | Builtin::Nested => {
            back.fields = if format == Builtin::Nested {
                kept.iter()
                    .map(|e| {
                        (
                            String::new(),
                            e.code().into_owned(),
                            e.message().into_owned(),
                        )
                    })
                    .collect()
            } else {
                kept.iter().map(|e| dotted(e)).collect()
            };
            if error.field_errors().is_none() && details.is_none() && format == Builtin::Nested {
                back.code = Some(error.code().to_owned());
            }
            // `details` holds the details value, the field errors or (Nested) the code: a
            // value of one of the other shapes reads back as that.
            match details {
                None | Some(serde_json::Value::Null) => {}
                Some(serde_json::Value::String(code)) if format == Builtin::Nested => {
                    back.code = Some(code)
                }
                Some(serde_json::Value::Array(items))
                    if items
                        .iter()
                        .all(|item| item.get("message").is_some_and(|m| m.is_string())) =>
                {
                    back.fields = items
                        .iter()
                        .map(|item| {
                            let text = |key: &str| {
                                item.get(key)
                                    .and_then(|v| v.as_str())
                                    .unwrap_or("")
                                    .to_owned()
                            };
                            let path = FieldPath::parse_dotted(&text("field")).to_string();
                            (path, text("code"), text("message"))
                        })
                        .collect();
                    back.total = items.len();
                }
                Some(other) => back.details = Some(other),
            }
        }
        Builtin::Laravel => {
            let mut keys: Vec<String> = Vec::new();
            for e in &kept {
                let key = e.path().to_string();
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            back.fields = keys
                .iter()
                .flat_map(|key| {
                    kept.iter()
                        .filter(move |e| e.path().to_string() == *key)
                        .map(move |e| (key.clone(), String::new(), e.message().into_owned()))
                })
                .collect();
            back.details = details;
            if let (true, Some(fields), Some(first)) =
                (summarized, error.field_errors(), kept.first())
            {
                let more = fields.total() - 1;
                back.message = Some(match more {
                    0 => first.message().into_owned(),
                    1 => format!("{} (and 1 more error)", first.message()),
                    n => format!("{} (and {n} more errors)", first.message()),
                });
            }
        }
        Builtin::Aip => {
            back.code = Some(error.entry().reason().into_owned());
            back.fields = kept
                .iter()
                .map(|e| {
                    let (path, _, message) = dotted(e);
                    (path, error_core::grpc::field_reason(e), message)
                })
                .collect();
            back.request_id = id.map(str::to_owned);
        }
        Builtin::JsonApi => {
            back.code = Some(error.code().to_owned());
            back.fields = kept.iter().map(|e| dotted(e)).collect();
            back.request_id = id.map(str::to_owned);
        }
        Builtin::Microsoft => {
            back.code = Some(error.entry().pascal_code().into_owned());
            back.fields = kept
                .iter()
                .map(|e| {
                    let (path, _, message) = dotted(e);
                    (path, pascal(&e.code()), message)
                })
                .collect();
        }
        Builtin::Problem => {
            back.code = Some(error.code().to_owned());
            back.fields = kept
                .iter()
                .map(|e| (e.path().pointer(), String::new(), e.message().into_owned()))
                .collect();
            back.total = error.field_errors().map_or(0, |f| f.total());
            back.details = details;
            back.request_id = id.map(str::to_owned);
        }
    }
    back
}

fn read_back(body: &[u8], status: StatusCode, format: Builtin) -> ReadBack {
    let remote = RemoteError::parse(status, &HeaderMap::new(), body);
    let fields = remote
        .field_errors()
        .iter()
        .map(|e| {
            let path = if format == Builtin::Problem {
                e.path().pointer()
            } else if format == Builtin::Nested {
                String::new()
            } else {
                e.path().to_string()
            };
            (path, e.code().into_owned(), e.message().into_owned())
        })
        .collect();
    ReadBack {
        kind: remote.kind().clone(),
        code: remote.code().map(str::to_owned),
        message: remote.message().map(str::to_owned),
        fields,
        total: remote.field_errors().total(),
        details: remote.details().cloned(),
        request_id: remote.request_id().map(str::to_owned),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_format_well_formed_and_read_back(
        error in any_error(),
        id in any_request_id(),
    ) {
        let mut ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_000));
        if let Some(id) = &id {
            ctx = ctx.with_request_id(id);
        }
        let valid_id = id.as_deref().filter(|id| error_core::http::is_valid_request_id(id));
        let formats = Builtin::ALL.into_iter().map(|format| (format, false));
        for (format, summarized) in formats.chain([(Builtin::Laravel, true)]) {
            let mut body = Vec::new();
            if summarized {
                error.render_into(&error_core::format::Laravel::summarized(), &ctx, &mut body);
            } else {
                error.render_into(&format, &ctx, &mut body);
            }
            let text = String::from_utf8_lossy(&body);
            prop_assert_eq!(strict(&body), Ok(()), "{}: {}", format, text);
            let response = error_core::response::to_response_with(&error, &format, &ctx);
            if !summarized {
                prop_assert_eq!(response.body(), &body);
            }
            prop_assert_eq!(
                response.headers().get("x-request-id").map(|v| v.to_str().unwrap()),
                valid_id
            );
            prop_assert_eq!(
                read_back(&body, error.status(), format),
                expected(&error, format, summarized, valid_id),
                "{}: {}", format, text
            );
        }
    }
}

#[test]
fn problem_total_errors_is_read_back_in_constant_time() {
    let body = br##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Invalid.","code":"invalid","errors":[{"detail":"Required.","pointer":"#/a"}],"total_errors":18446744073709551615}"##;
    let remote = RemoteError::parse(StatusCode::UNPROCESSABLE_ENTITY, &HeaderMap::new(), body);
    assert_eq!(remote.field_errors().len(), 1);
    assert_eq!(
        remote.field_errors().total(),
        usize::try_from(u64::MAX).unwrap_or(usize::MAX)
    );
    // A total below what is listed, or not a count, changes nothing.
    for total in ["0", "-1", "1.5", "\"9\"", "null"] {
        let body = format!(
            r##"{{"type":"about:blank","title":"x","status":422,"detail":"y","errors":[{{"detail":"a","pointer":"#/a"}},{{"detail":"b","pointer":"#/b"}}],"total_errors":{total}}}"##
        );
        let remote = RemoteError::parse(
            StatusCode::UNPROCESSABLE_ENTITY,
            &HeaderMap::new(),
            body.as_bytes(),
        );
        assert_eq!(
            (remote.field_errors().len(), remote.field_errors().total()),
            (2, 2),
            "{total}"
        );
    }
}
