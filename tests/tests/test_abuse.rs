//! A bounded abuse run against the example service on loopback (every loop bounded in count,
//! the whole run in time): a burst of wrong keys is throttled, a flood of bulk requests
//! leaves the store within its bound, hostile bodies and headers are answered, every error
//! response is a well-formed envelope of the configured format, and the process keeps
//! serving. `cargo test -p error-tests --test test_abuse` runs it.

use std::sync::Arc;
use std::time::Duration;

use error_core::format::Builtin;
use error_core::openapi::EnvelopeSchema;
use error_core::{FixedClock, Timestamp};
use error_examples::service::{self, AppState, Config};

/// Wrong keys sent in the burst (concurrently, 20 at a time).
const GUESSES: usize = 300;
/// Bulk requests in the flood, each of `BULK_SIZE` new leads.
const FLOOD: usize = 60;
const BULK_SIZE: usize = 25;
/// The tenant's share of the store in this run.
const MAX_LEADS: usize = 100;
/// Wrong keys an address may send per window.
const AUTH_FAILURES: u32 = 10;

struct Run {
    base: String,
    state: AppState,
    format: Builtin,
    /// From 127.0.0.1: the guesser.
    client: reqwest::Client,
    /// From 127.0.0.2: another client, whom the guesser's throttling must not lock out.
    other: reqwest::Client,
    envelope: jsonschema::Validator,
}

