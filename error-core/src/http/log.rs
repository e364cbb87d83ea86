//! The one log line of a 5xx: the source chain, which the client never sees.

use std::error::Error;
use std::fmt;

/// The error and its sources, joined by `: `, with every character that could break or
/// forge a log line escaped: CR, LF and the other C0/C1 controls, U+2028 and U+2029, the
/// bidirectional controls, and `\` and `"` (the log line quotes the text).
///
/// ```
/// use error_core::http::source_chain;
///
/// #[derive(Debug)]
/// struct Outer(std::io::Error);
/// impl std::fmt::Display for Outer {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("saving lead")
///     }
/// }
/// impl std::error::Error for Outer {
///     fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
///         Some(&self.0)
///     }
/// }
///
/// let err = Outer(std::io::Error::other("disk\r\nfull\u{2028}\u{202e}\"x\""));
/// assert_eq!(source_chain(&err), r#"saving lead: disk\r\nfull\u{2028}\u{202e}\"x\""#);
/// ```
pub fn source_chain(error: &dyn Error) -> String {
    let mut out = String::new();
    push_escaped(&mut out, &error.to_string());
    let mut source = error.source();
    while let Some(inner) = source {
        out.push_str(": ");
        push_escaped(&mut out, &inner.to_string());
        source = inner.source();
    }
    out
}

fn push_escaped(out: &mut String, text: &str) {
    // Writing into a `String` cannot fail.
    let _ = super::write_escaped(out, text);
}

/// The source chain between quotes, so that text inside it such as `status=200 code=x`
/// cannot pass for more fields of the line.
struct Quoted(String);

impl fmt::Display for Quoted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\"", self.0)
    }
}

/// Logs a server error once, at `ERROR` level through `tracing`, with the request id, the
/// status, the detail code and the [source chain](source_chain). The adapters call it for
/// every 5xx they render.
///
/// ```
/// let err = std::io::Error::other("connection refused");
/// error_core::http::log_server_error(&err, "req-1", http::StatusCode::BAD_GATEWAY, "upstream");
/// ```
pub fn log_server_error(error: &dyn Error, request_id: &str, status: http::StatusCode, code: &str) {
    tracing::error!(
        request_id,
        status = status.as_u16(),
        code,
        error = %Quoted(source_chain(error)),
        "server error"
    );
}

/// Logs a server error whose type is not a `std::error::Error` (so it has no source chain):
/// the request id, the status and the detail code.
pub(crate) fn log_server_status(request_id: &str, status: http::StatusCode, code: &str) {
    tracing::error!(request_id, status = status.as_u16(), code, "server error");
}
