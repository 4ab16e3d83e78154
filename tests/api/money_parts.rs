//! Money in parts: balance components on every money path, and the allocation order.

use crate::helpers::{TestApp, today};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

/// A north account assigned to the north agent with these parts (principal is the rest).
async fn account_with_parts(app: &TestApp, external_ref: &str, balance: i64, parts: Value) -> i64 {
    let head = app.token(Role::Head);
    let debtor = app.debtor(&format!("Debtor of {external_ref}")).await;
    let since = (today() - chrono::Days::new(60)).to_string();
    let mut body = json!({"external_ref": external_ref, "debtor_id": debtor, "original_amount": balance,
        "balance": balance, "delinquent_since": since, "team_id": app.north});
    for (k, v) in parts.as_object().unwrap() {
        body[k] = v.clone();
    }
    let id = app
        .post("/v1/accounts", Some(&head), body)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    app.assign(&[id], app.user(Role::Agent).id).await;
    id
}

async fn components(app: &TestApp, id: i64) -> Value {
    app.get(&format!("/v1/accounts/{id}"), Some(&app.token(Role::Head)))
        .await
        .expect(200)["balance_components"]
        .clone()
}

fn parts(principal: i64, interest: i64, fees: i64, costs: i64) -> Value {
    json!({"principal": principal, "interest": interest, "fees": fees, "costs": costs})
}

#[actix_web::test]
async fn an_account_is_placed_in_parts() {
    let app = TestApp::new().await;
    let id = account_with_parts(
        &app,
        "PARTS-1",
        100_000,
        json!({"interest": 8_000, "fees": 2_000}),
    )
    .await;
    assert_eq!(components(&app, id).await, parts(90_000, 8_000, 2_000, 0));
    // Existing-style placement without parts: all principal.
    let plain = app.assigned_account("PARTS-2", 5_000).await;
    assert_eq!(components(&app, plain).await, parts(5_000, 0, 0, 0));
    // The aging report totals the parts beside the balance.
    let aging = app
        .get("/v1/reports/aging", Some(&app.token(Role::Head)))
        .await
        .expect(200);
    let bucket = aging["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bucket"] == "31-60")
        .unwrap()
        .clone();
    assert_eq!(
        (
            &bucket["balance"],
            &bucket["principal"],
            &bucket["interest"],
            &bucket["fees"],
            &bucket["costs"]
        ),
        (
            &json!(105_000),
            &json!(95_000),
            &json!(8_000),
            &json!(2_000),
            &json!(0)
        )
    );
    // Parts beyond the balance leave a negative principal: refused.
    let debtor = app.debtor("Debtor of PARTS-3").await;
    let res = app
        .post(
            "/v1/accounts",
            Some(&app.token(Role::Head)),
            json!({"external_ref": "PARTS-3", "debtor_id": debtor, "original_amount": 1_000,
                "balance": 1_000, "delinquent_since": today().to_string(), "interest": 600, "fees": 500}),
        )
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "balance");
    let res = app
        .post(
            "/v1/accounts",
            Some(&app.token(Role::Head)),
            json!({"external_ref": "PARTS-4", "debtor_id": debtor, "original_amount": 1_000,
                "balance": 1_000, "delinquent_since": today().to_string(), "costs": -1}),
        )
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "costs");
}

