//! `expose` is the deliberate way for a 5xx variant to send fields: in its message, or as
//! `fields` / `details`.
use error_core::{ApiError, FieldError, FieldErrors};

#[derive(ApiError)]
enum Error {
    #[api(status = 502, message = "The upstream rejected the request.", expose)]
    Upstream(#[api(fields)] FieldErrors),
    #[api(status = 503, message = "Down for maintenance.", expose)]
    Maintenance {
        #[api(details)]
        window: Vec<u32>,
        #[api(retry_after)]
        secs: u64,
    },
}

fn main() {
    let err = Error::Upstream(FieldErrors::new().with(FieldError::missing("id")));
    assert_eq!(err.field_errors().map(FieldErrors::len), Some(1));
    let err = Error::Maintenance { window: vec![1, 2], secs: 60 };
    assert!(err.details().is_some());
    assert_eq!(err.retry_after(), Some(std::time::Duration::from_secs(60)));
}
