//! `#[api(axum)]` (with error-core's `axum` feature): `impl axum::response::IntoResponse`
//! for the enum, so a handler can return `Result<T, LeadError>` directly. The response is
//! rendered by error-core in the request's scope; a 5xx logs the error's source chain when
//! the enum is a `std::error::Error` (found by autoref specialization, so an enum that is not
//! still compiles and logs its status and code).

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::{local, Cx};

pub fn expand(cx: &Cx) -> TokenStream {
    let (ident, krate) = (cx.input.ident, cx.krate);
    let (impl_generics, ty_generics, where_clause) = cx.generics.split_for_impl();
    let probe = local("probe");
    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_qualifications)]
        impl #impl_generics #krate::__private::axum::IntoResponse
            for #ident #ty_generics #where_clause
        {
            fn into_response(self) -> #krate::__private::axum::Response {
                #[allow(unused_imports)]
                use #krate::__private::axum::{WithSource as _, WithoutSource as _};
                let #probe = #krate::__private::axum::Probe(&self);
                #krate::__private::axum::response(&self, (&#probe).source_of())
            }
        }
    }
}
