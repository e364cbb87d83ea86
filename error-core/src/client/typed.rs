//! The way back from a remote error to the service's own enum.

use super::remote::RemoteError;
use crate::format::Builtin;
use crate::{catalogue, ApiError, CatalogueEntry};

/// Rebuilds a value of a service's error enum from a [`RemoteError`].
///
/// `#[derive(ApiError)]` implements it for an enum with `#[api(client)]` (which needs
/// error-core's `client` feature), and adds
/// an inherent `from_remote` so that `LeadError::from_remote(&remote)` works without
/// importing this trait.
///
/// Which variant: [`match_entry`] finds the catalogue entry (by detail code, or by status
/// and static message for formats without a code). Which variants can be rebuilt:
///
/// | variant | rebuilt as |
/// |---|---|
/// | no fields (`MissingApiKey`, `V {}`, `V()`) | the variant |
/// | one field, `#[api(fields)]` | the variant with the remote field errors |
/// | `transparent` | the inner enum's `from_remote`, wrapped |
/// | any other field (`NotFound { id }`, a source error, `#[api(details)]`) | `None`: the value is not in the envelope |
///
/// ```
/// use error_core::client::{FromRemote, RemoteError};
/// use error_core::{ApiError, FieldErrors};
///
/// #[derive(Debug, PartialEq, ApiError)]
/// #[api(client)]
/// enum LeadError {
///     #[api(status = 401, code = "missing_api_key", message = "Authentication required.", www_authenticate = "Bearer")]
///     MissingApiKey,
///     #[api(status = 404, code = "lead/not-found", message = "Lead {id} was not found.")]
///     NotFound { id: u64 },
/// }
///
/// let parse = |status: u16, body: &str| RemoteError::parse(
///     http::StatusCode::from_u16(status).unwrap(), &http::HeaderMap::new(), body.as_bytes());
///
/// let remote = parse(401, r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Authentication required.","code":"missing_api_key"}"#);
/// assert_eq!(LeadError::from_remote(&remote), Some(LeadError::MissingApiKey));
/// // The id is not in the envelope: the variant is known but cannot be rebuilt.
/// let remote = parse(404, r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Lead 7 was not found.","code":"lead/not-found"}"#);
/// assert_eq!(LeadError::from_remote(&remote), None);
/// // A code the enum does not know.
/// let remote = parse(409, r#"{"title":"Conflict","status":409,"code":"lead/duplicate"}"#);
/// assert_eq!(<LeadError as FromRemote>::from_remote(&remote), None);
/// ```
pub trait FromRemote: ApiError + Sized {
    /// The value for `remote`, if its variant is known and can be rebuilt.
    fn from_remote(remote: &RemoteError) -> Option<Self> {
        let entry = match_entry(remote, Self::CATALOGUE)?;
        Self::from_remote_code(entry.code(), remote)
    }

    /// The value of the variant whose detail code is `code` (found in this catalogue or one
    /// it includes through `transparent`), with the rest taken from `remote`.
    fn from_remote_code(code: &str, remote: &RemoteError) -> Option<Self>;
}

impl<E: FromRemote> FromRemote for Box<E> {
    fn from_remote_code(code: &str, remote: &RemoteError) -> Option<Self> {
        E::from_remote_code(code, remote).map(Box::new)
    }
}

/// The catalogue entry a remote error stands for, through `transparent` variants.
///
/// - With a detail code (Problem, JSON:API, Nested without field errors): the entry with
///   that code, `None` if there is none; AIP-193's `ErrorInfo.reason` matches the entry's
///   [`reason`](CatalogueEntry::reason), the Microsoft format's innermost code its
///   [`pascal_code`](CatalogueEntry::pascal_code).
/// - Without one (Flat, Laravel, Compact, Nested with field errors): the only entry with the
///   same status and the same message, among entries whose message has no placeholders;
///   `None` when none or several match (Laravel's summarized message never matches).
/// - A body that is not an envelope: `None`.
///
/// ```
/// use error_core::client::{match_entry, RemoteError};
/// use error_core::ApiError;
///
/// #[derive(ApiError)]
/// #[api(format = error_core::format::Laravel)]
/// enum E {
///     #[api(status = 401, message = "Unauthenticated.", www_authenticate = "Bearer")]
///     Unauthenticated,
///     #[api(status = 403, message = "This action is unauthorized.")]
///     Forbidden,
/// }
///
/// let remote = RemoteError::parse(http::StatusCode::FORBIDDEN, &http::HeaderMap::new(),
///     br#"{"message":"This action is unauthorized."}"#);
/// assert_eq!(match_entry(&remote, E::CATALOGUE).map(|e| e.variant()), Some("Forbidden"));
/// ```
pub fn match_entry(
    remote: &RemoteError,
    catalogue: &'static [CatalogueEntry],
) -> Option<&'static CatalogueEntry> {
    if !remote.is_envelope() {
        return None;
    }
    if let Some(code) = remote.code() {
        // AIP-193 carries the code as its reason, the Microsoft format in PascalCase.
        return match remote.format() {
            Some(Builtin::Aip) => {
                catalogue::entries(catalogue).find(|entry| entry.reason() == code)
            }
            Some(Builtin::Microsoft) => {
                catalogue::entries(catalogue).find(|entry| entry.pascal_code() == code)
            }
            _ => catalogue::entries(catalogue).find(|entry| entry.code() == code),
        };
    }
    let status = remote.status().as_u16();
    let message = remote.message()?;
    let mut candidates = catalogue::entries(catalogue).filter(|entry| {
        entry.status() == status && !entry.is_templated() && entry.message() == message
    });
    let first = candidates.next()?;
    match candidates.next() {
        None => Some(first),
        Some(_) => None,
    }
}

