//! Translations: `#[api(locales = "locales")]` reads `locales/<lang>/errors.ftl` (Fluent) at
//! compile time, checks every message against the catalogue, and hands the expansion each
//! translation as text and fields, so that run time only copies escaped bytes.
//!
//! Message ids are the codes with each `/` written `--` (Fluent ids allow only
//! `[a-zA-Z0-9_-]`, and a code never holds `--`): `lead/not-found` is `lead--not-found`.
//!
//! Every mistake is an error at the `locales = "…"` string that names the file and line:
//! a Fluent syntax error, a message id that matches no code (an orphan), a variable that is
//! not a field of the variant, a 5xx translation that interpolates without `expose`, a code
//! without a message in the fallback locale (unless the variant's own `message` is it), and
//! the Fluent constructs a compiled message cannot hold (selectors, functions, references,
//! attributes, terms).
//!
//! The ids `field-<slug>` (`field-missing`, `field-invalid`, `field-too-short`,
//! `field-too-long`, `field-out-of-range`, `field-not-one-of`, `field-duplicate`) are the
//! enum's own default messages for the field-error kinds, in place of the built-in ones; their
//! variables are the kind's (`$field`, and `$min`, `$max`, `$allowed` where the kind has them),
//! checked like a variant's fields. A variant whose code is written the same way keeps the id.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use syn::LitStr;

use crate::ast::{Input, Variant};
use crate::case::snake_case;
use crate::errors::Errors;

