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
}
