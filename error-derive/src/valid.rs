//! The semantic checks of a catalogue, and nothing else: parsing has already happened, and
//! the lowering into the expansion plan (`lower`) runs only on a model these checks passed.
//! Every error points at the offending token and says what to do.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::LitStr;

use crate::ast::{Field, Input, Variant};
use crate::case::snake_case;
use crate::errors::Errors;
use crate::status;
use crate::template::{self, Piece};

const CODE_GRAMMAR: &str = "lowercase segments of [a-z0-9] joined by `_` or `-`, separated by `/`, \
                            as in `not_found`, `validation/missing-user_id`, `auth/invalid-api-key`";

/// What the enum gives its variants.
struct Defaults {
    status: Option<u16>,
    /// The enum wrote a `status` (perhaps an invalid one, already reported).
    status_written: bool,
    challenge: Option<String>,
    /// The enum wrote a `www_authenticate` (perhaps an invalid one, already reported).
    challenge_written: bool,
    is_struct: bool,
}

pub fn check(input: &Input, errors: &mut Errors) {
    let is_struct = input.is_struct();
    let defaults = Defaults {
        challenge: match (&input.attrs.www_authenticate, is_struct) {
            (Some(keyed), false) => Some(keyed.value.value()),
            _ => None,
        },
        status: match (&input.attrs.status, is_struct) {
            (Some(keyed), false) => check_status(&keyed.value, errors),
            _ => None,
        },
        status_written: !is_struct && input.attrs.wrote("status"),
        challenge_written: !is_struct && input.attrs.wrote("www_authenticate"),
        is_struct,
    };
    check_container(input, errors);
    crate::tonic::check(input, errors);
    crate::forms::check_container(input, errors);
    let mut seen: HashMap<String, (TokenStream, String)> = HashMap::new();
    for variant in input.variants() {
        let code = if variant.attrs.transparent.is_some() {
            check_transparent(variant, errors);
            crate::forms::check_transparent(variant, errors);
            None
        } else {
            check_error(variant, &defaults, errors)
        };
        let Some(code) = code else { continue };
        let token = match &variant.attrs.code {
            Some(keyed) => keyed.value.to_token_stream(),
            None => variant.ident.to_token_stream(),
        };
        match seen.get(&code) {
            Some((first_token, first_variant)) => {
                errors.spanned(
                    &token,
                    format!(
                        "duplicate code `{code}`: variant `{first_variant}` already uses it; \
                         every variant needs its own code"
                    ),
                );
                errors.spanned(
                    first_token,
                    format!("note: `{code}` is first used here, by `{first_variant}`"),
                );
            }
            None => {
                seen.insert(code, (token, variant.ident.to_string()));
            }
        }
    }
}

/// The enum-level keys that stand on their own: `type_base`, the default challenge, and the
/// integrations asked for.
fn check_container(input: &Input, errors: &mut Errors) {
    let attrs = &input.attrs;
    if let Some(keyed) = &attrs.type_base {
        if let Err(problem) = check_type_base(&keyed.value.value()) {
            errors.spanned(&keyed.value, problem);
        }
    }
    // A struct's challenge is its variant's, checked there.
    if let (Some(keyed), false) = (&attrs.www_authenticate, input.is_struct()) {
        if let Err(problem) = check_challenge(&keyed.value.value()) {
            errors.spanned(&keyed.value, problem);
        }
    }
    let integrations = [
        (
            &attrs.axum,
            "axum",
            cfg!(feature = "axum"),
            "`IntoResponse`",
        ),
        (
            &attrs.utoipa,
            "utoipa",
            cfg!(feature = "utoipa"),
            "`IntoResponses`",
        ),
        (
            &attrs.client,
            "client",
            cfg!(feature = "client"),
            "`from_remote`",
        ),
        (
            &attrs.tonic,
            "tonic",
            cfg!(feature = "tonic"),
            "`From<E> for tonic::Status`",
        ),
    ];
    for (keyed, name, available, what) in integrations {
        if let (Some(keyed), false) = (keyed, available) {
            errors.spanned(
                &keyed.key,
                format!(
                    "`{name}` asks for the generated {what}, which needs error-core's `{name}` \
                     feature: enable it (`error-core = {{ features = [\"{name}\"] }}`), or \
                     remove `{name}`"
                ),
            );
        }
    }
}

