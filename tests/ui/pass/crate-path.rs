//! `#[api(crate = ...)]`: a crate that reaches error-core through a re-export.
//! (`tests/ui/pass` can only show that it compiles; the derive's own unit test checks that
//! no `::error_core` path is left in such an expansion.)
mod my_reexport {
    pub use error_core;
}

use my_reexport::error_core::ApiError;

#[derive(ApiError)]
#[api(crate = "my_reexport::error_core")]
enum Error<T: std::fmt::Display> {
    #[api(status = 404, message = "Lead {0} was not found.")]
    NotFound(T),
    #[api(transparent)]
    Inner(Inner),
}

#[derive(ApiError)]
#[api(crate = my_reexport::error_core, status = 409)]
struct Inner;

fn main() {
    assert_eq!(Error::NotFound(7).message(), "Lead 7 was not found.");
    assert_eq!(Error::<u8>::Inner(Inner).status(), 409);
}
