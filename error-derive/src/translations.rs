//! `write_message_in`: each translation checked by `locales`, escaped here at compile time,
//! as a match arm per (locale, variant). `transparent` variants forward to the inner error.
//! Each Fluent file is `include_bytes!`-ed so that the build reruns when it changes.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::Field;
use crate::expand::{binding, escape, is_integer, local, pattern, Cx};
use crate::locales::{Locales, Piece};
use crate::lower::Kind;

/// `__write_field_message_in`: the enum's `field-<slug>` messages, a match arm per (locale,
/// kind), the fallback locale's also answering `None`.
fn field_messages(cx: &Cx, locales: Option<&Locales>) -> TokenStream {
    let krate = cx.krate;
    let Some(locales) = locales else {
        return TokenStream::new();
    };
    let locale = local("locale");
    let kind = local("kind");
    let path = local("path");
    let out = local("out");
    let mut arms = Vec::new();
    for (name, messages) in &locales.field_messages {
        for (slug, pieces) in messages {
            let pat = if *name == locales.fallback {
                quote!(::core::option::Option::Some(#name) | ::core::option::Option::None)
            } else {
                quote!(::core::option::Option::Some(#name))
            };
            let writes = pieces.iter().map(|piece| match piece {
                Piece::Text(text) => {
                    let escaped = escape(text);
                    quote!(#out.extend_from_slice(#escaped.as_bytes());)
                }
                Piece::Var(var) => {
                    quote!(#krate::__private::write_field_var(#out, #var, #kind, #path);)
                }
            });
            arms.push(quote!((#pat, #slug) => { #(#writes)* true }));
        }
    }
    if arms.is_empty() {
        return TokenStream::new();
    }
    quote! {
        fn __write_field_message_in(
            &self,
            #locale: ::core::option::Option<&str>,
            #kind: &#krate::FieldErrorKind,
            #path: &#krate::FieldPath,
            #out: &mut ::std::vec::Vec<u8>,
        ) -> bool {
            match (#locale, #kind.slug()) {
                #(#arms)*
                _ => false,
            }
        }
    }
}

pub fn expand(cx: &Cx, locales: Option<&Locales>) -> TokenStream {
    let (input, krate) = (cx.input, cx.krate);
    let sink = local("sink");
    let locale = local("locale");
    let mut arms = Vec::new();
    let mut static_arms = Vec::new();
    for plan in cx.plans {
        if let Kind::Transparent(field) = &plan.kind {
            let pat = pattern(input, plan.variant, &[field]);
            let inner = binding(field);
            let ty = field.ty;
            let call = quote_spanned!(ty.span()=>
                (#krate::__private::via::<#ty>().write_message_in)(#inner, #locale, #sink)
            );
            arms.push(quote!((_, #pat) => #call,));
            let call = quote_spanned!(ty.span()=>
                (#krate::__private::via::<#ty>().static_message_json_in)(#inner, #locale)
            );
            static_arms.push(quote!((_, #pat) => #call,));
        }
    }
    let mut files = Vec::new();
    if let Some(locales) = locales {
        for file in &locales.files {
            files.push(quote!(
                const _: &[u8] = ::core::include_bytes!(#file);
            ));
        }
        for (name, messages) in &locales.translations {
            for plan in cx.plans {
                let Kind::Error(error) = &plan.kind else {
                    continue;
                };
                let Some(pieces) = messages.get(&error.code) else {
                    continue;
                };
                let used: Vec<&Field> = pieces
                    .iter()
                    .filter_map(|piece| match piece {
                        Piece::Var(var) => plan
                            .variant
                            .fields
                            .iter()
                            .find(|field| field.placeholder_name() == *var),
                        Piece::Text(_) => None,
                    })
                    .collect();
                let pat = pattern(input, plan.variant, &used);
                if let [Piece::Text(text)] = pieces.as_slice() {
                    let escaped = escape(text);
                    let any = pattern(input, plan.variant, &[]);
                    static_arms
                        .push(quote!((#name, #any) => ::core::option::Option::Some(#escaped),));
                }
                let calls = pieces.iter().filter_map(|piece| match piece {
                    Piece::Text(text) => {
                        let escaped = escape(text);
                        Some(quote!(#sink.__literal(#krate::__private::Literal::new(#text, #escaped));))
                    }
                    Piece::Var(var) => {
                        let field = plan
                            .variant
                            .fields
                            .iter()
                            .find(|field| field.placeholder_name() == *var)?;
                        let bound = binding(field);
                        if is_integer(field.ty) {
                            Some(quote!(#krate::__private::write_integer(#sink, *#bound);))
                        } else {
                            let value = quote_spanned!(field.ty.span()=> &#bound);
                            Some(quote!(#sink.display(#value);))
                        }
                    }
                });
                arms.push(quote!((#name, #pat) => { #(#calls)* true }));
            }
        }
    }
    let fields = field_messages(cx, locales);
    if arms.is_empty() {
        return fields;
    }
    quote! {
        #fields

        #[allow(unreachable_patterns)]
        fn write_message_in(&self, #locale: &str, #sink: &mut dyn #krate::MessageSink) -> bool {
            #(#files)*
            match (#locale, self) {
                #(#arms)*
                _ => false,
            }
        }

        #[allow(unreachable_patterns)]
        #[inline]
        fn __static_message_json_in(&self, #locale: &str) -> ::core::option::Option<&'static str> {
            match (#locale, self) {
                #(#static_arms)*
                _ => ::core::option::Option::None,
            }
        }
    }
}
