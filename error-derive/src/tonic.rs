//! `#[api(tonic, grpc_domain = "leads.example.com")]` (with error-core's `tonic` feature):
//! `impl From<&E>` and `impl From<E>` for `tonic::Status`, one call to error-core's
//! `grpc::__derive::status` with the enum's domain and the variants' code overrides
//! (`#[api(grpc = "ABORTED")]`).
//!
//! The checks live here too, so that an override is judged where it is written: its name
//! against google.rpc.Code's canonical names (with a "did you mean"), its pairing with the
//! variant's HTTP status against a copy of `error_core::grpc::Code`'s table (so that the
//! error can list the codes that do pair), and, with `tonic`, every code against AIP-193's
//! grammar for `ErrorInfo.reason`. The expansion also asserts each override with
//! `Code::pairs_with` in `const` context, so the copy cannot drift from the runtime's table
//! without a compile error.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::{Ident, LitStr};

use crate::ast::{Input, Variant};
use crate::case::snake_case;
use crate::errors::Errors;
use crate::expand::{local, Cx};
use crate::lower::Kind;
use crate::valid::{edit_distance, valid_code};

/// `google.rpc.Code`: the canonical name, the name of `error_core::grpc::Code`'s variant,
/// and the HTTP statuses its row names (the canonical one first), in code order. A copy of
/// the table in error-core's `grpc/code.rs`.
const CODES: [(&str, &str, &[u16]); 17] = [
    ("OK", "Ok", &[200]),
    ("CANCELLED", "Cancelled", &[499]),
    ("UNKNOWN", "Unknown", &[500]),
    (
        "INVALID_ARGUMENT",
        "InvalidArgument",
        &[400, 406, 411, 414, 415, 422, 431],
    ),
    ("DEADLINE_EXCEEDED", "DeadlineExceeded", &[504, 408]),
    ("NOT_FOUND", "NotFound", &[404, 410]),
    ("ALREADY_EXISTS", "AlreadyExists", &[409]),
    ("PERMISSION_DENIED", "PermissionDenied", &[403, 451]),
    ("RESOURCE_EXHAUSTED", "ResourceExhausted", &[429, 413, 507]),
    (
        "FAILED_PRECONDITION",
        "FailedPrecondition",
        &[400, 402, 412, 417, 423, 424, 426, 428],
    ),
    ("ABORTED", "Aborted", &[409]),
    ("OUT_OF_RANGE", "OutOfRange", &[400, 416]),
    ("UNIMPLEMENTED", "Unimplemented", &[501, 405, 505]),
    ("INTERNAL", "Internal", &[500]),
    ("UNAVAILABLE", "Unavailable", &[503, 425, 502]),
    ("DATA_LOSS", "DataLoss", &[500]),
    ("UNAUTHENTICATED", "Unauthenticated", &[401, 511]),
];

/// The order in which a status finds its default code (`Code::from_http`), as indexes
/// into [`CODES`].
const FROM_HTTP_ORDER: [usize; 17] = [3, 16, 7, 5, 6, 8, 4, 12, 14, 13, 1, 9, 11, 10, 2, 15, 0];

/// `Code::from_http`: the index in [`CODES`] of the code `status` maps to.
fn from_http(status: u16) -> usize {
    let listed = FROM_HTTP_ORDER
        .iter()
        .copied()
        .find(|&index| CODES[index].2.contains(&status));
    match (listed, status) {
        (Some(index), _) => index,
        (None, 200..=299) => 0,
        (None, 400..=499) => 9,
        (None, 500..=599) => 13,
        (None, _) => 2,
    }
}

/// `Code::pairs_with`.
fn pairs_with(index: usize, status: u16) -> bool {
    CODES[index].2.contains(&status) || from_http(status) == index
}

/// The codes a status may carry, its default first, then in code order.
fn pairing(status: u16) -> Vec<&'static str> {
    let default = from_http(status);
    let mut names = vec![CODES[default].0];
    names.extend(
        (0..CODES.len())
            .filter(|&index| index != default && pairs_with(index, status))
            .map(|index| CODES[index].0),
    );
    names
}

