//! The routes.

use std::collections::HashSet;

use axum::extract::State;
use axum::http::header::{HeaderName, LOCATION};
use axum::http::StatusCode;
use error_core::http::axum::{HttpError, Json, Path, Query};
use error_core::{FieldError, FieldErrors, FieldPath};
use serde::{Deserialize, Serialize};

use super::auth::Caller;
use super::error::{LeadError, ProviderError};
use super::store::Lead;
use super::validate::{check, BulkLeads, NewLead};
use super::AppState;

type Result<T> = std::result::Result<T, HttpError<LeadError>>;

/// The most leads one bulk request may carry.
pub const MAX_BULK: usize = 1000;

/// `{"leads":[…]}`
#[derive(Debug, Serialize)]
pub struct LeadList {
    leads: Vec<Lead>,
}

/// `GET /v1/leads?offset=0&limit=20`
#[derive(Debug, Deserialize)]
pub struct ListParams {
    offset: Option<usize>,
    limit: Option<usize>,
}

/// `GET /v1/leads`: the caller's tenant's leads only.
pub async fn list(
    caller: Caller,
    State(app): State<AppState>,
    Query(params): Query<ListParams>,
) -> Result<Json<LeadList>> {
    let limit = params.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        let errors = FieldErrors::new().with(FieldError::out_of_range("limit", 1, 100));
        return Err(LeadError::Validation(errors).into());
    }
    let offset = params.offset.unwrap_or(0);
    let leads = app.with_store(|store| store.list(caller.tenant, offset, limit));
    Ok(Json(LeadList { leads }))
}

/// `POST /v1/leads`
pub async fn create(
    caller: Caller,
    State(app): State<AppState>,
    Json(new): Json<NewLead>,
) -> Result<(StatusCode, [(HeaderName, String); 1], Json<Lead>)> {
    let mut errors = FieldErrors::new();
    let Some(mut lead) = check(&new, &FieldPath::new(), &mut errors) else {
        return Err(LeadError::Validation(errors).into());
    };
    lead.tenant = caller.tenant;
    let max = app.config().max_leads;
    let stored = app.with_store(|store| {
        if store.has_email(caller.tenant, &lead.email) {
            return Err(LeadError::DuplicateEmail {
                email: lead.email.clone(),
            });
        }
        store
            .insert_all(vec![lead], max)
            .map_err(|_| LeadError::StoreFull)
    })?;
    match stored.into_iter().next() {
        // RFC 9110 §15.3.2: a 201 names the resource it created.
        Some(lead) => Ok((
            StatusCode::CREATED,
            [(LOCATION, format!("/v1/leads/{}", lead.id))],
            Json(lead),
        )),
        None => Err(LeadError::StoreFull.into()),
    }
}

/// `POST /v1/leads/bulk`: all or nothing; every failing item under its index: 422 for
/// invalid items, then 409 for emails that exist or repeat.
pub async fn bulk(
    caller: Caller,
    State(app): State<AppState>,
    Json(bulk): Json<BulkLeads>,
) -> Result<(StatusCode, Json<LeadList>)> {
    let mut errors = FieldErrors::new();
    if bulk.leads.is_empty() {
        errors.push(FieldError::invalid("leads", "Send at least one lead"));
    }
    if bulk.leads.len() > MAX_BULK {
        errors.push(FieldError::invalid("leads", "Send at most 1000 leads"));
        return Err(LeadError::Validation(errors).into());
    }
    let max = app.config().max_leads;
    let leads = app.with_store(|store| {
        let mut valid = Vec::with_capacity(bulk.leads.len());
        for (index, new) in bulk.leads.iter().enumerate() {
            let at = FieldPath::new().key("leads").index(index);
            if let Some(mut lead) = check(new, &at, &mut errors) {
                lead.tenant = caller.tenant;
                valid.push((at, lead));
            }
        }
        if !errors.is_empty() {
            return Err(LeadError::Validation(errors));
        }
        // Valid content that conflicts with the store (or with itself): 409, per item.
        let mut seen = HashSet::new();
        let mut duplicates = FieldErrors::new();
        for (at, lead) in &valid {
            let email = lead.email.to_ascii_lowercase();
            if store.has_email(caller.tenant, &email) || !seen.insert(email) {
                duplicates.push(
                    FieldError::duplicate(at.clone().key("email"))
                        .with_message("A lead with this email already exists"),
                );
            }
        }
        if !duplicates.is_empty() {
            return Err(LeadError::DuplicateEmails(duplicates));
        }
        let valid: Vec<Lead> = valid.into_iter().map(|(_, lead)| lead).collect();
        store
            .insert_all(valid, max)
            .map_err(|_| LeadError::StoreFull)
    })?;
    Ok((StatusCode::CREATED, Json(LeadList { leads })))
}

/// `GET /v1/leads/{id}`
pub async fn show(
    caller: Caller,
    State(app): State<AppState>,
    Path(id): Path<u64>,
) -> Result<Json<Lead>> {
    match app.with_store(|store| store.get(caller.tenant, id).cloned()) {
        Some(lead) => Ok(Json(lead)),
        None => Err(LeadError::NotFound { id }.into()),
    }
}

/// `DELETE /v1/leads/{id}`
pub async fn remove(
    caller: Caller,
    State(app): State<AppState>,
    Path(id): Path<u64>,
) -> Result<StatusCode> {
    match app.with_store(|store| store.remove(caller.tenant, id)) {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => Err(LeadError::NotFound { id }.into()),
    }
}

/// `POST /v1/leads/{id}/enrich`: asks the (simulated) provider for the company, for one
/// credit. The credit is taken first, before the lead is looked up or the provider called,
/// and given back when no enrichment happens. The provider fails for emails at
/// `fail.example`: a 500 whose cause is logged. The store's lock is never held while the
/// provider is asked.
pub async fn enrich(
    caller: Caller,
    State(app): State<AppState>,
    Path(id): Path<u64>,
) -> Result<Json<Lead>> {
    let credits = app.config().credits;
    let email = app.with_store(|store| {
        if !store.spend_credit(caller.key, credits) {
            return Err(LeadError::NoCredits);
        }
        match store.get(caller.tenant, id) {
            Some(lead) => Ok(lead.email.clone()),
            None => {
                store.refund_credit(caller.key);
                Err(LeadError::NotFound { id })
            }
        }
    })?;
    let company = match provider_lookup(&email).await {
        Ok(company) => company,
        Err(source) => {
            app.with_store(|store| store.refund_credit(caller.key));
            return Err(LeadError::Enrichment { id, source }.into());
        }
    };
    let enriched = app.with_store(|store| match store.get_mut(caller.tenant, id) {
        Some(lead) => {
            lead.company = Some(company);
            Some(lead.clone())
        }
        None => {
            // Deleted while the provider was asked.
            store.refund_credit(caller.key);
            None
        }
    });
    enriched
        .map(Json)
        .ok_or_else(|| LeadError::NotFound { id }.into())
}

/// The company of an email's domain (`acme.com` is `Acme`).
async fn provider_lookup(email: &str) -> std::result::Result<String, ProviderError> {
    // A real provider is a network call: let other tasks run, as one would.
    tokio::task::yield_now().await;
    let domain = email.rsplit('@').next().unwrap_or("");
    if domain.eq_ignore_ascii_case("fail.example") {
        return Err(ProviderError(
            "POST https://enrich.internal:7443/v2/company refused: token sk_live_51Hx\r\nretry=false"
                .to_owned(),
        ));
    }
    let name = domain.split('.').next().unwrap_or(domain);
    let mut chars = name.chars();
    Ok(match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    })
}