/// `type_base` followed by a code must be a URI reference with the code as its own
/// segment: only URI characters, and ending with `/`, `#`, `:` or `=`.
pub fn check_type_base(base: &str) -> Result<(), String> {
    const FIX: &str = "it must end with `/`, `#`, `:` or `=` so that the code is appended as \
                       its own part of the URI, as in `type_base = \"https://errors.example.com/\"`";
    if base.is_empty() {
        return Err(format!(
            "empty `type_base`: {FIX}; or remove it for `about:blank`"
        ));
    }
    let bytes = base.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let ok = b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b);
        if b == b'%' {
            let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(i + 1) && hex(i + 2)) {
                return Err(format!(
                    "`type_base` has a `%` not followed by two hex digits; percent-encode it as \
                     `%25`; {FIX}"
                ));
            }
            i += 3;
            continue;
        }
        if !ok {
            let c = base[i..].chars().next().unwrap_or('?');
            return Err(format!(
                "`type_base` must be a URI: `{}` is not allowed in one; percent-encode it (RFC \
                 3986); {FIX}",
                c.escape_default()
            ));
        }
        i += 1;
    }
    if !base.ends_with(['/', '#', ':', '=']) {
        return Err(format!(
            "`type_base = \"{base}\"` would run into the code (`{base}lead/not-found`): {FIX}"
        ));
    }
    Ok(())
}

/// A `WWW-Authenticate` challenge (RFC 9110 §11.6.1): a valid header value whose first
/// token is an auth-scheme (a `token`, §11.1 and §5.6.2).
pub fn check_challenge(challenge: &str) -> Result<(), String> {
    const EXAMPLE: &str = "as in `www_authenticate = \"Bearer\"` or \
                           `www_authenticate = \"Bearer realm=\\\"api\\\"\"`";
    if let Some(c) = challenge
        .chars()
        .find(|&c| !(c == ' ' || c == '\t' || c.is_ascii_graphic()))
    {
        return Err(format!(
            "the challenge `{}` is not a valid header value: `{}` is not allowed (only visible \
             ASCII, spaces and tabs); {EXAMPLE}",
            challenge.escape_default(),
            c.escape_default()
        ));
    }
    if challenge.is_empty() {
        return Err(format!(
            "empty challenge: a 401 response names its auth-scheme; {EXAMPLE}"
        ));
    }
    let scheme = challenge.split([' ', '\t']).next().unwrap_or_default();
    let tchar = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if scheme.is_empty() || !scheme.chars().all(tchar) {
        return Err(format!(
            "the challenge `{challenge}` must start with an auth-scheme, a token such as \
             `Bearer`, `Basic` or `ApiKey` (RFC 9110 §11.1); {EXAMPLE}"
        ));
    }
    if challenge.ends_with([' ', '\t']) {
        return Err(format!(
            "the challenge `{challenge}` ends with whitespace, which a header value cannot \
             (RFC 9110 §5.5); remove it"
        ));
    }
    Ok(())
}

fn check_status(lit: &syn::LitInt, errors: &mut Errors) -> Option<u16> {
    match lit.base10_parse::<u16>() {
        Ok(status) if (400..=599).contains(&status) => Some(status),
        Ok(status) => {
            errors.spanned(
                lit,
                format!("an error variant needs a 4xx or 5xx status, found {status}"),
            );
            None
        }
        Err(_) => {
            errors.spanned(
                lit,
                format!("an error variant needs a 4xx or 5xx status, found {lit}"),
            );
            None
        }
    }
}

fn check_transparent(variant: &Variant, errors: &mut Errors) {
    let attrs = &variant.attrs;
    for key in attrs.given_keys() {
        if !key.is_ident("transparent") {
            errors.spanned(
                key,
                format!(
                    "`transparent` forwards status, code and message to the inner error; \
                     remove `{}`",
                    key.to_token_stream()
                ),
            );
        }
    }
    for field in &variant.fields {
        for key in field.attrs.given_keys() {
            errors.spanned(
                key,
                "a `transparent` variant forwards its field errors and details from the inner \
                 error; remove this attribute",
            );
        }
    }
    if variant.fields.len() != 1 {
        if let Some(keyed) = &attrs.transparent {
            errors.spanned(
                &keyed.key,
                format!(
                    "a `transparent` variant needs exactly one field, the inner error; `{}` has {}",
                    variant.ident,
                    variant.fields.len()
                ),
            );
        }
    }
}

