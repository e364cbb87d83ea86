//! The example Leads API over real HTTP: a real axum server on 127.0.0.1:0, a real client,
//! every error path in every format, whole bodies and exact headers, with a fixed clock.

use std::sync::Arc;

use error_core::format::Builtin;
use error_core::{FixedClock, Origin, Timestamp};
use error_examples::service::{self, Config};

/// 2026-02-08T12:00:00.000Z
const T0: u64 = 1_770_552_000_000;
const TS: &str = "2026-02-08T12:00:00.000Z";

async fn start(format: Builtin, rate: u32, credits: u32) -> String {
    let config = Config {
        format,
        rate,
        credits,
        clock: Arc::new(FixedClock(Timestamp::from_unix_millis(T0))),
        ..Config::default()
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(service::serve(listener, config));
    format!("http://{addr}")
}

/// What an error response must say, rendered per format by [`body`].
struct Expect {
    status: u16,
    title: &'static str,
    code: &'static str,
    message: &'static str,
    /// (dotted path, JSON pointer, field code, field message)
    fields: Option<Vec<(&'static str, &'static str, &'static str, &'static str)>>,
    /// The placeholder values of the message, by name (AIP-193's `ErrorInfo.metadata`).
    meta: Vec<(&'static str, String)>,
    /// When `message` is a translation: its locale and the catalogue's own message (AIP-193
    /// keeps that in `message` and the translation in a `LocalizedMessage`).
    translated: Option<(&'static str, &'static str)>,
    /// Where the fields' values came from (JSON:API's `source`).
    origin: Origin,
    /// For a translated field message, by position: the catalogue's own text (AIP-193 keeps
    /// it as `description`, the translation going to `localizedMessage`).
    field_originals: Vec<Option<&'static str>>,
}

fn expect(status: u16, title: &'static str, code: &'static str, message: &'static str) -> Expect {
    Expect {
        status,
        title,
        code,
        message,
        fields: None,
        meta: Vec::new(),
        translated: None,
        origin: Origin::Body,
        field_originals: Vec::new(),
    }
}

impl Expect {
    fn translated(mut self, locale: &'static str, original: &'static str) -> Self {
        self.translated = Some((locale, original));
        self
    }

    fn origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    fn meta(mut self, name: &'static str, value: impl ToString) -> Self {
        self.meta.push((name, value.to_string()));
        self
    }

    fn field(
        mut self,
        path: &'static str,
        pointer: &'static str,
        code: &'static str,
        message: &'static str,
    ) -> Self {
        self.fields
            .get_or_insert_with(Vec::new)
            .push((path, pointer, code, message));
        self.field_originals.push(None);
        self
    }

    /// A field error whose message is a translation of `original`.
    fn field_translated(
        mut self,
        path: &'static str,
        pointer: &'static str,
        code: &'static str,
        message: &'static str,
        original: &'static str,
    ) -> Self {
        self = self.field(path, pointer, code, message);
        if let Some(last) = self.field_originals.last_mut() {
            *last = Some(original);
        }
        self
    }
}

fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// The envelope of `e` in `format` with request id `rid`, written out by hand from the
/// formats' documented shapes.
fn body(format: Builtin, e: &Expect, rid: &str) -> String {
    body_with(format, e, rid, None)
}

/// `body`, with the `Retry-After` seconds of the response (AIP-193's `RetryInfo`).
fn body_with(format: Builtin, e: &Expect, rid: &str, retry: Option<&str>) -> String {
    let (status, message) = (e.status, q(e.message));
    let list = |key: &str| {
        let items: Vec<String> = e
            .fields
            .iter()
            .flatten()
            .map(|(path, _, _, msg)| format!(r#"{{"{key}":{},"message":{}}}"#, q(path), q(msg)))
            .collect();
        format!("[{}]", items.join(","))
    };
    match format {
        Builtin::Flat => {
            let errors = match e.fields {
                Some(_) => format!(r#","errors":{}"#, list("field")),
                None => String::new(),
            };
            format!(
                r#"{{"success":false,"status":{status},"message":{message}{errors},"meta":{{"timestamp":"{TS}","version":"v1","request_id":{}}}}}"#,
                q(rid)
            )
        }
        Builtin::Nested => {
            let details = match &e.fields {
                Some(fields) => {
                    let items: Vec<String> = fields
                        .iter()
                        .map(|(_, _, code, msg)| {
                            format!(r#"{{"code":{},"message":{}}}"#, q(code), q(msg))
                        })
                        .collect();
                    format!("[{}]", items.join(","))
                }
                None => q(e.code),
            };
            format!(
                r#"{{"success":false,"error":{{"code":{status},"timestamp":"{TS}","message":{message},"details":{details}}}}}"#
            )
        }
        Builtin::Laravel => match &e.fields {
            Some(fields) => {
                let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
                for (path, _, _, msg) in fields {
                    match groups.iter_mut().find(|(p, _)| p == path) {
                        Some((_, msgs)) => msgs.push(q(msg)),
                        None => groups.push((path, vec![q(msg)])),
                    }
                }
                let items: Vec<String> = groups
                    .iter()
                    .map(|(p, msgs)| format!("{}:[{}]", q(p), msgs.join(",")))
                    .collect();
                format!(
                    r#"{{"message":{message},"errors":{{{}}}}}"#,
                    items.join(",")
                )
            }
            None => format!(r#"{{"message":{message}}}"#),
        },
        Builtin::Compact => {
            let details = match e.fields {
                Some(_) => list("field"),
                None => "null".to_owned(),
            };
            format!(r#"{{"error":{{"message":{message},"details":{details}}}}}"#)
        }
        Builtin::Problem => {
            let errors = match &e.fields {
                Some(fields) => {
                    let items: Vec<String> = fields
                        .iter()
                        .map(|(_, ptr, _, msg)| {
                            format!(r#"{{"detail":{},"pointer":{}}}"#, q(msg), q(ptr))
                        })
                        .collect();
                    format!(r#","errors":[{}]"#, items.join(","))
                }
                None => String::new(),
            };
            format!(
                r#"{{"type":"about:blank","title":{},"status":{status},"detail":{message},"code":{}{errors},"request_id":{}}}"#,
                q(e.title),
                q(e.code),
                q(rid)
            )
        }
        Builtin::Aip => {
            // The catalogue's codes, as AIP-193 reasons.
            let reason = e.code.to_uppercase().replace(['/', '-'], "_");
            let metadata = if e.meta.is_empty() {
                String::new()
            } else {
                let pairs: Vec<String> = e
                    .meta
                    .iter()
                    .map(|(k, v)| format!("{}:{}", q(k), q(v)))
                    .collect();
                format!(r#","metadata":{{{}}}"#, pairs.join(","))
            };
            let mut details = vec![format!(
                r#"{{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":{}{metadata}}}"#,
                q(&reason)
            )];
            if let Some(fields) = &e.fields {
                let items: Vec<String> = fields
                    .iter()
                    .zip(&e.field_originals)
                    .map(|((path, _, code, msg), original)| {
                        // `leads.0.phone` is `leads[0].phone`; a validation code's reason is
                        // its kind (`validation/invalid-email`: `VALIDATION_INVALID`).
                        let field = error_core::grpc::field_path(&(*path).into());
                        let reason = error_core::grpc::field_reason(&error_core::FieldError::new(
                            *path, *code, *msg,
                        ));
                        // AIP-193 "Localization": the description in the catalogue's
                        // language, the translation beside it.
                        let (description, localized) = match (original, e.translated) {
                            (Some(original), Some((locale, _))) => (
                                *original,
                                format!(
                                    r#","localizedMessage":{{"locale":{},"message":{}}}"#,
                                    q(locale),
                                    q(msg)
                                ),
                            ),
                            _ => (*msg, String::new()),
                        };
                        format!(
                            r#"{{"field":{},"description":{},"reason":{}{localized}}}"#,
                            q(&field),
                            q(description),
                            q(&reason)
                        )
                    })
                    .collect();
                details.push(format!(
                    r#"{{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{}]}}"#,
                    items.join(",")
                ));
            }
            if let Some(seconds) = retry {
                details.push(format!(
                    r#"{{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"{seconds}s"}}"#
                ));
            }
            details.push(format!(
                r#"{{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":{}}}"#,
                q(rid)
            ));
            let message = match e.translated {
                // AIP-193 "Localization": the developer-facing message, and the translation
                // in a `LocalizedMessage` detail.
                Some((locale, original)) => {
                    details.push(format!(
                        r#"{{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":{},"message":{message}}}"#,
                        q(locale)
                    ));
                    q(original)
                }
                None => message,
            };
            format!(
                r#"{{"error":{{"code":{status},"message":{message},"status":{},"details":[{}]}}}}"#,
                q(error_core::grpc::Code::from_http(status).name()),
                details.join(",")
            )
        }
        Builtin::JsonApi => {
            let meta = format!(r#","meta":{{"request_id":{}}}"#, q(rid));
            let objects: Vec<String> = match &e.fields {
                Some(fields) if !fields.is_empty() => fields
                    .iter()
                    .map(|(path, ptr, _, msg)| {
                        // The body's fields are pointers, the query's parameters; a path
                        // parameter has no `source` in JSON:API.
                        let source = match e.origin {
                            Origin::Body => format!(
                                r#","source":{{"pointer":{}}}"#,
                                q(&format!("/data/attributes{}", &ptr[1..]))
                            ),
                            Origin::Query => format!(r#","source":{{"parameter":{}}}"#, q(path)),
                            Origin::Header => format!(r#","source":{{"header":{}}}"#, q(path)),
                            Origin::Path => String::new(),
                        };
                        format!(
                            r#"{{"status":"{status}","code":{}{source},"title":{message},"detail":{}{meta}}}"#,
                            q(e.code),
                            q(msg)
                        )
                    })
                    .collect(),
                _ => vec![format!(
                    r#"{{"status":"{status}","code":{},"title":{},"detail":{message}{meta}}}"#,
                    q(e.code),
                    q(e.title)
                )],
            };
            format!(r#"{{"errors":[{}]}}"#, objects.join(","))
        }
        Builtin::Microsoft => {
            let details = match &e.fields {
                Some(fields) if !fields.is_empty() => {
                    // The common parent of the fields' dotted paths is the `target`, and
                    // each detail's target is relative to it.
                    let split: Vec<Vec<&str>> = fields
                        .iter()
                        .map(|(p, ..)| p.split('.').collect())
                        .collect();
                    let mut common = split[0].len();
                    for other in &split[1..] {
                        common = common.min(
                            split[0]
                                .iter()
                                .zip(other)
                                .take_while(|(a, b)| a == b)
                                .count(),
                        );
                    }
                    let target = split[0][..common].join(".");
                    let strip = if fields.len() > 1 { common } else { 0 };
                    let items: Vec<String> = fields
                        .iter()
                        .zip(&split)
                        .map(|((_, _, code, msg), segments)| {
                            let rest = segments[strip..].join(".");
                            let target = if rest.is_empty() {
                                String::new()
                            } else {
                                format!(r#","target":{}"#, q(&rest))
                            };
                            format!(
                                r#"{{"code":{}{target},"message":{}}}"#,
                                q(&pascal(code)),
                                q(msg)
                            )
                        })
                        .collect();
                    let top = if target.is_empty() {
                        String::new()
                    } else {
                        format!(r#","target":{}"#, q(&target))
                    };
                    format!(r#"{top},"details":[{}]"#, items.join(","))
                }
                _ => String::new(),
            };
            format!(
                r#"{{"error":{{"code":{},"message":{message}{details}}}}}"#,
                q(&pascal(e.code))
            )
        }
    }
}

/// `lead/not-found` in the Microsoft guidelines' PascalCase: `LeadNotFound`.
fn pascal(code: &str) -> String {
    code.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| word[..1].to_uppercase() + &word[1..])
        .collect()
}

fn content_type(format: Builtin) -> &'static str {
    match format {
        Builtin::Problem => "application/problem+json",
        Builtin::JsonApi => "application/vnd.api+json",
        _ => "application/json",
    }
}

/// Every header but `date`, sorted.
fn headers(res: &reqwest::Response) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = res
        .headers()
        .iter()
        .filter(|(name, _)| name.as_str() != "date")
        .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
        .collect();
    out.sort();
    out
}

/// The headers of an error response: the eight always there (the service negotiates the
/// format and the language), plus `extra`.
fn error_headers(
    format: Builtin,
    body: &str,
    rid: &str,
    extra: &[(&str, &str)],
) -> Vec<(String, String)> {
    let mut out = vec![
        ("cache-control".to_owned(), "no-store".to_owned()),
        ("content-language".to_owned(), "en".to_owned()),
        ("content-length".to_owned(), body.len().to_string()),
        ("content-type".to_owned(), content_type(format).to_owned()),
        ("vary".to_owned(), "Accept".to_owned()),
        ("vary".to_owned(), "Accept-Language".to_owned()),
        ("x-content-type-options".to_owned(), "nosniff".to_owned()),
        ("x-request-id".to_owned(), rid.to_owned()),
    ];
    out.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    if format == Builtin::Microsoft {
        // The error code, as the header the guidelines name.
        let code = serde_json::from_str::<serde_json::Value>(body).unwrap()["error"]["code"]
            .as_str()
            .unwrap()
            .to_owned();
        out.push(("x-ms-error-code".to_owned(), code));
    }
    out.sort();
    out
}

/// Sends `req` with request id `rid` and asserts the whole error response.
async fn check(
    format: Builtin,
    req: reqwest::RequestBuilder,
    rid: &str,
    e: &Expect,
    extra: &[(&str, &str)],
) {
    let res = req.header("x-request-id", rid).send().await.unwrap();
    assert_eq!(res.status().as_u16(), e.status, "{format} {}", e.code);
    let got_headers = headers(&res);
    let text = res.text().await.unwrap();
    let retry = extra
        .iter()
        .find(|(name, _)| *name == "retry-after")
        .map(|(_, seconds)| *seconds);
    let want = body_with(format, e, rid, retry);
    assert_eq!(text, want, "{format} {}", e.code);
    assert_eq!(
        got_headers,
        error_headers(format, &want, rid, extra),
        "{format} {}",
        e.code
    );
}

fn json_post(
    client: &reqwest::Client,
    url: String,
    key: &str,
    json: &str,
) -> reqwest::RequestBuilder {
    client
        .post(url)
        .header("x-api-key", key)
        .header("content-type", "application/json")
        .body(json.to_owned())
}

async fn create(client: &reqwest::Client, base: &str, json: &str) -> serde_json::Value {
    let res = json_post(client, format!("{base}/v1/leads"), "demo-key", json)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    serde_json::from_str(&res.text().await.unwrap()).unwrap()
}

#[tokio::test]
async fn validation_and_conflicts_in_every_format() {
    let client = reqwest::Client::new();
    for format in Builtin::ALL {
        let base = start(format, 1000, 1).await;

        let invalid = expect(
            422,
            "Unprocessable Content",
            "validation_error",
            "Validation failed",
        )
        .field(
            "email",
            "#/email",
            "validation/invalid-email",
            "Invalid email format",
        )
        .field(
            "firstName",
            "#/firstName",
            "validation/missing-firstName",
            "firstName is required.",
        )
        .field(
            "score",
            "#/score",
            "validation/out-of-range-score",
            "Must be between 0 and 100",
        )
        .field(
            "phone",
            "#/phone",
            "validation/invalid-phone",
            "Invalid phone number",
        );
        let req = json_post(
            &client,
            format!("{base}/v1/leads"),
            "demo-key",
            r#"{"email":"nope","score":101,"phone":"call me"}"#,
        );
        check(format, req, "t-422", &invalid, &[]).await;

        // In range but not whole: the score's problem is its fraction, not its range.
        let fraction = expect(
            422,
            "Unprocessable Content",
            "validation_error",
            "Validation failed",
        )
        .field(
            "score",
            "#/score",
            "validation/invalid-score",
            "Must be a whole number",
        );
        let req = json_post(
            &client,
            format!("{base}/v1/leads"),
            "demo-key",
            r#"{"email":"half@acme.com","firstName":"H","score":75.5}"#,
        );
        check(format, req, "t-422-fraction", &fraction, &[]).await;
        let req = json_post(
            &client,
            format!("{base}/v1/leads"),
            "demo-key",
            r#"{"email":"far@acme.com","firstName":"F","score":150.5}"#,
        );
        let out_of_range = expect(
            422,
            "Unprocessable Content",
            "validation_error",
            "Validation failed",
        )
        .field(
            "score",
            "#/score",
            "validation/out-of-range-score",
            "Must be between 0 and 100",
        );
        check(format, req, "t-422-range", &out_of_range, &[]).await;

        let lead = create(
            &client,
            &base,
            r#"{"email":"ada@acme.com","firstName":"Ada","score":90}"#,
        )
        .await;
        assert_eq!(
            lead.to_string(),
            r#"{"company":null,"email":"ada@acme.com","firstName":"Ada","id":1,"phone":null,"score":90}"#
        );

        let duplicate = expect(
            409,
            "Conflict",
            "lead/duplicate-email",
            "A lead with the email ADA@acme.com already exists.",
        )
        .meta("email", "ADA@acme.com");
        let req = json_post(
            &client,
            format!("{base}/v1/leads"),
            "demo-key",
            r#"{"email":"ADA@acme.com","firstName":"Ada","score":1}"#,
        );
        check(format, req, "t-409", &duplicate, &[]).await;

        // Bulk: all or nothing, every failing item under its index.
        let bulk = expect(
            422,
            "Unprocessable Content",
            "validation_error",
            "Validation failed",
        )
        .field(
            "leads.0.phone",
            "#/leads/0/phone",
            "validation/invalid-leads.0.phone",
            "Invalid phone number",
        )
        .field(
            "leads.1.email",
            "#/leads/1/email",
            "validation/missing-leads.1.email",
            "leads.1.email is required.",
        )
        .field(
            "leads.1.firstName",
            "#/leads/1/firstName",
            "validation/missing-leads.1.firstName",
            "leads.1.firstName is required.",
        );
        let req = json_post(
            &client,
            format!("{base}/v1/leads/bulk"),
            "demo-key",
            r#"{"leads":[
                {"email":"b@acme.com","firstName":"B","score":1,"phone":"12"},
                {"score":2},
                {"email":"c@acme.com","firstName":"C","score":3,"phone":"+44 20 7946 0958"},
                {"email":"C@acme.com","firstName":"C2","score":4},
                {"email":"ada@acme.com","firstName":"A2","score":5}
            ]}"#,
        );
        check(format, req, "t-bulk", &bulk, &[]).await;
        // Valid leads whose emails exist or repeat: a conflict, 409, each under its index.
        let conflict = expect(
            409,
            "Conflict",
            "lead/duplicate-emails",
            "Some leads have an email that already exists.",
        )
        .field(
            "leads.1.email",
            "#/leads/1/email",
            "validation/duplicate-leads.1.email",
            "A lead with this email already exists",
        )
        .field(
            "leads.2.email",
            "#/leads/2/email",
            "validation/duplicate-leads.2.email",
            "A lead with this email already exists",
        );
        let req = json_post(
            &client,
            format!("{base}/v1/leads/bulk"),
            "demo-key",
            r#"{"leads":[
                {"email":"c@acme.com","firstName":"C","score":3,"phone":"+44 20 7946 0958"},
                {"email":"C@acme.com","firstName":"C2","score":4},
                {"email":"ada@acme.com","firstName":"A2","score":5}
            ]}"#,
        );
        check(format, req, "t-bulk-409", &conflict, &[]).await;
        // Nothing of the failed batches was stored.
        let list = client
            .get(format!("{base}/v1/leads"))
            .header("x-api-key", "read-only-key")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let list: serde_json::Value = serde_json::from_str(&list).unwrap();
        assert_eq!(list["leads"].as_array().unwrap().len(), 1);

        let res = json_post(
            &client,
            format!("{base}/v1/leads/bulk"),
            "demo-key",
            r#"{"leads":[{"email":"d@acme.com","firstName":"D","score":4},{"email":"e@acme.com","firstName":"E","score":5}]}"#,
        )
        .send()
        .await
        .unwrap();
        assert_eq!(res.status(), 201);
        let created: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
        assert_eq!(created["leads"][1]["id"], 3);

        let empty = expect(
            422,
            "Unprocessable Content",
            "validation_error",
            "Validation failed",
        )
        .field(
            "leads",
            "#/leads",
            "validation/invalid-leads",
            "Send at least one lead",
        );
        let req = json_post(
            &client,
            format!("{base}/v1/leads/bulk"),
            "demo-key",
            r#"{"leads":[]}"#,
        );
        check(format, req, "t-empty", &empty, &[]).await;
    }
}

#[tokio::test]
async fn lookups_credits_and_ids_in_every_format() {
    let client = reqwest::Client::new();
    for format in Builtin::ALL {
        let base = start(format, 1000, 1).await;
        create(
            &client,
            &base,
            r#"{"email":"ada@acme.com","firstName":"Ada","score":90}"#,
        )
        .await;

        let not_found =
            expect(404, "Not Found", "lead/not-found", "Lead 42 was not found.").meta("id", 42);
        let req = client
            .get(format!("{base}/v1/leads/42"))
            .header("x-api-key", "demo-key");
        check(format, req, "t-404", &not_found, &[]).await;
        let req = client
            .delete(format!("{base}/v1/leads/42"))
            .header("x-api-key", "demo-key");
        check(format, req, "t-404d", &not_found, &[]).await;

        let bad_id = expect(
            400,
            "Bad Request",
            "request/invalid-path",
            "Invalid path parameters.",
        )
        .field(
            "id",
            "#/id",
            "validation/invalid-id",
            "id must be a non-negative integer.",
        )
        .origin(Origin::Path);
        let req = client
            .get(format!("{base}/v1/leads/abc"))
            .header("x-api-key", "demo-key");
        check(format, req, "t-id", &bad_id, &[]).await;
        let req = client
            .delete(format!("{base}/v1/leads/-1"))
            .header("x-api-key", "demo-key");
        check(format, req, "t-id2", &bad_id, &[]).await;

        let bad_query = expect(
            400,
            "Bad Request",
            "request/invalid-query",
            "Invalid query parameters.",
        )
        .field(
            "limit",
            "#/limit",
            "validation/invalid-value",
            "limit: not a valid number.",
        )
        .origin(Origin::Query);
        let req = client
            .get(format!("{base}/v1/leads?limit=ten"))
            .header("x-api-key", "demo-key");
        check(format, req, "t-q", &bad_query, &[]).await;
        let limit = expect(
            422,
            "Unprocessable Content",
            "validation_error",
            "Validation failed",
        )
        .field(
            "limit",
            "#/limit",
            "validation/out-of-range-limit",
            "Must be between 1 and 100",
        );
        let req = client
            .get(format!("{base}/v1/leads?limit=0"))
            .header("x-api-key", "demo-key");
        check(format, req, "t-q2", &limit, &[]).await;

        // An unknown lead is 404, and its credit is given back.
        let req = client
            .post(format!("{base}/v1/leads/9/enrich"))
            .header("x-api-key", "demo-key");
        let missing =
            expect(404, "Not Found", "lead/not-found", "Lead 9 was not found.").meta("id", 9);
        check(format, req, "t-404e", &missing, &[]).await;

        // One credit: the first enrichment succeeds, the second is 402.
        let res = client
            .post(format!("{base}/v1/leads/1/enrich"))
            .header("x-api-key", "demo-key")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(
            res.text().await.unwrap(),
            r#"{"id":1,"email":"ada@acme.com","firstName":"Ada","score":90,"phone":null,"company":"Acme"}"#
        );
        let no_credit = expect(
            402,
            "Payment Required",
            "billing/no-credits",
            "Your credit balance is too low for the action.",
        );
        let req = client
            .post(format!("{base}/v1/leads/1/enrich"))
            .header("x-api-key", "demo-key");
        check(format, req, "t-402", &no_credit, &[]).await;
        // Credits are checked first: without one, even an unknown lead is 402.
        let req = client
            .post(format!("{base}/v1/leads/9/enrich"))
            .header("x-api-key", "demo-key");
        check(format, req, "t-402b", &no_credit, &[]).await;

        let res = client
            .delete(format!("{base}/v1/leads/1"))
            .header("x-api-key", "demo-key")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);
    }
}

#[tokio::test]
async fn auth_and_rate_limit_in_every_format() {
    let client = reqwest::Client::new();
    for format in Builtin::ALL {
        let base = start(format, 2, 1).await;
        let www = [("www-authenticate", "ApiKey")];

        let missing = expect(
            401,
            "Unauthorized",
            "auth/missing-api-key",
            "Authentication required.",
        );
        check(
            format,
            client.get(format!("{base}/v1/leads/1")),
            "t-401",
            &missing,
            &www,
        )
        .await;
        let unknown = expect(
            401,
            "Unauthorized",
            "auth/invalid-api-key",
            "The API key is not valid.",
        );
        let req = client
            .get(format!("{base}/v1/leads/1"))
            .header("x-api-key", "stolen-key");
        check(format, req, "t-401b", &unknown, &www).await;

        // read-only-key: reads pass, writes are 403 (two requests of its two per second).
        let res = client
            .get(format!("{base}/v1/leads"))
            .header("x-api-key", "read-only-key")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.text().await.unwrap(), r#"{"leads":[]}"#);
        let forbidden = expect(
            403,
            "Forbidden",
            "auth/read-only-key",
            "This API key can only read.",
        );
        let req = client
            .delete(format!("{base}/v1/leads/1"))
            .header("x-api-key", "read-only-key");
        check(format, req, "t-403", &forbidden, &[]).await;

        // The clock is stopped at a whole second: the third request of the window waits 1 s.
        let limited = expect(
            429,
            "Too Many Requests",
            "rate_limited",
            "Too many requests. Retry later.",
        );
        let req = client
            .get(format!("{base}/v1/leads"))
            .header("x-api-key", "read-only-key");
        check(format, req, "t-429", &limited, &[("retry-after", "1")]).await;
        // Another key has its own budget.
        let res = client
            .get(format!("{base}/v1/leads/7"))
            .header("x-api-key", "demo-key")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404);
    }
}

#[tokio::test]
async fn framework_rejections_in_every_format() {
    let client = reqwest::Client::new();
    for format in Builtin::ALL {
        let base = start(format, 1000, 1).await;

        let route = expect(
            404,
            "Not Found",
            "route/not-found",
            "No resource exists at this path.",
        );
        check(
            format,
            client.get(format!("{base}/v2/leads")),
            "t-r404",
            &route,
            &[],
        )
        .await;
        let method = expect(
            405,
            "Method Not Allowed",
            "route/method-not-allowed",
            "This method is not allowed for this resource.",
        );
        let req = client
            .put(format!("{base}/v1/leads/1"))
            .header("x-api-key", "demo-key");
        check(
            format,
            req,
            "t-405",
            &method,
            &[("allow", "GET,HEAD,DELETE")],
        )
        .await;

        let malformed = expect(
            400,
            "Bad Request",
            "request/malformed-json",
            "The request body is not valid JSON.",
        );
        let req = json_post(
            &client,
            format!("{base}/v1/leads"),
            "demo-key",
            r#"{"email":"#,
        );
        check(format, req, "t-json", &malformed, &[]).await;
        let req = json_post(&client, format!("{base}/v1/leads"), "demo-key", r#"{} {}"#);
        check(format, req, "t-json2", &malformed, &[]).await;

        let media = expect(
            415,
            "Unsupported Media Type",
            "request/unsupported-media-type",
            "Send the request body as JSON, with Content-Type: application/json.",
        );
        let req = client
            .post(format!("{base}/v1/leads"))
            .header("x-api-key", "demo-key")
            .header("content-type", "text/plain")
            .body(r#"{"email":"a@b.co"}"#);
        check(format, req, "t-415", &media, &[]).await;
        let req = client
            .post(format!("{base}/v1/leads"))
            .header("x-api-key", "demo-key")
            .body(r#"{"email":"a@b.co"}"#);
        check(format, req, "t-415b", &media, &[]).await;

        let too_large = expect(
            413,
            "Content Too Large",
            "request/payload-too-large",
            "The request body is too large.",
        );
        let big = format!(
            r#"{{"email":"a@b.co","firstName":"{}","score":1}}"#,
            "x".repeat(64 * 1024)
        );
        let req = json_post(&client, format!("{base}/v1/leads"), "demo-key", &big);
        check(format, req, "t-413", &too_large, &[]).await;

        // JSON of the wrong shape: a field error at the path where it failed.
        let shape = expect(
            422,
            "Unprocessable Content",
            "request/invalid-body",
            "The request body has the wrong shape.",
        )
        .field(
            "email",
            "#/email",
            "validation/invalid-type",
            "email: expected a string, got a number.",
        );
        let req = json_post(
            &client,
            format!("{base}/v1/leads"),
            "demo-key",
            r#"{"email":5}"#,
        );
        check(format, req, "t-shape", &shape, &[]).await;
        let shape = expect(
            422,
            "Unprocessable Content",
            "request/invalid-body",
            "The request body has the wrong shape.",
        )
        .field(
            "leads.1.score",
            "#/leads/1/score",
            "validation/invalid-type",
            "leads.1.score: expected a number, got a string.",
        );
        let req = json_post(
            &client,
            format!("{base}/v1/leads/bulk"),
            "demo-key",
            r#"{"leads":[{"score":1},{"score":"high"}]}"#,
        );
        check(format, req, "t-shape2", &shape, &[]).await;
        let shape = expect(
            422,
            "Unprocessable Content",
            "request/invalid-body",
            "The request body has the wrong shape.",
        )
        .field(
            "leads",
            "#/leads",
            "validation/missing-field",
            "leads is required.",
        );
        let req = json_post(&client, format!("{base}/v1/leads/bulk"), "demo-key", "{}");
        check(format, req, "t-shape3", &shape, &[]).await;
    }
}

fn assert_uuid_v4(id: &str) {
    let groups: Vec<&str> = id.split('-').collect();
    assert_eq!(
        groups.iter().map(|g| g.len()).collect::<Vec<_>>(),
        [8, 4, 4, 4, 12],
        "{id}"
    );
    assert!(
        id.bytes()
            .all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "{id}"
    );
    assert_eq!(&groups[2][..1], "4", "{id}");
    assert!(matches!(&groups[3][..1], "8" | "9" | "a" | "b"), "{id}");
}

#[tokio::test]
async fn request_ids_are_echoed_only_when_valid() {
    let client = reqwest::Client::new();
    let base = start(Builtin::Problem, 1000, 1).await;
    let not_found =
        expect(404, "Not Found", "lead/not-found", "Lead 5 was not found.").meta("id", 5);

    // The longest valid id, every allowed character.
    let long = format!("{}AZaz09._~+/=-", "a".repeat(187));
    assert_eq!(long.len(), 200);
    let req = client
        .get(format!("{base}/v1/leads/5"))
        .header("x-api-key", "demo-key");
    check(Builtin::Problem, req, &long, &not_found, &[]).await;

    for bad in [
        "a".repeat(201),
        "has space".to_owned(),
        "<script>".to_owned(),
        "semi;colon".to_owned(),
        "ünïcode".to_owned(),
    ] {
        let res = client
            .get(format!("{base}/v1/leads/5"))
            .header("x-api-key", "demo-key")
            .header("x-request-id", bad.as_bytes())
            .send()
            .await
            .unwrap();
        let id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
        assert_uuid_v4(&id);
        let got = headers(&res);
        let text = res.text().await.unwrap();
        assert!(!text.contains(bad.as_str()));
        let want = body(Builtin::Problem, &not_found, &id);
        assert_eq!(text, want);
        assert_eq!(got, error_headers(Builtin::Problem, &want, &id, &[]));
    }

    // No id: a fresh one, different each time; success responses carry it too.
    let a = client
        .get(format!("{base}/v1/leads"))
        .header("x-api-key", "demo-key")
        .send()
        .await
        .unwrap();
    let b = client
        .get(format!("{base}/v1/leads"))
        .header("x-api-key", "demo-key")
        .send()
        .await
        .unwrap();
    let (a, b) = (&a.headers()["x-request-id"], &b.headers()["x-request-id"]);
    assert_uuid_v4(a.to_str().unwrap());
    assert_uuid_v4(b.to_str().unwrap());
    assert_ne!(a, b);
}

#[tokio::test]
async fn a_5xx_hides_its_source_and_logs_it_once() {
    // The server runs on this test's single-threaded runtime, so it logs here.
    let (logs, _guard) = error_tests::capture_logs();

    let client = reqwest::Client::new();
    for format in Builtin::ALL {
        let base = start(format, 1000, 1).await;
        create(
            &client,
            &base,
            r#"{"email":"bob@fail.example","firstName":"Bob","score":1}"#,
        )
        .await;
        let internal = expect(
            500,
            "Internal Server Error",
            "internal_server_error",
            "Internal server error.",
        );
        let rid = format!("t-500-{format}");
        let res = client
            .post(format!("{base}/v1/leads/1/enrich"))
            .header("x-api-key", "demo-key")
            .header("x-request-id", &rid)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 500);
        let got = headers(&res);
        let text = res.text().await.unwrap();
        for secret in ["sk_live", "enrich.internal", "refused", "enriching"] {
            assert!(!text.contains(secret), "{format}: {text}");
        }
        let want = body(format, &internal, &rid);
        assert_eq!(text, want);
        assert_eq!(got, error_headers(format, &want, &rid, &[]));
    }

    let logs = logs.text();
    let expected: String = Builtin::ALL
        .iter()
        .map(|format| {
            format!(
                "ERROR server error request_id=\"t-500-{format}\" status=500 code=\"internal_server_error\" \
                 error=\"enriching lead 1: POST https://enrich.internal:7443/v2/company refused: token sk_live_51Hx\\r\\nretry=false\"\n"
            )
        })
        .collect();
    assert_eq!(logs, expected);
}

/// The hand-written envelopes above, pinned to literal bodies once, so the comparisons made
/// with them rest on the reference shapes and not only on each other.
#[test]
fn expected_bodies_are_the_reference_shapes() {
    let e = expect(
        422,
        "Unprocessable Content",
        "validation_error",
        "Validation failed",
    )
    .field(
        "leads.0.phone",
        "#/leads/0/phone",
        "validation/invalid-leads.0.phone",
        "Invalid phone number",
    )
    .field(
        "leads.0.phone",
        "#/leads/0/phone",
        "validation/too-long-leads.0.phone",
        "Too long",
    );
    let want = [
        r#"{"success":false,"status":422,"message":"Validation failed","errors":[{"field":"leads.0.phone","message":"Invalid phone number"},{"field":"leads.0.phone","message":"Too long"}],"meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1","request_id":"r"}}"#,
        r#"{"success":false,"error":{"code":422,"timestamp":"2026-02-08T12:00:00.000Z","message":"Validation failed","details":[{"code":"validation/invalid-leads.0.phone","message":"Invalid phone number"},{"code":"validation/too-long-leads.0.phone","message":"Too long"}]}}"#,
        r#"{"message":"Validation failed","errors":{"leads.0.phone":["Invalid phone number","Too long"]}}"#,
        r#"{"error":{"message":"Validation failed","details":[{"field":"leads.0.phone","message":"Invalid phone number"},{"field":"leads.0.phone","message":"Too long"}]}}"#,
        r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Validation failed","code":"validation_error","errors":[{"detail":"Invalid phone number","pointer":"#/leads/0/phone"},{"detail":"Too long","pointer":"#/leads/0/phone"}],"request_id":"r"}"##,
    ];
    for (format, want) in Builtin::ALL.into_iter().zip(want) {
        assert_eq!(body(format, &e, "r"), want, "{format}");
    }
    let e = expect(404, "Not Found", "lead/not-found", "Lead 1 was not found.").meta("id", 1);
    let want = [
        r#"{"success":false,"status":404,"message":"Lead 1 was not found.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1","request_id":"r"}}"#,
        r#"{"success":false,"error":{"code":404,"timestamp":"2026-02-08T12:00:00.000Z","message":"Lead 1 was not found.","details":"lead/not-found"}}"#,
        r#"{"message":"Lead 1 was not found."}"#,
        r#"{"error":{"message":"Lead 1 was not found.","details":null}}"#,
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Lead 1 was not found.","code":"lead/not-found","request_id":"r"}"#,
    ];
    for (format, want) in Builtin::ALL.into_iter().zip(want) {
        assert_eq!(body(format, &e, "r"), want, "{format}");
    }
}

async fn start_with(config: Config) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(service::serve(listener, config));
    format!("http://{addr}")
}

fn fixed(format: Builtin) -> Config {
    Config {
        format,
        rate: 1000,
        clock: Arc::new(FixedClock(Timestamp::from_unix_millis(T0))),
        ..Config::default()
    }
}

/// A key reads, lists, enriches and deletes only its own tenant's leads: another tenant's
/// lead is a 404, exactly as a lead that does not exist. Emails are unique per tenant.
#[tokio::test]
async fn leads_belong_to_a_tenant_in_every_format() {
    let client = reqwest::Client::new();
    for format in Builtin::ALL {
        let base = start_with(fixed(format)).await;
        let ada = r#"{"email":"ada@acme.com","firstName":"Ada","score":90}"#;
        create(&client, &base, ada).await;
        let other = "other-tenant-key";
        let not_found =
            expect(404, "Not Found", "lead/not-found", "Lead 1 was not found.").meta("id", 1);
        let req = client
            .get(format!("{base}/v1/leads/1"))
            .header("x-api-key", other);
        check(format, req, "t-ten-1", &not_found, &[]).await;
        let req = client
            .delete(format!("{base}/v1/leads/1"))
            .header("x-api-key", other);
        check(format, req, "t-ten-2", &not_found, &[]).await;
        let req = client
            .post(format!("{base}/v1/leads/1/enrich"))
            .header("x-api-key", other);
        check(format, req, "t-ten-3", &not_found, &[]).await;
        let res = client
            .get(format!("{base}/v1/leads"))
            .header("x-api-key", other)
            .send()
            .await
            .unwrap();
        assert_eq!(res.text().await.unwrap(), r#"{"leads":[]}"#);
        // The same email in another tenant is not a duplicate.
        let res = json_post(&client, format!("{base}/v1/leads"), other, ada)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        assert_eq!(
            res.text().await.unwrap(),
            r#"{"id":2,"email":"ada@acme.com","firstName":"Ada","score":90,"phone":null,"company":null}"#
        );
        // Each tenant lists its own.
        for (key, id) in [("demo-key", 1), ("read-only-key", 1), (other, 2)] {
            let res = client
                .get(format!("{base}/v1/leads"))
                .header("x-api-key", key)
                .send()
                .await
                .unwrap();
            assert_eq!(
                res.text().await.unwrap(),
                format!(
                    r#"{{"leads":[{{"id":{id},"email":"ada@acme.com","firstName":"Ada","score":90,"phone":null,"company":null}}]}}"#
                ),
                "{key}"
            );
        }
        // The lead is still there for its own tenant.
        let res = client
            .get(format!("{base}/v1/leads/1"))
            .header("x-api-key", "demo-key")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }
}

/// Past `auth_failures` wrong keys from one address in the window, that address gets 429
/// with `Retry-After` (to the window's end) instead of 401, whatever key it sends.
#[tokio::test]
async fn wrong_keys_are_throttled_per_address_in_every_format() {
    let client = reqwest::Client::new();
    for format in Builtin::ALL {
        let base = start_with(Config {
            auth_failures: 3,
            ..fixed(format)
        })
        .await;
        let invalid = expect(
            401,
            "Unauthorized",
            "auth/invalid-api-key",
            "The API key is not valid.",
        );
        for i in 0..3 {
            let req = client
                .get(format!("{base}/v1/leads"))
                .header("x-api-key", format!("guess-{i}"));
            check(
                format,
                req,
                "t-guess",
                &invalid,
                &[("www-authenticate", "ApiKey")],
            )
            .await;
        }
        let throttled = expect(
            429,
            "Too Many Requests",
            "auth/too-many-failures",
            "Too many failed authentication attempts. Retry later.",
        );
        for key in ["guess-3", "demo-key"] {
            let req = client
                .get(format!("{base}/v1/leads"))
                .header("x-api-key", key);
            check(
                format,
                req,
                "t-throttled",
                &throttled,
                &[("retry-after", "60")],
            )
            .await;
        }
        // A request without a key is no guess: still 401.
        let missing = expect(
            401,
            "Unauthorized",
            "auth/missing-api-key",
            "Authentication required.",
        );
        let req = client.get(format!("{base}/v1/leads"));
        check(
            format,
            req,
            "t-nokey",
            &missing,
            &[("www-authenticate", "ApiKey")],
        )
        .await;
    }
}

#[test]
fn the_throttle_forgets_after_the_window_and_bounds_its_table() {
    use error_examples::service::{AuthThrottle, MAX_TRACKED_ADDRESSES};
    use std::net::{IpAddr, Ipv4Addr};
    use std::time::Duration;

    let window = Duration::from_secs(60);
    let a = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
    let mut throttle = AuthThrottle::default();
    for _ in 0..3 {
        assert_eq!(throttle.check(a, 1_000, 3, window), Ok(()));
        throttle.fail(a, 1_000, window);
    }
    assert_eq!(
        throttle.check(a, 1_000, 3, window),
        Err(Duration::from_secs(60))
    );
    assert_eq!(
        throttle.check(a, 60_999, 3, window),
        Err(Duration::from_millis(1))
    );
    assert_eq!(throttle.check(a, 61_000, 3, window), Ok(()));
    // IPv6 clients are counted by their /64; IPv4-mapped addresses as IPv4.
    use error_examples::service::throttle_address;
    let v6 = |s: &str| s.parse::<IpAddr>().unwrap();
    assert_eq!(
        throttle_address(v6("2001:db8:1:2:aaaa:bbbb:cccc:dddd")),
        v6("2001:db8:1:2::")
    );
    assert_eq!(
        throttle_address(v6("2001:db8:1:2:ffff::1")),
        throttle_address(v6("2001:db8:1:2::9"))
    );
    assert_ne!(
        throttle_address(v6("2001:db8:1:3::1")),
        throttle_address(v6("2001:db8:1:2::1"))
    );
    assert_eq!(throttle_address(v6("::ffff:192.0.2.7")), v6("192.0.2.7"));
    assert_eq!(throttle_address(v6("192.0.2.7")), v6("192.0.2.7"));
    // A flood of addresses: the table never holds more than its bound.
    for i in 0..(MAX_TRACKED_ADDRESSES as u32 + 5_000) {
        throttle.fail(IpAddr::V4(Ipv4Addr::from(i)), 2_000, window);
    }
    assert_eq!(throttle.tracked(), MAX_TRACKED_ADDRESSES);
    // Once their windows are over, room is made again.
    throttle.fail(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)), 100_000, window);
    assert_eq!(throttle.tracked(), 1);
}

/// A tenant's share of the store is bounded: past it, 507 Insufficient Storage, and the
/// other tenant is unaffected.
#[tokio::test]
async fn the_store_is_bounded_per_tenant_in_every_format() {
    let client = reqwest::Client::new();
    for format in Builtin::ALL {
        let base = start_with(Config {
            max_leads: 2,
            ..fixed(format)
        })
        .await;
        for i in 0..2 {
            let res = json_post(
                &client,
                format!("{base}/v1/leads"),
                "demo-key",
                &format!(r#"{{"email":"a{i}@acme.com","firstName":"A","score":1}}"#),
            )
            .send()
            .await
            .unwrap();
            assert_eq!(res.status(), 201);
        }
        let full = expect(
            507,
            "Insufficient Storage",
            "store/full",
            "There is no room to store more leads.",
        );
        let req = json_post(
            &client,
            format!("{base}/v1/leads"),
            "demo-key",
            r#"{"email":"a2@acme.com","firstName":"A","score":1}"#,
        );
        check(format, req, "t-full", &full, &[]).await;
        let req = json_post(
            &client,
            format!("{base}/v1/leads/bulk"),
            "demo-key",
            r#"{"leads":[{"email":"b@acme.com","firstName":"B","score":1}]}"#,
        );
        check(format, req, "t-full-bulk", &full, &[]).await;
        // Bulk is all or nothing: two leads where one fits is 507, and nothing is stored.
        let res = json_post(
            &client,
            format!("{base}/v1/leads/bulk"),
            "other-tenant-key",
            r#"{"leads":[{"email":"c@g.com","firstName":"C","score":1},{"email":"d@g.com","firstName":"D","score":1},{"email":"e@g.com","firstName":"E","score":1}]}"#,
        )
        .send()
        .await
        .unwrap();
        assert_eq!(res.status(), 507);
        let res = client
            .get(format!("{base}/v1/leads"))
            .header("x-api-key", "other-tenant-key")
            .send()
            .await
            .unwrap();
        assert_eq!(res.text().await.unwrap(), r#"{"leads":[]}"#);
        // Deleting makes room again.
        let res = client
            .delete(format!("{base}/v1/leads/1"))
            .header("x-api-key", "demo-key")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);
        let res = json_post(
            &client,
            format!("{base}/v1/leads"),
            "demo-key",
            r#"{"email":"a0@acme.com","firstName":"A","score":1}"#,
        )
        .send()
        .await
        .unwrap();
        assert_eq!(res.status(), 201, "the deleted lead's email is free again");
    }
}

/// Field errors in the client's language (issue 16 C): a German request gets the kinds'
/// default messages in German (the built-in table, chosen at render time), in every format;
/// the messages the service wrote itself (`Invalid email format`) stay as written, and the
/// codes never change.
#[tokio::test]
async fn field_errors_speak_the_negotiated_language() {
    let client = reqwest::Client::new();
    for format in Builtin::ALL {
        let base = start_with(fixed(format)).await;
        let german = expect(
            422,
            "Unprocessable Content",
            "validation_error",
            "Die Validierung ist fehlgeschlagen.",
        )
        .translated("de", "Validation failed")
        .field(
            "email",
            "#/email",
            "validation/invalid-email",
            "Invalid email format",
        )
        .field_translated(
            "firstName",
            "#/firstName",
            "validation/missing-firstName",
            "firstName ist erforderlich.",
            "firstName is required.",
        )
        .field_translated(
            "score",
            "#/score",
            "validation/out-of-range-score",
            "Muss zwischen 0 und 100 liegen",
            "Must be between 0 and 100",
        )
        .field(
            "phone",
            "#/phone",
            "validation/invalid-phone",
            "Invalid phone number",
        );
        let res = json_post(
            &client,
            format!("{base}/v1/leads"),
            "demo-key",
            r#"{"email":"nope","score":101,"phone":"call me"}"#,
        )
        .header("accept-language", "de-AT, en;q=0.5")
        .header("x-request-id", "de-422")
        .send()
        .await
        .unwrap();
        assert_eq!(res.status(), 422, "{format}");
        assert_eq!(res.headers()["content-language"], "de", "{format}");
        assert_eq!(
            res.text().await.unwrap(),
            body(format, &german, "de-422"),
            "{format}"
        );
    }
}

/// The service answers in English and German (`error-examples/locales/de/errors.ftl`, checked
/// at compile time), in the format it runs in or the one `Accept` asks for: the translated
/// body in every format, `Content-Language` and `Vary`.
#[tokio::test]
async fn the_service_answers_in_the_clients_language_and_format() {
    for format in Builtin::ALL {
        let base = start_with(fixed(format)).await;
        let client = reqwest::Client::new();
        let de = |path: &str| {
            client
                .get(format!("{base}{path}"))
                .header("x-api-key", "demo-key")
                .header("accept-language", "de-AT, en;q=0.5")
        };
        let not_found = expect(
            404,
            "Not Found",
            "lead/not-found",
            "Lead 42 wurde nicht gefunden.",
        )
        .translated("de", "Lead 42 was not found.")
        .meta("id", 42);
        let res = de("/v1/leads/42")
            .header("x-request-id", "de-1")
            .send()
            .await
            .unwrap();
        let mut want_headers =
            error_headers(format, &body(format, &not_found, "de-1"), "de-1", &[]);
        for (name, value) in &mut want_headers {
            if name == "content-language" {
                *value = "de".into();
            }
        }
        assert_eq!(res.status(), 404);
        assert_eq!(headers(&res), want_headers, "{format}");
        assert_eq!(
            res.text().await.unwrap(),
            body(format, &not_found, "de-1"),
            "{format}"
        );

        // `Accept` chooses Problem whatever the service's format; German still.
        let res = de("/v1/leads/42")
            .header("accept", "application/problem+json")
            .header("x-request-id", "de-2")
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        assert_eq!(res.headers()["content-language"], "de");
        assert_eq!(
            res.text().await.unwrap(),
            body(Builtin::Problem, &not_found, "de-2"),
            "{format}"
        );

        // A language the service does not speak: English, and it says so.
        let res = client
            .get(format!("{base}/v1/leads/42"))
            .header("x-api-key", "demo-key")
            .header("accept-language", "ja")
            .header("x-request-id", "ja-1")
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-language"], "en");
        let english =
            expect(404, "Not Found", "lead/not-found", "Lead 42 was not found.").meta("id", 42);
        assert_eq!(res.text().await.unwrap(), body(format, &english, "ja-1"));
    }
}

/// What serde says about a body or query of the wrong shape reaches the client in JSON terms:
/// no Rust type name (`struct NewLead`, `u32`), no Rust escaping, no echo of the value. A
/// struct is read from a JSON object only, at every depth (serde alone would build a lead from
/// `["arr@acme.com","Arr",5,null]`).
#[tokio::test]
async fn shape_errors_name_json_types_not_rust_ones() {
    let base = start(Builtin::Flat, 1000, 1).await;
    let client = reqwest::Client::new();
    let cases = [
        ("POST", "/v1/leads", "null"),
        ("POST", "/v1/leads", "[]"),
        // serde would read a struct from the list of its fields' values: never a lead here.
        ("POST", "/v1/leads", r#"["arr@acme.com","Arr",5,null]"#),
        (
            "POST",
            "/v1/leads/bulk",
            r#"{"leads":[["arr@acme.com","Arr",5,null]]}"#,
        ),
        (
            "POST",
            "/v1/leads/bulk",
            r#"[[["arr@acme.com","Arr",5,null]]]"#,
        ),
        ("POST", "/v1/leads", r#""\u202e""#),
        (
            "POST",
            "/v1/leads/bulk",
            r#"{"leads":[{"email":"a@b.co","firstName":"A","score":true}]}"#,
        ),
        ("GET", "/v1/leads?limit=abc", ""),
        ("GET", "/v1/leads?limit=99999999999999999999999", ""),
    ];
    let mut bodies = Vec::new();
    for (method, path, body) in cases {
        let req = if method == "POST" {
            json_post(&client, format!("{base}{path}"), "demo-key", body)
        } else {
            client
                .get(format!("{base}{path}"))
                .header("x-api-key", "demo-key")
        };
        let res = req.header("x-request-id", "shape").send().await.unwrap();
        bodies.push(format!(
            "{} {}",
            res.status().as_u16(),
            res.text().await.unwrap()
        ));
    }
    let meta =
        r#""meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1","request_id":"shape"}"#;
    assert_eq!(
        bodies,
        [
            format!(
                r#"422 {{"success":false,"status":422,"message":"The request body has the wrong shape.","errors":[{{"field":"","message":"Expected an object, got null."}}],{meta}}}"#
            ),
            format!(
                r#"422 {{"success":false,"status":422,"message":"The request body has the wrong shape.","errors":[{{"field":"","message":"Expected an object, got an array."}}],{meta}}}"#
            ),
            format!(
                r#"422 {{"success":false,"status":422,"message":"The request body has the wrong shape.","errors":[{{"field":"","message":"Expected an object, got an array."}}],{meta}}}"#
            ),
            format!(
                r#"422 {{"success":false,"status":422,"message":"The request body has the wrong shape.","errors":[{{"field":"leads.0","message":"leads.0: expected an object, got an array."}}],{meta}}}"#
            ),
            format!(
                r#"422 {{"success":false,"status":422,"message":"The request body has the wrong shape.","errors":[{{"field":"","message":"Expected an object, got an array."}}],{meta}}}"#
            ),
            format!(
                r#"422 {{"success":false,"status":422,"message":"The request body has the wrong shape.","errors":[{{"field":"","message":"Expected an object, got a string."}}],{meta}}}"#
            ),
            format!(
                r#"422 {{"success":false,"status":422,"message":"The request body has the wrong shape.","errors":[{{"field":"leads.0.score","message":"leads.0.score: expected a number, got a boolean."}}],{meta}}}"#
            ),
            format!(
                r#"400 {{"success":false,"status":400,"message":"Invalid query parameters.","errors":[{{"field":"limit","message":"limit: not a valid number."}}],{meta}}}"#
            ),
            format!(
                r#"400 {{"success":false,"status":400,"message":"Invalid query parameters.","errors":[{{"field":"limit","message":"limit: the number is too large."}}],{meta}}}"#
            ),
        ]
    );
}
