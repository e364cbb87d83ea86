//! Rendering a static or templated variant into a buffer with room to spare allocates
//! nothing, in every format, whether or not the thread's timestamp cache already holds the
//! second being written, once a static variant's body has been laid out (its first rendering
//! in a format allocates that body, once per process). Counted by a global allocator that counts per thread (the test
//! harness allocates on other threads while a test runs).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use error_core::format::Builtin;
use error_core::{ApiError, RenderContext, Timestamp};

struct Counting;

thread_local! {
    // `const`, `Copy` and without `Drop`: touching it never allocates (nor registers a
    // destructor), so the allocator can use it.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: every call is forwarded to `System` unchanged; counting has no effect on memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which is System's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        // SAFETY: `ptr` was allocated by this allocator, that is by System.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator, that is by System.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations (and reallocations) `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[derive(Debug, ApiError)]
#[api(version = "v1", type_base = "https://errors.example.com/")]
enum LeadError {
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

    #[api(
        status = 409,
        code = "lead/duplicate",
        message = "Lead \"{name}\" already exists."
    )]
    Duplicate { name: String },

    #[api(
        status = 429,
        code = "rate_limited",
        message = "Over {rate:.1} requests per second."
    )]
    RateLimited { rate: f64 },
}

fn errors() -> Vec<LeadError> {
    vec![
        LeadError::MissingApiKey,
        LeadError::NotFound { id: 123_456 },
        LeadError::Duplicate {
            name: "Ada \"the first\" Lovelace\n".to_owned(),
        },
        LeadError::RateLimited { rate: 12.25 },
    ]
}

/// Renders every error once in every format, uncounted: lays out the static bodies, as a
/// server's first error of each kind does.
fn lay_out_static_bodies(errors: &[LeadError]) {
    let ctx = RenderContext::at(Timestamp::from_unix_millis(7));
    let mut buf = Vec::with_capacity(4096);
    for format in Builtin::ALL {
        for err in errors {
            err.render_into(&format, &ctx, &mut buf);
        }
    }
}

/// Renders every error in every format, each at its own second (so the timestamp cache
/// misses every time), and returns the allocations counted.
fn render_all(first_second: u64, ctx_of: impl Fn(Timestamp) -> RenderContext<'static>) -> usize {
    let errors = errors();
    lay_out_static_bodies(&errors);
    let mut buf = Vec::with_capacity(4096);
    let mut total = 0;
    let mut second = first_second;
    for format in Builtin::ALL {
        for err in &errors {
            second += 1;
            let ctx = ctx_of(Timestamp::from_unix_millis(second * 1000 + 7));
            buf.clear();
            total += allocations(|| err.render_into(&format, &ctx, &mut buf));
            assert!(
                buf.len() > 10,
                "{format}: {:?}",
                String::from_utf8_lossy(&buf)
            );
        }
    }
    total
}

#[test]
fn the_counter_counts() {
    assert_eq!(
        allocations(|| drop(black_box(Vec::<u8>::with_capacity(8)))),
        1
    );
    assert_eq!(allocations(|| drop(black_box(String::from("x") + "y"))), 2);
}

#[test]
fn rendering_with_a_cold_timestamp_cache_allocates_nothing() {
    assert_eq!(render_all(1_770_552_000, RenderContext::at), 0);
}

#[test]
fn rendering_with_a_warm_timestamp_cache_allocates_nothing() {
    let errors = errors();
    let ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_123))
        .with_request_id("req-\"42\"")
        .with_version("v2");
    let mut buf = Vec::with_capacity(4096);
    for format in Builtin::ALL {
        for err in &errors {
            // Once to fill the cache, then counted.
            buf.clear();
            err.render_into(&format, &ctx, &mut buf);
            let expected = buf.clone();
            buf.clear();
            assert_eq!(
                allocations(|| err.render_into(&format, &ctx, &mut buf)),
                0,
                "{format}: {}",
                String::from_utf8_lossy(&expected)
            );
            assert_eq!(buf, expected);
        }
    }
}

#[test]
fn rendering_from_the_system_clock_allocates_nothing() {
    let errors = errors();
    lay_out_static_bodies(&errors);
    let mut buf = Vec::with_capacity(4096);
    let clock = std::time::SystemTime::now();
    for format in Builtin::ALL {
        for err in &errors {
            buf.clear();
            let count = allocations(|| {
                let ctx = RenderContext::at(Timestamp::from(black_box(clock)));
                err.render_into(&format, &ctx, &mut buf);
            });
            assert_eq!(count, 0, "{format}");
        }
    }
}

