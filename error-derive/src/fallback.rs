//! After a compile error: the error itself plus stand-ins for everything a successful
//! expansion generates (the `ApiError` impl, and each integration the enum asked for), so the
//! user sees what is wrong rather than a cascade of "`ApiError` is not implemented" or
//! "no function `from_remote`" at every use.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::errors::Failure;
use crate::expand::Asked;

pub fn expand(
    input: &DeriveInput,
    failure: Failure,
    krate: &TokenStream,
    format: Option<TokenStream>,
    asked: Asked,
) -> TokenStream {
    // The enum's own format, if it named one: the import of it stays used.
    let format = format.unwrap_or_else(|| quote!(#krate::format::Problem));
    let error = failure.error.map(|error| error.to_compile_error());
    let probes = failure.probes;
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let companions = companions(input, krate, asked);
    quote! {
        #error
        #probes

        #[automatically_derived]
        #[allow(deprecated, unused_qualifications)]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #where_clause {
            type Format = #format;
            const CATALOGUE: &'static [#krate::CatalogueEntry] = &[];

            fn entry(&self) -> &'static #krate::CatalogueEntry {
                &#krate::__private::FALLBACK_ENTRY
            }

            fn status(&self) -> #krate::__private::http::StatusCode {
                #krate::__private::http::StatusCode::INTERNAL_SERVER_ERROR
            }
        }

        #companions
    }
}

/// Stand-ins for the integrations the enum asked for (`IntoResponse`, `IntoResponses`,
/// `FromRemote` and the inherent `from_remote`).
fn companions(input: &DeriveInput, krate: &TokenStream, asked: Asked) -> TokenStream {
    let mut tokens = TokenStream::new();
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    if asked.axum {
        tokens.extend(quote! {
            #[automatically_derived]
            #[allow(deprecated, unused_qualifications)]
            impl #impl_generics #krate::__private::axum::IntoResponse
                for #ident #ty_generics #where_clause
            {
                fn into_response(self) -> #krate::__private::axum::Response {
                    #krate::__private::axum::response(&self, ::core::option::Option::None)
                }
            }
        });
    }
    if asked.utoipa {
        tokens.extend(quote! {
            #[automatically_derived]
            #[allow(deprecated, unused_qualifications)]
            impl #impl_generics #krate::__private::utoipa::IntoResponses
                for #ident #ty_generics #where_clause
            {
                fn responses() -> #krate::__private::openapi::Map {
                    ::core::default::Default::default()
                }
            }
        });
    }
    if asked.client {
        tokens.extend(quote! {
            #[automatically_derived]
            #[allow(deprecated, unused_qualifications)]
            impl #impl_generics #krate::client::FromRemote for #ident #ty_generics #where_clause {
                fn from_remote_code(
                    _: &str,
                    _: &#krate::client::RemoteError,
                ) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
            }

            #[automatically_derived]
            #[allow(deprecated, unused_qualifications)]
            impl #impl_generics #ident #ty_generics #where_clause {
                /// The variant a parsed remote error stands for (a stand-in: the derive
                /// reported an error).
                #[allow(dead_code)]
                pub fn from_remote(
                    remote: &#krate::client::RemoteError,
                ) -> ::core::option::Option<Self> {
                    <Self as #krate::client::FromRemote>::from_remote(remote)
                }
            }
        });
    }
    if asked.tonic {
        tokens.extend(crate::tonic::fallback(input, krate));
    }
    tokens
}
