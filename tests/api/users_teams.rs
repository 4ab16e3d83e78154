//! Users, teams and `/v1/me`: validation, uniqueness, scope.

use crate::helpers::TestApp;
use arrears::domain::role::Role;
use serde_json::json;

fn new_user(email: &str, team: Option<i64>) -> serde_json::Value {
    json!({"email": email, "name": "New Person", "role": "agent", "team_id": team, "password": "long enough password"})
}

#[actix_web::test]
async fn admin_creates_a_user_who_can_sign_in() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let created = app
        .post(
            "/v1/users",
            Some(&admin),
            new_user("New.Person@Example.com", Some(app.south)),
        )
        .await
        .expect(201);
    assert_eq!(created["email"], "new.person@example.com");
    assert_eq!(created["team_id"], app.south);
    assert_eq!(created["active"], true);
    assert!(created["created_at"].as_str().unwrap().ends_with('Z'));
    let id = created["id"].as_i64().unwrap();
    let fetched = app
        .get(&format!("/v1/users/{id}"), Some(&admin))
        .await
        .expect(200);
    assert_eq!(fetched, created);
    let login = app
        .post(
            "/v1/auth/token",
            None,
            json!({"email": "new.person@example.com", "password": "long enough password"}),
        )
        .await;
    login.expect(200);
}

#[actix_web::test]
async fn user_validation_and_uniqueness() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let res = app
        .post(
            "/v1/users",
            Some(&admin),
            json!({"email": "not-an-email", "name": "", "role": "agent", "password": "short"}),
        )
        .await;
    let body = res.expect(422);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["email", "name", "password"]);
    let res = app.post("/v1/users", Some(&admin), json!({"email": "a@b.dev", "name": "A", "role": "root", "password": "long enough password"})).await;
    res.expect(422);
    assert_eq!(res.json()["errors"][0]["field"], "role");
    let res = app
        .post(
            "/v1/users",
            Some(&admin),
            new_user("x@test.dev", Some(99_999)),
        )
        .await;
    res.expect(422);
    assert_eq!(res.json()["errors"][0]["field"], "team_id");
    let res = app
        .post("/v1/users", Some(&admin), new_user("AGENT@test.dev", None))
        .await;
    res.expect(409);
    assert_eq!(res.slug(), "email-taken");
    // Unknown fields are refused, not ignored.
    let mut body = new_user("y@test.dev", None);
    body["active"] = json!(false);
    let res = app.post("/v1/users", Some(&admin), body).await;
    res.expect(422);
    assert_eq!(res.json()["errors"][0]["field"], "active");
    // Integers in float form are integers.
    let res = app
        .post(
            "/v1/users",
            Some(&admin),
            new_user("z@test.dev", None)
                .as_object()
                .cloned()
                .map(|mut o| {
                    o.insert("team_id".into(), json!(app.north as f64));
                    serde_json::Value::Object(o)
                })
                .unwrap(),
        )
        .await;
    assert_eq!(res.expect(201)["team_id"], app.north);
}

#[actix_web::test]
async fn patch_updates_fields_and_guards_the_admin_themselves() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let id = app.user(Role::Agent).id;
    let res = app
        .patch(
            &format!("/v1/users/{id}"),
            Some(&admin),
            json!({"name": "Renamed", "team_id": null}),
        )
        .await
        .expect(200);
    assert_eq!(res["name"], "Renamed");
    assert_eq!(res["team_id"], serde_json::Value::Null);
    let res = app
        .patch(
            &format!("/v1/users/{id}"),
            Some(&admin),
            json!({"team_id": app.south}),
        )
        .await
        .expect(200);
    assert_eq!(res["team_id"], app.south);
    assert_eq!(res["name"], "Renamed");
    let res = app
        .patch(
            &format!("/v1/users/{id}"),
            Some(&admin),
            json!({"email": "manager@test.dev"}),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "email-taken".into())
    );
    let me = app.user(Role::Admin).id;
    let res = app
        .patch(
            &format!("/v1/users/{me}"),
            Some(&admin),
            json!({"active": false}),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "self-lockout".into())
    );
    app.patch("/v1/users/999999", Some(&admin), json!({"name": "x"}))
        .await
        .expect(404);
    let res = app
        .patch(
            &format!("/v1/users/{id}"),
            Some(&admin),
            json!({"password": "new long password!"}),
        )
        .await;
    res.expect(200);
    app.post(
        "/v1/auth/token",
        None,
        json!({"email": "agent@test.dev", "password": "new long password!"}),
    )
    .await
    .expect(200);
}

