//! The hash-chained audit log.

use crate::helpers::TestApp;
use arrears::domain::role::Role;
use serde_json::json;

#[actix_web::test]
async fn changes_are_audited_with_before_and_after() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let team = app
        .post("/v1/teams", Some(&admin), json!({"name": "East"}))
        .await
        .expect(201);
    let id = team["id"].as_i64().unwrap();
    app.patch(
        &format!("/v1/teams/{id}"),
        Some(&admin),
        json!({"name": "Eastern"}),
    )
    .await
    .expect(200);
    let events = app
        .get(
            &format!("/v1/audit-events?entity_type=team&entity_id={id}"),
            Some(&app.token(Role::Head)),
        )
        .await
        .expect(200);
    let events = events["data"].as_array().unwrap().clone();
    assert_eq!(events.len(), 2);
    let (updated, created) = (&events[0], &events[1]);
    assert_eq!(created["action"], "team.created");
    assert_eq!(created["seq"], 1);
    assert_eq!(created["before"], serde_json::Value::Null);
    assert_eq!(created["after"]["name"], "East");
    assert_eq!(created["actor_id"], app.user(Role::Admin).id);
    assert_eq!(updated["action"], "team.updated");
    assert_eq!(updated["seq"], 2);
    assert_eq!(updated["before"]["name"], "East");
    assert_eq!(updated["after"]["name"], "Eastern");
    assert_eq!(updated["prev_hash"], created["hash"]);
    assert!(created["occurred_at"].as_str().unwrap().ends_with('Z'));
    // Filters.
    let by_actor = app
        .get(
            &format!("/v1/audit-events?actor_id={}", app.user(Role::Admin).id),
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    assert_eq!(by_actor["data"].as_array().unwrap().len(), 2);
    let future = app
        .get(
            "/v1/audit-events?from=2999-01-01T00:00:00Z",
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    assert!(future["data"].as_array().unwrap().is_empty());
    app.get(
        "/v1/audit-events?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z",
        Some(&app.token(Role::Auditor)),
    )
    .await
    .expect(422);
    // A failed change writes nothing.
    app.post("/v1/teams", Some(&admin), json!({"name": "north"}))
        .await
        .expect(409);
    let all = app
        .get(
            "/v1/audit-events?entity_type=team&limit=500",
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    assert_eq!(all["data"].as_array().unwrap().len(), 4);
}

#[actix_web::test]
async fn verify_reports_an_event_edited_behind_the_apis_back() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let auditor = app.token(Role::Auditor);
    for i in 0..3 {
        app.post("/v1/teams", Some(&admin), json!({"name": format!("T{i}")}))
            .await
            .expect(201);
    }
    let ok = app
        .get("/v1/audit-events/verify", Some(&auditor))
        .await
        .expect(200);
    assert_eq!(ok["ok"], true);
    // Seed data: 2 teams and 7 users; plus 3 teams.
    assert_eq!(ok["checked"], 12);
    assert_eq!(ok["first_broken_id"], serde_json::Value::Null);

    let victim = app
        .get("/v1/audit-events?entity_type=team&limit=1", Some(&auditor))
        .await
        .expect(200)["data"][0]["id"]
        .as_i64()
        .unwrap();
    app.sql(format!(
        "UPDATE audit_events SET after_state = '{{\"name\":\"forged\"}}' WHERE id = {victim}"
    ))
    .await;
    let broken = app
        .get("/v1/audit-events/verify", Some(&auditor))
        .await
        .expect(200);
    assert_eq!(broken["ok"], false);
    assert_eq!(broken["first_broken_id"], victim);
}

#[actix_web::test]
async fn verify_reports_a_deleted_event_in_a_stream() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let auditor = app.token(Role::Auditor);
    let id = app
        .post("/v1/teams", Some(&admin), json!({"name": "East"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    for name in ["E1", "E2"] {
        app.patch(
            &format!("/v1/teams/{id}"),
            Some(&admin),
            json!({"name": name}),
        )
        .await
        .expect(200);
    }
    let events = app
        .get(
            &format!("/v1/audit-events?entity_type=team&entity_id={id}"),
            Some(&auditor),
        )
        .await
        .expect(200);
    let middle = events["data"][1]["id"].as_i64().unwrap();
    let last = events["data"][0]["id"].as_i64().unwrap();
    app.sql(format!("DELETE FROM audit_events WHERE id = {middle}"))
        .await;
    let broken = app
        .get("/v1/audit-events/verify", Some(&auditor))
        .await
        .expect(200);
    assert_eq!(broken["ok"], false);
    assert_eq!(broken["first_broken_id"], last);
}
