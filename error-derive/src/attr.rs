//! Parsing `#[api(...)]` attributes. Every key keeps its token, so later errors point at it.

use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, Lit, LitInt, LitStr, Meta, Path, Token, WherePredicate};

use crate::errors::Errors;

/// Where an attribute stands; each position accepts its own keys.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    Enum,
    Variant,
    Field,
    Struct,
}

const ENUM_KEYS: &[&str] = &[
    "format",
    "version",
    "type_base",
    "status",
    "www_authenticate",
    "crate",
    "bound",
    "axum",
    "utoipa",
    "client",
    "tonic",
    "grpc_domain",
    "meta",
    "docs",
    "locales",
    "locale",
];
const VARIANT_KEYS: &[&str] = &[
    "status",
    "code",
    "message",
    "action",
    "transparent",
    "expose",
    "www_authenticate",
    "grpc",
    "meta",
    "docs",
];
const FIELD_KEYS: &[&str] = &["fields", "details", "retry_after", "meta"];
const STRUCT_KEYS: &[&str] = &[
    "format",
    "version",
    "type_base",
    "status",
    "code",
    "message",
    "action",
    "expose",
    "www_authenticate",
    "crate",
    "bound",
    "axum",
    "utoipa",
    "client",
    "tonic",
    "grpc_domain",
    "grpc",
    "meta",
    "docs",
    "locales",
    "locale",
];

impl Position {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Position::Enum => ENUM_KEYS,
            Position::Variant => VARIANT_KEYS,
            Position::Field => FIELD_KEYS,
            Position::Struct => STRUCT_KEYS,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Position::Enum => "on an enum",
            Position::Variant => "on a variant",
            Position::Field => "on a field",
            Position::Struct => "on a struct",
        }
    }
}

/// A key as written, with the value it was given.
#[derive(Clone)]
pub struct Keyed<T> {
    pub key: Path,
    pub value: T,
}

/// Everything an `#[api(...)]` list can hold, as parsed; split into the type of its
/// position ([`ContainerAttrs`], [`VariantAttrs`], [`FieldAttrs`]) before any later stage
/// sees it, so a stage cannot read a key that does not belong where it looks.
#[derive(Clone, Default)]
struct Attrs {
    pub format: Option<Keyed<FormatAttr>>,
    pub version: Option<Keyed<LitStr>>,
    pub type_base: Option<Keyed<LitStr>>,
    pub status: Option<Keyed<LitInt>>,
    pub code: Option<Keyed<LitStr>>,
    pub message: Option<Keyed<LitStr>>,
    pub action: Option<Keyed<LitStr>>,
    pub transparent: Option<Keyed<()>>,
    pub expose: Option<Keyed<()>>,
    pub fields: Option<Keyed<()>>,
    pub details: Option<Keyed<()>>,
    pub retry_after: Option<Keyed<()>>,
    pub www_authenticate: Option<Keyed<LitStr>>,
    pub krate: Option<Keyed<Path>>,
    pub bound: Option<Keyed<Vec<WherePredicate>>>,
    pub axum: Option<Keyed<()>>,
    pub utoipa: Option<Keyed<()>>,
    pub client: Option<Keyed<()>>,
    pub tonic: Option<Keyed<()>>,
    pub grpc_domain: Option<Keyed<LitStr>>,
    pub grpc: Option<Keyed<LitStr>>,
    pub meta: Option<Keyed<Vec<MetaPair>>>,
    pub meta_field: Option<Keyed<()>>,
    pub docs: Option<Keyed<LitStr>>,
    pub locales: Option<Keyed<LitStr>>,
    pub locale: Option<Keyed<LitStr>>,
    /// Every accepted key written, valid or not: a `status = "404"` already has its error,
    /// so "no status" would only repeat it.
    pub written: Vec<&'static str>,
    /// An `#[api]` that could not be read at all: later checks would only guess.
    pub malformed: bool,
}

/// `format = …`: a format type (its `Default` value is the enum's format), or a constant
/// expression that builds one from its type (`Aip::with_domain("…")`,
/// `JsonApi::new().with_pointer_prefix("/data")`), the type read off the expression.
#[derive(Clone)]
pub struct FormatAttr {
    pub ty: Path,
    /// The settings expression, when the value is not the type itself.
    pub value: Option<Expr>,
}

/// One `key = "value"` of `meta(...)`.
#[derive(Clone)]
pub struct MetaPair {
    pub key: syn::Ident,
    pub value: LitStr,
}

