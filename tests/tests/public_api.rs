//! error-core's public API, listed from its source and compared with the checked-in
//! `tests/public-api.txt`, so that the API cannot grow (or shrink) by accident.
//!
//! The listing is made by parsing `error-core/src` with `syn` (rustdoc's JSON output would
//! need a nightly toolchain): every `pub` item of every module that is not `#[doc(hidden)]`
//! or `#[cfg(test)]`, with its signature and the `cfg` it sits under; `pub use` re-exports
//! as written; inherent `pub` methods and trait impls of the types the API reaches.
//! An item of a private module counts when some `pub use` names it.
//!
//! After a deliberate change, regenerate the listing and review its diff:
//!
//! ```sh
//! PUBLIC_API=overwrite cargo test -p error-tests --test public_api
//! ```

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quote::ToTokens;
use syn::{Attribute, ImplItem, Item, TraitItem, UseTree, Visibility};

/// One module to read: its path in the crate, the file it is in, the directory its child
/// modules' files are in, whether every module down to it is `pub`, and its `cfg`s.
struct Module {
    path: String,
    items: Vec<Item>,
    dir: PathBuf,
    public: bool,
    cfg: Vec<String>,
}

fn tokens(node: &impl ToTokens) -> String {
    // `quote`'s spacing, tidied where it hurts reading.
    node.to_token_stream()
        .to_string()
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" ,", ",")
        .replace("& '", "&'")
        .replace(" < ", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" (", "(")
        .replace("( ", "(")
        .replace(" )", ")")
        .replace("& ", "&")
        .replace(" ;", ";")
        .replace("# [", "#[")
        .replace(" !", "!")
        .replace(" : ", ": ")
        .replace("? Sized", "?Sized")
        .replace(",)", ")")
        .replace("{  }", "{ }")
}

/// A variant's fields, without their attributes (doc comments).
fn fields(fields: &syn::Fields) -> String {
    let list: Vec<String> = fields
        .iter()
        .map(|f| match &f.ident {
            Some(ident) => format!("{ident}: {}", tokens(&f.ty)),
            None => tokens(&f.ty),
        })
        .collect();
    match fields {
        syn::Fields::Named(_) => format!(" {{ {} }}", list.join(", ")),
        syn::Fields::Unnamed(_) => format!("({})", list.join(", ")),
        syn::Fields::Unit => String::new(),
    }
}

/// The `#[derive(…)]` and `#[non_exhaustive]` attributes, which are API too.
fn derives(attrs: &[Attribute]) -> String {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive") || attr.path().is_ident("non_exhaustive"))
        .map(|attr| format!("{} ", tokens(attr)))
        .collect()
}

fn is_pub(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

fn has_meta(attrs: &[Attribute], name: &str, inner: &str) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident(name) && {
            let mut found = false;
            let _ = attr.parse_nested_meta(|meta| {
                found |= meta.path.is_ident(inner);
                if meta.input.peek(syn::token::Paren) || meta.input.peek(syn::Token![=]) {
                    let _ = meta.input.parse::<proc_macro2::TokenStream>();
                }
                Ok(())
            });
            found
        }
    })
}

fn hidden(attrs: &[Attribute]) -> bool {
    has_meta(attrs, "doc", "hidden") || has_meta(attrs, "cfg", "test")
}

fn cfgs(attrs: &[Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("cfg"))
        .map(tokens)
        .collect()
}

fn parse_file(path: &Path) -> Vec<Item> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    syn::parse_file(&text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .items
}

/// Every module of the crate, following `mod x;` to `x.rs` or `x/mod.rs`.
fn modules(root: &Path) -> Vec<Module> {
    let mut todo = vec![Module {
        path: "error_core".into(),
        items: parse_file(&root.join("lib.rs")),
        dir: root.to_path_buf(),
        public: true,
        cfg: Vec::new(),
    }];
    let mut done = Vec::new();
    while let Some(module) = todo.pop() {
        for item in &module.items {
            let Item::Mod(child) = item else { continue };
            if hidden(&child.attrs) {
                continue;
            }
            let name = child.ident.to_string();
            let mut cfg = module.cfg.clone();
            cfg.extend(cfgs(&child.attrs));
            let (items, dir) = match &child.content {
                Some((_, items)) => (items.clone(), module.dir.join(&name)),
                None => {
                    let file = module.dir.join(format!("{name}.rs"));
                    if file.exists() {
                        (parse_file(&file), module.dir.join(&name))
                    } else {
                        let dir = module.dir.join(&name);
                        (parse_file(&dir.join("mod.rs")), dir)
                    }
                }
            };
            todo.push(Module {
                path: format!("{}::{name}", module.path),
                items,
                dir,
                public: module.public && is_pub(&child.vis),
                cfg,
            });
        }
        done.push(module);
    }
    done.sort_by(|a, b| a.path.cmp(&b.path));
    done
}

