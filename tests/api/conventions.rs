//! HTTP conventions a frontend relies on: compression, entity tags and 304, `Location` on 201,
//! `HEAD`, query-parameter errors that name the parameter, unknown parameters refused, and
//! `instance` in problems.

use crate::helpers::{RealServer, TestApp};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::json;

async fn place(app: &TestApp, n: usize) {
    let rows: Vec<_> = (0..n)
        .map(|i| {
            json!({"external_ref": format!("CMP-{i:04}"), "original_amount": 100_000, "balance": 50_000 + i as i64,
                "delinquent_since": "2026-06-01", "portfolio": "cards",
                "debtor": {"name": format!("Debtor {i}"), "timezone": "America/Denver", "phone": "303-555-0100"}})
        })
        .collect();
    app.post(
        "/v1/accounts/import",
        Some(&app.token(Role::Head)),
        json!({"accounts": rows}),
    )
    .await
    .expect(200);
}

#[actix_web::test]
async fn a_page_of_500_accounts_shrinks_with_gzip_and_brotli() {
    let app = TestApp::new().await;
    place(&app, 500).await;
    let head = app.token(Role::Head);
    let path = "/v1/accounts?limit=500";
    let plain = app.get(path, Some(&head)).await;
    assert_eq!(plain.expect(200)["data"].as_array().unwrap().len(), 500);
    assert!(plain.header("content-encoding").is_none());
    for encoding in ["gzip", "br"] {
        let res = app
            .call(
                TestApp::req(Method::GET, path, Some(&head))
                    .insert_header(("Accept-Encoding", encoding)),
            )
            .await;
        assert_eq!(res.status.as_u16(), 200);
        assert_eq!(res.header("content-encoding").as_deref(), Some(encoding));
        assert!(
            res.body.len() * 5 < plain.body.len(),
            "{encoding}: {} bytes against {}",
            res.body.len(),
            plain.body.len()
        );
    }
}

#[actix_web::test]
async fn the_event_stream_is_never_compressed() {
    let app = TestApp::new().await;
    let server = RealServer::start(app.state.clone()).await;
    let res = reqwest::Client::new()
        .get(format!("{}/v1/events/stream", server.base))
        .bearer_auth(app.token(Role::Agent))
        .header("Accept-Encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let encoding = res.headers().get("content-encoding");
    assert!(encoding.is_none_or(|e| e == "identity"), "{encoding:?}");
}

#[actix_web::test]
async fn entity_tags_cover_embedded_objects_and_answer_304() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let id = app.assigned_account("ET-1", 10_000).await;
    let path = format!("/v1/accounts/{id}");
    let first = app.get(&path, Some(&head)).await;
    first.expect(200);
    let tag = first.header("etag").unwrap();
    let again = app
        .call(
            TestApp::req(Method::GET, &path, Some(&head))
                .insert_header(("If-None-Match", tag.clone())),
        )
        .await;
    assert_eq!(again.status.as_u16(), 304);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag").as_deref(), Some(tag.as_str()));
    // A settlement request changes the account's pending approvals, not the account's version:
    // the tag still changes, and the old one no longer matches.
    let body = json!({"kind": "write_off", "account_id": id, "amount": 5_000, "reason": "fees"});
    app.post("/v1/approvals", Some(&app.token(Role::Agent)), body)
        .await
        .expect(201);
    let changed = app
        .call(
            TestApp::req(Method::GET, &path, Some(&head))
                .insert_header(("If-None-Match", tag.clone())),
        )
        .await;
    assert_eq!(changed.status.as_u16(), 200);
    assert_ne!(changed.header("etag"), Some(tag.clone()));
    // If-Match still works on the version part of the tag.
    let patch = TestApp::req(Method::PATCH, &path, Some(&app.token(Role::Manager)))
        .insert_header(("If-Match", changed.header("etag").unwrap()))
        .set_json(json!({"portfolio": "mortgages"}));
    app.call(patch).await.expect(200);
    // Other single-resource reads carry a tag too.
    let debtor = app.debtor("Tagged Debtor").await;
    let res = app.get(&format!("/v1/debtors/{debtor}"), Some(&head)).await;
    res.expect(200);
    assert!(res.header("etag").is_some());
}

