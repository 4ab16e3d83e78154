//! `Idempotency-Key` on POST.

use crate::helpers::TestApp;
use arrears::domain::role::Role;
use futures_util::future::join_all;
use serde_json::json;

async fn team_count(app: &TestApp) -> usize {
    app.get("/v1/teams?limit=500", Some(&app.token(Role::Admin)))
        .await
        .expect(200)["data"]
        .as_array()
        .unwrap()
        .len()
}

#[actix_web::test]
async fn a_retry_replays_the_first_answer_and_does_nothing_twice() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let first = app
        .post_with_key("/v1/teams", &admin, "key-1", json!({"name": "East"}))
        .await;
    let body = first.expect(201);
    assert_eq!(first.header("idempotent-replayed"), None);
    let again = app
        .post_with_key("/v1/teams", &admin, "key-1", json!({"name": "East"}))
        .await;
    assert_eq!(again.expect(201), body);
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    // The replay names what the first answer created, as the first answer did.
    let location = format!("/v1/teams/{}", body["id"]);
    assert_eq!(first.header("location").as_deref(), Some(location.as_str()));
    assert_eq!(again.header("location").as_deref(), Some(location.as_str()));
    assert_eq!(team_count(&app).await, 3);
    // One audit event, not two.
    let events = app
        .get(
            &format!("/v1/audit-events?entity_type=team&entity_id={}", body["id"]),
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    assert_eq!(events["data"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn the_same_key_with_another_body_is_refused() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    app.post_with_key("/v1/teams", &admin, "key-2", json!({"name": "East"}))
        .await
        .expect(201);
    let res = app
        .post_with_key("/v1/teams", &admin, "key-2", json!({"name": "West"}))
        .await;
    res.expect(422);
    assert_eq!(res.slug(), "idempotency-key-reused");
    // ... and on another route.
    let res = app
        .post_with_key("/v1/users", &admin, "key-2", json!({"email": "e@x.dev", "name": "E", "role": "agent", "password": "long enough password"}))
        .await;
    assert_eq!(res.slug(), "idempotency-key-reused");
    assert_eq!(team_count(&app).await, 3);
}

#[actix_web::test]
async fn keys_belong_to_their_user() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    app.post_with_key("/v1/teams", &admin, "shared", json!({"name": "East"}))
        .await
        .expect(201);
    // Another admin using the same key runs their own request.
    let other = app
        .post("/v1/users", Some(&admin), json!({"email": "admin2@x.dev", "name": "Admin Two", "role": "admin", "password": "long enough password"}))
        .await
        .expect(201);
    let seeded = crate::helpers::Seeded {
        id: other["id"].as_i64().unwrap(),
        email: "admin2@x.dev".into(),
        role: Role::Admin,
        team_id: None,
    };
    let res = app
        .post_with_key(
            "/v1/teams",
            &app.token_for(&seeded),
            "shared",
            json!({"name": "East"}),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "team-name-taken".into())
    );
}

#[actix_web::test]
async fn a_failed_request_releases_its_key() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    app.post_with_key("/v1/teams", &admin, "key-3", json!({"name": "North"}))
        .await
        .expect(409);
    app.patch(
        &format!("/v1/teams/{}", app.north),
        Some(&admin),
        json!({"name": "Old North"}),
    )
    .await
    .expect(200);
    let res = app
        .post_with_key("/v1/teams", &admin, "key-3", json!({"name": "North"}))
        .await;
    res.expect(201);
    assert_eq!(res.header("idempotent-replayed"), None);
}

#[actix_web::test]
async fn concurrent_retries_create_exactly_one_team() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let calls =
        (0..12).map(|_| app.post_with_key("/v1/teams", &admin, "burst", json!({"name": "Burst"})));
    let results = join_all(calls).await;
    let mut created_ids = Vec::new();
    for res in &results {
        match res.status.as_u16() {
            201 => created_ids.push(res.json()["id"].as_i64().unwrap()),
            409 => assert_eq!(res.slug(), "idempotency-key-in-use"),
            other => panic!("unexpected {other}: {}", String::from_utf8_lossy(&res.body)),
        }
    }
    assert!(!created_ids.is_empty());
    created_ids.dedup();
    assert_eq!(created_ids.len(), 1, "every 201 names the same team");
    assert_eq!(
        results
            .iter()
            .filter(|r| r.status.as_u16() == 201 && r.header("idempotent-replayed").is_none())
            .count(),
        1
    );
    assert_eq!(team_count(&app).await, 3);
}

#[actix_web::test]
async fn key_length_is_checked() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let res = app
        .post_with_key(
            "/v1/teams",
            &admin,
            &"k".repeat(256),
            json!({"name": "East"}),
        )
        .await;
    res.expect(422);
    assert_eq!(res.json()["errors"][0]["field"], "Idempotency-Key");
    app.post_with_key(
        "/v1/teams",
        &admin,
        &"k".repeat(255),
        json!({"name": "East"}),
    )
    .await
    .expect(201);
}
