//! One catalogue per reference page, each reproducing the page's status table.
//!
//! | module | page | format |
//! |---|---|---|
//! | [`leadron`] | a leads API with a `success` flag and `meta` | [`Flat`](error_core::format::Flat) |
//! | [`leo`] | a CRM API with seven named errors | [`Nested`](error_core::format::Nested) |
//! | [`wedocod`] | a Laravel-based orders and leads API | [`Laravel`](error_core::format::Laravel) |
//! | [`leadey`] | a leads API with credits | [`Compact`](error_core::format::Compact) |

pub mod leadey;
pub mod leadron;
pub mod leo;
pub mod wedocod;

use error_core::ApiError;

/// Sample envelopes: each variant's name with its rendered body.
pub type Rendered = Vec<(&'static str, Vec<u8>)>;

/// A catalogue as the tour and the documentation see it: its name, a sample value for every
/// variant (in declaration order), and how to render them.
pub struct Example {
    /// The catalogue's name, such as `LeoError`.
    pub name: &'static str,
    /// One line on where the catalogue comes from.
    pub about: &'static str,
    /// The catalogue.
    pub catalogue: &'static [error_core::CatalogueEntry],
    /// Renders every sample with `ctx`, in declaration order.
    pub render_samples: fn(&error_core::RenderContext<'_>) -> Rendered,
}

fn render_all<E: ApiError>(samples: Vec<E>, ctx: &error_core::RenderContext<'_>) -> Rendered {
    samples
        .into_iter()
        .map(|sample| (sample.entry().variant(), sample.to_json(ctx)))
        .collect()
}

/// Every example catalogue.
pub fn all() -> [Example; 4] {
    [
        Example {
            name: "LeadronError",
            about: "the Leadron leads API (Flat envelope)",
            catalogue: leadron::LeadronError::CATALOGUE,
            render_samples: |ctx| render_all(leadron::samples(), ctx),
        },
        Example {
            name: "LeoError",
            about: "the seven named errors of a CRM API (Nested envelope)",
            catalogue: leo::LeoError::CATALOGUE,
            render_samples: |ctx| render_all(leo::samples(), ctx),
        },
        Example {
            name: "WedocodError",
            about: "a Laravel-based orders and leads API (Laravel envelope)",
            catalogue: wedocod::WedocodError::CATALOGUE,
            render_samples: |ctx| render_all(wedocod::samples(), ctx),
        },
        Example {
            name: "LeadeyError",
            about: "the Leadey leads API with credits (Compact envelope)",
            catalogue: leadey::LeadeyError::CATALOGUE,
            render_samples: |ctx| render_all(leadey::samples(), ctx),
        },
    ]
}
