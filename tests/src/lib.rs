//! Test crate.

/// The README's Rust code blocks, compiled and run as this crate's doctests:
/// `cargo test -p error-tests --all-features --doc`.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