/// The keys of an enum (or of a struct, as a container).
pub struct ContainerAttrs {
    pub format: Option<Keyed<FormatAttr>>,
    pub version: Option<Keyed<LitStr>>,
    pub type_base: Option<Keyed<LitStr>>,
    /// The default status of the variants.
    pub status: Option<Keyed<LitInt>>,
    /// The default challenge of the 401 variants.
    pub www_authenticate: Option<Keyed<LitStr>>,
    pub krate: Option<Keyed<Path>>,
    pub bound: Option<Keyed<Vec<WherePredicate>>>,
    pub axum: Option<Keyed<()>>,
    pub utoipa: Option<Keyed<()>>,
    pub client: Option<Keyed<()>>,
    /// `impl From<E> for tonic::Status` (see `tonic.rs`).
    pub tonic: Option<Keyed<()>>,
    /// `ErrorInfo.domain` of the generated `tonic::Status`.
    pub grpc_domain: Option<Keyed<LitStr>>,
    /// The enum's declared metadata.
    pub meta: Option<Keyed<Vec<MetaPair>>>,
    /// The enum's documentation page.
    pub docs: Option<Keyed<LitStr>>,
    /// The folder of the Fluent translations, relative to `CARGO_MANIFEST_DIR`.
    pub locales: Option<Keyed<LitStr>>,
    /// The language of the attribute messages, the fallback locale (default `en`).
    pub locale: Option<Keyed<LitStr>>,
    written: Vec<&'static str>,
    malformed: bool,
}

/// The keys of a variant (or of a struct, as its one entry).
pub struct VariantAttrs {
    pub status: Option<Keyed<LitInt>>,
    pub code: Option<Keyed<LitStr>>,
    pub message: Option<Keyed<LitStr>>,
    pub action: Option<Keyed<LitStr>>,
    pub transparent: Option<Keyed<()>>,
    pub expose: Option<Keyed<()>>,
    pub www_authenticate: Option<Keyed<LitStr>>,
    /// The variant's gRPC code, instead of the one its status maps to.
    pub grpc: Option<Keyed<LitStr>>,
    pub meta: Option<Keyed<Vec<MetaPair>>>,
    pub docs: Option<Keyed<LitStr>>,
    written: Vec<&'static str>,
    malformed: bool,
}

/// The keys of a field.
pub struct FieldAttrs {
    pub fields: Option<Keyed<()>>,
    pub details: Option<Keyed<()>>,
    pub retry_after: Option<Keyed<()>>,
    /// The field's value goes into the error's metadata (AIP-193's `ErrorInfo.metadata`).
    pub meta: Option<Keyed<()>>,
}

impl ContainerAttrs {
    /// Whether `key` was written, even with a value that had an error of its own.
    pub fn wrote(&self, key: &str) -> bool {
        self.malformed || self.written.contains(&key)
    }
}

impl VariantAttrs {
    /// Whether `key` was written, even with a value that had an error of its own.
    pub fn wrote(&self, key: &str) -> bool {
        self.malformed || self.written.contains(&key)
    }

    /// The keys given, as written, for "cannot be combined" errors.
    pub fn given_keys(&self) -> Vec<&Path> {
        let keys = [
            self.status.as_ref().map(|k| &k.key),
            self.code.as_ref().map(|k| &k.key),
            self.message.as_ref().map(|k| &k.key),
            self.action.as_ref().map(|k| &k.key),
            self.transparent.as_ref().map(|k| &k.key),
            self.expose.as_ref().map(|k| &k.key),
            self.www_authenticate.as_ref().map(|k| &k.key),
            self.grpc.as_ref().map(|k| &k.key),
            self.docs.as_ref().map(|k| &k.key),
        ];
        keys.into_iter().flatten().collect()
    }
}

impl FieldAttrs {
    /// The keys given, as written.
    pub fn given_keys(&self) -> Vec<&Path> {
        let keys = [
            self.fields.as_ref().map(|k| &k.key),
            self.details.as_ref().map(|k| &k.key),
            self.retry_after.as_ref().map(|k| &k.key),
            self.meta.as_ref().map(|k| &k.key),
        ];
        keys.into_iter().flatten().collect()
    }
}

impl Attrs {
    fn container(&self) -> ContainerAttrs {
        ContainerAttrs {
            format: self.format.clone(),
            version: self.version.clone(),
            type_base: self.type_base.clone(),
            status: self.status.clone(),
            www_authenticate: self.www_authenticate.clone(),
            krate: self.krate.clone(),
            bound: self.bound.clone(),
            axum: self.axum.clone(),
            utoipa: self.utoipa.clone(),
            client: self.client.clone(),
            tonic: self.tonic.clone(),
            grpc_domain: self.grpc_domain.clone(),
            meta: self.meta.clone(),
            docs: self.docs.clone(),
            locales: self.locales.clone(),
            locale: self.locale.clone(),
            written: self.written.clone(),
            malformed: self.malformed,
        }
    }

