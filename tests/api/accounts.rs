//! Debtors and accounts: placement rules, ETag / If-Match, mass assignment, filters.

use crate::helpers::TestApp;
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::json;

#[actix_web::test]
async fn debtors_are_validated_and_normalised() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let d = app
        .post("/v1/debtors", Some(&head), json!({"name": " Jordan Reyes ", "phone": "(612) 555-0123", "timezone": "America/Chicago", "region": "mn", "external_ref": "C-1"}))
        .await
        .expect(201);
    assert_eq!(
        (
            d["name"].as_str(),
            d["phone"].as_str(),
            d["region"].as_str()
        ),
        (Some("Jordan Reyes"), Some("+16125550123"), Some("MN"))
    );
    assert_eq!(d["do_not_call"], false);
    let res = app
        .post(
            "/v1/debtors",
            Some(&head),
            json!({"name": "X", "phone": "12", "timezone": "Mars/Base"}),
        )
        .await;
    let fields: Vec<String> = res.expect(422)["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["phone", "timezone"]);
    let res = app
        .post(
            "/v1/debtors",
            Some(&head),
            json!({"name": "Y", "timezone": "UTC", "external_ref": "C-1"}),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "debtor-ref-taken".into())
    );
    // Flags: an agent may set a restriction but not lift it.
    let id = d["id"].as_i64().unwrap();
    let acc = app.account("A-FLAGS", 1000, 10, Some(app.north)).await;
    app.assign(&[acc["id"].as_i64().unwrap()], app.user(Role::Agent).id)
        .await;
    let agent = app.token(Role::Agent);
    let acc_debtor = acc["debtor_id"].as_i64().unwrap();
    let set = app
        .patch(
            &format!("/v1/debtors/{acc_debtor}"),
            Some(&agent),
            json!({"do_not_call": true}),
        )
        .await
        .expect(200);
    assert_eq!(set["do_not_call"], true);
    let res = app
        .patch(
            &format!("/v1/debtors/{acc_debtor}"),
            Some(&agent),
            json!({"do_not_call": false}),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (403, "insufficient-authority".into())
    );
    app.patch(
        &format!("/v1/debtors/{acc_debtor}"),
        Some(&app.token(Role::Manager)),
        json!({"do_not_call": false}),
    )
    .await
    .expect(200);
    // The first debtor has no account the agent holds: invisible to them.
    app.get(&format!("/v1/debtors/{id}"), Some(&agent))
        .await
        .expect(404);
    app.patch(
        &format!("/v1/debtors/{id}"),
        Some(&agent),
        json!({"do_not_sms": true}),
    )
    .await
    .expect(404);
    app.get(
        &format!("/v1/debtors/{id}"),
        Some(&app.token(Role::Auditor)),
    )
    .await
    .expect(200);
    let cleared = app
        .patch(
            &format!("/v1/debtors/{id}"),
            Some(&head),
            json!({"phone": null, "region": null}),
        )
        .await
        .expect(200);
    assert_eq!(
        (cleared["phone"].clone(), cleared["region"].clone()),
        (json!(null), json!(null))
    );
}

#[actix_web::test]
async fn placement_rules() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let debtor = app.debtor("Pat").await;
    let ok = json!({"external_ref": "A-1", "debtor_id": debtor, "original_amount": 10_000, "balance": 7_500, "delinquent_since": "2026-01-15"});
    let acc = app
        .post("/v1/accounts", Some(&head), ok.clone())
        .await
        .expect(201);
    assert_eq!(acc["currency"], "USD");
    assert_eq!(acc["status"], "open");
    assert_eq!(acc["version"], 1);
    assert_eq!(acc["debtor"]["name"], "Pat");
    let today = chrono::Utc::now().date_naive();
    let dpd = (today - chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()).num_days();
    assert_eq!(acc["days_past_due"], dpd);
    let res = app.post("/v1/accounts", Some(&head), ok.clone()).await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "account-ref-taken".into())
    );
    let bad = |patch: serde_json::Value| {
        let mut b = ok.clone();
        for (k, v) in patch.as_object().unwrap() {
            b[k] = v.clone();
        }
        b["external_ref"] = json!("A-2");
        b
    };
    let cases = [
        (json!({"balance": 10_001}), "balance"),
        (json!({"balance": -1}), "balance"),
        (json!({"currency": "DOLLARS"}), "currency"),
        (json!({"debtor_id": 999_999}), "debtor_id"),
        (json!({"team_id": 999_999}), "team_id"),
        (
            json!({"delinquent_since": "2999-01-01"}),
            "delinquent_since",
        ),
        (
            json!({"delinquent_since": "15/01/2026"}),
            "delinquent_since",
        ),
        (json!({"original_amount": 1.5}), "original_amount"),
    ];
    for (patch, field) in cases {
        let res = app
            .post("/v1/accounts", Some(&head), bad(patch.clone()))
            .await;
        assert_eq!(res.expect(422)["errors"][0]["field"], field, "{patch}");
    }
    let res = app
        .post(
            "/v1/accounts",
            Some(&head),
            bad(json!({"original_amount": 1e4})),
        )
        .await;
    assert_eq!(res.expect(201)["original_amount"], 10_000);
}

