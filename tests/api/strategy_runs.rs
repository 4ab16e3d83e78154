//! Strategy runs on a clock the tests move: every action, each step once (also under two
//! concurrent runs), communications blocked or waiting for the debtor's hours, the pick-up
//! interface, review tasks, the standing settlement offer, segment changes and the account's view.

use crate::helpers::{TestApp, Travel};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

/// A debtor in New York with a phone and an email, and `flags` set (e.g. `cease_communication`).
async fn debtor(app: &TestApp, name: &str, flags: Value) -> i64 {
    let body = json!({"name": name, "phone": "(201) 555-0123", "email": "debtor@example.com",
        "timezone": "America/New_York", "region": "NJ"});
    let head = app.token(Role::Head);
    let id = app.post("/v1/debtors", Some(&head), body).await.expect(201)["id"]
        .as_i64()
        .unwrap();
    if flags.as_object().is_some_and(|f| !f.is_empty()) {
        app.call(
            TestApp::req(Method::PATCH, &format!("/v1/debtors/{id}"), Some(&head)).set_json(flags),
        )
        .await
        .expect(200);
    }
    id
}

/// A north account of `balance`, delinquent since `since`, assigned to the north agent.
async fn account(
    app: &TestApp,
    external_ref: &str,
    balance: i64,
    since: &str,
    flags: Value,
) -> i64 {
    let debtor = debtor(app, &format!("Debtor {external_ref}"), flags).await;
    let body = json!({"external_ref": external_ref, "debtor_id": debtor, "original_amount": balance,
        "balance": balance, "delinquent_since": since, "team_id": app.north, "portfolio": "cards"});
    let id = app
        .post("/v1/accounts", Some(&app.token(Role::Head)), body)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    app.assign(&[id], app.user(Role::Agent).id).await;
    id
}

