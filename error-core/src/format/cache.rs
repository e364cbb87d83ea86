//! Whole bodies of static variants, laid out once per (built-in format, variant).
//!
//! A derived variant without placeholders, field errors or details renders the same bytes
//! every time except for the timestamp. The derive gives each such variant a
//! [`StaticBodies`] (a `static`, referenced from its catalogue entry); the first rendering in
//! a built-in format fills that format's slot, and later ones copy the body around the
//! timestamp. A rendering with a request id or a version override never uses the cache.

use std::fmt;
use std::sync::OnceLock;

use super::ErrorView;
use crate::{ApiInfo, RenderContext, Timestamp};

/// The built-in formats that cache static bodies, one slot each.
#[derive(Clone, Copy)]
pub(crate) enum Slot {
    Flat,
    Nested,
    Laravel,
    Compact,
    Problem,
}

const SLOTS: usize = 5;

/// The cached bodies of one static variant, one per built-in format. Built by the derive
/// only (`__private::StaticBodies::new()` in a `static`).
pub struct StaticBodies {
    slots: [OnceLock<Option<Box<Body>>>; SLOTS],
}

/// A body split at its timestamp, and the enum settings it was rendered with.
struct Body {
    bytes: Box<[u8]>,
    /// Where the 24 timestamp bytes go, if the format writes one.
    stamp_at: Option<usize>,
    info: ApiInfo,
}

impl StaticBodies {
    /// Empty slots.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        StaticBodies {
            slots: [const { OnceLock::new() }; SLOTS],
        }
    }
}

impl fmt::Debug for StaticBodies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The bodies laid out and usable (a slot whose body could not be split at its
        // timestamp is filled but not counted).
        let cached = self
            .slots
            .iter()
            .filter(|slot| matches!(slot.get(), Some(Some(_))))
            .count();
        f.debug_struct("StaticBodies")
            .field("cached", &cached)
            .finish()
    }
}

// Two instants whose RFC 3339 forms differ: a body is cached only if rendering it at both
// differs exactly in one 24-byte place, where the two timestamps are.
const SENTINEL_A: Timestamp = Timestamp::from_unix_millis(0);
const SENTINEL_B: Timestamp = Timestamp::from_unix_millis(32_503_679_999_999);
const STAMP_A: &[u8; 24] = b"1970-01-01T00:00:00.000Z";
const STAMP_B: &[u8; 24] = b"2999-12-31T23:59:59.999Z";

impl ErrorView<'_> {
    /// Writes the cached body of a static variant, filling `slot` on first use with
    /// `render`; `false` when the view may not use the cache (the caller renders as usual).
    #[inline]
    pub(crate) fn write_cached(
        &self,
        slot: Slot,
        out: &mut Vec<u8>,
        render: &dyn Fn(&ErrorView<'_>, &mut Vec<u8>),
    ) -> bool {
        let Some(bodies) = self.bodies else {
            return false;
        };
        let cell = &bodies.slots[slot as usize];
        let body = match cell.get() {
            Some(body) => body,
            None => cell.get_or_init(|| self.lay_out(render)),
        };
        let Some(body) = body else { return false };
        if !same_info(&body.info, &self.info) {
            return false;
        }
        let bytes = &body.bytes[..];
        out.reserve(bytes.len());
        match body.stamp_at {
            Some(at) => {
                let (prefix, suffix) = bytes.split_at(at);
                out.extend_from_slice(prefix);
                self.ctx.timestamp().write_rfc3339(out);
                out.extend_from_slice(suffix.get(24..).unwrap_or_default());
            }
            None => out.extend_from_slice(bytes),
        }
        true
    }

    #[cold]
    fn lay_out(&self, render: &dyn Fn(&ErrorView<'_>, &mut Vec<u8>)) -> Option<Box<Body>> {
        let at = |timestamp: Timestamp| {
            let ctx = RenderContext::at(timestamp);
            let view = ErrorView {
                bodies: None,
                ctx: &ctx,
                ..*self
            };
            let mut out = Vec::with_capacity(256);
            render(&view, &mut out);
            out
        };
        let (a, b) = (at(SENTINEL_A), at(SENTINEL_B));
        let stamp_at = if a == b {
            None
        } else {
            let at = a.windows(24).position(|w| w == STAMP_A)?;
            let same = a.len() == b.len()
                && a[..at] == b[..at]
                && b[at..at + 24] == *STAMP_B
                && a[at + 24..] == b[at + 24..];
            if !same {
                return None;
            }
            Some(at)
        };
        Some(Box::new(Body {
            bytes: a.into_boxed_slice(),
            stamp_at,
            info: self.info,
        }))
    }
}

/// `a == b`, deciding by address first: the strings come from the same `const`, so they
/// are nearly always at the same address, and a byte comparison is a call to `memcmp`.
#[inline]
fn same_info(a: &ApiInfo, b: &ApiInfo) -> bool {
    fn same(a: Option<&str>, b: Option<&str>) -> bool {
        match (a, b) {
            (None, None) => true,
            (Some(a), Some(b)) => std::ptr::eq(a, b) || a == b,
            _ => false,
        }
    }
    same(a.version(), b.version()) && same(a.type_base(), b.type_base())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentinels_are_written_as_their_stamps() {
        assert_eq!(SENTINEL_A.to_string().as_bytes(), STAMP_A);
        assert_eq!(SENTINEL_B.to_string().as_bytes(), STAMP_B);
    }
}
