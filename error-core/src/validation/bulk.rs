//! All-or-nothing validation of lists and nested structs.

use crate::{FieldErrors, FieldPath};

/// Validates every item of a bulk request: `Ok(())` when all pass, otherwise every failing
/// item's errors under `<key>.<index>.<field>`, in item order, in one [`FieldErrors`] (at
/// most [`DEFAULT_FIELD_ERROR_LIMIT`](crate::DEFAULT_FIELD_ERROR_LIMIT) kept, all counted).
///
/// `check` gets each item and a collection for that item's errors, with paths relative to
/// the item (`phone`); it can descend with [`FieldErrors::nest`] and [`FieldErrors::each`].
/// For another limit, start from [`FieldErrors::with_limit`] and call [`FieldErrors::each`].
///
/// ```
/// use error_core::validation::validate_all;
/// use error_core::FieldError;
///
/// struct Lead { phone: String, products: Vec<String> }
///
/// let leads = [
///     Lead { phone: String::new(), products: vec![] },
///     Lead { phone: "+1 555 0100".into(), products: vec!["crm".into()] },
///     Lead { phone: "+1 555 0101".into(), products: vec![] },
/// ];
/// let errors = validate_all("leads", &leads, |lead, errors| {
///     if lead.phone.is_empty() {
///         errors.push(FieldError::missing("phone"));
///     }
///     if lead.products.is_empty() {
///         errors.push(FieldError::missing("products"));
///     }
/// })
/// .unwrap_err();
///
/// let found: Vec<_> = errors.iter().map(|e| (e.path().to_string(), e.message().into_owned())).collect();
/// assert_eq!(found, [
///     ("leads.0.phone".to_string(), "leads.0.phone is required.".to_string()),
///     ("leads.0.products".to_string(), "leads.0.products is required.".to_string()),
///     ("leads.2.products".to_string(), "leads.2.products is required.".to_string()),
/// ]);
/// assert_eq!(errors.as_slice()[0].code(), "validation/missing-leads.0.phone");
/// ```
pub fn validate_all<T>(
    key: impl Into<FieldPath>,
    items: &[T],
    check: impl FnMut(&T, &mut FieldErrors),
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    errors.each(key, items, check);
    errors.into_result()
}

impl FieldErrors {
    /// Runs `check` with a collection for the errors of the struct at `key`, then adds them
    /// here under `key` (`address` + `city` = `address.city`).
    ///
    /// The inner collection keeps only as many errors as this one has room for, so nesting
    /// never lifts the bound.
    ///
    /// ```
    /// use error_core::{FieldError, FieldErrors};
    ///
    /// let mut errors = FieldErrors::new();
    /// errors.nest("address", |errors| {
    ///     errors.push(FieldError::missing("city"));
    /// });
    /// assert_eq!(errors.as_slice()[0].path().to_string(), "address.city");
    /// assert_eq!(errors.as_slice()[0].message(), "address.city is required.");
    /// ```
    pub fn nest(&mut self, key: impl Into<FieldPath>, check: impl FnOnce(&mut FieldErrors)) {
        let mut inner = FieldErrors::with_limit(self.remaining());
        check(&mut inner);
        self.take_prefixed(inner, || key.into());
    }

    /// Adds `inner`'s errors under the prefix `make` builds, building it only when `inner`
    /// kept some: past the limit, an item's errors cost a count, not a path.
    fn take_prefixed(&mut self, inner: FieldErrors, prefix: impl FnOnce() -> FieldPath) {
        if !inner.is_empty() {
            self.merge_prefixed(&prefix(), inner);
        } else {
            self.count_omitted(inner.total());
        }
    }

    /// Runs `check` on every item of the list at `key`, adding each item's errors here under
    /// `key.<index>`, in item order.
    ///
    /// ```
    /// use error_core::{FieldError, FieldErrors};
    ///
    /// let skus = ["A-1", "", "B-2", ""];
    /// let mut errors = FieldErrors::new();
    /// errors.each("products", &skus, |sku, errors| {
    ///     if sku.is_empty() {
    ///         errors.push(FieldError::missing("sku"));
    ///     }
    /// });
    /// let paths: Vec<String> = errors.iter().map(|e| e.path().to_string()).collect();
    /// assert_eq!(paths, ["products.1.sku", "products.3.sku"]);
    /// ```
    pub fn each<T>(
        &mut self,
        key: impl Into<FieldPath>,
        items: &[T],
        mut check: impl FnMut(&T, &mut FieldErrors),
    ) {
        let key = key.into();
        for (index, item) in items.iter().enumerate() {
            let mut inner = FieldErrors::with_limit(self.remaining());
            check(item, &mut inner);
            self.take_prefixed(inner, || key.clone().index(index));
        }
    }

    /// `Ok(())` when no error was added, otherwise `Err(self)`: the end of an all-or-nothing
    /// validation.
    ///
    /// ```
    /// use error_core::{FieldError, FieldErrors};
    /// assert!(FieldErrors::new().into_result().is_ok());
    /// assert!(FieldErrors::new().with(FieldError::missing("a")).into_result().is_err());
    /// ```
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.total() == 0 {
            Ok(())
        } else {
            Err(self)
        }
    }
}