/// Only letters and digits, upper-cased: `NotFound`, `not-found` and `NOT_FOUND` agree.
fn normalized(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The canonical name a misspelt one most likely meant.
fn closest_code(name: &str) -> Option<&'static str> {
    let wanted = normalized(name);
    if wanted.is_empty() {
        return None;
    }
    CODES
        .iter()
        .map(|(code, _, _)| (edit_distance(&wanted, &normalized(code)), *code))
        .filter(|(distance, _)| *distance <= 3)
        .min()
        .map(|(_, code)| code)
}

/// The index in [`CODES`] of an override, or an error that says what to write.
fn parse_code(lit: &LitStr) -> Result<usize, String> {
    let name = lit.value();
    if let Some(index) = CODES.iter().position(|(code, _, _)| *code == name) {
        return Ok(index);
    }
    let hint = match closest_code(&name) {
        Some(code) => format!("did you mean `{code}`? "),
        None => String::new(),
    };
    Err(format!(
        "unknown gRPC code `{}`: {hint}`grpc` takes a canonical name of google.rpc.Code: {}",
        name.escape_default(),
        CODES.map(|(code, _, _)| code).join(", ")
    ))
}

/// The HTTP status of a variant, when it has a valid one (an invalid or missing one has
/// its own error already).
fn variant_status(input: &Input, variant: &Variant) -> Option<u16> {
    let written = match &variant.attrs.status {
        Some(keyed) => Some(&keyed.value),
        None if input.is_struct() => None,
        None => input.attrs.status.as_ref().map(|keyed| &keyed.value),
    };
    written
        .and_then(|lit| lit.base10_parse::<u16>().ok())
        .filter(|status| (400..=599).contains(status))
}

/// The checks of `tonic`, `grpc_domain` and every variant's `grpc`.
pub fn check(input: &Input, errors: &mut Errors) {
    let attrs = &input.attrs;
    match (&attrs.tonic, &attrs.grpc_domain) {
        (Some(keyed), None) if !attrs.wrote("grpc_domain") => errors.spanned(
            &keyed.key,
            "`tonic` needs the domain its errors belong to, sent as `ErrorInfo.domain` \
             (AIP-193): add `grpc_domain = \"leads.example.com\"` (your service's name)",
        ),
        (None, Some(keyed)) if !attrs.wrote("tonic") => errors.spanned(
            &keyed.key,
            "`grpc_domain` is the `ErrorInfo.domain` of the generated `tonic::Status`, which \
             this type does not ask for: add `tonic`, or remove `grpc_domain`",
        ),
        _ => {}
    }
    if let Some(keyed) = &attrs.grpc_domain {
        if let Err(problem) = check_domain(&keyed.value.value()) {
            errors.spanned(&keyed.value, problem);
        }
    }
    for variant in input.variants() {
        // On a `transparent` variant, `grpc` is refused with the other keys.
        if variant.attrs.transparent.is_some() {
            continue;
        }
        if let Some(keyed) = &variant.attrs.grpc {
            check_override(input, variant, &keyed.value, errors);
        }
        if attrs.tonic.is_some() {
            check_reason(variant, errors);
        }
    }
}

/// A variant's `grpc = "…"`: the canonical code of AIP-193's `status` and of the gRPC
/// status (with or without `tonic`), a google.rpc.Code name that pairs with the status.
fn check_override(input: &Input, variant: &Variant, lit: &LitStr, errors: &mut Errors) {
    let index = match parse_code(lit) {
        Ok(index) => index,
        Err(problem) => {
            errors.spanned(lit, problem);
            return;
        }
    };
    let Some(status) = variant_status(input, variant) else {
        return;
    };
    if !pairs_with(index, status) {
        let pairing = pairing(status)
            .iter()
            .map(|code| format!("`{code}`"))
            .collect::<Vec<_>>();
        let (default, others) = pairing.split_first().map_or(("", &[][..]), |(d, o)| (d, o));
        let choice = match others {
            [] => format!("a {status} carries {default} only: remove `grpc`, or change the status"),
            [other] => format!(
                "a {status} carries {default} (its default) or {other}: write one of those, \
                 remove `grpc`, or change the status"
            ),
            _ => format!(
                "a {status} carries {default} (its default) or one of {}: write one of those, \
                 remove `grpc`, or change the status",
                others.join(", ")
            ),
        };
        errors.spanned(
            lit,
            format!(
                "`{}` does not pair with this variant's status {status} (google.rpc.Code's \
                 mapping to HTTP): {choice}",
                CODES[index].0
            ),
        );
    }
}