    fn variant(self) -> VariantAttrs {
        VariantAttrs {
            status: self.status,
            code: self.code,
            message: self.message,
            action: self.action,
            transparent: self.transparent,
            expose: self.expose,
            www_authenticate: self.www_authenticate,
            grpc: self.grpc,
            meta: self.meta,
            docs: self.docs,
            written: self.written,
            malformed: self.malformed,
        }
    }

    fn field(self) -> FieldAttrs {
        FieldAttrs {
            fields: self.fields,
            details: self.details,
            retry_after: self.retry_after,
            meta: self.meta_field,
        }
    }
}

/// An enum's attributes.
pub fn parse_enum(attrs: &[Attribute], errors: &mut Errors) -> ContainerAttrs {
    parse(attrs, Position::Enum, errors).container()
}

/// A struct's attributes: the container's keys, and its one entry's.
pub fn parse_struct(attrs: &[Attribute], errors: &mut Errors) -> (ContainerAttrs, VariantAttrs) {
    let parsed = parse(attrs, Position::Struct, errors);
    (parsed.container(), parsed.variant())
}

/// A variant's attributes.
pub fn parse_variant(attrs: &[Attribute], errors: &mut Errors) -> VariantAttrs {
    parse(attrs, Position::Variant, errors).variant()
}

/// A field's attributes.
pub fn parse_field(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    parse(attrs, Position::Field, errors).field()
}

/// Parses every `#[api(...)]` among `attrs`, collecting errors; other attributes (serde's,
/// thiserror's `#[error]`, `#[source]`, `#[from]`) are left alone.
fn parse(attrs: &[Attribute], position: Position, errors: &mut Errors) -> Attrs {
    let mut out = Attrs::default();
    for attr in attrs {
        if !attr.path().is_ident("api") {
            continue;
        }
        let list = match &attr.meta {
            Meta::List(list) => list,
            other => {
                out.malformed = true;
                errors.spanned(
                    other,
                    format!(
                        "expected `#[api(key = value, ...)]`; accepted {}: {}",
                        position.describe(),
                        position.keys().join(", ")
                    ),
                );
                continue;
            }
        };
        match list.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated) {
            Ok(metas) => {
                for meta in metas {
                    parse_key(&meta, position, &mut out, errors);
                }
            }
            Err(error) => {
                out.malformed = true;
                errors.push(error);
            }
        }
    }
    out
}

fn parse_key(meta: &Meta, position: Position, out: &mut Attrs, errors: &mut Errors) {
    let path = meta.path();
    let name = match path.get_ident() {
        Some(ident) => ident.to_string(),
        None => String::new(),
    };
    let accepted = position.keys();
    let Some(&key) = accepted.iter().find(|key| **key == name) else {
        unknown_key(path, &name, position, out, errors);
        return;
    };
    out.written.push(key);

    macro_rules! set {
        ($slot:ident, $value:expr) => {{
            if out.$slot.is_some() {
                errors.spanned(
                    path,
                    format!("duplicate key `{name}`: it is already given above; keep one"),
                );
            } else if let Some(value) = $value {
                out.$slot = Some(Keyed {
                    key: path.clone(),
                    value,
                });
            }
        }};
    }

    match name.as_str() {
        "transparent" => set!(transparent, flag(meta, &name, errors)),
        "expose" => set!(expose, flag(meta, &name, errors)),
        "fields" => set!(fields, flag(meta, &name, errors)),
        "details" => set!(details, flag(meta, &name, errors)),
        "retry_after" => set!(retry_after, flag(meta, &name, errors)),
        "www_authenticate" => set!(www_authenticate, string(meta, &name, errors)),
        "status" => set!(status, int(meta, &name, errors)),
        "code" => set!(code, string(meta, &name, errors)),
        "message" => set!(message, string(meta, &name, errors)),
        "action" => set!(action, string(meta, &name, errors)),
        "version" => set!(version, string(meta, &name, errors)),
        "type_base" => set!(type_base, string(meta, &name, errors)),
        "format" => set!(format, format(meta, errors)),
        "crate" => set!(krate, crate_path(meta, errors)),
        "bound" => set!(bound, bound(meta, errors)),
        "axum" => set!(axum, flag(meta, &name, errors)),
        "utoipa" => set!(utoipa, flag(meta, &name, errors)),
        "client" => set!(client, flag(meta, &name, errors)),
        "tonic" => set!(tonic, flag(meta, &name, errors)),
        "grpc_domain" => set!(grpc_domain, string(meta, &name, errors)),
        "grpc" => set!(grpc, string(meta, &name, errors)),
        "meta" if position == Position::Field => set!(meta_field, flag(meta, &name, errors)),
        "meta" => set!(meta, meta_pairs(meta, errors)),
        "docs" => set!(docs, string(meta, &name, errors)),
        "locales" => set!(locales, string(meta, &name, errors)),
        "locale" => set!(locale, string(meta, &name, errors)),
        _ => {}
    }
}