/// Checks an error variant; its code, when the variant has a status (for the duplicate
/// check).
fn check_error(variant: &Variant, defaults: &Defaults, errors: &mut Errors) -> Option<String> {
    let attrs = &variant.attrs;
    let status = match &attrs.status {
        Some(keyed) => check_status(&keyed.value, errors),
        // An invalid `status` here has its own error already.
        None if attrs.wrote("status") => None,
        None if defaults.is_struct => {
            errors.spanned(
                variant.ident,
                format!(
                    "struct `{}` has no status; add one to its attribute: \
                     `#[api(status = 404)]`",
                    variant.ident
                ),
            );
            None
        }
        None => {
            // An invalid `status` on the enum has its own error already.
            if defaults.status.is_none() && !defaults.status_written {
                errors.spanned(
                    variant.ident,
                    format!(
                        "variant `{}` has no status; add `#[api(status = 404)]` to it, or a \
                         default for the whole enum: `#[api(status = 500)]` on the enum",
                        variant.ident
                    ),
                );
            }
            defaults.status
        }
    };

    let code = match &attrs.code {
        Some(keyed) => {
            let code = keyed.value.value();
            if !valid_code(&code) {
                let what = if code.is_empty() {
                    "empty code".to_owned()
                } else {
                    format!("invalid code `{code}`")
                };
                errors.spanned(&keyed.value, format!("{what}: a code is {CODE_GRAMMAR}"));
            }
            code
        }
        None => {
            let code = snake_case(&variant.ident.to_string());
            if !valid_code(&code) {
                errors.spanned(
                    variant.ident,
                    format!(
                        "the default code of `{}` would be `{code}`, which is not a valid code; \
                         give one with `code = \"...\"`: a code is {CODE_GRAMMAR}",
                        variant.ident
                    ),
                );
            }
            code
        }
    };

    let (fields, details, retry_after) = check_field_attrs(variant, errors);

    let message_lit = attrs.message.as_ref().map(|keyed| &keyed.value);
    let templated = match message_lit {
        Some(lit) => match template::parse(&lit.value()) {
            Ok(pieces) => check_placeholders(variant, lit, pieces, errors),
            Err(problem) => {
                errors.spanned(lit, problem);
                false
            }
        },
        None => {
            if let (None, Some(status)) = (status.and_then(status::known), status) {
                errors.spanned(
                    variant.ident,
                    format!(
                        "status {status} has no standard reason phrase to use as the message; \
                         add `message = \"...\"`"
                    ),
                );
            }
            false
        }
    };

    let meta_fields: Vec<&Field> = variant
        .fields
        .iter()
        .filter(|field| field.attrs.meta.is_some())
        .collect();
    for field in &meta_fields {
        let other = [
            (&field.attrs.fields, "fields"),
            (&field.attrs.details, "details"),
            (&field.attrs.retry_after, "retry_after"),
        ]
        .into_iter()
        .find_map(|(keyed, name)| keyed.as_ref().map(|_| name));
        if let (Some(other), Some(keyed)) = (other, &field.attrs.meta) {
            errors.spanned(
                &keyed.key,
                format!(
                    "a field has one role: it is already `{other}`, so it cannot also be `meta`"
                ),
            );
        }
    }
    let carries = fields.is_some() || details.is_some() || !meta_fields.is_empty();
    match (&attrs.expose, status) {
        (None, Some(status)) if status >= 500 => {
            if let (true, Some(lit)) = (templated, message_lit) {
                errors.spanned(
                    lit,
                    "a 5xx message must not interpolate fields: internal details would reach the \
                     client; write a static message, or add `expose` to the variant if these \
                     values are safe to show",
                );
            }
            let sent = [(fields, "fields"), (details, "details")]
                .into_iter()
                .chain(meta_fields.iter().map(|field| (Some(*field), "meta")));
            for (field, name) in sent {
                let Some(field) = field else { continue };
                let keyed = match name {
                    "fields" => &field.attrs.fields,
                    "meta" => &field.attrs.meta,
                    _ => &field.attrs.details,
                };
                if let Some(keyed) = keyed {
                    errors.spanned(
                        &keyed.key,
                        format!(
                            "a 5xx variant must not send `{name}` to the client: internal details \
                             would reach it; log them instead, or add `expose` to the variant if \
                             they are safe to show"
                        ),
                    );
                }
            }
        }
        (Some(keyed), Some(status)) if status < 500 || !(templated || carries) => {
            errors.spanned(
                &keyed.key,
                "`expose` only allows a 5xx variant to send its fields to the client (in its \
                 message, `fields`, `details` or `meta`); this variant sends none, so remove it",
            );
        }
        _ => {}
    }

    if let (Some(field), Some(status)) = (retry_after, status) {
        if !matches!(status, 413 | 429 | 503) {
            if let Some(keyed) = &field.attrs.retry_after {
                errors.spanned(
                    &keyed.key,
                    format!(
                        "`retry_after` becomes a `Retry-After` header, which means something only \
                         on 413, 429 and 503 responses (RFC 9110 §10.2.3); this variant's status \
                         is {status}, so remove it or change the status"
                    ),
                );
            }
        }
    }

    match (&attrs.www_authenticate, status) {
        (Some(keyed), Some(status)) if status != 401 => {
            errors.spanned(
                &keyed.key,
                format!(
                    "`www_authenticate` names the challenge of a 401 response; this variant's \
                     status is {status}, so remove it"
                ),
            );
        }
        (Some(keyed), _) => {
            if let Err(problem) = check_challenge(&keyed.value.value()) {
                errors.spanned(&keyed.value, problem);
            }
        }
        (None, Some(401)) => {
            if defaults.challenge.is_none()
                && !defaults.challenge_written
                && !attrs.wrote("www_authenticate")
            {
                let at = match &attrs.status {
                    Some(keyed) => keyed.value.to_token_stream(),
                    None => variant.ident.to_token_stream(),
                };
                let fix = if defaults.is_struct {
                    "add `www_authenticate = \"Bearer\"` (your scheme) to the struct's attribute"
                } else {
                    "add `#[api(www_authenticate = \"Bearer\")]` (your scheme) to the enum, or \
                     `www_authenticate = \"...\"` to this variant"
                };
                errors.spanned(
                    at,
                    format!(
                        "a 401 response must carry a `WWW-Authenticate` challenge (RFC 9110 \
                         §11.6.1), and `{}` has none: {fix}",
                        variant.ident
                    ),
                );
            }
        }
        (None, _) => {}
    }

    // With a wrong status, that is the error to fix first (a `status = 200` variant's
    // code `ok` would only add noise).
    if valid_code(&code) && status.is_some() {
        crate::forms::check_error(variant, errors);
    }

    status.map(|_| code)
}

