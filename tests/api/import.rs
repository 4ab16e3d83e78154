//! Bulk placement import.

use crate::helpers::{TestApp, column};
use arrears::domain::role::Role;
use serde_json::{Value, json};

fn row(external_ref: &str, balance: i64) -> Value {
    json!({"external_ref": external_ref, "original_amount": 100_000, "balance": balance, "delinquent_since": "2026-06-01",
        "portfolio": "import", "debtor": {"name": format!("Debtor {external_ref}"), "timezone": "America/Denver", "phone": "303-555-0100"}})
}

#[actix_web::test]
async fn mixed_rows_are_judged_one_by_one() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let mut bad_tz = row("IMP-2", 10);
    bad_tz["debtor"]["timezone"] = json!("Mars/Base");
    let mut bad_team = row("IMP-4", 10);
    bad_team["team_id"] = json!(999_999);
    let mut shared_a = row("IMP-6", 10);
    shared_a["debtor"]["external_ref"] = json!("SHARED");
    let mut shared_b = row("IMP-7", 10);
    shared_b["debtor"]["external_ref"] = json!("SHARED");
    let rows = json!([
        row("IMP-1", 50_000),
        bad_tz,
        {"external_ref": "IMP-3", "original_amount": "lots"},
        bad_team,
        row("IMP-1", 1),
        shared_a,
        shared_b,
        row("IMP-8", 200_000),
    ]);
    let res = app
        .post(
            "/v1/accounts/import",
            Some(&head),
            json!({"accounts": rows}),
        )
        .await
        .expect(200);
    let results = res["results"].as_array().unwrap();
    let statuses: Vec<&str> = results
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "created", "error", "error", "error", "error", "created", "created", "error"
        ]
    );
    assert_eq!(
        results[1]["problem"]["errors"][0]["field"],
        "debtor.timezone"
    );
    assert_eq!(
        results[2]["problem"]["errors"][0]["field"],
        "original_amount"
    );
    assert_eq!(results[3]["problem"]["errors"][0]["field"], "team_id");
    assert_eq!(results[4]["problem"]["errors"][0]["field"], "external_ref");
    assert_eq!(results[7]["problem"]["errors"][0]["field"], "balance");
    assert!(results.iter().enumerate().all(|(i, r)| r["index"] == i));
    // Created rows are real accounts, with their debtors; rows sharing a debtor ref share a debtor.
    let a6 = app
        .get(&format!("/v1/accounts/{}", results[5]["id"]), Some(&head))
        .await
        .expect(200);
    let a7 = app
        .get(&format!("/v1/accounts/{}", results[6]["id"]), Some(&head))
        .await
        .expect(200);
    assert_eq!(a6["debtor_id"], a7["debtor_id"]);
    assert_eq!(a6["debtor"]["phone"], "+13035550100");
    let listed = app
        .get("/v1/accounts?portfolio=import", Some(&head))
        .await
        .expect(200);
    assert_eq!(listed["data"].as_array().unwrap().len(), 3);
    // Nothing of the bad rows exists, and every written event verifies.
    app.get("/v1/accounts?q=IMP-2", Some(&head))
        .await
        .expect(200)["data"]
        .as_array()
        .unwrap()
        .is_empty()
        .then_some(())
        .unwrap();
    let verify = app
        .get("/v1/audit-events/verify", Some(&app.token(Role::Auditor)))
        .await
        .expect(200);
    assert_eq!(verify["ok"], true, "{verify}");
}

#[actix_web::test]
async fn reimport_updates_and_keeps_the_rules() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let first = app
        .post(
            "/v1/accounts/import",
            Some(&head),
            json!({"accounts": [row("RE-1", 40_000), row("RE-2", 30_000)]}),
        )
        .await
        .expect(200);
    let id = first["results"][0]["id"].as_i64().unwrap();
    let mut changed = row("RE-1", 35_000);
    changed["portfolio"] = json!("moved");
    changed["debtor"]["name"] = json!("New Name");
    let mut other_currency = row("RE-2", 30_000);
    other_currency["currency"] = json!("EUR");
    let second = app
        .post(
            "/v1/accounts/import",
            Some(&head),
            json!({"accounts": [changed, other_currency, row("RE-3", 5)]}),
        )
        .await
        .expect(200);
    let statuses: Vec<&str> = second["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["updated", "error", "created"]);
    assert_eq!(second["results"][0]["id"], id);
    assert_eq!(
        second["results"][1]["problem"]["errors"][0]["field"],
        "currency"
    );
    let acc = app
        .get(&format!("/v1/accounts/{id}"), Some(&head))
        .await
        .expect(200);
    assert_eq!(
        (
            acc["balance"].as_i64(),
            acc["portfolio"].as_str(),
            acc["version"].as_i64()
        ),
        // One version for the re-placed fields, one for the `placement_update` adjustment.
        (Some(35_000), Some("moved"), Some(3))
    );
    assert_eq!(acc["debtor"]["name"], "New Name");
    let timeline = app
        .get(&format!("/v1/accounts/{id}/timeline"), Some(&head))
        .await
        .expect(200);
    let actions = column(&timeline, "action");
    assert_eq!(actions[..2], ["adjustment.applied", "account.updated"]);
    assert_eq!(timeline["data"][1]["after"]["portfolio"], "moved");
    // The new balance is an adjustment of the principal, in the ledger.
    assert_eq!(timeline["data"][0]["after"]["reason"], "placement_update");
    assert_eq!(timeline["data"][0]["after"]["amount"], -5_000);
    // Unchanged rows are reported as updated and change nothing.
    let same = app.post("/v1/accounts/import", Some(&head), json!({"accounts": [{"external_ref": "RE-3", "original_amount": 100_000, "balance": 5,
        "delinquent_since": "2026-06-01", "portfolio": "import", "debtor": {"name": "Debtor RE-3", "timezone": "America/Denver", "phone": "303-555-0100"}}]})).await.expect(200);
    assert_eq!(same["results"][0]["status"], "updated");
    let acc3 = app
        .get(
            &format!("/v1/accounts/{}", same["results"][0]["id"]),
            Some(&head),
        )
        .await
        .expect(200);
    assert_eq!(acc3["version"], 1);
    assert_eq!(
        app.get("/v1/audit-events/verify", Some(&head))
            .await
            .expect(200)["ok"],
        true
    );
}

