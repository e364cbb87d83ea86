//! Collecting every error of one derive, so the user sees them all at once.

use std::fmt::Display;

use quote::ToTokens;

#[derive(Default)]
pub struct Errors {
    inner: Option<syn::Error>,
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

    pub fn into_result(self) -> Result<(), syn::Error> {
        match self.inner {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}