/// Support for the code the derive generates: autoref specialization, so that a field the
/// client cannot rebuild (a custom `AsFieldErrors`, a hand-written `ApiError` inside a
/// `transparent` variant) makes that variant unrebuildable instead of failing to compile.
#[doc(hidden)]
pub mod __derive {
    use core::marker::PhantomData;
    use std::time::{Duration, SystemTime};

    use super::FromRemote;
    use crate::client::RemoteError;
    use crate::FieldErrors;

    /// Stands for the type `T` of a field.
    pub struct Probe<T>(PhantomData<T>);

    impl<T> Probe<T> {
        /// The probe.
        pub const fn new() -> Self {
            Probe(PhantomData)
        }
    }

    impl<T> Default for Probe<T> {
        fn default() -> Self {
            Probe::new()
        }
    }

    /// The inner value of a `transparent` variant, when its type is `FromRemote`.
    pub trait Inner<T> {
        /// The inner value.
        fn inner(&self, code: &str, remote: &RemoteError) -> Option<T>;
    }

    impl<T: FromRemote> Inner<T> for Probe<T> {
        fn inner(&self, code: &str, remote: &RemoteError) -> Option<T> {
            T::from_remote_code(code, remote)
        }
    }

    /// The fallback of [`Inner`].
    pub trait NoInner<T> {
        /// Always `None`.
        fn inner(&self, code: &str, remote: &RemoteError) -> Option<T>;
    }

    impl<T> NoInner<T> for &Probe<T> {
        fn inner(&self, _: &str, _: &RemoteError) -> Option<T> {
            None
        }
    }

    /// The `#[api(fields)]` value, when its type is built from `FieldErrors`.
    pub trait Fields<T> {
        /// The field errors of `remote`.
        fn fields(&self, remote: &RemoteError) -> Option<T>;
    }

    impl<T: From<FieldErrors>> Fields<T> for Probe<T> {
        fn fields(&self, remote: &RemoteError) -> Option<T> {
            Some(T::from(remote.field_errors().clone()))
        }
    }

    /// The fallback of [`Fields`].
    pub trait NoFields<T> {
        /// Always `None`.
        fn fields(&self, remote: &RemoteError) -> Option<T>;
    }

    impl<T> NoFields<T> for &Probe<T> {
        fn fields(&self, _: &RemoteError) -> Option<T> {
            None
        }
    }

    /// A type an `#[api(retry_after)]` field can be rebuilt as from `Retry-After`.
    pub trait FromRetryAfter: Sized {
        /// The value for a `Retry-After` of `delay` (`None`: no header).
        fn from_retry_after(delay: Option<Duration>) -> Option<Self>;
    }

    impl FromRetryAfter for Duration {
        fn from_retry_after(delay: Option<Duration>) -> Option<Self> {
            delay
        }
    }

    macro_rules! seconds {
        ($($ty:ty),*) => {$(
            impl FromRetryAfter for $ty {
                fn from_retry_after(delay: Option<Duration>) -> Option<Self> {
                    delay.map(|delay| <$ty>::try_from(delay.as_secs()).unwrap_or(<$ty>::MAX))
                }
            }
        )*};
    }
    seconds!(u8, u16, u32, u64);

    impl<T: FromRetryAfter> FromRetryAfter for Option<T> {
        fn from_retry_after(delay: Option<Duration>) -> Option<Self> {
            Some(T::from_retry_after(delay))
        }
    }

    /// The `#[api(retry_after)]` value, from the `Retry-After` header (an HTTP-date counted
    /// from now).
    pub trait RetryAfter<T> {
        /// The value.
        fn retry_after(&self, remote: &RemoteError) -> Option<T>;
    }

    impl<T: FromRetryAfter> RetryAfter<T> for Probe<T> {
        fn retry_after(&self, remote: &RemoteError) -> Option<T> {
            let delay = remote
                .retry_after()
                .map(|retry_after| retry_after.delay_from(SystemTime::now()));
            T::from_retry_after(delay)
        }
    }

    /// The fallback of [`RetryAfter`].
    pub trait NoRetryAfter<T> {
        /// Always `None`.
        fn retry_after(&self, remote: &RemoteError) -> Option<T>;
    }

    impl<T> NoRetryAfter<T> for &Probe<T> {
        fn retry_after(&self, _: &RemoteError) -> Option<T> {
            None
        }
    }
}
