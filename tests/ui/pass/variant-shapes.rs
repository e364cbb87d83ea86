//! Unit, tuple and struct variants; `{0}` placeholders; `{{`/`}}` escapes; format specs.
use error_core::{ApiError, FieldError, FieldErrors};

#[derive(ApiError)]
#[api(status = 400)]
enum Error {
    Unit,

    #[api(message = "Item {0} of {1} is invalid.")]
    Tuple(usize, usize),

    #[api(status = 422, message = "Field {name} must be {{non-empty}}.")]
    Struct { name: String, hidden: u8 },

    #[api(status = 409, message = "Version {0:>4}, hash {1:#x}, ratio {2:.2}, tag {3:?}.")]
    Specs(u32, u32, f64, &'static str),

    #[api(status = 422, code = "validation")]
    Validation(#[api(fields)] Box<FieldErrors>),

    #[api(status = 429, code = "rate_limited")]
    RateLimited {
        #[api(retry_after)]
        seconds: u64,
    },
}

fn main() {
    assert_eq!(Error::Unit.message(), "Bad Request");
    assert_eq!(Error::Tuple(2, 5).message(), "Item 2 of 5 is invalid.");
    let err = Error::Struct { name: "email".into(), hidden: 0 };
    assert_eq!(err.message(), "Field email must be {non-empty}.");
    assert_eq!(
        Error::Specs(7, 255, 0.5, "x").message(),
        "Version    7, hash 0xff, ratio 0.50, tag \"x\"."
    );
    let err = Error::Validation(Box::new(FieldErrors::new().with(FieldError::missing("email"))));
    assert_eq!(err.field_errors().map(|f| f.len()), Some(1));
    let err = Error::RateLimited { seconds: 30 };
    assert_eq!(err.retry_after(), Some(std::time::Duration::from_secs(30)));
}
