//! The compile-time checks of `#[derive(ApiError)]` and `assert_unique_codes!`: every misuse in
//! `ui/fail/` must fail with exactly the compiler output in its `.stderr`, and every tricky
//! valid input in `ui/pass/` must compile.
//!
//! The cases of `#[api(tonic)]` are in `ui/tonic/`, run with the `tonic` feature (CI's
//! `--all-features`): without it, each of them would only say that the feature is off.
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test -p error-tests --test ui`
//! (with `--features tonic` for `ui/tonic/`) and read every changed `.stderr` before keeping it.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/fail/*.rs");
    t.pass("ui/pass/*.rs");
}

#[cfg(feature = "tonic")]
#[test]
fn ui_tonic() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/tonic/fail/*.rs");
    t.pass("ui/tonic/pass/*.rs");
}
