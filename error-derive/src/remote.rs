//! `#[api(client)]` (with error-core's `client` feature): `impl FromRemote` for the enum,
//! and an inherent `from_remote`, rebuilding a variant from a parsed remote error.
//!
//! The variant is found at run time by error-core (`match_entry`, by code or by status and
//! static message); the generated code maps the entry's code back to a constructor, for the
//! variants whose fields can all be rebuilt: none, the `#[api(fields)]` field (from the
//! remote field errors), the `#[api(retry_after)]` field (from `Retry-After`).
//! `transparent` variants ask the inner type. Whether a field's type can be rebuilt is
//! decided by autoref specialization in error-core, so an enum always compiles.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::expand::{local, Cx};
use crate::lower::Kind;

pub fn expand(cx: &Cx) -> TokenStream {
    let (input, plans, krate) = (cx.input, cx.plans, cx.krate);
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = cx.generics.split_for_impl();
    let (code_local, remote_local) = (local("code"), local("remote"));
    let (inner_local, build_local) = (local("inner"), local("build"));

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
            (&#krate::__private::remote::Probe::<#ty>::new()).#call
        )
    };
    let mut arms = Vec::new();
    let mut nested = Vec::new();
    for plan in plans {
        let constructor = path(plan.variant.ident);
        match &plan.kind {
            Kind::Transparent(field) => {
                let member = &field.member;
                let inner = probe(field.ty, quote!(inner(#code_local, #remote_local)));
                nested.push(quote! {
                    if let ::core::option::Option::Some(#inner_local) = #inner {
                        return ::core::option::Option::Some(#constructor { #member: #inner_local });
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
                        probe(field.ty, quote!(fields(#remote_local)))
                    } else if is(field, error.retry_after) {
                        probe(field.ty, quote!(retry_after(#remote_local)))
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
                        let #build_local = || ::core::option::Option::Some(#constructor { #(#values)* });
                        return #build_local();
                    }
                });
            }
        }
    }
    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_qualifications)]
        impl #impl_generics #krate::client::FromRemote for #ident #ty_generics #where_clause {
            #[allow(unused_variables, unused_imports, clippy::redundant_closure_call)]
            fn from_remote_code(
                #code_local: &str,
                #remote_local: &#krate::client::RemoteError,
            ) -> ::core::option::Option<Self> {
                use #krate::__private::remote::{
                    Fields as _, Inner as _, NoFields as _, NoInner as _, NoRetryAfter as _,
                    RetryAfter as _,
                };
                match #code_local {
                    #(#arms)*
                    _ => {}
                }
                #(#nested)*
                ::core::option::Option::None
            }
        }

        #[automatically_derived]
        #[allow(deprecated, unused_qualifications)]
        impl #impl_generics #ident #ty_generics #where_clause {
            /// The variant a parsed remote error stands for, if it is known and can be
            /// rebuilt (see `error_core::client::FromRemote`).
            #[allow(dead_code)]
            pub fn from_remote(
                remote: &#krate::client::RemoteError,
            ) -> ::core::option::Option<Self> {
                <Self as #krate::client::FromRemote>::from_remote(remote)
            }
        }
    }
}
