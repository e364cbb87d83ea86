//! Raw identifiers: an `r#type` field named `{type}` in the message, raw variant names.
use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 400, message = "Unsupported type {type}.")]
    r#Unsupported { r#type: String },

    // A keyword as a variant name is lowercase by necessity.
    #[allow(non_camel_case_types)]
    #[api(status = 404, code = "match_missing")]
    r#match,
}

fn main() {
    let err = Error::Unsupported { r#type: "pdf".into() };
    assert_eq!(err.message(), "Unsupported type pdf.");
    assert_eq!(err.code(), "unsupported");
    assert_eq!(Error::r#match.code(), "match_missing");
    assert_eq!(<Error as ApiError>::CATALOGUE[1].variant(), "match");
}
