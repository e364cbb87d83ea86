//! Bounds for generic enums, computed once for every impl of the expansion: each field
//! type the expansion uses and that mentions a type parameter gets the traits its uses need,
//! merged per type. `bound = "..."` on the enum replaces them (as serde's `bound`).

use std::collections::HashSet;

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{Generics, Type, WherePredicate};

use crate::ast::Input;
use crate::lower::{Kind, Resolved, VariantPlan};

/// The traits one field type needs: each with its tokens as a string, for merging.
type Traits = Vec<(String, TokenStream)>;

pub fn with_bounds(input: &Input, plans: &[VariantPlan], krate: &TokenStream) -> Generics {
    if let Some(keyed) = &input.attrs.bound {
        let mut generics = input.generics.clone();
        let clause = generics.make_where_clause();
        clause.predicates.extend(keyed.value.iter().cloned());
        return generics;
    }
    let params: HashSet<String> = input
        .generics
        .type_params()
        .map(|param| param.ident.to_string())
        .collect();
    let mut generics = input.generics.clone();
    if params.is_empty() {
        return generics;
    }
    // Per field type (as written), the traits it needs, in first-use order.
    let mut bounds: Vec<(String, Type, Traits)> = Vec::new();
    let mut add = |ty: &Type, bound: TokenStream| {
        if !mentions(ty.to_token_stream(), &params) {
            return;
        }
        let key = ty.to_token_stream().to_string();
        let index = match bounds.iter().position(|(k, _, _)| *k == key) {
            Some(index) => index,
            None => {
                bounds.push((key, ty.clone(), Vec::new()));
                bounds.len() - 1
            }
        };
        let traits = &mut bounds[index].2;
        let name = bound.to_string();
        if !traits.iter().any(|(n, _)| *n == name) {
            traits.push((name, bound));
        }
    };
    for plan in plans {
        match &plan.kind {
            Kind::Transparent(field) => add(field.ty, quote!(#krate::ApiError)),
            Kind::Error(error) => {
                for piece in &error.pieces {
                    if let Resolved::Arg { field, spec } = piece {
                        add(field.ty, format_trait(spec));
                    }
                }
                if let Some(field) = error.fields {
                    add(field.ty, quote!(#krate::__private::FieldErrorsField));
                }
                if let Some(field) = error.details {
                    add(field.ty, quote!(#krate::__private::serde::Serialize));
                }
                if let Some(field) = error.retry_after {
                    add(field.ty, quote!(#krate::AsRetryAfter));
                }
                for field in &error.meta_fields {
                    add(field.ty, quote!(::core::fmt::Display));
                }
            }
        }
    }
    let clause = generics.make_where_clause();
    for (_, ty, traits) in bounds {
        let traits = traits.into_iter().map(|(_, bound)| bound);
        if let Ok(predicate) = syn::parse2::<WherePredicate>(quote!(#ty: #(#traits)+*)) {
            clause.predicates.push(predicate);
        }
    }
    generics
}

/// The formatting trait a placeholder's spec asks for (`{x:?}` is `Debug`).
pub fn format_trait(spec: &str) -> TokenStream {
    // `x?` and `X?` are Debug with hexadecimal integers.
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
