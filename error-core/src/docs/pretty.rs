//! Re-indents compact JSON for reading, keeping the key order exactly as rendered (a
//! `serde_json::Value` round trip would sort the keys).

/// `compact` laid out with two-space indentation, one member or item per line, as the
/// reference pages show their examples. Strings are copied untouched; empty objects and
/// arrays stay `{}` and `[]`.
///
/// ```
/// assert_eq!(
///     error_core::docs::pretty_json(br#"{"error":{"message":"a, b: {c}","details":[]}}"#),
///     "{\n  \"error\": {\n    \"message\": \"a, b: {c}\",\n    \"details\": []\n  }\n}"
/// );
/// ```
pub fn pretty_json(compact: &[u8]) -> String {
    let text = String::from_utf8_lossy(compact);
    let mut out = String::with_capacity(text.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    if let Some(close) = chars.next() {
                        out.push(close);
                    }
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_ascii_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}
