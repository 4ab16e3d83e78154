//! The shared 404 and 422 answers, told in each operation's own words: a 404's example names the
//! thing its path looks up ("payment not found" on `/v1/payments/{id}`), a 422's names a real
//! field of its body or a real query parameter, with the message the server gives for it.

use serde_json::{Map, Value, json};

/// The thing a path's last parameter identifies: `/v1/accounts/{id}/payments` → `account`,
/// `/v1/api-keys/{id}` → `api key`.
fn looked_up(path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split('/').collect();
    let last_param = segments
        .iter()
        .rposition(|s| s.starts_with(PATH_PARAMETER))?;
    let collection = *segments.get(last_param.checked_sub(1)?)?;
    // Where the server's word is not the path's.
    let named = [
        ("agents", "user"),
        ("api-keys", "API key"),
        ("satisfaction", "satisfaction answer"),
    ];
    if let Some((_, word)) = named.iter().find(|n| n.0 == collection) {
        return Some((*word).to_owned());
    }
    let words = collection.replace('-', " ");
    let singular = if let Some(stem) = words.strip_suffix("ies") {
        format!("{stem}y")
    } else if words.ends_with("ss") || !words.ends_with('s') {
        words
    } else {
        words[..words.len() - 1].to_owned()
    };
    Some(singular)
}

/// An operation's 404: the shared description with an example naming what its path looks up.
pub(super) fn not_found(path: &str, description: &str) -> Option<Value> {
    let thing = looked_up(path)?;
    Some(super::problem_response(
        description,
        404,
        "not-found",
        &format!("{thing} not found"),
    ))
}

/// A field of this operation's request (its body's first required field, else its first query
/// parameter that can be malformed, else a parameter it does not take) and the message the
/// server answers for it.
fn field_and_message(op: &Value, schemas: &Map<String, Value>) -> Option<(String, String)> {
    let body = op.pointer("/requestBody/content/application~1json/schema");
    if let Some(schema) = body {
        let resolved = resolve(schema, schemas);
        if let Some(first) = resolved["required"].get(0).and_then(Value::as_str) {
            return Some((first.to_owned(), format!("missing field `{first}`")));
        }
    }
    let params: &[Value] = op["parameters"].as_array().map_or(&[], Vec::as_slice);
    let query: Vec<&Value> = params.iter().filter(|p| p["in"] == "query").collect();
    let misfit = query.iter().find_map(|p| {
        let schema = resolve(&p["schema"], schemas);
        Some((p["name"].as_str()?.to_owned(), misfit_message(schema)?))
    });
    if misfit.is_some() {
        return misfit;
    }
    // Every operation refuses a query parameter it does not take.
    let takes: Vec<&str> = query.iter().filter_map(|p| p["name"].as_str()).collect();
    let message = crate::api::query_params::unknown_parameter(&takes);
    Some(("expand".to_owned(), message))
}

/// A schema, or the component its `$ref` names.
fn resolve<'a>(schema: &'a Value, schemas: &'a Map<String, Value>) -> &'a Value {
    schema["$ref"]
        .as_str()
        .and_then(|r| r.rsplit('/').next())
        .and_then(|name| schemas.get(name))
        .unwrap_or(schema)
}

/// What the server answers for a value that does not fit `schema` (as `query_params` words it).
fn misfit_message(schema: &Value) -> Option<String> {
    if let Some(options) = schema["enum"].as_array() {
        let names: Vec<&str> = options.iter().filter_map(Value::as_str).collect();
        return Some(format!("must be one of {}", names.join(", ")));
    }
    let message = match (schema["type"].as_str(), schema["format"].as_str()) {
        (Some("integer"), _) => "must be a whole number",
        (Some("boolean"), _) => "must be true or false",
        (Some("string"), Some("date")) => "must be a date (YYYY-MM-DD)",
        _ => return None,
    };
    Some(message.to_owned())
}

/// An operation's 422: the shared description with an example naming one of its own fields.
pub(super) fn unprocessable(
    op: &Value,
    schemas: &Map<String, Value>,
    description: &str,
) -> Option<Value> {
    let (field, message) = field_and_message(op, schemas)?;
    let mut response = super::problem_response(
        description,
        422,
        "validation-failed",
        &format!("{field}: {message}"),
    );
    response["content"]["application/problem+json"]["example"]["errors"] =
        json!([{"field": field, "message": message}]);
    Some(response)
}

/// The error statuses any operation of this shape can answer, from the shared components.
pub(super) fn common_statuses(path: &str, is_post: bool, op: &Value) -> Vec<&'static str> {
    let public = op.get("security").is_some_and(|s| s == &json!([{}]));
    let has_body = op.get("requestBody").is_some();
    let has_params = op
        .get("parameters")
        .and_then(Value::as_array)
        .is_some_and(|p| !p.is_empty());
    let mut wanted: Vec<&str> = vec!["431", "500"];
    if has_body || has_params || is_post {
        wanted.push("400");
    }
    // Every operation under /v1/ refuses a query parameter it does not take.
    if has_body || has_params || is_post || path.starts_with("/v1/") {
        wanted.push("422");
    }
    if has_body {
        wanted.extend(["408", "413", "415"]);
    }
    if !public {
        wanted.extend(["401", "403"]);
    }
    if path.contains(PATH_PARAMETER) {
        wanted.push("404");
    }
    if is_post && path.starts_with("/v1/") {
        wanted.push("409");
    }
    if path.starts_with("/v1/") || path == "/readyz" {
        wanted.push("503");
    }
    wanted
}

/// A path with a parameter (`/v1/accounts/{id}`) can answer 404.
const PATH_PARAMETER: char = '\u{7b}';

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_what_they_look_up() {
        for (path, thing) in [
            ("/v1/payments/{id}", "payment"),
            ("/v1/accounts/{id}/payments", "account"),
            ("/v1/api-keys/{id}", "API key"),
            ("/v1/strategies/{id}/activate", "strategy"),
            ("/v1/satisfaction/{id}", "satisfaction answer"),
            ("/v1/coaching-actions/{id}", "coaching action"),
            ("/v1/webhooks/{id}/deliveries/{delivery_id}", "delivery"),
        ] {
            assert_eq!(looked_up(path).as_deref(), Some(thing), "{path}");
        }
        assert_eq!(looked_up("/v1/payments"), None);
    }

    #[test]
    fn a_422_names_a_required_body_field_or_a_query_parameter() {
        let schemas = json!({"Pay": {"required": ["amount", "method"]}});
        let schemas = schemas.as_object().unwrap();
        let op = json!({"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pay"}}}}});
        let r = unprocessable(&op, schemas, "bad").unwrap();
        let example = &r["content"]["application/problem+json"]["example"];
        assert_eq!(example["detail"], "amount: missing field `amount`");
        assert_eq!(example["errors"][0]["field"], "amount");
        let op = json!({"parameters": [{"in": "path", "name": "id"},
            {"in": "query", "name": "limit", "schema": {"type": "integer"}}]});
        let r = unprocessable(&op, schemas, "bad").unwrap();
        let example = &r["content"]["application/problem+json"]["example"];
        assert_eq!(example["detail"], "limit: must be a whole number");
        let r = unprocessable(&json!({}), schemas, "bad").unwrap();
        let example = &r["content"]["application/problem+json"]["example"];
        assert_eq!(
            example["detail"],
            "expand: unknown query parameter; this operation takes none"
        );
    }
}
