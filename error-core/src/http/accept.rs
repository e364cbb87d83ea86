//! `Accept` (RFC 9110 §12.5.1): which of the service's formats a request prefers.
//!
//! Each candidate gets the weight of the most specific media range that matches it (an exact
//! `type/subtype` over `type/*` over `*/*`); the heaviest candidate with a weight above zero
//! wins. Between equal weights, the more specific match wins, then the range the client
//! wrote first, then the service's order. A request that accepts none of them gets `None`:
//! the service's default, never a 406.

/// How many media ranges of a request are read: more is not a browser or a client, and the
/// work stays bounded whatever the header holds.
const MAX_RANGES: usize = 64;

/// One media range of `Accept`, borrowed from the header.
#[derive(Clone, Copy)]
struct Range<'a> {
    kind: &'a str,
    subtype: &'a str,
    /// The weight in thousandths, 0 to 1000.
    q: u16,
}

/// The weight a candidate gets from a request: the weight, the specificity of the range that
/// gave it (2 exact, 1 `type/*`, 0 `*/*`), and that range's position, negated so that larger
/// is better throughout.
type Score = (u16, u8, isize);

/// The index of the candidate the `Accept` values prefer, each candidate being the media
/// types it answers (the first candidate is usually the service's default). `None` when no
/// `Accept` is given or none of the candidates is acceptable.
pub(crate) fn choose<'c>(
    accept: &[&[u8]],
    candidates: impl IntoIterator<Item = &'c [&'c str]>,
) -> Option<usize> {
    let ranges = parse(accept);
    if ranges.is_empty() {
        return None;
    }
    let mut best: Option<(Score, usize)> = None;
    for (index, media_types) in candidates.into_iter().enumerate() {
        let Some(score) = media_types.iter().filter_map(|m| score(&ranges, m)).max() else {
            continue;
        };
        if score.0 == 0 {
            continue;
        }
        // Strictly better only: between equals, the earlier candidate (the service's order).
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, index));
        }
    }
    best.map(|(_, index)| index)
}

fn score(ranges: &[Range<'_>], media_type: &str) -> Option<Score> {
    let (kind, subtype) = media_type.split_once('/')?;
    let mut found: Option<Score> = None;
    for (position, range) in ranges.iter().enumerate() {
        let specificity = if range.kind == "*" && range.subtype == "*" {
            0
        } else if range.kind.eq_ignore_ascii_case(kind) && range.subtype == "*" {
            1
        } else if range.kind.eq_ignore_ascii_case(kind)
            && range.subtype.eq_ignore_ascii_case(subtype)
        {
            2
        } else {
            continue;
        };
        // The most specific range decides, whatever its weight; the first of equals.
        if found.is_none_or(|(_, s, _)| specificity > s) {
            found = Some((range.q, specificity, -(position as isize)));
        }
    }
    found
}

fn parse<'a>(accept: &[&'a [u8]]) -> Vec<Range<'a>> {
    accept
        .iter()
        .filter_map(|value| std::str::from_utf8(value).ok())
        .flat_map(|value| value.split(','))
        .take(MAX_RANGES)
        .filter_map(parse_range)
        .collect()
}

fn parse_range(text: &str) -> Option<Range<'_>> {
    let mut parts = text.split(';');
    let (kind, subtype) = parts.next()?.trim().split_once('/')?;
    let (kind, subtype) = (kind.trim(), subtype.trim());
    if !is_token(kind) || !is_token(subtype) || (kind == "*" && subtype != "*") {
        return None;
    }
    let mut q = 1000;
    for param in parts {
        let Some((name, value)) = param.split_once('=') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("q") {
            // A range with a malformed weight is not understood, so it is not used.
            q = qvalue(value.trim())?;
        }
    }
    Some(Range { kind, subtype, q })
}

/// RFC 9110 §12.4.2: `0` to `1` with at most three decimals, in thousandths.
pub(crate) fn qvalue(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][i];
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// RFC 9110 §5.6.2's `token`.
pub(crate) fn is_token(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &[&str] = &["application/json"];
    const PROBLEM: &[&str] = &["application/problem+json"];
    const API: &[&str] = &["application/vnd.api+json"];

    fn pick(accept: &str) -> Option<usize> {
        choose(&[accept.as_bytes()], [JSON, PROBLEM, API])
    }

    #[test]
    fn exact_types() {
        assert_eq!(pick("application/json"), Some(0));
        assert_eq!(pick("application/problem+json"), Some(1));
        assert_eq!(pick("Application/VND.API+JSON"), Some(2));
    }

    #[test]
    fn weights() {
        assert_eq!(
            pick("application/problem+json;q=0.5, application/json;q=0.4"),
            Some(1)
        );
        assert_eq!(
            pick("application/problem+json;q=0.5, application/json"),
            Some(0)
        );
        assert_eq!(
            pick("application/problem+json ; Q=1.000, */*;q=0.1"),
            Some(1)
        );
        assert_eq!(pick("application/json;q=0, */*"), Some(1));
        assert_eq!(
            pick("application/json;q=0.001, application/vnd.api+json;q=0.002"),
            Some(2)
        );
    }

    #[test]
    fn the_most_specific_range_decides() {
        assert_eq!(
            pick("application/*;q=0.2, application/problem+json;q=0.1"),
            Some(0)
        );
        assert_eq!(pick("*/*;q=0.9, application/problem+json;q=0"), Some(0));
    }

    #[test]
    fn ties_go_to_the_clients_order_then_the_services() {
        assert_eq!(pick("application/problem+json, application/json"), Some(1));
        assert_eq!(pick("application/json, application/problem+json"), Some(0));
        assert_eq!(pick("*/*"), Some(0));
        assert_eq!(pick("application/*"), Some(0));
        // An exact match beats a wildcard of the same weight.
        assert_eq!(pick("*/*, application/problem+json"), Some(1));
    }

    #[test]
    fn nothing_acceptable_is_the_default() {
        assert_eq!(pick(""), None);
        assert_eq!(pick("text/html"), None);
        assert_eq!(pick("application/json;q=0"), None);
        assert_eq!(pick("*/*;q=0"), None);
    }

    #[test]
    fn malformed_ranges_are_skipped() {
        assert_eq!(
            pick("application/problem+json;q=2, application/json"),
            Some(0)
        );
        assert_eq!(pick("application/problem+json;q=0.5x"), None);
        assert_eq!(
            pick("*/json, problem, /, application/problem+json"),
            Some(1)
        );
        assert_eq!(
            choose(
                &[b"\xff/\xfe", b"application/problem+json"],
                [JSON, PROBLEM]
            ),
            Some(1)
        );
    }

    #[test]
    fn several_header_fields_are_one_list() {
        assert_eq!(
            choose(
                &[b"text/html", b"application/problem+json"],
                [JSON, PROBLEM]
            ),
            Some(1)
        );
    }

    #[test]
    fn the_work_is_bounded() {
        let long = format!("{}application/problem+json", "text/html, ".repeat(100));
        assert_eq!(pick(&long), None);
    }

    #[test]
    fn qvalues() {
        assert_eq!(qvalue("0"), Some(0));
        assert_eq!(qvalue("0.5"), Some(500));
        assert_eq!(qvalue("0.125"), Some(125));
        assert_eq!(qvalue("1"), Some(1000));
        assert_eq!(qvalue("1.0"), Some(1000));
        assert_eq!(qvalue("1.001"), None);
        assert_eq!(qvalue("0.1234"), None);
        assert_eq!(qvalue("-0"), None);
        assert_eq!(qvalue(""), None);
        assert_eq!(qvalue("0."), Some(0));
    }
}
