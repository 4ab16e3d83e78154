//! Arrangements, payments, reversals and the sweep.

use crate::helpers::{TestApp, column, in_days, today};
use arrears::domain::role::Role;
use chrono::{Datelike, Days, NaiveDate, Utc};
use futures_util::future::join_all;
use serde_json::{Value, json};

#[actix_web::test]
async fn generated_plans_handle_month_ends_and_remainders() {
    let app = TestApp::new().await;
    let id = app.assigned_account("SCH-1", 100_000).await;
    let jan31 = NaiveDate::from_ymd_opt(today().year() + 1, 1, 31).unwrap();
    let body = json!({"kind": "plan", "total": 10_000, "count": 3, "frequency": "monthly", "first_due_on": jan31});
    let plan = app
        .post(
            &format!("/v1/accounts/{id}/arrangements"),
            Some(&app.token(Role::Agent)),
            body,
        )
        .await
        .expect(201);
    let due: Vec<&str> = plan["installments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["due_on"].as_str().unwrap())
        .collect();
    let y = jan31.year();
    let feb_end = if NaiveDate::from_ymd_opt(y, 2, 29).is_some() {
        29
    } else {
        28
    };
    assert_eq!(
        due,
        [
            format!("{y}-01-31"),
            format!("{y}-02-{feb_end}"),
            format!("{y}-03-31")
        ]
    );
    let amounts: Vec<i64> = plan["installments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["amount"].as_i64().unwrap())
        .collect();
    assert_eq!(amounts, [3333, 3333, 3334]);
    assert_eq!(
        (plan["status"].as_str(), plan["total_amount"].as_i64()),
        (Some("active"), Some(10_000))
    );
    assert_eq!(app.account_state(id).await.0, "in_arrangement");
    // One live arrangement per account.
    let again = app
        .post(
            &format!("/v1/accounts/{id}/arrangements"),
            Some(&app.token(Role::Agent)),
            json!({"kind": "promise", "amount": 100, "due_on": in_days(1)}),
        )
        .await;
    assert_eq!(
        (again.status.as_u16(), again.slug()),
        (409, "arrangement-exists".into())
    );
}

#[actix_web::test]
async fn arrangement_validation() {
    let app = TestApp::new().await;
    let id = app.assigned_account("VAL-1", 10_000).await;
    let agent = app.token(Role::Agent);
    let path = format!("/v1/accounts/{id}/arrangements");
    let cases = [
        (
            json!({"kind": "promise", "amount": 100, "due_on": (today() - Days::new(1)).to_string()}),
            "installments[0].due_on",
        ),
        (
            json!({"kind": "promise", "amount": 0, "due_on": in_days(1)}),
            "installments[0].amount",
        ),
        (
            json!({"kind": "promise", "amount": 10_001, "due_on": in_days(1)}),
            "installments",
        ),
        (json!({"kind": "promise", "amount": 100}), "due_on"),
        (
            json!({"kind": "promise", "amount": 100, "due_on": in_days(1), "count": 2}),
            "count",
        ),
        (
            json!({"kind": "plan", "installments": [{"due_on": in_days(9), "amount": 10}, {"due_on": in_days(9), "amount": 10}]}),
            "installments[1].due_on",
        ),
        (
            json!({"kind": "plan", "total": 100, "count": 61, "frequency": "weekly", "first_due_on": in_days(1)}),
            "count",
        ),
        (
            json!({"kind": "plan", "total": 100, "count": 2, "frequency": "daily", "first_due_on": in_days(1)}),
            "frequency",
        ),
        (
            json!({"kind": "plan", "total": 100, "count": 2}),
            "first_due_on",
        ),
        (json!({"kind": "plan", "installments": []}), "installments"),
    ];
    for (body, field) in cases {
        let res = app.post(&path, Some(&agent), body.clone()).await;
        let fields: Vec<String> = res.expect(422)["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap().to_owned())
            .collect();
        assert!(fields.contains(&field.to_owned()), "{body}: {fields:?}");
    }
    assert_eq!(app.account_state(id).await.0, "open", "nothing was created");
}

#[actix_web::test]
async fn plan_length_limits_by_role_and_cancel_rules() {
    let app = TestApp::new().await;
    let a1 = app.assigned_account("LIM-1", 100_000).await;
    let a2 = app.assigned_account("LIM-2", 100_000).await;
    let long = |n: i64| json!({"kind": "plan", "total": 13_000, "count": n, "frequency": "weekly", "first_due_on": in_days(1)});
    // Over the agent's 12: created pending approval, with a request only a team lead or above may decide.
    let pending = app
        .post(
            &format!("/v1/accounts/{a1}/arrangements"),
            Some(&app.token(Role::Agent)),
            long(13),
        )
        .await
        .expect(201);
    assert_eq!(pending["status"], "pending_approval");
    let account = app
        .get(&format!("/v1/accounts/{a1}"), Some(&app.token(Role::Agent)))
        .await
        .expect(200);
    assert_eq!(account["status"], "open");
    assert_eq!(
        (
            account["pending_approvals"][0]["kind"].as_str(),
            account["pending_approvals"][0]["required_role"].as_str()
        ),
        (Some("arrangement"), Some("team_lead"))
    );
    app.post(
        &format!(
            "/v1/approvals/{}/approve",
            account["pending_approvals"][0]["id"]
        ),
        Some(&app.token(Role::TeamLead)),
        json!({}),
    )
    .await
    .expect(200);
    let active = app
        .get(
            &format!("/v1/arrangements/{}", pending["id"]),
            Some(&app.token(Role::Agent)),
        )
        .await
        .expect(200);
    assert_eq!(active["status"], "active");
    assert_eq!(app.account_state(a1).await.0, "in_arrangement");
    let lead_plan = app
        .post(
            &format!("/v1/accounts/{a2}/arrangements"),
            Some(&app.token(Role::TeamLead)),
            long(13),
        )
        .await
        .expect(201);
    // The agent did not create the lead's plan: they may not cancel it; the lead may.
    let cancel = format!("/v1/arrangements/{}/cancel", lead_plan["id"]);
    let res = app
        .post(&cancel, Some(&app.token(Role::Agent)), json!(null))
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (403, "not-creator".into())
    );
    let cancelled = app
        .post(&cancel, Some(&app.token(Role::TeamLead)), json!(null))
        .await
        .expect(200);
    assert_eq!(cancelled["status"], "cancelled");
    assert!(cancelled["ended_at"].is_string());
    assert_eq!(app.account_state(a2).await.0, "open");
    let res = app
        .post(&cancel, Some(&app.token(Role::Manager)), json!(null))
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "arrangement-not-live".into())
    );
    // Outside scope: the south agent sees neither the plan nor the account.
    app.get(
        &format!("/v1/arrangements/{}", lead_plan["id"]),
        Some(&app.token_for(&app.south_agent)),
    )
    .await
    .expect(404);
    let listed = app
        .get(
            &format!("/v1/accounts/{a2}/arrangements"),
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    assert_eq!(listed["data"][0]["status"], "cancelled");
}

#[actix_web::test]
async fn payments_are_allocated_oldest_first_and_complete_the_account() {
    let app = TestApp::new().await;
    let id = app.assigned_account("PAY-1", 30_000).await;
    let agent = app.token(Role::Agent);
    let plan = app
        .post(&format!("/v1/accounts/{id}/arrangements"), Some(&agent), json!({"kind": "plan", "total": 30_000, "count": 3, "frequency": "monthly", "first_due_on": in_days(5)}))
        .await
        .expect(201);
    let pay = |amount: i64, reference: &str| json!({"amount": amount, "method": "card", "reference": reference});
    let p1 = app
        .post(
            &format!("/v1/accounts/{id}/payments"),
            Some(&agent),
            pay(4_000, "R1"),
        )
        .await
        .expect(201);
    assert_eq!(
        (p1["arrangement_id"].clone(), p1["recovery"].clone()),
        (plan["id"].clone(), json!(false))
    );
    app.post(
        &format!("/v1/accounts/{id}/payments"),
        Some(&agent),
        pay(12_000, "R2"),
    )
    .await
    .expect(201);
    let arr = app
        .get(&format!("/v1/arrangements/{}", plan["id"]), Some(&agent))
        .await
        .expect(200);
    let inst: Vec<(i64, &str)> = arr["installments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["paid_amount"].as_i64().unwrap(),
                i["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        inst,
        [(10_000, "paid"), (6_000, "partially_paid"), (0, "pending")]
    );
    assert_eq!(arr["paid_amount"], 16_000);
    assert_eq!(
        app.account_state(id).await,
        ("in_arrangement".into(), 14_000)
    );
    // Refusals change nothing.
    let res = app
        .post(
            &format!("/v1/accounts/{id}/payments"),
            Some(&agent),
            pay(14_001, "R3"),
        )
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "amount");
    let res = app
        .post(
            &format!("/v1/accounts/{id}/payments"),
            Some(&agent),
            pay(1, "R1"),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "duplicate-reference".into())
    );
    let res = app
        .post(
            &format!("/v1/accounts/{id}/payments"),
            Some(&agent),
            json!({"amount": 1, "method": "card", "received_on": in_days(1)}),
        )
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "received_on");
    app.post(
        &format!("/v1/accounts/{id}/payments"),
        Some(&agent),
        json!({"amount": 1, "method": "bitcoin"}),
    )
    .await
    .expect(422);
    app.pay(id, 0, &agent).await.expect(422);
    assert_eq!(
        app.account_state(id).await,
        ("in_arrangement".into(), 14_000)
    );
    // The last payment pays everything: plan completed, account paid.
    app.post(
        &format!("/v1/accounts/{id}/payments"),
        Some(&agent),
        pay(14_000, "R4"),
    )
    .await
    .expect(201);
    assert_eq!(app.account_state(id).await, ("paid".into(), 0));
    let arr = app
        .get(&format!("/v1/arrangements/{}", plan["id"]), Some(&agent))
        .await
        .expect(200);
    assert_eq!(arr["status"], "completed");
    let res = app
        .post(
            &format!("/v1/accounts/{id}/payments"),
            Some(&agent),
            pay(1, "R5"),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "account-closed".into())
    );
    // The timeline tells the story.
    let timeline = app
        .get(
            &format!("/v1/accounts/{id}/timeline?limit=500"),
            Some(&agent),
        )
        .await
        .expect(200);
    let actions: Vec<&str> = column(&timeline, "action");
    for a in [
        "arrangement.created",
        "payment.recorded",
        "account.balance_changed",
        "arrangement.completed",
        "account.status_changed",
    ] {
        assert!(actions.contains(&a), "{a} missing from {actions:?}");
    }
    assert_eq!(
        app.get("/v1/audit-events/verify", Some(&app.token(Role::Auditor)))
            .await
            .expect(200)["ok"],
        true
    );
}