/// With `tonic`, the code becomes `ErrorInfo.reason`: AIP-193's `[A-Z][A-Z0-9_]+[A-Z0-9]`, at
/// most 63 characters (error-core's `grpc::check_reason`).
fn check_reason(variant: &Variant, errors: &mut Errors) {
    let (code, at) = match &variant.attrs.code {
        Some(keyed) => (keyed.value.value(), keyed.value.to_token_stream()),
        None => (
            snake_case(&variant.ident.to_string()),
            variant.ident.to_token_stream(),
        ),
    };
    // A code outside the grammar has its own error already.
    if !valid_code(&code) {
        return;
    }
    let reason: String = code
        .chars()
        .map(|c| match c {
            '/' | '-' => '_',
            c => c.to_ascii_uppercase(),
        })
        .collect();
    let problem = if reason.len() < 3 {
        Some("it must have at least 3 characters")
    } else if reason.len() > 63 {
        Some("it must have at most 63 characters")
    } else if !reason.starts_with(|c: char| c.is_ascii_uppercase()) {
        Some("it must start with a letter")
    } else {
        None
    };
    if let Some(problem) = problem {
        errors.spanned(
            at,
            format!(
                "with `tonic`, the code `{code}` is sent as the gRPC reason `{reason}`, which \
                 AIP-193 does not allow: {problem} (`[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63); \
                 give the variant another `code`"
            ),
        );
    }
}

/// A DNS-style service name, as AIP-193's examples (`pubsub.googleapis.com`).
pub fn check_domain(domain: &str) -> Result<(), String> {
    const EXAMPLE: &str = "as in `grpc_domain = \"leads.example.com\"`";
    if domain.is_empty() {
        return Err(format!(
            "empty `grpc_domain`: name the service its errors belong to, {EXAMPLE}"
        ));
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    if domain.len() > 253 || !domain.split('.').all(label_ok) {
        return Err(format!(
            "`grpc_domain = \"{}\"` is not a service name: write dot-separated lowercase \
             labels of letters, digits and `-` (the service's DNS name), {EXAMPLE}",
            domain.escape_default()
        ));
    }
    Ok(())
}

/// The `Code` override of a variant, if it has a valid one.
fn override_of<'a>(variant: &'a Variant<'a>) -> Option<(usize, &'a LitStr)> {
    let lit = &variant.attrs.grpc.as_ref()?.value;
    parse_code(lit).ok().map(|index| (index, lit))
}

