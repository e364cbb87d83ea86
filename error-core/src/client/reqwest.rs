//! The `reqwest` adapter (feature `reqwest`).

use super::parse::Parser;
use super::remote::RemoteError;
use super::retry::Outcome;

impl Parser {
    /// Reads a `reqwest` response into a [`RemoteError`]: the status, the headers and the
    /// body, read chunk by chunk and no further than the body limit (a longer body is
    /// [`BodyKind::TooLarge`](super::BodyKind::TooLarge)). A network error while reading
    /// the body is returned, not hidden in the value.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), reqwest::Error> {
    /// use error_core::client::Parser;
    ///
    /// let response = reqwest::get("http://127.0.0.1:8080/v1/leads/7").await?;
    /// if !response.status().is_success() {
    ///     let remote = Parser::new().parse_reqwest(response).await?;
    ///     eprintln!("{remote}");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn parse_reqwest(
        &self,
        mut response: reqwest::Response,
    ) -> Result<RemoteError, reqwest::Error> {
        let status = response.status();
        let headers = response.headers().clone();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            body.extend_from_slice(&chunk);
            if body.len() > self.body_limit() {
                break;
            }
        }
        Ok(self.parse(status, &headers, &body))
    }
}

impl RemoteError {
    /// [`Parser::parse_reqwest`] with the default parser.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), reqwest::Error> {
    /// use error_core::client::RemoteError;
    ///
    /// let response = reqwest::get("http://127.0.0.1:8080/v1/leads/7").await?;
    /// let remote = RemoteError::from_reqwest(response).await?;
    /// println!("{:?} {:?}", remote.code(), remote.message());
    /// # Ok(())
    /// # }
    /// ```
    pub async fn from_reqwest(response: reqwest::Response) -> Result<RemoteError, reqwest::Error> {
        Parser::new().parse_reqwest(response).await
    }
}

impl From<&reqwest::Error> for Outcome {
    /// [`Outcome::ConnectFailed`] when no connection was made (the request was never sent),
    /// [`Outcome::Network`] otherwise.
    fn from(error: &reqwest::Error) -> Self {
        if error.is_connect() {
            Outcome::ConnectFailed
        } else {
            Outcome::Network
        }
    }
}
