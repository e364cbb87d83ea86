//! `Accept-Language` (RFC 9110 §12.5.4): which of the service's languages a request prefers,
//! by RFC 4647 §3.4 lookup: the language ranges in the order of their weights (the client's
//! order between equals), each tried as written and then without its last subtag
//! (`de-AT` → `de`); `*` is the default. No match: `None`, the default.

use std::sync::Arc;

use super::accept::qvalue;

/// How many language ranges of a request are read (the work stays bounded).
const MAX_RANGES: usize = 32;

/// The index in `available` of the language the `Accept-Language` values prefer.
pub(crate) fn choose(values: &[&[u8]], available: &[Arc<str>]) -> Option<usize> {
    let mut ranges: Vec<(u16, &str)> = values
        .iter()
        .filter_map(|value| std::str::from_utf8(value).ok())
        .flat_map(|value| value.split(','))
        .take(MAX_RANGES)
        .filter_map(parse_range)
        .filter(|(q, _)| *q > 0)
        .collect();
    // Stable: between equal weights, the client's order.
    ranges.sort_by_key(|range| std::cmp::Reverse(range.0));
    for (_, range) in ranges {
        if range == "*" {
            return (!available.is_empty()).then_some(0);
        }
        let mut tag = range;
        loop {
            if let Some(index) = available.iter().position(|l| l.eq_ignore_ascii_case(tag)) {
                return Some(index);
            }
            match tag.rfind('-') {
                Some(cut) => tag = &tag[..cut],
                None => break,
            }
            // A single-letter subtag (`x`, `u`) goes with what follows it (RFC 4647 §3.4).
            if tag.len() >= 2 && tag.as_bytes()[tag.len() - 2] == b'-' {
                tag = &tag[..tag.len() - 2];
            }
        }
    }
    None
}

fn parse_range(text: &str) -> Option<(u16, &str)> {
    let mut parts = text.split(';');
    let tag = parts.next()?.trim();
    if !is_range(tag) {
        return None;
    }
    let mut q = 1000;
    for param in parts {
        let (name, value) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            q = qvalue(value.trim())?;
        }
    }
    Some((q, tag))
}

/// RFC 4647 §2.1's `language-range`: `*`, or 1 to 8 letters, then `-` and 1 to 8 letters or
/// digits, repeated.
fn is_range(tag: &str) -> bool {
    if tag == "*" {
        return true;
    }
    let mut subtags = tag.split('-');
    let first_ok = subtags
        .next()
        .is_some_and(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(header: &str) -> Option<&'static str> {
        const LANGS: [&str; 4] = ["en", "de", "fr", "pt-BR"];
        let available: Vec<Arc<str>> = LANGS.iter().map(|l| Arc::from(*l)).collect();
        choose(&[header.as_bytes()], &available).map(|i| LANGS[i])
    }

    #[test]
    fn lookup_with_fallbacks() {
        assert_eq!(pick("de"), Some("de"));
        assert_eq!(pick("DE-at"), Some("de"));
        assert_eq!(pick("de-Latn-AT-x-private"), Some("de"));
        assert_eq!(pick("pt-BR"), Some("pt-BR"));
        assert_eq!(pick("pt-br"), Some("pt-BR"));
        // `pt` does not reach `pt-BR`: lookup only shortens the request's range.
        assert_eq!(pick("pt"), None);
        assert_eq!(pick("ja"), None);
        assert_eq!(pick("*"), Some("en"));
    }

    #[test]
    fn weights_then_the_clients_order() {
        assert_eq!(pick("fr;q=0.5, de;q=0.9"), Some("de"));
        assert_eq!(pick("fr, de"), Some("fr"));
        assert_eq!(pick("ja, de-CH;q=0.8, fr;q=0.7"), Some("de"));
        assert_eq!(pick("de;q=0, fr;q=0.1"), Some("fr"));
        assert_eq!(pick("ja, *;q=0.1"), Some("en"));
    }

    #[test]
    fn malformed_ranges_are_skipped() {
        assert_eq!(pick("de;q=2, fr"), Some("fr"));
        assert_eq!(pick("d e, toolongtag, 12, fr"), Some("fr"));
        assert_eq!(pick(""), None);
        assert_eq!(choose(&[b"\xff", b"de"], &[Arc::from("de")]), Some(0));
    }
}
