//! Adjustments: reasons × signs × parts, limits per role at the boundary, approvals of kind
//! `adjustment`, the ledger, and re-placement as `placement_update`.

use crate::helpers::{TestApp, column};
use crate::money_parts::{account_with_parts, components, ledger, parts, verify_ok};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

fn adjustments(id: i64) -> String {
    format!("/v1/accounts/{id}/adjustments")
}

fn ask(component: &str, amount: i64, reason: &str) -> Value {
    json!({"component": component, "amount": amount, "reason": reason, "note": "test"})
}

/// A north account with room in every part.
async fn roomy(app: &TestApp, external_ref: &str) -> i64 {
    let roomy = json!({"interest": 100_000, "fees": 100_000, "costs": 100_000});
    account_with_parts(app, external_ref, 10_000_000, roomy).await
}

#[actix_web::test]
async fn each_reason_moves_only_its_parts_in_its_direction() {
    let app = TestApp::new().await;
    let id = roomy(&app, "ADJ-RULES").await;
    let head = app.token(Role::Head);
    let all = ["principal", "interest", "fees", "costs"];
    // (reason, parts it may move (empty: any), raises, lowers)
    let rules: [(&str, &[&str], bool, bool); 8] = [
        ("billing_error", &[], true, true),
        ("balance_correction", &[], true, true),
        ("goodwill", &[], false, true),
        ("fee_waiver", &["fees"], false, true),
        ("interest_waiver", &["interest"], false, true),
        ("interest_accrual", &["interest"], true, false),
        ("fee_assessed", &["fees"], true, false),
        ("court_costs", &["costs"], true, false),
    ];
    let mut expected = parts(9_700_000, 100_000, 100_000, 100_000);
    let mut applied = 0;
    for (reason, only, raises, lowers) in rules {
        for part in all {
            for (sign, allowed) in [(1, raises), (-1, lowers)] {
                let allowed = allowed && (only.is_empty() || only.contains(&part));
                let res = app
                    .post(&adjustments(id), Some(&head), ask(part, sign * 7, reason))
                    .await;
                let status = if allowed { 201 } else { 422 };
                assert_eq!(
                    res.status.as_u16(),
                    status,
                    "{reason} {part} {sign}: {}",
                    res.json()
                );
                if allowed {
                    applied += 1;
                    assert_eq!(res.json()["status"], "applied");
                    let moved = expected[part].as_i64().unwrap() + sign * 7;
                    expected[part] = json!(moved);
                } else {
                    assert_eq!(res.slug(), "validation-failed");
                }
            }
        }
    }
    assert_eq!(components(&app, id).await, expected);
    // Zero, placement_update by hand, and a part taken below 0 are refused.
    for body in [
        ask("fees", 0, "billing_error"),
        ask("principal", -5, "placement_update"),
        ask("costs", -100_001, "goodwill"),
    ] {
        let res = app.post(&adjustments(id), Some(&head), body).await;
        assert_eq!(res.status.as_u16(), 422, "{}", res.json());
    }
    let list = app
        .get(&format!("{}?limit=100", adjustments(id)), Some(&head))
        .await
        .expect(200);
    assert_eq!(applied, 25);
    assert_eq!(list["data"].as_array().unwrap().len(), 25);
    assert_eq!(list["data"][0]["reason"], "billing_error");
    let entries = ledger(&app, id).await;
    assert_eq!(entries.len(), 26);
    assert_eq!(entries[1]["kind"], "adjustment");
    assert_eq!(entries[1]["adjustment_id"], list["data"][0]["id"]);
    assert_eq!(entries[1]["amounts"], parts(7, 0, 0, 0));
    verify_ok(&app).await;
}

