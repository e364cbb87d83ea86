//! The example service against its own OpenAPI document, over real HTTP on loopback, in
//! every format: every route's documented and undocumented cases are sent, and every status
//! the service answers must be documented for that operation, with a body that matches the
//! documented schema (the error envelope, or the success response's). Methods a path does
//! not have are 405 with `Allow`, unknown paths 404, both in the envelope.

use std::sync::Arc;

use error_core::format::Builtin;
use error_core::{FixedClock, Timestamp};
use error_examples::service::{self, Config};
use serde_json::Value;

struct Service {
    base: String,
    doc: Value,
    format: Builtin,
}

async fn start(format: Builtin, config: Config) -> Service {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(service::serve(listener, config));
    let doc = serde_json::from_str(&service::openapi::document(format)).unwrap();
    Service {
        base: format!("http://{addr}"),
        doc,
        format,
    }
}

fn config(format: Builtin) -> Config {
    Config {
        format,
        rate: 1_000,
        credits: 1,
        max_leads: 6,
        clock: Arc::new(FixedClock(Timestamp::from_unix_millis(1_770_552_000_000))),
        ..Config::default()
    }
}

/// One request: method, the documented path template, the concrete path and query, the
/// key, the content type and the body.
struct Req {
    method: &'static str,
    template: &'static str,
    path: String,
    key: Option<&'static str>,
    content_type: Option<&'static str>,
    body: String,
}

fn req(method: &'static str, template: &'static str, path: impl Into<String>) -> Req {
    Req {
        method,
        template,
        path: path.into(),
        key: Some("demo-key"),
        content_type: None,
        body: String::new(),
    }
}

impl Req {
    fn key(mut self, key: Option<&'static str>) -> Self {
        self.key = key;
        self
    }

    fn json(mut self, body: impl Into<String>) -> Self {
        self.content_type = Some("application/json");
        self.body = body.into();
        self
    }

    fn raw(mut self, content_type: Option<&'static str>, body: impl Into<String>) -> Self {
        self.content_type = content_type;
        self.body = body.into();
        self
    }
}

/// A validator for `schema`, resolving `#/components/...` in the document.
fn validator(doc: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = schema.clone();
    if let Value::Object(map) = &mut root {
        map.insert("components".into(), doc["components"].clone());
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&root)
        .unwrap()
}

/// Sends `r`, asserts that its status is documented for the operation and that the body
/// matches the documented schema; returns the status.
async fn send(client: &reqwest::Client, svc: &Service, r: Req) -> u16 {
    let method = reqwest::Method::from_bytes(r.method.as_bytes()).unwrap();
    let mut builder = client.request(method, format!("{}{}", svc.base, r.path));
    if let Some(key) = r.key {
        builder = builder.header("x-api-key", key);
    }
    if let Some(content_type) = r.content_type {
        builder = builder.header("content-type", content_type);
    }
    let res = builder.body(r.body).send().await.unwrap();
    let status = res.status().as_u16();
    let content_type = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    let retry_after = res.headers().get("retry-after").is_some();
    let challenge = res.headers().get("www-authenticate").is_some();
    let text = res.text().await.unwrap();
    let what = format!("{} {} {} -> {status}: {text}", svc.format, r.method, r.path);
    let lower = r.method.to_ascii_lowercase();
    let operation = &svc.doc["paths"][r.template][lower.as_str()];
    assert!(operation.is_object(), "undocumented operation: {what}");
    let response = &operation["responses"][status.to_string()];
    assert!(response.is_object(), "undocumented status: {what}");
    // Headers sent are documented.
    if retry_after {
        assert!(
            response["headers"]["Retry-After"].is_object(),
            "Retry-After: {what}"
        );
    }
    if challenge {
        assert!(
            response["headers"]["WWW-Authenticate"].is_object(),
            "WWW-Authenticate: {what}"
        );
    }
    match response.get("content") {
        None => assert_eq!(text, "", "{what}"),
        Some(content) => {
            let content_type = content_type.unwrap();
            let media = &content[content_type.as_str()];
            assert!(
                media.is_object(),
                "undocumented content type {content_type}: {what}"
            );
            let body: Value = serde_json::from_str(&text).unwrap();
            let validator = validator(&svc.doc, &media["schema"]);
            let problems: Vec<String> = validator
                .iter_errors(&body)
                .map(|e| e.to_string())
                .collect();
            assert!(problems.is_empty(), "{what}: {problems:?}");
        }
    }
    status
}