/// The translations of one enum, checked.
pub struct Locales {
    /// The language of the attribute messages (`locale = "…"`, default `en`).
    pub fallback: String,
    /// Every file read, absolute, for `include_bytes!` (the build reruns when one changes).
    pub files: Vec<String>,
    /// Per locale, in name order: each code's translation.
    pub translations: Vec<(String, BTreeMap<String, Vec<Piece>>)>,
    /// Per locale: the enum's messages for field-error kinds, by slug (`missing`).
    pub field_messages: Vec<(String, BTreeMap<&'static str, Vec<Piece>>)>,
}

/// The slugs of the field-error kinds and the variables each one's message may use.
const FIELD_KINDS: [(&str, &[&str]); 7] = [
    ("missing", &["field"]),
    ("invalid", &["field"]),
    ("too-short", &["field", "min"]),
    ("too-long", &["field", "max"]),
    ("out-of-range", &["field", "min", "max"]),
    ("not-one-of", &["field", "allowed"]),
    ("duplicate", &["field"]),
];

/// The kind a `field-<slug>` id names, with its variables.
fn field_kind(id: &str) -> Option<(&'static str, &'static [&'static str])> {
    let slug = id.strip_prefix("field-")?;
    FIELD_KINDS
        .iter()
        .copied()
        .find(|(known, _)| *known == slug)
}

/// One piece of a translation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// `{ $name }`: the variant's field `name`.
    Var(String),
}

impl Locales {
    /// The fallback locale's translation of `code`, if any.
    pub fn fallback_of(&self, code: &str) -> Option<&[Piece]> {
        self.translations
            .iter()
            .find(|(locale, _)| *locale == self.fallback)
            .and_then(|(_, messages)| messages.get(code))
            .map(Vec::as_slice)
    }
}

/// The Fluent id of `code`.
pub fn message_id(code: &str) -> String {
    code.replace('/', "--")
}

/// The code of a variant (explicit, else the variant name in snake case), as `lower` has it.
fn code_of(variant: &Variant) -> String {
    match &variant.attrs.code {
        Some(keyed) => keyed.value.value(),
        None => snake_case(&variant.ident.to_string()),
    }
}

/// Reads and checks the translations of `input`; `None` without `locales`, or when the
/// folder cannot be read (reported).
pub fn load(input: &Input, errors: &mut Errors) -> Option<Locales> {
    let lit = &input.attrs.locales.as_ref()?.value;
    let fallback = match &input.attrs.locale {
        Some(keyed) => {
            let name = keyed.value.value();
            if !is_locale(&name) {
                errors.spanned(
                    &keyed.value,
                    format!(
                        "`locale = \"{name}\"` must be a language tag such as `en` or `pt-BR`: \
                         the language of the attribute messages"
                    ),
                );
                return None;
            }
            name
        }
        None => "en".to_owned(),
    };
    let Ok(manifest) = std::env::var("CARGO_MANIFEST_DIR") else {
        errors.spanned(
            lit,
            "`locales` is relative to CARGO_MANIFEST_DIR, which is not set: build with Cargo",
        );
        return None;
    };
    let written = lit.value();
    let dir = Path::new(&manifest).join(&written);
    let mut locales: Vec<(String, PathBuf)> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().is_dir())
            .filter_map(|entry| Some((entry.file_name().into_string().ok()?, entry.path())))
            .collect(),
        Err(error) => {
            errors.spanned(
                lit,
                format!(
                    "cannot read the translations folder `{}`: {error}; `locales` names a folder \
                     relative to the crate's Cargo.toml that holds `<lang>/errors.ftl`",
                    dir.display()
                ),
            );
            return None;
        }
    };
    locales.sort();

    let variants: Vec<&Variant> = input
        .variants()
        .iter()
        .filter(|variant| variant.attrs.transparent.is_none())
        .collect();
    let by_id: BTreeMap<String, &Variant> = variants
        .iter()
        .map(|variant| (message_id(&code_of(variant)), *variant))
        .collect();
    let default_status = input
        .attrs
        .status
        .as_ref()
        .and_then(|keyed| keyed.value.base10_parse::<u16>().ok());

    // Where each fallback message is written, for the error that it duplicates an attribute.
    let mut fallback_lines: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Locales {
        fallback,
        files: Vec::new(),
        translations: Vec::new(),
        field_messages: Vec::new(),
    };
    for (locale, path) in locales {
        let shown = format!("{written}/{locale}/errors.ftl");
        if !is_locale(&locale) {
            errors.spanned(
                lit,
                format!(
                    "`{written}/{locale}` is not a language tag such as `de` or `pt-BR`: name each \
                     folder of `{written}` after the language its `errors.ftl` is in"
                ),
            );
            continue;
        }
        let file = path.join("errors.ftl");
        let source = match std::fs::read_to_string(&file) {
            Ok(source) => source,
            Err(error) => {
                errors.spanned(lit, format!("cannot read `{shown}`: {error}"));
                continue;
            }
        };
        out.files.push(file.display().to_string());
        let cx = FileCx {
            lit,
            shown: &shown,
            source: &source,
        };
        let resource = match fluent_syntax::parser::parse(source.as_str()) {
            Ok(resource) => resource,
            Err((_, parse_errors)) => {
                for error in parse_errors {
                    let line = line_of(&source, error.pos.start);
                    errors.spanned(
                        lit,
                        format!("{shown}:{line}: Fluent syntax error: {}", error.kind),
                    );
                }
                continue;
            }
        };
        let mut messages = BTreeMap::new();
        let mut field_messages = BTreeMap::new();
        for entry in &resource.body {
            match entry {
                Entry::Message(message) => {
                    let id = message.id.name;
                    let line = cx.line_of_id(id);
                    let Some(variant) = by_id.get(id) else {
                        match field_kind(id) {
                            Some((slug, vars)) => {
                                if let Some(pieces) =
                                    field_message(&cx, line, id, vars, message, errors)
                                {
                                    if field_messages.insert(slug, pieces).is_some() {
                                        errors.spanned(
                                            lit,
                                            format!(
                                                "{shown}:{line}: `{id}` is defined twice in this file; keep one"
                                            ),
                                        );
                                    }
                                }
                            }
                            None => errors.spanned(lit, orphan(&cx, line, id, input, &by_id)),
                        }
                        continue;
                    };
                    if messages.contains_key(&code_of(variant)) {
                        errors.spanned(
                            lit,
                            format!(
                                "{shown}:{line}: `{id}` is defined twice in this file; keep one"
                            ),
                        );
                        continue;
                    }
                    if !message.attributes.is_empty() {
                        errors.spanned(
                            lit,
                            format!(
                                "{shown}:{line}: `{id}` has attributes (`.{}`), which an error \
                                 message does not use; remove them",
                                message.attributes[0].id.name
                            ),
                        );
                    }
                    let Some(pattern) = &message.value else {
                        errors.spanned(
                            lit,
                            format!("{shown}:{line}: `{id}` has no value; write `{id} = …`"),
                        );
                        continue;
                    };
                    let mut pieces = Vec::new();
                    if let Err(message) = lower_pattern(pattern, &mut pieces) {
                        errors.spanned(lit, format!("{shown}:{line}: `{id}`: {message}"));
                        continue;
                    }
                    check_vars(&cx, line, id, variant, default_status, &pieces, errors);
                    if locale == out.fallback {
                        fallback_lines.insert(code_of(variant), line);
                    }
                    messages.insert(code_of(variant), merge(pieces));
                }
                Entry::Term(term) => {
                    let line = cx.line_of_id(&format!("-{}", term.id.name));
                    errors.spanned(
                        lit,
                        format!(
                            "{shown}:{line}: the term `-{}`: terms are not supported in error \
                             translations; write the text in each message",
                            term.id.name
                        ),
                    );
                }
                _ => {}
            }
        }
        out.field_messages.push((locale.clone(), field_messages));
        out.translations.push((locale, messages));
    }

    let has_fallback_file = out.translations.iter().any(|(l, _)| *l == out.fallback);
    for variant in &variants {
        let code = code_of(variant);
        if let Some(keyed) = &variant.attrs.message {
            if let Some(line) = fallback_lines.get(&code) {
                errors.spanned(
                    &keyed.value,
                    format!(
                        "`{written}/{}/errors.ftl:{line}` gives `{}` a message in the fallback \
                         locale, and so does this `message`: the attribute message is the `{}` \
                         one; remove one of the two",
                        out.fallback,
                        message_id(&code),
                        out.fallback
                    ),
                );
            }
            continue;
        }
        if out.fallback_of(&code).is_none() {
            let file = format!("{written}/{}/errors.ftl", out.fallback);
            let missing = if has_fallback_file {
                format!("`{file}` has no message `{}`", message_id(&code))
            } else {
                format!("there is no `{file}`")
            };
            errors.spanned(
                lit,
                format!(
                    "code `{code}` (variant `{}`) has no message in the fallback locale `{}`: \
                     {missing}; add `{} = …` to it, or give the variant its own `message = \"…\"`",
                    variant.ident,
                    out.fallback,
                    message_id(&code)
                ),
            );
        }
    }
    Some(out)
}

