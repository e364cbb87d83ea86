//! Field paths: one path, rendered as a dotted key (Flat, Laravel, Nested codes) and as an
//! RFC 6901 JSON Pointer in URI fragment form (Problem).

use error_core::format::{Builtin, Laravel};
use error_core::{
    ApiError, FieldError, FieldErrors, FieldPath, PathSegment, RenderContext, Timestamp,
};

#[derive(Debug, ApiError)]
#[api(version = "v1")]
enum PathError {
    #[api(status = 422, code = "validation_error", message = "Invalid.")]
    Invalid(#[api(fields)] FieldErrors),
}

fn ctx() -> RenderContext<'static> {
    RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_000))
}

fn render(errors: FieldErrors, format: Builtin) -> String {
    let mut out = Vec::new();
    PathError::Invalid(errors).render_into(&format, &ctx(), &mut out);
    String::from_utf8(out).unwrap()
}

/// The Problem body for these (message, pointer) pairs, pointers as they must appear.
fn problem_body(errors: &[(&str, &str)]) -> String {
    let items: Vec<String> = errors
        .iter()
        .map(|(detail, pointer)| format!(r#"{{"detail":"{detail}","pointer":"{pointer}"}}"#))
        .collect();
    format!(
        r#"{{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Invalid.","code":"validation_error","errors":[{}]}}"#,
        items.join(",")
    )
}

#[test]
fn builder_dotted_and_pointer_forms() {
    let path = FieldPath::new()
        .key("leads")
        .index(3)
        .key("products")
        .index(0)
        .key("sku");
    assert_eq!(path.to_string(), "leads.3.products.0.sku");
    assert_eq!(path.pointer(), "/leads/3/products/0/sku");
    assert_eq!(FieldPath::from("leads.3.products.0.sku"), path);
    assert_eq!(
        path.segments(),
        [
            PathSegment::Key("leads".into()),
            PathSegment::Index(3),
            PathSegment::Key("products".into()),
            PathSegment::Index(0),
            PathSegment::Key("sku".into()),
        ]
    );
    assert_eq!(FieldPath::new().to_string(), "");
    assert_eq!(FieldPath::new().pointer(), "");
}

#[test]
fn prefixing_puts_a_path_under_another() {
    let inner = FieldPath::from("address.city");
    let outer = FieldPath::new().key("leads").index(2);
    assert_eq!(inner.prefixed(&outer).to_string(), "leads.2.address.city");
    // A key made of digits (from a builder) stays a key.
    assert_eq!(
        FieldPath::new().key("2024").segments(),
        [PathSegment::Key("2024".into())]
    );
    assert_eq!(
        FieldPath::from("2024").segments(),
        [PathSegment::Index(2024)]
    );
}

// RFC 6901, sections 5 and 6: every example key, as a JSON string value and as a URI
// fragment identifier.
const RFC6901: [(&str, &str, &str); 10] = [
    ("foo", "/foo", "#/foo"),
    ("", "/", "#/"),
    ("a/b", "/a~1b", "#/a~1b"),
    ("c%d", "/c%d", "#/c%25d"),
    ("e^f", "/e^f", "#/e%5Ef"),
    ("g|h", "/g|h", "#/g%7Ch"),
    ("i\\j", "/i\\j", "#/i%5Cj"),
    ("k\"l", "/k\"l", "#/k%22l"),
    (" ", "/ ", "#/%20"),
    ("m~n", "/m~0n", "#/m~0n"),
];

#[test]
fn rfc6901_examples_as_json_string_pointers() {
    for (key, pointer, _) in RFC6901 {
        assert_eq!(FieldPath::new().key(key).pointer(), pointer, "key {key:?}");
    }
    assert_eq!(FieldPath::new().key("foo").index(0).pointer(), "/foo/0");
}

#[test]
fn rfc6901_examples_as_uri_fragments_in_problem_bodies() {
    let mut errors = FieldErrors::new();
    errors.push(FieldError::new(FieldPath::new(), "whole", "whole"));
    errors.push(FieldError::new(
        FieldPath::new().key("foo").index(0),
        "c",
        "foo0",
    ));
    for (i, (key, _, _)) in RFC6901.iter().enumerate() {
        errors.push(FieldError::new(
            FieldPath::new().key(*key),
            "c",
            format!("m{i}"),
        ));
    }
    let mut expected = vec![("whole", "#"), ("foo0", "#/foo/0")];
    let names: Vec<String> = (0..RFC6901.len()).map(|i| format!("m{i}")).collect();
    for (i, (_, _, fragment)) in RFC6901.iter().enumerate() {
        expected.push((names[i].as_str(), fragment));
    }
    assert_eq!(render(errors, Builtin::Problem), problem_body(&expected));
}

#[test]
fn keys_with_dots_slashes_tildes_spaces_and_non_ascii() {
    let keys = [
        "first.name",
        "a/b~c",
        "~1",
        "full name",
        "prénom",
        "名前",
        "emoji 😀",
    ];
    let pointers = [
        "/first.name",
        "/a~1b~0c",
        "/~01",
        "/full name",
        "/prénom",
        "/名前",
        "/emoji 😀",
    ];
    let fragments = [
        "#/leads/0/first.name",
        "#/leads/0/a~1b~0c",
        "#/leads/0/~01",
        "#/leads/0/full%20name",
        "#/leads/0/pr%C3%A9nom",
        "#/leads/0/%E5%90%8D%E5%89%8D",
        "#/leads/0/emoji%20%F0%9F%98%80",
    ];
    let mut errors = FieldErrors::new();
    for (i, key) in keys.iter().enumerate() {
        assert_eq!(FieldPath::new().key(*key).pointer(), pointers[i]);
        let path = FieldPath::new().key("leads").index(0).key(*key);
        errors.push(FieldError::new(path, "c", format!("m{i}")));
    }
    let names: Vec<String> = (0..keys.len()).map(|i| format!("m{i}")).collect();
    let expected: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(fragments).collect();
    assert_eq!(
        render(errors.clone(), Builtin::Problem),
        problem_body(&expected)
    );

    // The dotted forms keep the key as is (JSON-escaped only): Laravel's convention.
    assert_eq!(
        render(errors.clone(), Builtin::Laravel),
        r#"{"message":"Invalid.","errors":{"leads.0.first.name":["m0"],"leads.0.a/b~c":["m1"],"leads.0.~1":["m2"],"leads.0.full name":["m3"],"leads.0.prénom":["m4"],"leads.0.名前":["m5"],"leads.0.emoji 😀":["m6"]}}"#
    );
    assert_eq!(
        render(errors, Builtin::Compact),
        r#"{"error":{"message":"Invalid.","details":[{"field":"leads.0.first.name","message":"m0"},{"field":"leads.0.a/b~c","message":"m1"},{"field":"leads.0.~1","message":"m2"},{"field":"leads.0.full name","message":"m3"},{"field":"leads.0.prénom","message":"m4"},{"field":"leads.0.名前","message":"m5"},{"field":"leads.0.emoji 😀","message":"m6"}]}}"#
    );
}

#[test]
fn keys_needing_json_escapes_stay_valid_json_in_every_format() {
    let path = FieldPath::new().key("say \"hi\"\n").key("back\\slash");
    let errors = FieldErrors::new().with(FieldError::new(path, "c", "m"));
    assert_eq!(
        render(errors.clone(), Builtin::Flat),
        r#"{"success":false,"status":422,"message":"Invalid.","errors":[{"field":"say \"hi\"\n.back\\slash","message":"m"}],"meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1"}}"#
    );
    // In the fragment, `"`, the newline and `\` are percent-encoded.
    assert_eq!(
        render(errors.clone(), Builtin::Problem),
        problem_body(&[("m", "#/say%20%22hi%22%0A/back%5Cslash")])
    );
    let mut out = Vec::new();
    PathError::Invalid(errors).render_into(&Laravel::default(), &ctx(), &mut out);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"message":"Invalid.","errors":{"say \"hi\"\n.back\\slash":["m"]}}"#
    );
}