#[allow(clippy::type_complexity)]
fn check_field_attrs<'a>(
    variant: &'a Variant<'a>,
    errors: &mut Errors,
) -> (
    Option<&'a Field<'a>>,
    Option<&'a Field<'a>>,
    Option<&'a Field<'a>>,
) {
    let mut fields: Option<&Field> = None;
    let mut details: Option<&Field> = None;
    let mut retry_after: Option<&Field> = None;
    for field in &variant.fields {
        let roles = [
            (
                &field.attrs.fields,
                &mut fields,
                "fields",
                "its field errors",
            ),
            (&field.attrs.details, &mut details, "details", "its details"),
            (
                &field.attrs.retry_after,
                &mut retry_after,
                "retry_after",
                "its Retry-After",
            ),
        ];
        let mut taken: Option<&str> = None;
        for (keyed, slot, name, role) in roles {
            let Some(keyed) = keyed else { continue };
            if let Some(other) = taken {
                errors.spanned(
                    &keyed.key,
                    format!("a field has one role: it is already `{other}`, so it cannot also be `{name}`"),
                );
            } else if slot.is_some() {
                errors.spanned(
                    &keyed.key,
                    format!(
                        "only one field of a variant can hold {role}; `#[api({name})]` is already \
                         on another field"
                    ),
                );
            } else {
                *slot = Some(field);
            }
            taken = Some(name);
        }
    }
    if let (Some(with_fields), Some(with_details)) = (fields, details) {
        let position = |field: &Field| variant.fields.iter().position(|f| f.member == field.member);
        let (second, name, other) = if position(with_fields) > position(with_details) {
            (&with_fields.attrs.fields, "fields", "details")
        } else {
            (&with_details.attrs.details, "details", "fields")
        };
        if let Some(keyed) = second {
            errors.spanned(
                &keyed.key,
                format!(
                    "a variant carries field errors or details, not both: Nested and Compact have \
                     one slot for them and would drop one; this variant already has `{other}`, so \
                     remove `{name}` here (split the variant, or put what it holds in the message)"
                ),
            );
        }
    }
    (fields, details, retry_after)
}