#[actix_web::test]
async fn etag_if_match_and_mass_assignment() {
    let app = TestApp::new().await;
    let manager = app.token(Role::Manager);
    let acc = app.account("A-ETAG", 5_000, 40, Some(app.north)).await;
    let path = format!("/v1/accounts/{}", acc["id"]);
    let res = app.get(&path, Some(&manager)).await;
    // The version, then a digest of the whole answer (embedded objects included).
    let etag = res.header("etag").unwrap();
    assert!(etag.starts_with("\"1-") && etag.len() == 36, "{etag}");
    let patch = |tag: &str, body: serde_json::Value| {
        TestApp::req(Method::PATCH, &path, Some(&manager))
            .insert_header(("If-Match", tag.to_owned()))
            .set_json(body)
    };
    let res = app
        .call(patch(&etag, json!({"portfolio": "mortgages"})))
        .await;
    assert_eq!(res.expect(200)["portfolio"], "mortgages");
    assert_eq!(res.header("etag").as_deref(), Some("\"2\""));
    // The old tag is stale now.
    let res = app.call(patch(&etag, json!({"portfolio": "cards"}))).await;
    res.expect(412);
    assert_eq!(
        app.get(&path, Some(&manager)).await.expect(200)["portfolio"],
        "mortgages"
    );
    app.call(patch("*", json!({"portfolio": null})))
        .await
        .expect(200);
    // Money, status and assignee cannot be set here.
    for field in ["balance", "status", "assignee_id", "original_amount"] {
        let res = app.patch(&path, Some(&manager), json!({field: 1})).await;
        assert_eq!(res.expect(422)["errors"][0]["field"], field);
    }
    // Moving team ends the assignment.
    app.assign(&[acc["id"].as_i64().unwrap()], app.user(Role::Agent).id)
        .await;
    let moved = app
        .patch(&path, Some(&manager), json!({"team_id": app.south}))
        .await
        .expect(200);
    assert_eq!(
        (moved["team_id"].as_i64(), moved["assignee_id"].clone()),
        (Some(app.south), json!(null))
    );
    let history = app
        .get(&format!("{path}/assignments"), Some(&manager))
        .await
        .expect(200);
    assert!(history["data"][0]["ended_at"].is_string());
}

#[actix_web::test]
async fn list_filters() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let a = app.account("REF-100", 10_000, 10, Some(app.north)).await;
    let b = app.account("REF-200", 50_000, 100, Some(app.south)).await;
    let c = app.account("OTHER-1", 90_000, 200, None).await;
    app.assign(&[a["id"].as_i64().unwrap()], app.user(Role::Agent).id)
        .await;
    let ids = |path: String| {
        let app = &app;
        let head = head.clone();
        async move {
            app.get(&path, Some(&head)).await.expect(200)["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["external_ref"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        ids("/v1/accounts?q=REF-".into()).await,
        ["REF-100", "REF-200"]
    );
    assert_eq!(
        ids("/v1/accounts?q=debtor%20of%20other".into()).await,
        ["OTHER-1"]
    );
    assert_eq!(ids("/v1/accounts?q=%25".into()).await, Vec::<String>::new());
    assert_eq!(
        ids("/v1/accounts?min_balance=20000&max_balance=60000".into()).await,
        ["REF-200"]
    );
    assert_eq!(
        ids("/v1/accounts?min_days_past_due=100".into()).await,
        ["REF-200", "OTHER-1"]
    );
    assert_eq!(
        ids("/v1/accounts?min_days_past_due=11&max_days_past_due=199".into()).await,
        ["REF-200"]
    );
    assert_eq!(
        ids(format!("/v1/accounts?team_id={}", app.south)).await,
        ["REF-200"]
    );
    assert_eq!(
        ids(format!(
            "/v1/accounts?assignee_id={}",
            app.user(Role::Agent).id
        ))
        .await,
        ["REF-100"]
    );
    assert_eq!(
        ids("/v1/accounts?status=open&portfolio=cards".into())
            .await
            .len(),
        3
    );
    assert!(ids("/v1/accounts?status=paid".into()).await.is_empty());
    app.get("/v1/accounts?status=gone", Some(&head))
        .await
        .expect(422);
    app.get("/v1/accounts?min_days_past_due=-1", Some(&head))
        .await
        .expect(422);
    assert_eq!(c["aging_bucket"], "181+");
    assert_eq!(b["aging_bucket"], "91-120");
}