#[test]
fn default_codes_and_messages_follow_the_full_path() {
    let error = FieldError::missing("phone").prefixed(&FieldPath::new().key("leads").index(0));
    assert_eq!(error.path().pointer(), "/leads/0/phone");
    assert_eq!(error.code(), "validation/missing-leads.0.phone");
    assert_eq!(error.message(), "leads.0.phone is required.");
    // Prefixing twice composes.
    let error = FieldError::missing("city")
        .prefixed(&FieldPath::from("address"))
        .prefixed(&FieldPath::from("leads.4"));
    assert_eq!(error.code(), "validation/missing-leads.4.address.city");
    assert_eq!(error.message(), "leads.4.address.city is required.");
}

/// The JSON string written for `path` by `write`.
fn written(path: &FieldPath, write: fn(&FieldPath, &mut Vec<u8>)) -> String {
    let mut out = Vec::new();
    write(path, &mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn rfc6901_examples_through_the_public_writers() {
    for (key, pointer, fragment) in RFC6901 {
        let path = FieldPath::new().key(key);
        assert_eq!(path.pointer_fragment(), fragment, "key {key:?}");
        let json = serde_json::to_string(pointer).unwrap();
        assert_eq!(written(&path, FieldPath::write_pointer_json), json);
        let json = serde_json::to_string(fragment).unwrap();
        assert_eq!(written(&path, FieldPath::write_pointer_fragment_json), json);
    }
}

#[test]
fn every_notation_of_one_path() {
    let path = FieldPath::new().key("leads").index(0).key("phone");
    assert_eq!(path.to_string(), "leads.0.phone");
    assert_eq!(path.pointer(), "/leads/0/phone");
    assert_eq!(path.pointer_fragment(), "#/leads/0/phone");
    assert_eq!(path.bracketed(), "leads[0].phone");
    assert_eq!(
        written(&path, FieldPath::write_dotted_json),
        r#""leads.0.phone""#
    );
    assert_eq!(
        written(&path, FieldPath::write_pointer_json),
        r#""/leads/0/phone""#
    );
    assert_eq!(
        written(&path, FieldPath::write_pointer_fragment_json),
        r##""#/leads/0/phone""##
    );
    assert_eq!(
        written(&path, FieldPath::write_bracketed_json),
        r#""leads[0].phone""#
    );

    let empty = FieldPath::new();
    assert_eq!(
        [
            written(&empty, FieldPath::write_dotted_json),
            written(&empty, FieldPath::write_pointer_json),
            written(&empty, FieldPath::write_pointer_fragment_json),
            written(&empty, FieldPath::write_bracketed_json),
        ],
        [r#""""#, r#""""#, r##""#""##, r#""""#]
    );
}

#[test]
fn every_writer_escapes_like_serde_json() {
    let hostile = [
        "\"",
        "\\",
        "\n\r\t\u{0}\u{1f}\u{7f}",
        "</script>",
        "é🦀\u{2028}",
        "a.b[0]/~",
    ];
    for key in hostile {
        let path = FieldPath::new().key(key).index(7).key(key);
        assert_eq!(
            written(&path, FieldPath::write_dotted_json),
            serde_json::to_string(&path.to_string()).unwrap()
        );
        assert_eq!(
            written(&path, FieldPath::write_pointer_json),
            serde_json::to_string(&path.pointer()).unwrap()
        );
        assert_eq!(
            written(&path, FieldPath::write_pointer_fragment_json),
            serde_json::to_string(&path.pointer_fragment()).unwrap()
        );
        assert_eq!(
            written(&path, FieldPath::write_bracketed_json),
            serde_json::to_string(&path.bracketed()).unwrap()
        );
        assert!(path.pointer_fragment().is_ascii());
    }
}

#[test]
fn only_canonical_numbers_read_as_indices() {
    assert_eq!(
        FieldPath::from("a.0.10.007.00.1e3.-1"),
        FieldPath::new()
            .key("a")
            .index(0)
            .index(10)
            .key("007")
            .key("00")
            .key("1e3")
            .key("-1")
    );
    // Past usize: a key.
    assert_eq!(
        FieldPath::from("99999999999999999999999"),
        FieldPath::new().key("99999999999999999999999")
    );
    // So the dotted form of a key of leading-zero digits reads back as written.
    let path = FieldPath::new().key("007");
    assert_eq!(FieldPath::from(path.to_string()), path);
}
