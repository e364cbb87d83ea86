//! Whole bodies of static variants, laid out once per (built-in format, variant).
//!
//! A derived variant without placeholders, field errors or details renders the same bytes
//! every time except for the timestamp and the request id. The derive gives each such
//! variant a [`StaticBodies`] (a `static`, referenced from its catalogue entry); the first
//! rendering in a built-in format fills that format's slot, and later ones copy the body
//! around the timestamp and the request id. [`render`] consults the cache before anything
//! else: no [`ErrorView`] is built for a cached body.
//!
//! A body is cached only if rendering it at two sentinel timestamps and request ids differs
//! exactly where the sentinels are written; anything else (a message that holds a
//! sentinel's text, a format that writes the timestamp twice) leaves the slot empty, and
//! the variant is rendered piece by piece.

use std::fmt;
use std::sync::OnceLock;

use super::{ErrorView, Format};
use crate::{ApiError, RenderContext, Timestamp};

/// Which built-in format (with which settings) a body is cached for; only the built-in
/// formats have one (see [`Format::__static_slot`]).
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot(Kind);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Flat,
    Nested,
    Laravel,
    Compact,
    Problem,
    Aip,
    JsonApi,
    Microsoft,
}

const FORMATS: usize = 8;

impl Slot {
    pub(crate) const FLAT: Slot = Slot(Kind::Flat);
    pub(crate) const NESTED: Slot = Slot(Kind::Nested);
    pub(crate) const LARAVEL: Slot = Slot(Kind::Laravel);
    pub(crate) const COMPACT: Slot = Slot(Kind::Compact);
    pub(crate) const PROBLEM: Slot = Slot(Kind::Problem);
    pub(crate) const AIP: Slot = Slot(Kind::Aip);
    pub(crate) const JSON_API: Slot = Slot(Kind::JsonApi);
    pub(crate) const MICROSOFT: Slot = Slot(Kind::Microsoft);
}

/// One cached body: empty until laid out, then the body or `None` when it cannot be cached.
type Cell = OnceLock<Option<Box<Body>>>;

/// The cached bodies of one static variant: per built-in format, one without and one with
/// a request id. Built by the derive only (`__private::StaticBodies::new()` in a `static`).
pub struct StaticBodies {
    slots: [Cell; 2 * FORMATS],
    /// The locales the variant has a translation in, each with bodies of its own (laid out
    /// on first use, in `translated`: `2 * FORMATS` slots per locale, in this order).
    locales: &'static [&'static str],
    translated: OnceLock<Box<[Cell]>>,
    /// The variant has `#[api(meta)]` or `#[api(retry_after)]` fields, whose values AIP-193
    /// writes (`metadata`, `RetryInfo`): its AIP body is not the same at every rendering.
    writes_values: bool,
}

impl StaticBodies {
    /// Empty slots.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        StaticBodies {
            slots: [const { OnceLock::new() }; 2 * FORMATS],
            locales: &[],
            translated: OnceLock::new(),
            writes_values: false,
        }
    }

    /// Empty slots for a variant with `#[api(meta)]` or `#[api(retry_after)]` fields: the
    /// AIP format renders it piece by piece.
    pub const fn with_values() -> Self {
        StaticBodies {
            slots: [const { OnceLock::new() }; 2 * FORMATS],
            locales: &[],
            translated: OnceLock::new(),
            writes_values: true,
        }
    }

    /// The same, with bodies of their own for the locales the variant's message is
    /// translated in (the derive lists them from the enum's `locales` files).
    pub const fn in_locales(mut self, locales: &'static [&'static str]) -> Self {
        self.locales = locales;
        self
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
        let translated = self.translated.get().map_or(0, |slots| {
            slots
                .iter()
                .filter(|slot| matches!(slot.get(), Some(Some(_))))
                .count()
        });
        f.debug_struct("StaticBodies")
            .field("cached", &cached)
            .field("translated", &translated)
            .finish()
    }
}

/// What goes into a hole of a cached body.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hole {
    None,
    Stamp,
    RequestId,
}

/// A body without its timestamp and request id: `bytes` is `head`, `mid` and `tail` one
/// after the other, with `first` between `head` and `mid` and `second` between `mid` and
/// `tail`.
struct Body {
    bytes: Box<[u8]>,
    mid: usize,
    tail: usize,
    first: Hole,
    second: Hole,
}

