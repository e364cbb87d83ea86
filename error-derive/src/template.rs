//! Message templates: `Lead {id} was not found.` split into literal pieces and placeholders.

/// One piece of a template.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text, with `{{` and `}}` already unescaped.
    Text(String),
    /// `{name}` or `{name:spec}`; `spec` is what follows the colon.
    Arg { name: String, spec: String },
}

/// Splits `template` into pieces, or says what is wrong with it.
pub fn parse(template: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => {
                return Err("unmatched `}` in the message; write `}}` for a literal brace".into())
            }
            '{' => {
                let mut inner = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    inner.push(c);
                }
                if !closed {
                    return Err(
                        "unclosed `{` in the message; close the placeholder, or write `{{` for a literal brace"
                            .into(),
                    );
                }
                let (name, spec) = match inner.split_once(':') {
                    Some((name, spec)) => (name.trim(), spec.to_owned()),
                    None => (inner.trim(), String::new()),
                };
                let name = name.strip_prefix("r#").unwrap_or(name);
                if name.is_empty() {
                    return Err(
                        "empty placeholder `{}` in the message; name a field, as in `{id}` or `{0}`"
                            .into(),
                    );
                }
                if !is_name(name) {
                    return Err(format!(
                        "placeholder `{{{inner}}}` in the message must name a field, as in `{{id}}` or `{{0}}`"
                    ));
                }
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Arg {
                    name: name.to_owned(),
                    spec,
                });
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

/// Checks a placeholder's format spec (`{name:spec}`) against the grammar of `std::fmt`
/// (`[[fill]align][sign]['#']['0'][width]['.' precision][type]`). Widths and precisions
/// taken from arguments (`w$`, `.*`) are refused: a message's placeholders name fields only.
/// So is `p`: a memory address has no place in a client's message.
pub fn check_spec(name: &str, spec: &str) -> Result<(), String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    // [[fill]align]: the fill may be any character, `$` and `*` included.
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '^' | '>'));
    if is_align(chars.get(1)) {
        i = 2;
    } else if is_align(chars.first()) {
        i = 1;
    }
    if chars[i.min(chars.len())..]
        .iter()
        .any(|&c| c == '$' || c == '*')
    {
        return Err(format!(
            "the format spec of `{{{name}:{spec}}}` takes its width or precision from an \
             argument (`w$`, `.*`), which a message cannot pass; write a number, as in \
             `{{{name}:>8}}` or `{{{name}:.2}}`"
        ));
    }
    if matches!(chars.get(i), Some('+' | '-')) {
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        i += 1;
    }
    while chars.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Err(format!(
                "the format spec of `{{{name}:{spec}}}` has a `.` without a precision; write \
                 one, as in `{{{name}:.2}}`"
            ));
        }
    }
    let kind: String = chars[i.min(chars.len())..].iter().collect();
    match kind.as_str() {
        "" | "?" | "x?" | "X?" | "x" | "X" | "o" | "b" | "e" | "E" => Ok(()),
        "p" => Err(format!(
            "`{{{name}:{spec}}}` would write a memory address into the client's message; \
             use `{{{name}}}` (Display) or `{{{name}:?}}` (Debug)"
        )),
        _ => Err(format!(
            "`{{{name}:{spec}}}` is not a valid format spec: after the colon comes \
             [[fill]align][sign][#][0][width][.precision][type], where type is one of `?`, `x`, \
             `X`, `o`, `b`, `e`, `E` (or none, for Display)"
        )),
    }
}

fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => name.bytes().all(|b| b.is_ascii_digit()),
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{parse, Piece};

    #[test]
    fn splits() {
        assert_eq!(
            parse("Lead {id} was {{not}} found: {0:>3}").unwrap(),
            vec![
                Piece::Text("Lead ".into()),
                Piece::Arg {
                    name: "id".into(),
                    spec: String::new()
                },
                Piece::Text(" was {not} found: ".into()),
                Piece::Arg {
                    name: "0".into(),
                    spec: ">3".into()
                },
            ]
        );
        assert!(parse("a } b").is_err());
        assert!(parse("a { b").is_err());
        assert!(parse("{}").is_err());
        assert!(parse("{a-b}").is_err());
    }

    #[test]
    fn specs() {
        use super::check_spec;
        for good in [
            "", ">3", "*^8", "$<4", "+#010.3e", "x?", "#X", ".2", "08", "-<5b",
        ] {
            assert!(check_spec("n", good).is_ok(), "{good}");
        }
        for bad in [
            "w$", ".*", ".prec$", ">w$", "p", "#p", "z", ".", "5.x3", "{}",
        ] {
            assert!(check_spec("n", bad).is_err(), "{bad}");
        }
    }
}
