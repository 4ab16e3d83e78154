//! Policies are cached per process and exact everywhere: a change made through any instance, or
//! by hand in the database, is what the next request on every instance reads (`db::policy_cache`).

use crate::helpers::{RealServer, TestApp};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

async fn on_second(server: &RealServer, path: &str, token: &str) -> Value {
    let (status, body) = server.get(path, token).await;
    assert_eq!(status, 200, "{path}: {body}");
    body
}

#[actix_web::test]
async fn a_policy_change_anywhere_is_read_at_once_on_every_instance() {
    let app = TestApp::new().await;
    let second = RealServer::start(app.second_instance()).await;
    let head = app.token(Role::Head);
    let id = app.assigned_account("PC-1", 40_000).await;
    let read = |path: &'static str| {
        let head = head.clone();
        let app = &app;
        async move { app.get(path, Some(&head)).await.expect(200) }
    };
    // Both instances have read (and cached) the policy in force.
    let policy = read("/v1/contact-policy").await;
    assert_eq!(policy["attempt_cap"], 7);
    let seen = on_second(&second, "/v1/contact-policy", &head).await;
    assert_eq!(seen["attempt_cap"], 7);
    // Changed through the first: the second reads the change at once.
    let mut stricter = policy.clone();
    stricter["attempt_cap"] = json!(5);
    app.call(TestApp::req(Method::PUT, "/v1/contact-policy", Some(&head)).set_json(&stricter))
        .await
        .expect(200);
    let seen = on_second(&second, "/v1/contact-policy", &head).await;
    assert_eq!(seen["attempt_cap"], 5);
    // Changed by hand in the database: both read it, and the contact rules judge by it.
    let edited = app.sql(
        "UPDATE contact_policies SET policy = replace(policy, '\"attempt_cap\":5', '\"attempt_cap\":1')"
            .into(),
    ).await;
    assert_eq!(edited, 1);
    assert_eq!(read("/v1/contact-policy").await["attempt_cap"], 1);
    let seen = on_second(&second, "/v1/contact-policy", &head).await;
    assert_eq!(seen["attempt_cap"], 1);
    let call = json!({"channel": "phone", "direction": "outbound", "outcome": "no_answer"});
    let agent = app.token(Role::Agent);
    app.post(
        &format!("/v1/accounts/{id}/contacts"),
        Some(&agent),
        call.clone(),
    )
    .await
    .expect(201);
    let refused = app
        .post(&format!("/v1/accounts/{id}/contacts"), Some(&agent), call)
        .await;
    assert_eq!(refused.slug(), "contact-not-permitted");
    // The approval policy (a `policy_store!`) likewise.
    let approval = read("/v1/approval-policy").await;
    assert_eq!(approval["agent"]["plan_max_installments"], 12);
    let seen = on_second(&second, "/v1/approval-policy", &head).await;
    assert_eq!(seen, approval);
    let mut longer = approval.clone();
    longer["agent"]["plan_max_installments"] = json!(18);
    app.call(TestApp::req(Method::PUT, "/v1/approval-policy", Some(&head)).set_json(&longer))
        .await
        .expect(200);
    let seen = on_second(&second, "/v1/approval-policy", &head).await;
    assert_eq!(seen["agent"]["plan_max_installments"], 18);
    app.sql("DELETE FROM approval_policies".into()).await;
    assert_eq!(
        read("/v1/approval-policy").await,
        approval,
        "back to the default"
    );
    let seen = on_second(&second, "/v1/approval-policy", &head).await;
    assert_eq!(seen, approval);
    second.handle.stop(false).await;
}
