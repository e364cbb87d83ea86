//! The error reference of an enum, generated from its catalogue: one declaration, and the
//! page that documents it cannot drift from the code.
//!
//! [`markdown`] writes a page like the error pages of public APIs: the status codes with
//! what to do about each, then one section per error with its status, code, message,
//! suggested action and an example body in the enum's own format. [`Reference`] adds a
//! title, an introduction, real example values and a choice of format.
//!
//! ```
//! use error_core::ApiError;
//!
//! #[derive(ApiError)]
//! #[api(format = error_core::format::Compact)]
//! enum BillingError {
//!     #[api(status = 402, code = "payment_required",
//!           message = "Your credit balance is too low for the action.",
//!           action = "Top up your credits.")]
//!     PaymentRequired,
//! }
//!
//! let page = error_core::docs::markdown::<BillingError>();
//! assert!(page.starts_with("# BillingError\n"));
//! assert!(page.contains("| `402` | Payment Required | `payment_required` | Top up your credits. |"));
//! assert!(page.contains(
//!     "```json\n{\n  \"error\": {\n    \"message\": \"Your credit balance is too low for the action.\",\n    \"details\": null\n  }\n}\n```"
//! ));
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::catalogue::entries;
use crate::format::Format;
use crate::{ApiError, CatalogueEntry, RenderContext, Timestamp};

mod pretty;
mod sample;

pub use pretty::pretty_json;
pub use sample::Sample;

/// `text` inside a double-quoted HTML attribute.
fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The time example bodies are rendered at, `2026-02-08T12:00:00.000Z` (the reference
/// pages' own), so that generated pages do not change from one run to the next.
///
/// ```
/// assert_eq!(error_core::docs::EXAMPLE_TIME.to_string(), "2026-02-08T12:00:00.000Z");
/// ```
pub const EXAMPLE_TIME: Timestamp = Timestamp::from_unix_millis(1_770_552_000_000);

/// The Markdown error reference of `E` with the defaults of [`Reference`]: titled with the
/// enum's name, bodies in its own format at [`EXAMPLE_TIME`], placeholders left as written.
///
/// ```
/// use error_core::ApiError;
///
/// #[derive(ApiError)]
/// enum LeadError {
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let page = error_core::docs::markdown::<LeadError>();
/// assert!(page.contains("### `lead/not-found`\n\n- Status: `404 Not Found`\n- Message: Lead {id} was not found.\n"));
/// ```
pub fn markdown<E: ApiError>() -> String {
    Reference::<E>::new().render()
}

/// A configurable error reference page for `E`.
///
/// Every error of the flattened catalogue (through `transparent` variants) gets a section.
/// Its example body is rendered from a value given with [`Reference::example`] when there is
/// one for that variant, and otherwise from the catalogue entry alone (a [`Sample`]): the
/// message template as written, no field errors.
///
/// ```
/// use error_core::docs::Reference;
/// use error_core::{ApiError, FieldError, FieldErrors};
///
/// #[derive(Debug, ApiError)]
/// #[api(format = error_core::format::Nested)]
/// enum LeadError {
///     #[api(status = 400, code = "validation_error", message = "Invalid request parameters.",
///           action = "Check the details array for specific field errors.")]
///     Validation(#[api(fields)] FieldErrors),
/// }
///
/// let example = LeadError::Validation(FieldErrors::new().with(FieldError::missing("user_id")));
/// let page = Reference::<LeadError>::new()
///     .title("Errors")
///     .intro("The Leads API answers errors with this envelope.")
///     .example(&example)
///     .render();
/// assert!(page.starts_with("# Errors\n\nThe Leads API answers errors with this envelope.\n"));
/// assert!(page.contains(r#""code": "validation/missing-user_id","#));
/// ```
pub struct Reference<'a, E> {
    title: Option<Cow<'a, str>>,
    intro: Option<Cow<'a, str>>,
    ctx: RenderContext<'a>,
    examples: Vec<&'a E>,
}

impl<E: ApiError> Default for Reference<'_, E> {
    fn default() -> Self {
        Reference::new()
    }
}

impl<'a, E: ApiError> Reference<'a, E> {
    /// The page with its defaults: the enum's name as title, no introduction, bodies
    /// rendered at [`EXAMPLE_TIME`].
    pub fn new() -> Self {
        Reference {
            title: None,
            intro: None,
            ctx: RenderContext::at(EXAMPLE_TIME),
            examples: Vec::new(),
        }
    }

