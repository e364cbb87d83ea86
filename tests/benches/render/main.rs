//! Rendering benchmarks: the derive against hand-written serde, a `json!` tree and
//! `http-api-problem`, for each built-in format. See BENCHMARKS.md for the results and how to
//! run them (`cargo bench -p error-tests --bench render`).
//!
//! Every implementation starts from the same inputs, the error value and the clock's
//! `SystemTime`, and renders into one reused buffer. Before anything is timed, each
//! baseline's output is checked against ours: byte for byte for the hand-written serde
//! baseline, as parsed JSON values for `json!` (its `Map` may order keys differently) and
//! `http-api-problem` (its extension members are a `HashMap`).

use std::hint::black_box;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use criterion::{criterion_group, criterion_main, Criterion};
use error_core::format::{Aip, Compact, Flat, JsonApi, Laravel, Microsoft, Nested, Problem};
use error_core::{ApiError, FieldError, FieldErrors, Format, RenderContext, Timestamp};

mod hand;
mod locale;
mod peer;
mod tree;
mod validation;

#[derive(Debug, ApiError)]
#[api(version = "v1", type_base = "https://errors.example.com/")]
pub enum LeadError {
    #[api(
        status = 401,
        code = "missing_api_key",
        message = "Authentication required.",
        www_authenticate = "Bearer"
    )]
    MissingApiKey,

    #[api(
        status = 404,
        code = "lead/not-found",
        message = "Lead {id} was not found."
    )]
    NotFound { id: u64 },

    #[api(status = 422, code = "validation_error", message = "Validation failed")]
    Validation(#[api(fields)] FieldErrors),
}

/// The fixed clock: 2026-02-08T12:00:00.123Z.
fn clock() -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(1_770_552_000_123)
}

fn cases() -> Vec<(&'static str, LeadError)> {
    let three = FieldErrors::new()
        .with(FieldError::missing("email"))
        .with(FieldError::too_short("name", 3))
        .with(FieldError::invalid("leads.0.phone", "Invalid phone format"));
    // 100 errors on 50 paths, two per path (Laravel groups them).
    let hundred: FieldErrors = (0..100)
        .map(|i| {
            let path = format!("leads.{}.phone", i / 2);
            if i % 2 == 0 {
                FieldError::missing(path)
            } else {
                FieldError::too_short(path, 7)
            }
        })
        .collect();
    assert_eq!(hundred.len(), 100, "all 100 field errors are kept");
    vec![
        ("static", LeadError::MissingApiKey),
        ("templated", LeadError::NotFound { id: 123_456 }),
        ("fields_3", LeadError::Validation(three)),
        ("fields_100", LeadError::Validation(hundred)),
    ]
}

/// Ours: a context from the clock's time, then the format writes the envelope.
fn ours<F: Format + Default>(
    err: &LeadError,
    now: SystemTime,
    out: &mut Vec<u8>,
) -> serde_json::Result<()> {
    let ctx = RenderContext::at(Timestamp::from(now));
    err.render_into(&F::default(), &ctx, out);
    Ok(())
}

fn render(
    f: impl Fn(&LeadError, SystemTime, &mut Vec<u8>) -> serde_json::Result<()>,
    err: &LeadError,
) -> Vec<u8> {
    let mut out = Vec::new();
    if let Err(e) = f(err, clock(), &mut out) {
        panic!("baseline failed to serialize: {e}");
    }
    out
}

fn parsed(body: &[u8]) -> serde_json::Value {
    match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => panic!("not JSON ({e}): {}", String::from_utf8_lossy(body)),
    }
}

/// Times one implementation rendering `err` into a reused buffer.
fn time(
    c: &mut Criterion,
    group: &str,
    name: &str,
    err: &LeadError,
    f: impl Fn(&LeadError, SystemTime, &mut Vec<u8>) -> serde_json::Result<()>,
) {
    let now = clock();
    let mut buf = Vec::with_capacity(64 * 1024);
    c.bench_function(&format!("{group}/{name}"), |b| {
        b.iter(|| {
            buf.clear();
            let result = f(black_box(err), black_box(now), &mut buf);
            black_box((result.is_ok(), buf.len()))
        })
    });
}

