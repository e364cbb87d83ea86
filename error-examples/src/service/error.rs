//! The Leads API's errors: one enum, one catalogue.

use std::time::Duration;

use error_core::{ApiError, FieldErrors};

/// Every error the Leads API answers with (besides the framework's own rejections, which
/// `error_core::http::RequestError` renders in the same envelope).
#[derive(Debug, ApiError, thiserror::Error)]
#[api(axum, utoipa)]
#[cfg_attr(feature = "client", api(client))]
#[cfg_attr(feature = "tonic", api(tonic, grpc_domain = "leads.example.com"))]
#[api(format = error_core::format::Flat, version = "v1", www_authenticate = "ApiKey")]
// Translations, checked at compile time: `locales/de/errors.ftl` (the attribute messages are `en`).
#[api(locales = "locales")]
pub enum LeadError {
    /// The lead (or one lead of a bulk request) failed validation.
    #[api(status = 422, code = "validation_error", message = "Validation failed")]
    #[error("validation failed")]
    Validation(#[api(fields)] FieldErrors),

    /// A lead with this email exists.
    #[api(
        status = 409,
        code = "lead/duplicate-email",
        message = "A lead with the email {email} already exists."
    )]
    #[error("duplicate email")]
    DuplicateEmail {
        /// The email.
        email: String,
    },

    /// Leads of a bulk request whose email exists already, or repeats one earlier in the
    /// request: a conflict with the store's state, each under its index.
    #[api(
        status = 409,
        code = "lead/duplicate-emails",
        message = "Some leads have an email that already exists."
    )]
    #[error("duplicate emails")]
    DuplicateEmails(#[api(fields)] FieldErrors),

    /// No lead has this id.
    #[api(
        status = 404,
        code = "lead/not-found",
        message = "Lead {id} was not found."
    )]
    #[error("lead {id} not found")]
    NotFound {
        /// The id.
        id: u64,
    },

    /// No `X-API-Key` header.
    #[api(
        status = 401,
        code = "auth/missing-api-key",
        message = "Authentication required.",
        action = "Send your API key in the X-API-Key header."
    )]
    #[error("missing API key")]
    MissingApiKey,

    /// An `X-API-Key` that is not a key.
    #[api(
        status = 401,
        code = "auth/invalid-api-key",
        message = "The API key is not valid.",
        action = "Check the key, or create one in the dashboard."
    )]
    #[error("invalid API key")]
    InvalidApiKey,

    /// A read-only key used for a write.
    #[api(
        status = 403,
        code = "auth/read-only-key",
        message = "This API key can only read.",
        action = "Use a key with write access."
    )]
    #[error("read-only key")]
    ReadOnlyKey,

    /// The key has no enrichment credit left.
    #[api(
        status = 402,
        code = "billing/no-credits",
        message = "Your credit balance is too low for the action.",
        action = "Buy credits, then retry."
    )]
    #[error("no credits left")]
    NoCredits,

    /// The key sent more requests than its rate allows.
    #[api(
        status = 429,
        code = "rate_limited",
        message = "Too many requests. Retry later."
    )]
    #[error("rate limited")]
    RateLimited {
        /// How long until the next window.
        #[api(retry_after)]
        retry_after: Duration,
    },

    /// Too many wrong API keys from this client address: refused, whatever the key, until
    /// the window ends.
    #[api(
        status = 429,
        code = "auth/too-many-failures",
        message = "Too many failed authentication attempts. Retry later.",
        action = "Wait for the Retry-After delay, then send a valid key."
    )]
    #[error("too many failed authentication attempts")]
    AuthThrottled {
        /// How long until the window ends.
        #[api(retry_after)]
        retry_after: Duration,
    },

    /// The tenant's leads fill its share of the store: 507 Insufficient Storage (RFC 4918
    /// section 11.5: the server cannot store the representation the request needs; the
    /// condition lasts until leads are deleted).
    #[api(
        status = 507,
        code = "store/full",
        message = "There is no room to store more leads.",
        action = "Delete leads you no longer need, then retry."
    )]
    #[error("the tenant's share of the store is full")]
    StoreFull,

    /// The enrichment provider failed; its error is logged, never sent.
    #[api(
        status = 500,
        code = "internal_server_error",
        message = "Internal server error."
    )]
    #[error("enriching lead {id}")]
    Enrichment {
        /// The lead.
        id: u64,
        /// What the provider said.
        #[source]
        source: ProviderError,
    },
}

/// A failure of the (simulated) enrichment provider.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ProviderError(pub String);
