//! Code generation from a checked model. Everything static about a variant is escaped here,
//! at compile time, and emitted as string literals.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident};

use crate::ast::{unraw, Field, Input, Variant};
use crate::errors::Errors;
use crate::lower::{self, ErrorPlan, Kind, Resolved, VariantPlan};
use crate::valid;
use crate::{fallback, generics, status};

pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let Some(model) = Input::from_syn(input, &mut errors) else {
        return match errors.into_result() {
            Err(error) => fallback::expand(input, error, &default_crate(), None, Asked::default()),
            Ok(()) => TokenStream::new(),
        };
    };
    let krate = match &model.attrs.krate {
        Some(keyed) => keyed.value.to_token_stream(),
        None => default_crate(),
    };
    let asked = Asked {
        axum: model.attrs.axum.is_some() && cfg!(feature = "axum"),
        utoipa: model.attrs.utoipa.is_some() && cfg!(feature = "utoipa"),
        client: model.attrs.client.is_some() && cfg!(feature = "client"),
        tonic: model.attrs.tonic.is_some() && cfg!(feature = "tonic"),
    };
    valid::check(&model, &mut errors);
    let locales = crate::locales::load(&model, &mut errors);
    match errors.into_result() {
        Ok(()) => {
            let plans = lower::lower(&model, locales.as_ref());
            // The bounds are computed once, for every impl.
            let generics = generics::with_bounds(&model, &plans, &krate);
            let cx = Cx {
                input: &model,
                plans: &plans,
                krate: &krate,
                generics: &generics,
            };
            let mut tokens = expand(&cx, locales.as_ref());
            if asked.utoipa {
                tokens.extend(crate::openapi::expand(&cx));
            }
            if asked.client {
                tokens.extend(crate::remote::expand(&cx));
            }
            if asked.axum {
                tokens.extend(crate::axum::expand(&cx));
            }
            if asked.tonic {
                tokens.extend(crate::tonic::expand(&cx));
            }
            tokens
        }
        Err(error) => fallback::expand(input, error, &krate, format_path(&model), asked),
    }
}

/// What every stage of the expansion shares.
pub struct Cx<'a> {
    pub input: &'a Input<'a>,
    pub plans: &'a [VariantPlan<'a>],
    /// The path error-core is reached at: `::error_core`, or the enum's `crate = ...`.
    pub krate: &'a TokenStream,
    /// The enum's generics with the inferred (or `bound = ...`) bounds.
    pub generics: &'a syn::Generics,
}

/// The integrations an enum asked for (and whose feature is on).
#[derive(Clone, Copy, Default)]
pub struct Asked {
    pub axum: bool,
    pub utoipa: bool,
    pub client: bool,
    pub tonic: bool,
}

