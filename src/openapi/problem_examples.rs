//! Error examples per operation: an operation's own error response names its slugs in its
//! description (`duplicate-reference`); each becomes a named example of that response, so Swagger
//! UI and generated clients show the problems this operation really answers. A POST's 409 also
//! shows `idempotency-key-in-use`, which any POST can answer.

use serde_json::{Map, Value, json};

/// The slugs a description names: backticked words with a hyphen (`field_names` and `ETag` are
/// not slugs).
fn slugs(description: &str) -> Vec<&str> {
    description
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|w| {
            w.contains('-')
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        .collect()
}

/// The clause of `description` that explains `slug`: the words before "(`slug`", back to the
/// previous comma, semicolon or "or"; the whole description when the slug stands alone.
fn clause<'a>(description: &'a str, slug: &str) -> &'a str {
    let Some(named) = description.find(&format!("`{slug}`")) else {
        return description;
    };
    // The slug may stand in a list in parentheses: "(`a`, `b`)".
    let Some(at) = description[..named]
        .rfind('(')
        .filter(|open| !description[*open..named].contains(')'))
    else {
        return description;
    };
    let before = &description[..at];
    let start = [", ", "; ", " or ", "), "]
        .iter()
        .filter_map(|sep| before.rfind(sep).map(|i| i + sep.len()))
        .max()
        .unwrap_or(0);
    let text = before[start..].trim();
    if text.is_empty() { description } else { text }
}

fn example(status: u16, slug: &str, detail: &str) -> Value {
    let title = actix_web::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error");
    json!({
        "summary": slug,
        "value": {
            "type": format!("{}{slug}", crate::error::PROBLEM_BASE),
            "title": title,
            "status": status,
            "detail": detail,
        }
    })
}

/// Named examples for an operation's own error response, or `None` when its description names
/// no slug (the generic example stays).
pub(super) fn named(description: &str, status: u16, is_post: bool) -> Option<Value> {
    let found = slugs(description);
    if found.is_empty() {
        return None;
    }
    let mut examples = Map::new();
    for slug in found {
        let detail = clause(description, slug);
        let mut detail = detail.trim_end_matches('.').to_owned();
        if let Some(first) = detail.get(..1) {
            detail = first.to_lowercase() + &detail[1..];
        }
        examples.insert(slug.to_owned(), example(status, slug, &detail));
    }
    if is_post && status == 409 {
        let detail = "a request with this Idempotency-Key is still running";
        examples
            .entry("idempotency-key-in-use")
            .or_insert_with(|| example(status, "idempotency-key-in-use", detail));
    }
    Some(Value::Object(examples))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_their_clauses() {
        let d =
            "Duplicate reference (`duplicate-reference`) or a closed account (`account-closed`)";
        assert_eq!(slugs(d), ["duplicate-reference", "account-closed"]);
        assert_eq!(clause(d, "duplicate-reference"), "Duplicate reference");
        assert_eq!(clause(d, "account-closed"), "a closed account");
        let bare = "`not-pending` or `stale-request`";
        assert_eq!(clause(bare, "stale-request"), bare);
        let listed = "closed already (`complaint-closed`), or no adjustment (`account-closed`, `duplicate-pending`)";
        assert_eq!(clause(listed, "duplicate-pending"), "no adjustment");
        assert!(slugs("A malformed `period` or the `ETag` you sent").is_empty());
        let e = named(d, 409, true).unwrap();
        assert_eq!(
            e["account-closed"]["value"]["type"],
            "https://arrears.dev/problems/account-closed"
        );
        assert_eq!(e["account-closed"]["value"]["title"], "Conflict");
        assert!(e.get("idempotency-key-in-use").is_some());
        assert!(named("No team has this id", 404, false).is_none());
    }
}