/// The last segment of every name a `pub use` brings in (renames: the new name).
fn reexported(tree: &UseTree, names: &mut BTreeSet<String>) {
    match tree {
        UseTree::Path(path) => reexported(&path.tree, names),
        UseTree::Name(name) => {
            names.insert(name.ident.to_string());
        }
        UseTree::Rename(rename) => {
            names.insert(rename.ident.to_string());
            names.insert(rename.rename.to_string());
        }
        UseTree::Glob(_) => {}
        UseTree::Group(group) => group.items.iter().for_each(|tree| reexported(tree, names)),
    }
}

/// The name of the type an `impl` block is for (`FieldPath` of `impl<'a> FieldPath<'a>`).
fn self_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()),
        syn::Type::Reference(reference) => self_name(&reference.elem),
        _ => None,
    }
}

fn listing(root: &Path) -> String {
    let modules = modules(root);
    let mut names = BTreeSet::new();
    for module in &modules {
        for item in &module.items {
            if let Item::Use(use_) = item {
                if is_pub(&use_.vis) && !hidden(&use_.attrs) {
                    reexported(&use_.tree, &mut names);
                }
            }
        }
    }
    // The crate's public traits: their blanket impls (`impl<T: Serialize> Details for T`)
    // are API even though their self type is no item of the crate.
    let mut public_traits = BTreeSet::new();
    let mut local_traits = BTreeSet::new();
    for module in &modules {
        for item in &module.items {
            if let Item::Trait(t) = item {
                local_traits.insert(t.ident.to_string());
                if is_pub(&t.vis) && !hidden(&t.attrs) {
                    public_traits.insert(t.ident.to_string());
                }
            }
        }
    }
    let mut out = String::new();
    for module in &modules {
        let reachable = |name: &str| module.public || names.contains(name);
        let mut lines = Vec::new();
        for item in &module.items {
            let (attrs, line) = match item {
                Item::Use(i) if is_pub(&i.vis) => {
                    (&i.attrs, format!("pub use {};", tokens(&i.tree)))
                }
                Item::Fn(i) if is_pub(&i.vis) && reachable(&i.sig.ident.to_string()) => {
                    (&i.attrs, format!("pub {};", tokens(&i.sig)))
                }
                Item::Const(i) if is_pub(&i.vis) && reachable(&i.ident.to_string()) => (
                    &i.attrs,
                    format!("pub const {}: {};", i.ident, tokens(&i.ty)),
                ),
                Item::Static(i) if is_pub(&i.vis) && reachable(&i.ident.to_string()) => (
                    &i.attrs,
                    format!("pub static {}: {};", i.ident, tokens(&i.ty)),
                ),
                Item::Type(i) if is_pub(&i.vis) && reachable(&i.ident.to_string()) => (
                    &i.attrs,
                    format!(
                        "pub type {}{} = {};",
                        i.ident,
                        tokens(&i.generics),
                        tokens(&i.ty)
                    ),
                ),
                Item::Struct(i) if is_pub(&i.vis) && reachable(&i.ident.to_string()) => {
                    let fields: Vec<String> = i
                        .fields
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| is_pub(&f.vis))
                        .map(|(n, f)| match &f.ident {
                            Some(ident) => format!("pub {ident}: {}", tokens(&f.ty)),
                            None => format!("pub {n}: {}", tokens(&f.ty)),
                        })
                        .collect();
                    let where_ = i
                        .generics
                        .where_clause
                        .as_ref()
                        .map(tokens)
                        .unwrap_or_default();
                    (
                        &i.attrs,
                        format!(
                            "{}pub struct {}{}{} {{ {}}}",
                            derives(&i.attrs),
                            i.ident,
                            tokens(&i.generics),
                            where_,
                            fields.iter().map(|f| format!("{f}, ")).collect::<String>()
                        ),
                    )
                }
                Item::Enum(i) if is_pub(&i.vis) && reachable(&i.ident.to_string()) => {
                    let variants: Vec<String> = i
                        .variants
                        .iter()
                        .map(|v| format!("{}{}", v.ident, fields(&v.fields)))
                        .collect();
                    (
                        &i.attrs,
                        format!(
                            "{}pub enum {}{} {{ {} }}",
                            derives(&i.attrs),
                            i.ident,
                            tokens(&i.generics),
                            variants.join(", ")
                        ),
                    )
                }
                Item::Trait(i) if is_pub(&i.vis) && reachable(&i.ident.to_string()) => {
                    let members: Vec<String> = i
                        .items
                        .iter()
                        .filter_map(|member| match member {
                            TraitItem::Fn(f) if !hidden(&f.attrs) => Some(format!(
                                "{}{};",
                                tokens(&f.sig),
                                if f.default.is_some() { " {…}" } else { "" }
                            )),
                            TraitItem::Const(c) if !hidden(&c.attrs) => Some(format!(
                                "const {}: {}{};",
                                c.ident,
                                tokens(&c.ty),
                                if c.default.is_some() { " = …" } else { "" }
                            )),
                            TraitItem::Type(t) if !hidden(&t.attrs) => Some(format!(
                                "type {}{};",
                                t.ident,
                                if t.bounds.is_empty() {
                                    String::new()
                                } else {
                                    format!(": {}", tokens(&t.bounds))
                                }
                            )),
                            _ => None,
                        })
                        .collect();
                    let supertraits = if i.supertraits.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", tokens(&i.supertraits))
                    };
                    (
                        &i.attrs,
                        format!(
                            "pub trait {}{}{} {{ {} }}",
                            i.ident,
                            tokens(&i.generics),
                            supertraits,
                            members.join(" ")
                        ),
                    )
                }
                Item::Macro(i) if i.attrs.iter().any(|a| a.path().is_ident("macro_export")) => (
                    &i.attrs,
                    format!(
                        "macro {}!",
                        i.ident
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default()
                    ),
                ),
                Item::Impl(i) => {
                    let name = self_name(&i.self_ty).unwrap_or_default();
                    let trait_name = i
                        .trait_
                        .as_ref()
                        .and_then(|(_, path, _)| path.segments.last().map(|s| s.ident.to_string()));
                    // An impl of a trait the crate keeps to itself is not API.
                    let listed = reachable(&name)
                        && trait_name
                            .as_ref()
                            .is_none_or(|t| public_traits.contains(t) || !local_traits.contains(t))
                        || trait_name.is_some_and(|t| public_traits.contains(&t));
                    if !listed {
                        continue;
                    }
                    let head = format!(
                        "impl{} {}{}{}",
                        tokens(&i.generics),
                        i.trait_
                            .as_ref()
                            .map(|(bang, path, _)| format!(
                                "{}{} for ",
                                if bang.is_some() { "!" } else { "" },
                                tokens(path)
                            ))
                            .unwrap_or_default(),
                        tokens(&i.self_ty),
                        i.generics
                            .where_clause
                            .as_ref()
                            .map(|w| format!(" {}", tokens(w)))
                            .unwrap_or_default(),
                    );
                    if i.trait_.is_some() {
                        (&i.attrs, head)
                    } else {
                        let methods: Vec<String> = i
                            .items
                            .iter()
                            .filter_map(|member| match member {
                                ImplItem::Fn(f) if is_pub(&f.vis) && !hidden(&f.attrs) => {
                                    Some(format!("    pub {};", tokens(&f.sig)))
                                }
                                ImplItem::Const(c) if is_pub(&c.vis) && !hidden(&c.attrs) => {
                                    Some(format!("    pub const {}: {};", c.ident, tokens(&c.ty)))
                                }
                                _ => None,
                            })
                            .collect();
                        if methods.is_empty() {
                            continue;
                        }
                        (&i.attrs, format!("{head}\n{}", methods.join("\n")))
                    }
                }
                _ => continue,
            };
            if hidden(attrs) {
                continue;
            }
            let cfg = cfgs(attrs);
            lines.push(if cfg.is_empty() {
                line
            } else {
                format!("{} {line}", cfg.join(" "))
            });
        }
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "mod {}{}{}",
            module.path,
            if module.public {
                ""
            } else {
                " (private; reached through `pub use`)"
            },
            if module.cfg.is_empty() {
                String::new()
            } else {
                format!(" {}", module.cfg.join(" "))
            }
        );
        for line in lines {
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    out
}

#[test]
fn public_api_is_the_checked_in_listing() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let actual = listing(&manifest.join("../error-core/src"));
    let file = manifest.join("public-api.txt");
    if std::env::var_os("PUBLIC_API").is_some_and(|v| v == "overwrite") {
        std::fs::write(&file, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&file).unwrap_or_default();
    if expected != actual {
        let removed: Vec<&str> = expected
            .lines()
            .filter(|l| !actual.lines().any(|a| a == *l))
            .collect();
        let added: Vec<&str> = actual
            .lines()
            .filter(|l| !expected.lines().any(|e| e == *l))
            .collect();
        panic!(
            "error-core's public API differs from tests/public-api.txt.\n\
             added:\n  {}\nremoved:\n  {}\n\
             If the change is deliberate, regenerate the listing and review its diff:\n  \
             PUBLIC_API=overwrite cargo test -p error-tests --test public_api",
            added.join("\n  "),
            removed.join("\n  ")
        );
    }
}
