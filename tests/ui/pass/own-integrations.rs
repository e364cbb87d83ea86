//! Features only make integrations available: an enum that does not ask for them
//! (`#[api(axum, utoipa, client)]`) keeps its own `IntoResponse` and `from_remote`, even in a
//! build where every feature of error-core is on (`cargo test --all-features`).
use axum::response::{IntoResponse, Response};
use error_core::ApiError;

#[derive(Debug, ApiError)]
enum LeadError {
    #[api(status = 404)]
    NotFound,
}

impl IntoResponse for LeadError {
    fn into_response(self) -> Response {
        (self.status(), "my own body").into_response()
    }
}

impl LeadError {
    fn from_remote(code: &str) -> Option<Self> {
        (code == "not_found").then_some(LeadError::NotFound)
    }
}

fn main() {
    let response = LeadError::NotFound.into_response();
    assert_eq!(response.status(), 404);
    assert!(LeadError::from_remote("not_found").is_some());
}
