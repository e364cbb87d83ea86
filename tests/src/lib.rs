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

thread_local! {
    /// The buffer the logs of this thread go to, while a [`LogGuard`] lives.
    static CAPTURING: std::cell::RefCell<Option<Captured>> = const { std::cell::RefCell::new(None) };
}

/// Writes to the capturing thread's buffer, if any.
struct ThreadWriter;

impl Write for ThreadWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        CAPTURING.with(|capturing| {
            if let Some(captured) = capturing.borrow_mut().as_mut() {
                let _ = captured.write(buf);
            }
        });
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Stops the capture of [`capture_logs`] when dropped.
pub struct LogGuard(());

impl Drop for LogGuard {
    fn drop(&mut self) {
        CAPTURING.with(|capturing| *capturing.borrow_mut() = None);
    }
}

/// Captures what is logged on this thread (a `#[tokio::test]`'s runtime, an actix test's)
/// until the guard is dropped: lines without time, target or colours.
///
/// One global subscriber serves every test of the binary, and each test's lines go to its
/// own thread's buffer. (A `set_default` subscriber per test is flaky when tests run in
/// parallel: tracing caches each callsite's interest and the global maximum level across
/// threads, so a line may be filtered out while another test's subscriber comes and goes.)
pub fn capture_logs() -> (Captured, LogGuard) {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_writer(|| ThreadWriter)
            .with_target(false)
            .without_time()
            .with_ansi(false)
            .finish();
        // Another global subscriber (none in these tests) would keep its place.
        let _ = tracing::subscriber::set_global_default(subscriber);
    });
    let logs = Captured::default();
    CAPTURING.with(|capturing| *capturing.borrow_mut() = Some(logs.clone()));
    (logs, LogGuard(()))
}