#[actix_web::test]
async fn concurrent_payments_never_overdraw() {
    let app = TestApp::new().await;
    let id = app.assigned_account("RACE-1", 10_000).await;
    let agent = app.token(Role::Agent);
    let path = format!("/v1/accounts/{id}/payments");
    let calls = (0..16).map(|i| {
        app.post(
            &path,
            Some(&agent),
            json!({"amount": 1_000, "method": "ach", "reference": format!("C{i}")}),
        )
    });
    let results = join_all(calls).await;
    let accepted = results.iter().filter(|r| r.status.as_u16() == 201).count() as i64;
    for r in &results {
        assert!(
            matches!(r.status.as_u16(), 201 | 422 | 409),
            "{}",
            String::from_utf8_lossy(&r.body)
        );
    }
    assert_eq!(accepted, 10);
    assert_eq!(app.account_state(id).await, ("paid".into(), 0));
    let listed = app
        .get(
            &format!("/v1/accounts/{id}/payments?limit=500"),
            Some(&agent),
        )
        .await
        .expect(200);
    let sum: i64 = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["amount"].as_i64().unwrap())
        .sum();
    assert_eq!(sum, 10_000);
}

#[actix_web::test]
async fn a_payment_retried_with_its_key_is_recorded_once() {
    let app = TestApp::new().await;
    let id = app.assigned_account("IDEM-1", 10_000).await;
    let agent = app.token(Role::Agent);
    let body = json!({"amount": 2_500, "method": "card"});
    let first = app
        .post_with_key(
            &format!("/v1/accounts/{id}/payments"),
            &agent,
            "pay-once",
            body.clone(),
        )
        .await
        .expect(201);
    let again = app
        .post_with_key(
            &format!("/v1/accounts/{id}/payments"),
            &agent,
            "pay-once",
            body,
        )
        .await;
    assert_eq!(again.expect(201), first);
    assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(app.account_state(id).await.1, 7_500);
}