fn unknown_key(path: &Path, name: &str, position: Position, out: &mut Attrs, errors: &mut Errors) {
    let accepted = position.keys();
    if position == Position::Struct && name == "transparent" {
        // The struct has no status to report missing: this error says what to do instead.
        out.malformed = true;
        errors.spanned(
            path,
            "`transparent` is for enum variants: a struct is a one-entry catalogue, so give it \
             `status` (and `code`, `message`) instead, or wrap it in an enum variant",
        );
        return;
    }
    let written = if name.is_empty() {
        path.segments
            .iter()
            .map(|segment| segment.ident.to_string())
            .collect::<Vec<_>>()
            .join("::")
    } else {
        name.to_owned()
    };
    let hint = match where_it_belongs(name) {
        Some(place) => format!(": `{name}` belongs {place}"),
        None => match closest_key(name, accepted) {
            Some(key) => format!(": did you mean `{key}`?"),
            None => String::new(),
        },
    };
    errors.spanned(
        path,
        format!(
            "unknown key `{written}` {}{hint} (accepted here: {})",
            position.describe(),
            accepted.join(", ")
        ),
    );
}

/// An accepted key within two edits of a misspelt one.
fn closest_key(name: &str, accepted: &[&'static str]) -> Option<&'static str> {
    if name.is_empty() {
        return None;
    }
    accepted
        .iter()
        .map(|key| (crate::valid::edit_distance(name, key), *key))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, key)| key)
}

fn where_it_belongs(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return None;
    }
    [Position::Enum, Position::Variant, Position::Field]
        .into_iter()
        .find(|p| p.keys().contains(&name))
        .map(Position::describe)
}

/// `meta(domain = "leads.example.com", reason = "LEAD_MISSING")`: string values, each key
/// once.
fn meta_pairs(meta: &Meta, errors: &mut Errors) -> Option<Vec<MetaPair>> {
    const EXAMPLE: &str = "`meta(domain = \"leads.example.com\")`";
    let Meta::List(list) = meta else {
        errors.spanned(
            meta,
            format!("`meta` takes a list of `key = \"value\"` pairs, such as {EXAMPLE}"),
        );
        return None;
    };
    let items = match list.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated) {
        Ok(items) => items,
        Err(error) => {
            errors.push(error);
            return None;
        }
    };
    let mut pairs: Vec<MetaPair> = Vec::new();
    let mut ok = true;
    for item in items {
        let pair = match &item {
            Meta::NameValue(nv) => match (nv.path.get_ident(), &nv.value) {
                (
                    Some(key),
                    Expr::Lit(syn::ExprLit {
                        lit: Lit::Str(value),
                        ..
                    }),
                ) => Some(MetaPair {
                    key: key.clone(),
                    value: value.clone(),
                }),
                _ => None,
            },
            _ => None,
        };
        let Some(pair) = pair else {
            ok = false;
            errors.spanned(
                &item,
                format!(
                    "each entry of `meta` is `key = \"value\"`, the value a string literal, such \
                     as {EXAMPLE}"
                ),
            );
            continue;
        };
        if pairs.iter().any(|p| p.key == pair.key) {
            ok = false;
            errors.spanned(
                &pair.key,
                format!(
                    "duplicate `meta` key `{}`: it is already given above; keep one",
                    pair.key
                ),
            );
            continue;
        }
        pairs.push(pair);
    }
    ok.then_some(pairs)
}

fn flag(meta: &Meta, name: &str, errors: &mut Errors) -> Option<()> {
    match meta {
        Meta::Path(_) => Some(()),
        _ => {
            errors.spanned(
                meta,
                format!("`{name}` takes no value: write `#[api({name})]`"),
            );
            None
        }
    }
}

fn value<'a>(meta: &'a Meta, name: &str, example: &str, errors: &mut Errors) -> Option<&'a Expr> {
    match meta {
        Meta::NameValue(nv) => Some(&nv.value),
        _ => {
            errors.spanned(
                meta,
                format!("`{name}` needs a value: `{name} = {example}`"),
            );
            None
        }
    }
}

