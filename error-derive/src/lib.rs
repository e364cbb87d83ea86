//! `#[derive(ApiError)]`: use it through `error-core`, which re-exports it and documents it.
//!
//! The derive works in stages, one file each: `attr` parses `#[api(...)]`, `ast` models
//! the input, `valid` checks the catalogue (and only checks), `lower` turns a checked model into the
//! expansion plan (titles, default messages, resolved templates), `expand` generates code
//! (with `generics` for the bounds, and `axum`, `openapi`, `remote`, `tonic` for the integrations an
//! enum asks for), and `fallback` stands in when there were errors.

mod ast;
mod attr;
mod axum;
mod case;
mod errors;
mod expand;
mod fallback;
mod forms;
mod generics;
mod locales;
mod lower;
mod openapi;
mod remote;
mod status;
mod template;
mod tonic;
mod translations;
mod valid;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `error_core::ApiError`; see the `error-core` documentation for the attributes.
#[proc_macro_derive(ApiError, attributes(api))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
