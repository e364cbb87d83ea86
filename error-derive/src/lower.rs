//! Lowering a checked model into the plan the expansion follows (as thiserror's `prop.rs`):
//! each variant's status, title, code, message pieces with their fields resolved, roles of
//! its fields and challenge. It runs only after `valid` found no error, so it reports none:
//! anything it cannot read was already reported, and the variant is left out.

use crate::ast::{Field, Input, Variant};
use crate::case::snake_case;
use crate::forms;
use crate::locales::{self, Locales};
use crate::status;
use crate::template::{self, Piece};

pub struct VariantPlan<'a> {
    pub variant: &'a Variant<'a>,
    pub kind: Kind<'a>,
    /// The variant's declared `meta(key = "value")` pairs, in declaration order.
    pub meta: Vec<(String, String)>,
}

#[allow(clippy::large_enum_variant)] // one per variant, built once per expansion
pub enum Kind<'a> {
    /// Everything forwarded to the one field.
    Transparent(&'a Field<'a>),
    Error(ErrorPlan<'a>),
}

pub struct ErrorPlan<'a> {
    pub status: u16,
    pub title: &'static str,
    pub code: String,
    /// The template as written when it has placeholders, else the plain text.
    pub message: String,
    pub pieces: Vec<Resolved<'a>>,
    pub templated: bool,
    pub action: Option<String>,
    pub fields: Option<&'a Field<'a>>,
    pub details: Option<&'a Field<'a>>,
    pub retry_after: Option<&'a Field<'a>>,
    /// The `WWW-Authenticate` challenge of a 401 variant (the variant's, else the enum's).
    pub www_authenticate: Option<String>,
    /// The fields marked `#[api(meta)]`, in declaration order.
    pub meta_fields: Vec<&'a Field<'a>>,
    /// AIP-193's reason and the Microsoft code (overrides, else computed; checked by
    /// `forms`).
    pub reason: Option<String>,
    pub pascal: Option<String>,
    /// The `grpc = "…"` override of the canonical code (AIP-193's `status`, the gRPC
    /// code), as written and already checked.
    pub canonical: Option<syn::LitStr>,
    /// The documentation link: the variant's `docs`, else the enum's page with the code as
    /// its anchor.
    pub docs: Option<String>,
}

pub enum Resolved<'a> {
    Text(String),
    Arg { field: &'a Field<'a>, spec: String },
}

impl ErrorPlan<'_> {
    /// The fields the message names, in template order.
    pub fn placeholders(&self) -> impl Iterator<Item = &Field<'_>> {
        self.pieces.iter().filter_map(|piece| match piece {
            Resolved::Arg { field, .. } => Some(*field),
            Resolved::Text(_) => None,
        })
    }
}

/// With `locales`, a variant without `message` takes the fallback locale's translation as
/// its message (its absence was reported by `locales`).
pub fn lower<'a>(input: &'a Input<'a>, locales: Option<&Locales>) -> Vec<VariantPlan<'a>> {
    let enum_level = !input.is_struct();
    let default_status = match (&input.attrs.status, enum_level) {
        (Some(keyed), true) => keyed.value.base10_parse::<u16>().ok(),
        _ => None,
    };
    let default_challenge = match (&input.attrs.www_authenticate, enum_level) {
        (Some(keyed), true) => Some(keyed.value.value()),
        _ => None,
    };
    let docs_page = match (&input.attrs.docs, enum_level) {
        (Some(keyed), true) => Some(keyed.value.value()),
        _ => None,
    };
    input
        .variants()
        .iter()
        .filter_map(|variant| {
            let kind = if variant.attrs.transparent.is_some() {
                Kind::Transparent(variant.fields.first()?)
            } else {
                Kind::Error(lower_error(
                    variant,
                    default_status,
                    default_challenge.as_deref(),
                    docs_page.as_deref(),
                    locales,
                )?)
            };
            let meta = match &variant.attrs.meta {
                Some(keyed) => keyed
                    .value
                    .iter()
                    .map(|pair| {
                        let key = pair.key.to_string();
                        let value = if key == forms::MS_MEMBERS {
                            forms::object_members(&pair.value.value()).unwrap_or_default()
                        } else {
                            pair.value.value()
                        };
                        (key, value)
                    })
                    .collect(),
                None => Vec::new(),
            };
            Some(VariantPlan {
                variant,
                kind,
                meta,
            })
        })
        .collect()
}

