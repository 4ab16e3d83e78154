//! Defects found by the attack and fault probe (issue "Hardening…"): the sign-in throttle by
//! address, sessions that outlive credentials, money bounds and overflow-free totals, re-import
//! that kept what it did not carry, metrics cardinality, database trouble, absurd input, HTTP
//! headers, and formulas in CSV exports.

use crate::helpers::{PASSWORD, TestApp, TestResponse};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::json;

fn login(email: &str, password: &str) -> serde_json::Value {
    json!({"email": email, "password": password})
}

async fn sign_in_from(app: &TestApp, address: &str, email: &str, password: &str) -> TestResponse {
    let req = TestApp::req(Method::POST, "/v1/auth/token", None)
        .peer_addr(format!("{address}:40000").parse().unwrap())
        .set_json(login(email, password));
    app.call(req).await
}

#[actix_web::test]
async fn a_stranger_cannot_lock_a_user_out_from_another_address() {
    let app = TestApp::new().await;
    for _ in 0..10 {
        sign_in_from(&app, "203.0.113.9", "admin@test.dev", "wrong-password-xx")
            .await
            .expect(401);
    }
    let res = sign_in_from(&app, "203.0.113.9", "admin@test.dev", PASSWORD).await;
    res.expect(429);
    assert!(res.header("retry-after").is_some());
    // The real admin, elsewhere, still signs in.
    sign_in_from(&app, "198.51.100.20", "admin@test.dev", PASSWORD)
        .await
        .expect(200);
}

#[actix_web::test]
async fn x_forwarded_for_is_not_believed_from_an_untrusted_peer() {
    let app = TestApp::new().await;
    for i in 0..10 {
        let req = TestApp::req(Method::POST, "/v1/auth/token", None)
            .peer_addr("203.0.113.9:40000".parse().unwrap())
            .insert_header(("X-Forwarded-For", format!("192.0.2.{i}")))
            .set_json(login("agent@test.dev", "wrong-password-xx"));
        app.call(req).await.expect(401);
    }
    let req = TestApp::req(Method::POST, "/v1/auth/token", None)
        .peer_addr("203.0.113.9:40000".parse().unwrap())
        .insert_header(("X-Forwarded-For", "192.0.2.200"))
        .set_json(login("agent@test.dev", PASSWORD));
    app.call(req).await.expect(429);
}

#[actix_web::test]
async fn spraying_many_emails_from_one_address_is_slowed() {
    let app = TestApp::new().await;
    for i in 0..50 {
        sign_in_from(&app, "203.0.113.50", &format!("nobody{i}@test.dev"), "x")
            .await
            .expect(401);
    }
    let res = sign_in_from(&app, "203.0.113.50", "agent@test.dev", PASSWORD).await;
    res.expect(429);
    // Another address is not affected.
    sign_in_from(&app, "203.0.113.51", "agent@test.dev", PASSWORD)
        .await
        .expect(200);
}

#[actix_web::test]
async fn sixty_concurrent_wrong_passwords_get_ten_checks() {
    let app = TestApp::new().await;
    let attempts = (0..60).map(|_| sign_in_from(&app, "203.0.113.7", "agent@test.dev", "wrong-xx"));
    let answers = futures_util::future::join_all(attempts).await;
    let checked = answers.iter().filter(|r| r.status.as_u16() == 401).count();
    let throttled = answers.iter().filter(|r| r.status.as_u16() == 429).count();
    assert_eq!((checked, throttled), (10, 50));
}

#[actix_web::test]
async fn a_successful_sign_in_gives_its_attempt_back() {
    let app = TestApp::new().await;
    for _ in 0..9 {
        sign_in_from(&app, "203.0.113.8", "agent@test.dev", "wrong-xx")
            .await
            .expect(401);
    }
    sign_in_from(&app, "203.0.113.8", "agent@test.dev", PASSWORD)
        .await
        .expect(200);
    // The count for this email from this address started again.
    for _ in 0..10 {
        sign_in_from(&app, "203.0.113.8", "agent@test.dev", "wrong-xx")
            .await
            .expect(401);
    }
}

async fn signed_in(app: &TestApp, email: &str) -> (String, String) {
    let body = app
        .post("/v1/auth/token", None, login(email, PASSWORD))
        .await
        .expect(200);
    (
        body["access_token"].as_str().unwrap().to_owned(),
        body["refresh_token"].as_str().unwrap().to_owned(),
    )
}

