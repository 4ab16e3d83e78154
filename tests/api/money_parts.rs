//! Money in parts: balance components on every money path, and the allocation order.

use crate::helpers::{TestApp, today};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

/// A north account assigned to the north agent with these parts (principal is the rest).
pub async fn account_with_parts(
    app: &TestApp,
    external_ref: &str,
    balance: i64,
    parts: Value,
) -> i64 {
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

/// An approval requested by the north agent and approved by `approver`: the request.
async fn approved(app: &TestApp, request: Value, approver: Role) -> Value {
    let request = app
        .post("/v1/approvals", Some(&app.token(Role::Agent)), request)
        .await
        .expect(201);
    app.post(
        &format!("/v1/approvals/{}/approve", request["id"]),
        Some(&app.token(approver)),
        json!({}),
    )
    .await
    .expect(200);
    request
}

pub async fn components(app: &TestApp, id: i64) -> Value {
    app.get(&format!("/v1/accounts/{id}"), Some(&app.token(Role::Head)))
        .await
        .expect(200)["balance_components"]
        .clone()
}

pub fn parts(principal: i64, interest: i64, fees: i64, costs: i64) -> Value {
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
    let write_off =
        json!({"kind": "write_off", "account_id": id, "amount": 5_500, "reason": "hardship"});
    approved(&app, write_off, Role::Manager).await;
    // Fees 2,000, interest 3,000, then 500 of the costs.
    assert_eq!(components(&app, id).await, parts(94_000, 0, 0, 500));
    // A settlement paid in full forgives every part that is left.
    let settlement = json!({"kind": "settlement", "account_id": id, "amount": 80_000,
        "due_on": today().to_string(), "reason": "lump sum"});
    approved(&app, settlement, Role::Head).await;
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
    let entries = ledger(&app, id).await;
    let kinds: Vec<&str> = entries
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["placement", "adjustment"]);
    assert_eq!(entries[1]["amounts"], parts(-2_000, 0, 0, 0));
    verify_ok(&app).await;
}

pub async fn ledger(app: &TestApp, id: i64) -> Vec<Value> {
    app.get(
        &format!("/v1/accounts/{id}/ledger?limit=200"),
        Some(&app.token(Role::Head)),
    )
    .await
    .expect(200)["data"]
        .as_array()
        .unwrap()
        .clone()
}

pub async fn verify_ok(app: &TestApp) {
    let v = app
        .get("/v1/ledger/verify", Some(&app.token(Role::Auditor)))
        .await
        .expect(200);
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["mismatched_account_ids"], json!([]));
}

#[actix_web::test]
async fn the_ledger_records_every_movement_with_its_running_balance() {
    let app = TestApp::new().await;
    let id = account_with_parts(
        &app,
        "LEDGER-1",
        10_000,
        json!({"interest": 1_000, "fees": 500}),
    )
    .await;
    let agent = app.token(Role::Agent);
    let paid = app.pay(id, 2_000, &agent).await.expect(201);
    app.post(
        &format!("/v1/payments/{}/reverse", paid["id"]),
        Some(&app.token(Role::TeamLead)),
        json!({"reason": "bounced"}),
    )
    .await
    .expect(200);
    let entries = ledger(&app, id).await;
    let kinds: Vec<&str> = entries
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["placement", "payment", "payment_reversal"]);
    assert_eq!(entries[0]["amounts"], parts(8_500, 1_000, 500, 0));
    assert_eq!(entries[1]["amounts"], parts(-500, -1_000, -500, 0));
    assert_eq!(entries[1]["payment_id"], paid["id"]);
    assert_eq!(
        entries[1]["balance_after"],
        json!({"principal": 8_000, "interest": 0, "fees": 0, "costs": 0, "total": 8_000})
    );
    assert_eq!(entries[2]["balance_after"]["total"], 10_000);
    verify_ok(&app).await;
    // Paging: oldest first, a cursor to the rest.
    let first = app
        .get(
            &format!("/v1/accounts/{id}/ledger?limit=2"),
            Some(&app.token(Role::Head)),
        )
        .await
        .expect(200);
    assert_eq!(first["data"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = app
        .get(
            &format!("/v1/accounts/{id}/ledger?limit=2&cursor={cursor}"),
            Some(&app.token(Role::Head)),
        )
        .await
        .expect(200);
    assert_eq!(rest["data"][0]["kind"], "payment_reversal");
    assert_eq!(rest["data"][0]["balance_after"]["total"], 10_000);
    // Outside the caller's scope: 404; the check is for auditors and heads.
    let south = app.token_for(&app.south_agent);
    app.get(&format!("/v1/accounts/{id}/ledger"), Some(&south))
        .await
        .expect(404);
    app.get("/v1/ledger/verify", Some(&agent)).await.expect(403);
}

#[actix_web::test]
async fn write_offs_settlements_and_re_placements_are_in_the_ledger() {
    let app = TestApp::new().await;
    let id = account_with_parts(&app, "LEDGER-2", 50_000, json!({"fees": 1_000})).await;
    let agent = app.token(Role::Agent);
    let request = approved(
        &app,
        json!({"kind": "write_off", "account_id": id, "amount": 1_500, "reason": "hardship"}),
        Role::Manager,
    )
    .await;
    let settlement = json!({"kind": "settlement", "account_id": id, "amount": 30_000,
        "due_on": today().to_string(), "reason": "lump sum"});
    approved(&app, settlement, Role::Head).await;
    app.pay(id, 30_000, &agent).await.expect(201);
    let entries = ledger(&app, id).await;
    let kinds: Vec<&str> = entries
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "placement",
            "write_off",
            "payment",
            "settlement_forgiveness"
        ]
    );
    assert_eq!(entries[1]["amounts"], parts(-500, 0, -1_000, 0));
    assert_eq!(entries[1]["approval_id"], request["id"]);
    assert_eq!(entries[3]["amounts"], parts(-18_500, 0, 0, 0));
    assert_eq!(entries[3]["balance_after"]["total"], 0);
    verify_ok(&app).await;
}

