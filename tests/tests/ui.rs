//! The compile-time checks of `#[derive(ApiError)]` and `assert_unique_codes!`: every misuse in
//! `ui/fail/` must fail with exactly the compiler output in its `.stderr`, and every tricky
//! valid input in `ui/pass/` must compile.
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test -p error-tests --test ui`
//! and read every changed `.stderr` before keeping it.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/fail/*.rs");
    t.pass("ui/pass/*.rs");
}