#[actix_web::test]
async fn a_password_reset_ends_every_session_of_the_user() {
    let app = TestApp::new().await;
    let email = app.user(Role::Agent).email.clone();
    let (access, refresh) = signed_in(&app, &email).await;
    app.get("/v1/me", Some(&access)).await.expect(200);
    let id = app.user(Role::Agent).id;
    let admin = app.token(Role::Admin);
    app.patch(
        &format!("/v1/users/{id}"),
        Some(&admin),
        json!({"password": "a-brand-new-password-1"}),
    )
    .await
    .expect(200);
    let res = app.get("/v1/me", Some(&access)).await;
    res.expect(401);
    assert!(
        res.json()["detail"]
            .as_str()
            .unwrap()
            .contains("sign in again")
    );
    app.post("/v1/auth/refresh", None, json!({"refresh_token": refresh}))
        .await
        .expect(401);
    // A sign-in right after the reset (the same second) works, with the new password.
    let body = app
        .post(
            "/v1/auth/token",
            None,
            login("agent@test.dev", "a-brand-new-password-1"),
        )
        .await
        .expect(200);
    let fresh = body["access_token"].as_str().unwrap();
    app.get("/v1/me", Some(fresh)).await.expect(200);
}

#[actix_web::test]
async fn deactivation_revokes_refresh_tokens_for_good_and_a_role_change_ends_sessions() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let id = app.user(Role::Agent).id;
    let (_, refresh) = signed_in(&app, "agent@test.dev").await;
    let path = format!("/v1/users/{id}");
    app.patch(&path, Some(&admin), json!({"active": false}))
        .await
        .expect(200);
    app.patch(&path, Some(&admin), json!({"active": true}))
        .await
        .expect(200);
    app.post("/v1/auth/refresh", None, json!({"refresh_token": refresh}))
        .await
        .expect(401);

    let (access, refresh) = signed_in(&app, "agent@test.dev").await;
    app.patch(&path, Some(&admin), json!({"role": "team_lead"}))
        .await
        .expect(200);
    app.get("/v1/me", Some(&access)).await.expect(401);
    app.post("/v1/auth/refresh", None, json!({"refresh_token": refresh}))
        .await
        .expect(401);
    // A name change ends nothing.
    let (access, _) = signed_in(&app, "agent@test.dev").await;
    app.patch(&path, Some(&admin), json!({"name": "Renamed"}))
        .await
        .expect(200);
    app.get("/v1/me", Some(&access)).await.expect(200);
}

const BOUND: i64 = 10_000_000_000_000;

#[actix_web::test]
async fn money_fields_are_bounded_at_ten_to_the_thirteenth() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let debtor = app.debtor("Bounded").await;
    let account = |balance: i64, original: i64| {
        json!({"external_ref": format!("B-{balance}"), "debtor_id": debtor, "original_amount": original,
            "balance": balance, "delinquent_since": "2026-01-01"})
    };
    let res = app
        .post("/v1/accounts", Some(&head), account(BOUND, BOUND + 1))
        .await;
    res.expect(422);
    assert_eq!(res.json()["errors"][0]["field"], "original_amount");
    let res = app
        .post("/v1/accounts", Some(&head), account(i64::MAX, i64::MAX))
        .await;
    res.expect(422);
    app.post("/v1/accounts", Some(&head), account(BOUND, BOUND))
        .await
        .expect(201);
    let res = app
        .call(
            TestApp::req(Method::PUT, "/v1/targets", Some(&head)).set_json(json!({
                "scope": "team", "subject_id": app.north, "period": "2026-11", "collected_amount": BOUND + 1
            })),
        )
        .await;
    res.expect(422);
    let doc: serde_json::Value = serde_json::from_str(&arrears::openapi::document_json()).unwrap();
    let balance = &doc["components"]["schemas"]["CreateAccountRequest"]["properties"]["balance"];
    assert_eq!(balance["maximum"], BOUND);
}