#[actix_web::test]
async fn reversal_restores_balance_and_installments_exactly() {
    let app = TestApp::new().await;
    let id = app.assigned_account("REV-1", 20_000).await;
    let agent = app.token(Role::Agent);
    let plan = app
        .post(&format!("/v1/accounts/{id}/arrangements"), Some(&agent), json!({"kind": "plan", "installments": [{"due_on": in_days(3), "amount": 10_000}, {"due_on": in_days(33), "amount": 10_000}]}))
        .await
        .expect(201);
    let p = app
        .post(
            &format!("/v1/accounts/{id}/payments"),
            Some(&agent),
            json!({"amount": 20_000, "method": "check"}),
        )
        .await
        .expect(201);
    assert_eq!(app.account_state(id).await, ("paid".into(), 0));
    let reverse = format!("/v1/payments/{}/reverse", p["id"]);
    app.post(&reverse, Some(&agent), json!({"reason": "bounced"}))
        .await
        .expect(403);
    app.post(&reverse, Some(&app.token(Role::TeamLead)), json!({}))
        .await
        .expect(422);
    let reversed = app
        .post(
            &reverse,
            Some(&app.token(Role::TeamLead)),
            json!({"reason": "bounced"}),
        )
        .await
        .expect(200);
    assert_eq!(reversed["reversal_reason"], "bounced");
    assert_eq!(
        app.account_state(id).await,
        ("in_arrangement".into(), 20_000)
    );
    let arr = app
        .get(&format!("/v1/arrangements/{}", plan["id"]), Some(&agent))
        .await
        .expect(200);
    assert_eq!(arr["status"], "active");
    assert_eq!(arr["paid_amount"], 0);
    assert!(
        arr["installments"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["paid_amount"] == 0 && i["status"] == "pending")
    );
    let res = app
        .post(
            &reverse,
            Some(&app.token(Role::Manager)),
            json!({"reason": "again"}),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "already-reversed".into())
    );
}

