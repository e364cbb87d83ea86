//! What a rendering needs besides the error: the time, the request id, the API version.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A point in time, rendered as RFC 3339 UTC with milliseconds: `2026-02-08T12:00:00.000Z`.
///
/// Made from a `SystemTime` (the system clock), it keeps it and converts it to milliseconds
/// only when asked, so a rendering in a format without a timestamp never pays for the
/// conversion. Two timestamps are equal when they fall in the same millisecond.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use error_core::Timestamp;
///
/// let t = Timestamp::from_unix_millis(1_770_552_000_000);
/// assert_eq!(t.to_string(), "2026-02-08T12:00:00.000Z");
///
/// let system = Timestamp::from(UNIX_EPOCH + Duration::from_micros(1_770_552_000_000_999));
/// assert_eq!(system, t);
/// assert_eq!(system.unix_millis(), 1_770_552_000_000);
/// ```
#[derive(Clone, Copy)]
pub struct Timestamp {
    repr: Repr,
}

#[derive(Clone, Copy)]
enum Repr {
    Millis(u64),
    System(SystemTime),
}

impl Timestamp {
    /// The time `millis` milliseconds after the Unix epoch.
    pub const fn from_unix_millis(millis: u64) -> Self {
        Timestamp {
            repr: Repr::Millis(millis),
        }
    }

    /// Now, from the system clock.
    pub fn now() -> Self {
        Timestamp::from(SystemTime::now())
    }

    /// Milliseconds since the Unix epoch (a time before 1970 counts as the epoch).
    #[inline]
    pub fn unix_millis(&self) -> u64 {
        match self.repr {
            Repr::Millis(millis) => millis,
            Repr::System(time) => crate::time_format::system_millis(time, |time| {
                let since = time.duration_since(UNIX_EPOCH).unwrap_or(Duration::ZERO);
                // `as_millis()` clamped to u64, without u128 arithmetic.
                since
                    .as_secs()
                    .saturating_mul(1000)
                    .saturating_add(u64::from(since.subsec_millis()))
            }),
        }
    }

    /// Writes the 24 bytes of the RFC 3339 form.
    #[inline]
    pub fn write_rfc3339(&self, out: &mut Vec<u8>) {
        crate::time_format::write_rfc3339_millis(self.unix_millis(), out);
    }
}

impl From<SystemTime> for Timestamp {
    /// Times before 1970 are clamped to the epoch (when converted).
    #[inline]
    fn from(time: SystemTime) -> Self {
        Timestamp {
            repr: Repr::System(time),
        }
    }
}

impl From<Timestamp> for SystemTime {
    /// The millisecond of the timestamp.
    fn from(t: Timestamp) -> Self {
        UNIX_EPOCH + Duration::from_millis(t.unix_millis())
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.unix_millis() == other.unix_millis()
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.unix_millis().cmp(&other.unix_millis())
    }
}

impl std::hash::Hash for Timestamp {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.unix_millis().hash(state);
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Timestamp")
            .field("unix_millis", &self.unix_millis())
            .finish()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Vec::with_capacity(24);
        self.write_rfc3339(&mut out);
        f.write_str(std::str::from_utf8(&out).map_err(|_| fmt::Error)?)
    }
}

/// A source of time, injectable so tests and documentation render fixed output.
///
/// ```
/// use error_core::{Clock, FixedClock, Timestamp};
///
/// let clock = FixedClock(Timestamp::from_unix_millis(0));
/// assert_eq!(clock.now().to_string(), "1970-01-01T00:00:00.000Z");
/// ```
pub trait Clock: Send + Sync {
    /// The current time.
    fn now(&self) -> Timestamp;
}

/// The system clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// A clock stopped at one instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedClock(pub Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
}

/// Everything a rendering needs besides the error itself.
///
/// ```
/// use error_core::{RenderContext, Timestamp};
///
/// let ctx = RenderContext::at(Timestamp::from_unix_millis(1_770_552_000_000))
///     .with_request_id("req-42")
///     .with_version("v2");
/// assert_eq!(ctx.request_id(), Some("req-42"));
/// assert_eq!(ctx.version(), Some("v2"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderContext<'a> {
    timestamp: Timestamp,
    request_id: Option<&'a str>,
    version: Option<&'a str>,
    locale: Option<&'a str>,
}

impl<'a> RenderContext<'a> {
    /// A context stamped with the current time: from [`TickingClock`](crate::TickingClock)
    /// when it has been started (one atomic load), else from the system clock.
    #[inline]
    pub fn now() -> Self {
        RenderContext::at(crate::ticker::cached().unwrap_or_else(Timestamp::now))
    }

