//! With the `client` feature (turned on by error-core's): `impl FromRemote` for the enum,
//! and an inherent `from_remote`, rebuilding a variant from a parsed remote error.
//!
//! The variant is found at run time by error-core (`match_entry`, by code or by status and
//! static message); the generated code maps the entry's code back to a constructor, for the
//! variants whose fields can all be rebuilt: none, the `#[api(fields)]` field (from the
//! remote field errors), the `#[api(retry_after)]` field (from `Retry-After`).
//! `transparent` variants ask the inner type. Whether a field's type can be rebuilt is
//! decided by autoref specialization in error-core, so an enum always compiles.

use proc_macro2::TokenStream;

use crate::ast::Input;
use crate::valid::VariantPlan;

/// `tokens` followed by the `FromRemote` impl when it is wanted.
pub fn extend(mut tokens: TokenStream, input: &Input, plans: &[VariantPlan]) -> TokenStream {
    tokens.extend(expand(input, plans));
    tokens
}

#[cfg(not(feature = "client"))]
fn expand(_: &Input, _: &[VariantPlan]) -> TokenStream {
    TokenStream::new()
}

#[cfg(feature = "client")]
fn expand(input: &Input, plans: &[VariantPlan]) -> TokenStream {
    use quote::{quote, quote_spanned};
    use syn::spanned::Spanned;

    use crate::valid::Kind;

    let ident = input.ident;
    let generics = crate::generics::with_bounds(input, plans);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let path = |variant: &syn::Ident| {
        if input.is_struct() {
            quote!(Self)
        } else {
            quote!(Self::#variant)
        }
    };
    // `(&Probe::<T>::new()).method(..)`: the trait for a `T` that can be rebuilt, else the
    // fallback on `&Probe<T>` (which answers `None`).
    let probe = |ty: &syn::Type, call: TokenStream| {
        quote_spanned!(ty.span()=>
            (&::error_core::__private::remote::Probe::<#ty>::new()).#call
        )
    };
    let mut arms = Vec::new();
    let mut nested = Vec::new();
    for plan in plans {
        let constructor = path(plan.variant.ident);
        match &plan.kind {
            Kind::Transparent(field) => {
                let member = &field.member;
                let inner = probe(field.ty, quote!(inner(__api_code, __api_remote)));
                nested.push(quote! {
                    if let ::core::option::Option::Some(__api_inner) = #inner {
                        return ::core::option::Option::Some(#constructor { #member: __api_inner });
                    }
                });
            }
            Kind::Error(error) => {
                let is = |field: &crate::ast::Field, which: Option<&crate::ast::Field>| {
                    which.is_some_and(|which| which.member == field.member)
                };
                let mut values = Vec::new();
                for field in &plan.variant.fields {
                    let member = &field.member;
                    let value = if is(field, error.fields) {
                        probe(field.ty, quote!(fields(__api_remote)))
                    } else if is(field, error.retry_after) {
                        probe(field.ty, quote!(retry_after(__api_remote)))
                    } else {
                        // A field the envelope does not carry: not rebuilt.
                        values.clear();
                        break;
                    };
                    values.push(quote!(#member: #value?,));
                }
                if values.len() != plan.variant.fields.len() {
                    continue;
                }
                let code = &error.code;
                arms.push(quote! {
                    #code => {
                        let __api_build = || ::core::option::Option::Some(#constructor { #(#values)* });
                        return __api_build();
                    }
                });
            }
        }
    }
    quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::client::FromRemote for #ident #ty_generics #where_clause {
            #[allow(unused_variables, unused_imports, clippy::redundant_closure_call)]
            fn from_remote_code(
                __api_code: &str,
                __api_remote: &::error_core::client::RemoteError,
            ) -> ::core::option::Option<Self> {
                use ::error_core::__private::remote::{
                    Fields as _, Inner as _, NoFields as _, NoInner as _, NoRetryAfter as _,
                    RetryAfter as _,
                };
                match __api_code {
                    #(#arms)*
                    _ => {}
                }
                #(#nested)*
                ::core::option::Option::None
            }
        }

        #[automatically_derived]
        impl #impl_generics #ident #ty_generics #where_clause {
            /// The variant a parsed remote error stands for, if it is known and can be
            /// rebuilt (see `error_core::client::FromRemote`).
            #[allow(dead_code)]
            pub fn from_remote(
                remote: &::error_core::client::RemoteError,
            ) -> ::core::option::Option<Self> {
                <Self as ::error_core::client::FromRemote>::from_remote(remote)
            }
        }
    }
}