#[actix_web::test]
async fn limits_per_role_at_the_boundary() {
    let app = TestApp::new().await;
    let id = roomy(&app, "ADJ-LIMITS").await;
    let lead = app.token(Role::TeamLead);
    let agent = app.token(Role::Agent);
    // The team lead's adjustment_max is 100.00: exactly that is applied at once.
    let applied = app
        .post(
            &adjustments(id),
            Some(&lead),
            ask("fees", -10_000, "fee_waiver"),
        )
        .await;
    let location = applied.header("location").unwrap();
    let applied = applied.expect(201);
    assert_eq!(location, format!("/v1/adjustments/{}", applied["id"]));
    assert_eq!(applied["approval_id"], Value::Null);
    // One cent more waits for a manager.
    let res = app
        .post(
            &adjustments(id),
            Some(&lead),
            ask("fees", -10_001, "fee_waiver"),
        )
        .await;
    let location = res.header("location").unwrap();
    let pending = res.expect(202);
    assert_eq!(pending["status"], "pending_approval");
    assert_eq!(pending["applied_at"], Value::Null);
    let got = app.get(&location, Some(&agent)).await.expect(200);
    assert_eq!(got["status"], "pending_approval");
    let approval = format!("/v1/approvals/{}", pending["approval_id"]);
    let request = app.get(&approval, Some(&lead)).await.expect(200);
    assert_eq!(
        (
            &request["kind"],
            &request["required_role"],
            &request["amount"]
        ),
        (&json!("adjustment"), &json!("manager"), &json!(10_001))
    );
    assert_eq!(components(&app, id).await["fees"], 90_000);
    // Another pending adjustment request on the account: 409, nothing written.
    let twice = app
        .post(
            &adjustments(id),
            Some(&lead),
            ask("interest", -20_000, "interest_waiver"),
        )
        .await;
    assert_eq!(
        (twice.status.as_u16(), twice.slug()),
        (409, "duplicate-pending".into())
    );
    // Adjustments cannot be requested through POST /v1/approvals.
    let direct = json!({"kind": "adjustment", "account_id": id, "amount": 5, "reason": "x"});
    app.post("/v1/approvals", Some(&lead), direct)
        .await
        .expect(422);
    // Four eyes and tiers, as for every approval.
    let approve = format!("{approval}/approve");
    let mine = app.post(&approve, Some(&lead), json!({})).await;
    assert_eq!(
        (mine.status.as_u16(), mine.slug()),
        (403, "insufficient-authority".into())
    );
    app.post(&approve, Some(&app.token(Role::Manager)), json!({}))
        .await
        .expect(200);
    let got = app.get(&location, Some(&agent)).await.expect(200);
    assert_eq!(got["status"], "applied");
    assert_eq!(components(&app, id).await["fees"], 79_999);
    let last = ledger(&app, id).await.pop().unwrap();
    assert_eq!(
        (&last["adjustment_id"], &last["approval_id"]),
        (&got["id"], &pending["approval_id"])
    );
    // An agent's limit is 0: any lowering waits for a team lead; raising is refused.
    let waits = app
        .post(
            &adjustments(id),
            Some(&agent),
            ask("principal", -1, "goodwill"),
        )
        .await
        .expect(202);
    let request = app
        .get(
            &format!("/v1/approvals/{}", waits["approval_id"]),
            Some(&agent),
        )
        .await
        .expect(200);
    assert_eq!(request["required_role"], "team_lead");
    let raise = app
        .post(
            &adjustments(id),
            Some(&agent),
            ask("fees", 500, "fee_assessed"),
        )
        .await;
    assert_eq!(
        (raise.status.as_u16(), raise.slug()),
        (403, "insufficient-authority".into())
    );
    // Rejected, the adjustment is rejected and nothing moves.
    let reject = format!("/v1/approvals/{}/reject", waits["approval_id"]);
    app.post(&reject, Some(&lead), json!({"note": "no"}))
        .await
        .expect(200);
    let got = app
        .get(&format!("/v1/adjustments/{}", waits["id"]), Some(&agent))
        .await
        .expect(200);
    assert_eq!(got["status"], "rejected");
    // Withdrawn by its requester, it is cancelled.
    let again = app
        .post(
            &adjustments(id),
            Some(&agent),
            ask("principal", -1, "goodwill"),
        )
        .await
        .expect(202);
    let cancel = format!("/v1/approvals/{}/cancel", again["approval_id"]);
    app.post(&cancel, Some(&agent), json!({})).await.expect(200);
    let got = app
        .get(&format!("/v1/adjustments/{}", again["id"]), Some(&agent))
        .await
        .expect(200);
    assert_eq!(got["status"], "cancelled");
    // Raises by team leads and above are unlimited.
    app.post(
        &adjustments(id),
        Some(&lead),
        ask("costs", 5_000_000, "court_costs"),
    )
    .await
    .expect(201);
    verify_ok(&app).await;
}

