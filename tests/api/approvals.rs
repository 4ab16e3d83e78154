//! Approvals under tiered authority with four eyes; escalations and legal referral.

use crate::helpers::{TestApp, in_days};
use arrears::domain::role::Role;
use futures_util::future::join_all;
use serde_json::{Value, json};

fn settlement(account: i64, amount: i64) -> Value {
    json!({"kind": "settlement", "account_id": account, "amount": amount, "reason": "hardship", "due_on": in_days(10)})
}

#[actix_web::test]
async fn a_settlement_is_requested_approved_paid_and_settled() {
    let app = TestApp::new().await;
    let id = app.assigned_account("SET-1", 1_000_000).await;
    let agent = app.token(Role::Agent);
    // 20 % off 10,000.00: a team lead's call.
    let req = app
        .post("/v1/approvals", Some(&agent), settlement(id, 800_000))
        .await
        .expect(201);
    assert_eq!(
        (
            req["status"].as_str(),
            req["required_role"].as_str(),
            req["balance_at_request"].as_i64()
        ),
        (Some("pending"), Some("team_lead"), Some(1_000_000))
    );
    let dup = app
        .post("/v1/approvals", Some(&agent), settlement(id, 900_000))
        .await;
    assert_eq!(
        (dup.status.as_u16(), dup.slug()),
        (409, "duplicate-pending".into())
    );
    let shown = app
        .get(&format!("/v1/accounts/{id}"), Some(&agent))
        .await
        .expect(200);
    assert_eq!(shown["pending_approvals"][0]["id"], req["id"]);
    let approved = app
        .post(
            &format!("/v1/approvals/{}/approve", req["id"]),
            Some(&app.token(Role::TeamLead)),
            json!({"note": "ok"}),
        )
        .await
        .expect(200);
    assert_eq!(approved["status"], "approved");
    assert_eq!(
        app.account_state(id).await,
        ("open".into(), 1_000_000),
        "an approved settlement is an offer"
    );
    app.post(
        &format!("/v1/accounts/{id}/payments"),
        Some(&agent),
        json!({"amount": 500_000, "method": "ach"}),
    )
    .await
    .expect(201);
    assert_eq!(app.account_state(id).await, ("open".into(), 500_000));
    app.post(
        &format!("/v1/accounts/{id}/payments"),
        Some(&agent),
        json!({"amount": 300_000, "method": "ach"}),
    )
    .await
    .expect(201);
    assert_eq!(
        app.account_state(id).await,
        ("settled".into(), 0),
        "paid in full: the rest is forgiven"
    );
    assert_eq!(
        app.get(&format!("/v1/approvals/{}", req["id"]), Some(&agent))
            .await
            .expect(200)["status"],
        "fulfilled"
    );
    let timeline = app
        .get(
            &format!("/v1/accounts/{id}/timeline?limit=500"),
            Some(&agent),
        )
        .await
        .expect(200);
    let fulfilled = timeline["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "settlement.fulfilled")
        .cloned()
        .unwrap();
    assert_eq!(fulfilled["after"]["forgiven"], 200_000);
}

#[actix_web::test]
async fn write_offs_reduce_the_balance_at_once() {
    let app = TestApp::new().await;
    let id = app.assigned_account("WO-1", 300_000).await;
    let agent = app.token(Role::Agent);
    let part = app
        .post(
            "/v1/approvals",
            Some(&agent),
            json!({"kind": "write_off", "account_id": id, "amount": 50_000, "reason": "fees"}),
        )
        .await
        .expect(201);
    assert_eq!(part["required_role"], "team_lead");
    app.post(
        &format!("/v1/approvals/{}/approve", part["id"]),
        Some(&app.token(Role::TeamLead)),
        json!({}),
    )
    .await
    .expect(200);
    assert_eq!(app.account_state(id).await, ("open".into(), 250_000));
    let all = app.post("/v1/approvals", Some(&agent), json!({"kind": "write_off", "account_id": id, "amount": 250_000, "reason": "uncollectable"})).await.expect(201);
    assert_eq!(all["required_role"], "manager");
    let res = app
        .post(
            &format!("/v1/approvals/{}/approve", all["id"]),
            Some(&app.token(Role::TeamLead)),
            json!({}),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (403, "insufficient-authority".into())
    );
    app.post(
        &format!("/v1/approvals/{}/approve", all["id"]),
        Some(&app.token(Role::Manager)),
        json!({}),
    )
    .await
    .expect(200);
    assert_eq!(app.account_state(id).await, ("written_off".into(), 0));
    // A later payment is a recovery, capped at what was written off.
    let p = app.pay(id, 10_000, &agent).await.expect(201);
    assert_eq!(p["recovery"], true);
    app.pay(id, 290_001, &agent).await.expect(422);
}

#[actix_web::test]
async fn four_eyes_team_scope_stale_and_state() {
    let app = TestApp::new().await;
    let id = app.assigned_account("RULE-1", 1_000_000).await;
    let lead = app.token(Role::TeamLead);
    let req = app
        .post("/v1/approvals", Some(&lead), settlement(id, 900_000))
        .await
        .expect(201);
    let approve = format!("/v1/approvals/{}/approve", req["id"]);
    let res = app.post(&approve, Some(&lead), json!({})).await;
    assert_eq!((res.status.as_u16(), res.slug()), (403, "four-eyes".into()));
    app.post(&approve, Some(&app.token(Role::Agent)), json!({}))
        .await
        .expect(403);
    app.post(&approve, Some(&app.token(Role::Admin)), json!({}))
        .await
        .expect(403);
    // A team lead of another team does not see the request at all.
    let other_lead = app
        .post("/v1/users", Some(&app.token(Role::Admin)), json!({"email": "lead2@test.dev", "name": "South Lead", "role": "team_lead", "team_id": app.south, "password": "long enough password"}))
        .await
        .expect(201);
    let south_lead = crate::helpers::Seeded {
        id: other_lead["id"].as_i64().unwrap(),
        email: "lead2@test.dev".into(),
        role: Role::TeamLead,
        team_id: Some(app.south),
    };
    app.post(&approve, Some(&app.token_for(&south_lead)), json!({}))
        .await
        .expect(404);
    // The balance moved since the request: stale.
    app.post(
        &format!("/v1/accounts/{id}/payments"),
        Some(&app.token(Role::Agent)),
        json!({"amount": 1_000, "method": "cash"}),
    )
    .await
    .expect(201);
    let res = app
        .post(&approve, Some(&app.token(Role::Manager)), json!({}))
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "stale-request".into())
    );
    // Cancel: the requester only; then nothing is pending.
    let cancel = format!("/v1/approvals/{}/cancel", req["id"]);
    let res = app
        .post(&cancel, Some(&app.token(Role::Manager)), json!(null))
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (403, "not-requester".into())
    );
    assert_eq!(
        app.post(&cancel, Some(&lead), json!(null))
            .await
            .expect(200)["status"],
        "cancelled"
    );
    let res = app
        .post(&approve, Some(&app.token(Role::Manager)), json!({}))
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "not-pending".into())
    );
    // Request validation.
    for (body, field) in [
        (
            json!({"kind": "settlement", "account_id": id, "amount": 990_000, "reason": "x"}),
            "due_on",
        ),
        (
            json!({"kind": "settlement", "account_id": id, "amount": 990_000, "reason": "x", "due_on": "2020-01-01"}),
            "due_on",
        ),
        (settlement(id, 999_000 + 1), "amount"),
        (
            json!({"kind": "write_off", "account_id": id, "amount": 0, "reason": "x"}),
            "amount",
        ),
        (
            json!({"kind": "arrangement", "account_id": id, "amount": 5, "reason": "x"}),
            "kind",
        ),
        (
            json!({"kind": "write_off", "account_id": 424242, "amount": 5, "reason": "x"}),
            "account_id",
        ),
    ] {
        let res = app.post("/v1/approvals", Some(&lead), body.clone()).await;
        assert_eq!(res.expect(422)["errors"][0]["field"], field, "{body}");
    }
}

