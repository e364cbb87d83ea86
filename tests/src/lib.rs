//! The workspace's test crate: integration tests in `tests/`, trybuild cases in `ui/`, benches
//! in `benches/`, and the helpers they share.

use std::io::Write;
use std::sync::{Arc, Mutex};

/// The README's Rust code blocks, compiled and run as this crate's doctests:
/// `cargo test -p error-tests --all-features --doc`.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// A log sink for `tracing_subscriber`'s `with_writer`: everything written lands in one
/// shared buffer, so a test can assert the exact log lines.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    /// Everything written so far, as text.
    pub fn text(&self) -> String {
        let bytes = match self.0.lock() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.lock() {
            Ok(mut guard) => guard.extend_from_slice(buf),
            Err(poisoned) => poisoned.into_inner().extend_from_slice(buf),
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
