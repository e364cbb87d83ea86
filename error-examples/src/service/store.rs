//! The in-memory store.

use std::collections::HashMap;

use serde::Serialize;

/// A lead as stored and returned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lead {
    /// Its id.
    pub id: u64,
    /// Its email (unique, compared case-insensitively).
    pub email: String,
    /// The first name.
    pub first_name: String,
    /// 0 to 100.
    pub score: u8,
    /// An optional phone number.
    pub phone: Option<String>,
    /// The company, once enriched.
    pub company: Option<String>,
}

/// Leads by id, and each API key's remaining enrichment credits.
#[derive(Debug, Default)]
pub struct Store {
    leads: HashMap<u64, Lead>,
    next_id: u64,
    spent: HashMap<String, u32>,
}

impl Store {
    /// Whether a lead has this email.
    pub fn has_email(&self, email: &str) -> bool {
        self.leads
            .values()
            .any(|lead| lead.email.eq_ignore_ascii_case(email))
    }

    /// Stores a lead, giving it the next id.
    pub fn insert(&mut self, mut lead: Lead) -> Lead {
        self.next_id += 1;
        lead.id = self.next_id;
        self.leads.insert(lead.id, lead.clone());
        lead
    }

    /// The lead with this id.
    pub fn get(&self, id: u64) -> Option<&Lead> {
        self.leads.get(&id)
    }

    /// The lead with this id, to change it.
    pub fn get_mut(&mut self, id: u64) -> Option<&mut Lead> {
        self.leads.get_mut(&id)
    }

    /// Removes the lead with this id.
    pub fn remove(&mut self, id: u64) -> Option<Lead> {
        self.leads.remove(&id)
    }

    /// Up to `limit` leads by id, skipping `offset`.
    pub fn list(&self, offset: usize, limit: usize) -> Vec<Lead> {
        let mut leads: Vec<Lead> = self.leads.values().cloned().collect();
        leads.sort_by_key(|lead| lead.id);
        leads.into_iter().skip(offset).take(limit).collect()
    }

    /// Spends one of `key`'s `budget` credits; false when none is left.
    pub fn spend_credit(&mut self, key: &str, budget: u32) -> bool {
        let spent = self.spent.entry(key.to_owned()).or_insert(0);
        if *spent >= budget {
            return false;
        }
        *spent += 1;
        true
    }
}
