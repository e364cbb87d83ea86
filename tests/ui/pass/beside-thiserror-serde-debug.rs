//! Our derive beside thiserror's (with `#[error]`, `#[source]`, `#[from]`), serde's and
//! Debug on the same enum: each reads only its own attributes.
use error_core::ApiError;

#[derive(Debug, thiserror::Error, serde::Serialize, ApiError)]
#[serde(tag = "kind")]
enum LeadError {
    #[error("lead {id} not found")]
    #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
    NotFound { id: u64 },

    #[error("storage failed")]
    #[api(status = 500, code = "storage")]
    Storage {
        #[serde(skip)]
        #[source]
        source: std::io::Error,
    },

    #[error(transparent)]
    #[api(status = 502, code = "upstream", message = "The upstream service failed.")]
    Upstream(
        #[serde(skip)]
        #[from]
        std::fmt::Error,
    ),
}

fn main() {
    let err = LeadError::NotFound { id: 7 };
    assert_eq!(err.to_string(), "lead 7 not found");
    assert_eq!(err.message(), "Lead 7 was not found.");
    assert_eq!(format!("{err:?}"), "NotFound { id: 7 }");
    let err = LeadError::from(std::fmt::Error);
    assert_eq!(err.status(), 502);
    let err = LeadError::Storage { source: std::io::Error::other("disk") };
    assert!(std::error::Error::source(&err).is_some());
    assert_eq!(err.message(), "Internal Server Error");
}
