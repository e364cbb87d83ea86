//! With the `utoipa` feature (turned on by error-core's): `impl utoipa::IntoResponses` for
//! the enum. The responses are built at run time by error-core from the catalogue; the one
//! thing only the call site knows is whether the format has an envelope schema, picked here
//! by autoref specialization so that a custom format without one still compiles.

use proc_macro2::TokenStream;

use crate::ast::Input;
use crate::valid::VariantPlan;

/// `tokens` (the `ApiError` impl) followed by the `IntoResponses` impl when it is wanted.
pub fn extend(mut tokens: TokenStream, input: &Input, plans: &[VariantPlan]) -> TokenStream {
    tokens.extend(expand(input, plans));
    tokens
}

#[cfg(feature = "utoipa")]
fn expand(input: &Input, plans: &[VariantPlan]) -> TokenStream {
    use quote::{quote, quote_spanned};
    use syn::spanned::Spanned;

    let ident = input.ident;
    let generics = crate::generics::with_bounds(input, plans);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let format = match &input.attrs.format {
        Some(keyed) => {
            let path = &keyed.value;
            quote_spanned!(path.span()=> #path)
        }
        None => quote!(::error_core::format::Problem),
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::__private::utoipa::IntoResponses
            for #ident #ty_generics #where_clause
        {
            fn responses() -> ::error_core::__private::openapi::Map {
                #[allow(unused_imports)]
                use ::error_core::__private::openapi::{KnownSchema as _, NoSchema as _};
                let probe = ::error_core::__private::openapi::Probe::<#format>::new();
                ::error_core::__private::openapi::responses::<Self>((&probe).envelope_schema())
            }
        }
    }
}

#[cfg(not(feature = "utoipa"))]
fn expand(_input: &Input, _plans: &[VariantPlan]) -> TokenStream {
    TokenStream::new()
}