#[actix_web::test]
async fn every_201_names_what_it_created() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let res = app
        .post("/v1/teams", Some(&admin), json!({"name": "East"}))
        .await;
    let team = res.expect(201);
    assert_eq!(
        res.header("location"),
        Some(format!("/v1/teams/{}", team["id"]))
    );
    let res = app
        .post("/v1/users", Some(&admin), json!({"email": "new@x.dev", "name": "N", "role": "agent", "password": "long enough password"}))
        .await;
    let user = res.expect(201);
    let location = res.header("location").unwrap();
    assert_eq!(location, format!("/v1/users/{}", user["id"]));
    app.get(&location, Some(&admin)).await.expect(200);
    let id = app.assigned_account("LOC-1", 10_000).await;
    let body = json!({"kind": "write_off", "account_id": id, "amount": 5_000, "reason": "fees"});
    let res = app
        .post("/v1/approvals", Some(&app.token(Role::Agent)), body)
        .await;
    let approval = res.expect(201);
    assert_eq!(
        res.header("location"),
        Some(format!("/v1/approvals/{}", approval["id"]))
    );
}

#[actix_web::test]
async fn what_an_account_gets_has_a_location_that_answers() {
    let app = TestApp::new().await;
    let id = app.assigned_account("LOC-2", 100_000).await;
    let other = app.assigned_account("LOC-3", 100_000).await;
    let agent = app.token(Role::Agent);
    let manager = app.token(Role::Manager);
    let south = app.token_for(&app.south_agent);
    let account = format!("/v1/accounts/{id}");
    let creations = [
        (
            format!("{account}/payments"),
            json!({"amount": 1_000, "method": "cash"}),
            &agent,
            "/v1/payments",
        ),
        (
            format!("{account}/contacts"),
            json!({"channel": "phone", "direction": "inbound", "outcome": "right_party_contact"}),
            &agent,
            "/v1/contacts",
        ),
        (
            format!("{account}/escalations"),
            json!({"reason": "abusive", "to_role": "team_lead"}),
            &agent,
            "/v1/escalations",
        ),
        (
            format!("{account}/disputes"),
            json!({"reason": "not mine"}),
            &agent,
            "/v1/disputes",
        ),
        (
            format!("{account}/satisfaction"),
            json!({"score": 4, "channel": "ivr"}),
            &agent,
            "/v1/satisfaction",
        ),
        (
            format!("/v1/accounts/{other}/legal-referral"),
            json!({"reason": "assets found"}),
            &manager,
            "/v1/accounts",
        ),
    ];
    for (path, body, token, collection) in creations {
        let res = app.post(&path, Some(token), body).await;
        let made = res.expect(201);
        let location = res.header("location").unwrap_or_else(|| panic!("{path}"));
        assert_eq!(location, format!("{collection}/{}", made["id"]), "{path}");
        let read = app.get(&location, Some(token)).await.expect(200);
        assert_eq!(read["id"], made["id"], "{location}");
        // Outside the caller's scope it is not there at all.
        app.get(&location, Some(&south)).await.expect(404);
    }
    for path in [
        "/v1/payments/0",
        "/v1/contacts/0",
        "/v1/disputes/0",
        "/v1/escalations/0",
        "/v1/satisfaction/0",
    ] {
        app.get(path, Some(&manager)).await.expect(404);
    }
}

#[actix_web::test]
async fn assignments_and_stream_tokens_name_a_url_that_answers() {
    let app = TestApp::new().await;
    let lead = app.token(Role::TeamLead);
    let agent_id = app.users[&Role::Agent].id;
    let id = app.account("LOC-4", 50_000, 40, Some(app.north)).await["id"].clone();
    let res = app
        .post(
            "/v1/assignments",
            Some(&lead),
            json!({"account_ids": [id], "assignee_id": agent_id}),
        )
        .await;
    res.expect(201);
    let location = res.header("location").unwrap();
    assert_eq!(location, format!("/v1/accounts?assignee_id={agent_id}"));
    let held = app.get(&location, Some(&lead)).await.expect(200);
    assert!(
        held["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == id)
    );

    app.account("LOC-5", 70_000, 40, Some(app.north)).await;
    let res = app
        .post(
            "/v1/assignments/auto",
            Some(&lead),
            json!({"team_id": app.north}),
        )
        .await;
    res.expect(201);
    let location = res.header("location").unwrap();
    assert_eq!(location, format!("/v1/accounts?team_id={}", app.north));
    app.get(&location, Some(&lead)).await.expect(200);

    let res = app
        .call(TestApp::req(
            Method::POST,
            "/v1/events/stream-tokens",
            Some(&lead),
        ))
        .await;
    let token = res.expect(201);
    assert_eq!(
        res.header("location"),
        Some(format!(
            "/v1/events/stream?stream_token={}",
            token["stream_token"].as_str().unwrap()
        ))
    );
}

#[actix_web::test]
async fn head_answers_like_get_without_a_body() {
    let app = TestApp::new().await;
    let server = RealServer::start(app.state.clone()).await;
    let client = reqwest::Client::new();
    let url = format!("{}/v1/me", server.base);
    let token = app.token(Role::Agent);
    let get = client.get(&url).bearer_auth(&token).send().await.unwrap();
    let get_tag = get.headers()["etag"].clone();
    let get_len = get.bytes().await.unwrap().len();
    let head = client.head(&url).bearer_auth(&token).send().await.unwrap();
    assert_eq!(head.status().as_u16(), 200);
    assert_eq!(head.headers()["etag"], get_tag);
    assert_eq!(
        head.headers()["content-length"].to_str().unwrap(),
        get_len.to_string()
    );
    assert!(head.bytes().await.unwrap().is_empty());
}

#[actix_web::test]
async fn query_parameters_are_named_and_unknown_ones_refused() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    for (path, field) in [
        ("/v1/accounts?limit=abc", "limit"),
        ("/v1/accounts?limit=501", "limit"),
        ("/v1/accounts?flagged=maybe", "flagged"),
        ("/v1/accounts?min_balance=lots", "min_balance"),
        ("/v1/accounts?colour=red", "colour"),
        ("/v1/audit-events?action=payment.recorded", "action"),
    ] {
        let res = app.get(path, Some(&head)).await;
        let problem = res.expect(422);
        assert_eq!(problem["errors"][0]["field"], field, "{path}: {problem}");
        assert_eq!(problem["instance"], path.split('?').next().unwrap());
    }
    app.get("/v1/accounts?limit=5&flagged=false", Some(&head))
        .await
        .expect(200);
}