/// Creates and activates a strategy; answers its id.
async fn activate(app: &TestApp, definition: Value) -> i64 {
    let id = app
        .post(
            "/v1/strategies",
            Some(&app.token(Role::Manager)),
            definition,
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    app.post(
        &format!("/v1/strategies/{id}/activate"),
        Some(&app.token(Role::Head)),
        json!({}),
    )
    .await
    .expect(200);
    id
}

/// Starts a run and waits for its end; answers the finished run.
async fn run(app: &TestApp) -> Value {
    let manager = app.token(Role::Manager);
    let res = app
        .post("/v1/strategy-runs", Some(&manager), json!({}))
        .await;
    let started = res.expect(202);
    assert_eq!(started["status"], "running");
    let location = res.header("location").unwrap();
    assert_eq!(location, format!("/v1/strategy-runs/{}", started["id"]));
    let finished = wait(app, &location).await;
    crate::operations::strategy_run_counted(app).await;
    finished
}

async fn wait(app: &TestApp, location: &str) -> Value {
    let manager = app.token(Role::Manager);
    for _ in 0..600 {
        let now = app.get(location, Some(&manager)).await.expect(200);
        if now["status"] != "running" {
            assert_eq!(now["status"], "finished", "{now}");
            return now;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the run did not finish");
}

fn every_action() -> Value {
    json!({"name": "every action", "segments": [{"name": "all", "criteria": {}, "treatment": [
        {"day": 0, "action": "call"},
        {"day": 0, "action": "sms", "template": "r1"},
        {"day": 0, "action": "email", "template": "e1"},
        {"day": 0, "action": "letter", "template": "l1"},
        {"day": 0, "action": "review"},
        {"day": 0, "action": "settlement_offer", "discount_percent": 20},
        {"day": 0, "action": "escalate"},
        {"day": 2, "action": "sms", "template": "r2"}]}]})
}

fn list(page: &Value) -> &Vec<Value> {
    page["data"].as_array().unwrap()
}

#[actix_web::test]
async fn a_run_takes_every_action_once_and_the_next_steps_on_their_day() {
    let t = Travel::new().await;
    let app = &t.app;
    let a = account(app, "S-A", 100_000, "2026-08-01", json!({})).await;
    let b = account(
        app,
        "S-B",
        50_000,
        "2026-08-01",
        json!({"cease_communication": true}),
    )
    .await;
    let manager = app.token(Role::Manager);
    app.post("/v1/strategy-runs", Some(&manager), json!({}))
        .await
        .expect(409);
    activate(app, every_action()).await;
    let first = run(app).await;
    assert_eq!(first["accounts_evaluated"], 2);
    assert_eq!(
        first["actions"],
        json!({"call": 2, "sms": 2, "email": 2, "letter": 2, "review": 2, "settlement_offer": 2, "escalate": 2})
    );
    assert_eq!(first["blocked"], 3, "B's three messages: cease");

    // Communications: A's pending (16:00 UTC is within New York's hours), B's blocked.
    let comms = app
        .get("/v1/communications", Some(&manager))
        .await
        .expect(200);
    let of = |id: i64| -> Vec<&Value> {
        list(&comms)
            .iter()
            .filter(|c| c["account_id"] == id)
            .collect()
    };
    assert_eq!(of(a).len(), 3);
    assert!(
        of(a)
            .iter()
            .all(|c| c["status"] == "pending" && c["send_after"].is_null())
    );
    assert!(
        of(b)
            .iter()
            .all(|c| c["status"] == "blocked" && c["reasons"] == json!(["cease_communication"]))
    );
    assert_eq!(
        of(a)
            .iter()
            .map(|c| c["channel"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["sms", "email", "letter"]
    );

    // The review tasks go to the north team lead; the escalations to team leads.
    let lead = app.token(Role::TeamLead);
    let tasks = app
        .get("/v1/tasks?status=open", Some(&lead))
        .await
        .expect(200);
    assert_eq!(list(&tasks).len(), 2);
    assert!(
        list(&tasks)
            .iter()
            .all(|x| x["assignee_id"] == app.user(Role::TeamLead).id && x["kind"] == "review")
    );
    let escalations = app.get("/v1/escalations", Some(&manager)).await.expect(200);
    assert_eq!(list(&escalations).len(), 2);
    assert!(
        list(&escalations)
            .iter()
            .all(|e| e["to_role"] == "team_lead" && e["raised_by"].is_null())
    );

    // The call: A is at the top of its agent's queue, for the strategy.
    let agent = app.token(Role::Agent);
    let queue = app.get("/v1/queue", Some(&agent)).await.expect(200);
    let item = list(&queue)
        .iter()
        .find(|i| i["account_id"] == a)
        .unwrap()
        .clone();
    assert_eq!(item["reason"], "strategy_call");

    // The account's view and timeline.
    let view = app
        .get(&format!("/v1/accounts/{a}/strategy"), Some(&agent))
        .await
        .expect(200);
    assert_eq!(
        (&view["segment"], &view["arm"], &view["entered_on"]),
        (&json!("all"), &json!("champion"), &json!("2026-09-01"))
    );
    assert_eq!(view["steps_taken"].as_array().unwrap().len(), 7);
    assert_eq!(
        view["next_step"],
        json!({"day": 2, "action": "sms", "due_on": "2026-09-03"})
    );
    let timeline = app
        .get(
            &format!("/v1/accounts/{a}/timeline?limit=100"),
            Some(&agent),
        )
        .await
        .expect(200);
    let steps: Vec<&Value> = list(&timeline)
        .iter()
        .filter(|e| e["action"] == "strategy.step_taken")
        .collect();
    assert_eq!(steps.len(), 7);
    // A message step's event records the communication it made.
    let sms = steps
        .iter()
        .find(|e| e["after"]["action"] == "sms")
        .unwrap();
    assert_eq!(
        (
            &sms["after"]["communication"]["channel"],
            &sms["after"]["communication"]["status"]
        ),
        (&json!("sms"), &json!("pending"))
    );
    assert!(
        steps
            .iter()
            .filter(|e| e["after"]["action"] == "call")
            .all(|e| e["after"]["communication"].is_null())
    );

    // The same day again: nothing is due. Two days on: the day-2 step.
    let again = run(app).await;
    assert_eq!(
        (&again["accounts_evaluated"], &again["actions"]),
        (&json!(2), &json!({}))
    );
    t.at("2026-09-02");
    assert_eq!(run(app).await["actions"], json!({}));
    t.at("2026-09-03");
    assert_eq!(run(app).await["actions"], json!({"sms": 2}));
    let view = app
        .get(&format!("/v1/accounts/{a}/strategy"), Some(&agent))
        .await
        .expect(200);
    assert!(view["next_step"].is_null());
    // Yesterday's call no longer ranks the account.
    let queue = app.get("/v1/queue", Some(&agent)).await.expect(200);
    let item = list(&queue)
        .iter()
        .find(|i| i["account_id"] == a)
        .unwrap()
        .clone();
    assert_ne!(item["reason"], "strategy_call");

    // A task is completed once; another team's lead does not see it.
    let task = list(&tasks)[0]["id"].as_i64().unwrap();
    let done = app
        .post(
            &format!("/v1/tasks/{task}/complete"),
            Some(&lead),
            json!({}),
        )
        .await
        .expect(200);
    assert_eq!(
        (&done["status"], &done["completed_by"]),
        (&json!("done"), &json!(app.user(Role::TeamLead).id))
    );
    assert_eq!(
        app.post(
            &format!("/v1/tasks/{task}/complete"),
            Some(&lead),
            json!({})
        )
        .await
        .slug(),
        "task-done"
    );
    let south_lead = south_lead_token(app).await;
    app.post(
        &format!("/v1/tasks/{}/complete", list(&tasks)[1]["id"]),
        Some(&south_lead),
        json!({}),
    )
    .await
    .expect(404);
    let seen = app.get("/v1/tasks", Some(&south_lead)).await.expect(200);
    assert!(list(&seen).is_empty());
}

/// A team lead of the south team.
async fn south_lead_token(app: &TestApp) -> String {
    let body = json!({"email": "south.lead@test.dev", "name": "South Lead", "role": "team_lead",
        "team_id": app.south, "password": crate::helpers::PASSWORD});
    let id = app
        .post("/v1/users", Some(&app.token(Role::Admin)), body)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    app.token_for(&crate::helpers::Seeded {
        id,
        email: "south.lead@test.dev".into(),
        role: Role::TeamLead,
        team_id: Some(app.south),
    })
}

#[actix_web::test]
async fn two_concurrent_runs_take_each_step_once() {
    let t = Travel::new().await;
    let app = &t.app;
    let mut ids = Vec::new();
    for i in 0..40 {
        ids.push(account(app, &format!("C-{i}"), 10_000 + i, "2026-08-01", json!({})).await);
    }
    activate(app, every_action()).await;
    let manager = app.token(Role::Manager);
    let (x, y) = futures_util::future::join(
        app.post("/v1/strategy-runs", Some(&manager), json!({})),
        app.post("/v1/strategy-runs", Some(&manager), json!({})),
    )
    .await;
    let (x, y) = (x.header("location").unwrap(), y.header("location").unwrap());
    assert_ne!(x, y);
    let (x, y) = futures_util::future::join(wait(app, &x), wait(app, &y)).await;
    for action in [
        "call",
        "sms",
        "email",
        "letter",
        "review",
        "settlement_offer",
        "escalate",
    ] {
        let n =
            x["actions"][action].as_i64().unwrap_or(0) + y["actions"][action].as_i64().unwrap_or(0);
        assert_eq!(n, 40, "{action}: {x} {y}");
    }
    let comms = app
        .get("/v1/communications?limit=500", Some(&manager))
        .await
        .expect(200);
    assert_eq!(list(&comms).len(), 120);
    let tasks = app
        .get("/v1/tasks?limit=500", Some(&manager))
        .await
        .expect(200);
    assert_eq!(list(&tasks).len(), 40);
}

#[actix_web::test]
async fn messages_wait_for_the_debtors_hours_and_sending_rechecks_the_rules() {
    let t = Travel::new().await;
    let app = &t.app;
    let a = account(app, "M-A", 100_000, "2026-08-01", json!({})).await;
    let dnc = account(
        app,
        "M-B",
        100_000,
        "2026-08-01",
        json!({"do_not_sms": true}),
    )
    .await;
    activate(
        app,
        json!({"name": "messages", "segments": [{"name": "all", "criteria": {}, "treatment": [
        {"day": 0, "action": "sms", "template": "r1"},
        {"day": 0, "action": "letter", "template": "l1"},
        {"day": 0, "action": "email", "template": "e1"}]}]}),
    )
    .await;
    // 03:00 UTC is 23:00 in New York: the SMS and the email wait until 08:00 there (12:00 UTC
    // in September); a letter has no hours.
    t.at_hour("2026-09-01", 3);
    let r = run(app).await;
    assert_eq!(r["blocked"], 1, "the SMS to a debtor who opted out of SMS");
    let manager = app.token(Role::Manager);
    let comms = app
        .get("/v1/communications?status=pending", Some(&manager))
        .await
        .expect(200);
    let sms = list(&comms)
        .iter()
        .find(|c| c["account_id"] == a && c["channel"] == "sms")
        .unwrap()
        .clone();
    assert_eq!(sms["send_after"], "2026-09-01T12:00:00.000000Z");
    let letter = list(&comms)
        .iter()
        .find(|c| c["account_id"] == a && c["channel"] == "letter")
        .unwrap()
        .clone();
    assert!(letter["send_after"].is_null());
    let blocked = app
        .get(
            "/v1/communications?status=blocked&channel=sms",
            Some(&manager),
        )
        .await
        .expect(200);
    assert_eq!(list(&blocked).len(), 1);
    assert_eq!(
        (
            &list(&blocked)[0]["account_id"],
            &list(&blocked)[0]["reasons"]
        ),
        (&json!(dnc), &json!(["do_not_sms"]))
    );
    let ready = app
        .get("/v1/communications?ready=true", Some(&manager))
        .await
        .expect(200);
    assert_eq!(
        list(&ready)
            .iter()
            .map(|c| c["channel"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["letter", "letter"]
    );
    // Too early to send the SMS: refused, still pending.
    let early = app
        .post(
            &format!("/v1/communications/{}/sent", sms["id"]),
            Some(&manager),
            json!({}),
        )
        .await;
    assert_eq!(early.slug(), "contact-not-permitted");
    assert_eq!(
        early.json()["next_allowed_at"],
        "2026-09-01T12:00:00.000000Z"
    );
    t.at_hour("2026-09-01", 13);
    let ready = app
        .get("/v1/communications?ready=true&channel=sms", Some(&manager))
        .await
        .expect(200);
    assert_eq!(list(&ready).len(), 1);
    // The letter goes out; the debtor then asks us to stop: the SMS is blocked when sent.
    let sent = app
        .post(
            &format!("/v1/communications/{}/sent", letter["id"]),
            Some(&manager),
            json!({}),
        )
        .await
        .expect(200);
    assert_eq!(sent["status"], "sent");
    let again = app
        .post(
            &format!("/v1/communications/{}/sent", letter["id"]),
            Some(&manager),
            json!({}),
        )
        .await;
    assert_eq!(again.slug(), "communication-closed");
    let debtor = app
        .get(&format!("/v1/accounts/{a}"), Some(&manager))
        .await
        .expect(200)["debtor_id"]
        .clone();
    app.call(
        TestApp::req(
            Method::PATCH,
            &format!("/v1/debtors/{debtor}"),
            Some(&app.token(Role::Head)),
        )
        .set_json(json!({"cease_communication": true})),
    )
    .await
    .expect(200);
    let refused = app
        .post(
            &format!("/v1/communications/{}/sent", sms["id"]),
            Some(&manager),
            json!({}),
        )
        .await;
    assert_eq!(
        (refused.status.as_u16(), refused.slug()),
        (409, "contact-not-permitted".into())
    );
    assert_eq!(refused.json()["reasons"], json!(["cease_communication"]));
    let now = app
        .get("/v1/communications?status=blocked", Some(&manager))
        .await
        .expect(200);
    assert!(
        list(&now)
            .iter()
            .any(|c| c["id"] == sms["id"] && c["reasons"] == json!(["cease_communication"]))
    );
    // Failed, with its reason; only managers and above close communications.
    let email = app
        .get(
            "/v1/communications?status=pending&channel=email",
            Some(&manager),
        )
        .await
        .expect(200);
    let email = list(&email)[0]["id"].clone();
    app.post(
        &format!("/v1/communications/{email}/failed"),
        Some(&app.token(Role::TeamLead)),
        json!({"reason": "bounced"}),
    )
    .await
    .expect(403);
    let failed = app
        .post(
            &format!("/v1/communications/{email}/failed"),
            Some(&manager),
            json!({"reason": "bounced"}),
        )
        .await
        .expect(200);
    assert_eq!(
        (&failed["status"], &failed["failure_reason"]),
        (&json!("failed"), &json!("bounced"))
    );
    app.post(
        &format!("/v1/communications/{email}/failed"),
        Some(&manager),
        json!({"reason": ""}),
    )
    .await
    .expect(422);
}

#[actix_web::test]
async fn a_standing_offer_approves_settlements_within_its_discount_until_it_expires() {
    let t = Travel::new().await;
    let app = &t.app;
    let within = account(app, "O-1", 100_000, "2026-08-01", json!({})).await;
    let beyond = account(app, "O-2", 100_000, "2026-08-01", json!({})).await;
    let later = account(app, "O-3", 100_000, "2026-08-01", json!({})).await;
    let last_day = account(app, "O-4", 100_000, "2026-08-01", json!({})).await;
    activate(
        app,
        json!({"name": "offers", "segments": [{"name": "all", "criteria": {}, "treatment": [
        {"day": 0, "action": "settlement_offer", "discount_percent": 20}]}]}),
    )
    .await;
    run(app).await;
    let agent = app.token(Role::Agent);
    let settle = |account: i64, amount: i64, due: &'static str| {
        let body = json!({"kind": "settlement", "account_id": account, "amount": amount, "due_on": due, "reason": "lump sum"});
        let token = agent.clone();
        async move { app.post("/v1/approvals", Some(&token), body).await }
    };
    let ok = settle(within, 80_000, "2026-09-20").await.expect(201);
    assert_eq!(
        (&ok["status"], &ok["decided_by_strategy"], &ok["decided_by"]),
        (&json!("approved"), &json!(true), &Value::Null)
    );
    let audit = app
        .get(&format!("/v1/accounts/{within}/timeline"), Some(&agent))
        .await
        .expect(200);
    assert!(
        list(&audit)
            .iter()
            .any(|e| e["action"] == "approval.approved")
    );
    let no = settle(beyond, 79_999, "2026-09-20").await.expect(201);
    assert_eq!(
        (&no["status"], &no["decided_by_strategy"]),
        (&json!("pending"), &json!(false))
    );
    t.at("2026-10-01");
    let still = settle(last_day, 90_000, "2026-10-20").await.expect(201);
    assert_eq!(still["status"], "approved", "the 30th day after the offer");
    t.at("2026-10-02");
    let gone = settle(later, 90_000, "2026-10-20").await.expect(201);
    assert_eq!(gone["status"], "pending", "expired");
}

#[actix_web::test]
async fn segments_arms_and_a_change_of_segment() {
    let t = Travel::new().await;
    let app = &t.app;
    let big = account(app, "G-1", 60_000, "2026-08-01", json!({})).await;
    let small = account(app, "G-2", 10_000, "2026-08-01", json!({})).await;
    let none = account(app, "G-3", 10_000, "2026-01-01", json!({})).await;
    let strategy = activate(app, json!({"name": "by balance", "segments": [
        {"name": "high", "criteria": {"min_balance": 50_000, "max_days_past_due": 120}, "treatment": [{"day": 0, "action": "call"}]},
        {"name": "low", "criteria": {"max_days_past_due": 120}, "treatment": [{"day": 0, "action": "letter", "template": "l1"}, {"day": 5, "action": "call"}]}],
        "challenger": {"share_percent": 50, "segments": [
        {"name": "high", "criteria": {"min_balance": 50_000, "max_days_past_due": 120}, "treatment": [{"day": 0, "action": "sms", "template": "s1"}]},
        {"name": "low", "criteria": {"max_days_past_due": 120}, "treatment": [{"day": 0, "action": "email", "template": "e1"}]}]}}))
    .await;
    run(app).await;
    let head = app.token(Role::Head);
    let view = |id: i64| {
        let head = head.clone();
        async move {
            app.get(&format!("/v1/accounts/{id}/strategy"), Some(&head))
                .await
                .expect(200)
        }
    };
    let share = Some(50);
    for (id, segment) in [(big, "high"), (small, "low")] {
        let v = view(id).await;
        let arm = arrears::domain::strategy::arm_of(id, strategy, share);
        assert_eq!(
            (&v["segment"], &v["arm"], &v["strategy_id"]),
            (&json!(segment), &json!(arm.as_str()), &json!(strategy))
        );
    }
    let v = view(none).await;
    assert!(
        v["segment"].is_null() && v["steps_taken"] == json!([]),
        "243 days past due: no segment takes it"
    );
    // A payment moves the big account to `low`: a new entry, day 0 again.
    t.at("2026-09-04");
    app.pay(big, 20_000, &app.token(Role::Agent))
        .await
        .expect(201);
    run(app).await;
    let v = view(big).await;
    assert_eq!(
        (&v["segment"], &v["entered_on"]),
        (&json!("low"), &json!("2026-09-04"))
    );
    assert_eq!(v["steps_taken"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn the_daily_run_happens_once_a_day_on_one_instance_and_a_lapsed_lease_is_taken_over() {
    use arrears::db::{leases, write_tx};
    let t = Travel::new().await;
    let app = &t.app;
    for i in 0..5 {
        account(app, &format!("D-{i}"), 10_000, "2026-08-01", json!({})).await;
    }
    activate(app, every_action()).await;
    // An instance that stopped holding the lease: it lapses at 16:01.
    let now = app.state.clock.now();
    let stale = now - chrono::Duration::minutes(4);
    let db = app.db.clone();
    db.run(move |c| {
        write_tx(c, |tx| {
            leases::acquire(
                tx,
                arrears::jobs::RUN_LEASE,
                "stopped",
                stale,
                arrears::jobs::RUN_LEASE_TTL,
            )
        })
    })
    .await
    .unwrap();
    // Held until 16:01: no instance runs.
    let none = db
        .run(move |c| arrears::jobs::daily_run(c, None, lease("a"), now))
        .await
        .unwrap();
    assert!(none.is_none());
    // Two instances at 16:02, at once: one runs the day, the other does nothing.
    let later = now + chrono::Duration::minutes(2);
    let threads: Vec<_> = (0..2)
        .map(|i| {
            let db = db.clone();
            std::thread::spawn(move || {
                let mut conn = db.checkout().unwrap();
                arrears::jobs::daily_run(&mut conn, Some(&db), lease(["a", "b"][i]), later).unwrap()
            })
        })
        .collect();
    let runs: Vec<_> = threads
        .into_iter()
        .filter_map(|h| h.join().unwrap())
        .collect();
    assert_eq!(runs.len(), 1, "exactly one instance ran");
    assert_eq!(runs[0].accounts_evaluated, 5);
    assert!(runs[0].started_by.is_none());
    // The day is done: later ticks do nothing; the next day runs again.
    let again = db
        .run(move |c| {
            arrears::jobs::daily_run(c, None, lease("b"), later + chrono::Duration::hours(1))
        })
        .await
        .unwrap();
    assert!(again.is_none());
    let tomorrow = later + chrono::Duration::days(1);
    let next = db
        .run(move |c| arrears::jobs::daily_run(c, None, lease("b"), tomorrow))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(next.run_on, tomorrow.date_naive());
}

#[actix_web::test]
async fn the_report_attributes_money_to_the_arm_and_stay_and_compares_the_arms() {
    let t = Travel::new().await;
    let app = &t.app;
    let mut ids = Vec::new();
    for i in 0..12 {
        ids.push(account(app, &format!("R-{i}"), 10_000, "2026-08-01", json!({})).await);
    }
    let agent = app.token(Role::Agent);
    // Before the strategy: not attributed.
    let pay = |id: i64, amount: i64, day: &'static str| {
        let body = json!({"amount": amount, "method": "card", "received_on": day});
        let agent = agent.clone();
        async move {
            app.post(&format!("/v1/accounts/{id}/payments"), Some(&agent), body)
                .await
                .expect(201)
        }
    };
    pay(ids[0], 1_000, "2026-09-01").await;
    let strategy = activate(app, json!({"name": "c/c", "segments": [
        {"name": "all", "criteria": {"max_days_past_due": 400}, "treatment": [{"day": 0, "action": "call"}]}],
        "challenger": {"share_percent": 50, "segments": [
        {"name": "all-sms", "criteria": {"max_days_past_due": 400}, "treatment": [{"day": 0, "action": "sms", "template": "s1"}]}]}}))
    .await;
    t.at("2026-09-02");
    run(app).await;
    // Account i pays i × 500 on 5 September; account 11 pays in full.
    t.at("2026-09-05");
    for (i, id) in ids.iter().enumerate().skip(1).take(10) {
        pay(*id, i as i64 * 500, "2026-09-05").await;
    }
    pay(ids[11], 10_000, "2026-09-05").await;
    let arm = |id: i64| arrears::domain::strategy::arm_of(id, strategy, Some(50));
    let mut liquidation: [Vec<f64>; 2] = [vec![], vec![]];
    let mut collected = [0i64; 2];
    let mut paid = [0i64; 2];
    let mut balance = [0i64; 2];
    for (i, id) in ids.iter().enumerate() {
        let amount = match i {
            0 => 0,
            11 => 10_000,
            _ => i as i64 * 500,
        };
        let k = usize::from(arm(*id) == arrears::domain::strategy::Arm::Challenger);
        // Account 0 paid 1,000 before it entered: 9,000 at entry.
        let at_entry = if i == 0 { 9_000 } else { 10_000 };
        balance[k] += at_entry;
        liquidation[k].push(amount as f64 / at_entry as f64);
        collected[k] += amount;
        paid[k] += i64::from(i == 11);
    }
    assert!(
        liquidation[0].len() >= 2 && liquidation[1].len() >= 2,
        "both arms hold accounts"
    );
    let head = app.token(Role::Head);
    let path = format!("/v1/reports/strategy?strategy_id={strategy}&from=2026-09-01&to=2026-09-30");
    let report = app.get(&path, Some(&head)).await.expect(200);
    let data = report["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    for (k, (segment, arm)) in [("all", "champion"), ("all-sms", "challenger")]
        .into_iter()
        .enumerate()
    {
        let row = data.iter().find(|r| r["arm"] == arm).unwrap();
        let n = liquidation[k].len() as i64;
        assert_eq!(
            (&row["segment"], &row["currency"]),
            (&json!(segment), &json!("USD"))
        );
        assert_eq!(row["accounts"], n);
        assert_eq!(row["balance_at_entry"], balance[k]);
        assert_eq!(row["collected_amount"], collected[k]);
        let rate = |x: i64, d: i64| ((x as f64 / d as f64) * 10_000.0).round() / 10_000.0;
        assert_eq!(
            row["liquidation_rate"],
            json!(rate(collected[k], balance[k]))
        );
        assert_eq!(row["cure_rate"], json!(rate(paid[k], n)));
    }
    // The difference of the mean per-account liquidation, challenger minus champion, with
    // Welch's interval.
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    let w = arrears::domain::welch::welch_95(&liquidation[0], &liquidation[1]).unwrap();
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    let comparisons = report["comparisons"].as_array().unwrap();
    assert_eq!(comparisons.len(), 2);
    assert_eq!(
        (
            &comparisons[0]["champion_segment"],
            &comparisons[0]["challenger_segment"]
        ),
        (&json!("all"), &json!("all-sms"))
    );
    assert_eq!(comparisons[1]["champion_segment"], "overall");
    for c in comparisons {
        assert_eq!(
            c["difference"],
            json!(round(mean(&liquidation[1]) - mean(&liquidation[0])))
        );
        assert_eq!(
            (&c["ci_low"], &c["ci_high"]),
            (&json!(round(w.low)), &json!(round(w.high)))
        );
        assert_eq!(c["significant"], json!(w.significant));
    }
    // CSV: the rows; a south team lead sees no stays.
    let csv = app
        .call(TestApp::req(Method::GET, &path, Some(&head)).insert_header(("accept", "text/csv")))
        .await;
    let text = String::from_utf8(csv.body.clone()).unwrap();
    assert!(text.starts_with(
        "segment,arm,currency,accounts,balance_at_entry,collected_amount,liquidation_rate"
    ));
    assert_eq!(text.lines().count(), 3);
    let south = south_lead_token(app).await;
    let theirs = app.get(&path, Some(&south)).await.expect(200);
    assert_eq!(theirs["data"], json!([]));
    app.get(
        "/v1/reports/strategy?from=2026-09-30&to=2026-09-01",
        Some(&head),
    )
    .await
    .expect(422);
    app.get(&path, Some(&agent)).await.expect(403);
    // Promotion: the challenger's segments become the active strategy.
    let promoted = app
        .post(
            &format!("/v1/strategies/{strategy}/promote-challenger"),
            Some(&head),
            json!({}),
        )
        .await
        .expect(201);
    assert_eq!(
        (&promoted["status"], &promoted["segments"][0]["name"]),
        (&json!("active"), &json!("all-sms"))
    );
}

/// An instance's lease on the daily run, with the default time it holds unrenewed.
fn lease(me: &str) -> arrears::jobs::RunLease<'_> {
    arrears::jobs::RunLease {
        me,
        ttl: arrears::jobs::RUN_LEASE_TTL,
    }
}
