//! Writing JSON into a byte buffer: strings escaped byte-for-byte as `serde_json` escapes
//! them, object keys, integers.
//!
//! Formats write straight into a `Vec<u8>`; these helpers are the only place strings that
//! come from input (messages with placeholders, paths, request ids) are escaped, and what a
//! [custom format](crate::Format) uses to stay well-formed whatever the input. Paths have
//! their own writers on [`FieldPath`](crate::FieldPath): `write_dotted_json`,
//! `write_pointer_json`, `write_pointer_fragment_json`, `write_bracketed_json`.

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
    // Most strings need no escaping: find that out a word at a time, then copy them whole.
    let clean = clean_prefix(bytes);
    if clean == bytes.len() {
        out.extend_from_slice(bytes);
        return;
    }
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate().skip(clean) {
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

// The length of a prefix of `bytes` that needs no escaping: all of it, or the start of the
// first eight-byte word that may need some.
#[inline]
fn clean_prefix(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut clean = 0;
    for word in words.by_ref() {
        let Ok(word) = <[u8; 8]>::try_from(word) else {
            break;
        };
        if word_needs_escape(u64::from_ne_bytes(word)) {
            return clean;
        }
        clean += 8;
    }
    let rest = words.remainder();
    if rest.is_empty() {
        return bytes.len();
    }
    // The last few bytes: as the last eight, overlapping bytes already checked (a word
    // assembled from them in memory would stall on store forwarding), or one by one.
    let tail_is_clean = if bytes.len() >= 8 {
        let last = &bytes[bytes.len() - 8..];
        <[u8; 8]>::try_from(last).is_ok_and(|w| !word_needs_escape(u64::from_ne_bytes(w)))
    } else {
        rest.iter().all(|&byte| ESCAPE[byte as usize] == 0)
    };
    if tail_is_clean {
        bytes.len()
    } else {
        clean
    }
}

// Whether any of the eight bytes of `word` is a control character, `"` or `\` (the
// exact "has less than" and "has zero byte" bit tricks: never a false negative, and a false
// positive only costs the byte-by-byte path).
#[inline]
fn word_needs_escape(word: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let quote = word ^ (ONES * b'"' as u64);
    let quote = quote.wrapping_sub(ONES) & !quote & HIGH;
    let backslash = word ^ (ONES * b'\\' as u64);
    let backslash = backslash.wrapping_sub(ONES) & !backslash & HIGH;
    control | quote | backslash != 0
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

/// Writes an unsigned integer as a JSON number.
///
/// ```
/// let mut out = Vec::new();
/// error_core::json::write_u64(&mut out, 18_446_744_073_709_551_615);
/// assert_eq!(out, b"18446744073709551615");
/// ```
pub fn write_u64(out: &mut Vec<u8>, value: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// Writes a signed integer as a JSON number.
///
/// ```
/// let mut out = Vec::new();
/// error_core::json::write_i64(&mut out, -42);
/// assert_eq!(out, b"-42");
/// ```
pub fn write_i64(out: &mut Vec<u8>, value: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// Writes the key of an object member, escaped, with its colon: `"key":`, preceded by a
/// comma unless it is the object's first member (the last byte written is its `{`).
///
/// Only call it inside an object, after its `{` or after a complete member value.
///
/// ```
/// use error_core::json;
///
/// let mut out = Vec::new();
/// out.push(b'{');
/// json::write_key(&mut out, "status");
/// json::write_u64(&mut out, 404);
/// json::write_key(&mut out, "say \"hi\"");
/// json::write_str(&mut out, "hello");
/// out.push(b'}');
/// assert_eq!(out, br#"{"status":404,"say \"hi\"":"hello"}"#);
/// ```
pub fn write_key(out: &mut Vec<u8>, key: &str) {
    if out.last() != Some(&b'{') {
        out.push(b',');
    }
    write_str(out, key);
    out.push(b':');
}

#[cfg(test)]
mod tests {
    // Every ASCII byte and two multi-byte characters at every offset of strings of 1 to 36
    // bytes: the word-at-a-time skip must never hide a byte that needs escaping.
    #[test]
    fn escapes_like_serde_json_at_every_offset() {
        let mut specials: Vec<char> = (0u8..0x80).map(char::from).collect();
        specials.push('é');
        specials.push('\u{2028}');
        for special in specials {
            for len in 1..=36 {
                for at in 0..len {
                    let text: String = (0..len)
                        .map(|i| if i == at { special } else { 'a' })
                        .collect();
                    let mut ours = Vec::new();
                    super::write_str(&mut ours, &text);
                    let expected = serde_json::to_vec(&text).unwrap();
                    assert_eq!(ours, expected, "{text:?}");
                }
            }
        }
    }
}
