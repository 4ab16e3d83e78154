//! Strategies: drafts validated, one active at a time, immutable once used, challenger promoted.

use crate::helpers::TestApp;
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

fn definition(name: &str) -> Value {
    json!({"name": name,
        "segments": [
            {"name": "early", "criteria": {"max_days_past_due": 30}, "treatment": [{"day": 0, "action": "call"}, {"day": 3, "action": "sms", "template": "reminder-1"}]},
            {"name": "late", "criteria": {"min_days_past_due": 31, "portfolios": ["cards"]}, "treatment": [{"day": 14, "action": "settlement_offer", "discount_percent": 20}]}],
        "challenger": {"share_percent": 20, "segments": [
            {"name": "early", "criteria": {"max_days_past_due": 30}, "treatment": [{"day": 0, "action": "sms", "template": "reminder-1"}]}]}})
}

#[actix_web::test]
async fn drafts_activation_and_promotion() {
    let app = TestApp::new().await;
    let manager = app.token(Role::Manager);
    let head = app.token(Role::Head);
    let first = app
        .post("/v1/strategies", Some(&manager), definition("first"))
        .await
        .expect(201);
    assert_eq!(
        (
            &first["status"],
            &first["segments"][1]["treatment"][0]["discount_percent"]
        ),
        (&json!("draft"), &json!(20))
    );
    app.post(
        "/v1/strategies",
        Some(&app.token(Role::TeamLead)),
        definition("x"),
    )
    .await
    .expect(403);
    // Every problem named by its path.
    let mut bad = definition(" ");
    bad["segments"][0]["criteria"] = json!({"min_balance": 10, "max_balance": 5});
    bad["segments"][1]["treatment"][0] = json!({"day": 1, "action": "sms"});
    bad["challenger"]["share_percent"] = json!(51);
    let res = app.post("/v1/strategies", Some(&manager), bad).await;
    assert_eq!(res.status.as_u16(), 422);
    let fields: Vec<String> = res.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        fields,
        [
            "name",
            "segments[0].criteria.min_balance",
            "segments[1].treatment[0].template",
            "challenger.share_percent"
        ]
    );
    let put = |id: &Value, body: Value| {
        TestApp::req(Method::PUT, &format!("/v1/strategies/{id}"), Some(&manager)).set_json(body)
    };
    let renamed = app
        .call(put(&first["id"], definition("first, renamed")))
        .await
        .expect(200);
    assert_eq!(renamed["name"], "first, renamed");
    let activate = |id: &Value| format!("/v1/strategies/{id}/activate");
    app.post(&activate(&first["id"]), Some(&manager), json!({}))
        .await
        .expect(403);
    let active = app
        .post(&activate(&first["id"]), Some(&head), json!({}))
        .await
        .expect(200);
    assert_eq!(active["status"], "active");
    let immutable = app.call(put(&first["id"], definition("again"))).await;
    assert_eq!(
        (immutable.status.as_u16(), immutable.slug()),
        (409, "strategy-immutable".into())
    );
    // A second activation retires the first.
    let second = app
        .post("/v1/strategies", Some(&manager), definition("second"))
        .await
        .expect(201);
    app.post(&activate(&second["id"]), Some(&head), json!({}))
        .await
        .expect(200);
    let old = app
        .get(&format!("/v1/strategies/{}", first["id"]), Some(&manager))
        .await
        .expect(200);
    assert_eq!(old["status"], "retired");
    let again = app
        .post(&activate(&first["id"]), Some(&head), json!({}))
        .await;
    assert_eq!(
        (again.status.as_u16(), again.slug()),
        (409, "strategy-not-draft".into())
    );
    // Promoting the challenger: a new active strategy with the challenger's segments.
    let promote = |id: &Value| format!("/v1/strategies/{id}/promote-challenger");
    let promoted = app
        .post(&promote(&second["id"]), Some(&head), json!({}))
        .await
        .expect(201);
    assert_eq!(
        (
            &promoted["status"],
            &promoted["promoted_from"],
            &promoted["challenger"]
        ),
        (&json!("active"), &second["id"], &Value::Null)
    );
    assert_eq!(promoted["segments"][0]["treatment"][0]["action"], "sms");
    let listed = app
        .get("/v1/strategies", Some(&app.token(Role::Auditor)))
        .await
        .expect(200);
    let statuses: Vec<&str> = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["active", "retired", "retired"]);
    let none = app
        .post(&promote(&promoted["id"]), Some(&head), json!({}))
        .await;
    assert_eq!(
        (none.status.as_u16(), none.slug()),
        (409, "no-challenger".into())
    );
    app.get("/v1/strategies", Some(&app.token(Role::Agent)))
        .await
        .expect(403);
    app.get("/v1/strategies/999999", Some(&head))
        .await
        .expect(404);
}
