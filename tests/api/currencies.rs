//! Money never mixes currencies in the reports: rows per group and currency, and a currency
//! column in CSV.

use crate::helpers::TestApp;
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::json;

async fn account_in(app: &TestApp, external_ref: &str, currency: &str, balance: i64) -> i64 {
    let head = app.token(Role::Head);
    let debtor = app.debtor(&format!("Debtor of {external_ref}")).await;
    let since = (chrono::Utc::now().date_naive() - chrono::Days::new(45)).to_string();
    let body = json!({"external_ref": external_ref, "debtor_id": debtor, "original_amount": balance,
        "balance": balance, "delinquent_since": since, "team_id": app.north, "currency": currency});
    app.post("/v1/accounts", Some(&head), body)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap()
}

#[actix_web::test]
async fn aging_and_collections_keep_each_currency_apart() {
    let app = TestApp::new().await;
    let usd = account_in(&app, "CUR-USD", "USD", 10_000).await;
    let jpy = account_in(&app, "CUR-JPY", "JPY", 100_000_000).await;
    let head = app.token(Role::Head);
    app.pay(usd, 2_500, &head).await.expect(201);
    app.pay(jpy, 1_000_000, &head).await.expect(201);

    let aging = app.get("/v1/reports/aging", Some(&head)).await.expect(200);
    let rows: Vec<(String, String, i64)> = aging["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["count"].as_i64().unwrap() > 0)
        .map(|b| {
            (
                b["bucket"].as_str().unwrap().to_owned(),
                b["currency"].as_str().unwrap().to_owned(),
                b["balance"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("31-60".to_owned(), "JPY".to_owned(), 99_000_000),
            ("31-60".to_owned(), "USD".to_owned(), 7_500)
        ]
    );
    // Seven buckets per currency.
    assert_eq!(aging["buckets"].as_array().unwrap().len(), 14);

    let today = crate::helpers::today();
    let path = format!("/v1/reports/collections?from={today}&to={today}");
    let collections = app.get(&path, Some(&head)).await.expect(200);
    let per_currency: Vec<(String, i64)> = collections["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["currency"].as_str().unwrap().to_owned(),
                d["collected"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        per_currency,
        [("JPY".to_owned(), 1_000_000), ("USD".to_owned(), 2_500)]
    );

    let csv = app
        .call(
            TestApp::req(Method::GET, "/v1/reports/aging", Some(&head))
                .insert_header(("Accept", "text/csv")),
        )
        .await;
    let text = String::from_utf8(csv.body).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "bucket,currency,count,balance,principal,interest,fees,costs"
    );
    assert!(
        lines.contains(&"31-60,JPY,1,99000000,99000000,0,0,0"),
        "{text}"
    );
    assert!(lines.contains(&"31-60,USD,1,7500,7500,0,0,0"), "{text}");
}

#[actix_web::test]
async fn performance_and_targets_keep_each_currency_apart() {
    let app = TestApp::new().await;
    let usd = account_in(&app, "PERF-USD", "USD", 10_000).await;
    let jpy = account_in(&app, "PERF-JPY", "JPY", 100_000_000).await;
    let agent = app.user(Role::Agent).id;
    app.assign(&[usd, jpy], agent).await;
    let agent_token = app.token(Role::Agent);
    app.pay(usd, 2_500, &agent_token).await.expect(201);
    app.pay(jpy, 1_000_000, &agent_token).await.expect(201);
    let manager = app.token(Role::Manager);
    let today = crate::helpers::today();
    let month = today.format("%Y-%m").to_string();
    for (currency, amount) in [(Some("JPY"), 4_000_000), (None, 10_000)] {
        let mut body = json!({"scope": "agent", "subject_id": agent, "period": month, "collected_amount": amount});
        if let Some(c) = currency {
            body["currency"] = json!(c);
        }
        let set = app
            .put("/v1/targets", Some(&manager), body)
            .await
            .expect(200);
        assert_eq!(set["currency"], currency.unwrap_or("USD"));
    }
    let bad = app
        .put(
            "/v1/targets",
            Some(&manager),
            json!({"scope": "agent", "subject_id": agent, "period": month, "collected_amount": 1, "currency": "usd"}),
        )
        .await;
    assert_eq!(bad.expect(422)["errors"][0]["field"], "currency");
    let targets = app
        .get(&format!("/v1/targets?period={month}"), Some(&manager))
        .await
        .expect(200);
    let listed: Vec<(&str, i64)> = targets["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["currency"].as_str().unwrap(),
                t["collected_amount"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(listed, [("JPY", 4_000_000), ("USD", 10_000)]);

    let head = app.token(Role::Head);
    let range = format!("from={today}&to={today}");
    let report = app
        .get(&format!("/v1/reports/performance?{range}"), Some(&head))
        .await
        .expect(200);
    let rows: Vec<_> = report["data"].as_array().unwrap().iter().collect();
    let mine: Vec<(&str, i64, i64, f64)> = rows
        .iter()
        .filter(|r| r["group_id"] == agent)
        .map(|r| {
            (
                r["currency"].as_str().unwrap(),
                r["collected_amount"].as_i64().unwrap(),
                r["target_amount"].as_i64().unwrap(),
                r["attainment"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        mine,
        [
            ("JPY", 1_000_000, 4_000_000, 0.25),
            ("USD", 2_500, 10_000, 0.25)
        ]
    );
    // An agent with no money in the period has one row, without a currency.
    let south: Vec<_> = rows
        .iter()
        .filter(|r| r["group_id"] == app.south_agent.id)
        .collect();
    assert_eq!(south.len(), 1);
    assert_eq!(south[0]["currency"], serde_json::Value::Null);

    // One currency asked: one row per agent, in it.
    let jpy_only = app
        .get(
            &format!("/v1/reports/performance?{range}&currency=JPY"),
            Some(&head),
        )
        .await
        .expect(200);
    let jpy_rows = jpy_only["data"].as_array().unwrap();
    assert!(jpy_rows.iter().all(|r| r["currency"] == "JPY"));
    assert_eq!(
        jpy_rows.iter().filter(|r| r["group_id"] == agent).count(),
        1
    );
    assert_eq!(
        jpy_rows
            .iter()
            .find(|r| r["group_id"] == app.south_agent.id)
            .unwrap()["collected_amount"],
        0
    );
    let bad = app
        .get(
            &format!("/v1/reports/performance?{range}&currency=XYZ"),
            Some(&head),
        )
        .await;
    assert_eq!(bad.expect(422)["errors"][0]["field"], "currency");

    // Teams add their agents' money per currency.
    let teams = app
        .get(
            &format!("/v1/reports/performance?{range}&group_by=team"),
            Some(&head),
        )
        .await
        .expect(200);
    let north: Vec<(&str, i64)> = teams["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["group_id"] == app.north)
        .map(|r| {
            (
                r["currency"].as_str().unwrap(),
                r["collected_amount"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(north, [("JPY", 1_000_000), ("USD", 2_500)]);

    let csv = app
        .call(
            TestApp::req(
                Method::GET,
                &format!("/v1/reports/performance?{range}"),
                Some(&head),
            )
            .insert_header(("Accept", "text/csv")),
        )
        .await;
    let text = String::from_utf8(csv.body).unwrap();
    assert!(text.starts_with("group_id,group_name,currency,"), "{text}");
    assert!(text.contains(",JPY,") && text.contains(",USD,"), "{text}");
}
