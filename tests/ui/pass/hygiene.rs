//! The generated code uses absolute paths only: it compiles without a warning in a crate
//! that denies warnings and shadows the names it could otherwise trip on.
#![deny(warnings)]
#![allow(dead_code)]

mod core {}
mod std {}
mod http {}
mod serde {}
mod error_core {}

struct Option;
struct Some;
struct None;
struct Box;
struct Vec;
struct String;
struct Ok;
struct Err;
type Result = ();
trait ApiError {}
trait Display {}
trait Format {}
trait Serialize {}
trait Sized {}
trait Default {}
#[allow(unused_macros)]
macro_rules! format_args {
    ($($t:tt)*) => {
        compile_error!("the derive must use ::core::format_args!")
    };
}

#[derive(::error_core::ApiError)]
#[api(format = ::error_core::format::Flat, version = "v1", status = 500)]
enum Error<T: ::core::fmt::Display> {
    #[api(status = 404, message = "Lead {id} was not found.")]
    NotFound { id: u64 },
    #[api(status = 400, message = "Value {0:>3} and {1}.")]
    Tuple(u8, T),
    #[api(status = 422)]
    Validation(#[api(fields)] ::error_core::FieldErrors),
    #[api(status = 402)]
    Quota(#[api(details)] ::std::vec::Vec<u32>),
    #[api(status = 429)]
    Slow(#[api(retry_after)] u32),
    #[api(status = 401, www_authenticate = "Bearer")]
    Unauthorized,
    #[api(status = 499, message = "Client closed the request.")]
    Closed,
    #[api(code = "internal")]
    Internal(::std::io::Error),
    #[api(transparent)]
    Inner(::std::boxed::Box<Inner>),
}

#[derive(::error_core::ApiError)]
enum Inner {
    #[api(status = 409)]
    Conflict,
}

#[derive(::error_core::ApiError)]
#[api(status = 503, message = "Down for {minutes} minutes.", expose)]
struct Maintenance {
    minutes: u32,
}

::error_core::assert_unique_codes!(Error<u8>, Maintenance);

fn main() {
    use ::error_core::ApiError as _;
    let err: Error<u8> = Error::Tuple(1, 2);
    ::std::assert_eq!(err.message(), "Value   1 and 2.");
    ::std::assert_eq!(Maintenance { minutes: 5 }.status(), 503);
}
