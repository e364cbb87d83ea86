//! The semantic checks of a catalogue. Parsing has already happened; this turns the model
//! into a plan for expansion, or into errors that point at the offending token.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::LitStr;

use crate::ast::{Field, Input, Variant};
use crate::case::snake_case;
use crate::errors::Errors;
use crate::status;
use crate::template::{self, Piece};

pub struct VariantPlan<'a> {
    pub variant: &'a Variant<'a>,
    pub kind: Kind<'a>,
}

pub enum Kind<'a> {
    /// Everything forwarded to the one field.
    Transparent(&'a Field<'a>),
    Error(ErrorPlan<'a>),
}

pub struct ErrorPlan<'a> {
    pub status: u16,
    pub title: &'static str,
    pub code: String,
    /// The template as written when it has placeholders, else the plain text.
    pub message: String,
    pub pieces: Vec<Resolved<'a>>,
    pub templated: bool,
    pub action: Option<String>,
    pub fields: Option<&'a Field<'a>>,
    pub details: Option<&'a Field<'a>>,
    pub retry_after: Option<&'a Field<'a>>,
    /// The `WWW-Authenticate` challenge of a 401 variant (the variant's, else the enum's).
    pub www_authenticate: Option<String>,
}

pub enum Resolved<'a> {
    Text(String),
    Arg { field: &'a Field<'a>, spec: String },
}

const CODE_GRAMMAR: &str = "lowercase segments of [a-z0-9] joined by `_` or `-`, separated by `/`, \
                            as in `not_found`, `validation/missing-user_id`, `auth/invalid-api-key`";

/// What the enum gives its variants.
struct Defaults {
    status: Option<u16>,
    /// The enum wrote a `status` (perhaps an invalid one, already reported).
    status_written: bool,
    challenge: Option<String>,
    is_struct: bool,
}

pub fn check<'a>(input: &'a Input<'a>, errors: &mut Errors) -> Vec<VariantPlan<'a>> {
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
        is_struct,
    };
    let mut seen: HashMap<String, (TokenStream, String)> = HashMap::new();
    let mut plans = Vec::new();
    for variant in input.variants() {
        let kind = if variant.attrs.transparent.is_some() {
            check_transparent(variant, errors).map(Kind::Transparent)
        } else {
            check_error(variant, &defaults, errors).map(Kind::Error)
        };
        let Some(kind) = kind else { continue };
        if let Kind::Error(plan) = &kind {
            let token = match &variant.attrs.code {
                Some(keyed) => keyed.value.to_token_stream(),
                None => variant.ident.to_token_stream(),
            };
            match seen.get(&plan.code) {
                Some((first_token, first_variant)) => {
                    errors.spanned(
                        &token,
                        format!(
                            "duplicate code `{}`: variant `{first_variant}` already uses it; \
                             every variant needs its own code",
                            plan.code
                        ),
                    );
                    errors.spanned(
                        first_token,
                        format!(
                            "note: `{}` is first used here, by `{first_variant}`",
                            plan.code
                        ),
                    );
                }
                None => {
                    seen.insert(plan.code.clone(), (token, variant.ident.to_string()));
                }
            }
        }
        plans.push(VariantPlan { variant, kind });
    }
    plans
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

fn check_transparent<'a>(variant: &'a Variant<'a>, errors: &mut Errors) -> Option<&'a Field<'a>> {
    let attrs = &variant.attrs;
    let mut ok = true;
    for key in attrs.given_keys() {
        if !key.is_ident("transparent") {
            ok = false;
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
            ok = false;
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
        return None;
    }
    if ok {
        variant.fields.first()
    } else {
        None
    }
}

fn check_error<'a>(
    variant: &'a Variant<'a>,
    defaults: &Defaults,
    errors: &mut Errors,
) -> Option<ErrorPlan<'a>> {
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

    let known = status.and_then(status::known);
    let title = match (&known, status) {
        (Some(known), _) => known.reason,
        (None, Some(status)) => status::class_title(status),
        (None, None) => "",
    };

    let message_lit = attrs.message.as_ref().map(|keyed| &keyed.value);
    let (message, pieces) = match message_lit {
        Some(lit) => {
            let written = lit.value();
            match template::parse(&written) {
                Ok(pieces) => (written, resolve(variant, lit, pieces, errors)),
                Err(problem) => {
                    errors.spanned(lit, problem);
                    (written, Vec::new())
                }
            }
        }
        None => match (&known, status) {
            (Some(known), _) => (
                known.reason.to_owned(),
                vec![Resolved::Text(known.reason.to_owned())],
            ),
            (None, Some(status)) => {
                errors.spanned(
                    variant.ident,
                    format!(
                        "status {status} has no standard reason phrase to use as the message; \
                         add `message = \"...\"`"
                    ),
                );
                (String::new(), Vec::new())
            }
            (None, None) => (String::new(), Vec::new()),
        },
    };
    let templated = pieces.iter().any(|p| matches!(p, Resolved::Arg { .. }));
    let message = if templated {
        message
    } else {
        pieces
            .iter()
            .map(|p| match p {
                Resolved::Text(text) => text.as_str(),
                Resolved::Arg { .. } => "",
            })
            .collect()
    };

    match (&attrs.expose, status) {
        (None, Some(status)) if status >= 500 && templated => {
            if let Some(lit) = message_lit {
                errors.spanned(
                    lit,
                    "a 5xx message must not interpolate fields: internal details would reach the \
                     client; write a static message, or add `expose` to the variant if these \
                     values are safe to show",
                );
            }
        }
        (Some(keyed), Some(status)) if status < 500 || !templated => {
            errors.spanned(
                &keyed.key,
                "`expose` only allows a 5xx message to interpolate fields; this variant has no \
                 such message, so remove it",
            );
        }
        _ => {}
    }

    let www_authenticate = match (&attrs.www_authenticate, status) {
        (Some(keyed), Some(status)) if status != 401 => {
            errors.spanned(
                &keyed.key,
                format!(
                    "`www_authenticate` names the challenge of a 401 response; this variant's \
                     status is {status}, so remove it"
                ),
            );
            None
        }
        (Some(keyed), _) => Some(keyed.value.value()),
        (None, Some(401)) => defaults.challenge.clone(),
        (None, _) => None,
    };

    let status = status?;
    Some(ErrorPlan {
        status,
        title,
        code,
        message,
        pieces,
        templated,
        action: attrs.action.as_ref().map(|keyed| keyed.value.value()),
        fields,
        details,
        retry_after,
        www_authenticate,
    })
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
    (fields, details, retry_after)
}

fn resolve<'a>(
    variant: &'a Variant<'a>,
    lit: &LitStr,
    pieces: Vec<Piece>,
    errors: &mut Errors,
) -> Vec<Resolved<'a>> {
    let mut resolved = Vec::new();
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
        match piece {
            Piece::Text(text) => resolved.push(Resolved::Text(text)),
            Piece::Arg { name, spec } => {
                rustc_can &= syn::parse_str::<syn::Ident>(&name).is_ok()
                    && !spec.contains(['$', '*', '{', '}']);
                match variant.fields.iter().find(|f| f.placeholder_name() == name) {
                    Some(field) => resolved.push(Resolved::Arg { field, spec }),
                    None => {
                        rustc_can &= closest_field(variant, &name).is_some();
                        unknown.push(name);
                    }
                }
            }
        }
    }
    if rustc_can && !unknown.is_empty() {
        errors.rustc(placeholder_probe(variant, lit));
    } else {
        for name in unknown {
            errors.spanned(lit, unknown_placeholder(variant, &name));
        }
    }
    resolved
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
