//! The routes.

use std::collections::HashSet;

use axum::extract::State;
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

/// `GET /v1/leads`
pub async fn list(
    _: Caller,
    State(app): State<AppState>,
    Query(params): Query<ListParams>,
) -> Result<Json<LeadList>> {
    let limit = params.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        let errors = FieldErrors::new().with(FieldError::out_of_range("limit", 1, 100));
        return Err(LeadError::Validation(errors).into());
    }
    let leads = app.store().list(params.offset.unwrap_or(0), limit);
    Ok(Json(LeadList { leads }))
}

/// `POST /v1/leads`
pub async fn create(
    _: Caller,
    State(app): State<AppState>,
    Json(new): Json<NewLead>,
) -> Result<(StatusCode, Json<Lead>)> {
    let mut errors = FieldErrors::new();
    let Some(lead) = check(&new, &FieldPath::new(), &mut errors) else {
        return Err(LeadError::Validation(errors).into());
    };
    let mut store = app.store();
    if store.has_email(&lead.email) {
        return Err(LeadError::DuplicateEmail { email: lead.email }.into());
    }
    Ok((StatusCode::CREATED, Json(store.insert(lead))))
}

/// `POST /v1/leads/bulk`: all or nothing; every failing item under its index.
pub async fn bulk(
    _: Caller,
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
    let mut store = app.store();
    let mut seen = HashSet::new();
    let mut valid = Vec::with_capacity(bulk.leads.len());
    for (index, new) in bulk.leads.iter().enumerate() {
        let at = FieldPath::new().key("leads").index(index);
        let Some(lead) = check(new, &at, &mut errors) else {
            continue;
        };
        let email = lead.email.to_ascii_lowercase();
        if store.has_email(&email) || !seen.insert(email) {
            errors.push(
                FieldError::duplicate(at.key("email"))
                    .with_message("A lead with this email already exists"),
            );
            continue;
        }
        valid.push(lead);
    }
    if !errors.is_empty() {
        return Err(LeadError::Validation(errors).into());
    }
    let leads = valid.into_iter().map(|lead| store.insert(lead)).collect();
    Ok((StatusCode::CREATED, Json(LeadList { leads })))
}

/// `GET /v1/leads/{id}`
pub async fn show(
    _: Caller,
    State(app): State<AppState>,
    Path(id): Path<u64>,
) -> Result<Json<Lead>> {
    match app.store().get(id) {
        Some(lead) => Ok(Json(lead.clone())),
        None => Err(LeadError::NotFound { id }.into()),
    }
}

/// `DELETE /v1/leads/{id}`
pub async fn remove(
    _: Caller,
    State(app): State<AppState>,
    Path(id): Path<u64>,
) -> Result<StatusCode> {
    match app.store().remove(id) {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => Err(LeadError::NotFound { id }.into()),
    }
}

/// `POST /v1/leads/{id}/enrich`: asks the (simulated) provider for the company, for one
/// credit. The provider fails for emails at `fail.example`: a 500 whose cause is logged.
pub async fn enrich(
    caller: Caller,
    State(app): State<AppState>,
    Path(id): Path<u64>,
) -> Result<Json<Lead>> {
    let mut store = app.store();
    let email = match store.get(id) {
        Some(lead) => lead.email.clone(),
        None => return Err(LeadError::NotFound { id }.into()),
    };
    let company = provider_lookup(&email).map_err(|source| LeadError::Enrichment { id, source })?;
    if !store.spend_credit(&caller.key, app.config().credits) {
        return Err(LeadError::NoCredits.into());
    }
    match store.get_mut(id) {
        Some(lead) => {
            lead.company = Some(company);
            Ok(Json(lead.clone()))
        }
        None => Err(LeadError::NotFound { id }.into()),
    }
}

/// The company of an email's domain (`acme.com` is `Acme`).
fn provider_lookup(email: &str) -> std::result::Result<String, ProviderError> {
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