    /// A context stamped with `clock`'s time.
    pub fn from_clock(clock: &dyn Clock) -> Self {
        RenderContext::at(clock.now())
    }

    /// A context stamped with `timestamp`.
    pub const fn at(timestamp: Timestamp) -> Self {
        RenderContext {
            timestamp,
            request_id: None,
            version: None,
            locale: None,
        }
    }

    /// Sets the request id, written where the format has a place for it (and as the
    /// `X-Request-Id` header), if it is [valid](is_valid_request_id); an invalid id is
    /// dropped, so that no entry point can echo it into a body or a header.
    ///
    /// ```
    /// use error_core::{RenderContext, Timestamp};
    ///
    /// let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
    /// assert_eq!(ctx.with_request_id("req-42").request_id(), Some("req-42"));
    /// assert_eq!(ctx.with_request_id("x\r\nSet-Cookie: a=b").request_id(), None);
    /// // A valid id replaces an earlier one; an invalid one removes it.
    /// assert_eq!(ctx.with_request_id("a").with_request_id("\"b\"").request_id(), None);
    /// ```
    pub const fn with_request_id(mut self, request_id: &'a str) -> Self {
        self.request_id = if is_valid_request_id(request_id) {
            Some(request_id)
        } else {
            None
        };
        self
    }

    /// Sets a request id already known to be [valid](is_valid_request_id) (an
    /// `http::RequestId`, checked when it was made), without checking it again.
    #[cfg(feature = "server")]
    pub(crate) const fn with_checked_request_id(mut self, request_id: &'a str) -> Self {
        debug_assert!(is_valid_request_id(request_id));
        self.request_id = Some(request_id);
        self
    }

    /// Overrides the enum's `version` for this rendering.
    pub const fn with_version(mut self, version: &'a str) -> Self {
        self.version = Some(version);
        self
    }

    /// Renders messages in `locale` (a folder name of `#[api(locales = "…")]`, such as `de`)
    /// where the error has a translation; others keep their own message. The adapters set
    /// the locale they negotiated from `Accept-Language`.
    ///
    /// ```
    /// use error_core::{RenderContext, Timestamp};
    ///
    /// let ctx = RenderContext::at(Timestamp::from_unix_millis(0)).with_locale("de");
    /// assert_eq!(ctx.locale(), Some("de"));
    /// ```
    pub const fn with_locale(mut self, locale: &'a str) -> Self {
        self.locale = Some(locale);
        self
    }

    /// The locale messages are rendered in, if one was asked for.
    pub const fn locale(&self) -> Option<&'a str> {
        self.locale
    }

    /// The time written in the envelope.
    pub const fn timestamp(&self) -> Timestamp {
        self.timestamp
    }

    /// The request id, if one was set and it is [valid](is_valid_request_id).
    pub const fn request_id(&self) -> Option<&'a str> {
        self.request_id
    }

    /// The version override, if set.
    pub const fn version(&self) -> Option<&'a str> {
        self.version
    }
}

/// The longest request id that is kept and echoed.
pub const MAX_REQUEST_ID_LEN: usize = 200;

/// Whether a request id may be echoed to a client, in a header or an envelope: 1 to 200
/// characters of `[A-Za-z0-9._~+/=-]` (enough for UUIDs, ULIDs, base64 and W3C trace ids;
/// nothing that can break a header, a log line or a JSON string).
///
/// [`RenderContext::with_request_id`] keeps only such ids, so neither a format nor the
/// response headers ever see another one.
///
/// ```
/// use error_core::http::is_valid_request_id;
///
/// assert!(is_valid_request_id("0f8fad5b-d9cb-469f-a165-70867728950e"));
/// assert!(is_valid_request_id("YWJj+/=~._"));
/// assert!(!is_valid_request_id(""));
/// assert!(!is_valid_request_id("a b"));
/// assert!(!is_valid_request_id("x\r\nSet-Cookie: a=b"));
/// assert!(!is_valid_request_id("caf\u{e9}"));
/// assert!(is_valid_request_id(&"a".repeat(200)));
/// assert!(!is_valid_request_id(&"a".repeat(201)));
/// ```
pub const fn is_valid_request_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_REQUEST_ID_LEN {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b.is_ascii_alphanumeric()
            || matches!(b, b'.' | b'_' | b'~' | b'+' | b'/' | b'=' | b'-'))
        {
            return false;
        }
        i += 1;
    }
    true
}