impl Body {
    /// The body with `ctx`'s timestamp and request id: only the copies the body needs (a
    /// body without holes is one copy).
    #[inline]
    fn write(&self, ctx: &RenderContext<'_>, out: &mut Vec<u8>) {
        let bytes = &self.bytes[..];
        let (head, rest) = bytes.split_at(self.mid.min(bytes.len()));
        match (self.first, self.second) {
            (Hole::None, _) => out.extend_from_slice(bytes),
            (first, Hole::None) => {
                out.reserve(bytes.len() + 24 + ctx.request_id().map_or(0, str::len));
                out.extend_from_slice(head);
                fill(first, ctx, out);
                out.extend_from_slice(rest);
            }
            (first, second) => {
                let (mid, tail) = rest.split_at(self.tail.saturating_sub(self.mid).min(rest.len()));
                out.reserve(bytes.len() + 24 + ctx.request_id().map_or(0, str::len));
                out.extend_from_slice(head);
                fill(first, ctx, out);
                out.extend_from_slice(mid);
                fill(second, ctx, out);
                out.extend_from_slice(tail);
            }
        }
    }
}

#[inline(always)]
fn fill(hole: Hole, ctx: &RenderContext<'_>, out: &mut Vec<u8>) {
    match hole {
        Hole::None => {}
        Hole::Stamp => ctx.timestamp().write_rfc3339(out),
        Hole::RequestId => out.extend_from_slice(ctx.request_id().unwrap_or_default().as_bytes()),
    }
}

// Two instants whose RFC 3339 forms differ in every digit, and two request ids of the same
// length that differ in every byte: a body is cached only if rendering it with both differs
// exactly where they are written.
const SENTINEL_A: Timestamp = Timestamp::from_unix_millis(0);
const SENTINEL_B: Timestamp = Timestamp::from_unix_millis(32_503_679_999_999);
const STAMP_A: &[u8; 24] = b"1970-01-01T00:00:00.000Z";
const STAMP_B: &[u8; 24] = b"2999-12-31T23:59:59.999Z";
const ID_A: &str = "~cached.request.id.a~";
const ID_B: &str = "=CACHED-REQUEST-ID-B=";

/// Renders `error` in `format` with `ctx`: the cached body when the variant is static, the
/// format a built-in one and the context one the cache can serve; else the format's
/// rendering of the error's [`ErrorView`].
#[inline]
pub(crate) fn render<E: ApiError, F: Format + ?Sized>(
    error: &E,
    format: &F,
    ctx: &RenderContext<'_>,
    out: &mut Vec<u8>,
) {
    if let (Some(slot), Some(bodies)) = (format.__static_slot(), error.__static_bodies()) {
        // A version override that is the enum's own leaves the bytes as they are.
        if ctx
            .version()
            .is_none_or(|version| E::INFO.version() == Some(version))
        {
            // A translated locale's own bodies, else the default ones.
            // The derive lists every locale the variant's message is translated in, so a
            // locale not listed renders the default bytes.
            let locale = ctx
                .locale()
                .and_then(|locale| bodies.locale_index(locale).map(|index| (index, locale)));
            if bodies.write(slot, ctx, locale, out, &|ctx, out| {
                format.render(&ErrorView::new(error, ctx), out)
            }) {
                return;
            }
        }
    }
    format.render(&ErrorView::new(error, ctx), out);
}

impl StaticBodies {
    /// Where `locale` is in the variant's translated locales.
    #[inline]
    fn locale_index(&self, locale: &str) -> Option<usize> {
        self.locales.iter().position(|l| *l == locale)
    }

