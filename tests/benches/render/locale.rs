//! Issue 16 E: a static variant rendered in a non-default locale against the default locale,
//! in one run: `default` without a locale (a plain `RenderContext`), `en` with the default
//! locale named (as the adapters render a request in the default language), `de` translated. The translation is escaped at compile time like the attribute message, so the
//! ratio (reported in BENCHMARKS.md) must stay at most 1.2.

use std::hint::black_box;

use criterion::Criterion;
use error_core::format::Problem;
use error_core::{ApiError, RenderContext, Timestamp};

#[derive(Debug, ApiError)]
#[api(
    locales = "benches/render/locales",
    type_base = "https://errors.example.com/"
)]
pub enum Translated {
    #[api(
        status = 401,
        code = "missing_api_key",
        message = "Authentication required.",
        www_authenticate = "Bearer"
    )]
    MissingApiKey,
}

pub fn locales(c: &mut Criterion) {
    let err = Translated::MissingApiKey;
    let at = Timestamp::from_unix_millis(1_770_552_000_123);
    let mut buf = Vec::with_capacity(256);
    let default = RenderContext::at(at);
    let german = RenderContext::at(at).with_locale("de");
    // What the adapters set for a request in the default language: its name.
    let english = RenderContext::at(at).with_locale("en");
    buf.clear();
    err.render_into(&Problem, &german, &mut buf);
    assert_eq!(
        buf,
        br#"{"type":"https://errors.example.com/missing_api_key","title":"Unauthorized","status":401,"detail":"Anmeldung erforderlich.","code":"missing_api_key"}"#
    );
    let mut group = c.benchmark_group("locale/static/problem");
    group.bench_function("default", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&err).render_into(&Problem, black_box(&default), &mut buf);
            black_box(&buf);
        })
    });
    group.bench_function("en", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&err).render_into(&Problem, black_box(&english), &mut buf);
            black_box(&buf);
        })
    });
    group.bench_function("de", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&err).render_into(&Problem, black_box(&german), &mut buf);
            black_box(&buf);
        })
    });
    group.finish();
}