#[actix_web::test]
async fn the_sweep_breaks_overdue_arrangements_once() {
    let app = TestApp::new().await;
    let id = app.assigned_account("SWP-1", 50_000).await;
    let agent = app.token(Role::Agent);
    let other = app.assigned_account("SWP-2", 90_000).await;
    let plan = app
        .post(
            &format!("/v1/accounts/{id}/arrangements"),
            Some(&agent),
            json!({"kind": "promise", "amount": 5_000, "due_on": in_days(0)}),
        )
        .await
        .expect(201);
    // A promise due today is at the top of the queue, above a larger, older account.
    let queue = app.get("/v1/queue", Some(&agent)).await.expect(200);
    assert_eq!(
        (
            queue["data"][0]["account_id"].as_i64(),
            queue["data"][0]["reason"].as_str()
        ),
        (Some(id), Some("promise_due"))
    );
    let sweep = |days: u64| {
        let at = Utc::now() + chrono::Duration::days(days as i64);
        app.db
            .run(move |conn| arrears::workflows::sweep::sweep(conn, at, 3))
    };
    // Within the grace period nothing happens.
    assert_eq!(sweep(3).await.unwrap().broken, 0);
    let report = sweep(4).await.unwrap();
    assert_eq!((report.broken, report.missed), (1, 1));
    assert_eq!(
        sweep(4).await.unwrap().broken,
        0,
        "a second sweep changes nothing"
    );
    let arr = app
        .get(&format!("/v1/arrangements/{}", plan["id"]), Some(&agent))
        .await
        .expect(200);
    assert_eq!(
        (
            arr["status"].as_str(),
            arr["installments"][0]["status"].as_str()
        ),
        (Some("broken"), Some("missed"))
    );
    assert_eq!(app.account_state(id).await.0, "open");
    let queue = app.get("/v1/queue", Some(&agent)).await.expect(200);
    assert_eq!(
        (
            queue["data"][0]["account_id"].as_i64(),
            queue["data"][0]["reason"].as_str()
        ),
        (Some(id), Some("broken_arrangement"))
    );
    assert_eq!(queue["data"][1]["account_id"].as_i64(), Some(other));
}

