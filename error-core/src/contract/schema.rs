//! JSON Schemas (draft 2020-12) of the built-in envelopes.

use serde_json::{json, Value};

use crate::format::Builtin;

/// The JSON Schema (draft 2020-12) of `format`'s envelope: what every error body of a
/// service in that format satisfies, for client-side validation and code generators.
///
/// Members a format writes only for some errors (field errors, details, the request id)
/// are optional; the schemas leave other members open, so a later release may add one.
/// A new built-in format adds one arm here.
///
/// ```
/// use error_core::contract::json_schema;
/// use error_core::format::Builtin;
///
/// let schema = json_schema(Builtin::Problem);
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["required"], serde_json::json!(["type", "title", "status", "detail", "code"]));
/// ```
pub fn json_schema(format: Builtin) -> Value {
    let (title, mut schema) = match format {
        Builtin::Flat => ("FlatError", flat()),
        Builtin::Nested => ("NestedError", nested()),
        Builtin::Laravel => ("LaravelError", laravel()),
        Builtin::Compact => ("CompactError", compact()),
        Builtin::Problem => ("ProblemDetails", problem()),
        Builtin::Aip => ("AipError", aip()),
        Builtin::JsonApi => ("JsonApiErrors", jsonapi()),
        Builtin::Microsoft => ("MicrosoftError", microsoft()),
    };
    if let Value::Object(members) = &mut schema {
        let mut head = serde_json::Map::new();
        head.insert(
            "$schema".into(),
            "https://json-schema.org/draft/2020-12/schema".into(),
        );
        head.insert("title".into(), title.into());
        head.append(members);
        return Value::Object(head);
    }
    schema
}

fn status(description: &str) -> Value {
    json!({"type": "integer", "minimum": 400, "maximum": 599, "description": description})
}

fn text(description: &str) -> Value {
    json!({"type": "string", "description": description})
}

fn timestamp() -> Value {
    json!({
        "type": "string",
        "format": "date-time",
        "description": "When the error happened, RFC 3339 UTC with milliseconds."
    })
}

fn field_list(path_key: &str, path_doc: &str, message_key: &str) -> Value {
    json!({
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                path_key: text(path_doc),
                message_key: text("What is wrong with the field.")
            },
            "required": [path_key, message_key]
        }
    })
}

fn flat() -> Value {
    json!({
        "description": "An error: `success` false, the HTTP status, a message, field errors for validation failures and `meta`.",
        "type": "object",
        "properties": {
            "success": {"const": false},
            "status": status("The HTTP status of the response."),
            "message": text("Human-readable error summary."),
            "errors": field_list("field", "The field, dotted: `leads.0.phone`.", "message"),
            "details": {"description": "Structured details, for some errors."},
            "meta": {
                "type": "object",
                "properties": {
                    "timestamp": timestamp(),
                    "version": text("The API version."),
                    "request_id": text("The request id, for support requests.")
                },
                "required": ["timestamp"]
            }
        },
        "required": ["success", "status", "message", "meta"]
    })
}

fn nested() -> Value {
    json!({
        "description": "An error, nested under `error`.",
        "type": "object",
        "properties": {
            "success": {"const": false},
            "error": {
                "type": "object",
                "properties": {
                    "code": status("The HTTP status code."),
                    "timestamp": timestamp(),
                    "message": text("Human-readable error description."),
                    "details": {
                        "description": "The detail code (a string); for validation errors, the field errors; or structured details.",
                        "anyOf": [
                            text("The detail code, such as `lead/not-found`."),
                            field_list("code", "The field error's code, such as `validation/missing-user_id`.", "message"),
                            {"description": "Structured details."}
                        ]
                    }
                },
                "required": ["code", "timestamp", "message", "details"]
            }
        },
        "required": ["success", "error"]
    })
}