/// A static variant's first rendering in a caching format lays out its body (a few
/// allocations, once); every later one, at any time, allocates nothing.
#[test]
fn a_static_body_is_laid_out_once_per_format() {
    #[derive(ApiError)]
    #[api(version = "v1")]
    enum Once {
        #[api(status = 403, message = "Not allowed.")]
        Forbidden,
    }
    let mut buf = Vec::with_capacity(4096);
    for format in Builtin::ALL {
        let at = |millis| RenderContext::at(Timestamp::from_unix_millis(millis));
        let first = allocations(|| Once::Forbidden.render_into(&format, &at(1), &mut buf));
        // Every built-in format caches the body: two renderings at the sentinels, the
        // body cut at its holes, its box.
        assert_eq!(first, 4, "{format}");
        for millis in [1, 2, 1_770_552_000_123] {
            buf.clear();
            let later = allocations(|| Once::Forbidden.render_into(&format, &at(millis), &mut buf));
            assert_eq!(later, 0, "{format} at {millis}");
        }
        // With a request id, a second body (the id spliced in), laid out once too.
        let with_id = |millis| at(millis).with_request_id("req-1");
        buf.clear();
        let first = allocations(|| Once::Forbidden.render_into(&format, &with_id(1), &mut buf));
        assert_eq!(first, 4, "{format} with an id");
        for millis in [1, 2, 1_770_552_000_123] {
            buf.clear();
            let later =
                allocations(|| Once::Forbidden.render_into(&format, &with_id(millis), &mut buf));
            assert_eq!(later, 0, "{format} at {millis} with an id");
        }
    }
}

#[test]
fn the_rendered_bodies_are_the_expected_ones() {
    // The counted renderings above write real envelopes; spot-check two of them whole.
    let ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_123));
    let mut buf = Vec::with_capacity(4096);
    LeadError::Duplicate {
        name: "Ada \"the first\" Lovelace\n".to_owned(),
    }
    .render_into(&Builtin::Flat, &ctx, &mut buf);
    assert_eq!(
        String::from_utf8(buf.clone()).unwrap(),
        r#"{"success":false,"status":409,"message":"Lead \"Ada \"the first\" Lovelace\n\" already exists.","meta":{"timestamp":"2026-02-08T12:00:00.123Z","version":"v1"}}"#
    );
    buf.clear();
    LeadError::RateLimited { rate: 12.25 }.render_into(&Builtin::Problem, &ctx, &mut buf);
    assert_eq!(
        String::from_utf8(buf).unwrap(),
        r#"{"type":"https://errors.example.com/rate_limited","title":"Too Many Requests","status":429,"detail":"Over 12.2 requests per second.","code":"rate_limited"}"#
    );
}

/// A request with a million failing items allocates what its 100 kept errors need and
/// nothing per item past them: the same count for 1,000 items as for 1,000,000.
#[test]
fn a_million_field_errors_allocate_within_the_bound() {
    use error_core::validation::validate_all;
    use error_core::{FieldError, FieldErrors};

    let run = |n: usize| {
        let items = vec![0u8; n];
        let mut result = None;
        let count = allocations(|| {
            result = Some(validate_all("leads", &items, |_, errors| {
                errors.push_with(|| FieldError::missing("phone"));
                errors.nest("address", |errors| {
                    errors.push_with(|| FieldError::missing("city"));
                });
            }));
        });
        let errors = result.unwrap().unwrap_err();
        assert_eq!((errors.len(), errors.total()), (100, 2 * n));
        count
    };
    let thousand = run(1_000);
    let million = run(1_000_000);
    assert_eq!(million, thousand);
    // Each kept error is built, then re-prefixed twice (`address`, then `leads.N`), each
    // time with a new path (its default code and message are not stored).
    assert!(thousand <= 100 * 24, "{thousand}");

    // `push` itself: the kept errors' storage only.
    let push_all = |n: usize| {
        let mut errors = FieldErrors::new();
        let mut count = 0;
        for _ in 0..n {
            let error = FieldError::new("phone", "missing", "Missing.");
            count += allocations(|| errors.push(error));
        }
        assert_eq!((errors.len(), errors.total()), (100, n));
        count
    };
    let thousand = push_all(1_000);
    assert_eq!(push_all(1_000_000), thousand);
    assert!(thousand <= 8, "{thousand}");
}