    /// Writes the cached body for `slot` and `ctx`'s request id (or its absence), laying it
    /// out with `render` on first use; `false` when it cannot be cached (the caller renders
    /// as usual).
    #[inline]
    fn write(
        &self,
        slot: Slot,
        ctx: &RenderContext<'_>,
        locale: Option<(usize, &str)>,
        out: &mut Vec<u8>,
        render: &dyn Fn(&RenderContext<'_>, &mut Vec<u8>),
    ) -> bool {
        if self.writes_values && slot.0 == Kind::Aip {
            return false;
        }
        let with_id = ctx.request_id().is_some();
        let index = 2 * slot.0 as usize + usize::from(with_id);
        let cell = match locale {
            None => self.slots.get(index),
            Some((nth, _)) => self
                .translated
                .get_or_init(|| {
                    (0..2 * FORMATS * self.locales.len())
                        .map(|_| OnceLock::new())
                        .collect()
                })
                .get(2 * FORMATS * nth + index),
        };
        let Some(cell) = cell else {
            return false;
        };
        let body = match cell.get() {
            Some(body) => body,
            None => cell.get_or_init(|| lay_out(render, with_id, locale.map(|(_, l)| l))),
        };
        match body {
            Some(body) => {
                body.write(ctx, out);
                true
            }
            None => false,
        }
    }
}

/// Renders the body at both sentinels and splits it where they differ; `None` if they
/// differ anywhere else.
#[cold]
fn lay_out(
    render: &dyn Fn(&RenderContext<'_>, &mut Vec<u8>),
    with_id: bool,
    locale: Option<&str>,
) -> Option<Box<Body>> {
    let at = |timestamp: Timestamp, id: &str| {
        let mut ctx = RenderContext::at(timestamp);
        if with_id {
            ctx = ctx.with_request_id(id);
        }
        if let Some(locale) = locale {
            ctx = ctx.with_locale(locale);
        }
        let mut out = Vec::with_capacity(512);
        render(&ctx, &mut out);
        out
    };
    let (mut a, b) = (at(SENTINEL_A, ID_A), at(SENTINEL_B, ID_B));
    if a.len() != b.len() {
        return None;
    }
    let find = |needle: &[u8]| a.windows(needle.len()).position(|w| w == needle);
    // The holes, in the order they appear: (where, how long, what, B's bytes there).
    let stamp = find(STAMP_A).map(|at| (at, STAMP_A.len(), Hole::Stamp, &STAMP_B[..]));
    let id = with_id
        .then(|| find(ID_A.as_bytes()))
        .flatten()
        .map(|at| (at, ID_A.len(), Hole::RequestId, ID_B.as_bytes()));
    let mut holes = [stamp, id];
    holes.sort_by_key(|hole| hole.map_or(usize::MAX, |hole| hole.0));
    // (No `Vec`: the layout allocates the two renderings and the body, nothing else.)
    // B is A with B's sentinels in the holes, and nothing else changed.
    let mut from = 0;
    for &(at, len, _, b_bytes) in holes.iter().flatten() {
        if at < from || a.get(from..at) != b.get(from..at) || b.get(at..at + len) != Some(b_bytes) {
            return None;
        }
        from = at + len;
    }
    if a.get(from..) != b.get(from..) {
        return None;
    }
    // Cut the sentinels out, last first.
    for &(at, len, _, _) in holes.iter().flatten().rev() {
        a.drain(at..at + len);
    }
    let [first, second] = holes;
    // Where `mid` and `tail` start in the cut bytes.
    let mid = first.map_or(a.len(), |hole| hole.0);
    let tail = match (first, second) {
        (Some(first), Some(second)) => second.0 - first.1,
        _ => a.len(),
    };
    let kind = |hole: Option<(usize, usize, Hole, &[u8])>| hole.map_or(Hole::None, |hole| hole.2);
    Some(Box::new(Body {
        bytes: a.into_boxed_slice(),
        mid,
        tail,
        first: kind(first),
        second: kind(second),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentinels_are_written_as_their_stamps() {
        assert_eq!(SENTINEL_A.to_string().as_bytes(), STAMP_A);
        assert_eq!(SENTINEL_B.to_string().as_bytes(), STAMP_B);
    }

    #[test]
    fn the_sentinel_ids_are_kept_and_differ_in_every_byte() {
        let ctx = RenderContext::at(SENTINEL_A);
        assert_eq!(ctx.with_request_id(ID_A).request_id(), Some(ID_A));
        assert_eq!(ctx.with_request_id(ID_B).request_id(), Some(ID_B));
        assert_eq!(ID_A.len(), ID_B.len());
        assert!(ID_A.bytes().zip(ID_B.bytes()).all(|(a, b)| a != b));
    }
}
