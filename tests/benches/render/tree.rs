//! The `serde_json::json!` baseline: what most services write. A `Value` tree built from the
//! error (owned strings, the timestamp formatted with `to_string`), then written out.

use std::time::SystemTime;

use serde_json::{json, Map, Value};

use crate::hand::{parts, Pointer, TYPE_BASE, VERSION};
use crate::LeadError;

fn timestamp(now: SystemTime) -> String {
    humantime::format_rfc3339_millis(now).to_string()
}

pub fn flat(err: &LeadError, now: SystemTime, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let parts = parts(err);
    let mut body = json!({
        "success": false,
        "status": parts.status.as_u16(),
        "message": parts.message,
    });
    if let Some(fields) = parts.fields {
        let errors: Vec<Value> = fields
            .iter()
            .map(|e| json!({ "field": e.path().to_string(), "message": e.message() }))
            .collect();
        body["errors"] = Value::Array(errors);
    }
    body["meta"] = json!({ "timestamp": timestamp(now), "version": VERSION });
    serde_json::to_writer(out, &body)
}

pub fn nested(err: &LeadError, now: SystemTime, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let parts = parts(err);
    let details = match parts.fields {
        Some(fields) => fields
            .iter()
            .map(|e| json!({ "code": e.code(), "message": e.message() }))
            .collect(),
        None => json!(parts.code),
    };
    let body = json!({
        "success": false,
        "error": {
            "code": parts.status.as_u16(),
            "timestamp": timestamp(now),
            "message": parts.message,
            "details": details,
        }
    });
    serde_json::to_writer(out, &body)
}

pub fn laravel(err: &LeadError, _now: SystemTime, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let parts = parts(err);
    let mut body = json!({ "message": parts.message });
    if let Some(fields) = parts.fields {
        let mut errors = Map::new();
        for e in fields {
            let messages = errors
                .entry(e.path().to_string())
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(messages) = messages {
                messages.push(json!(e.message()));
            }
        }
        body["errors"] = Value::Object(errors);
    }
    serde_json::to_writer(out, &body)
}

pub fn compact(err: &LeadError, _now: SystemTime, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let parts = parts(err);
    let details = match parts.fields {
        Some(fields) => fields
            .iter()
            .map(|e| json!({ "field": e.path().to_string(), "message": e.message() }))
            .collect(),
        None => Value::Null,
    };
    let body = json!({ "error": { "message": parts.message, "details": details } });
    serde_json::to_writer(out, &body)
}

pub fn problem(err: &LeadError, _now: SystemTime, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let parts = parts(err);
    let mut body = json!({
        "type": format!("{TYPE_BASE}{}", parts.code),
        "title": crate::hand::reason(parts.status),
        "status": parts.status.as_u16(),
        "detail": parts.message,
        "code": parts.code,
    });
    if let Some(fields) = parts.fields {
        let errors: Vec<Value> = fields
            .iter()
            .map(|e| json!({ "detail": e.message(), "pointer": Pointer(e.path()).to_string() }))
            .collect();
        body["errors"] = Value::Array(errors);
    }
    serde_json::to_writer(out, &body)
}
