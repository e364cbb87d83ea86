//! Collecting every error of one derive, so the user sees them all at once.

use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

#[derive(Default)]
pub struct Errors {
    inner: Option<syn::Error>,
    probes: TokenStream,
}

/// What went wrong: our own errors, and code that makes rustc report the rest at a finer
/// span than a proc-macro can (inside a string literal).
pub struct Failure {
    pub error: Option<syn::Error>,
    pub probes: TokenStream,
}

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.inner {
            Some(inner) => inner.combine(error),
            None => self.inner = Some(error),
        }
    }

    pub fn spanned(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// Code that is certain not to compile, so that rustc reports the error itself. The
    /// derive then emits its fallback, as for any other error.
    pub fn rustc(&mut self, probe: TokenStream) {
        self.probes.extend(probe);
    }

    pub fn into_result(self) -> Result<(), Failure> {
        if self.inner.is_none() && self.probes.is_empty() {
            return Ok(());
        }
        Err(Failure {
            error: self.inner,
            probes: self.probes,
        })
    }
}
