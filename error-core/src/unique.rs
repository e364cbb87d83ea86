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
///
/// Each code is hashed once (FNV-1a), the leaves are sorted by hash (a heapsort over their
/// indices, in place: `O(n log n)` integer comparisons and no recursion), and only leaves
/// with equal hashes have their codes compared. Thousands of codes thus stay far below the
/// const evaluator's step limits, where the pairwise comparison this replaced did not. The
/// pair reported is the one a pairwise scan would find first: the earliest leaf that has a
/// twin, and its earliest twin.
#[doc(hidden)]
pub const fn find_duplicate<const N: usize>(leaves: &[Leaf; N]) -> DuplicateMessage {
    let mut hashes = [0u64; N];
    let mut order = [0usize; N];
    let mut i = 0;
    while i < N {
        hashes[i] = fnv1a(leaves[i].code);
        order[i] = i;
        i += 1;
    }
    sort_by_hash(&hashes, &mut order);
    // The first pair (by the first leaf's position) of equal codes.
    let mut found: Option<(usize, usize)> = None;
    let mut start = 0;
    while start < N {
        // A run of equal hashes, in declaration order; almost always one or two leaves.
        let mut end = start + 1;
        while end < N && hashes[order[end]] == hashes[order[start]] {
            end += 1;
        }
        let mut a = start;
        while a < end {
            let mut b = a + 1;
            while b < end {
                let (first, second) = (order[a], order[b]);
                if str_eq(leaves[first].code, leaves[second].code) {
                    found = match found {
                        Some((earliest, _)) if earliest < first => found,
                        _ => Some((first, second)),
                    };
                    // Later twins of `first` are further away; later `a`s start later.
                    b = end;
                    a = end;
                } else {
                    b += 1;
                }
            }
            a += 1;
        }
        start = end;
    }
    let Some((a, b)) = found else {
        return DuplicateMessage {
            buf: [0; MESSAGE_CAPACITY],
            len: 0,
        };
    };
    let (a, b) = (&leaves[a], &leaves[b]);
    DuplicateMessage {
        buf: [0; MESSAGE_CAPACITY],
        len: 0,
    }
    .push("error code `")
    .push(a.code)
    .push("` is declared twice: ")
    .place(a)
    .push(" and ")
    .place(b)
    .push("; give one of them another `code`")
}

/// FNV-1a, 64 bits: cheap enough for the const evaluator, and spreads similar codes.
const fn fnv1a(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// Whether index `a` sorts before index `b`: by hash, then by position.
const fn before(hashes: &[u64], a: usize, b: usize) -> bool {
    hashes[a] < hashes[b] || (hashes[a] == hashes[b] && a < b)
}

/// Heapsort of `order` (indices into `hashes`) by [`before`].
const fn sort_by_hash(hashes: &[u64], order: &mut [usize]) {
    let n = order.len();
    let mut start = n / 2;
    while start > 0 {
        start -= 1;
        sift_down(hashes, order, start, n);
    }
    let mut end = n;
    while end > 1 {
        end -= 1;
        let top = order[0];
        order[0] = order[end];
        order[end] = top;
        sift_down(hashes, order, 0, end);
    }
}

const fn sift_down(hashes: &[u64], order: &mut [usize], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && before(hashes, order[child], order[child + 1]) {
            child += 1;
        }
        if before(hashes, order[root], order[child]) {
            let swap = order[root];
            order[root] = order[child];
            order[child] = swap;
            root = child;
        } else {
            return;
        }
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

#[cfg(test)]
mod tests {
    use super::{find_duplicate, Leaf};

    fn leaf(code: &'static str, variant: &'static str) -> Leaf {
        Leaf {
            owner: "E",
            via: "",
            variant,
            code,
        }
    }

    /// The pairwise scan the sort replaced: the earliest leaf with a twin, and that twin.
    fn naive(leaves: &[Leaf]) -> Option<(usize, usize)> {
        (0..leaves.len()).find_map(|i| {
            (i + 1..leaves.len())
                .find(|&j| leaves[i].code == leaves[j].code)
                .map(|j| (i, j))
        })
    }

    fn message(a: &Leaf, b: &Leaf) -> String {
        format!(
            "error code `{}` is declared twice: by `E` (variant `{}`) and by `E` (variant `{}`); \
             give one of them another `code`",
            a.code, a.variant, b.variant
        )
    }

    #[test]
    fn unique_codes_give_no_message() {
        let leaves = [leaf("b", "B"), leaf("a", "A"), leaf("c", "C")];
        assert_eq!(find_duplicate(&leaves).as_str(), None);
        assert_eq!(find_duplicate::<0>(&[]).as_str(), None);
        assert_eq!(find_duplicate(&[leaf("a", "A")]).as_str(), None);
    }

    #[test]
    fn reports_the_pair_a_pairwise_scan_finds_first() {
        // `z` is declared twice later in the order of codes but earlier in the catalogue.
        let leaves = [
            leaf("m", "M0"),
            leaf("z", "Z0"),
            leaf("a", "A0"),
            leaf("z", "Z1"),
            leaf("a", "A1"),
            leaf("z", "Z2"),
        ];
        assert_eq!(
            find_duplicate(&leaves).as_str(),
            Some(message(&leaves[1], &leaves[3]).as_str())
        );
    }

    #[test]
    fn agrees_with_the_pairwise_scan_on_many_catalogues() {
        // Codes from a small alphabet so that duplicates are frequent; a fixed LCG keeps the
        // cases reproducible.
        const CODES: [&str; 40] = [
            "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q",
            "r", "s", "t", "u", "v", "w", "x", "y", "z", "aa", "ab", "ba", "bb", "a/b", "a-b",
            "a_b", "ab/c", "abc", "b/a", "zz", "z", "za", "az",
        ];
        const VARIANTS: [&str; 24] = [
            "V0", "V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "V9", "V10", "V11", "V12", "V13",
            "V14", "V15", "V16", "V17", "V18", "V19", "V20", "V21", "V22", "V23",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize % n
        };
        for _ in 0..2_000 {
            let mut leaves = [leaf("", ""); 24];
            for (i, slot) in leaves.iter_mut().enumerate() {
                *slot = leaf(CODES[next(CODES.len())], VARIANTS[i]);
            }
            let expected = naive(&leaves).map(|(a, b)| message(&leaves[a], &leaves[b]));
            assert_eq!(
                find_duplicate(&leaves).as_str().map(str::to_owned),
                expected
            );
        }
    }

    #[test]
    fn five_thousand_codes_with_one_twin() {
        let codes: Vec<&'static str> = (0..5_000)
            .map(|i| &*Box::leak(format!("area{}/error-{}", i % 10, i).into_boxed_str()))
            .collect();
        let mut leaves = [leaf("", "V"); 5_000];
        for (slot, code) in leaves.iter_mut().zip(&codes) {
            *slot = leaf(code, "V");
        }
        assert_eq!(find_duplicate(&leaves).as_str(), None);
        leaves[4_321] = leaf(codes[1_234], "Twin");
        leaves[1_234] = leaf(codes[1_234], "First");
        assert_eq!(
            find_duplicate(&leaves).as_str(),
            Some(message(&leaves[1_234], &leaves[4_321]).as_str())
        );
    }
}