/// The floor for a static variant: its envelope already rendered, copied into the buffer
/// around a copy of the 24-byte timestamp (for the formats that carry one) and of the
/// request id (`id`, for the formats that write it), as a cache of whole bodies would do at
/// best.
fn time_floor(c: &mut Criterion, group: &str, expected: &[u8], id: Option<&str>) {
    let mut stamp = Vec::new();
    Timestamp::from(clock()).write_rfc3339(&mut stamp);
    let stamp: &[u8] = &stamp;
    // The holes in the order they appear, and the pieces around them.
    let mut holes: Vec<(usize, &[u8])> = Vec::new();
    if let Some(at) = expected.windows(stamp.len()).position(|w| w == stamp) {
        holes.push((at, stamp));
    }
    if let Some(id) = id.map(str::as_bytes) {
        if let Some(at) = expected.windows(id.len()).position(|w| w == id) {
            holes.push((at, id));
        }
    }
    holes.sort_by_key(|hole| hole.0);
    let mut pieces: Vec<&[u8]> = Vec::new();
    let mut from = 0;
    for &(at, hole) in &holes {
        pieces.push(&expected[from..at]);
        from = at + hole.len();
    }
    pieces.push(&expected[from..]);
    // Only the copies the body needs: one without holes, three with one, five with two.
    let hole = |i: usize| holes.get(i).map_or(&[][..], |hole| hole.1);
    let (first, second) = (hole(0), hole(1));
    let piece = |i: usize| pieces.get(i).copied().unwrap_or_default();
    let (head, mid, tail) = (piece(0), piece(1), piece(2));
    let count = holes.len();
    let write = |buf: &mut Vec<u8>| match count {
        0 => buf.extend_from_slice(black_box(head)),
        1 => {
            buf.extend_from_slice(black_box(head));
            buf.extend_from_slice(black_box(first));
            buf.extend_from_slice(black_box(mid));
        }
        _ => {
            buf.extend_from_slice(black_box(head));
            buf.extend_from_slice(black_box(first));
            buf.extend_from_slice(black_box(mid));
            buf.extend_from_slice(black_box(second));
            buf.extend_from_slice(black_box(tail));
        }
    };
    let mut buf = Vec::with_capacity(64 * 1024);
    c.bench_function(&format!("{group}/floor"), |b| {
        b.iter(|| {
            buf.clear();
            write(&mut buf);
            black_box(buf.len())
        })
    });
    let mut check = Vec::new();
    write(&mut check);
    assert_eq!(check, expected, "{group}: the floor writes the same bytes");
}

/// A request id as a service generates one (a UUID).
const REQUEST_ID: &str = "0193d2a4-5b6c-7d8e-9f01-23456789abcd";

/// The static variant in `format` without and with a request id (`{name}/static_id`), ours
/// against the floor. With an id, the context is built once outside the loop (the id is
/// validated when the context is made, once per request); the timestamp is still the
/// clock's `SystemTime`, converted at every rendering.
fn time_static<F: Format + Default>(c: &mut Criterion, name: &str, with_plain: bool) {
    let err = LeadError::MissingApiKey;
    if with_plain {
        let expected = render(ours::<F>, &err);
        time_floor(c, &format!("{name}/static"), &expected, None);
        time(c, &format!("{name}/static"), "ours", &err, ours::<F>);
    }
    let ctx = RenderContext::at(Timestamp::from(clock())).with_request_id(REQUEST_ID);
    let mut expected = Vec::new();
    err.render_into(&F::default(), &ctx, &mut expected);
    let mut uncached = Vec::new();
    F::default().render(
        &error_core::format::ErrorView::new(&err, &ctx),
        &mut uncached,
    );
    assert_eq!(
        expected, uncached,
        "{name}: the cached body is the normal path's"
    );
    let group = format!("{name}/static_id");
    time_floor(c, &group, &expected, Some(REQUEST_ID));
    let mut buf = Vec::with_capacity(64 * 1024);
    c.bench_function(&format!("{group}/ours"), |b| {
        b.iter(|| {
            buf.clear();
            black_box(&err).render_into(&F::default(), black_box(&ctx), &mut buf);
            black_box(buf.len())
        })
    });
}

