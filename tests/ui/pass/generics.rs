//! Generic catalogues: type parameters in messages, details and transparent variants,
//! lifetimes, and a parameter that no rendered field uses (it gets no bound).
use std::fmt::Display;

use error_core::{ApiError, RenderContext, Timestamp};

/// Not `Display`, not `Serialize`, not `ApiError`: only ever a source.
struct Opaque;

#[derive(ApiError)]
enum LookupError<'a, K, D, S, I> {
    #[api(status = 404, code = "not_found", message = "No entry for key {key}.")]
    NotFound { key: K },

    #[api(status = 409, code = "conflict", message = "Conflict on {0:?}.")]
    Conflict(&'a str),

    #[api(status = 422, code = "invalid")]
    Invalid(#[api(details)] D),

    // `S` is held but never rendered: no bound on it.
    #[api(status = 500, code = "storage")]
    Storage(S),

    #[api(transparent)]
    Inner(I),
}

#[derive(ApiError)]
enum Inner {
    #[api(status = 401, code = "inner/unauthorized", www_authenticate = "Bearer")]
    Unauthorized,
}

#[derive(ApiError)]
#[api(status = 400, code = "bad_value", message = "Bad value {value}.")]
struct BadValue<T: Display> {
    value: T,
}

fn main() {
    let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
    type E<'a> = LookupError<'a, u32, Vec<u8>, Opaque, Inner>;
    let err: E<'_> = LookupError::NotFound { key: 7 };
    assert_eq!(err.message(), "No entry for key 7.");
    let err: E<'_> = LookupError::Conflict("lead");
    assert_eq!(err.message(), "Conflict on \"lead\".");
    let err: E<'_> = LookupError::Storage(Opaque);
    assert_eq!(err.status(), 500);
    let err: E<'_> = LookupError::Inner(Inner::Unauthorized);
    assert_eq!(err.code(), "inner/unauthorized");
    let err: E<'_> = LookupError::Invalid(vec![1, 2]);
    assert!(err.details().is_some());
    assert_eq!(BadValue { value: 1.5 }.message(), "Bad value 1.5.");
    let _ = err.to_json(&ctx);
}