#[actix_web::test]
async fn totals_past_i64_are_exact_on_both_databases() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    for i in 0..3 {
        // Original amount at the bound (the helper sets it to twice the balance).
        app.account(&format!("BIG-{i}"), BOUND / 2, 40, Some(app.north))
            .await;
    }
    let aging = app.get("/v1/reports/aging", Some(&head)).await.expect(200);
    let total: i128 = aging["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| i128::from(b["balance"].as_i64().unwrap()))
        .sum();
    assert_eq!(total, 3 * i128::from(BOUND / 2));
    // Balances that only a million accounts at the bound would add up to: written behind the
    // API's back, they must still sum exactly (the sum passes i64::MAX).
    app.sql(
        "UPDATE accounts SET balance = 4000000000000000000, principal = 4000000000000000000, original_amount = 4000000000000000000"
            .into(),
    )
    .await;
    let res = app.get("/v1/reports/aging", Some(&head)).await;
    let body = res.expect(200);
    let bucket = body["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["count"] == 3)
        .unwrap();
    assert_eq!(bucket["balance"].as_u64(), Some(12_000_000_000_000_000_000));
}

#[actix_web::test]
async fn a_reimport_keeps_what_its_row_does_not_carry() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let row = |extra: serde_json::Value| {
        let mut r = json!({"external_ref": "RE-1", "original_amount": 5000, "balance": 4000,
            "delinquent_since": "2026-06-01",
            "debtor": {"name": "Re Import", "timezone": "America/Chicago", "phone": "+16125550123", "region": "MN"}});
        for (k, v) in extra.as_object().unwrap() {
            r[k] = v.clone();
        }
        json!({"accounts": [r]})
    };
    let res = app
        .post(
            "/v1/accounts/import",
            Some(&head),
            row(json!({"team_id": app.north, "portfolio": "cards"})),
        )
        .await
        .expect(200);
    let id = res["results"][0]["id"].as_i64().unwrap();
    let agent = app.user(Role::Agent).id;
    app.assign(&[id], agent).await;
    // The same row without team_id, portfolio and the debtor's phone and region.
    let mut bare = row(json!({}));
    bare["accounts"][0]["debtor"] = json!({"name": "Re Import", "timezone": "America/Chicago"});
    bare["accounts"][0]["delinquent_since"] = json!("2026-05-01");
    let res = app
        .post("/v1/accounts/import", Some(&head), bare)
        .await
        .expect(200);
    assert_eq!(res["results"][0]["status"], "updated");
    let account = app
        .get(&format!("/v1/accounts/{id}"), Some(&head))
        .await
        .expect(200);
    assert_eq!(account["team_id"], app.north);
    assert_eq!(account["assignee_id"], agent);
    assert_eq!(account["portfolio"], "cards");
    assert_eq!(account["delinquent_since"], "2026-05-01");
    let debtor = app
        .get(
            &format!("/v1/debtors/{}", account["debtor_id"]),
            Some(&head),
        )
        .await
        .expect(200);
    assert_eq!(debtor["region"], "MN");
    assert!(debtor["phone"].is_string());
    // A change of team ends the assignment, with its history kept.
    app.post(
        "/v1/accounts/import",
        Some(&head),
        row(json!({"team_id": app.south})),
    )
    .await
    .expect(200);
    let account = app
        .get(&format!("/v1/accounts/{id}"), Some(&head))
        .await
        .expect(200);
    assert_eq!(account["team_id"], app.south);
    assert!(account["assignee_id"].is_null());
    let history = app
        .get(&format!("/v1/accounts/{id}/assignments"), Some(&head))
        .await
        .expect(200);
    let ended = &history["data"][0];
    assert_eq!(ended["assignee_id"], agent);
    assert!(ended["ended_at"].is_string(), "{history}");
}

#[actix_web::test]
async fn made_up_methods_are_one_metrics_label() {
    let app = TestApp::new().await;
    for m in ["MABC", "MABD", "XYZZY"] {
        let res = app
            .call(TestApp::req(
                Method::from_bytes(m.as_bytes()).unwrap(),
                "/v1/accounts",
                None,
            ))
            .await;
        res.expect(405);
    }
    let metrics = app.get("/metrics", None).await;
    let text = String::from_utf8_lossy(&metrics.body);
    assert!(text.contains("method=\"OTHER\""), "{text}");
    assert!(!text.contains("MABC") && !text.contains("XYZZY"));
}

#[actix_web::test]
async fn dates_outside_a_sane_window_are_refused() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let account = app.account("D-1", 50_000, 30, Some(app.north)).await;
    let id = account["id"].as_i64().unwrap();
    for received_on in ["1969-12-31", "0001-01-01"] {
        let res = app
            .post(
                &format!("/v1/accounts/{id}/payments"),
                Some(&head),
                json!({"amount": 100, "method": "card", "received_on": received_on}),
            )
            .await;
        res.expect(422);
        assert_eq!(res.json()["errors"][0]["field"], "received_on");
    }
    let res = app
        .post(
            &format!("/v1/accounts/{id}/arrangements"),
            Some(&head),
            json!({"kind": "promise", "amount": 100, "due_on": "9999-12-31"}),
        )
        .await;
    res.expect(422);
    assert_eq!(res.json()["errors"][0]["field"], "due_on");
}

#[actix_web::test]
async fn unauthorized_answers_never_name_library_internals() {
    let app = TestApp::new().await;
    use base64::Engine;
    let enc = |v: serde_json::Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
    };
    let none_token = format!(
        "{}.{}.",
        enc(json!({"alg": "none", "typ": "JWT"})),
        enc(json!({"sub": "1", "role": "head", "exp": 9_999_999_999_i64}))
    );
    for token in [none_token.as_str(), "not.a.token", "abc"] {
        let res = app.get("/v1/me", Some(token)).await;
        let body = res.expect(401);
        let detail = body["detail"].as_str().unwrap();
        for internal in ["variant", "HS256", "Base64", "Json", "Error("] {
            assert!(!detail.contains(internal), "{detail}");
        }
    }
}