#[actix_web::test]
async fn a_stale_request_is_refused_and_a_cleared_balance_closes() {
    let app = TestApp::new().await;
    let id = account_with_parts(&app, "ADJ-CLOSE", 30_000, json!({"fees": 10_000})).await;
    let lead = app.token(Role::TeamLead);
    let pending = app
        .post(
            &adjustments(id),
            Some(&lead),
            ask("principal", -20_000, "balance_correction"),
        )
        .await
        .expect(202);
    app.pay(id, 100, &app.token(Role::Agent)).await.expect(201);
    let approve = format!("/v1/approvals/{}/approve", pending["approval_id"]);
    let stale = app
        .post(&approve, Some(&app.token(Role::Head)), json!({}))
        .await;
    assert_eq!(
        (stale.status.as_u16(), stale.slug()),
        (409, "stale-request".into())
    );
    // The head lowers the rest at once: the account is closed and takes no more.
    let head = app.token(Role::Head);
    app.post(
        &adjustments(id),
        Some(&head),
        ask("fees", -9_900, "fee_waiver"),
    )
    .await
    .expect(201);
    app.post(
        &adjustments(id),
        Some(&head),
        ask("principal", -20_000, "goodwill"),
    )
    .await
    .expect(201);
    assert_eq!(app.account_state(id).await, ("closed".into(), 0));
    let closed = app
        .post(
            &adjustments(id),
            Some(&head),
            ask("fees", 5, "fee_assessed"),
        )
        .await;
    assert_eq!(
        (closed.status.as_u16(), closed.slug()),
        (409, "account-closed".into())
    );
    verify_ok(&app).await;
}

#[actix_web::test]
async fn adjustments_are_scoped_like_their_account() {
    let app = TestApp::new().await;
    let id = roomy(&app, "ADJ-SCOPE").await;
    let made = app
        .post(
            &adjustments(id),
            Some(&app.token(Role::Head)),
            ask("fees", -5, "goodwill"),
        )
        .await
        .expect(201);
    let south = app.token_for(&app.south_agent);
    app.get(&adjustments(id), Some(&south)).await.expect(404);
    app.get(&format!("/v1/adjustments/{}", made["id"]), Some(&south))
        .await
        .expect(404);
    app.post(&adjustments(id), Some(&south), ask("fees", -5, "goodwill"))
        .await
        .expect(404);
    for role in [Role::Admin, Role::Auditor] {
        app.post(
            &adjustments(id),
            Some(&app.token(role)),
            ask("fees", -5, "goodwill"),
        )
        .await
        .expect(403);
    }
    app.get(&adjustments(id), Some(&app.token(Role::Auditor)))
        .await
        .expect(200);
}

fn row(external_ref: &str, balance: i64) -> Value {
    json!({"external_ref": external_ref, "original_amount": 10_000_000, "balance": balance,
        "delinquent_since": "2026-06-01", "portfolio": "import",
        "debtor": {"name": format!("Debtor {external_ref}"), "timezone": "America/Denver"}})
}

async fn import(app: &TestApp, rows: Value) -> Value {
    let manager = app.token(Role::Manager);
    app.post(
        "/v1/accounts/import",
        Some(&manager),
        json!({"accounts": rows}),
    )
    .await
    .expect(200)["results"]
        .clone()
}

