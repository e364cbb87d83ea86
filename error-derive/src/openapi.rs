//! `#[api(utoipa)]` (with error-core's `utoipa` feature): `impl utoipa::IntoResponses` for
//! the enum. The responses are built at run time by error-core from the catalogue; the one
//! thing only the call site knows is whether the format has an envelope schema, picked here
//! by autoref specialization so that a custom format without one still compiles.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::{format_path, local, Cx};

pub fn expand(cx: &Cx) -> TokenStream {
    let (ident, krate) = (cx.input.ident, cx.krate);
    let (impl_generics, ty_generics, where_clause) = cx.generics.split_for_impl();
    let format = format_path(cx.input).unwrap_or_else(|| quote!(#krate::format::Problem));
    let probe = local("probe");
    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_qualifications)]
        impl #impl_generics #krate::__private::utoipa::IntoResponses
            for #ident #ty_generics #where_clause
        {
            fn responses() -> #krate::__private::openapi::Map {
                #[allow(unused_imports)]
                use #krate::__private::openapi::{KnownSchema as _, NoSchema as _};
                let #probe = #krate::__private::openapi::Probe::<#format>::new();
                #krate::__private::openapi::responses::<Self>((&#probe).envelope_schema())
            }
        }
    }
}
