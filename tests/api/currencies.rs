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
