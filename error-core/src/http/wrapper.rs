//! [`HttpError`]: one wrapper for every framework adapter.

use std::fmt;

use crate::ApiError;

/// An [`ApiError`] on its way to becoming a response: the axum adapter makes it an
/// `IntoResponse`, the actix-web adapter a `ResponseError`; `?` wraps any `ApiError` into
/// it. `Display` writes the client-facing message only.
///
/// ```
/// use error_core::http::HttpError;
/// use error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[api(status = 402, code = "billing/no-credits", message = "No credits left.")]
///     NoCredits,
/// }
///
/// fn charge() -> Result<(), HttpError<E>> {
///     Err(E::NoCredits)?
/// }
/// let err = charge().unwrap_err();
/// assert_eq!(err.to_string(), "No credits left.");
/// assert_eq!(err.into_inner().code(), "billing/no-credits");
/// ```
pub struct HttpError<E>(pub E);

impl<E> HttpError<E> {
    /// The wrapped error.
    pub fn into_inner(self) -> E {
        self.0
    }
}

impl<E: ApiError> From<E> for HttpError<E> {
    fn from(error: E) -> Self {
        HttpError(error)
    }
}

impl<E: fmt::Debug> fmt::Debug for HttpError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<E: ApiError> fmt::Display for HttpError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message())
    }
}