/// `RenderContext::now()` (with the ticking clock started) against a fixed timestamp and
/// against reading the system clock per rendering, each rendering the static Nested envelope.
fn clocks(c: &mut Criterion) {
    let err = LeadError::MissingApiKey;
    let mut buf = Vec::with_capacity(1024);
    let fixed = Timestamp::from_unix_millis(1_770_552_000_123);
    c.bench_function("clock/fixed", |b| {
        b.iter(|| {
            buf.clear();
            let ctx = RenderContext::at(black_box(fixed));
            err.render_into(&Nested, &ctx, &mut buf);
            black_box(buf.len())
        })
    });
    c.bench_function("clock/system", |b| {
        b.iter(|| {
            buf.clear();
            let ctx = RenderContext::at(Timestamp::now());
            err.render_into(&Nested, &ctx, &mut buf);
            black_box(buf.len())
        })
    });
    error_core::TickingClock::start();
    c.bench_function("clock/now", |b| {
        b.iter(|| {
            buf.clear();
            let ctx = RenderContext::now();
            err.render_into(&Nested, &ctx, &mut buf);
            black_box(buf.len())
        })
    });
}

macro_rules! format_benches {
    ($c:expr, $name:literal, $format:ty, $hand:path, $tree:path $(, $peer:path)?) => {
        for (case, err) in &cases() {
            let group = format!("{}/{case}", $name);
            let expected = render(ours::<$format>, err);
            assert_eq!(
                String::from_utf8_lossy(&render($hand, err)),
                String::from_utf8_lossy(&expected),
                "{group}: hand-written serde differs from ours"
            );
            assert_eq!(parsed(&render($tree, err)), parsed(&expected), "{group}: json! differs");
            $(assert_eq!(parsed(&render($peer, err)), parsed(&expected), "{group}: peer differs");)?
            if *case == "static" {
                time_floor($c, &group, &expected, None);
            }
            time($c, &group, "ours", err, ours::<$format>);
            time($c, &group, "serde", err, $hand);
            time($c, &group, "json", err, $tree);
            $(time($c, &group, "http-api-problem", err, $peer);)?
        }
    };
}

fn formats(c: &mut Criterion) {
    format_benches!(c, "flat", Flat, hand::flat, tree::flat);
    format_benches!(c, "nested", Nested, hand::nested, tree::nested);
    format_benches!(c, "laravel", Laravel, hand::laravel, tree::laravel);
    format_benches!(c, "compact", Compact, hand::compact, tree::compact);
    format_benches!(
        c,
        "problem",
        Problem,
        hand::problem,
        tree::problem,
        peer::problem
    );
}

/// Item 1 of issue 15: the static variant against the floor in every built-in format, and
/// with a request id (the five formats above have their plain static case already).
fn statics(c: &mut Criterion) {
    time_static::<Flat>(c, "flat", false);
    time_static::<Nested>(c, "nested", false);
    time_static::<Laravel>(c, "laravel", false);
    time_static::<Compact>(c, "compact", false);
    time_static::<Problem>(c, "problem", false);
    time_static::<Aip>(c, "aip", true);
    time_static::<JsonApi>(c, "jsonapi", true);
    time_static::<Microsoft>(c, "microsoft", true);
}

fn accessors(c: &mut Criterion) {
    let err = LeadError::NotFound { id: 7 };
    assert_eq!(err.status(), hand::status(&err));
    assert_eq!(err.code(), hand::code(&err));
    c.bench_function("accessors/status/ours", |b| {
        b.iter(|| black_box(&err).status())
    });
    c.bench_function("accessors/status/hand", |b| {
        b.iter(|| hand::status(black_box(&err)))
    });
    c.bench_function("accessors/code/ours", |b| b.iter(|| black_box(&err).code()));
    c.bench_function("accessors/code/hand", |b| {
        b.iter(|| hand::code(black_box(&err)))
    });
}

criterion_group!(
    benches,
    formats,
    statics,
    accessors,
    clocks,
    locale::locales,
    validation::validation
);
criterion_main!(benches);
