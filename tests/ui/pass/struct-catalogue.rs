//! A struct is a one-entry catalogue: the enum-level and variant-level keys go on it.
use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(
    format = error_core::format::Flat,
    version = "v1",
    status = 429,
    code = "rate_limited",
    message = "Slow down: {limit} requests a minute."
)]
struct RateLimited {
    limit: u32,
}

#[derive(ApiError)]
#[api(status = 503, code = "maintenance", message = "Back at {0}.", expose)]
struct Maintenance(&'static str);

fn main() {
    let err = RateLimited { limit: 60 };
    assert_eq!(err.status(), 429);
    assert_eq!(err.code(), "rate_limited");
    assert_eq!(err.message(), "Slow down: 60 requests a minute.");
    assert_eq!(<RateLimited as ApiError>::CATALOGUE.len(), 1);
    assert_eq!(Maintenance("noon").message(), "Back at noon.");
}