#[actix_web::test]
async fn headers_for_browsers_and_caches() {
    let app = TestApp::new().await;
    let res = app
        .post("/v1/auth/token", None, login("agent@test.dev", PASSWORD))
        .await;
    res.expect(200);
    assert_eq!(res.header("cache-control").as_deref(), Some("no-store"));
    assert_eq!(
        res.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    let res = app.get("/v1/me", Some(&app.token(Role::Agent))).await;
    res.expect(200);
    assert_eq!(
        res.header("cache-control").as_deref(),
        Some("private, no-cache")
    );
    assert_eq!(
        res.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    // Oversized headers: 431 problem+json.
    let res = app
        .call(
            TestApp::req(Method::GET, "/v1/me", None)
                .insert_header(("X-Padding", "a".repeat(20_000))),
        )
        .await;
    res.expect(431);
    // A CORS preflight asking for a method the API does not allow: problem+json.
    let res = app
        .call(
            TestApp::req(Method::OPTIONS, "/v1/accounts", None)
                .insert_header(("Origin", "https://app.example.com"))
                .insert_header(("Access-Control-Request-Method", "TRACE")),
        )
        .await;
    assert!(res.status.is_client_error(), "{}", res.status);
    res.expect(res.status.as_u16());
}

#[actix_web::test]
async fn csv_cells_that_would_be_formulas_are_neutralised() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let team = app
        .post(
            "/v1/teams",
            Some(&admin),
            json!({"name": "=HYPERLINK(\"http://x\",\"y\")"}),
        )
        .await
        .expect(201);
    app.post(
        "/v1/users",
        Some(&admin),
        json!({"email": "formula@test.dev", "name": "=1+2", "role": "agent",
            "team_id": team["id"], "password": "a-long-enough-password"}),
    )
    .await
    .expect(201);
    let today = chrono::Utc::now().date_naive();
    for group in ["agent", "team"] {
        let res = app
            .call(
                TestApp::req(
                    Method::GET,
                    &format!("/v1/reports/performance?from={today}&to={today}&group_by={group}"),
                    Some(&app.token(Role::Head)),
                )
                .insert_header(("Accept", "text/csv")),
            )
            .await;
        assert_eq!(res.status.as_u16(), 200);
        let csv = String::from_utf8_lossy(&res.body).into_owned();
        let formula = if group == "agent" {
            "'=1+2"
        } else {
            "'=HYPERLINK"
        };
        assert!(csv.contains(formula), "{csv}");
        assert!(!csv.contains(",=") && !csv.contains("\n="), "{csv}");
    }
}

/// A pool on the test's database that cannot write: the SQLite file opened with `mode=ro`, or
/// the PostgreSQL database with read-only sessions.
async fn read_only_pool(app: &TestApp) -> arrears::db::Db {
    use arrears::config::DatabaseUrl;
    let url = match &app.url {
        DatabaseUrl::Sqlite(path) => DatabaseUrl::Sqlite(format!("file:{path}?mode=ro")),
        DatabaseUrl::Postgres(u) => {
            app.sql("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database()); END $$".into())
                .await;
            DatabaseUrl::Postgres(u.clone())
        }
    };
    arrears::db::Db::connect(&url, 2).unwrap()
}

#[actix_web::test]
async fn a_database_that_refuses_writes_answers_503_and_is_not_ready() {
    let app = TestApp::new().await;
    let db = read_only_pool(&app).await;
    assert!(db.check_writable().is_err());
    let mut state = app.state.clone();
    state.db = db.clone();
    let metrics = arrears::metrics::Metrics::new(db.pool().clone()).unwrap();
    let service =
        actix_web::test::init_service(arrears::app::build(state, metrics, Vec::new())).await;
    let ready = actix_web::test::call_service(
        &service,
        actix_web::test::TestRequest::get()
            .uri("/readyz")
            .to_request(),
    )
    .await;
    assert_eq!(ready.status().as_u16(), 503);
    assert!(ready.headers().contains_key("retry-after"));
    let head = app.token(Role::Head);
    let write = actix_web::test::call_service(
        &service,
        TestApp::req(Method::POST, "/v1/debtors", Some(&head))
            .set_json(json!({"name": "Nobody", "timezone": "America/Chicago"}))
            .to_request(),
    )
    .await;
    assert_eq!(write.status().as_u16(), 503);
    assert!(write.headers().contains_key("retry-after"));
    let sign_in = actix_web::test::call_service(
        &service,
        TestApp::req(Method::POST, "/v1/auth/token", None)
            .set_json(login("agent@test.dev", PASSWORD))
            .to_request(),
    )
    .await;
    assert_eq!(sign_in.status().as_u16(), 503);
}