/// `impl From<&E> for tonic::Status` and `impl From<E> for tonic::Status`.
pub fn expand(cx: &Cx) -> TokenStream {
    let (input, plans, krate) = (cx.input, cx.plans, cx.krate);
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = cx.generics.split_for_impl();
    let Some(domain) = input.attrs.grpc_domain.as_ref().map(|keyed| &keyed.value) else {
        return TokenStream::new();
    };
    let (error, probe) = (local("error"), local("probe"));
    let code_path = |index: usize| {
        let variant = Ident::new(CODES[index].1, Span::call_site());
        quote!(#krate::grpc::Code::#variant)
    };

    let mut arms = Vec::new();
    let mut asserts = Vec::new();
    let mut overrides = false;
    for plan in plans {
        // In these impls `Self` is `tonic::Status`: the patterns name the type.
        let pat = if input.is_struct() {
            quote!(#ident { .. })
        } else {
            let variant = plan.variant.ident;
            quote!(#ident::#variant { .. })
        };
        let found = match &plan.kind {
            Kind::Error(error) => override_of(plan.variant).map(|found| (found, error.status)),
            Kind::Transparent(_) => None,
        };
        match found {
            Some(((index, lit), status)) => {
                overrides = true;
                let code = code_path(index);
                arms.push(quote!(#pat => ::core::option::Option::Some(#code),));
                let message = format!(
                    "`{}` does not pair with status {status} (error_core::grpc::Code::pairs_with)",
                    CODES[index].0
                );
                asserts.push(quote_spanned!(lit.span()=>
                    const _: () = ::core::assert!(#code.pairs_with(#status), #message);
                ));
            }
            None => arms.push(quote!(#pat => ::core::option::Option::None,)),
        }
    }
    let code = if overrides {
        quote!(match #error { #(#arms)* })
    } else {
        quote!(::core::option::Option::None)
    };
    let status = quote!(#krate::grpc::__derive::Status);
    quote! {
        #(#asserts)*

        #[automatically_derived]
        #[allow(deprecated, unused_qualifications)]
        impl #impl_generics ::core::convert::From<&#ident #ty_generics> for #status
            #where_clause
        {
            // The `&` is what makes the probe fall back for a type that is not an `Error`.
            #[allow(clippy::needless_borrow)]
            fn from(#error: &#ident #ty_generics) -> Self {
                #[allow(unused_imports)]
                use #krate::grpc::__derive::{WithSource as _, WithoutSource as _};
                let #probe = #krate::grpc::__derive::Probe(#error);
                #krate::grpc::__derive::status(#error, #code, (&#probe).source_of(), #domain)
            }
        }

        #[automatically_derived]
        #[allow(deprecated, unused_qualifications)]
        impl #impl_generics ::core::convert::From<#ident #ty_generics> for #status
            #where_clause
        {
            fn from(#error: #ident #ty_generics) -> Self {
                <#status as ::core::convert::From<&#ident #ty_generics>>::from(&#error)
            }
        }
    }
}

/// Stand-ins for the two conversions, after a compile error.
pub fn fallback(input: &syn::DeriveInput, krate: &TokenStream) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let status = quote!(#krate::grpc::__derive::Status);
    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_qualifications)]
        impl #impl_generics ::core::convert::From<&#ident #ty_generics> for #status
            #where_clause
        {
            fn from(_: &#ident #ty_generics) -> Self {
                #status::internal("")
            }
        }

        #[automatically_derived]
        #[allow(deprecated, unused_qualifications)]
        impl #impl_generics ::core::convert::From<#ident #ty_generics> for #status
            #where_clause
        {
            fn from(_: #ident #ty_generics) -> Self {
                #status::internal("")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The copy of error-core's table, row by row: `tests/tests/test_grpc.rs` checks
    /// `error_core::grpc::Code` against the same text, so the two cannot drift apart.
    #[test]
    fn the_table_agrees_with_error_core() {
        let rows: Vec<String> = (400..=599u16)
            .map(|status| format!("{status} {}", pairing(status).join(" ")))
            .filter(|row| row.split(' ').count() > 2)
            .collect();
        assert_eq!(rows, PAIRINGS);
    }

    /// The statuses that may carry more than their default code (also asserted against
    /// `Code::pairs_with` in tests/tests/test_grpc.rs).
    pub const PAIRINGS: [&str; 3] = [
        "400 INVALID_ARGUMENT FAILED_PRECONDITION OUT_OF_RANGE",
        "409 ALREADY_EXISTS ABORTED",
        "500 INTERNAL UNKNOWN DATA_LOSS",
    ];

    #[test]
    fn defaults() {
        let names: Vec<&str> = [400, 402, 404, 409, 418, 429, 499, 502, 504, 599]
            .map(|status| CODES[from_http(status)].0)
            .to_vec();
        assert_eq!(
            names,
            [
                "INVALID_ARGUMENT",
                "FAILED_PRECONDITION",
                "NOT_FOUND",
                "ALREADY_EXISTS",
                "FAILED_PRECONDITION",
                "RESOURCE_EXHAUSTED",
                "CANCELLED",
                "UNAVAILABLE",
                "DEADLINE_EXCEEDED",
                "INTERNAL"
            ]
        );
    }

    #[test]
    fn did_you_mean() {
        assert_eq!(closest_code("ABORT"), Some("ABORTED"));
        assert_eq!(closest_code("aborted"), Some("ABORTED"));
        assert_eq!(closest_code("NotFound"), Some("NOT_FOUND"));
        assert_eq!(closest_code("ALREADY_EXIST"), Some("ALREADY_EXISTS"));
        assert_eq!(closest_code("conflict"), None);
    }

    #[test]
    fn domains() {
        assert!(check_domain("leads.example.com").is_ok());
        assert!(check_domain("pubsub.googleapis.com").is_ok());
        for bad in [
            "",
            "Leads.example.com",
            "a..b",
            "-a.b",
            "a b",
            "https://x.com",
        ] {
            assert!(check_domain(bad).is_err(), "{bad}");
        }
    }
}