/// Checks the placeholders of a parsed message; whether it names any field.
fn check_placeholders(
    variant: &Variant,
    lit: &LitStr,
    pieces: Vec<Piece>,
    errors: &mut Errors,
) -> bool {
    let mut templated = false;
    let mut unknown = Vec::new();
    // rustc can point inside the literal at a placeholder that names nothing, with its
    // "a local variable with a similar name exists" fix. It reads placeholders the way we do
    // only when each is a plain identifier, and its fix is the whole answer only when a
    // field is close to the name; otherwise our message, which lists the fields, says more.
    let mut rustc_can = variant
        .fields
        .iter()
        .any(|field| matches!(field.member, syn::Member::Named(_)));
    for piece in pieces {
        let Piece::Arg { name, spec } = piece else {
            continue;
        };
        if let Err(problem) = template::check_spec(&name, &spec) {
            errors.spanned(lit, problem);
            continue;
        }
        rustc_can &= syn::parse_str::<syn::Ident>(&name).is_ok();
        if variant.fields.iter().any(|f| f.placeholder_name() == name) {
            templated = true;
        } else {
            rustc_can &= closest_field(variant, &name).is_some();
            unknown.push(name);
        }
    }
    if rustc_can && !unknown.is_empty() {
        errors.rustc(placeholder_probe(variant, lit));
    } else {
        for name in unknown {
            errors.spanned(lit, unknown_placeholder(variant, &name));
        }
    }
    templated
}

/// A function that formats the message with a local for each field, in a module of its own
/// so that no item of the user's can stand in for a missing field: rustc then reports each
/// placeholder that names no field ("cannot find value `idd` in this scope") at the
/// placeholder itself, with a "similar name" hint when there is one.
fn placeholder_probe(variant: &Variant, lit: &LitStr) -> TokenStream {
    let locals = variant
        .fields
        .iter()
        .filter_map(|field| match &field.member {
            syn::Member::Named(ident) => Some(ident),
            syn::Member::Unnamed(_) => None,
        });
    quote::quote! {
        const _: () = {
            mod __api_placeholders {
                #[allow(unused_variables, non_snake_case, dead_code)]
                fn __api_message() {
                    #(let #locals = &0u8;)*
                    let _ = ::core::format_args!(#lit);
                }
            }
        };
    }
}

fn unknown_placeholder(variant: &Variant, name: &str) -> String {
    let names: Vec<String> = variant.fields.iter().map(Field::placeholder_name).collect();
    let mut message = format!(
        "the message names `{{{name}}}`, but variant `{}` has no field `{name}`",
        variant.ident
    );
    match (closest_field(variant, name), names.is_empty()) {
        (Some(candidate), _) => message.push_str(&format!("; did you mean `{{{candidate}}}`?")),
        (None, true) => {
            message.push_str("; it has no fields, so the message cannot have placeholders")
        }
        (None, false) => message.push_str(&format!(
            "; its fields are: {}",
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
    message
}

/// The field a misspelt placeholder most likely meant: within a third of its length in
/// edits, as rustc's own "similar name" hints.
fn closest_field(variant: &Variant, name: &str) -> Option<String> {
    variant
        .fields
        .iter()
        .map(|field| {
            let candidate = field.placeholder_name();
            (edit_distance(name, &candidate), candidate)
        })
        .filter(|(distance, _)| *distance <= name.chars().count().max(3) / 3)
        .min()
        .map(|(_, candidate)| candidate)
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

pub fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.split('/').all(|segment| {
            segment.split(['_', '-']).all(|word| {
                !word.is_empty()
                    && word
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
        })
}

#[cfg(test)]
mod tests {
    use super::{edit_distance, valid_code};

    #[test]
    fn code_grammar() {
        for good in [
            "not_found",
            "validation/missing-user_id",
            "auth/invalid-api-key",
            "e404",
        ] {
            assert!(valid_code(good), "{good}");
        }
        for bad in [
            "",
            "Not_found",
            "a//b",
            "a_",
            "-a",
            "a b",
            "a.b",
            "/a",
            "a/",
        ] {
            assert!(!valid_code(bad), "{bad}");
        }
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("idd", "id"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
