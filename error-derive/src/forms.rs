//! The forms of a code other formats need, computed and checked here, at compile time:
//! AIP-193's `ErrorInfo.reason` (UPPER_SNAKE_CASE), the Microsoft guidelines' PascalCase
//! code, the canonical `google.rpc.Code` override, and the documentation link. A variant
//! overrides the first three with `meta(reason = "…")`, `meta(ms_code = "…")` and
//! `grpc = "…"` (checked in `tonic.rs`).

use syn::LitStr;

use crate::ast::{Input, Variant};
use crate::attr::MetaPair;
use crate::errors::Errors;

/// The longest `ErrorInfo.reason` AIP-193 allows.
const MAX_REASON_LEN: usize = 63;

/// Whether `reason` matches AIP-193's `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63 characters.
pub fn valid_reason(reason: &str) -> bool {
    let bytes = reason.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    bytes.len() >= 3
        && bytes.len() <= MAX_REASON_LEN
        && first.is_ascii_uppercase()
        && (last.is_ascii_uppercase() || last.is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
}

/// The reason of a (valid) code: letters upper-cased, `-` and `/` as `_`.
pub fn reason_of(code: &str) -> String {
    code.chars()
        .map(|c| match c {
            '-' | '/' => '_',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

/// Whether `code` is PascalCase: an upper-case letter, then letters and digits.
pub fn valid_pascal(code: &str) -> bool {
    let mut chars = code.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// `lead/not-found` → `LeadNotFound` (as error-core's `CatalogueEntry::pascal_code`).
pub fn pascal_of(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    for word in code.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    out
}

/// `ALREADY_EXISTS` → `AlreadyExists`, the variant of error-core's `grpc::Code`.
pub fn canonical_variant(name: &str) -> String {
    pascal_of(&name.to_ascii_lowercase())
}

/// The `meta` key of a Microsoft `innererror` step's extra name/value pairs.
pub const MS_MEMBERS: &str = "ms_members";

/// The members of a JSON object, compact and without its braces, as the Microsoft format
/// splices them into an `innererror` object; an error when `json` is not an object, or
/// names `code` or `innererror`, which the format writes itself.
pub fn object_members(json: &str) -> Result<String, String> {
    let value: serde_json::Value = serde_json::from_str(json)
        .map_err(|error| format!("`{MS_MEMBERS}` must be a JSON object: {error}"))?;
    let Some(object) = value.as_object() else {
        return Err(format!(
            "`{MS_MEMBERS}` must be a JSON object, such as `{MS_MEMBERS} = r#\"{{\"minLength\":\"6\"}}\"#`"
        ));
    };
    if let Some(key) = ["code", "innererror"]
        .into_iter()
        .find(|k| object.contains_key(*k))
    {
        return Err(format!(
            "`{MS_MEMBERS}` must not hold `{key}`: the Microsoft format writes it from the chain"
        ));
    }
    // The text as written, members in their order, whitespace between tokens removed.
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in json.trim().chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    Ok(out[1..out.len() - 1].to_owned())
}

fn check_members(meta: Option<&[MetaPair]>, errors: &mut Errors) {
    if let Some(value) = meta_value(meta, MS_MEMBERS) {
        if let Err(problem) = object_members(&value.value()) {
            errors.spanned(value, problem);
        }
    }
}

pub fn meta_value<'a>(meta: Option<&'a [MetaPair]>, key: &str) -> Option<&'a LitStr> {
    meta?
        .iter()
        .find(|pair| pair.key == key)
        .map(|pair| &pair.value)
}

/// Whether a documentation link can be written as it is: an absolute `http(s)` URI
/// without spaces, quotes, control characters or (for the enum's page, to which the code is
/// appended as the fragment) a fragment of its own.
fn check_docs(url: &str, page: bool) -> Result<(), String> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(format!(
            "`docs = \"{url}\"` must be an absolute link, starting with `https://`"
        ));
    }
    if let Some(bad) = url
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
    {
        return Err(format!(
            "`docs = \"{}\"` holds {bad:?}, which a link cannot hold; percent-encode it",
            url.escape_debug()
        ));
    }
    if page && url.contains('#') {
        return Err(format!(
            "the enum's `docs = \"{url}\"` names the reference page, and each variant's link is \
             that page with the code as its anchor (`{url}#lead/not-found`): remove the `#…`, \
             or give a variant its own link with `docs` on the variant"
        ));
    }
    Ok(())
}

/// The enum's keys: its `docs` page and its `meta`.
pub fn check_container(input: &Input, errors: &mut Errors) {
    if input.is_struct() {
        return;
    }
    if let Some(keyed) = &input.attrs.docs {
        if let Err(problem) = check_docs(&keyed.value.value(), true) {
            errors.spanned(&keyed.value, problem);
        }
    }
    if let Some(keyed) = &input.attrs.meta {
        for pair in &keyed.value {
            if matches!(
                pair.key.to_string().as_str(),
                "reason" | "ms_code" | "canonical" | "ms_members"
            ) {
                errors.spanned(
                    &pair.key,
                    format!(
                        "`{}` names one error's form, so it belongs in the `meta` of a variant, \
                         not of the enum",
                        pair.key
                    ),
                );
            }
        }
    }
}

/// A transparent variant's `meta`: only `ms_code`, the code of its step in the Microsoft
/// format's `innererror` chain, means something there.
pub fn check_transparent(variant: &Variant, errors: &mut Errors) {
    let Some(keyed) = &variant.attrs.meta else {
        return;
    };
    check_members(Some(&keyed.value), errors);
    for pair in &keyed.value {
        if pair.key == "ms_code" {
            check_pascal(&pair.value, errors);
        } else if matches!(pair.key.to_string().as_str(), "reason" | "canonical") {
            errors.spanned(
                &pair.key,
                format!(
                    "a `transparent` variant forwards its `{}` from the inner error; remove it \
                     here",
                    pair.key
                ),
            );
        }
    }
}

fn check_pascal(value: &LitStr, errors: &mut Errors) {
    let code = value.value();
    if !valid_pascal(&code) {
        errors.spanned(
            value,
            format!(
                "`ms_code = \"{code}\"` is not PascalCase: the Microsoft guidelines' codes are an \
                 upper-case letter followed by letters and digits, as in `BadArgument`"
            ),
        );
    }
}

/// An error variant's forms, for its `code` (already checked against the code grammar).
pub fn check_error(variant: &Variant, errors: &mut Errors) {
    let attrs = &variant.attrs;
    let meta = attrs.meta.as_ref().map(|keyed| keyed.value.as_slice());
    // A code whose reason would be invalid (`ok`, `2fa`) is not an error: its reason is
    // the canonical status name at run time, and a code starting with a digit has the
    // variant's name as its Microsoft code. Only the overrides are checked.
    if let Some(value) = meta_value(meta, "reason") {
        if !valid_reason(&value.value()) {
            errors.spanned(
                value,
                format!(
                    "`reason = \"{}\"` is not a valid AIP-193 reason: UPPER_SNAKE_CASE \
                     matching `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63 characters, as in \
                     `LEAD_NOT_FOUND`",
                    value.value()
                ),
            );
        }
    }
    if let Some(value) = meta_value(meta, "ms_code") {
        check_pascal(value, errors);
    }
    check_members(meta, errors);
    if let Some(value) = meta_value(meta, "canonical") {
        errors.spanned(
            value,
            format!(
                "the canonical code is the variant's `grpc` key, which sets AIP-193's `status` \
                 and the gRPC code alike: write `grpc = {:?}` beside `status`, and remove \
                 `canonical` from `meta`",
                value.value()
            ),
        );
    }
    if let Some(keyed) = &attrs.docs {
        if let Err(problem) = check_docs(&keyed.value.value(), false) {
            errors.spanned(&keyed.value, problem);
        }
    }
}