#[derive(Debug, ApiError)]
#[api(version = "v1")]
enum FormError {
    #[api(status = 422, code = "validation_error", message = "Validation failed")]
    Validation(#[api(fields)] error_core::FieldErrors),
}

/// Builds a `FieldErrors` of the first `n` of ten default-kind errors (paths of one and two
/// segments, keys of up to 24 bytes) and renders it in `format`, counted together; returns
/// the count and the body.
fn build_and_render(n: usize, format: Builtin, locale: Option<&str>) -> (usize, Vec<u8>) {
    use error_core::{FieldError, FieldErrors};

    let at = Timestamp::from_unix_millis(1_770_552_000_123);
    let mut buf = Vec::new();
    let count = allocations(|| {
        buf = Vec::with_capacity(4096);
        let mut errors = FieldErrors::new();
        let all = [
            || FieldError::missing("email"),
            || FieldError::too_short("name", 3),
            || FieldError::invalid_format("phone"),
            || FieldError::too_long("company", 50),
            || FieldError::missing("address.city"),
            || FieldError::invalid_format("address.zip"),
            || FieldError::duplicate("lead_id"),
            || FieldError::missing("a_key_of_exactly_24_byte"),
            || FieldError::too_long("notes", 1),
            || FieldError::too_short("source", 2),
        ];
        for make in &all[..n] {
            errors.push(make());
        }
        let err = FormError::Validation(errors);
        let ctx = RenderContext::at(at);
        let ctx = match locale {
            Some(locale) => ctx.with_locale(locale),
            None => ctx,
        };
        err.render_into(&format, &ctx, &mut buf);
    });
    (count, buf)
}

/// Issue 15 item 3: building and rendering field errors of the default kinds allocates the
/// output buffer and the `FieldErrors` storage, nothing per error: no code or message is
/// stored (they are written at render time from the kind and the path) and the paths are
/// inline. The storage is a `Vec` that grows by doubling: one allocation for 1 error, three
/// for 10 (capacity 4, 8, 16).
#[test]
fn field_errors_of_the_default_kinds_allocate_only_the_buffer_and_the_storage() {
    for locale in [None, Some("de-AT"), Some("pt")] {
        for format in [
            Builtin::Nested,
            Builtin::Flat,
            Builtin::Compact,
            Builtin::Problem,
            Builtin::JsonApi,
        ] {
            assert_eq!(build_and_render(1, format, locale).0, 1 + 1, "{format}");
            assert_eq!(build_and_render(10, format, locale).0, 1 + 3, "{format}");
        }
        // Laravel groups messages by path through four index vectors (the one of the groups
        // collected, so growing twice more for 10 groups): grouping, not codes or messages.
        // (Microsoft PascalCases each code into a `String`, and AIP builds each field's path
        // and reason as `String`s: not counted here.)
        assert_eq!(build_and_render(1, Builtin::Laravel, locale).0, 1 + 1 + 4);
        assert_eq!(build_and_render(10, Builtin::Laravel, locale).0, 1 + 3 + 6);
    }
    let (_, body) = build_and_render(10, Builtin::Nested, None);
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"success":false,"error":{"code":422,"timestamp":"2026-02-08T12:00:00.123Z","message":"Validation failed","details":[{"code":"validation/missing-email","message":"email is required."},{"code":"validation/too-short-name","message":"Must be at least 3 characters"},{"code":"validation/invalid-phone","message":"Invalid phone format"},{"code":"validation/too-long-company","message":"Must be at most 50 characters"},{"code":"validation/missing-address.city","message":"address.city is required."},{"code":"validation/invalid-address.zip","message":"Invalid address.zip format"},{"code":"validation/duplicate-lead_id","message":"Must be unique"},{"code":"validation/missing-a_key_of_exactly_24_byte","message":"a_key_of_exactly_24_byte is required."},{"code":"validation/too-long-notes","message":"Must be at most 1 character"},{"code":"validation/too-short-source","message":"Must be at least 2 characters"}]}}"#
    );
    let (_, body) = build_and_render(2, Builtin::Nested, Some("de-AT"));
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"success":false,"error":{"code":422,"timestamp":"2026-02-08T12:00:00.123Z","message":"Validation failed","details":[{"code":"validation/missing-email","message":"email ist erforderlich."},{"code":"validation/too-short-name","message":"Muss mindestens 3 Zeichen lang sein"}]}}"#
    );
}