#[actix_web::test]
async fn large_imports_cross_chunks_and_the_1_mib_limit() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let rows: Vec<Value> = (0..2500)
        .map(|i| {
            let mut r = row(&format!("BIG-{i:05}"), 1000 + i);
            r["debtor"]["name"] = json!(format!("Debtor {i} {}", "x".repeat(180)));
            r["portfolio"] = json!("p".repeat(95));
            r
        })
        .collect();
    let body = json!({"accounts": rows});
    assert!(body.to_string().len() > 1024 * 1024);
    let res = app
        .post("/v1/accounts/import", Some(&head), body)
        .await
        .expect(200);
    let results = res["results"].as_array().unwrap();
    assert_eq!(results.len(), 2500);
    assert!(results.iter().all(|r| r["status"] == "created"));
    // Each row got its own account and debtor, matched in order.
    let last = app
        .get(
            &format!("/v1/accounts/{}", results[2499]["id"]),
            Some(&head),
        )
        .await
        .expect(200);
    assert_eq!(last["external_ref"], "BIG-02499");
    assert!(
        last["debtor"]["name"]
            .as_str()
            .unwrap()
            .starts_with("Debtor 2499 ")
    );
    assert_eq!(last["balance"], 3499);
    let verify = app
        .get("/v1/audit-events/verify", Some(&app.token(Role::Auditor)))
        .await
        .expect(200);
    assert_eq!(
        (verify["ok"].as_bool(), verify["checked"].as_i64()),
        (Some(true), Some(9 + 5000))
    );
    // Other routes keep the 1 MiB limit; the import route refuses more than 10,000 rows.
    let big_team = json!({"name": "x".repeat(1024 * 1024)});
    app.post("/v1/teams", Some(&app.token(Role::Admin)), big_team)
        .await
        .expect(413);
    let too_many: Vec<Value> = (0..10_001).map(|_| json!({})).collect();
    app.post(
        "/v1/accounts/import",
        Some(&head),
        json!({"accounts": too_many}),
    )
    .await
    .expect(422);
    app.post("/v1/accounts/import", Some(&head), json!({"accounts": []}))
        .await
        .expect(422);
    // A row that is not an object is one bad row, answered in its place.
    let odd = app
        .post(
            "/v1/accounts/import",
            Some(&head),
            json!({"accounts": [1, row("ODD-1", 100)]}),
        )
        .await
        .expect(200);
    assert_eq!(odd["results"][0]["status"], "error");
    assert_eq!(odd["results"][0]["problem"]["status"], 422);
    assert_eq!(odd["results"][1]["status"], "created");
    app.post(
        "/v1/accounts/import",
        Some(&app.token(Role::TeamLead)),
        json!({"accounts": [row("X", 1)]}),
    )
    .await
    .expect(403);
}

#[actix_web::test]
async fn account_pages_hold_under_concurrent_inserts() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let rows: Vec<Value> = (0..25)
        .map(|i| row(&format!("PG-{i:02}"), 100 + i))
        .collect();
    app.post(
        "/v1/accounts/import",
        Some(&head),
        json!({"accounts": rows}),
    )
    .await
    .expect(200);
    let mut seen = Vec::new();
    let mut path = "/v1/accounts?limit=10".to_owned();
    let mut round = 0;
    loop {
        let page = app.get(&path, Some(&head)).await.expect(200);
        seen.extend(
            page["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["external_ref"].as_str().unwrap().to_owned()),
        );
        round += 1;
        app.post(
            "/v1/accounts/import",
            Some(&head),
            json!({"accounts": [row(&format!("LATE-{round}"), 1)]}),
        )
        .await
        .expect(200);
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/v1/accounts?limit=10&cursor={c}"),
            None => break,
        }
    }
    let originals: Vec<&String> = seen.iter().filter(|r| r.starts_with("PG-")).collect();
    assert_eq!(originals.len(), 25, "every row once: {seen:?}");
    let mut dedup = seen.clone();
    dedup.dedup();
    assert_eq!(dedup.len(), seen.len());
}
