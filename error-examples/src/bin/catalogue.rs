//! `cargo run -p error-examples --bin catalogue [OUT_DIR] [--snapshots DIR]`: writes the
//! error reference of every example catalogue as Markdown, one page per catalogue, into
//! `OUT_DIR` (by default `error-examples/docs`, where the pages are checked in;
//! `tests/tests/test_docs.rs` fails when they drift from the catalogues).
//!
//! With `--snapshots DIR`, it also writes each catalogue's contract snapshot
//! (`error_core::contract::Snapshot`) into `DIR`. The checked-in ones are in
//! `error-examples/contracts`, checked by `tests/tests/test_contract.rs`: writing them
//! there is an explicit update, like `ERROR_CONTRACT=overwrite`.

use std::path::PathBuf;
use std::process::ExitCode;

use error_core::contract::Snapshot;
use error_core::docs::Reference;
use error_core::ApiError;
use error_examples::catalogues::{self, leadey, leadron, leo, wedocod};
use error_examples::service::LeadError;

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

/// The contract snapshot of every example catalogue and of the example service's
/// `LeadError`: its file name and the snapshot.
pub fn snapshots() -> Vec<(&'static str, Snapshot)> {
    vec![
        ("leadron.json", Snapshot::of::<leadron::LeadronError>()),
        ("leo.json", Snapshot::of::<leo::LeoError>()),
        ("wedocod.json", Snapshot::of::<wedocod::WedocodError>()),
        ("leadey.json", Snapshot::of::<leadey::LeadeyError>()),
        ("lead-error.json", Snapshot::of::<LeadError>()),
    ]
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let mut out_dir = None;
    let mut snapshot_dir = None;
    while let Some(arg) = args.next() {
        if arg == "--snapshots" {
            snapshot_dir = args.next().map(PathBuf::from);
            if snapshot_dir.is_none() {
                eprintln!("--snapshots needs a directory");
                return ExitCode::FAILURE;
            }
        } else {
            out_dir = Some(PathBuf::from(arg));
        }
    }
    if let Some(dir) = snapshot_dir {
        if let Err(error) = std::fs::create_dir_all(&dir) {
            eprintln!("cannot create {}: {error}", dir.display());
            return ExitCode::FAILURE;
        }
        for (file, snapshot) in snapshots() {
            let path = dir.join(file);
            if let Err(error) = std::fs::write(&path, snapshot.to_json()) {
                eprintln!("cannot write {}: {error}", path.display());
                return ExitCode::FAILURE;
            }
            println!("wrote {}", path.display());
        }
    }
    let dir =
        out_dir.unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/docs")));
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
