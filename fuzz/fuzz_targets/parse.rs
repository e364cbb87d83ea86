//! The response parser on arbitrary bytes: it must never panic, and must keep its bounds.
#![no_main]

use error_core::client::{parse_pointer, BodyKind, Parser, RetryAfter};
use error_core::format::Builtin;
use http::{HeaderMap, HeaderValue, StatusCode};
use libfuzzer_sys::fuzz_target;

const CONTENT_TYPES: [&str; 4] = [
    "application/json",
    "application/problem+json",
    "text/html; charset=utf-8",
    "application/problem+json; charset=utf-8",
];

fuzz_target!(|data: &[u8]| {
    // Byte 0 picks the format (auto or one of the five) and the field error limit, byte 1
    // the status and content type, the rest is the body.
    let (head, body) = data.split_at(data.len().min(2));
    let mode = head.first().copied().unwrap_or(0);
    let pick = head.get(1).copied().unwrap_or(0);

    let limit = usize::from(mode >> 4);
    let mut parser = Parser::new()
        .max_field_errors(limit)
        .max_body_bytes(64 * 1024);
    if let Some(&format) = Builtin::ALL.get(usize::from(mode & 0x7)) {
        parser = parser.format(format);
    }
    let status = StatusCode::from_u16(400 + u16::from(pick % 200)).unwrap();
    let mut headers = HeaderMap::new();
    headers.insert(
        "content-type",
        HeaderValue::from_static(CONTENT_TYPES[usize::from(pick >> 6)]),
    );
    if let Ok(value) = HeaderValue::from_bytes(&body[..body.len().min(40)]) {
        headers.insert("retry-after", value.clone());
        headers.insert("x-request-id", value);
    }

    let remote = parser.parse(status, &headers, body);
    assert_eq!(remote.status(), status);
    assert!(remote.field_errors().len() <= limit);
    assert!(remote.field_errors().total() >= remote.field_errors().len());
    if !remote.is_envelope() {
        assert!(remote.message().is_none() && remote.field_errors().is_empty());
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        assert_eq!(remote.kind(), &BodyKind::Empty);
    }
    let _ = remote.to_string();

    let text = String::from_utf8_lossy(body);
    let _ = parse_pointer(&text);
    let _ = RetryAfter::parse(&text);
});
