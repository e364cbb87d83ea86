//! Text from elsewhere (an error's message, a remote server's message) made safe for a log
//! line: nothing in it can end the line, start a forged one, or reorder what a terminal shows.

use std::fmt::{self, Write};

/// Whether `c` must not reach a log line as it is: C0 and C1 controls and DEL, the line and
/// paragraph separators U+2028 and U+2029 (line breaks to JavaScript and many log viewers),
/// and the bidirectional controls (U+061C, U+200E, U+200F, U+202A..=U+202E,
/// U+2066..=U+2069), which reorder what a reader sees ("Trojan Source", CVE-2021-42574).
pub(crate) fn is_unsafe_in_log(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Writes `text` with every [unsafe](is_unsafe_in_log) character escaped (`\r`, `\n`, `\t`,
/// else `\u{…}`), and `\` and `"` escaped too, so the text can sit between quotes.
#[cfg(feature = "server")]
pub(crate) fn write_escaped(out: &mut impl Write, text: &str) -> fmt::Result {
    write_escaped_with(out, text, true)
}

/// [`write_escaped`] leaving `\` and `"` as they are (text that is not put between quotes,
/// such as a [`Display`](fmt::Display) for people).
#[cfg(feature = "client")]
pub(crate) fn write_unquoted(out: &mut impl Write, text: &str) -> fmt::Result {
    write_escaped_with(out, text, false)
}

fn write_escaped_with(out: &mut impl Write, text: &str, quoted: bool) -> fmt::Result {
    for c in text.chars() {
        match c {
            '\r' => out.write_str("\\r")?,
            '\n' => out.write_str("\\n")?,
            '\t' => out.write_str("\\t")?,
            '\\' if quoted => out.write_str("\\\\")?,
            '"' if quoted => out.write_str("\\\"")?,
            c if is_unsafe_in_log(c) => write!(out, "\\u{{{:x}}}", c as u32)?,
            c => out.write_char(c)?,
        }
    }
    Ok(())
}

#[cfg(all(test, feature = "server"))]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        write_escaped(&mut out, text).unwrap();
        out
    }

    #[test]
    fn every_line_breaking_and_reordering_character_is_escaped() {
        assert_eq!(
            escaped("a\r\nb\u{2028}c\u{2029}d\u{85}e\u{202e}f\u{2066}g\u{200f}h\u{1b}[31m\u{7f}"),
            r"a\r\nb\u{2028}c\u{2029}d\u{85}e\u{202e}f\u{2066}g\u{200f}h\u{1b}[31m\u{7f}"
        );
        assert_eq!(escaped(r#"say "hi" \o/"#), r#"say \"hi\" \\o/"#);
        assert_eq!(escaped("prénom 名前 ✓"), "prénom 名前 ✓");
    }
}
