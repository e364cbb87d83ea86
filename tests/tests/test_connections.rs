//! The example service's connections under slow and half-closing clients, on loopback: a
//! client that never finishes its header section is disconnected after the header read
//! timeout while others are served; a client that half-closes after its request still gets
//! its answer; a 201 names what it created.

use std::sync::Arc;
use std::time::{Duration, Instant};

use error_core::format::Builtin;
use error_core::{FixedClock, Timestamp};
use error_examples::service::{self, Config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn start(header_read_timeout: Duration) -> std::net::SocketAddr {
    let config = Config {
        format: Builtin::Flat,
        rate: 100_000,
        clock: Arc::new(FixedClock(Timestamp::from_unix_millis(1_770_552_000_000))),
        ..Config::default()
    };
    let (router, _) = service::router_and_state(config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(service::serve_with_timeout(
        listener,
        router,
        header_read_timeout,
    ));
    addr
}

/// Reads until the server closes the connection (or `limit` passes), returning what came.
async fn read_to_close(stream: &mut TcpStream, limit: Duration) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    tokio::time::timeout(limit, stream.read_to_end(&mut out))
        .await
        .ok()?
        .ok()?;
    Some(out)
}

/// Slowloris: 50 connections each send half a header section and stop. The server closes
/// each of them once the header read timeout has passed, and meanwhile answers a client that
/// sends whole requests.
#[tokio::test]
async fn slow_header_sections_are_cut_off_and_others_are_served() {
    let addr = start(Duration::from_millis(500)).await;
    let mut slow = Vec::new();
    for _ in 0..50 {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        stream
            .write_all(b"GET /v1/leads HTTP/1.1\r\nHost: x\r\nX-Api-Key: demo")
            .await
            .unwrap();
        slow.push(stream);
    }
    let started = Instant::now();
    let res = reqwest::Client::new()
        .get(format!("http://{addr}/v1/leads"))
        .header("x-api-key", "demo-key")
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    for stream in &mut slow {
        // hyper answers an unfinished header section past its timeout by closing (it may
        // first write a 408); the connection never stays open.
        let answer = read_to_close(stream, Duration::from_secs(10)).await;
        let answer = answer.expect("the server closed the slow connection");
        assert!(
            answer.is_empty() || answer.starts_with(b"HTTP/1.1 408"),
            "{}",
            String::from_utf8_lossy(&answer)
        );
    }
    assert!(started.elapsed() >= Duration::from_millis(400));
}

/// RFC 9112 §9.6: a client may close its sending side after its request and wait for the
/// answer; every one of 100 such requests is answered, whole.
#[tokio::test]
async fn half_closed_clients_get_their_answers() {
    let addr = start(Duration::from_secs(10)).await;
    for i in 0..100 {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        stream
            .write_all(
                b"GET /v1/leads/99999 HTTP/1.1\r\nHost: x\r\nX-Api-Key: demo-key\r\nX-Request-Id: half\r\n\r\n",
            )
            .await
            .unwrap();
        stream.shutdown().await.unwrap();
        let answer = read_to_close(&mut stream, Duration::from_secs(5))
            .await
            .unwrap_or_default();
        let answer = String::from_utf8_lossy(&answer);
        assert!(
            answer.starts_with("HTTP/1.1 404 Not Found\r\n"),
            "{i}: {answer}"
        );
        assert!(
            answer.ends_with(
                r#"{"success":false,"status":404,"message":"Lead 99999 was not found.","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1","request_id":"half"}}"#
            ),
            "{i}: {answer}"
        );
    }
}

/// RFC 9110 §15.3.2: a 201 carries the new resource's URI in `Location`, which resolves to
/// the lead.
#[tokio::test]
async fn created_leads_have_a_location() {
    let addr = start(Duration::from_secs(10)).await;
    let client = reqwest::Client::new();
    let res = client
        .post(format!("http://{addr}/v1/leads"))
        .header("x-api-key", "demo-key")
        .header("content-type", "application/json")
        .body(r#"{"email":"loc@acme.com","firstName":"Lo","score":5}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let lead: serde_json::Value = res.json().await.unwrap();
    assert_eq!(location, format!("/v1/leads/{}", lead["id"]));
    let again: serde_json::Value = client
        .get(format!("http://{addr}{location}"))
        .header("x-api-key", "demo-key")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again, lead);
}

/// Sends `request` raw and reads the whole answer (the server closes after it: `Connection:
/// close` in each request).
async fn raw(addr: std::net::SocketAddr, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let answer = read_to_close(&mut stream, Duration::from_secs(5))
        .await
        .unwrap_or_default();
    String::from_utf8_lossy(&answer).into_owned()
}

/// RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to any
/// HTTP/1.1 request message that lacks a Host header field and to any request message that
/// contains more than one Host header field line or a Host header field with an invalid
/// field value." The 400 is an envelope with the request id, before any routing; HTTP/1.0
/// needs no Host.
#[tokio::test]
async fn requests_without_one_valid_host_are_refused() {
    let addr = start(Duration::from_secs(10)).await;
    let body = |rid: &str| {
        format!(
            r#"{{"success":false,"status":400,"message":"Send exactly one valid Host header.","meta":{{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1","request_id":"{rid}"}}}}"#
        )
    };
    let cases = [
        ("none", "GET /v1/leads/1 HTTP/1.1\r\nX-Api-Key: demo-key\r\n"),
        (
            "two",
            "GET /v1/leads/1 HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\nX-Api-Key: demo-key\r\n",
        ),
        (
            "bad",
            "GET /v1/leads/1 HTTP/1.1\r\nHost: a b/c\r\nX-Api-Key: demo-key\r\n",
        ),
        (
            "at",
            "GET /v1/leads HTTP/1.1\r\nHost: user@a.example\r\nX-Api-Key: demo-key\r\n",
        ),
    ];
    for (rid, head) in cases {
        let answer = raw(
            addr,
            &format!("{head}X-Request-Id: {rid}\r\nConnection: close\r\n\r\n"),
        )
        .await;
        assert!(
            answer.starts_with("HTTP/1.1 400 Bad Request\r\n"),
            "{rid}: {answer}"
        );
        assert!(answer.contains("\r\nx-request-id: "), "{rid}: {answer}");
        assert!(answer.ends_with(&body(rid)), "{rid}: {answer}");
    }
    // One valid Host (a name, an address with a port, an IPv6 literal, empty), or HTTP/1.0
    // without one: served.
    for head in [
        "GET /v1/leads HTTP/1.1\r\nHost: leads.example\r\n",
        "GET /v1/leads HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n",
        "GET /v1/leads HTTP/1.1\r\nHost: [::1]:8080\r\n",
        "GET /v1/leads HTTP/1.1\r\nHost:\r\n",
        "GET /v1/leads HTTP/1.0\r\n",
    ] {
        let answer = raw(
            addr,
            &format!("{head}X-Api-Key: demo-key\r\nConnection: close\r\n\r\n"),
        )
        .await;
        assert!(answer.contains(" 200 OK\r\n"), "{head}: {answer}");
    }
}