#[actix_web::test]
async fn problems_name_their_instance() {
    let app = TestApp::new().await;
    let res = app
        .get("/v1/accounts/999999", Some(&app.token(Role::Head)))
        .await;
    assert_eq!(res.expect(404)["instance"], "/v1/accounts/999999");
    let res = app.get("/v1/me", None).await;
    assert_eq!(res.expect(401)["instance"], "/v1/me");
}

#[actix_web::test]
async fn actions_take_an_empty_body() {
    let app = TestApp::new().await;
    let id = app.assigned_account("EMPTY-1", 1_000_000).await;
    let body = json!({"kind": "settlement", "account_id": id, "amount": 800_000, "reason": "hardship",
        "due_on": crate::helpers::in_days(10)});
    let request = app
        .post("/v1/approvals", Some(&app.token(Role::Agent)), body)
        .await
        .expect(201);
    // No body and no Content-Type at all: the optional note is simply absent.
    let path = format!("/v1/approvals/{}/approve", request["id"]);
    let lead = app.token(Role::TeamLead);
    let res = app
        .call(TestApp::req(Method::POST, &path, Some(&lead)))
        .await;
    assert_eq!(res.expect(200)["status"], "approved");
    // A route with required fields names them rather than refusing the empty body as JSON.
    let path = format!("/v1/approvals/{}/reject", request["id"]);
    let res = app
        .call(TestApp::req(Method::POST, &path, Some(&lead)))
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "note");
    // The document says so: the approve body is optional, the reject body is not.
    let doc = app.get("/openapi.json", None).await.expect(200);
    let body = |p: &str| doc["paths"][p]["post"]["requestBody"]["required"].clone();
    assert_eq!(body("/v1/approvals/{id}/approve"), json!(false));
    assert_eq!(body("/v1/approvals/{id}/reject"), json!(true));
}

#[actix_web::test]
async fn debtors_take_if_match_on_their_entity_tag() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let debtor = app.debtor("Tagged Debtor").await;
    let path = format!("/v1/debtors/{debtor}");
    let read = app.get(&path, Some(&head)).await;
    read.expect(200);
    let tag = read.header("etag").unwrap();
    let patch = |tag: &str, name: &str| {
        TestApp::req(Method::PATCH, &path, Some(&head))
            .insert_header(("If-Match", tag.to_owned()))
            .set_json(json!({"name": name}))
    };
    let changed = app.call(patch(&tag, "Renamed Once")).await;
    assert_eq!(changed.expect(200)["name"], "Renamed Once");
    let new_tag = changed.header("etag").unwrap();
    assert_ne!(new_tag, tag);
    // The answer's tag is the one a read gives.
    let again = app.get(&path, Some(&head)).await;
    assert_eq!(again.header("etag"), Some(new_tag.clone()));
    // The old tag is stale: 412, and nothing changes.
    let stale = app.call(patch(&tag, "Renamed Twice")).await;
    assert_eq!(stale.slug(), "precondition-failed");
    stale.expect(412);
    assert_eq!(
        app.get(&path, Some(&head)).await.expect(200)["name"],
        "Renamed Once"
    );
    // Without If-Match the change is unconditional.
    let res = app
        .patch(&path, Some(&head), json!({"name": "Renamed Freely"}))
        .await;
    res.expect(200);
}