/// The type of the enum's `format = ...`, spanned at the path so that rustc's "not a
/// `Format`" error points there.
pub fn format_path(input: &Input) -> Option<TokenStream> {
    input.attrs.format.as_ref().map(|keyed| {
        let path = &keyed.value.ty;
        quote_spanned!(path.span()=> #path)
    })
}

/// `fn format()` for a settings expression: evaluated once, at compile time, in an inline
/// `const` spanned at the expression (so a call that is not `const`, or a value of another
/// type, is reported there).
fn format_fn(input: &Input) -> Option<TokenStream> {
    let keyed = input.attrs.format.as_ref()?;
    let value = keyed.value.value.as_ref()?;
    let ty = &keyed.value.ty;
    let body = quote_spanned!(value.span()=> const { #value });
    Some(quote! {
        #[inline]
        fn format() -> #ty {
            #body
        }
    })
}

fn default_crate() -> TokenStream {
    quote!(::error_core)
}

/// A name for a local of the expansion: resolved where the macro is defined, so no field,
/// item or local of the user's can shadow it or be shadowed by it.
pub fn local(name: &str) -> Ident {
    Ident::new(name, Span::mixed_site())
}

fn expand(cx: &Cx, locales: Option<&crate::locales::Locales>) -> TokenStream {
    let (input, plans, krate) = (cx.input, cx.plans, cx.krate);
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = cx.generics.split_for_impl();
    let sink = local("sink");

    let format = format_path(input).unwrap_or_else(|| quote!(#krate::format::Problem));
    let format_fn = format_fn(input);
    let mut info = quote!(#krate::ApiInfo::DEFAULT);
    if let Some(keyed) = &input.attrs.version {
        let version = &keyed.value;
        info = quote!(#info.with_version(#version));
    }
    if let Some(keyed) = &input.attrs.type_base {
        let base = &keyed.value;
        info = quote!(#info.with_type_base(#base));
    }
    if let (Some(keyed), false) = (&input.attrs.meta, input.is_struct()) {
        let pairs = keyed.value.iter().map(|pair| {
            let key = pair.key.to_string();
            let value = &pair.value;
            quote!((#key, #value))
        });
        info = quote!(#info.with_meta(&[#(#pairs),*]));
    }
    let visitor = local("visitor");
    let visit = local("visit");
    let mut placeholder_arms = Vec::new();
    let mut chain_arms = Vec::new();

    let entries = plans
        .iter()
        .map(|plan| catalogue_entry(plan, krate, locales));
    let mut entry_arms = Vec::new();
    let mut status_arms = Vec::new();
    let mut code_arms = Vec::new();
    let mut message_arms = Vec::new();
    let mut fields_arms = Vec::new();
    let mut details_arms = Vec::new();
    let mut retry_arms = Vec::new();
    let mut info_arms = Vec::new();
    let mut forwards_info = false;
    let mut transparent = Vec::new();
    for (index, plan) in plans.iter().enumerate() {
        let any = pattern(input, plan.variant, &[]);
        match &plan.kind {
            Kind::Transparent(field) => {
                transparent.push(any.clone());
                let pat = pattern(input, plan.variant, &[field]);
                let inner = binding(field);
                // Every use goes through `Transparent` at the inner type as written, so a
                // type that is not an `ApiError` gets one error, at the type, not one per
                // method.
                let ty = field.ty;
                let call = |method: TokenStream| {
                    quote_spanned!(ty.span()=>
                        (#krate::__private::via::<#ty>().#method)(#inner)
                    )
                };
                let entry = call(quote!(entry));
                let status = call(quote!(status));
                let code = call(quote!(code));
                let fields = call(quote!(field_errors));
                let details = call(quote!(details));
                let retry = call(quote!(retry_after));
                let info = call(quote!(info));
                entry_arms.push(quote!(#pat => #entry,));
                status_arms.push(quote!(#pat => #status,));
                code_arms.push(quote!(#pat => #code,));
                let message = quote_spanned!(ty.span()=>
                    (#krate::__private::via::<#ty>().write_message)(#inner, #sink)
                );
                message_arms.push(quote!(#pat => #message,));
                fields_arms.push(quote!(#pat => #fields,));
                details_arms.push(quote!(#pat => #details,));
                retry_arms.push(quote!(#pat => #retry,));
                info_arms.push(quote!(#pat => #krate::__private::info_or(#info, <Self as #krate::ApiError>::INFO),));
                forwards_info = true;
                let placeholders = quote_spanned!(ty.span()=>
                    (#krate::__private::via::<#ty>().write_placeholders)(#inner, #visitor)
                );
                placeholder_arms.push(quote!(#pat => #placeholders,));
                let chain = quote_spanned!(ty.span()=>
                    (#krate::__private::via::<#ty>().visit_chain)(#inner, #visit)
                );
                chain_arms.push(quote!(#pat => {
                    #visit(&<Self as #krate::ApiError>::CATALOGUE[#index]);
                    #chain
                }));
            }
            Kind::Error(error) => {
                entry_arms.push(quote!(#any => &<Self as #krate::ApiError>::CATALOGUE[#index],));
                placeholder_arms.push(placeholders_arm(input, plan.variant, error, &visitor));
                chain_arms.push(quote!(#any => {}));
                // `grpc = "…"` is checked against the status in `tonic::check`, once.
                info_arms.push(quote!(#any => <Self as #krate::ApiError>::INFO,));
                let status = status_const(error.status, krate);
                status_arms.push(quote!(#any => #status,));
                let code = &error.code;
                code_arms.push(quote!(#any => #code,));
                message_arms.push(message_arm(input, plan.variant, error, krate, &sink));
                fields_arms.push(match error.fields {
                    Some(field) => {
                        let pat = pattern(input, plan.variant, &[field]);
                        let bound = binding(field);
                        let value = quote_spanned!(field.ty.span()=>
                            #krate::__private::as_field_errors(#bound)
                        );
                        quote!(#pat => ::core::option::Option::Some(#value),)
                    }
                    None => quote!(#any => ::core::option::Option::None,),
                });
                details_arms.push(match error.details {
                    Some(field) => {
                        let pat = pattern(input, plan.variant, &[field]);
                        let bound = binding(field);
                        let value = quote_spanned!(field.ty.span()=>
                            #krate::__private::as_details(#bound)
                        );
                        quote!(#pat => ::core::option::Option::Some(#value),)
                    }
                    None => quote!(#any => ::core::option::Option::None,),
                });
                retry_arms.push(match error.retry_after {
                    Some(field) => {
                        let pat = pattern(input, plan.variant, &[field]);
                        let bound = binding(field);
                        let value = quote_spanned!(field.ty.span()=>
                            #krate::__private::as_retry_after(#bound)
                        );
                        quote!(#pat => #value,)
                    }
                    None => quote!(#any => ::core::option::Option::None,),
                });
            }
        }
    }

    // A variant of the enum's own has its entry's cached bodies; a `transparent` one goes
    // piece by piece (its chain and settings are not the inner enum's).
    let own_bodies = quote!(#krate::__private::static_bodies(
        <Self as #krate::ApiError>::entry(self)
    ));
    let static_bodies = if transparent.is_empty() {
        own_bodies
    } else {
        quote!(match self {
            #(#transparent)|* => ::core::option::Option::None,
            #[allow(unreachable_patterns)]
            _ => #own_bodies,
        })
    };
    let translated = crate::translations::expand(cx, locales);
    let info_fn = forwards_info.then(|| {
        quote! {
            fn info(&self) -> #krate::ApiInfo {
                match self { #(#info_arms)* }
            }

            fn visit_chain(
                &self,
                #visit: &mut dyn ::core::ops::FnMut(&'static #krate::CatalogueEntry),
            ) {
                match self { #(#chain_arms)* }
            }
        }
    });

    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_qualifications)]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #where_clause {
            type Format = #format;

            #format_fn

            const CATALOGUE: &'static [#krate::CatalogueEntry] = &[#(#entries),*];

            const INFO: #krate::ApiInfo = #info;

            #info_fn

            #[inline]
            fn entry(&self) -> &'static #krate::CatalogueEntry {
                match self { #(#entry_arms)* }
            }

            #[inline]
            fn status(&self) -> #krate::__private::http::StatusCode {
                match self { #(#status_arms)* }
            }

            #[inline]
            fn code(&self) -> &'static str {
                match self { #(#code_arms)* }
            }

            #translated

            fn write_message(&self, #sink: &mut dyn #krate::MessageSink) {
                match self { #(#message_arms)* }
            }

            fn field_errors(&self) -> ::core::option::Option<&#krate::FieldErrors> {
                match self { #(#fields_arms)* }
            }

            fn details(&self) -> ::core::option::Option<&dyn #krate::Details> {
                match self { #(#details_arms)* }
            }

            fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                match self { #(#retry_arms)* }
            }

            fn write_placeholders(&self, #visitor: &mut dyn #krate::PlaceholderVisitor) {
                match self { #(#placeholder_arms)* }
            }

            #[inline]
            fn __static_bodies(
                &self,
            ) -> ::core::option::Option<&'static #krate::__private::StaticBodies> {
                #static_bodies
            }
        }

    }
}

/// The arm of `write_placeholders`: each field the message names, once, formatted with the
/// spec of its first use, then each `#[api(meta)]` field not named in the message.
fn placeholders_arm(
    input: &Input,
    variant: &Variant,
    error: &ErrorPlan,
    visitor: &Ident,
) -> TokenStream {
    let mut seen: Vec<String> = Vec::new();
    let mut used: Vec<&Field> = Vec::new();
    let mut calls = Vec::new();
    let named = error.pieces.iter().filter_map(|piece| match piece {
        Resolved::Arg { field, spec } => Some((*field, spec.as_str())),
        Resolved::Text(_) => None,
    });
    let meta = error.meta_fields.iter().map(|field| (*field, ""));
    for (field, spec) in named.chain(meta) {
        let name = field.placeholder_name();
        if seen.contains(&name) {
            continue;
        }
        seen.push(name.clone());
        used.push(field);
        let bound = binding(field);
        let span = field.ty.span();
        // The same expressions as the message's, so that a missing trait is one error.
        if spec.is_empty() {
            let value = quote_spanned!(span=> &#bound);
            calls.push(quote!(#visitor.value(#name, #value);));
        } else {
            let format = syn::LitStr::new(&format!("{{:{spec}}}"), span);
            calls.push(quote!(#visitor.value(#name, &::core::format_args!(#format, #bound));));
        }
    }
    let pat = pattern(input, variant, &used);
    quote!(#pat => { #(#calls)* })
}

/// `Self::Variant { member: __api_member, .. }` binding the given fields (`Self { .. }` for
/// a struct).
pub fn pattern(input: &Input, variant: &Variant, fields: &[&Field]) -> TokenStream {
    let mut seen: Vec<String> = Vec::new();
    let mut bindings = Vec::new();
    for field in fields {
        let name = field.placeholder_name();
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let member = &field.member;
        let bound = binding(field);
        bindings.push(quote!(#member: #bound,));
    }
    if input.is_struct() {
        quote!(Self { #(#bindings)* .. })
    } else {
        let ident = variant.ident;
        quote!(Self::#ident { #(#bindings)* .. })
    }
}

/// The local a field is bound to: hygienic (see [`local`]), located at the field's type so
/// that a trait the field's use needs and its type lacks is reported at the type.
pub fn binding(field: &Field) -> Ident {
    let span = Span::mixed_site().located_at(field.ty.span());
    format_ident!("field_{}", field.placeholder_name(), span = span)
}

fn message_arm(
    input: &Input,
    variant: &Variant,
    error: &ErrorPlan,
    krate: &TokenStream,
    sink: &Ident,
) -> TokenStream {
    let literal = |text: &str| {
        let escaped = escape(text);
        quote!(#sink.__literal(#krate::__private::Literal::new(#text, #escaped));)
    };
    if !error.templated {
        let any = pattern(input, variant, &[]);
        let call = literal(&error.message);
        return quote!(#any => { #call });
    }
    let used: Vec<&Field> = error.placeholders().collect();
    let pat = pattern(input, variant, &used);
    let calls = error.pieces.iter().map(|piece| match piece {
        Resolved::Text(text) => literal(text),
        Resolved::Arg { field, spec } => {
            let bound = binding(field);
            let span = field.ty.span();
            if spec.is_empty() && is_integer(field.ty) {
                // Integers skip `fmt`: a third of a templated rendering, measured.
                quote!(#krate::__private::write_integer(#sink, *#bound);)
            } else if spec.is_empty() {
                let value = quote_spanned!(span=> &#bound);
                quote!(#sink.display(#value);)
            } else {
                let format = syn::LitStr::new(&format!("{{:{spec}}}"), span);
                quote!(#sink.display(&::core::format_args!(#format, #bound));)
            }
        }
    });
    quote!(#pat => { #(#calls)* })
}

/// Whether `ty` is written as a primitive integer type (`u64`, `i32`, …).
pub fn is_integer(ty: &syn::Type) -> bool {
    const INTEGERS: [&str; 12] = [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
    ];
    match ty {
        syn::Type::Path(path) if path.qself.is_none() => path
            .path
            .get_ident()
            .is_some_and(|ident| INTEGERS.iter().any(|name| ident == name)),
        _ => false,
    }
}

fn catalogue_entry(
    plan: &VariantPlan,
    krate: &TokenStream,
    locales: Option<&crate::locales::Locales>,
) -> TokenStream {
    let variant = unraw(plan.variant.ident);
    match &plan.kind {
        Kind::Transparent(field) => {
            let ty = field.ty;
            let inner = quote_spanned!(ty.span()=>
                #krate::__private::via::<#ty>().catalogue
            );
            let inner_info = quote_spanned!(ty.span()=>
                #krate::__private::via::<#ty>().static_info
            );
            let mut entry = quote!(#krate::__private::transparent(#variant, #inner, #inner_info));
            if !plan.meta.is_empty() {
                let pairs = plan.meta.iter().map(|(k, v)| quote!((#k, #v)));
                entry = quote!(#entry.with_meta(&[#(#pairs),*]));
            }
            entry
        }
        Kind::Error(error) => {
            let status = error.status;
            let code = &error.code;
            let code_json = escape(code);
            let message = &error.message;
            let message_json = escape(message);
            let templated = error.templated;
            let title = error.title;
            let mut entry = quote! {
                #krate::__private::entry(
                    #variant, #status, #code, #code_json, #message, #message_json, #templated,
                    #title,
                )
            };
            if let Some(action) = &error.action {
                entry = quote!(#entry.with_action(#action));
            }
            let shape = (
                error.fields.is_some(),
                error.details.is_some(),
                error.retry_after.is_some(),
            );
            if shape != (false, false, false) {
                let (fields, details, retry) = shape;
                entry = quote!(#krate::__private::with_shape(#entry, #fields, #details, #retry));
            }
            let names: Vec<String> = error.placeholders().map(Field::placeholder_name).collect();
            if !names.is_empty() {
                entry = quote!(#krate::__private::with_placeholders(#entry, &[#(#names),*]));
            }
            if let Some(challenge) = &error.www_authenticate {
                entry = quote!(#entry.with_www_authenticate(#challenge));
            }
            if !plan.meta.is_empty() {
                let pairs = plan.meta.iter().map(|(k, v)| quote!((#k, #v)));
                entry = quote!(#entry.with_meta(&[#(#pairs),*]));
            }
            if let Some(docs) = &error.docs {
                entry = quote!(#entry.with_docs(#docs));
            }
            let form = |text: &Option<String>| match text {
                Some(text) => quote!(::core::option::Option::Some(#text)),
                None => quote!(::core::option::Option::None),
            };
            let (reason, pascal) = (form(&error.reason), form(&error.pascal));
            let canonical = match &error.canonical {
                Some(lit) => {
                    let variant =
                        Ident::new(&crate::forms::canonical_variant(&lit.value()), lit.span());
                    quote!(::core::option::Option::Some(#krate::grpc::Code::#variant))
                }
                None => quote!(::core::option::Option::None),
            };
            entry = quote!(#krate::__private::with_forms(#entry, #reason, #pascal, #canonical));
            if !error.templated && !shape.0 && !shape.1 {
                // The body is the same at every rendering but for the timestamp: the
                // formats lay it out once, in this variant's own `static`.
                // AIP-193 writes `meta` and `retry_after` values: not the same every time.
                let bodies = if error.retry_after.is_some() || !error.meta_fields.is_empty() {
                    quote!(with_values)
                } else {
                    quote!(new)
                };
                // The locales with a translation of this message: each gets its own bodies.
                let translated: Vec<&str> = locales
                    .map(|locales| {
                        locales
                            .translations
                            .iter()
                            .filter(|(_, messages)| messages.contains_key(&error.code))
                            .map(|(name, _)| name.as_str())
                            .collect()
                    })
                    .unwrap_or_default();
                entry = quote!(#krate::__private::with_static_bodies(#entry, {
                    static BODIES: #krate::__private::StaticBodies =
                        #krate::__private::StaticBodies::#bodies().in_locales(&[#(#translated),*]);
                    &BODIES
                }));
            }
            entry
        }
    }
}

fn status_const(code: u16, krate: &TokenStream) -> TokenStream {
    match status::known(code) {
        Some(known) => {
            let constant = Ident::new(known.constant, Span::call_site());
            quote!(#krate::__private::http::StatusCode::#constant)
        }
        None => quote!({
            const STATUS: #krate::__private::http::StatusCode =
                #krate::__private::status(#code);
            STATUS
        }),
    }
}

/// JSON string contents exactly as serde_json writes them (it does the escaping).
pub fn escape(text: &str) -> String {
    match serde_json::to_string(text) {
        Ok(quoted) => quoted
            .get(1..quoted.len().saturating_sub(1))
            .unwrap_or_default()
            .to_owned(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::derive;

    fn expand(source: &str) -> String {
        let input: syn::DeriveInput = syn::parse_str(source).unwrap();
        derive(&input).to_string()
    }

    /// With `crate = ...`, every path of the expansion goes through it: none is left at
    /// `::error_core` (the pass case `crate-path.rs` can only show that it compiles, as the
    /// test crate depends on error-core by that name).
    #[test]
    fn crate_path_reaches_every_generated_path() {
        // The integrations this build of the derive can generate.
        let asked: String = [
            ("axum, ", cfg!(feature = "axum")),
            ("utoipa, ", cfg!(feature = "utoipa")),
            ("client, ", cfg!(feature = "client")),
            (
                "tonic, grpc_domain = \"e.example.com\", ",
                cfg!(feature = "tonic"),
            ),
        ]
        .iter()
        .filter(|(_, on)| *on)
        .map(|(key, _)| *key)
        .collect();
        let source = r#"
            #[api(crate = "my::core_reexport", ASKED type_base = "https://e.com/")]
            enum E<T> {
                #[api(status = 404, message = "Lead {0} was not found.")]
                NotFound(T),
                #[api(status = 422)]
                Invalid(#[api(fields)] F),
                GRPC
                #[api(status = 429)]
                Slow(#[api(retry_after)] u64),
                #[api(transparent)]
                Inner(I),
            }
        "#
        .replace("ASKED", &asked)
        .replace(
            "GRPC",
            if cfg!(feature = "tonic") {
                r#"#[api(status = 409, grpc = "ABORTED")] Conflict,"#
            } else {
                ""
            },
        );
        let tokens = expand(&source);
        assert!(
            tokens.contains("my :: core_reexport :: ApiError"),
            "{tokens}"
        );
        // (The doc comment of `from_remote` names `error_core::client` in prose.)
        assert!(!tokens.contains("error_core ::"), "{tokens}");
        assert!(!tokens.contains("compile_error"), "{tokens}");

        // The fallback too.
        let broken = source.replace("status = 404", "status = 200");
        let tokens = expand(&broken);
        assert!(tokens.contains("compile_error"), "{tokens}");
        assert!(!tokens.contains("error_core ::"), "{tokens}");
    }

    /// An integration is generated only when the enum asks for it.
    #[test]
    fn integrations_are_opt_in() {
        let tokens = expand("enum E { #[api(status = 404)] NotFound }");
        for integration in [
            "IntoResponse",
            "IntoResponses",
            "FromRemote",
            "from_remote",
            "__derive :: Status",
        ] {
            assert!(!tokens.contains(integration), "{integration}: {tokens}");
        }
    }

    /// Every local the expansion introduces is hygienic (`Span::mixed_site`): the names
    /// can be anything without clashing with a field, so no `__api_` prefix is left.
    #[test]
    fn no_prefixed_locals() {
        let client = if cfg!(feature = "client") {
            "#[api(client)]"
        } else {
            ""
        };
        let tokens = expand(&format!(
            r#"{client} enum E {{
                #[api(status = 404, message = "{{sink}}")] A {{ sink: u8 }},
                #[api(transparent)] B(I),
            }}"#
        ));
        assert!(!tokens.contains("__api"), "{tokens}");
    }

    /// Asking for an integration is an error naming the feature when it is off, and
    /// generates it when it is on (`cargo test -p error-derive` checks the first,
    /// `--all-features` the second).
    #[test]
    fn an_integration_needs_its_feature() {
        for (key, on, generated) in [
            ("axum", cfg!(feature = "axum"), "IntoResponse for E"),
            ("utoipa", cfg!(feature = "utoipa"), "IntoResponses for E"),
            ("client", cfg!(feature = "client"), "fn from_remote"),
            (
                "tonic, grpc_domain = \"e.example.com\"",
                cfg!(feature = "tonic"),
                "for :: error_core :: grpc :: __derive :: Status",
            ),
        ] {
            let tokens = expand(&format!(
                "#[api({key})] enum E {{ #[api(status = 404)] Absent }}"
            ));
            let key = key.split(',').next().unwrap_or_default();
            if on {
                assert!(tokens.contains(generated), "{key}: {tokens}");
                assert!(!tokens.contains("compile_error"), "{key}: {tokens}");
            } else {
                let message = format!("needs error-core's `{key}` feature");
                assert!(tokens.contains(&message), "{key}: {tokens}");
                assert!(!tokens.contains(generated), "{key}: {tokens}");
            }
        }
    }
}
