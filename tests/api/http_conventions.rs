//! Problem+json shapes, request ids, pagination, CORS.

use crate::helpers::TestApp;
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::json;

#[actix_web::test]
async fn error_statuses_are_problem_json() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    // 400: malformed JSON.
    let res = app
        .call(
            TestApp::req(Method::POST, "/v1/teams", Some(&admin))
                .insert_header(("content-type", "application/json"))
                .set_payload("{\"name\": "),
        )
        .await;
    res.expect(400);
    assert_eq!(res.slug(), "malformed-json");
    // 404: unknown route.
    let res = app.get("/v1/nothing-here", Some(&admin)).await;
    res.expect(404);
    assert_eq!(res.slug(), "not-found");
    // 405 with Allow.
    let res = app
        .call(TestApp::req(Method::DELETE, "/v1/users", Some(&admin)))
        .await;
    res.expect(405);
    assert_eq!(res.header("allow").as_deref(), Some("GET, POST"));
    let res = app
        .call(TestApp::req(Method::PUT, "/v1/users/3", Some(&admin)))
        .await;
    res.expect(405);
    assert_eq!(res.header("allow").as_deref(), Some("GET, PATCH"));
    let res = app
        .call(TestApp::req(Method::TRACE, "/healthz", None))
        .await;
    res.expect(405);
    // 413: over 1 MiB.
    let big = format!("{{\"name\": \"{}\"}}", "x".repeat(1024 * 1024 + 10));
    let res = app
        .call(
            TestApp::req(Method::POST, "/v1/teams", Some(&admin))
                .insert_header(("content-type", "application/json"))
                .set_payload(big),
        )
        .await;
    res.expect(413);
    // 415: not JSON.
    let res = app
        .call(
            TestApp::req(Method::POST, "/v1/teams", Some(&admin))
                .insert_header(("content-type", "text/plain"))
                .set_payload("name=x"),
        )
        .await;
    res.expect(415);
    // 422 with errors.
    let res = app
        .post("/v1/teams", Some(&admin), json!({"name": 5}))
        .await;
    let body = res.expect(422);
    assert_eq!(body["errors"][0]["field"], "name");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("invalid type")
    );
    // Bad query parameters: 422, never 500.
    app.get("/v1/users?team_id=abc", Some(&admin))
        .await
        .expect(422);
    app.get(
        "/v1/audit-events?from=yesterday",
        Some(&app.token(Role::Auditor)),
    )
    .await
    .expect(422);
    // Nothing was written by any of these.
    let teams = app.get("/v1/teams", Some(&admin)).await.expect(200);
    assert_eq!(teams["data"].as_array().unwrap().len(), 2);
}

#[actix_web::test]
async fn request_ids_are_echoed_or_generated() {
    let app = TestApp::new().await;
    let res = app
        .call(
            TestApp::req(Method::GET, "/healthz", None)
                .insert_header(("X-Request-Id", "client-chosen-42")),
        )
        .await;
    assert_eq!(
        res.header("x-request-id").as_deref(),
        Some("client-chosen-42")
    );
    let res = app.get("/v1/nope", None).await;
    let generated = res.header("x-request-id").unwrap();
    assert_eq!(generated.len(), 36);
    // An unreasonable id is replaced, not echoed.
    let res = app
        .call(
            TestApp::req(Method::GET, "/healthz", None)
                .insert_header(("X-Request-Id", "has spaces in it")),
        )
        .await;
    assert_ne!(
        res.header("x-request-id").as_deref(),
        Some("has spaces in it")
    );
    // Errors carry it too, and the audit log records it.
    let admin = app.token(Role::Admin);
    let res = app
        .call(
            TestApp::req(Method::POST, "/v1/teams", Some(&admin))
                .insert_header(("X-Request-Id", "create-team-1"))
                .set_json(json!({"name": "East"})),
        )
        .await;
    let team = res.expect(201);
    let events = app
        .get(
            &format!("/v1/audit-events?entity_type=team&entity_id={}", team["id"]),
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    assert_eq!(events["data"][0]["request_id"], "create-team-1");
}

#[actix_web::test]
async fn pagination_walks_every_row_once() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    for i in 0..7 {
        app.post(
            "/v1/teams",
            Some(&admin),
            json!({"name": format!("Team {i}")}),
        )
        .await
        .expect(201);
    }
    let mut seen = Vec::new();
    let mut path = "/v1/teams?limit=4".to_owned();
    loop {
        let page = app.get(&path, Some(&admin)).await.expect(200);
        let data = page["data"].as_array().unwrap();
        assert!(data.len() <= 4);
        seen.extend(data.iter().map(|t| t["id"].as_i64().unwrap()));
        match page["next_cursor"].as_str() {
            Some(c) => {
                // A row inserted mid-walk does not shift the pages.
                if seen.len() == 4 {
                    app.post("/v1/teams", Some(&admin), json!({"name": "Late"}))
                        .await
                        .expect(201);
                }
                path = format!("/v1/teams?limit=4&cursor={c}");
            }
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, seen);
    assert_eq!(seen.len(), 10);
    let res = app.get("/v1/teams?limit=501", Some(&admin)).await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "limit");
    app.get("/v1/teams?limit=0", Some(&admin)).await.expect(422);
    app.get("/v1/teams?cursor=bogus", Some(&admin))
        .await
        .expect(422);
    assert_eq!(
        app.get("/v1/teams?limit=500", Some(&admin))
            .await
            .expect(200)["next_cursor"],
        serde_json::Value::Null
    );
}

#[actix_web::test]
async fn cors_for_listed_origins_only() {
    let app = TestApp::new().await;
    let preflight = TestApp::req(Method::OPTIONS, "/v1/teams", None)
        .insert_header(("Origin", "https://app.example.com"))
        .insert_header(("Access-Control-Request-Method", "POST"))
        .insert_header((
            "Access-Control-Request-Headers",
            "authorization, idempotency-key, if-match",
        ));
    let res = app.call(preflight).await;
    assert!(res.status.is_success(), "{}", res.status);
    assert_eq!(
        res.header("access-control-allow-origin").as_deref(),
        Some("https://app.example.com")
    );
    let allowed = res
        .header("access-control-allow-headers")
        .unwrap()
        .to_lowercase();
    assert!(
        allowed.contains("idempotency-key")
            && allowed.contains("if-match")
            && allowed.contains("authorization")
    );
    let res = app
        .call(
            TestApp::req(Method::GET, "/healthz", None)
                .insert_header(("Origin", "https://app.example.com")),
        )
        .await;
    assert_eq!(
        res.header("access-control-allow-origin").as_deref(),
        Some("https://app.example.com")
    );
    let exposed = res
        .header("access-control-expose-headers")
        .unwrap()
        .to_lowercase();
    assert!(
        exposed.contains("x-request-id")
            && exposed.contains("etag")
            && exposed.contains("idempotent-replayed")
    );
    let res = app
        .call(
            TestApp::req(Method::GET, "/healthz", None)
                .insert_header(("Origin", "https://evil.example.com")),
        )
        .await;
    assert_eq!(res.header("access-control-allow-origin"), None);
}
