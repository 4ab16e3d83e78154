//! Query parameters as the OpenAPI document declares them, per operation: an unknown one is
//! refused with 422 like an unknown body field, and a value that does not parse is named
//! (`errors[].field = "limit"`) rather than reported as the whole query string.
//!
//! The table is built from the same document the routes generate, so it cannot drift from them.

use std::collections::HashMap;

use serde_json::Value;

use crate::error::{ApiError, FieldError};

/// One declared query parameter: its name and the (resolved) schema its value must fit.
#[derive(Debug, Clone)]
struct Declared {
    name: String,
    schema: Value,
}

/// Every operation's query parameters, keyed by (method, path template).
#[derive(Debug, Clone, Default)]
pub struct QueryParams {
    operations: HashMap<(String, String), Vec<Declared>>,
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix("#/components/schemas/")
            .and_then(|name| doc["components"]["schemas"].get(name))
            .unwrap_or(schema),
        None => schema,
    }
}

impl QueryParams {
    pub fn from_openapi(doc: &Value) -> Self {
        let mut operations = HashMap::new();
        let Some(paths) = doc["paths"].as_object() else {
            return Self::default();
        };
        for (path, item) in paths {
            let Some(ops) = item.as_object() else {
                continue;
            };
            for (method, op) in ops {
                let declared = op["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|p| p["in"] == "query")
                    .filter_map(|p| {
                        Some(Declared {
                            name: p["name"].as_str()?.to_owned(),
                            schema: resolve(doc, &p["schema"]).clone(),
                        })
                    })
                    .collect();
                operations.insert((method.to_uppercase(), path.clone()), declared);
            }
        }
        Self { operations }
    }

    fn declared(&self, method: &str, template: &str) -> Option<&[Declared]> {
        self.operations
            .get(&(method.to_owned(), template.to_owned()))
            .map(Vec::as_slice)
    }

    /// 422 naming each query parameter the operation does not take (`None` when all are known,
    /// or the route is not a documented operation).
    pub fn unknown(&self, method: &str, template: &str, query: &str) -> Option<ApiError> {
        let declared = self.declared(method, template)?;
        let mut errors: Vec<FieldError> = Vec::new();
        for (name, _) in url::form_urlencoded::parse(query.as_bytes()) {
            let known = declared.iter().any(|d| d.name == name);
            if !known && !errors.iter().any(|e| e.field == name) {
                let takes: Vec<&str> = declared.iter().map(|d| d.name.as_str()).collect();
                let message = unknown_parameter(&takes);
                errors.push(FieldError::new(name.into_owned(), message));
            }
        }
        (!errors.is_empty()).then_some(ApiError::Validation(errors))
    }

    /// The first query parameter whose value does not fit its declared schema, as a field error.
    pub fn misfit(&self, method: &str, template: &str, query: &str) -> Option<FieldError> {
        let declared = self.declared(method, template)?;
        url::form_urlencoded::parse(query.as_bytes()).find_map(|(name, value)| {
            let d = declared.iter().find(|d| d.name == name)?;
            problem_with(&d.schema, &value).map(|m| FieldError::new(name.into_owned(), m))
        })
    }
}

/// The message for a query parameter the operation does not take (the OpenAPI document's
/// examples quote it too).
pub fn unknown_parameter(takes: &[&str]) -> String {
    if takes.is_empty() {
        "unknown query parameter; this operation takes none".to_owned()
    } else {
        format!(
            "unknown query parameter; this operation takes {}",
            takes.join(", ")
        )
    }
}

/// What is wrong with `value` for `schema` (integers, booleans, enums, dates), if anything.
fn problem_with(schema: &Value, value: &str) -> Option<String> {
    if let Some(options) = schema["enum"].as_array() {
        let names: Vec<&str> = options.iter().filter_map(Value::as_str).collect();
        return (!names.contains(&value)).then(|| format!("must be one of {}", names.join(", ")));
    }
    match (schema["type"].as_str(), schema["format"].as_str()) {
        (Some("integer"), _) => match value.parse::<i64>() {
            Err(_) => Some("must be a whole number".into()),
            Ok(n) => {
                let min = schema["minimum"].as_i64();
                let max = schema["maximum"].as_i64();
                (min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m)).then(|| {
                    format!(
                        "must be between {} and {}",
                        min.map_or("-".into(), |m| m.to_string()),
                        max.map_or("-".into(), |m| m.to_string())
                    )
                })
            }
        },
        (Some("boolean"), _) => {
            (!matches!(value, "true" | "false")).then(|| "must be true or false".into())
        }
        (Some("string"), Some("date")) => chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .is_err()
            .then(|| "must be a date (YYYY-MM-DD)".into()),
        (Some("string"), Some("date-time")) => chrono::DateTime::parse_from_rfc3339(value)
            .is_err()
            .then(|| "must be an RFC 3339 timestamp".into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn table() -> QueryParams {
        QueryParams::from_openapi(&json!({
            "paths": {"/v1/things": {"get": {"parameters": [
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
                {"name": "status", "in": "query", "schema": {"$ref": "#/components/schemas/Status"}},
                {"name": "on", "in": "query", "schema": {"type": "string", "format": "date"}},
                {"name": "id", "in": "path", "schema": {"type": "integer"}}
            ]}}},
            "components": {"schemas": {"Status": {"type": "string", "enum": ["open", "closed"]}}}
        }))
    }

    #[test]
    fn unknown_parameters_are_named() {
        let t = table();
        assert!(
            t.unknown("GET", "/v1/things", "limit=5&status=open")
                .is_none()
        );
        assert!(t.unknown("GET", "/v1/other", "anything=1").is_none());
        let Some(ApiError::Validation(errors)) = t.unknown("GET", "/v1/things", "id=1&x=2&x=3")
        else {
            panic!("expected a 422");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["id", "x"]);
    }

    #[test]
    fn misfits_name_the_parameter() {
        let t = table();
        let field = |q: &str| t.misfit("GET", "/v1/things", q).map(|e| e.field);
        assert_eq!(field("limit=abc").as_deref(), Some("limit"));
        assert_eq!(field("limit=0").as_deref(), Some("limit"));
        assert_eq!(field("limit=5&status=shut").as_deref(), Some("status"));
        assert_eq!(field("on=2026-13-01").as_deref(), Some("on"));
        assert_eq!(field("limit=500&status=closed&on=2026-12-01"), None);
    }
}