#[actix_web::test]
async fn exactly_one_of_eighteen_concurrent_decisions_lands() {
    let app = TestApp::new().await;
    let id = app.assigned_account("RACE-A", 500_000).await;
    let req = app
        .post(
            "/v1/approvals",
            Some(&app.token(Role::Agent)),
            json!({"kind": "write_off", "account_id": id, "amount": 10_000, "reason": "x"}),
        )
        .await
        .expect(201);
    let path = format!("/v1/approvals/{}/approve", req["id"]);
    let tokens = [
        app.token(Role::Head),
        app.token(Role::Manager),
        app.token(Role::TeamLead),
    ];
    let calls = (0..18).map(|i| app.post(&path, Some(&tokens[i % 3]), json!({})));
    let results = join_all(calls).await;
    let won = results.iter().filter(|r| r.status.as_u16() == 200).count();
    assert_eq!(
        won,
        1,
        "{:?}",
        results
            .iter()
            .map(|r| r.status.as_u16())
            .collect::<Vec<_>>()
    );
    assert!(
        results
            .iter()
            .all(|r| matches!(r.status.as_u16(), 200 | 409))
    );
    assert_eq!(app.account_state(id).await.1, 490_000, "written off once");
    let events = app
        .get(
            &format!(
                "/v1/audit-events?entity_type=approval&entity_id={}",
                req["id"]
            ),
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    let decisions = events["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "approval.approved")
        .count();
    assert_eq!(decisions, 1);
}

#[actix_web::test]
async fn bulk_decisions_are_judged_one_by_one() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    let a = app.assigned_account("BULK-1", 100_000).await;
    let b = app.assigned_account("BULK-2", 100_000).await;
    let c = app.assigned_account("BULK-3", 100_000).await;
    let wo = |id: i64, amount: i64| json!({"kind": "write_off", "account_id": id, "amount": amount, "reason": "x"});
    let r1 = app
        .post("/v1/approvals", Some(&agent), wo(a, 1_000))
        .await
        .expect(201);
    let r2 = app
        .post("/v1/approvals", Some(&agent), wo(b, 100_000))
        .await
        .expect(201); // manager level? no: 1,000.00 → team lead
    let r3 = app
        .post(
            "/v1/approvals",
            Some(&app.token(Role::TeamLead)),
            wo(c, 1_000),
        )
        .await
        .expect(201);
    let body = json!({"decisions": [
        {"id": r1["id"], "decision": "approve"},
        {"id": r2["id"], "decision": "reject", "note": "no"},
        {"id": r3["id"], "decision": "approve"},
        {"id": 424242, "decision": "approve"},
    ]});
    let res = app
        .post(
            "/v1/approvals/decisions",
            Some(&app.token(Role::TeamLead)),
            body,
        )
        .await
        .expect(200);
    let statuses: Vec<i64> = res["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_i64().unwrap())
        .collect();
    assert_eq!(statuses, [200, 200, 403, 404]);
    assert_eq!(
        res["results"][2]["problem"]["type"],
        "https://arrears.dev/problems/four-eyes"
    );
    assert_eq!(app.account_state(a).await.1, 99_000);
    assert_eq!(app.account_state(b).await.1, 100_000);
    assert_eq!(
        app.get(&format!("/v1/approvals/{}", r2["id"]), Some(&agent))
            .await
            .expect(200)["status"],
        "rejected"
    );
    // Actionable: what the manager may decide now (r3 only).
    let actionable = app
        .get(
            "/v1/approvals?actionable=true",
            Some(&app.token(Role::Manager)),
        )
        .await
        .expect(200);
    let ids: Vec<i64> = actionable["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [r3["id"].as_i64().unwrap()]);
    assert!(
        app.get(
            "/v1/approvals?actionable=true",
            Some(&app.token(Role::TeamLead))
        )
        .await
        .expect(200)["data"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[actix_web::test]
async fn an_unpaid_settlement_lapses_and_a_rejected_plan_is_cancelled() {
    let app = TestApp::new().await;
    let id = app.assigned_account("LAPSE-1", 100_000).await;
    let agent = app.token(Role::Agent);
    let req = app.post("/v1/approvals", Some(&agent), json!({"kind": "settlement", "account_id": id, "amount": 90_000, "reason": "x", "due_on": in_days(0)})).await.expect(201);
    app.post(
        &format!("/v1/approvals/{}/approve", req["id"]),
        Some(&app.token(Role::TeamLead)),
        json!({}),
    )
    .await
    .expect(200);
    let later = chrono::Utc::now() + chrono::Duration::days(2);
    let report = app
        .db
        .run(move |conn| arrears::workflows::sweep::sweep(conn, later, 3))
        .await
        .unwrap();
    assert_eq!(report.lapsed, 1);
    assert_eq!(
        app.get(&format!("/v1/approvals/{}", req["id"]), Some(&agent))
            .await
            .expect(200)["status"],
        "lapsed"
    );
    // A long plan rejected is cancelled.
    let plan = app.post(&format!("/v1/accounts/{id}/arrangements"), Some(&agent), json!({"kind": "plan", "total": 30_000, "count": 30, "frequency": "weekly", "first_due_on": in_days(1)})).await.expect(201);
    let acc = app
        .get(&format!("/v1/accounts/{id}"), Some(&agent))
        .await
        .expect(200);
    let approval = acc["pending_approvals"][0].clone();
    assert_eq!(approval["required_role"], "manager");
    app.post(
        &format!("/v1/approvals/{}/reject", approval["id"]),
        Some(&app.token(Role::Manager)),
        json!({"note": "too long"}),
    )
    .await
    .expect(200);
    assert_eq!(
        app.get(&format!("/v1/arrangements/{}", plan["id"]), Some(&agent))
            .await
            .expect(200)["status"],
        "cancelled"
    );
}

#[actix_web::test]
async fn the_approval_policy_is_the_heads_to_change() {
    let app = TestApp::new().await;
    let policy = app
        .get("/v1/approval-policy", Some(&app.token(Role::Agent)))
        .await
        .expect(200);
    assert_eq!(policy["team_lead"]["settlement_max_discount_bps"], 2500);
    assert_eq!(policy["head"]["write_off_max"], Value::Null);
    let put = |token: String, body: Value| {
        app.call(
            TestApp::req(
                actix_web::http::Method::PUT,
                "/v1/approval-policy",
                Some(&token),
            )
            .set_json(body),
        )
    };
    put(app.token(Role::Manager), policy.clone())
        .await
        .expect(403);
    let mut bad = policy.clone();
    bad["manager"]["write_off_max"] = json!(10);
    assert_eq!(
        put(app.token(Role::Head), bad).await.expect(422)["errors"][0]["field"],
        "manager.write_off_max"
    );
    let mut looser = policy.clone();
    looser["team_lead"]["write_off_max"] = json!(1_000_000);
    put(app.token(Role::Head), looser).await.expect(200);
    let id = app.assigned_account("POLICY-1", 900_000).await;
    let req = app
        .post(
            "/v1/approvals",
            Some(&app.token(Role::Agent)),
            json!({"kind": "write_off", "account_id": id, "amount": 900_000, "reason": "x"}),
        )
        .await
        .expect(201);
    assert_eq!(req["required_role"], "team_lead");
}

#[actix_web::test]
async fn escalations_and_legal_referral() {
    let app = TestApp::new().await;
    let id = app.assigned_account("ESC-1", 100_000).await;
    let agent = app.token(Role::Agent);
    let esc = app
        .post(
            &format!("/v1/accounts/{id}/escalations"),
            Some(&agent),
            json!({"reason": "threatens to sue", "to_role": "manager"}),
        )
        .await
        .expect(201);
    assert_eq!(esc["status"], "open");
    let mine = |role: Role| {
        let app = &app;
        async move {
            app.get("/v1/escalations?actionable=true", Some(&app.token(role)))
                .await
                .expect(200)["data"]
                .as_array()
                .unwrap()
                .len()
        }
    };
    assert_eq!(
        (
            mine(Role::TeamLead).await,
            mine(Role::Manager).await,
            mine(Role::Head).await
        ),
        (0, 1, 1)
    );
    let resolve = format!("/v1/escalations/{}/resolve", esc["id"]);
    app.post(
        &resolve,
        Some(&app.token(Role::TeamLead)),
        json!({"note": "x"}),
    )
    .await
    .expect(403);
    assert_eq!(
        app.post(
            &resolve,
            Some(&app.token(Role::Manager)),
            json!({"note": "called back"})
        )
        .await
        .expect(200)["status"],
        "resolved"
    );
    app.post(
        &resolve,
        Some(&app.token(Role::Head)),
        json!({"note": "again"}),
    )
    .await
    .expect(409);
    // Legal referral: manager and above; outbound contacts pause.
    app.post(
        &format!("/v1/accounts/{id}/legal-referral"),
        Some(&app.token(Role::TeamLead)),
        json!({"reason": "x"}),
    )
    .await
    .expect(403);
    let referred = app
        .post(
            &format!("/v1/accounts/{id}/legal-referral"),
            Some(&app.token(Role::Manager)),
            json!({"reason": "no response"}),
        )
        .await
        .expect(201);
    assert_eq!(referred["status"], "legal");
    let v = app
        .get(&format!("/v1/accounts/{id}/contactability"), Some(&agent))
        .await
        .expect(200);
    assert_eq!(v["reasons"], json!(["account_in_legal"]));
    let res = app
        .post(
            &format!("/v1/accounts/{id}/legal-referral"),
            Some(&app.token(Role::Head)),
            json!({"reason": "again"}),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "account-not-open".into())
    );
    app.post(
        &format!("/v1/accounts/{id}/escalations"),
        Some(&app.token_for(&app.south_agent)),
        json!({"reason": "x", "to_role": "head"}),
    )
    .await
    .expect(404);
}

#[actix_web::test]
async fn approval_routes_by_role() {
    let app = TestApp::new().await;
    let roles = Role::ALL;
    let expected = [201, 201, 201, 201, 403, 403];
    for (i, role) in roles.iter().enumerate() {
        let id = app.assigned_account(&format!("AR-{i}"), 10_000).await;
        let res = app
            .post(
                "/v1/approvals",
                Some(&app.token(*role)),
                json!({"kind": "write_off", "account_id": id, "amount": 10, "reason": "x"}),
            )
            .await;
        assert_eq!(res.status.as_u16(), expected[i], "{role:?}");
        for path in ["/v1/approvals", "/v1/approval-policy", "/v1/escalations"] {
            assert_eq!(
                app.get(path, Some(&app.token(*role))).await.status.as_u16(),
                200,
                "GET {path} as {role:?}"
            );
        }
    }
    for path in ["/v1/approvals", "/v1/approvals/decisions"] {
        app.post(path, None, json!({})).await.expect(401);
    }
}

/// The status filters are enums: a value outside them is a 422 naming the parameter, not an
/// empty list that hides a typo.
#[actix_web::test]
async fn status_filters_refuse_unknown_values() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    for path in [
        "/v1/approvals?status=pendng",
        "/v1/escalations?status=closed",
    ] {
        let problem = app.get(path, Some(&head)).await.expect(422);
        assert_eq!(problem["errors"][0]["field"], "status", "{path}: {problem}");
    }
    for path in [
        "/v1/approvals?status=pending",
        "/v1/approvals?status=lapsed",
        "/v1/escalations?status=resolved",
    ] {
        app.get(path, Some(&head)).await.expect(200);
    }
}

#[actix_web::test]
async fn an_account_shows_each_pending_request_once_in_order() {
    let app = TestApp::new().await;
    let id = app.assigned_account("PND-1", 1_000_000).await;
    let agent = app.token(Role::Agent);
    let path = format!("/v1/accounts/{id}");
    let shown = app.get(&path, Some(&agent)).await.expect(200);
    assert_eq!(shown["pending_approvals"], json!([]));
    let first = app
        .post("/v1/approvals", Some(&agent), settlement(id, 900_000))
        .await
        .expect(201);
    let body = json!({"kind": "write_off", "account_id": id, "amount": 250_000, "reason": "uncollectable"});
    let second = app
        .post("/v1/approvals", Some(&agent), body)
        .await
        .expect(201);
    let shown = app.get(&path, Some(&agent)).await.expect(200);
    let ids: Vec<&Value> = shown["pending_approvals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["id"])
        .collect();
    assert_eq!(ids, [&first["id"], &second["id"]]);
    assert_eq!(shown["id"], id);
    // Decided, a request is no longer shown; the other team's agent sees no account at all.
    app.post(
        &format!("/v1/approvals/{}/cancel", first["id"]),
        Some(&agent),
        json!({}),
    )
    .await
    .expect(200);
    let shown = app.get(&path, Some(&agent)).await.expect(200);
    assert_eq!(shown["pending_approvals"].as_array().unwrap().len(), 1);
    let south = app.token_for(&app.south_agent);
    app.get(&path, Some(&south)).await.expect(404);
}
