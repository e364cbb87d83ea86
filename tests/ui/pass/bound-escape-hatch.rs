//! `bound = "..."` replaces the inferred bounds: here the inferred `Private<T>: Display`
//! would name a private type in the bounds of a public impl (`private_bounds`, denied).
#![deny(warnings)]

use std::fmt;

use error_core::ApiError;

struct Private<T>(T);

impl<T: fmt::Display> fmt::Display for Private<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{}>", self.0)
    }
}

#[allow(private_interfaces)]
#[derive(ApiError)]
#[api(bound = "T: std::fmt::Display")]
pub enum Error<T> {
    #[api(status = 400, message = "Bad value {0}.")]
    Bad(Private<T>),
}

fn main() {
    assert_eq!(Error::Bad(Private(3)).message(), "Bad value <3>.");
}
