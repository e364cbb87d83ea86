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
    }
}