/// A request to an operation the document does not have: 404 or 405 in the envelope.
async fn send_undocumented(
    client: &reqwest::Client,
    svc: &Service,
    method: &str,
    path: &str,
) -> (u16, Option<String>) {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let res = client
        .request(method, format!("{}{path}", svc.base))
        .header("x-api-key", "demo-key")
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let allow = res
        .headers()
        .get("allow")
        .map(|v| v.to_str().unwrap().to_owned());
    let body: Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    let schema = error_core::openapi::EnvelopeSchema::envelope_schema(&svc.format);
    let schema = serde_json::to_value(schema).unwrap();
    assert!(jsonschema::is_valid(&schema, &body), "{path}: {body}");
    (status, allow)
}

const LEADS: &str = "/v1/leads";
const BULK: &str = "/v1/leads/bulk";
const LEAD: &str = "/v1/leads/{id}";
const ENRICH: &str = "/v1/leads/{id}/enrich";

fn lead(email: &str) -> String {
    format!(r#"{{"email":"{email}","firstName":"Ada","score":90}}"#)
}

#[tokio::test]
async fn every_status_answered_is_documented_for_its_route_in_every_format() {
    let client = reqwest::Client::new();
    for format in Builtin::ALL {
        let svc = start(format, config(format)).await;
        let mut seen = std::collections::BTreeSet::new();
        let cases = vec![
            (req("GET", "/openapi.json", "/openapi.json").key(None), 200),
            (req("GET", LEADS, LEADS), 200),
            (req("GET", LEADS, "/v1/leads?offset=0&limit=100"), 200),
            (req("GET", LEADS, LEADS).key(Some("read-only-key")), 200),
            (req("GET", LEADS, LEADS).key(None), 401),
            (req("GET", LEADS, LEADS).key(Some("nope")), 401),
            (req("GET", LEADS, "/v1/leads?limit=0"), 422),
            (req("GET", LEADS, "/v1/leads?limit=101"), 422),
            (req("GET", LEADS, "/v1/leads?limit=abc"), 400),
            (req("GET", LEADS, "/v1/leads?offset=-1"), 400),
            (req("POST", LEADS, LEADS).json(lead("ada@acme.com")), 201),
            (req("POST", LEADS, LEADS).json(lead("ADA@acme.com")), 409),
            // JSON Schema's `integer` includes 75.0: accepted as 75 (a fraction is not).
            (
                req("POST", LEADS, LEADS)
                    .json(r#"{"email":"whole@acme.com","firstName":"W","score":75.0}"#),
                201,
            ),
            (
                req("POST", LEADS, LEADS)
                    .json(r#"{"email":"half@acme.com","firstName":"H","score":75.5}"#),
                422,
            ),
            // 254 characters of 2 bytes each: within `maxLength`, which counts characters.
            (
                req("POST", LEADS, LEADS).json(format!(
                    r#"{{"email":"{}@é.fr","firstName":"É","score":1}}"#,
                    "é".repeat(249)
                )),
                201,
            ),
            (
                req("POST", LEADS, LEADS).json(r#"{"email":"nope","score":101}"#),
                422,
            ),
            (req("POST", LEADS, LEADS).json(r#"{"email":5}"#), 422),
            (req("POST", LEADS, LEADS).json(r#"{"email":"#), 400),
            (req("POST", LEADS, LEADS).json(""), 400),
            (req("POST", LEADS, LEADS).json("[]"), 422),
            (
                req("POST", LEADS, LEADS).raw(Some("text/plain"), "email=a"),
                415,
            ),
            (req("POST", LEADS, LEADS).raw(None, lead("x@acme.com")), 415),
            (
                req("POST", LEADS, LEADS).json(format!(r#"{{"email":"{}"}}"#, "a".repeat(70_000))),
                413,
            ),
            (
                req("POST", LEADS, LEADS)
                    .json(lead("ro@acme.com"))
                    .key(Some("read-only-key")),
                403,
            ),
            (
                req("POST", LEADS, LEADS).json(lead("x@acme.com")).key(None),
                401,
            ),
            (
                req("POST", BULK, BULK).json(format!(
                    r#"{{"leads":[{},{}]}}"#,
                    lead("b@acme.com"),
                    lead("c@acme.com")
                )),
                201,
            ),
            (req("POST", BULK, BULK).json(r#"{"leads":[]}"#), 422),
            (req("POST", BULK, BULK).json("{}"), 422),
            (
                req("POST", BULK, BULK).json(format!(
                    r#"{{"leads":[{},{}]}}"#,
                    lead("d@acme.com"),
                    lead("D@acme.com")
                )),
                409,
            ),
            (
                req("POST", BULK, BULK).json(format!(r#"{{"leads":[{}]}}"#, lead("ada@acme.com"))),
                409,
            ),
            (
                req("POST", BULK, BULK)
                    .json(format!(r#"{{"leads":[{}]}}"#, vec!["{}"; 1001].join(","))),
                422,
            ),
            (
                req("POST", BULK, BULK).raw(Some("application/xml"), "<leads/>"),
                415,
            ),
            (req("POST", LEADS, LEADS).json(lead("e@acme.com")), 201),
            // The tenant's share (6) is full now.
            (req("POST", LEADS, LEADS).json(lead("f@acme.com")), 507),
            (
                req("POST", BULK, BULK).json(format!(r#"{{"leads":[{}]}}"#, lead("g@acme.com"))),
                507,
            ),
            (req("GET", LEAD, "/v1/leads/1"), 200),
            (
                req("GET", LEAD, "/v1/leads/1").key(Some("other-tenant-key")),
                404,
            ),
            (req("GET", LEAD, "/v1/leads/99"), 404),
            (req("GET", LEAD, "/v1/leads/abc"), 400),
            (req("GET", LEAD, "/v1/leads/-1"), 400),
            (req("GET", LEAD, "/v1/leads/99999999999999999999999"), 400),
            (req("GET", LEAD, "/v1/leads/1").key(None), 401),
            (req("POST", ENRICH, "/v1/leads/99/enrich"), 404),
            (req("POST", ENRICH, "/v1/leads/abc/enrich"), 400),
            (
                req("POST", ENRICH, "/v1/leads/1/enrich").key(Some("read-only-key")),
                403,
            ),
            (req("POST", ENRICH, "/v1/leads/1/enrich"), 200),
            (req("POST", ENRICH, "/v1/leads/1/enrich"), 402),
            (
                req("DELETE", LEAD, "/v1/leads/1").key(Some("read-only-key")),
                403,
            ),
            (
                req("DELETE", LEAD, "/v1/leads/1").key(Some("other-tenant-key")),
                404,
            ),
            (req("DELETE", LEAD, "/v1/leads/x"), 400),
            (req("DELETE", LEAD, "/v1/leads/1"), 204),
            (req("DELETE", LEAD, "/v1/leads/1"), 404),
            // The provider's failure, for the other tenant (which has its credit).
            (
                req("POST", LEADS, LEADS)
                    .json(lead("bob@fail.example"))
                    .key(Some("other-tenant-key")),
                201,
            ),
            (
                req("POST", ENRICH, "/v1/leads/7/enrich").key(Some("other-tenant-key")),
                500,
            ),
        ];
        for (i, (r, want)) in cases.into_iter().enumerate() {
            let what = format!("{format} case {i}: {} {}", r.method, r.path);
            let got = send(&client, &svc, r).await;
            assert_eq!(got, want, "{what}");
            seen.insert(got);
        }
        assert_eq!(
            seen.into_iter().collect::<Vec<_>>(),
            [200, 201, 204, 400, 401, 402, 403, 404, 409, 413, 415, 422, 500, 507]
        );

        // The rate limit and the key-guess throttle, on servers configured to reach them.
        let svc = start(
            format,
            Config {
                rate: 2,
                ..config(format)
            },
        )
        .await;
        let statuses = [
            send(&client, &svc, req("GET", LEADS, LEADS)).await,
            send(&client, &svc, req("GET", LEADS, LEADS)).await,
            send(&client, &svc, req("DELETE", LEAD, "/v1/leads/1")).await,
        ];
        assert_eq!(statuses, [200, 200, 429]);
        let svc = start(
            format,
            Config {
                auth_failures: 1,
                ..config(format)
            },
        )
        .await;
        let statuses = [
            send(
                &client,
                &svc,
                req("GET", LEAD, "/v1/leads/1").key(Some("guess")),
            )
            .await,
            send(&client, &svc, req("POST", ENRICH, "/v1/leads/1/enrich")).await,
        ];
        assert_eq!(statuses, [401, 429]);

        // What the document has no operation for.
        let svc = start(format, config(format)).await;
        for (method, path, want, allow) in [
            ("PUT", "/v1/leads/1", 405, Some("GET,HEAD,DELETE")),
            ("POST", "/v1/leads/1", 405, Some("GET,HEAD,DELETE")),
            ("PATCH", "/v1/leads", 405, Some("GET,HEAD,POST")),
            ("GET", "/v1/leads/bulk", 405, Some("POST")),
            ("GET", "/v1/leads/1/enrich", 405, Some("POST")),
            ("DELETE", "/openapi.json", 405, Some("GET,HEAD")),
            ("GET", "/nope", 404, None),
            ("GET", "/v1/leads/1/2/3", 404, None),
            ("GET", "/v1/leads/", 404, None),
        ] {
            let (status, got_allow) = send_undocumented(&client, &svc, method, path).await;
            assert_eq!(
                (status, got_allow.as_deref()),
                (want, allow),
                "{format} {method} {path}"
            );
        }
    }
}

/// `NewLead`'s schema and the service's validation accept exactly the same leads, both ways
/// (what schemathesis checks as positive and negative data), on the characters where regular
/// expression dialects disagree about whitespace.
#[tokio::test]
async fn the_new_lead_schema_accepts_exactly_what_validation_accepts() {
    let client = reqwest::Client::new();
    let svc = start(
        Builtin::Flat,
        Config {
            max_leads: 1_000,
            ..config(Builtin::Flat)
        },
    )
    .await;
    let schema = serde_json::json!({"$ref": "#/components/schemas/NewLead"});
    let validator = validator(&svc.doc, &schema);
    let emails = [
        "a@b.co",
        " a@b.co",
        "a@b.co ",
        "a@b.co\n",
        "a\u{85}b@c.de",
        "a\u{feff}b@c.de",
        "a\u{a0}b@c.de",
        "a\u{1c}b@c.de",
        "a\u{2028}b@c.de",
        "a@b..c",
        "a@.b.c",
        "a@b.c.",
        "@b.c",
        "a@b",
        "a@@b.c",
        "",
    ];
    let names = [
        "Ada",
        " Ada ",
        " ",
        "\u{85}",
        "\u{feff}",
        "\u{1c}",
        "\t",
        "\u{3000}x",
    ];
    let phones = [
        serde_json::Value::Null,
        "".into(),
        " ".into(),
        "+44 20 7946 0958".into(),
        " 1234567 ".into(),
        "\t1234567".into(),
        "123456".into(),
        "1234567890123456".into(),
        "+-1234567".into(),
        "1+234567".into(),
    ];
    let mut n = 0;
    let mut bodies = Vec::new();
    for email in emails {
        bodies.push(
            serde_json::json!({"email": format!("{n}{email}"), "firstName": "A", "score": 1}),
        );
        n += 1;
    }
    for name in names {
        bodies.push(
            serde_json::json!({"email": format!("n{n}@acme.com"), "firstName": name, "score": 1}),
        );
        n += 1;
    }
    for phone in phones {
        bodies.push(serde_json::json!({"email": format!("p{n}@acme.com"), "firstName": "P", "score": 1, "phone": phone}));
        n += 1;
    }
    for body in bodies {
        let valid = validator.is_valid(&body);
        let res = client
            .post(format!("{}/v1/leads", svc.base))
            .header("x-api-key", "demo-key")
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        assert_eq!(valid, status == 201, "{body} -> {status}");
    }
}