fn lower_error<'a>(
    variant: &'a Variant<'a>,
    default_status: Option<u16>,
    default_challenge: Option<&str>,
    docs_page: Option<&str>,
    locales: Option<&Locales>,
) -> Option<ErrorPlan<'a>> {
    let attrs = &variant.attrs;
    let status = match &attrs.status {
        Some(keyed) => keyed.value.base10_parse::<u16>().ok()?,
        None => default_status?,
    };
    let code = match &attrs.code {
        Some(keyed) => keyed.value.value(),
        None => snake_case(&variant.ident.to_string()),
    };
    let role = |pick: fn(&Field) -> bool| variant.fields.iter().find(|field| pick(field));
    let fields = role(|field| field.attrs.fields.is_some());
    let details = role(|field| field.attrs.details.is_some());
    let retry_after = role(|field| field.attrs.retry_after.is_some());

    let known = status::known(status);
    let title = match &known {
        Some(known) => known.reason,
        None => status::class_title(status),
    };
    let translated = match (&attrs.message, locales) {
        (None, Some(locales)) => locales.fallback_of(&code),
        _ => None,
    };
    let pieces = match (&attrs.message, translated) {
        (Some(keyed), _) => resolve(variant, template::parse(&keyed.value.value()).ok()?)?,
        (None, Some(translated)) => resolve(variant, from_translation(translated))?,
        (None, None) => vec![Resolved::Text(known?.reason.to_owned())],
    };
    let templated = pieces.iter().any(|p| matches!(p, Resolved::Arg { .. }));
    let message = match (&attrs.message, templated) {
        (Some(keyed), true) => keyed.value.value(),
        (None, true) => as_template(&pieces),
        _ => pieces
            .iter()
            .map(|p| match p {
                Resolved::Text(text) => text.as_str(),
                Resolved::Arg { .. } => "",
            })
            .collect(),
    };
    let www_authenticate = match &attrs.www_authenticate {
        Some(keyed) => Some(keyed.value.value()),
        None if status == 401 => default_challenge.map(str::to_owned),
        None => None,
    };
    let meta = attrs.meta.as_ref().map(|keyed| keyed.value.as_slice());
    let reason = match forms::meta_value(meta, "reason") {
        Some(value) => Some(value.value()),
        None => Some(forms::reason_of(&code)).filter(|reason| forms::valid_reason(reason)),
    };
    let pascal = match forms::meta_value(meta, "ms_code") {
        Some(value) => Some(value.value()),
        None => Some(forms::pascal_of(&code)).filter(|pascal| forms::valid_pascal(pascal)),
    };
    let docs = match (&attrs.docs, docs_page) {
        (Some(keyed), _) => Some(keyed.value.value()),
        (None, Some(page)) => Some(format!("{page}#{code}")),
        (None, None) => None,
    };
    Some(ErrorPlan {
        meta_fields: variant
            .fields
            .iter()
            .filter(|field| field.attrs.meta.is_some())
            .collect(),
        reason,
        pascal,
        canonical: attrs.grpc.as_ref().map(|keyed| keyed.value.clone()),
        docs,
        status,
        title,
        code,
        message,
        pieces,
        templated,
        action: attrs.action.as_ref().map(|keyed| keyed.value.value()),
        fields,
        details,
        retry_after,
        www_authenticate,
    })
}

/// The pieces with each placeholder's field found (checked by `valid`).
fn resolve<'a>(variant: &'a Variant<'a>, pieces: Vec<Piece>) -> Option<Vec<Resolved<'a>>> {
    pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => Some(Resolved::Text(text)),
            Piece::Arg { name, spec } => {
                let field = variant
                    .fields
                    .iter()
                    .find(|f| f.placeholder_name() == name)?;
                Some(Resolved::Arg { field, spec })
            }
        })
        .collect()
}

/// A translation's pieces as template pieces.
fn from_translation(pieces: &[locales::Piece]) -> Vec<Piece> {
    pieces
        .iter()
        .map(|piece| match piece {
            locales::Piece::Text(text) => Piece::Text(text.clone()),
            locales::Piece::Var(name) => Piece::Arg {
                name: name.clone(),
                spec: String::new(),
            },
        })
        .collect()
}

/// The template a translation reads as in the catalogue: `{field}`, and `{{` `}}` for
/// literal braces.
fn as_template(pieces: &[Resolved]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Resolved::Text(text) => out.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Resolved::Arg { field, .. } => {
                out.push('{');
                out.push_str(&field.placeholder_name());
                out.push('}');
            }
        }
    }
    out
}