fn laravel() -> Value {
    json!({
        "description": "An error message, with the messages of each invalid field grouped under its path.",
        "type": "object",
        "properties": {
            "message": text("Human-readable error message."),
            "errors": {
                "description": "For validation errors: the messages of each field, keyed by its dotted path (`leads.0.phone`).",
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}, "minItems": 1}
            }
        },
        "required": ["message"]
    })
}

fn compact() -> Value {
    json!({
        "description": "An error message with optional structured details.",
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {
                    "message": text("A human-readable description of what went wrong."),
                    "details": {"description": "Structured context (an object, array or string), the field errors, or null."}
                },
                "required": ["message", "details"]
            }
        },
        "required": ["error"]
    })
}

fn problem() -> Value {
    json!({
        "description": "RFC 9457 problem details.",
        "type": "object",
        "properties": {
            "type": {
                "type": "string",
                "format": "uri-reference",
                "description": "A URI identifying the problem type, or `about:blank`."
            },
            "title": text("The status's reason phrase."),
            "status": status("The HTTP status."),
            "detail": text("Human-readable explanation."),
            "code": text("The detail code. New codes appear over time: handle unknown ones."),
            "errors": field_list("pointer", "A JSON Pointer in URI fragment form: `#/leads/0/phone`.", "detail"),
            "total_errors": {
                "type": "integer",
                "minimum": 0,
                "description": "How many field errors there were, when some were left out."
            },
            "details": {"description": "Structured details, for some errors."},
            "request_id": text("The request id, for support requests.")
        },
        "required": ["type", "title", "status", "detail", "code"]
    })
}

fn aip() -> Value {
    json!({
        "description": "An error in Google's AIP-193 model: `google.rpc.Status` as JSON.",
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {
                    "code": status("The HTTP status."),
                    "message": text("Developer-facing error message."),
                    "status": text("The canonical google.rpc.Code name, such as `NOT_FOUND`."),
                    "details": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "description": "A google.rpc detail named by its `@type`, or an item of the error's own details.",
                            "properties": {
                                "@type": text("`type.googleapis.com/google.rpc.ErrorInfo`, `BadRequest`, `RetryInfo`, `Help`, `RequestInfo`, or another detail.")
                            }
                        }
                    }
                },
                "required": ["code", "message", "status", "details"]
            }
        },
        "required": ["error"]
    })
}

fn jsonapi() -> Value {
    json!({
        "description": "JSON:API error objects: one per field error, or one for the error.",
        "type": "object",
        "properties": {
            "errors": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "properties": {
                        "links": {"type": "object", "properties": {"about": text("The error's documentation.")}},
                        "status": text("The HTTP status, as a string."),
                        "code": text("The detail code. New codes appear over time: handle unknown ones."),
                        "source": {
                            "type": "object",
                            "properties": {
                                "pointer": text("A JSON Pointer into the request document."),
                                "parameter": text("The query parameter at fault."),
                                "header": text("The request header at fault.")
                            }
                        },
                        "title": text("A short summary of the problem."),
                        "detail": text("What went wrong, for this occurrence."),
                        "meta": {"type": "object", "properties": {"request_id": text("The request id, for support requests.")}}
                    }
                }
            }
        },
        "required": ["errors"]
    })
}

fn microsoft() -> Value {
    json!({
        "description": "An error in the Microsoft REST API guidelines' form (the OData error object).",
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {
                    "code": text("The error code, in PascalCase; also the `x-ms-error-code` header."),
                    "message": text("Human-readable error message."),
                    "target": text("The field the error is about."),
                    "details": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "code": text("The field error's code, in PascalCase."),
                                "target": text("The field, relative to the error's `target`."),
                                "message": text("What is wrong with the field.")
                            },
                            "required": ["code", "message"]
                        }
                    },
                    "innererror": {
                        "type": "object",
                        "properties": {"code": text("A more specific error code.")},
                        "required": ["code"]
                    }
                },
                "required": ["code", "message"]
            }
        },
        "required": ["error"]
    })
}
