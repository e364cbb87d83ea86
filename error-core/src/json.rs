//! JSON string escaping, byte-for-byte what `serde_json` writes.
//!
//! Formats write straight into a `Vec<u8>`; these helpers are the only place strings that
//! come from input (messages with placeholders, paths, request ids) are escaped.

use core::fmt;

// 0 = copy as is; otherwise the character after the backslash ('u' = \u00XX).
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        table[i] = b'u';
        i += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Writes `value` as a JSON string, quotes included.
///
/// ```
/// let mut out = Vec::new();
/// error_core::json::write_str(&mut out, "say \"hi\"\n");
/// assert_eq!(out, br#""say \"hi\"\n""#);
/// ```
pub fn write_str(out: &mut Vec<u8>, value: &str) {
    out.push(b'"');
    write_str_contents(out, value);
    out.push(b'"');
}

/// Writes the escaped contents of a JSON string, without the surrounding quotes.
///
/// ```
/// let mut out = Vec::new();
/// error_core::json::write_str_contents(&mut out, "a\\b");
/// assert_eq!(out, br"a\\b");
/// ```
pub fn write_str_contents(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let escape = ESCAPE[byte as usize];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        if escape == b'u' {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(byte >> 4) as usize],
                HEX[(byte & 0xf) as usize],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// A [`fmt::Write`] that escapes everything written through it as JSON string contents.
///
/// It is how `{placeholder}` values are written: their `Display` output goes through it.
///
/// ```
/// use core::fmt::Write;
/// let mut out = Vec::new();
/// write!(error_core::json::Escaper::new(&mut out), "{}", "</script>\"").unwrap();
/// assert_eq!(out, br#"</script>\""#);
/// ```
pub struct Escaper<'a> {
    out: &'a mut Vec<u8>,
}

impl<'a> Escaper<'a> {
    /// Escapes into `out`.
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        Escaper { out }
    }
}

impl fmt::Write for Escaper<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_str_contents(self.out, s);
        Ok(())
    }
}

/// Writes an unsigned integer in decimal.
pub(crate) fn write_u64(out: &mut Vec<u8>, value: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}