#[actix_web::test]
async fn payments_follow_the_allocation_order_and_reversals_restore_their_split() {
    let app = TestApp::new().await;
    let id = account_with_parts(
        &app,
        "ALLOC-1",
        100_000,
        json!({"interest": 8_000, "fees": 2_000, "costs": 1_000}),
    )
    .await;
    let agent = app.token(Role::Agent);
    // The default order: costs, fees, interest, principal.
    let first = app.pay(id, 5_000, &agent).await.expect(201);
    assert_eq!(first["allocation"], parts(0, 2_000, 2_000, 1_000));
    assert_eq!(components(&app, id).await, parts(89_000, 6_000, 0, 0));
    // Principal first from now on.
    let head = app.token(Role::Head);
    let put = |body: Value| {
        app.call(TestApp::req(Method::PUT, "/v1/allocation-policy", Some(&head)).set_json(body))
    };
    put(json!({"order": ["principal", "interest"]}))
        .await
        .expect(422);
    put(json!({"order": ["principal", "interest", "fees", "fees"]}))
        .await
        .expect(422);
    let policy = json!({"order": ["principal", "interest", "fees", "costs"]});
    assert_eq!(put(policy.clone()).await.expect(200), policy);
    assert_eq!(
        app.get("/v1/allocation-policy", Some(&agent))
            .await
            .expect(200),
        policy
    );
    let second = app.pay(id, 90_000, &agent).await.expect(201);
    assert_eq!(second["allocation"], parts(89_000, 1_000, 0, 0));
    assert_eq!(components(&app, id).await, parts(0, 5_000, 0, 0));
    // Reversing the first payment restores the split it took, not today's order.
    let lead = app.token(Role::TeamLead);
    app.post(
        &format!("/v1/payments/{}/reverse", first["id"]),
        Some(&lead),
        json!({"reason": "chargeback"}),
    )
    .await
    .expect(200);
    assert_eq!(components(&app, id).await, parts(0, 7_000, 2_000, 1_000));
    app.post(
        &format!("/v1/payments/{}/reverse", second["id"]),
        Some(&lead),
        json!({"reason": "chargeback"}),
    )
    .await
    .expect(200);
    assert_eq!(
        components(&app, id).await,
        parts(89_000, 8_000, 2_000, 1_000)
    );
    // Paying it all off empties every part, and the account is paid.
    let all = app.pay(id, 100_000, &agent).await.expect(201);
    assert_eq!(all["allocation"], parts(89_000, 8_000, 2_000, 1_000));
    assert_eq!(components(&app, id).await, parts(0, 0, 0, 0));
    assert_eq!(app.account_state(id).await, ("paid".to_owned(), 0));
}

#[actix_web::test]
async fn write_offs_and_settlements_take_fees_and_interest_first() {
    let app = TestApp::new().await;
    let id = account_with_parts(
        &app,
        "WO-1",
        100_000,
        json!({"interest": 3_000, "fees": 2_000, "costs": 1_000}),
    )
    .await;
    let agent = app.token(Role::Agent);
    let request = app
        .post(
            "/v1/approvals",
            Some(&agent),
            json!({"kind": "write_off", "account_id": id, "amount": 5_500, "reason": "hardship"}),
        )
        .await
        .expect(201);
    app.post(
        &format!("/v1/approvals/{}/approve", request["id"]),
        Some(&app.token(Role::Manager)),
        json!({}),
    )
    .await
    .expect(200);
    // Fees 2,000, interest 3,000, then 500 of the costs.
    assert_eq!(components(&app, id).await, parts(94_000, 0, 0, 500));
    // A settlement paid in full forgives every part that is left.
    let settle = app
        .post(
            "/v1/approvals",
            Some(&agent),
            json!({"kind": "settlement", "account_id": id, "amount": 80_000, "due_on": today().to_string(),
                "reason": "lump sum"}),
        )
        .await
        .expect(201);
    app.post(
        &format!("/v1/approvals/{}/approve", settle["id"]),
        Some(&app.token(Role::Head)),
        json!({}),
    )
    .await
    .expect(200);
    app.pay(id, 80_000, &agent).await.expect(201);
    assert_eq!(app.account_state(id).await, ("settled".to_owned(), 0));
    assert_eq!(components(&app, id).await, parts(0, 0, 0, 0));
}

#[actix_web::test]
async fn the_import_places_parts_and_a_re_placement_moves_principal() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let row = |balance: i64| {
        json!({"external_ref": "IMP-P-1", "original_amount": 50_000, "balance": balance, "interest": 4_000,
            "fees": 1_000, "delinquent_since": today().to_string(), "team_id": app.north,
            "debtor": {"name": "Imported Debtor", "timezone": "America/New_York"}})
    };
    let res = app
        .post(
            "/v1/accounts/import",
            Some(&head),
            json!({"accounts": [row(40_000)]}),
        )
        .await
        .expect(200);
    let id = res["results"][0]["id"].as_i64().unwrap();
    assert_eq!(components(&app, id).await, parts(35_000, 4_000, 1_000, 0));
    let res = app
        .post(
            "/v1/accounts/import",
            Some(&head),
            json!({"accounts": [row(38_000)]}),
        )
        .await
        .expect(200);
    assert_eq!(res["results"][0]["status"], "updated");
    assert_eq!(components(&app, id).await, parts(33_000, 4_000, 1_000, 0));
    // A balance below the other parts cannot be placed.
    let res = app
        .post(
            "/v1/accounts/import",
            Some(&head),
            json!({"accounts": [row(4_000)]}),
        )
        .await
        .expect(200);
    assert_eq!(res["results"][0]["status"], "error");
    assert_eq!(components(&app, id).await, parts(33_000, 4_000, 1_000, 0));
}
