//! Default detail codes: the variant's name in snake_case.

/// `MissingApiKey` → `missing_api_key`, `HTTPError` → `http_error`, `Error404` → `error404`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.trim_start_matches("r#").chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                out.push('_');
            }
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn converts() {
        assert_eq!(snake_case("MissingApiKey"), "missing_api_key");
        assert_eq!(snake_case("HTTPError"), "http_error");
        assert_eq!(snake_case("Error404"), "error404");
        assert_eq!(snake_case("NotFound"), "not_found");
        assert_eq!(snake_case("A"), "a");
    }
}
