//! `cargo run -p error-examples --bin catalogue [OUT_DIR]`: writes the error reference of
//! every example catalogue as Markdown, one page per catalogue, into `OUT_DIR` (by default
//! `error-examples/docs`, where the pages are checked in; `tests/tests/test_docs.rs` fails
//! when they drift from the catalogues).

use std::path::PathBuf;
use std::process::ExitCode;

use error_core::docs::Reference;
use error_core::ApiError;
use error_examples::catalogues::{self, leadey, leadron, leo, wedocod};

/// One generated page: its file name and its Markdown.
pub struct Page {
    /// The file name, such as `leo.md`.
    pub file: &'static str,
    /// The page.
    pub markdown: String,
}

/// Every page, in the order of [`catalogues::all`]; each variant's example body is rendered
/// from the catalogue's sample value for it.
pub fn pages() -> Vec<Page> {
    vec![
        page("leadron.md", "LeadronError", &leadron::samples()),
        page("leo.md", "LeoError", &leo::samples()),
        page("wedocod.md", "WedocodError", &wedocod::samples()),
        page("leadey.md", "LeadeyError", &leadey::samples()),
    ]
}

fn page<E: ApiError>(file: &'static str, name: &str, samples: &[E]) -> Page {
    let about = catalogues::all()
        .into_iter()
        .find(|example| example.name == name)
        .map(|example| example.about)
        .unwrap_or_default();
    let intro = format!(
        "The errors of `{name}`, {about}. Generated from the catalogue by \
         `cargo run -p error-examples --bin catalogue`; do not edit."
    );
    let mut reference = Reference::<E>::new().title(name).intro(intro);
    for sample in samples {
        reference = reference.example(sample);
    }
    Page {
        file,
        markdown: reference.render(),
    }
}

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/docs")));
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {error}", dir.display());
        return ExitCode::FAILURE;
    }
    for page in pages() {
        let path = dir.join(page.file);
        if let Err(error) = std::fs::write(&path, page.markdown) {
            eprintln!("cannot write {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}
