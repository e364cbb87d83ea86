//! The cross-enum uniqueness check behind [`assert_unique_codes!`](crate::assert_unique_codes):
//! `const fn`s that walk catalogues at compile time.

use crate::CatalogueEntry;

/// One error entry found while walking catalogues: which listed type it came from.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Leaf {
    owner: &'static str,
    /// The owner's `transparent` variant the entry was reached through, or "".
    via: &'static str,
    variant: &'static str,
    code: &'static str,
}

impl Leaf {
    const EMPTY: Leaf = Leaf {
        owner: "",
        via: "",
        variant: "",
        code: "",
    };
}

/// A catalogue to check, named as the user wrote it.
#[doc(hidden)]
pub type Named = (&'static str, &'static [CatalogueEntry]);

#[doc(hidden)]
pub const fn count_leaves(catalogues: &[Named]) -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < catalogues.len() {
        total += count_in(catalogues[i].1);
        i += 1;
    }
    total
}

const fn count_in(catalogue: &'static [CatalogueEntry]) -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < catalogue.len() {
        total += match catalogue[i].transparent() {
            Some(inner) => count_in(inner),
            None => 1,
        };
        i += 1;
    }
    total
}

#[doc(hidden)]
pub const fn collect_leaves<const N: usize>(catalogues: &[Named]) -> [Leaf; N] {
    let mut out = [Leaf::EMPTY; N];
    let mut filled = 0;
    let mut i = 0;
    while i < catalogues.len() {
        filled = collect_in(catalogues[i].0, "", catalogues[i].1, &mut out, filled);
        i += 1;
    }
    out
}

const fn collect_in(
    owner: &'static str,
    via: &'static str,
    catalogue: &'static [CatalogueEntry],
    out: &mut [Leaf],
    mut filled: usize,
) -> usize {
    let mut i = 0;
    while i < catalogue.len() {
        let entry = &catalogue[i];
        match entry.transparent() {
            Some(inner) => {
                // The outermost transparent variant is the one the user can find in `owner`.
                let via = if via.is_empty() { entry.variant() } else { via };
                filled = collect_in(owner, via, inner, out, filled)
            }
            None => {
                if filled < out.len() {
                    out[filled] = Leaf {
                        owner,
                        via,
                        variant: entry.variant(),
                        code: entry.code(),
                    };
                }
                filled += 1;
            }
        }
        i += 1;
    }
    filled
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const MESSAGE_CAPACITY: usize = 512;

/// The compile-time error message, built without allocation.
#[doc(hidden)]
pub struct DuplicateMessage {
    buf: [u8; MESSAGE_CAPACITY],
    len: usize,
}

impl DuplicateMessage {
    const fn push(mut self, s: &str) -> Self {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() && self.len < MESSAGE_CAPACITY {
            self.buf[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    const fn place(self, leaf: &Leaf) -> Self {
        let this = self
            .push("by `")
            .push(leaf.owner)
            .push("` (variant `")
            .push(leaf.variant);
        if leaf.via.is_empty() {
            this.push("`)")
        } else {
            this.push("`, through its transparent variant `")
                .push(leaf.via)
                .push("`)")
        }
    }

    /// The message, or `None` when every code is unique.
    pub const fn as_str(&self) -> Option<&str> {
        if self.len == 0 {
            return None;
        }
        match core::str::from_utf8(self.buf.split_at(self.len).0) {
            Ok(message) => Some(message),
            // Truncation cut a character in two: say what matters without the names.
            Err(_) => Some("two catalogues declare the same error code"),
        }
    }
}

/// Finds the first code declared twice and describes both places.
#[doc(hidden)]
pub const fn find_duplicate(leaves: &[Leaf]) -> DuplicateMessage {
    let mut i = 0;
    while i < leaves.len() {
        let mut j = i + 1;
        while j < leaves.len() {
            if str_eq(leaves[i].code, leaves[j].code) {
                let (a, b) = (&leaves[i], &leaves[j]);
                return DuplicateMessage {
                    buf: [0; MESSAGE_CAPACITY],
                    len: 0,
                }
                .push("error code `")
                .push(a.code)
                .push("` is declared twice: ")
                .place(a)
                .push(" and ")
                .place(b)
                .push("; give one of them another `code`");
            }
            j += 1;
        }
        i += 1;
    }
    DuplicateMessage {
        buf: [0; MESSAGE_CAPACITY],
        len: 0,
    }
}

/// Fails compilation when two of the listed error enums declare the same detail code.
///
/// A `transparent` variant brings the catalogue of the enum it wraps, so a top-level error
/// enum composed of sub-enums is checked whole in one line. The check runs at compile time;
/// its error names the code and both variants.
///
/// ```
/// use error_core::{assert_unique_codes, ApiError};
///
/// #[derive(ApiError)]
/// enum AuthError {
///     #[api(status = 401, code = "auth/missing-key", www_authenticate = "Bearer")]
///     MissingKey,
/// }
///
/// #[derive(ApiError)]
/// enum LeadError {
///     #[api(status = 404, code = "lead/not-found")]
///     NotFound,
/// }
///
/// assert_unique_codes!(AuthError, LeadError);
/// ```
///
/// ```compile_fail
/// use error_core::{assert_unique_codes, ApiError};
///
/// #[derive(ApiError)]
/// enum A { #[api(status = 404)] NotFound }
/// #[derive(ApiError)]
/// enum B { #[api(status = 404)] NotFound }
///
/// assert_unique_codes!(A, B); // error code `not_found` is declared twice
/// ```
#[macro_export]
macro_rules! assert_unique_codes {
    ($($ty:ty),+ $(,)?) => {
        const _: () = {
            const CATALOGUES: &[$crate::__private::Named] = &[
                $((::core::stringify!($ty), <$ty as $crate::ApiError>::CATALOGUE)),+
            ];
            const LEAVES: [$crate::__private::Leaf; $crate::__private::count_leaves(CATALOGUES)] =
                $crate::__private::collect_leaves(CATALOGUES);
            const MESSAGE: $crate::__private::DuplicateMessage =
                $crate::__private::find_duplicate(&LEAVES);
            if let ::core::option::Option::Some(message) = MESSAGE.as_str() {
                ::core::panic!("{}", message)
            }
        };
    };
}
