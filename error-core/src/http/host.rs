//! RFC 9112 §3.2: an HTTP/1.1 request has exactly one `Host` header field with a valid value,
//! or the server answers 400.

/// Whether the `Host` field lines of a request are acceptable: for HTTP/1.1, exactly one,
/// whose value is `uri-host [ ":" port ]` (RFC 3986 §3.2.2, §3.2.3) or empty (a target
/// without authority); other versions are not checked here (HTTP/1.0 has no `Host`
/// requirement, HTTP/2 and 3 carry `:authority`).
pub(crate) fn host_is_valid<'a>(http_11: bool, mut values: impl Iterator<Item = &'a [u8]>) -> bool {
    if !http_11 {
        return true;
    }
    let (Some(value), None) = (values.next(), values.next()) else {
        return false;
    };
    valid_authority(value)
}

fn valid_authority(value: &[u8]) -> bool {
    if value.is_empty() {
        return true;
    }
    let (host, port) = if value.first() == Some(&b'[') {
        // IP-literal: `[` IPv6 or IPvFuture `]`, then an optional port.
        let Some(close) = value.iter().position(|&b| b == b']') else {
            return false;
        };
        let literal = &value[1..close];
        let ok = !literal.is_empty()
            && literal
                .iter()
                .all(|&b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.' | b'v' | b'V'));
        if !ok {
            return false;
        }
        match &value[close + 1..] {
            [] => (&value[..0], None),
            [b':', port @ ..] => (&value[..0], Some(port)),
            _ => return false,
        }
    } else {
        match value.iter().rposition(|&b| b == b':') {
            Some(colon) => (&value[..colon], Some(&value[colon + 1..])),
            None => (value, None),
        }
    };
    if let Some(port) = port {
        if !port.iter().all(u8::is_ascii_digit) {
            return false;
        }
    }
    // reg-name (or IPv4address, a reg-name in form): unreserved / pct-encoded / sub-delims.
    let mut i = 0;
    while i < host.len() {
        match host[i] {
            b'%' => {
                let hex = host.get(i + 1..i + 3);
                if !hex.is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) {
                    return false;
                }
                i += 3;
                continue;
            }
            b if b.is_ascii_alphanumeric() => {}
            b'-' | b'.' | b'_' | b'~' => {}
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' => {}
            _ => return false,
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::host_is_valid;

    fn check(values: &[&str]) -> bool {
        host_is_valid(true, values.iter().map(|v| v.as_bytes()))
    }

    #[test]
    fn one_valid_host() {
        for ok in [
            "example.com",
            "example.com:8080",
            "127.0.0.1:3000",
            "[::1]:8080",
            "[2001:db8::7]",
            "xn--bcher-kva.example",
            "a%2Db.example",
            "",
        ] {
            assert!(check(&[ok]), "{ok:?}");
        }
        for bad in [
            "a b/c",
            "example.com/path",
            "exa mple",
            "host:80x",
            "[::1",
            "[::1]x",
            "a%zzb",
            "user@host",
            "h\u{e9}te",
        ] {
            assert!(!check(&[bad]), "{bad:?}");
        }
        // RFC 9112 §3.2: none, or more than one field line, is a 400.
        assert!(!check(&[]));
        assert!(!check(&["a.example", "a.example"]));
        // HTTP/1.0 and HTTP/2 are not checked here.
        assert!(host_is_valid(false, std::iter::empty()));
    }
}