    /// Sets the page title (the `#` heading).
    pub fn title(mut self, title: impl Into<Cow<'a, str>>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets a paragraph written under the title (Markdown, copied as is).
    pub fn intro(mut self, intro: impl Into<Cow<'a, str>>) -> Self {
        self.intro = Some(intro.into());
        self
    }

    /// Sets the context example bodies are rendered with (time, version, request id).
    ///
    /// ```
    /// use error_core::docs::Reference;
    /// use error_core::{ApiError, RenderContext, Timestamp};
    ///
    /// #[derive(ApiError)]
    /// #[api(format = error_core::format::Flat)]
    /// enum E {
    ///     #[api(status = 404)]
    ///     NotFound,
    /// }
    ///
    /// let ctx = RenderContext::at(Timestamp::from_unix_millis(0)).with_version("v2");
    /// let page = Reference::<E>::new().context(ctx).render();
    /// assert!(page.contains(r#""timestamp": "1970-01-01T00:00:00.000Z","#));
    /// assert!(page.contains(r#""version": "v2""#));
    /// ```
    pub fn context(mut self, ctx: RenderContext<'a>) -> Self {
        self.ctx = ctx;
        self
    }

    /// Uses `error` as the example of its variant, instead of the catalogue entry alone: the
    /// way to show real field errors, details and filled-in placeholders. The last example
    /// given for a variant wins.
    pub fn example(mut self, error: &'a E) -> Self {
        self.examples.push(error);
        self
    }

    /// The page, bodies in `E`'s own format.
    pub fn render(&self) -> String {
        self.render_with(&E::format())
    }

    /// The page, bodies in `format` (a service that picks its envelope at run time).
    ///
    /// ```
    /// use error_core::docs::Reference;
    /// use error_core::format::Builtin;
    /// use error_core::ApiError;
    ///
    /// #[derive(ApiError)]
    /// enum E {
    ///     #[api(status = 401, message = "Unauthenticated.", www_authenticate = "Bearer")]
    ///     Unauthenticated,
    /// }
    ///
    /// let page = Reference::<E>::new().render_with(&Builtin::Laravel);
    /// assert!(page.contains("`application/json`"));
    /// assert!(page.contains("```json\n{\n  \"message\": \"Unauthenticated.\"\n}\n```"));
    /// ```
    pub fn render_with<F: Format + ?Sized>(&self, format: &F) -> String {
        let all: Vec<&'static CatalogueEntry> = entries(E::CATALOGUE).collect();
        let mut page = String::new();
        let title = match &self.title {
            Some(title) => title.clone(),
            None => Cow::Borrowed(short_type_name::<E>()),
        };
        let _ = writeln!(page, "# {title}\n");
        if let Some(intro) = &self.intro {
            let _ = writeln!(page, "{}\n", intro.trim_end());
        }
        let _ = write!(
            page,
            "Every error is answered with its HTTP status and a body of type `{}`. \
             The examples are rendered at a fixed time.",
            format.content_type()
        );
        if all.iter().any(|entry| entry.is_templated()) {
            page.push_str(" `{name}` in a message stands for a value filled in at run time.");
        }
        page.push_str("\n\n");

        page.push_str("## Status codes\n\n");
        page.push_str("| Status | Meaning | Errors | What to do |\n");
        page.push_str("| --- | --- | --- | --- |\n");
        for status in statuses(&all) {
            let group: Vec<_> = all.iter().filter(|e| e.status() == status).collect();
            let codes: Vec<String> = group.iter().map(|e| code_span(e.code())).collect();
            let mut actions: Vec<&str> = Vec::new();
            for action in group.iter().filter_map(|e| e.action()) {
                if !actions.contains(&action) {
                    actions.push(action);
                }
            }
            let todo = if actions.is_empty() {
                "—".to_owned()
            } else {
                actions
                    .iter()
                    .map(|a| escape_text(a))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let _ = writeln!(
                page,
                "| `{status}` | {} | {} | {todo} |",
                escape_text(group[0].title()),
                codes.join(", ")
            );
        }

        page.push_str("\n## Errors\n");
        for entry in &all {
            // The anchor an enum's `docs` page link names (`…/errors#lead/not-found`), for
            // renderers that do not derive one from the heading the same way.
            let anchored = entry
                .docs()
                .and_then(|url| url.rsplit_once('#'))
                .is_some_and(|(_, anchor)| anchor == entry.code());
            if anchored {
                let _ = write!(
                    page,
                    "\n<a id=\"{}\"></a>\n",
                    escape_attribute(entry.code())
                );
            }
            let _ = writeln!(page, "\n### {}\n", code_span(entry.code()));
            let _ = writeln!(page, "- Status: `{} {}`", entry.status(), entry.title());
            let _ = writeln!(page, "- Message: {}", escape_text(entry.message()));
            if let Some(action) = entry.action() {
                let _ = writeln!(page, "- Suggested action: {}", escape_text(action));
            }
            if let Some(challenge) = entry.www_authenticate() {
                let _ = writeln!(page, "- `WWW-Authenticate`: {}", code_span(challenge));
            }
            let mut body = Vec::new();
            let example = self
                .examples
                .iter()
                .rev()
                .find(|example| same_entry(example.entry(), entry));
            match example {
                Some(example) => example.render_into(format, &self.ctx, &mut body),
                None => Sample::<E>::new(entry).render_into(format, &self.ctx, &mut body),
            }
            let _ = writeln!(page, "\n```json\n{}\n```", pretty_json(&body));
        }
        page
    }
}

/// Whether `a` and `b` are the same catalogue entry. Not by address: a `const` catalogue
/// may be laid out more than once. A detail code names one entry of a catalogue (the derive
/// checks it), the variant name tells apart equal codes from two enums under a
/// `transparent` variant.
fn same_entry(a: &CatalogueEntry, b: &CatalogueEntry) -> bool {
    a.code() == b.code() && a.variant() == b.variant() && a.status() == b.status()
}

/// The distinct statuses of `entries`, ascending.
fn statuses(entries: &[&'static CatalogueEntry]) -> Vec<u16> {
    let mut statuses: Vec<u16> = entries.iter().map(|e| e.status()).collect();
    statuses.sort_unstable();
    statuses.dedup();
    statuses
}

/// `path::to::LeadError<T>` → `LeadError<T>`.
fn short_type_name<T: ?Sized>() -> &'static str {
    let full = core::any::type_name::<T>();
    let base = full.split('<').next().unwrap_or(full);
    match base.rfind("::") {
        Some(at) => &full[at + 2..],
        None => full,
    }
}

/// A code span that holds any text: fenced with more backticks than the text contains.
fn code_span(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Text that Markdown shows as written, in a paragraph, a list item or a table cell.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a`b"), "`` a`b ``");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a_b | <c>\nd"), "a\\_b \\| \\<c\\> d");
    }

    #[test]
    fn short_names() {
        assert_eq!(short_type_name::<crate::FieldErrors>(), "FieldErrors");
        assert_eq!(short_type_name::<Option<u8>>(), "Option<u8>");
    }
}