#[actix_web::test]
async fn a_re_placement_follows_the_importers_limits_both_ways() {
    let app = TestApp::new().await;
    let manager = app.token(Role::Manager);
    let first = import(
        &app,
        json!([
            row("RP-1", 1_000_000),
            row("RP-2", 1_000_000),
            row("RP-3", 1_000_000)
        ]),
    )
    .await;
    let ids: Vec<i64> = (0..3).map(|i| first[i]["id"].as_i64().unwrap()).collect();
    // The manager's adjustment_max is 5,000.00: exactly that is applied either way; a cent more
    // waits for the head, while the row's other fields apply at once.
    let mut moved = row("RP-2", 1_500_001);
    moved["portfolio"] = json!("moved");
    let second = import(&app, json!([row("RP-1", 500_000), moved])).await;
    assert_eq!(
        column(&json!({"data": second}), "status"),
        ["updated", "pending_approval"]
    );
    assert_eq!(app.account_state(ids[0]).await.1, 500_000);
    let account = app
        .get(&format!("/v1/accounts/{}", ids[1]), Some(&manager))
        .await
        .expect(200);
    assert_eq!(
        (&account["balance"], &account["portfolio"]),
        (&json!(1_000_000), &json!("moved"))
    );
    let approval = format!("/v1/approvals/{}", second[1]["approval_id"]);
    let request = app.get(&approval, Some(&manager)).await.expect(200);
    assert_eq!(
        (&request["kind"], &request["required_role"]),
        (&json!("adjustment"), &json!("head"))
    );
    let history = app
        .get(
            &format!("/v1/accounts/{}/adjustments", ids[1]),
            Some(&manager),
        )
        .await
        .expect(200);
    assert_eq!(history["data"][0]["reason"], "placement_update");
    assert_eq!(history["data"][0]["amount"], 500_001);
    app.post(
        &format!("{approval}/approve"),
        Some(&app.token(Role::Head)),
        json!({}),
    )
    .await
    .expect(200);
    assert_eq!(app.account_state(ids[1]).await.1, 1_500_001);
    // Lowering one cent past the limit waits too.
    let third = import(&app, json!([row("RP-3", 499_999)])).await;
    assert_eq!(third[0]["status"], "pending_approval");
    assert_eq!(app.account_state(ids[2]).await.1, 1_000_000);
    verify_ok(&app).await;
}

#[actix_web::test]
async fn the_approval_policy_has_adjustment_max() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let policy = app
        .get("/v1/approval-policy", Some(&head))
        .await
        .expect(200);
    let maxes: Vec<&Value> = ["agent", "team_lead", "manager", "head"]
        .iter()
        .map(|t| &policy[*t]["adjustment_max"])
        .collect();
    assert_eq!(
        maxes,
        [&json!(0), &json!(10_000), &json!(500_000), &Value::Null]
    );
    // Required in a PUT (null is unlimited, absent is an error).
    let mut missing = policy.clone();
    missing["manager"]
        .as_object_mut()
        .unwrap()
        .remove("adjustment_max");
    let put =
        |body: Value| TestApp::req(Method::PUT, "/v1/approval-policy", Some(&head)).set_json(body);
    app.call(put(missing)).await.expect(422);
    let mut raised = policy.clone();
    raised["team_lead"]["adjustment_max"] = json!(20_000);
    app.call(put(raised)).await.expect(200);
    // A policy stored before adjustments existed reads with the contract's defaults.
    app.sql(format!(
        "UPDATE approval_policies SET policy = '{}'",
        json!({"agent": {"settlement_max_discount_bps": 0, "settlement_max_forgiven": 0, "write_off_max": 0, "plan_max_installments": 12},
            "team_lead": {"settlement_max_discount_bps": 2500, "settlement_max_forgiven": 250000, "write_off_max": 100000, "plan_max_installments": 24},
            "manager": {"settlement_max_discount_bps": 5000, "settlement_max_forgiven": 2500000, "write_off_max": 2500000, "plan_max_installments": 60},
            "head": {"settlement_max_discount_bps": null, "settlement_max_forgiven": null, "write_off_max": null, "plan_max_installments": null}})
    ))
    .await;
    let read = app
        .get("/v1/approval-policy", Some(&head))
        .await
        .expect(200);
    assert_eq!(read["team_lead"]["adjustment_max"], 10_000);
}