#[actix_web::test]
async fn users_are_scoped_by_role() {
    let app = TestApp::new().await;
    let ids = |body: serde_json::Value| -> Vec<i64> {
        body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_i64().unwrap())
            .collect()
    };
    let all = ids(app
        .get("/v1/users", Some(&app.token(Role::Auditor)))
        .await
        .expect(200));
    assert_eq!(all.len(), 7);
    let agent = app.user(Role::Agent);
    assert_eq!(
        ids(app
            .get("/v1/users", Some(&app.token(Role::Agent)))
            .await
            .expect(200)),
        vec![agent.id]
    );
    let lead = ids(app
        .get("/v1/users", Some(&app.token(Role::TeamLead)))
        .await
        .expect(200));
    assert_eq!(lead, vec![agent.id, app.user(Role::TeamLead).id]);
    // Outside scope is 404, not 403.
    let south = app.south_agent.id;
    app.get(
        &format!("/v1/users/{south}"),
        Some(&app.token(Role::TeamLead)),
    )
    .await
    .expect(404);
    app.get(&format!("/v1/users/{south}"), Some(&app.token(Role::Agent)))
        .await
        .expect(404);
    app.get(
        &format!("/v1/users/{south}"),
        Some(&app.token(Role::Manager)),
    )
    .await
    .expect(200);
    // Filters.
    let agents = ids(app
        .get("/v1/users?role=agent", Some(&app.token(Role::Head)))
        .await
        .expect(200));
    assert_eq!(agents, vec![agent.id, south]);
    let in_south = ids(app
        .get(
            &format!("/v1/users?team_id={}", app.south),
            Some(&app.token(Role::Head)),
        )
        .await
        .expect(200));
    assert_eq!(in_south, vec![south]);
    app.get("/v1/users?role=root", Some(&app.token(Role::Head)))
        .await
        .expect(422);
}

#[actix_web::test]
async fn teams_create_rename_and_conflict() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let team = app
        .post("/v1/teams", Some(&admin), json!({"name": "  East "}))
        .await
        .expect(201);
    assert_eq!(team["name"], "East");
    let res = app
        .post("/v1/teams", Some(&admin), json!({"name": "east"}))
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "team-name-taken".into())
    );
    app.post("/v1/teams", Some(&admin), json!({"name": "   "}))
        .await
        .expect(422);
    let id = team["id"].as_i64().unwrap();
    let renamed = app
        .patch(
            &format!("/v1/teams/{id}"),
            Some(&admin),
            json!({"name": "Eastern"}),
        )
        .await
        .expect(200);
    assert_eq!(renamed["name"], "Eastern");
    let res = app
        .patch(
            &format!("/v1/teams/{id}"),
            Some(&admin),
            json!({"name": "North"}),
        )
        .await;
    res.expect(409);
    let list = app
        .get("/v1/teams", Some(&app.token(Role::Agent)))
        .await
        .expect(200);
    assert_eq!(list["data"].as_array().unwrap().len(), 3);
    app.get("/v1/teams/424242", Some(&admin)).await.expect(404);
    app.get("/v1/teams/not-a-number", Some(&admin))
        .await
        .expect(404);
    app.get("/v1/teams/99999999999999999999999", Some(&admin))
        .await
        .expect(404);
}

/// An unknown team is the caller's field error wherever a team is named, decided by the
/// database's foreign key in the write itself (422 `team_id`, nothing written, never a 500).
#[actix_web::test]
async fn an_unknown_team_is_a_field_error() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let res = app
        .post(
            "/v1/users",
            Some(&admin),
            new_user("nowhere@test.dev", Some(999_999)),
        )
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "team_id");
    let agent = app.user(Role::Agent).id;
    let res = app
        .patch(
            &format!("/v1/users/{agent}"),
            Some(&admin),
            json!({"team_id": 999_999}),
        )
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "team_id");
    let account = app.assigned_account("NOTEAM-1", 1_000).await;
    let res = app
        .patch(
            &format!("/v1/accounts/{account}"),
            Some(&app.token(Role::Manager)),
            json!({"team_id": 999_999}),
        )
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "team_id");
    let stored = app
        .get(
            &format!("/v1/accounts/{account}"),
            Some(&app.token(Role::Head)),
        )
        .await
        .expect(200);
    assert_eq!(stored["team_id"], app.north);
    let user = app
        .get(&format!("/v1/users/{agent}"), Some(&admin))
        .await
        .expect(200);
    assert_eq!(user["team_id"], app.north);
}
