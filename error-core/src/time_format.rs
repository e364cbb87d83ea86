//! RFC 3339 timestamps with milliseconds.
//!
//! The calendar arithmetic is humantime's; what is ours is a one-entry cache of the
//! seconds part, so errors rendered within the same second cost a copy and three digits.

use std::cell::Cell;
use std::io::Write;
use std::time::{Duration, UNIX_EPOCH};

// "2026-02-08T12:00:00" is 19 bytes.
const SECONDS_LEN: usize = 19;

thread_local! {
    static CACHE: Cell<Option<(u64, [u8; SECONDS_LEN])>> = const { Cell::new(None) };
}

pub(crate) fn write_rfc3339_millis(unix_millis: u64, out: &mut Vec<u8>) {
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
    out.extend_from_slice(&seconds);
    out.extend_from_slice(&[
        b'.',
        b'0' + (millis / 100) as u8,
        b'0' + (millis / 10 % 10) as u8,
        b'0' + (millis % 10) as u8,
        b'Z',
    ]);
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
