//! A generic `retry_after` field gets its bound from the derive, like placeholders do.
use std::time::Duration;

use error_core::ApiError;

#[derive(ApiError)]
enum Error<D> {
    #[api(status = 429)]
    Slow(#[api(retry_after)] D),
}

fn main() {
    assert_eq!(Error::Slow(5u32).retry_after(), Some(Duration::from_secs(5)));
    assert_eq!(
        Error::Slow(Some(Duration::from_millis(1500))).retry_after(),
        Some(Duration::from_millis(1500))
    );
}
