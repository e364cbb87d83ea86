//! The `http-api-problem` baseline for the Problem format: the best-known peer. Its
//! extension members live in a `HashMap`, so its key order differs from ours; the bodies are
//! compared as parsed JSON values.

use std::time::SystemTime;

use http_api_problem::HttpApiProblem;

use crate::hand::{parts, problem_item, reason, TYPE_BASE};
use crate::LeadError;

pub fn problem(err: &LeadError, _now: SystemTime, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let parts = parts(err);
    let mut problem = HttpApiProblem::new(parts.status)
        .title(reason(parts.status))
        .type_url(format!("{TYPE_BASE}{}", parts.code))
        .detail(parts.message)
        .value("code", &parts.code);
    if let Some(fields) = parts.fields {
        let errors: Vec<_> = fields.iter().map(problem_item).collect();
        problem.set_value("errors", &errors);
    }
    serde_json::to_writer(out, &problem)
}