async fn start(format: Builtin) -> Run {
    let config = Config {
        format,
        rate: 100_000,
        max_leads: MAX_LEADS,
        auth_failures: AUTH_FAILURES,
        clock: Arc::new(FixedClock(Timestamp::from_unix_millis(1_770_552_000_000))),
        ..Config::default()
    };
    let (router, state) = service::router_and_state(config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(service::serve_router(listener, router));
    let schema = serde_json::to_value(format.envelope_schema()).unwrap();
    Run {
        base: format!("http://{addr}"),
        state,
        format,
        client: reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .local_address(std::net::IpAddr::from([127, 0, 0, 1]))
            .build()
            .unwrap(),
        other: reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
            .build()
            .unwrap(),
        envelope: jsonschema::validator_for(&schema).unwrap(),
    }
}

impl Run {
    /// Sends `req`; the status, after checking that an error is a well-formed envelope of
    /// the configured format with its content type.
    async fn send(&self, req: reqwest::RequestBuilder) -> (u16, reqwest::header::HeaderMap) {
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap();
        if status >= 400 {
            let want = match self.format {
                Builtin::Problem => "application/problem+json",
                Builtin::JsonApi => "application/vnd.api+json",
                _ => "application/json",
            };
            assert_eq!(headers["content-type"], want, "{status}: {text}");
            let body: serde_json::Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{status}: not JSON ({e}): {text}"));
            assert!(
                self.envelope.is_valid(&body),
                "{} {status}: {text}",
                self.format
            );
            assert!(text.len() < 4096, "{status}: {} bytes", text.len());
        }
        (status, headers)
    }
}

async fn wrong_keys_are_throttled(run: &Run) {
    let mut statuses = Vec::with_capacity(GUESSES);
    for batch in 0..GUESSES / 20 {
        let requests = (0..20).map(|i| {
            let key = format!("guess-{batch}-{i}");
            run.send(
                run.client
                    .get(format!("{}/v1/leads", run.base))
                    .header("x-api-key", key),
            )
        });
        for (status, headers) in futures_join_all(requests).await {
            if status == 429 {
                assert_eq!(headers["retry-after"], "60");
            }
            statuses.push(status);
        }
    }
    let unauthorized = statuses.iter().filter(|s| **s == 401).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(
        (unauthorized, throttled),
        (AUTH_FAILURES as usize, GUESSES - AUTH_FAILURES as usize),
        "{} {statuses:?}",
        run.format
    );
    assert_eq!(run.state.stats().tracked_addresses, 1);
    // The guesser's address only: another address is served.
    let (status, _) = run
        .send(
            run.other
                .get(format!("{}/v1/leads", run.base))
                .header("x-api-key", "demo-key"),
        )
        .await;
    assert_eq!(status, 200);
}

async fn bulk_flood_stays_within_the_store_bound(run: &Run) {
    let mut created = 0;
    for round in 0..FLOOD {
        let leads: Vec<String> = (0..BULK_SIZE)
            .map(|i| format!(r#"{{"email":"l{round}-{i}@acme.com","firstName":"F","score":50}}"#))
            .collect();
        let (status, _) = run
            .send(
                run.other
                    .post(format!("{}/v1/leads/bulk", run.base))
                    .header("x-api-key", "other-tenant-key")
                    .header("content-type", "application/json")
                    .body(format!(r#"{{"leads":[{}]}}"#, leads.join(","))),
            )
            .await;
        match status {
            201 => created += BULK_SIZE,
            507 => {}
            other => panic!("bulk round {round}: {other}"),
        }
        assert!(run.state.stats().leads <= MAX_LEADS, "round {round}");
    }
    assert_eq!(created, MAX_LEADS);
    assert_eq!(run.state.stats().leads, MAX_LEADS);
}

async fn hostile_requests_get_envelopes(run: &Run) {
    let post = |body: Vec<u8>| {
        run.other
            .post(format!("{}/v1/leads", run.base))
            .header("x-api-key", "other-tenant-key")
            .header("content-type", "application/json")
            .body(body)
    };
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let bodies: Vec<(Vec<u8>, u16)> = vec![
        (b"{\"email\":".to_vec(), 400),
        (vec![0xff, 0xfe, b'{', b'}'], 400),
        // 10,000 levels in an ignored member (skipped without recursion): the lead's own
        // fields are missing.
        (format!(r#"{{"ignored":{deep}}}"#).into_bytes(), 422),
        // 10,000 levels where a string is expected: refused at the first bracket.
        (format!(r#"{{"email":{deep}}}"#).into_bytes(), 422),
        (deep.into_bytes(), 422),
        (
            format!(r#"{{"email":"{}"}}"#, "\u{202e}".repeat(5_000)).into_bytes(),
            422,
        ),
        (
            format!(r#"{{"{}":1}}"#, "k".repeat(40_000)).into_bytes(),
            422,
        ),
        (vec![b' '; 70_000], 413),
        (
            br#"{"email":"a@b.co","firstName":"A","score":1e999}"#.to_vec(),
            400,
        ),
        (
            br#"{"email":"a@b.co","firstName":"A","score":18446744073709551616}"#.to_vec(),
            422,
        ),
    ];
    for (i, (body, want)) in bodies.into_iter().enumerate() {
        let (status, _) = run.send(post(body)).await;
        assert_eq!(status, want, "{} hostile body {i}", run.format);
    }
    // Hostile headers and paths.
    let (status, headers) = run
        .send(
            run.other
                .get(format!("{}/v1/leads/{}", run.base, "9".repeat(5_000)))
                .header("x-api-key", "demo-key")
                .header("x-request-id", "x".repeat(5_000)),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(
        headers["x-request-id"].len(),
        36,
        "an invalid id is replaced, not echoed"
    );
    let (status, _) = run
        .send(
            run.other
                .get(format!(
                    "{}/v1/leads?limit={}",
                    run.base,
                    "1".repeat(10_000)
                ))
                .header("x-api-key", "demo-key"),
        )
        .await;
    assert_eq!(status, 400);
}

/// `futures::future::join_all` without the dependency: spawn-free, polled together.
async fn futures_join_all<F: std::future::Future>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output> {
    let mut pinned: Vec<std::pin::Pin<Box<F>>> = futures.map(Box::pin).collect();
    let mut out: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (future, slot) in pinned.iter_mut().zip(out.iter_mut()) {
            if slot.is_none() {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(value) => *slot = Some(value),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    out.into_iter().map(|v| v.unwrap()).collect()
}

#[tokio::test]
async fn abuse_is_answered_bounded_and_survived_in_every_format() {
    let all = async {
        for format in Builtin::ALL {
            let run = start(format).await;
            wrong_keys_are_throttled(&run).await;
            bulk_flood_stays_within_the_store_bound(&run).await;
            hostile_requests_get_envelopes(&run).await;
            // Still serving.
            let (status, _) = run
                .send(
                    run.other
                        .get(format!("{}/v1/leads?limit=1", run.base))
                        .header("x-api-key", "other-tenant-key"),
                )
                .await;
            assert_eq!(status, 200, "{format}");
        }
    };
    tokio::time::timeout(Duration::from_secs(120), all)
        .await
        .expect("the abuse run is bounded in time");
}
