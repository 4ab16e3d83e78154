//! API keys: created by admins, shown once, act with their role, team and scope, record their
//! last use, audited, and stop working the moment they are revoked.

use crate::helpers::TestApp;
use arrears::domain::role::Role;
use serde_json::{Value, json};

async fn create(app: &TestApp, body: Value) -> Value {
    let res = app
        .post("/v1/api-keys", Some(&app.token(Role::Admin)), body)
        .await;
    let key = res.expect(201);
    assert_eq!(
        res.header("location"),
        Some(format!("/v1/api-keys/{}", key["id"]))
    );
    key
}

#[actix_web::test]
async fn a_key_is_shown_once_and_acts_as_its_own_service_user() {
    let app = TestApp::new().await;
    let key = create(&app, json!({"name": "ledger export", "role": "auditor"})).await;
    let secret = key["key"].as_str().unwrap();
    assert!(secret.starts_with("ak_") && secret.len() == 43, "{secret}");
    assert_eq!(key["prefix"], &secret[..10]);
    assert_eq!(key["role"], "auditor");
    assert!(key["last_used_at"].is_null());

    let me = app.get("/v1/me", Some(secret)).await.expect(200);
    assert_eq!(me["id"], key["user_id"]);
    assert_eq!(me["role"], "auditor");
    assert_eq!(me["name"], "API key: ledger export");
    // The auditor's reads work; an admin's operation is refused for its role.
    app.get("/v1/audit-events", Some(secret)).await.expect(200);
    let res = app.get("/v1/api-keys", Some(secret)).await;
    res.expect(403);
    assert_eq!(res.slug(), "insufficient-role");

    let admin = app.token(Role::Admin);
    let shown = app
        .get(&format!("/v1/api-keys/{}", key["id"]), Some(&admin))
        .await
        .expect(200);
    assert!(shown.get("key").is_none(), "{shown}");
    assert!(shown["last_used_at"].is_string(), "{shown}");
    let list = app.get("/v1/api-keys", Some(&admin)).await.expect(200);
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    assert!(list["data"][0].get("key").is_none());
    // No password signs in as the service user.
    let email = me["email"].as_str().unwrap();
    let res = app
        .post(
            "/v1/auth/token",
            None,
            json!({"email": email, "password": "!api-key-and-more"}),
        )
        .await;
    res.expect(401);
    assert_eq!(res.slug(), "credentials-invalid");
    // Nor can an admin give it one; other changes (its name) are still allowed.
    let user = format!("/v1/users/{}", key["user_id"]);
    let res = app
        .patch(
            &user,
            Some(&admin),
            json!({"password": "a long passphrase now"}),
        )
        .await;
    res.expect(409);
    assert_eq!(res.slug(), "service-user");
    app.patch(&user, Some(&admin), json!({"name": "API key: renamed"}))
        .await
        .expect(200);
}

#[actix_web::test]
async fn an_agent_key_sees_what_is_assigned_to_it_and_its_writes_are_audited_as_it() {
    let app = TestApp::new().await;
    let key = create(
        &app,
        json!({"name": "dialer", "role": "agent", "team_id": app.north}),
    )
    .await;
    let secret = key["key"].as_str().unwrap();
    let service_user = key["user_id"].as_i64().unwrap();
    let mine = app.account("AK-1", 10_000, 40, Some(app.north)).await["id"]
        .as_i64()
        .unwrap();
    app.assign(&[mine], service_user).await;
    let theirs = app.assigned_account("AK-2", 10_000).await;
    app.get(&format!("/v1/accounts/{mine}"), Some(secret))
        .await
        .expect(200);
    app.get(&format!("/v1/accounts/{theirs}"), Some(secret))
        .await
        .expect(404);
    let queue = app.get("/v1/queue", Some(secret)).await.expect(200);
    let ids: Vec<i64> = queue["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["account_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![mine]);
    app.pay(mine, 1_000, secret).await.expect(201);
    let audit = app
        .get(
            &format!("/v1/audit-events?actor_id={service_user}&entity_type=payment"),
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    assert_eq!(audit["data"].as_array().unwrap().len(), 1, "{audit}");
    assert_eq!(audit["data"][0]["action"], "payment.recorded");
    let created = app
        .get(
            &format!(
                "/v1/audit-events?entity_type=api_key&entity_id={}",
                key["id"]
            ),
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    assert_eq!(created["data"][0]["action"], "api_key.created");
    assert!(created["data"][0]["after"].get("key").is_none());
}

#[actix_web::test]
async fn a_revoked_key_is_refused_at_once_and_an_unknown_one_is_invalid() {
    let app = TestApp::new().await;
    let key = create(&app, json!({"name": "cron", "role": "manager"})).await;
    let secret = key["key"].as_str().unwrap();
    app.get("/v1/accounts", Some(secret)).await.expect(200);
    let admin = app.token(Role::Admin);
    let path = format!("/v1/api-keys/{}", key["id"]);
    app.call(TestApp::req(
        actix_web::http::Method::DELETE,
        &path,
        Some(&admin),
    ))
    .await
    .expect(204);
    let res = app.get("/v1/accounts", Some(secret)).await;
    res.expect(401);
    assert_eq!(res.slug(), "session-revoked");
    // Revoking again changes nothing; the key stays listed as revoked.
    app.call(TestApp::req(
        actix_web::http::Method::DELETE,
        &path,
        Some(&admin),
    ))
    .await
    .expect(204);
    let shown = app.get(&path, Some(&admin)).await.expect(200);
    assert!(shown["revoked_at"].is_string());
    let res = app.get("/v1/accounts", Some("ak_nosuchkeyatall")).await;
    res.expect(401);
    assert_eq!(res.slug(), "token-invalid");
    // Only admins manage keys; an unknown key id is 404.
    let res = app
        .post(
            "/v1/api-keys",
            Some(&app.token(Role::Head)),
            json!({"name": "x", "role": "agent"}),
        )
        .await;
    res.expect(403);
    app.get("/v1/api-keys/999999", Some(&admin))
        .await
        .expect(404);
}

#[actix_web::test]
async fn key_requests_are_validated() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    for (body, field) in [
        (json!({"name": "", "role": "agent"}), "name"),
        (json!({"name": "x", "role": "boss"}), "role"),
        (
            json!({"name": "x", "role": "agent", "team_id": 999999}),
            "team_id",
        ),
        (json!({"name": "x", "role": "agent", "extra": 1}), "extra"),
    ] {
        let res = app.post("/v1/api-keys", Some(&admin), body).await;
        let problem = res.expect(422);
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }
}
