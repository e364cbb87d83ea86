//! A borrowed model of the input: every piece keeps its syn node for error spans.

use syn::{Data, DeriveInput, Fields, Generics, Ident, Member, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs, VariantAttrs};
use crate::errors::Errors;

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: ContainerAttrs,
    pub shape: Shape<'a>,
}

pub enum Shape<'a> {
    Enum(Vec<Variant<'a>>),
    /// A struct is a one-entry catalogue; its path in patterns is `Self`.
    Struct(Box<Variant<'a>>),
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: VariantAttrs,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
}

impl<'a> Field<'a> {
    /// The name a placeholder uses for this field: `id`, `type` for `r#type`, or `0`.
    pub fn placeholder_name(&self) -> String {
        match &self.member {
            Member::Named(ident) => unraw(ident),
            Member::Unnamed(index) => index.index.to_string(),
        }
    }
}

pub fn unraw(ident: &Ident) -> String {
    let name = ident.to_string();
    match name.strip_prefix("r#") {
        Some(stripped) => stripped.to_owned(),
        None => name,
    }
}

impl<'a> Input<'a> {
    /// Builds the model; `None` when the input cannot be a catalogue at all (a union).
    pub fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        if let Data::Union(data) = &input.data {
            errors.spanned(
                data.union_token,
                "`#[derive(ApiError)]` does not support unions: use an enum with one variant \
                 per error",
            );
            return None;
        }
        let (attrs, shape) = match &input.data {
            Data::Enum(data) => {
                let attrs = attr::parse_enum(&input.attrs, errors);
                if data.variants.is_empty() {
                    errors.spanned(
                        &input.ident,
                        "`#[derive(ApiError)]` needs at least one variant: an empty enum has no \
                         error to describe",
                    );
                }
                let variants = data
                    .variants
                    .iter()
                    .map(|v| {
                        let attrs = attr::parse_variant(&v.attrs, errors);
                        Variant::new(&v.ident, attrs, &v.fields, errors)
                    })
                    .collect();
                (attrs, Shape::Enum(variants))
            }
            Data::Struct(data) => {
                let (attrs, entry) = attr::parse_struct(&input.attrs, errors);
                let variant = Variant::new(&input.ident, entry, &data.fields, errors);
                (attrs, Shape::Struct(Box::new(variant)))
            }
            Data::Union(_) => return None,
        };
        Some(Input {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            shape,
        })
    }

    pub fn variants(&self) -> &[Variant<'a>] {
        match &self.shape {
            Shape::Enum(variants) => variants,
            Shape::Struct(variant) => std::slice::from_ref(&**variant),
        }
    }

    pub fn is_struct(&self) -> bool {
        matches!(self.shape, Shape::Struct(_))
    }
}

impl<'a> Variant<'a> {
    fn new(ident: &'a Ident, attrs: VariantAttrs, fields: &'a Fields, errors: &mut Errors) -> Self {
        let fields = fields
            .iter()
            .enumerate()
            .map(|(i, field)| Field {
                member: match &field.ident {
                    Some(ident) => Member::Named(ident.clone()),
                    None => Member::Unnamed(syn::Index {
                        index: i as u32,
                        span: proc_macro2::Span::call_site(),
                    }),
                },
                ty: &field.ty,
                attrs: attr::parse_field(&field.attrs, errors),
            })
            .collect::<Vec<_>>();
        Variant {
            ident,
            attrs,
            fields,
        }
    }
}
