//! The `reqwest` adapter (feature `reqwest`).

use std::time::Duration;

use super::parse::Parser;
use super::remote::RemoteError;
use super::retry::Outcome;

/// How long [`Parser::parse_reqwest`] reads a body at most: 10 seconds.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(10);

impl Parser {
    /// Reads a `reqwest` response into a [`RemoteError`]: the status, the headers and the
    /// body, read chunk by chunk, bounded in size and in time:
    ///
    /// - no further than the parser's body limit ([`Parser::max_body_bytes`], 1 MiB by
    ///   default): a longer body is [`BodyKind::TooLarge`](super::BodyKind::TooLarge), and
    ///   at most one chunk past the limit is held;
    /// - for at most [`DEFAULT_BODY_TIMEOUT`] (10 s; choose with
    ///   [`Parser::parse_reqwest_within`]): a body still arriving then (a server trickling
    ///   bytes) is parsed as far as it came, usually
    ///   [`BodyKind::Malformed`](super::BodyKind::Malformed) with `truncated`.
    ///
    /// A network error while reading the body is returned, not hidden in the value.
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
        response: reqwest::Response,
    ) -> Result<RemoteError, reqwest::Error> {
        self.parse_reqwest_within(response, DEFAULT_BODY_TIMEOUT)
            .await
    }

    /// [`Parser::parse_reqwest`] reading the body for at most `timeout`. Needs a Tokio
    /// runtime with its timer enabled (reqwest needs Tokio anyway).
    pub async fn parse_reqwest_within(
        &self,
        mut response: reqwest::Response,
        timeout: Duration,
    ) -> Result<RemoteError, reqwest::Error> {
        let status = response.status();
        let headers = response.headers().clone();
        let mut body = Vec::new();
        let limit = self.body_limit();
        let read = async {
            while let Some(chunk) = response.chunk().await? {
                body.extend_from_slice(&chunk);
                if body.len() > limit {
                    break;
                }
            }
            Ok::<(), reqwest::Error>(())
        };
        // On timeout, what arrived so far is parsed; the rest is dropped with the response.
        if let Ok(result) = tokio::time::timeout(timeout, read).await {
            result?;
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
