//! With the `axum` feature (turned on by error-core's): `impl axum::response::IntoResponse`
//! for the enum, so a handler can return `Result<T, LeadError>` directly. The response is
//! rendered by error-core in the request's scope; a 5xx logs the error's source chain when
//! the enum is a `std::error::Error` (found by autoref specialization, so an enum that is not
//! still compiles and logs its status and code).

use proc_macro2::TokenStream;

use crate::ast::Input;
use crate::valid::VariantPlan;

/// `tokens` followed by the `IntoResponse` impl when it is wanted.
pub fn extend(mut tokens: TokenStream, input: &Input, plans: &[VariantPlan]) -> TokenStream {
    tokens.extend(expand(input, plans));
    tokens
}

#[cfg(feature = "axum")]
fn expand(input: &Input, plans: &[VariantPlan]) -> TokenStream {
    use quote::quote;

    let ident = input.ident;
    let generics = crate::generics::with_bounds(input, plans);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::__private::axum::IntoResponse
            for #ident #ty_generics #where_clause
        {
            fn into_response(self) -> ::error_core::__private::axum::Response {
                #[allow(unused_imports)]
                use ::error_core::__private::axum::{WithSource as _, WithoutSource as _};
                let probe = ::error_core::__private::axum::Probe(&self);
                ::error_core::__private::axum::response(&self, (&probe).source_of())
            }
        }
    }
}

#[cfg(not(feature = "axum"))]
fn expand(_input: &Input, _plans: &[VariantPlan]) -> TokenStream {
    TokenStream::new()
}