/// Random payments, reversals, adjustments and changes of the allocation order (a seeded loop)
/// keep the parts summing to the balance and the ledger in step.
#[actix_web::test]
async fn random_money_movements_keep_the_invariant() {
    let app = TestApp::new().await;
    let id = account_with_parts(
        &app,
        "RANDOM-1",
        1_000_000,
        json!({"interest": 120_000, "fees": 30_000, "costs": 20_000}),
    )
    .await;
    let agent = app.token(Role::Agent);
    let lead = app.token(Role::TeamLead);
    let head = app.token(Role::Head);
    let orders = [
        json!(["costs", "fees", "interest", "principal"]),
        json!(["principal", "interest", "fees", "costs"]),
        json!(["interest", "costs", "principal", "fees"]),
    ];
    let mut seed: u64 = 0x00dd_5eed;
    let mut next = move |m: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    let mut live: Vec<Value> = Vec::new();
    for step in 0..40 {
        match next(5) {
            0 | 1 => {
                let res = app.pay(id, 1 + next(60_000) as i64, &agent).await;
                if res.status.as_u16() == 201 {
                    live.push(res.json());
                }
            }
            2 if !live.is_empty() => {
                let payment = live.remove(next(live.len() as u64) as usize);
                app.post(
                    &format!("/v1/payments/{}/reverse", payment["id"]),
                    Some(&lead),
                    json!({"reason": format!("step {step}")}),
                )
                .await
                .expect(200);
            }
            3 => {
                let part = ["principal", "interest", "fees", "costs"][next(4) as usize];
                let amount = next(40_000) as i64 - 20_000;
                let body = json!({"component": part, "amount": amount, "reason": "billing_error", "note": "random"});
                let res = app
                    .post(&format!("/v1/accounts/{id}/adjustments"), Some(&head), body)
                    .await;
                // 422: zero, or a part taken below 0.
                assert!(matches!(res.status.as_u16(), 201 | 422), "{}", res.json());
            }
            _ => {
                let order = orders[next(3) as usize].clone();
                app.call(
                    TestApp::req(Method::PUT, "/v1/allocation-policy", Some(&head))
                        .set_json(json!({"order": order})),
                )
                .await
                .expect(200);
            }
        }
        let account = app
            .get(&format!("/v1/accounts/{id}"), Some(&head))
            .await
            .expect(200);
        let c = &account["balance_components"];
        let sum: i64 = ["principal", "interest", "fees", "costs"]
            .iter()
            .map(|k| c[*k].as_i64().unwrap())
            .inspect(|v| assert!(*v >= 0, "step {step}: {c}"))
            .sum();
        assert_eq!(sum, account["balance"].as_i64().unwrap(), "step {step}");
        let entries = ledger(&app, id).await;
        assert_eq!(
            entries.last().unwrap()["balance_after"]["total"],
            account["balance"],
            "step {step}"
        );
    }
    verify_ok(&app).await;
}
