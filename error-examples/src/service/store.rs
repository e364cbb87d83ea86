//! The in-memory store: leads by id, an index of emails per tenant, a bound per tenant.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

/// A lead as stored and returned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lead {
    /// Its id.
    pub id: u64,
    /// Its email (unique within a tenant, compared case-insensitively).
    pub email: String,
    /// The first name.
    pub first_name: String,
    /// 0 to 100.
    pub score: u8,
    /// An optional phone number.
    pub phone: Option<String>,
    /// The company, once enriched.
    pub company: Option<String>,
    /// The tenant it belongs to (never sent).
    #[serde(skip)]
    pub tenant: &'static str,
}

/// The store has no room for the leads of this tenant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Full;

/// Leads by id (ordered, for listing), an index of `(tenant, lowercase email)`, the count of
/// leads per tenant, and each key's spent enrichment credits.
#[derive(Debug, Default)]
pub struct Store {
    leads: BTreeMap<u64, Lead>,
    emails: HashMap<(&'static str, String), u64>,
    counts: HashMap<&'static str, usize>,
    next_id: u64,
    spent: HashMap<&'static str, u32>,
}

fn email_key(tenant: &'static str, email: &str) -> (&'static str, String) {
    (tenant, email.to_ascii_lowercase())
}

impl Store {
    /// Whether a lead of `tenant` has this email (case-insensitively), through the index.
    pub fn has_email(&self, tenant: &'static str, email: &str) -> bool {
        self.emails.contains_key(&email_key(tenant, email))
    }

    /// How many more leads `tenant` may store under the bound `max`.
    pub fn room(&self, tenant: &'static str, max: usize) -> usize {
        max.saturating_sub(self.counts.get(tenant).copied().unwrap_or(0))
    }

    /// Stores the leads, all or none, giving each the next id: `Full` when they do not
    /// all fit under `max` leads for their tenant.
    pub fn insert_all(&mut self, leads: Vec<Lead>, max: usize) -> Result<Vec<Lead>, Full> {
        let mut needed: HashMap<&'static str, usize> = HashMap::new();
        for lead in &leads {
            *needed.entry(lead.tenant).or_insert(0) += 1;
        }
        if needed.iter().any(|(tenant, n)| self.room(tenant, max) < *n) {
            return Err(Full);
        }
        Ok(leads
            .into_iter()
            .map(|mut lead| {
                self.next_id += 1;
                lead.id = self.next_id;
                self.emails
                    .insert(email_key(lead.tenant, &lead.email), lead.id);
                *self.counts.entry(lead.tenant).or_insert(0) += 1;
                self.leads.insert(lead.id, lead.clone());
                lead
            })
            .collect())
    }

    /// The lead with this id, if it is `tenant`'s.
    pub fn get(&self, tenant: &'static str, id: u64) -> Option<&Lead> {
        self.leads.get(&id).filter(|lead| lead.tenant == tenant)
    }

    /// The lead with this id, to change it, if it is `tenant`'s.
    pub fn get_mut(&mut self, tenant: &'static str, id: u64) -> Option<&mut Lead> {
        self.leads.get_mut(&id).filter(|lead| lead.tenant == tenant)
    }

    /// Removes the lead with this id, if it is `tenant`'s.
    pub fn remove(&mut self, tenant: &'static str, id: u64) -> Option<Lead> {
        self.get(tenant, id)?;
        let lead = self.leads.remove(&id)?;
        self.emails.remove(&email_key(lead.tenant, &lead.email));
        if let Some(count) = self.counts.get_mut(lead.tenant) {
            *count = count.saturating_sub(1);
        }
        Some(lead)
    }

    /// Up to `limit` of `tenant`'s leads by id, skipping `offset`.
    pub fn list(&self, tenant: &'static str, offset: usize, limit: usize) -> Vec<Lead> {
        self.leads
            .values()
            .filter(|lead| lead.tenant == tenant)
            .skip(offset)
            .take(limit)
            .cloned()
            .collect()
    }

    /// How many leads are stored, over every tenant.
    pub fn len(&self) -> usize {
        self.leads.len()
    }

    /// Whether no lead is stored.
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty()
    }

    /// Spends one of `key`'s `budget` credits; false when none is left.
    pub fn spend_credit(&mut self, key: &'static str, budget: u32) -> bool {
        let spent = self.spent.entry(key).or_insert(0);
        if *spent >= budget {
            return false;
        }
        *spent += 1;
        true
    }

    /// Gives back a credit spent on an enrichment that did not happen.
    pub fn refund_credit(&mut self, key: &'static str) {
        if let Some(spent) = self.spent.get_mut(key) {
            *spent = spent.saturating_sub(1);
        }
    }
}
