//! Sign-in, token checks, refresh rotation, sign-out.

use crate::helpers::{PASSWORD, SECRET, TestApp};
use actix_web::http::Method;
use arrears::domain::role::Role;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::json;

fn login_body(email: &str, password: &str) -> serde_json::Value {
    json!({"email": email, "password": password})
}

#[actix_web::test]
async fn login_issues_tokens_that_work() {
    let app = TestApp::new().await;
    let res = app
        .post(
            "/v1/auth/token",
            None,
            login_body("AGENT@test.dev", PASSWORD),
        )
        .await;
    let body = res.expect(200);
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert!(body["refresh_token"].as_str().unwrap().len() >= 40);
    let me = app
        .get("/v1/me", Some(body["access_token"].as_str().unwrap()))
        .await
        .expect(200);
    assert_eq!(me["email"], "agent@test.dev");
    assert_eq!(me["role"], "agent");
    assert!(me.get("password_hash").is_none());
}

#[actix_web::test]
async fn unknown_email_and_wrong_password_get_the_same_401() {
    let app = TestApp::new().await;
    let a = app
        .post(
            "/v1/auth/token",
            None,
            login_body("agent@test.dev", "wrong-password-xx"),
        )
        .await;
    let b = app
        .post(
            "/v1/auth/token",
            None,
            login_body("nobody@test.dev", "wrong-password-xx"),
        )
        .await;
    a.expect(401);
    b.expect(401);
    assert_eq!(a.json()["detail"], b.json()["detail"]);
    assert_eq!(a.slug(), "credentials-invalid");
    assert_eq!(b.slug(), "credentials-invalid");
    assert!(a.header("www-authenticate").unwrap().starts_with("Bearer"));
}

#[actix_web::test]
async fn eleventh_failure_in_five_minutes_gets_429_even_with_the_right_password() {
    let app = TestApp::new().await;
    for _ in 0..10 {
        app.post(
            "/v1/auth/token",
            None,
            login_body("agent@test.dev", "wrong-password-xx"),
        )
        .await
        .expect(401);
    }
    let res = app
        .post(
            "/v1/auth/token",
            None,
            login_body("agent@test.dev", PASSWORD),
        )
        .await;
    res.expect(429);
    let retry: u64 = res.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=300).contains(&retry));
    // Other emails are not affected.
    app.post(
        "/v1/auth/token",
        None,
        login_body("manager@test.dev", PASSWORD),
    )
    .await
    .expect(200);
}

#[actix_web::test]
async fn deactivated_user_cannot_sign_in_and_their_tokens_stop_working() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    app.get("/v1/me", Some(&agent)).await.expect(200);
    let id = app.user(Role::Agent).id;
    app.patch(
        &format!("/v1/users/{id}"),
        Some(&app.token(Role::Admin)),
        json!({"active": false}),
    )
    .await
    .expect(200);
    let res = app.get("/v1/me", Some(&agent)).await;
    res.expect(401);
    assert_eq!(res.slug(), "session-revoked");
    assert!(res.header("www-authenticate").is_some());
    let res = app
        .post(
            "/v1/auth/token",
            None,
            login_body("agent@test.dev", PASSWORD),
        )
        .await;
    res.expect(401);
    assert_eq!(res.slug(), "credentials-invalid");
}

#[actix_web::test]
async fn a_changed_role_invalidates_old_tokens() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    let id = app.user(Role::Agent).id;
    app.patch(
        &format!("/v1/users/{id}"),
        Some(&app.token(Role::Admin)),
        json!({"role": "auditor"}),
    )
    .await
    .expect(200);
    let res = app.get("/v1/me", Some(&agent)).await;
    res.expect(401);
    assert_eq!(res.slug(), "session-revoked");
}

fn forge(claims: serde_json::Value, key: &[u8], alg: Algorithm) -> String {
    encode(&Header::new(alg), &claims, &EncodingKey::from_secret(key)).unwrap()
}