fn int(meta: &Meta, name: &str, errors: &mut Errors) -> Option<LitInt> {
    match value(meta, name, "404", errors)? {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Int(lit), ..
        }) => Some(lit.clone()),
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(lit), ..
        }) if lit.value().parse::<u16>().is_ok() => {
            errors.spanned(
                lit,
                format!(
                    "`{name}` must be an integer literal: write `{name} = {}`, without quotes",
                    lit.value()
                ),
            );
            None
        }
        other => {
            errors.spanned(
                other,
                format!("`{name}` must be an integer literal, such as `{name} = 404`"),
            );
            None
        }
    }
}

fn string(meta: &Meta, name: &str, errors: &mut Errors) -> Option<LitStr> {
    match value(meta, name, "\"...\"", errors)? {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(lit), ..
        }) => Some(lit.clone()),
        other => {
            errors.spanned(
                other,
                format!("`{name}` must be a string literal, such as `{name} = \"...\"`"),
            );
            None
        }
    }
}

fn format(meta: &Meta, errors: &mut Errors) -> Option<FormatAttr> {
    match value(meta, "format", "error_core::format::Flat", errors)? {
        Expr::Path(expr) if expr.qself.is_none() => Some(FormatAttr {
            ty: expr.path.clone(),
            value: None,
        }),
        other => match format_type(other) {
            Some(ty) => Some(FormatAttr {
                ty,
                value: Some(other.clone()),
            }),
            None => {
                errors.spanned(
                    other,
                    "`format` must name a type implementing `error_core::Format`, such as \
                     `format = error_core::format::Flat`, or build one from its type in a \
                     constant expression, such as `format = Aip::with_domain(\"example.com\")` \
                     or `format = JsonApi::new().with_pointer_prefix(\"/data\")`",
                );
                None
            }
        },
    }
}

/// The type a settings expression starts from: `Type::function(…)` and calls chained on
/// it, or a struct literal `Type { … }`.
fn format_type(expr: &Expr) -> Option<Path> {
    match expr {
        Expr::Call(call) => match &*call.func {
            Expr::Path(func) if func.qself.is_none() && func.path.segments.len() >= 2 => {
                let mut ty = func.path.clone();
                let keep = ty.segments.len() - 1;
                ty.segments = ty.segments.into_iter().take(keep).collect();
                Some(ty)
            }
            _ => None,
        },
        Expr::MethodCall(call) => format_type(&call.receiver),
        Expr::Struct(literal) if literal.qself.is_none() => Some(literal.path.clone()),
        Expr::Paren(inner) => format_type(&inner.expr),
        _ => None,
    }
}

/// `crate = "my_reexport::error_core"` (as serde's) or `crate = my_reexport::error_core`.
fn crate_path(meta: &Meta, errors: &mut Errors) -> Option<Path> {
    const EXAMPLE: &str = "`crate = \"my_crate::error_core\"`";
    match value(meta, "crate", "\"my_crate::error_core\"", errors)? {
        Expr::Path(expr) if expr.qself.is_none() => Some(expr.path.clone()),
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(lit), ..
        }) => {
            match lit.parse::<Path>() {
                Ok(path) => Some(path),
                Err(_) => {
                    errors.spanned(
                    lit,
                    format!("`crate` must name the path error-core is reachable at, such as {EXAMPLE}"),
                );
                    None
                }
            }
        }
        other => {
            errors.spanned(
                other,
                format!("`crate` must name the path error-core is reachable at, such as {EXAMPLE}"),
            );
            None
        }
    }
}

/// `bound = "T: Display, U: Serialize"`: where-predicates that replace the inferred ones
/// (`bound = ""` for none).
fn bound(meta: &Meta, errors: &mut Errors) -> Option<Vec<WherePredicate>> {
    const EXAMPLE: &str = "`bound = \"T: std::fmt::Display\"`";
    match value(meta, "bound", "\"T: std::fmt::Display\"", errors)? {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(lit), ..
        }) => {
            let parser = Punctuated::<WherePredicate, Token![,]>::parse_terminated;
            match lit.parse_with(parser) {
                Ok(predicates) => Some(predicates.into_iter().collect()),
                Err(error) => {
                    errors.spanned(
                        lit,
                        format!(
                            "`bound` must be where-predicates in a string, such as {EXAMPLE}: {error}"
                        ),
                    );
                    None
                }
            }
        }
        other => {
            errors.spanned(
                other,
                format!("`bound` must be where-predicates in a string, such as {EXAMPLE}"),
            );
            None
        }
    }
}
