//! One timestamp format everywhere: RFC 3339, UTC, `Z`, microseconds — in every example of the
//! OpenAPI document and in real answers, audit payloads and events included.

use crate::helpers::TestApp;
use arrears::domain::role::Role;
use serde_json::{Value, json};

fn looks_like_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 16 && b[4] == b'-' && b[7] == b'-' && b[10] == b'T' && b[13] == b':'
}

/// `2026-12-01T16:00:00.000000Z` exactly.
fn in_the_one_format(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.into_iter().all(|i| b[i].is_ascii_digit());
    b.len() == 27
        && b[19] == b'.'
        && b[26] == b'Z'
        && b[16] == b':'
        && digits(0..4)
        && digits(20..26)
        && chrono::DateTime::parse_from_rfc3339(s).is_ok()
}

/// Every timestamp-looking string under `value`, with its JSON path.
fn timestamps(value: &Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) if looks_like_timestamp(s) => out.push((path, s.clone())),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                timestamps(v, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                timestamps(v, format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

fn misfits(value: &Value) -> (usize, Vec<(String, String)>) {
    let mut found = Vec::new();
    timestamps(value, String::new(), &mut found);
    let n = found.len();
    (
        n,
        found
            .into_iter()
            .filter(|(_, s)| !in_the_one_format(s))
            .collect(),
    )
}

#[test]
fn the_format_check_itself() {
    assert!(in_the_one_format("2026-12-01T16:00:00.000000Z"));
    assert!(!in_the_one_format("2026-12-01T16:00:00Z"));
    assert!(!in_the_one_format("2026-12-01T16:00:00.000000"));
    assert!(!in_the_one_format("2026-12-01T16:00:00.000+00:00"));
}

#[actix_web::test]
async fn every_example_in_the_document_uses_the_one_format() {
    let app = TestApp::new().await;
    let doc = app.get("/openapi.json", None).await.expect(200);
    let (n, bad) = misfits(&doc);
    assert!(n > 100, "only {n} timestamps found in the document");
    assert!(bad.is_empty(), "{bad:#?}");
}

#[actix_web::test]
async fn real_answers_audit_payloads_and_events_use_the_one_format() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    let head = app.token(Role::Head);
    let id = app.assigned_account("TS-1", 100_000).await;
    app.pay(id, 1_000, &agent).await.expect(201);
    let body = json!({"kind": "write_off", "account_id": id, "amount": 5_000, "reason": "fees"});
    app.post("/v1/approvals", Some(&agent), body)
        .await
        .expect(201);
    let paths = [
        format!("/v1/accounts/{id}"),
        format!("/v1/accounts/{id}/payments"),
        format!("/v1/accounts/{id}/timeline"),
        format!("/v1/accounts/{id}/assignments"),
        "/v1/approvals".into(),
        "/v1/users".into(),
        "/v1/teams".into(),
        "/v1/audit-events?limit=200".into(),
        "/v1/events?limit=200".into(),
    ];
    let mut total = 0;
    for path in paths {
        let answer = app.get(&path, Some(&head)).await.expect(200);
        let (n, bad) = misfits(&answer);
        total += n;
        assert!(bad.is_empty(), "{path}: {bad:#?}");
    }
    assert!(total > 50, "only {total} timestamps seen");
}