/// A `field-<slug>` message lowered to pieces, its variables checked against the kind's.
fn field_message(
    cx: &FileCx,
    line: usize,
    id: &str,
    vars: &[&str],
    message: &fluent_syntax::ast::Message<&str>,
    errors: &mut Errors,
) -> Option<Vec<Piece>> {
    if !message.attributes.is_empty() {
        errors.spanned(
            cx.lit,
            format!(
                "{}:{line}: `{id}` has attributes (`.{}`), which a field message does not use; \
                 remove them",
                cx.shown, message.attributes[0].id.name
            ),
        );
    }
    let Some(pattern) = &message.value else {
        errors.spanned(
            cx.lit,
            format!("{}:{line}: `{id}` has no value; write `{id} = …`", cx.shown),
        );
        return None;
    };
    let mut pieces = Vec::new();
    if let Err(text) = lower_pattern(pattern, &mut pieces) {
        errors.spanned(cx.lit, format!("{}:{line}: `{id}`: {text}", cx.shown));
        return None;
    }
    let mut ok = true;
    for piece in &pieces {
        let Piece::Var(name) = piece else { continue };
        if !vars.contains(&name.as_str()) {
            ok = false;
            let known = vars
                .iter()
                .map(|v| format!("`${v}`"))
                .collect::<Vec<_>>()
                .join(", ");
            errors.spanned(
                cx.lit,
                format!(
                    "{}:{line}: `{id}` uses `${name}`, which a `{}` field error does not have; \
                     its variables are: {known}",
                    cx.shown,
                    id.trim_start_matches("field-")
                ),
            );
        }
    }
    ok.then(|| merge(pieces))
}

struct FileCx<'a> {
    lit: &'a LitStr,
    shown: &'a str,
    source: &'a str,
}

