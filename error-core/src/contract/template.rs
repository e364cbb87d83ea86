//! The placeholders of a message template.

/// The names of the placeholders `template` uses, in order of first use, each once:
/// `{name}` and `{name:spec}` give `name`, `{0}` gives `0`; `{{` and `}}` are literal braces.
///
/// The derive has already refused malformed templates; here a lone or unclosed brace is
/// read as text, so any string gives an answer.
///
/// ```
/// use error_core::contract::placeholders;
///
/// assert_eq!(placeholders("Lead {id} was not found."), ["id"]);
/// assert_eq!(placeholders("{a:>5} and {b} and {a}; {{literal}}"), ["a", "b"]);
/// assert!(placeholders("Internal server error.").is_empty());
/// ```
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        let after = &rest[open + 1..];
        if rest[open..].starts_with("{{") || rest[open..].starts_with("}}") {
            rest = &after[1..];
            continue;
        }
        if rest.as_bytes()[open] == b'}' {
            rest = after;
            continue;
        }
        let Some(close) = after.find('}') else { break };
        let inside = &after[..close];
        let name = inside.split(':').next().unwrap_or_default().trim();
        if !name.is_empty() && !names.iter().any(|known| known == name) {
            names.push(name.to_owned());
        }
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn reads_names_specs_and_escapes() {
        assert_eq!(placeholders("{id}"), ["id"]);
        assert_eq!(placeholders("{0} of {1:?}"), ["0", "1"]);
        assert_eq!(placeholders("{{id}} is {id:08}"), ["id"]);
        assert_eq!(placeholders("}} {{ {x}"), ["x"]);
        assert_eq!(
            placeholders("Back in {minutes} min, {minutes}!"),
            ["minutes"]
        );
    }

    #[test]
    fn malformed_text_gives_an_answer() {
        assert!(placeholders("{").is_empty());
        assert!(placeholders("}").is_empty());
        assert!(placeholders("{}").is_empty());
        assert_eq!(placeholders("a } b {c"), Vec::<String>::new());
        assert_eq!(placeholders("é{ü}ß"), ["ü"]);
    }
}
