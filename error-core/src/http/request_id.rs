//! Request ids: the client's when it is safe to echo, a fresh UUID v4 otherwise.

use std::fmt;
use std::sync::Arc;

use crate::context::is_valid_request_id;

/// The id of one request, sent back as `X-Request-Id`, written into the envelope where the
/// format has a place for it, and logged with a 5xx.
///
/// ```
/// use error_core::http::RequestId;
///
/// // A valid client id is echoed ...
/// assert_eq!(RequestId::from_client(Some(b"req-42")).as_str(), "req-42");
/// // ... anything else is replaced, never reflected.
/// let fresh = RequestId::from_client(Some(b"<script>"));
/// assert_ne!(fresh.as_str(), "<script>");
/// assert_eq!(fresh.as_str().len(), 36);
/// assert_eq!(RequestId::from_client(None).as_str().len(), 36);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RequestId(Arc<str>);

impl RequestId {
    /// A fresh random id (a hyphenated UUID v4).
    pub fn generate() -> Self {
        RequestId(uuid::Uuid::new_v4().hyphenated().to_string().into())
    }

    /// The client's id (the raw `X-Request-Id` header value) when it is
    /// [valid](super::is_valid_request_id), else a fresh one.
    pub fn from_client(header: Option<&[u8]>) -> Self {
        header
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .and_then(RequestId::parse)
            .unwrap_or_else(RequestId::generate)
    }

    /// `id` as a request id, if it is valid.
    ///
    /// ```
    /// use error_core::http::RequestId;
    /// assert!(RequestId::parse("abc").is_some());
    /// assert!(RequestId::parse("a\nb").is_none());
    /// ```
    pub fn parse(id: &str) -> Option<Self> {
        is_valid_request_id(id).then(|| RequestId(id.into()))
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for RequestId {
    /// A fresh id.
    fn default() -> Self {
        RequestId::generate()
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for RequestId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}
