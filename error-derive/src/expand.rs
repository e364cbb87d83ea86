//! Code generation from a checked model. Everything static about a variant is escaped here,
//! at compile time, and emitted as string literals.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident};

use crate::ast::{unraw, Field, Input, Variant};
use crate::errors::Errors;
use crate::valid::{self, ErrorPlan, Kind, Resolved, VariantPlan};
use crate::{fallback, generics, status};

pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let Some(model) = Input::from_syn(input, &mut errors) else {
        return match errors.into_result() {
            Err(error) => fallback::expand(input, error),
            Ok(()) => TokenStream::new(),
        };
    };
    let plans = valid::check(&model, &mut errors);
    match errors.into_result() {
        Ok(()) => {
            let tokens = crate::openapi::extend(expand(&model, &plans), &model, &plans);
            let tokens = crate::remote::extend(tokens, &model, &plans);
            crate::axum::extend(tokens, &model, &plans)
        }
        Err(error) => fallback::expand(input, error),
    }
}

fn expand(input: &Input, plans: &[VariantPlan]) -> TokenStream {
    let ident = input.ident;
    let generics = generics::with_bounds(input, plans);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let format = match &input.attrs.format {
        Some(keyed) => {
            let path = &keyed.value;
            quote_spanned!(path.span()=> #path)
        }
        None => quote!(::error_core::format::Problem),
    };
    let mut info = quote!(::error_core::ApiInfo::DEFAULT);
    if let Some(keyed) = &input.attrs.version {
        let version = &keyed.value;
        info = quote!(#info.with_version(#version));
    }
    if let Some(keyed) = &input.attrs.type_base {
        let base = &keyed.value;
        info = quote!(#info.with_type_base(#base));
    }

    let entries = plans.iter().map(catalogue_entry);
    let mut entry_arms = Vec::new();
    let mut status_arms = Vec::new();
    let mut code_arms = Vec::new();
    let mut message_arms = Vec::new();
    let mut fields_arms = Vec::new();
    let mut details_arms = Vec::new();
    let mut retry_arms = Vec::new();
    for (index, plan) in plans.iter().enumerate() {
        let any = pattern(input, plan.variant, &[]);
        match &plan.kind {
            Kind::Transparent(field) => {
                let pat = pattern(input, plan.variant, &[field]);
                let inner = binding(field);
                // Every use goes through `Transparent` at the inner type as written, so a
                // type that is not an `ApiError` gets one error, at the type, not one per
                // method.
                let ty = field.ty;
                let call = |method: TokenStream| {
                    quote_spanned!(ty.span()=>
                        (::error_core::__private::via::<#ty>().#method)(#inner)
                    )
                };
                let entry = call(quote!(entry));
                let status = call(quote!(status));
                let code = call(quote!(code));
                let fields = call(quote!(field_errors));
                let details = call(quote!(details));
                let retry = call(quote!(retry_after));
                entry_arms.push(quote!(#pat => #entry,));
                status_arms.push(quote!(#pat => #status,));
                code_arms.push(quote!(#pat => #code,));
                let message = quote_spanned!(ty.span()=>
                    (::error_core::__private::via::<#ty>().write_message)(#inner, __api_sink)
                );
                message_arms.push(quote!(#pat => #message,));
                fields_arms.push(quote!(#pat => #fields,));
                details_arms.push(quote!(#pat => #details,));
                retry_arms.push(quote!(#pat => #retry,));
            }
            Kind::Error(error) => {
                entry_arms
                    .push(quote!(#any => &<Self as ::error_core::ApiError>::CATALOGUE[#index],));
                let status = status_const(error.status);
                status_arms.push(quote!(#any => #status,));
                let code = &error.code;
                code_arms.push(quote!(#any => #code,));
                message_arms.push(message_arm(input, plan.variant, error));
                fields_arms.push(match error.fields {
                    Some(field) => {
                        let pat = pattern(input, plan.variant, &[field]);
                        let bound = binding(field);
                        let value = quote_spanned!(field.ty.span()=>
                            ::error_core::__private::as_field_errors(#bound)
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
                            ::error_core::__private::as_details(#bound)
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
                            ::error_core::__private::as_retry_after(#bound)
                        );
                        quote!(#pat => #value,)
                    }
                    None => quote!(#any => ::core::option::Option::None,),
                });
            }
        }
    }

    quote! {
        #[automatically_derived]
        impl #impl_generics ::error_core::ApiError for #ident #ty_generics #where_clause {
            type Format = #format;

            const CATALOGUE: &'static [::error_core::CatalogueEntry] = &[#(#entries),*];

            const INFO: ::error_core::ApiInfo = #info;

            #[inline]
            fn entry(&self) -> &'static ::error_core::CatalogueEntry {
                match self { #(#entry_arms)* }
            }

            #[inline]
            fn status(&self) -> ::error_core::__private::http::StatusCode {
                match self { #(#status_arms)* }
            }

            #[inline]
            fn code(&self) -> &'static str {
                match self { #(#code_arms)* }
            }

            fn write_message(&self, __api_sink: &mut dyn ::error_core::MessageSink) {
                match self { #(#message_arms)* }
            }

            fn field_errors(&self) -> ::core::option::Option<&::error_core::FieldErrors> {
                match self { #(#fields_arms)* }
            }

            fn details(&self) -> ::core::option::Option<&dyn ::error_core::Details> {
                match self { #(#details_arms)* }
            }

            fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                match self { #(#retry_arms)* }
            }
        }
    }
}

/// `Self::Variant { member: __api_member, .. }` binding the given fields (`Self { .. }` for
/// a struct).
fn pattern(input: &Input, variant: &Variant, fields: &[&Field]) -> TokenStream {
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

/// The local a field is bound to, spanned at the field's type: a trait the field's use
/// needs and its type lacks is then reported at the type.
fn binding(field: &Field) -> Ident {
    format_ident!("__api_{}", field.placeholder_name(), span = field.ty.span())
}

fn message_arm(input: &Input, variant: &Variant, error: &ErrorPlan) -> TokenStream {
    if !error.templated {
        let any = pattern(input, variant, &[]);
        let text = &error.message;
        let escaped = escape(text);
        return quote!(#any => __api_sink.literal(#text, #escaped),);
    }
    let used: Vec<&Field> = error
        .pieces
        .iter()
        .filter_map(|piece| match piece {
            Resolved::Arg { field, .. } => Some(*field),
            Resolved::Text(_) => None,
        })
        .collect();
    let pat = pattern(input, variant, &used);
    let calls = error.pieces.iter().map(|piece| match piece {
        Resolved::Text(text) => {
            let escaped = escape(text);
            quote!(__api_sink.literal(#text, #escaped);)
        }
        Resolved::Arg { field, spec } => {
            let bound = binding(field);
            let span = field.ty.span();
            if spec.is_empty() && is_integer(field.ty) {
                // Integers skip `fmt`: a third of a templated rendering, measured.
                quote!(::error_core::__private::write_integer(__api_sink, *#bound);)
            } else if spec.is_empty() {
                let value = quote_spanned!(span=> &#bound);
                quote!(__api_sink.display(#value);)
            } else {
                let format = syn::LitStr::new(&format!("{{:{spec}}}"), span);
                quote!(__api_sink.display(&::core::format_args!(#format, #bound));)
            }
        }
    });
    quote!(#pat => { #(#calls)* })
}

/// Whether `ty` is written as a primitive integer type (`u64`, `i32`, …).
fn is_integer(ty: &syn::Type) -> bool {
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

fn catalogue_entry(plan: &VariantPlan) -> TokenStream {
    let variant = unraw(plan.variant.ident);
    match &plan.kind {
        Kind::Transparent(field) => {
            let ty = field.ty;
            let inner = quote_spanned!(ty.span()=>
                ::error_core::__private::via::<#ty>().catalogue
            );
            quote!(::error_core::CatalogueEntry::__transparent(#variant, #inner))
        }
        Kind::Error(error) => {
            let status = error.status;
            let digits = status.to_string();
            let code = &error.code;
            let code_json = escape(code);
            let message = &error.message;
            let message_json = escape(message);
            let templated = error.templated;
            let action = match &error.action {
                Some(action) => quote!(::core::option::Option::Some(#action)),
                None => quote!(::core::option::Option::None),
            };
            let title = error.title;
            let mut entry = quote! {
                ::error_core::CatalogueEntry::__new(
                    #variant, #status, #digits, #code, #code_json, #message, #message_json,
                    #templated, #action, #title,
                )
            };
            if error.fields.is_some() || error.details.is_some() {
                let (fields, details) = (error.fields.is_some(), error.details.is_some());
                entry = quote!(#entry.__with_shape(#fields, #details));
            }
            if let Some(challenge) = &error.www_authenticate {
                entry = quote!(#entry.__with_www_authenticate(#challenge));
            }
            if error.retry_after.is_some() {
                entry = quote!(#entry.__with_retry_after());
            }
            entry
        }
    }
}

fn status_const(code: u16) -> TokenStream {
    match status::known(code) {
        Some(known) => {
            let constant = Ident::new(known.constant, Span::call_site());
            quote!(::error_core::__private::http::StatusCode::#constant)
        }
        None => quote!({
            const STATUS: ::error_core::__private::http::StatusCode =
                ::error_core::__private::status(#code);
            STATUS
        }),
    }
}

/// JSON string contents exactly as serde_json writes them (it does the escaping).
fn escape(text: &str) -> String {
    match serde_json::to_string(text) {
        Ok(quoted) => quoted
            .get(1..quoted.len().saturating_sub(1))
            .unwrap_or_default()
            .to_owned(),
        Err(_) => String::new(),
    }
}
