//! RFC 3339 timestamps with milliseconds.
//!
//! The calendar arithmetic is humantime's; what is ours are two one-entry caches per thread:
//! the whole 24 bytes of the last millisecond written (errors rendered in the same
//! millisecond, or from a fixed clock, cost one copy), and the seconds part, so errors
//! rendered within the same second cost a copy and three digits.

use std::cell::Cell;
use std::io::Write;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

// "2026-02-08T12:00:00" is 19 bytes; with ".123Z", 24.
const SECONDS_LEN: usize = 19;
const LEN: usize = 24;

thread_local! {
    static CACHE: Cell<Option<(u64, [u8; SECONDS_LEN])>> = const { Cell::new(None) };
    // Starts at the epoch with its own text, so that no key reads an unwritten entry.
    static LAST: Cell<(u64, [u8; LEN])> =
        const { Cell::new((0, *b"1970-01-01T00:00:00.000Z")) };
    static LAST_SYSTEM: Cell<Option<(SystemTime, u64)>> = const { Cell::new(None) };
}

/// The millisecond of `time`, from the thread's last conversion when `time` is the same
/// instant (as from a fixed clock): `SystemTime::duration_since` is not inlined and costs
/// more than the rest of a static rendering.
#[inline]
pub(crate) fn system_millis(time: SystemTime, convert: impl FnOnce(SystemTime) -> u64) -> u64 {
    match LAST_SYSTEM.with(Cell::get) {
        Some((last, millis)) if last == time => millis,
        _ => {
            let millis = convert(time);
            LAST_SYSTEM.with(|last| last.set(Some((time, millis))));
            millis
        }
    }
}

#[inline]
pub(crate) fn write_rfc3339_millis(unix_millis: u64, out: &mut Vec<u8>) {
    let (last, text) = LAST.with(Cell::get);
    if last == unix_millis {
        out.extend_from_slice(&text);
    } else {
        write_fresh(unix_millis, out);
    }
}

#[cold]
fn write_fresh(unix_millis: u64, out: &mut Vec<u8>) {
    let text = format_millis(unix_millis);
    LAST.with(|last| last.set((unix_millis, text)));
    out.extend_from_slice(&text);
}

fn format_millis(unix_millis: u64) -> [u8; LEN] {
    let secs = unix_millis / 1000;
    let millis = (unix_millis % 1000) as u16;
    let seconds = CACHE.with(|cache| match cache.get() {
        Some((cached, text)) if cached == secs => text,
        _ => {
            let text = format_seconds(secs);
            cache.set(Some((secs, text)));
            text
        }
    });
    let tail = [
        b'.',
        b'0' + (millis / 100) as u8,
        b'0' + (millis / 10 % 10) as u8,
        b'0' + (millis % 10) as u8,
        b'Z',
    ];
    let mut text = [0; LEN];
    text[..SECONDS_LEN].copy_from_slice(&seconds);
    text[SECONDS_LEN..].copy_from_slice(&tail);
    text
}

// The last second humantime can write: 9999-12-31T23:59:59.
const MAX_SECONDS: u64 = 253_402_300_799;

fn format_seconds(secs: u64) -> [u8; SECONDS_LEN] {
    let mut text = *b"9999-12-31T23:59:59";
    if secs > MAX_SECONDS {
        return text;
    }
    let time = UNIX_EPOCH + Duration::from_secs(secs);
    // humantime writes "YYYY-MM-DDTHH:MM:SSZ" into a stack buffer; no allocation.
    let mut buf = [0u8; SECONDS_LEN + 1];
    let mut cursor = std::io::Cursor::new(&mut buf[..]);
    if write!(cursor, "{}", humantime::format_rfc3339_seconds(time)).is_ok()
        && cursor.position() as usize == SECONDS_LEN + 1
    {
        text.copy_from_slice(&buf[..SECONDS_LEN]);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(millis: u64) -> String {
        let mut out = Vec::new();
        write_rfc3339_millis(millis, &mut out);
        String::from_utf8(out).unwrap()
    }

    /// Each on a fresh thread, so that the per-thread caches start empty.
    #[test]
    fn every_key_is_written_right_on_a_fresh_thread() {
        for (millis, text) in [
            (0, "1970-01-01T00:00:00.000Z"),
            (u64::MAX, "9999-12-31T23:59:59.615Z"),
            (1_770_552_000_123, "2026-02-08T12:00:00.123Z"),
        ] {
            let got = std::thread::spawn(move || [written(millis), written(millis)])
                .join()
                .unwrap();
            assert_eq!(got, [text, text]);
        }
    }
}
