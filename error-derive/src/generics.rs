//! Bounds for generic enums, added only for the field types that rendering uses and that
//! mention a type parameter.

use std::collections::HashSet;

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{Generics, Type, WherePredicate};

use crate::ast::Input;
use crate::valid::{Kind, Resolved, VariantPlan};

pub fn with_bounds(input: &Input, plans: &[VariantPlan]) -> Generics {
    let params: HashSet<String> = input
        .generics
        .type_params()
        .map(|param| param.ident.to_string())
        .collect();
    let mut generics = input.generics.clone();
    if params.is_empty() {
        return generics;
    }
    let mut bounds: Vec<(String, TokenStream)> = Vec::new();
    let mut add = |ty: &Type, bound: TokenStream| {
        if mentions(ty.to_token_stream(), &params) {
            let predicate = quote!(#ty: #bound);
            let key = predicate.to_string();
            if !bounds.iter().any(|(k, _)| *k == key) {
                bounds.push((key, predicate));
            }
        }
    };
    for plan in plans {
        match &plan.kind {
            Kind::Transparent(field) => add(field.ty, quote!(::error_core::ApiError)),
            Kind::Error(error) => {
                for piece in &error.pieces {
                    if let Resolved::Arg { field, spec } = piece {
                        add(field.ty, format_trait(spec));
                    }
                }
                if let Some(field) = error.fields {
                    add(field.ty, quote!(::error_core::AsFieldErrors));
                }
                if let Some(field) = error.details {
                    add(field.ty, quote!(::error_core::__private::serde::Serialize));
                }
            }
        }
    }
    let clause = generics.make_where_clause();
    for (_, predicate) in bounds {
        if let Ok(predicate) = syn::parse2::<WherePredicate>(predicate) {
            clause.predicates.push(predicate);
        }
    }
    generics
}

/// The formatting trait a placeholder's spec asks for (`{x:?}` is `Debug`).
pub fn format_trait(spec: &str) -> TokenStream {
    match spec.chars().last() {
        Some('?') => quote!(::core::fmt::Debug),
        Some('x') => quote!(::core::fmt::LowerHex),
        Some('X') => quote!(::core::fmt::UpperHex),
        Some('o') => quote!(::core::fmt::Octal),
        Some('b') => quote!(::core::fmt::Binary),
        Some('e') => quote!(::core::fmt::LowerExp),
        Some('E') => quote!(::core::fmt::UpperExp),
        _ => quote!(::core::fmt::Display),
    }
}

fn mentions(tokens: TokenStream, params: &HashSet<String>) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => params.contains(&ident.to_string()),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}
