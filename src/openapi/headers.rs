//! What every operation declares beyond its handler's words: a one-line summary over the rules
//! in its description, and the response headers every operation of a kind sends, so that
//! generators and Swagger UI show them: `X-Request-Id` everywhere, `ETag` (and a 304) on JSON reads,
//! `Location` on 201, `Idempotent-Replayed` on POST answers, `Retry-After` on 429 and 503,
//! `WWW-Authenticate` on 401.

use serde_json::{Map, Value, json};

fn header(description: &str) -> Value {
    json!({"description": description, "schema": {"type": "string", "maxLength": 255}})
}

fn retry_after() -> Value {
    json!({"description": "Seconds to wait before retrying",
        "schema": {"type": "integer", "minimum": 0, "maximum": 3600}})
}

fn request_id() -> Value {
    header(
        "The request's id (yours from `X-Request-Id`, else generated); quote it when reporting a problem",
    )
}

fn add(response: &mut Value, name: &str, value: Value) {
    if response.get("$ref").is_some() {
        return;
    }
    if !response["headers"].is_object() {
        response["headers"] = json!({});
    }
    response["headers"][name] = value;
}

fn is_json(response: &Value) -> bool {
    response["content"].get("application/json").is_some()
}

/// Declares the headers of an operation's own (not shared) responses.
pub(super) fn declare(method: &str, responses: &mut Map<String, Value>) {
    let mut tagged_read = false;
    for (status, response) in responses.iter_mut() {
        add(response, "X-Request-Id", request_id());
        if method == "get" && status == "200" && is_json(response) {
            tagged_read = true;
            add(
                response,
                "ETag",
                header(
                    "A digest of this answer (embedded objects included); send it as `If-None-Match` to get 304 while nothing changed",
                ),
            );
        }
        if status == "201" {
            add(
                response,
                "Location",
                header(
                    "The URL of what was created; a replay with the same `Idempotency-Key` answers the same. Assignments name the accounts list they now show in, a stream token the stream URL to open",
                ),
            );
        }
        match status.as_str() {
            "429" | "503" => add(response, "Retry-After", retry_after()),
            "401" => add(
                response,
                "WWW-Authenticate",
                header("`Bearer realm=\"arrears\"`"),
            ),
            _ => {}
        }
        if method == "post" && status.starts_with('2') {
            add(
                response,
                "Idempotent-Replayed",
                header(
                    "`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`",
                ),
            );
        }
    }
    if tagged_read {
        let mut not_modified = json!({"description": "Not modified: `If-None-Match` holds the current `ETag`; no body"});
        add(&mut not_modified, "ETag", header("The current entity tag"));
        add(&mut not_modified, "X-Request-Id", request_id());
        responses.insert("304".into(), not_modified);
    }
}

/// Declares the headers of the shared problem responses.
pub(super) fn declare_on_problems(responses: &mut Map<String, Value>) {
    for (name, response) in responses.iter_mut() {
        add(response, "X-Request-Id", request_id());
        match name.as_str() {
            "TooManyRequests" | "ServiceUnavailable" => add(response, "Retry-After", retry_after()),
            "Unauthorized" => add(
                response,
                "WWW-Authenticate",
                header("`Bearer realm=\"arrears\"`"),
            ),
            _ => {}
        }
    }
}

/// The first clause of `text`: up to the first sentence end, colon or parenthesis, at most 80
/// characters (cut at a word).
fn first_clause(text: &str) -> String {
    let line = text.replace('\n', " ");
    let end = [". ", ": ", " (", "; "]
        .iter()
        .filter_map(|stop| line.find(stop))
        .min()
        .unwrap_or(line.len());
    let mut clause = line[..end].trim().trim_end_matches('.').to_owned();
    if clause.chars().count() > 80 {
        let cut: String = clause.chars().take(80).collect();
        clause = cut
            .rsplit_once(' ')
            .map_or(cut.clone(), |(head, _)| head.to_owned());
    }
    clause
}

/// An operation documented in one paragraph gets that paragraph as its description and the
/// paragraph's first clause as its summary.
pub(super) fn summarise(op: &mut Value) {
    if op.get("description").is_some() {
        return;
    }
    let Some(text) = op["summary"].as_str().map(str::to_owned) else {
        return;
    };
    op["summary"] = Value::String(first_clause(&text));
    op["description"] = Value::String(text);
}

/// Drops shared responses no operation refers to (an operation that describes a status in its
/// own words gets its own copy).
pub(super) fn drop_unused_responses(doc: &mut Value) {
    let text = doc["paths"].to_string();
    if let Some(responses) = doc["components"]["responses"].as_object_mut() {
        responses.retain(|name, _| text.contains(&format!("#/components/responses/{name}\"")));
    }
}

/// A JSON body none of whose fields is required may be left out (an action such as `approve`
/// or `cancel`): its `requestBody` says `required: false`.
pub(super) fn optional_bodies(doc: &mut Value) {
    let schemas = doc["components"]["schemas"].clone();
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    let operations = paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|o| o.values_mut());
    for body in operations.filter_map(|op| op.get_mut("requestBody")) {
        let reference = body["content"]["application/json"]["schema"]["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/components/schemas/"));
        let Some(schema) = reference.and_then(|name| schemas.get(name)) else {
            continue;
        };
        let none_required = schema["required"].as_array().is_none_or(Vec::is_empty);
        let json_only = body["content"].as_object().is_some_and(|c| c.len() == 1);
        if none_required && schema["type"] == "object" && json_only {
            body["required"] = Value::Bool(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_are_the_first_clause() {
        let cases = [
            (
                "List the accounts you may see (agent: assigned to you).",
                "List the accounts you may see",
            ),
            (
                "Approve a request: your tier ≥ `required_role`",
                "Approve a request",
            ),
            (
                "Complaints on the accounts you see, newest first.",
                "Complaints on the accounts you see, newest first",
            ),
            ("One line.\nSecond line.", "One line"),
        ];
        for (text, summary) in cases {
            assert_eq!(first_clause(text), summary);
        }
        let long = "word ".repeat(30);
        assert!(first_clause(&long).len() <= 80);
    }
}