#[actix_web::test]
async fn forged_and_malformed_tokens_are_refused() {
    let app = TestApp::new().await;
    let admin = app.user(Role::Admin);
    let now = chrono::Utc::now().timestamp();
    let claims = |iss: &str, aud: &str, exp: i64| json!({"sub": admin.id.to_string(), "role": "admin", "team_id": null, "iss": iss, "aud": aud, "iat": now, "nbf": now, "exp": exp});
    // A correctly signed token works (the baseline).
    app.get(
        "/v1/me",
        Some(&forge(
            claims("arrears", "arrears", now + 600),
            SECRET,
            Algorithm::HS256,
        )),
    )
    .await
    .expect(200);

    let header_none = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims("arrears", "arrears", now + 600).to_string());
    let mut no_nbf = claims("arrears", "arrears", now + 600);
    no_nbf.as_object_mut().unwrap().remove("nbf");
    let cases = [
        ("alg none", format!("{header_none}.{payload}.")),
        (
            "wrong key",
            forge(
                claims("arrears", "arrears", now + 600),
                b"another-secret-another-secret-another",
                Algorithm::HS256,
            ),
        ),
        (
            "HS512",
            forge(
                claims("arrears", "arrears", now + 600),
                SECRET,
                Algorithm::HS512,
            ),
        ),
        (
            "expired",
            forge(
                claims("arrears", "arrears", now - 120),
                SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "wrong iss",
            forge(
                claims("evil", "arrears", now + 600),
                SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "wrong aud",
            forge(
                claims("arrears", "elsewhere", now + 600),
                SECRET,
                Algorithm::HS256,
            ),
        ),
        ("no nbf", forge(no_nbf, SECRET, Algorithm::HS256)),
        ("garbage", "not.a.token".to_owned()),
    ];
    for (name, token) in cases {
        let res = app.get("/v1/me", Some(&token)).await;
        assert_eq!(res.status.as_u16(), 401, "{name}");
        let slug = if name == "expired" {
            "token-expired"
        } else {
            "token-invalid"
        };
        assert_eq!(res.slug(), slug, "{name}");
    }
    let res = app.get("/v1/me", None).await;
    res.expect(401);
    assert_eq!(res.slug(), "token-invalid");
    let res = app
        .call(
            TestApp::req(Method::GET, "/v1/me", None)
                .insert_header(("Authorization", "Basic YTpi")),
        )
        .await;
    res.expect(401);
}

#[actix_web::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = TestApp::new().await;
    let first = app
        .post(
            "/v1/auth/token",
            None,
            login_body("agent@test.dev", PASSWORD),
        )
        .await
        .expect(200);
    let r1 = first["refresh_token"].as_str().unwrap().to_owned();
    let second = app
        .post("/v1/auth/refresh", None, json!({"refresh_token": r1}))
        .await
        .expect(200);
    let r2 = second["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(r1, r2);
    app.get("/v1/me", Some(second["access_token"].as_str().unwrap()))
        .await
        .expect(200);
    // Reusing r1 is refused and revokes r2 too.
    let reuse = app
        .post("/v1/auth/refresh", None, json!({"refresh_token": r1}))
        .await;
    reuse.expect(401);
    assert_eq!(reuse.slug(), "session-revoked");
    let revoked = app
        .post("/v1/auth/refresh", None, json!({"refresh_token": r2}))
        .await;
    revoked.expect(401);
    assert_eq!(revoked.slug(), "token-invalid");
    let unknown = app
        .post(
            "/v1/auth/refresh",
            None,
            json!({"refresh_token": "never-issued"}),
        )
        .await;
    unknown.expect(401);
    assert_eq!(unknown.slug(), "token-invalid");
}

#[actix_web::test]
async fn logout_revokes_the_refresh_token() {
    let app = TestApp::new().await;
    let pair = app
        .post(
            "/v1/auth/token",
            None,
            login_body("agent@test.dev", PASSWORD),
        )
        .await
        .expect(200);
    let r = pair["refresh_token"].as_str().unwrap();
    app.post("/v1/auth/logout", None, json!({"refresh_token": r}))
        .await
        .expect(204);
    app.post("/v1/auth/logout", None, json!({"refresh_token": r}))
        .await
        .expect(204);
    app.post("/v1/auth/refresh", None, json!({"refresh_token": r}))
        .await
        .expect(401);
}

#[actix_web::test]
async fn login_validation() {
    let app = TestApp::new().await;
    let res = app
        .post("/v1/auth/token", None, json!({"email": "a@b.c"}))
        .await;
    res.expect(422);
    assert_eq!(res.json()["errors"][0]["field"], "password");
}

/// The account read and the account list re-check the session inside their one statement: the
/// same answers as every other route's re-check, a team lead's team as stored now (not as the
/// token says), and 401 before 404 or an empty page.
#[actix_web::test]
async fn the_reads_that_fold_the_session_recheck_into_their_statement_still_apply_it() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let north_account = app.assigned_account("SR-N", 10_000).await;
    let south_account = app.account("SR-S", 10_000, 30, Some(app.south)).await["id"]
        .as_i64()
        .unwrap();
    let read = |id: i64| format!("/v1/accounts/{id}");
    // A team lead moved from North to South: their token still says North.
    let lead = app.token(Role::TeamLead);
    let agent_id = app.user(Role::Agent).id;
    let agents_queue = format!("/v1/queue?assignee_id={agent_id}");
    let queued = |page: &serde_json::Value| -> Vec<i64> {
        page["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["account_id"].as_i64().unwrap())
            .collect()
    };
    app.get(&read(north_account), Some(&lead)).await.expect(200);
    app.get(&read(south_account), Some(&lead)).await.expect(404);
    let before = app.get(&agents_queue, Some(&lead)).await.expect(200);
    assert_eq!(queued(&before), vec![north_account]);
    let lead_id = app.user(Role::TeamLead).id;
    app.sql(format!(
        "UPDATE users SET team_id = {} WHERE id = {lead_id}",
        app.south
    ))
    .await;
    app.get(&read(north_account), Some(&lead)).await.expect(404);
    app.get(&read(south_account), Some(&lead)).await.expect(200);
    let contactability = |id: i64| format!("/v1/accounts/{id}/contactability");
    app.get(&contactability(north_account), Some(&lead))
        .await
        .expect(404);
    app.get(&contactability(south_account), Some(&lead))
        .await
        .expect(200);
    let after = app.get(&agents_queue, Some(&lead)).await.expect(200);
    assert!(queued(&after).is_empty(), "{after}");
    let listed = app.get("/v1/accounts", Some(&lead)).await.expect(200);
    let ids: Vec<i64> = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert!(
        ids.contains(&south_account) && !ids.contains(&north_account),
        "{ids:?}"
    );
    let lists = ["/v1/accounts", "/v1/accounts?q=matches-nothing"];
    // A changed role, then a deactivated user: 401, for a found account and a missing one alike.
    let agent = app.token(Role::Agent);
    app.patch(
        &format!("/v1/users/{agent_id}"),
        Some(&admin),
        json!({"role": "auditor"}),
    )
    .await
    .expect(200);
    let paths = [
        read(north_account),
        read(999_999),
        lists[0].into(),
        lists[1].into(),
        contactability(north_account),
        contactability(999_999),
    ];
    // The agent's queue holds the account (its statement re-checks) or, for another agent, is
    // empty (the re-check alone).
    let queues = [
        "/v1/queue".to_string(),
        format!("/v1/queue?assignee_id={lead_id}"),
    ];
    for path in paths.iter().chain(&queues) {
        let res = app.get(path, Some(&agent)).await;
        res.expect(401);
        assert_eq!(res.slug(), "session-revoked");
        assert!(res.json()["detail"].as_str().unwrap().contains("role"));
    }
    let auditor = app.token(Role::Auditor);
    app.patch(
        &format!("/v1/users/{}", app.user(Role::Auditor).id),
        Some(&admin),
        json!({"active": false}),
    )
    .await
    .expect(200);
    for path in &paths {
        let res = app.get(path, Some(&auditor)).await;
        res.expect(401);
        assert!(
            res.json()["detail"]
                .as_str()
                .unwrap()
                .contains("deactivated")
        );
    }
    app.patch(
        &format!("/v1/users/{lead_id}"),
        Some(&admin),
        json!({"active": false}),
    )
    .await
    .expect(200);
    let res = app.get(&agents_queue, Some(&lead)).await;
    res.expect(401);
    assert_eq!(res.slug(), "session-revoked");
}

#[actix_web::test]
async fn the_logged_call_and_the_money_writes_recheck_the_session_in_the_statement_that_locks_the_account()
 {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let north = app.assigned_account("LC-N", 10_000).await;
    let south = app.account("LC-S", 10_000, 30, Some(app.south)).await["id"]
        .as_i64()
        .unwrap();
    // Inbound, so that the calling hours do not depend on when the test runs.
    let call = json!({"channel": "phone", "direction": "inbound", "outcome": "no_answer"});
    let log = |id: i64| format!("/v1/accounts/{id}/contacts");
    let contacts_on =
        |id: i64| format!("UPDATE contacts SET notes = notes WHERE account_id = {id}");
    // A team lead moved from North to South: the token still says North; the stored team decides.
    let lead = app.token(Role::TeamLead);
    app.post(&log(north), Some(&lead), call.clone())
        .await
        .expect(201);
    let lead_id = app.user(Role::TeamLead).id;
    app.sql(format!(
        "UPDATE users SET team_id = {} WHERE id = {lead_id}",
        app.south
    ))
    .await;
    let res = app.post(&log(north), Some(&lead), call.clone()).await;
    res.expect(404);
    assert_eq!(res.slug(), "not-found");
    app.post(&log(south), Some(&lead), call.clone())
        .await
        .expect(201);
    assert_eq!(app.sql(contacts_on(north)).await, 1);
    // A payment locks and re-checks in the same way.
    let pay = |id: i64| format!("/v1/accounts/{id}/payments");
    let payment = json!({"amount": 100, "method": "cash"});
    let payments_on =
        |id: i64| format!("UPDATE payments SET amount = amount WHERE account_id = {id}");
    let res = app.post(&pay(north), Some(&lead), payment.clone()).await;
    res.expect(404);
    app.post(&pay(south), Some(&lead), payment.clone())
        .await
        .expect(201);
    // And an adjustment.
    let adjust = |id: i64| format!("/v1/accounts/{id}/adjustments");
    let adjustment =
        json!({"component": "principal", "amount": -10, "reason": "billing_error", "note": "t"});
    let adjustments_on =
        |id: i64| format!("UPDATE adjustments SET amount = amount WHERE account_id = {id}");
    app.post(&adjust(north), Some(&lead), adjustment.clone())
        .await
        .expect(404);
    let res = app
        .post(&adjust(south), Some(&lead), adjustment.clone())
        .await;
    assert!(res.status.is_success(), "{}", res.status);
    // A changed role: 401 for a found account and a missing one alike, with or without an
    // Idempotency-Key (whose claim is released), and nothing written.
    let agent = app.token(Role::Agent);
    let agent_id = app.user(Role::Agent).id;
    app.post_with_key(&log(north), &agent, "lc-done", call.clone())
        .await
        .expect(201);
    app.patch(
        &format!("/v1/users/{agent_id}"),
        Some(&admin),
        json!({"role": "auditor"}),
    )
    .await
    .expect(200);
    // A stored answer is not replayed to the revoked session.
    let res = app
        .post_with_key(&log(north), &agent, "lc-done", call.clone())
        .await;
    res.expect(401);
    assert!(res.header("idempotent-replayed").is_none());
    for id in [north, 999_999] {
        let res = app.post(&log(id), Some(&agent), call.clone()).await;
        res.expect(401);
        assert_eq!(res.slug(), "session-revoked");
        let res = app
            .post_with_key(&log(id), &agent, "lc-revoked", call.clone())
            .await;
        res.expect(401);
        assert_eq!(res.slug(), "session-revoked");
    }
    assert_eq!(app.sql(contacts_on(north)).await, 2);
    for id in [north, 999_999] {
        let res = app.post(&pay(id), Some(&agent), payment.clone()).await;
        res.expect(401);
        assert_eq!(res.slug(), "session-revoked");
    }
    for id in [north, 999_999] {
        let res = app
            .post(&adjust(id), Some(&agent), adjustment.clone())
            .await;
        res.expect(401);
        assert_eq!(res.slug(), "session-revoked");
    }
    assert_eq!(app.sql(adjustments_on(north)).await, 0);
    assert_eq!(app.sql(adjustments_on(south)).await, 1);
    assert_eq!(app.sql(payments_on(north)).await, 0);
    assert_eq!(app.sql(payments_on(south)).await, 1);
    let claims = "DELETE FROM idempotency_keys WHERE idem_key = 'lc-revoked'";
    assert_eq!(app.sql(claims.into()).await, 0);
}