impl FileCx<'_> {
    /// The line of the entry `id = …` (1-based), else 1.
    fn line_of_id(&self, id: &str) -> usize {
        self.source
            .lines()
            .position(|line| {
                line.strip_prefix(id)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(1, |index| index + 1)
    }
}

fn line_of(source: &str, offset: usize) -> usize {
    let end = offset.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn orphan(
    cx: &FileCx,
    line: usize,
    id: &str,
    input: &Input,
    by_id: &BTreeMap<String, &Variant>,
) -> String {
    let close = by_id
        .keys()
        .map(|known| (crate::valid::edit_distance(id, known), known))
        .filter(|(distance, _)| *distance <= 3)
        .min()
        .map(|(_, known)| format!(" (did you mean `{known}`?)"))
        .unwrap_or_default();
    format!(
        "{}:{line}: message `{id}` matches no code of `{}`{close}: an orphan, usually a renamed \
         code; rename or remove it (a code's `/` is written `--`, as in `lead--not-found`)",
        cx.shown, input.ident
    )
}

fn check_vars(
    cx: &FileCx,
    line: usize,
    id: &str,
    variant: &Variant,
    default_status: Option<u16>,
    pieces: &[Piece],
    errors: &mut Errors,
) {
    let names: Vec<String> = variant
        .fields
        .iter()
        .map(|field| field.placeholder_name())
        .filter(|name| !name.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    let mut interpolates = false;
    for piece in pieces {
        let Piece::Var(name) = piece else { continue };
        interpolates = true;
        if !names.contains(name) {
            let fields = if names.is_empty() {
                "it has no named field".to_owned()
            } else {
                format!(
                    "its fields are: {}",
                    names
                        .iter()
                        .map(|n| format!("`${n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            errors.spanned(
                cx.lit,
                format!(
                    "{}:{line}: `{id}` uses `${name}`, but variant `{}` has no field `{name}`; {fields}",
                    cx.shown, variant.ident
                ),
            );
        }
    }
    let status = variant
        .attrs
        .status
        .as_ref()
        .and_then(|keyed| keyed.value.base10_parse::<u16>().ok())
        .or(default_status);
    if interpolates && status.is_some_and(|s| s >= 500) && variant.attrs.expose.is_none() {
        errors.spanned(
            cx.lit,
            format!(
                "{}:{line}: `{id}` is the message of a 5xx variant (`{}`) and must not interpolate \
                 fields: internal details would reach the client; write a static message, or add \
                 `expose` to the variant if these values are safe to show",
                cx.shown, variant.ident
            ),
        );
    }
}

/// Text and `{ $field }` only: what a compiled message holds.
fn lower_pattern(pattern: &Pattern<&str>, out: &mut Vec<Piece>) -> Result<(), String> {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push(Piece::Text((*value).to_owned())),
            PatternElement::Placeable { expression } => lower_expression(expression, out)?,
        }
    }
    Ok(())
}

fn lower_expression(expression: &Expression<&str>, out: &mut Vec<Piece>) -> Result<(), String> {
    let inline = match expression {
        Expression::Inline(inline) => inline,
        Expression::Select { .. } => {
            return Err(unsupported("a select expression (`{ $x -> … }`)"));
        }
    };
    match inline {
        InlineExpression::VariableReference { id } => out.push(Piece::Var(id.name.to_owned())),
        InlineExpression::StringLiteral { value } => out.push(Piece::Text(
            fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned(),
        )),
        InlineExpression::NumberLiteral { value } => out.push(Piece::Text((*value).to_owned())),
        InlineExpression::Placeable { expression } => lower_expression(expression, out)?,
        InlineExpression::FunctionReference { id, .. } => {
            return Err(unsupported(&format!("the function `{}`", id.name)));
        }
        InlineExpression::MessageReference { id, .. } => {
            return Err(unsupported(&format!(
                "a reference to the message `{}`",
                id.name
            )));
        }
        InlineExpression::TermReference { id, .. } => {
            return Err(unsupported(&format!(
                "a reference to the term `-{}`",
                id.name
            )));
        }
    }
    Ok(())
}

fn unsupported(what: &str) -> String {
    format!(
        "{what} is not supported in error translations: a message is text and fields, as in \
         `Lead {{ $id }} was not found.`"
    )
}

/// Adjacent texts as one piece: one copy at run time.
fn merge(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (out.last_mut(), piece) {
            (Some(Piece::Text(last)), Piece::Text(text)) => last.push_str(&text),
            (_, piece) => out.push(piece),
        }
    }
    out
}

/// A language tag as a folder name: letters, digits and `-`, starting with a letter.
fn is_locale(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.len() <= 35
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}