#[actix_web::test]
async fn recoveries_on_written_off_accounts() {
    let app = TestApp::new().await;
    let id = app.assigned_account("WO-1", 10_000).await;
    app.sql(format!("UPDATE accounts SET status = 'written_off', written_off_amount = 10000, balance = 0, principal = 0 WHERE id = {id}")).await;
    let agent = app.token(Role::Agent);
    let p = app.pay(id, 6_000, &agent).await.expect(201);
    assert_eq!(p["recovery"], true);
    assert_eq!(app.account_state(id).await, ("written_off".into(), 0));
    let res = app.pay(id, 4_001, &agent).await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "amount");
    app.pay(id, 4_000, &agent).await.expect(201);
    app.post(
        &format!("/v1/payments/{}/reverse", p["id"]),
        Some(&app.token(Role::Head)),
        json!({"reason": "chargeback"}),
    )
    .await
    .expect(200);
    app.pay(id, 6_000, &agent).await.expect(201);
}

#[actix_web::test]
async fn money_routes_by_role() {
    let app = TestApp::new().await;
    let roles = Role::ALL;
    let expected_write = [201, 201, 201, 201, 403, 403];
    for (i, role) in roles.iter().enumerate() {
        let id = app.assigned_account(&format!("ROLE-{i}"), 10_000).await;
        let token = app.token(*role);
        let res = app
            .post(
                &format!("/v1/accounts/{id}/arrangements"),
                Some(&token),
                json!({"kind": "promise", "amount": 100, "due_on": in_days(2)}),
            )
            .await;
        assert_eq!(
            res.status.as_u16(),
            expected_write[i],
            "arrangement as {role:?}"
        );
        let res = app.pay(id, 100, &token).await;
        assert_eq!(
            res.status.as_u16(),
            expected_write[i],
            "payment as {role:?}"
        );
        for path in [
            format!("/v1/accounts/{id}/arrangements"),
            format!("/v1/accounts/{id}/payments"),
        ] {
            assert_eq!(
                app.get(&path, Some(&token)).await.status.as_u16(),
                200,
                "GET {path} as {role:?}"
            );
        }
    }
    // The south agent sees none of these accounts' money.
    let south = app.token_for(&app.south_agent);
    let any: Value = app
        .get("/v1/accounts", Some(&app.token(Role::Head)))
        .await
        .expect(200)["data"][0]
        .clone();
    app.get(
        &format!("/v1/accounts/{}/payments", any["id"]),
        Some(&south),
    )
    .await
    .expect(404);
    app.post(
        &format!("/v1/accounts/{}/payments", any["id"]),
        Some(&south),
        json!({"amount": 1, "method": "cash"}),
    )
    .await
    .expect(404);
}

#[actix_web::test]
async fn a_promise_paid_in_full_is_kept() {
    let app = TestApp::new().await;
    let id = app.assigned_account("KEPT-1", 10_000).await;
    let agent = app.token(Role::Agent);
    let promise = app
        .post(
            &format!("/v1/accounts/{id}/arrangements"),
            Some(&agent),
            json!({"kind": "promise", "amount": 4_000, "due_on": in_days(7)}),
        )
        .await
        .expect(201);
    app.post(
        &format!("/v1/accounts/{id}/payments"),
        Some(&agent),
        json!({"amount": 1_500, "method": "card"}),
    )
    .await
    .expect(201);
    app.post(
        &format!("/v1/accounts/{id}/payments"),
        Some(&agent),
        json!({"amount": 2_500, "method": "card"}),
    )
    .await
    .expect(201);
    let kept = app
        .get(&format!("/v1/arrangements/{}", promise["id"]), Some(&agent))
        .await
        .expect(200);
    assert_eq!(
        (kept["status"].as_str(), kept["paid_amount"].as_i64()),
        (Some("completed"), Some(4_000))
    );
    assert_eq!(app.account_state(id).await, ("open".into(), 6_000));
    let timeline = app
        .get(&format!("/v1/accounts/{id}/timeline"), Some(&agent))
        .await
        .expect(200);
    assert!(
        timeline["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "arrangement.kept")
    );
    // The sweep leaves a kept promise alone.
    let later = Utc::now() + chrono::Duration::days(30);
    assert_eq!(
        app.db
            .run(move |conn| arrears::workflows::sweep::sweep(conn, later, 3))
            .await
            .unwrap()
            .broken,
        0
    );
}
