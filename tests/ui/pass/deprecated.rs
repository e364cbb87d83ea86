//! Deprecated types, variants and fields derive without a warning (the generated impls
//! allow `deprecated`, as serde's and thiserror's do).
#![deny(warnings)]

use error_core::ApiError;

#[deprecated = "use NewError"]
#[derive(ApiError)]
pub enum OldError {
    #[api(status = 404, message = "Lead {id} was not found.")]
    NotFound { id: u64 },
}

#[derive(ApiError)]
pub enum NewError {
    #[deprecated = "use Gone"]
    #[api(status = 404)]
    NotFound,
    #[api(status = 410, message = "Gone since {since}.")]
    Gone {
        #[deprecated = "use a date"]
        since: u64,
    },
    #[allow(deprecated)]
    #[api(transparent)]
    Old(OldError),
}

#[deprecated = "use NewError"]
#[derive(ApiError)]
#[api(status = 429)]
pub struct Slow(#[api(retry_after)] u64);

fn main() {
    #[allow(deprecated)]
    let message = NewError::Gone { since: 3 }.message();
    assert_eq!(message, "Gone since 3.");
}
