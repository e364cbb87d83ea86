//! After a compile error: the error itself plus an impl that satisfies the trait, so the
//! user sees what is wrong rather than a cascade of "`ApiError` is not implemented".

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::errors::Failure;

pub fn expand(input: &DeriveInput, failure: Failure) -> TokenStream {
    let error = failure.error.map(|error| error.to_compile_error());
    let probes = failure.probes;
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let companions = companions(input);
    quote! {
        #error
        #probes

        #[automatically_derived]
        impl #impl_generics ::error_core::ApiError for #ident #ty_generics #where_clause {
            type Format = ::error_core::format::Problem;
            const CATALOGUE: &'static [::error_core::CatalogueEntry] = &[];

            fn entry(&self) -> &'static ::error_core::CatalogueEntry {
                &::error_core::__private::FALLBACK_ENTRY
            }

            fn status(&self) -> ::error_core::__private::http::StatusCode {
                ::error_core::__private::http::StatusCode::INTERNAL_SERVER_ERROR
            }
        }

        #companions
    }
}

/// Stand-ins for the impls the derive's features add (`IntoResponse`, `IntoResponses`,
/// `FromRemote`), so code that uses them does not add errors of its own.
fn companions(input: &DeriveInput) -> TokenStream {
    #[allow(unused_mut)]
    let mut tokens = TokenStream::new();
    #[allow(unused_variables)]
    let ident = &input.ident;
    #[allow(unused_variables)]
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    #[cfg(feature = "axum")]
    tokens.extend(quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::__private::axum::IntoResponse
            for #ident #ty_generics #where_clause
        {
            fn into_response(self) -> ::error_core::__private::axum::Response {
                ::error_core::__private::axum::response(&self, ::core::option::Option::None)
            }
        }
    });
    #[cfg(feature = "utoipa")]
    tokens.extend(quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::__private::utoipa::IntoResponses
            for #ident #ty_generics #where_clause
        {
            fn responses() -> ::error_core::__private::openapi::Map {
                ::core::default::Default::default()
            }
        }
    });
    #[cfg(feature = "client")]
    tokens.extend(quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::client::FromRemote for #ident #ty_generics #where_clause {
            fn from_remote_code(
                _: &str,
                _: &::error_core::client::RemoteError,
            ) -> ::core::option::Option<Self> {
                ::core::option::Option::None
            }
        }
    });
    tokens
}
