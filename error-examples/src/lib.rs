//! Example catalogues of error-core, one per reference page, and the example Leads service.

pub mod catalogues;
pub mod service;
pub mod tour;
