//! Targets and reports: a known portfolio, every figure computed by hand here.

use crate::helpers::{Seeded, TestApp, at, today};
use actix_web::http::Method;
use arrears::domain::role::Role;
use chrono::{Datelike, Days, NaiveDate};
use serde_json::{Value, json};

fn monday(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

struct Portfolio {
    a: i64,
    b: i64,
    c: i64,
    d: i64,
}

/// A: north, the north agent, 10,000 at 10 days; B: north, the north agent, 20,000 at 45 days;
/// C: south, the south agent, 30,000 at 200 days; D: north, unassigned, 40,000, delinquent today.
async fn portfolio(app: &TestApp) -> Portfolio {
    let a = app.account("R-A", 10_000, 10, Some(app.north)).await["id"]
        .as_i64()
        .unwrap();
    let b = app.account("R-B", 20_000, 45, Some(app.north)).await["id"]
        .as_i64()
        .unwrap();
    let c = app.account("R-C", 30_000, 200, Some(app.south)).await["id"]
        .as_i64()
        .unwrap();
    let d = app.account("R-D", 40_000, 0, Some(app.north)).await["id"]
        .as_i64()
        .unwrap();
    app.assign(&[a, b], app.user(Role::Agent).id).await;
    app.assign(&[c], app.south_agent.id).await;
    let agent = app.token(Role::Agent);
    let call = |outcome: &str, when: String| json!({"channel": "phone", "direction": "outbound", "outcome": outcome, "occurred_at": when});
    for (outcome, when) in [
        ("no_answer", at(3, 15)),
        ("voicemail_left", at(2, 15)),
        ("right_party_contact", at(1, 15)),
    ] {
        app.post(
            &format!("/v1/accounts/{a}/contacts"),
            Some(&agent),
            call(outcome, when),
        )
        .await
        .expect(201);
    }
    app.post(&format!("/v1/accounts/{a}/contacts"), Some(&agent), json!({"channel": "phone", "direction": "inbound", "outcome": "right_party_contact", "occurred_at": at(0, 15)})).await.expect(201);
    let mut ptp = call("promise_to_pay", at(0, 15));
    ptp["promise"] = json!({"amount": 5_000, "due_on": today().to_string()});
    app.post(&format!("/v1/accounts/{b}/contacts"), Some(&agent), ptp)
        .await
        .expect(201);
    // The promise is kept; another payment is recorded and then reversed.
    app.post(
        &format!("/v1/accounts/{b}/payments"),
        Some(&agent),
        json!({"amount": 5_000, "method": "card"}),
    )
    .await
    .expect(201);
    let bounced = app
        .post(
            &format!("/v1/accounts/{a}/payments"),
            Some(&agent),
            json!({"amount": 1_000, "method": "check"}),
        )
        .await
        .expect(201);
    app.post(
        &format!("/v1/payments/{}/reverse", bounced["id"]),
        Some(&app.token(Role::TeamLead)),
        json!({"reason": "bounced"}),
    )
    .await
    .expect(200);
    // A plan on D (two weekly installments from tomorrow) and an approved settlement on C.
    app.post(&format!("/v1/accounts/{d}/arrangements"), Some(&app.token(Role::Head)), json!({"kind": "plan", "total": 2_000, "count": 2, "frequency": "weekly", "first_due_on": (today() + Days::new(1)).to_string()})).await.expect(201);
    let settle = app
        .post("/v1/approvals", Some(&app.token_for(&app.south_agent)), json!({"kind": "settlement", "account_id": c, "amount": 25_000, "reason": "x", "due_on": (today() + Days::new(10)).to_string()}))
        .await
        .expect(201);
    app.post(
        &format!("/v1/approvals/{}/approve", settle["id"]),
        Some(&app.token(Role::Manager)),
        json!({}),
    )
    .await
    .expect(200);
    Portfolio { a, b, c, d }
}

fn bucket(report: &Value, name: &str) -> (i64, i64) {
    let b = report["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bucket"] == name)
        .unwrap();
    (b["count"].as_i64().unwrap(), b["balance"].as_i64().unwrap())
}

#[actix_web::test]
async fn every_figure_matches_the_hand_computed_one() {
    let app = TestApp::new().await;
    let p = portfolio(&app).await;
    let _ = (p.a, p.b, p.c, p.d);
    let head = app.token(Role::Head);

    // Aging: A 10 days, 10,000 (its 1,000 payment was reversed) → 1-30; B 45 days, 15,000 left → 31-60;
    // C 200 days → 181+; D today → current.
    let aging = app.get("/v1/reports/aging", Some(&head)).await.expect(200);
    assert_eq!(bucket(&aging, "current"), (1, 40_000));
    assert_eq!(bucket(&aging, "1-30"), (1, 10_000));
    assert_eq!(bucket(&aging, "31-60"), (1, 15_000));
    assert_eq!(bucket(&aging, "181+"), (1, 30_000));
    assert_eq!(bucket(&aging, "61-90"), (0, 0));
    assert_eq!(aging["buckets"].as_array().unwrap().len(), 7);
    let north = app
        .get("/v1/reports/aging", Some(&app.token(Role::TeamLead)))
        .await
        .expect(200);
    assert_eq!(
        bucket(&north, "181+"),
        (0, 0),
        "the team lead sees the north team only"
    );
    let filtered = app
        .get(
            &format!("/v1/reports/aging?team_id={}", app.south),
            Some(&head),
        )
        .await
        .expect(200);
    assert_eq!(bucket(&filtered, "181+"), (1, 30_000));
    assert_eq!(bucket(&filtered, "current"), (0, 0));

    // Targets: 20,000 for the north agent this month.
    let period = format!("{:04}-{:02}", today().year(), today().month());
    let target = json!({"scope": "agent", "subject_id": app.user(Role::Agent).id, "period": period, "collected_amount": 20_000});
    app.call(
        TestApp::req(Method::PUT, "/v1/targets", Some(&app.token(Role::TeamLead)))
            .set_json(&target),
    )
    .await
    .expect(200);
    let south_target = json!({"scope": "agent", "subject_id": app.south_agent.id, "period": period, "collected_amount": 1});
    app.call(
        TestApp::req(Method::PUT, "/v1/targets", Some(&app.token(Role::TeamLead)))
            .set_json(&south_target),
    )
    .await
    .expect(403);
    let listed = app
        .get(&format!("/v1/targets?period={period}"), Some(&head))
        .await
        .expect(200);
    assert_eq!(listed["data"][0]["collected_amount"], 20_000);

    // Performance of the north agent over the last 7 days:
    // attempts 4 (3 on A, the promise call on B), conversations among them 2 → 0.5;
    // 2 accounts worked; 1 promise of 5,000 due today and kept → 1.0; collected 5,000 (the
    // reversed 1,000 excluded); target 20,000 → 0.25.
    let range = format!("from={}&to={}", today() - Days::new(7), today());
    let perf = app
        .get(&format!("/v1/reports/performance?{range}"), Some(&head))
        .await
        .expect(200);
    let row = perf["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["group_id"] == app.user(Role::Agent).id)
        .unwrap()
        .clone();
    let expect = json!({"group_id": app.user(Role::Agent).id, "group_name": row["group_name"], "currency": "USD", "accounts_worked": 2, "contact_attempts": 4,
        "right_party_contacts": 2, "rpc_rate": 0.5, "promises": 1, "promised_amount": 5_000, "promises_kept": 1, "promise_kept_rate": 1.0,
        "collected_amount": 5_000, "target_amount": 20_000, "attainment": 0.25});
    assert_eq!(row, expect);
    let south_row = perf["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["group_id"] == app.south_agent.id)
        .unwrap()
        .clone();
    assert_eq!(
        (
            south_row["contact_attempts"].as_i64(),
            south_row["rpc_rate"].clone(),
            south_row["attainment"].clone()
        ),
        (Some(0), Value::Null, Value::Null)
    );
    let teams = app
        .get(
            &format!("/v1/reports/performance?{range}&group_by=team"),
            Some(&app.token(Role::TeamLead)),
        )
        .await
        .expect(200);
    let teams = teams["data"].as_array().unwrap();
    assert_eq!(teams.len(), 1, "the team lead sees their team");
    assert_eq!(
        (
            teams[0]["group_id"].as_i64(),
            teams[0]["contact_attempts"].as_i64(),
            teams[0]["target_amount"].clone()
        ),
        (Some(app.north), Some(4), Value::Null)
    );

    // Collections today: 6,000 received, 1,000 of it reversed, 5,000 net.
    let collections = app
        .get(&format!("/v1/reports/collections?{range}"), Some(&head))
        .await
        .expect(200);
    let day = collections["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == today().to_string())
        .unwrap()
        .clone();
    assert_eq!(
        day,
        json!({"date": today().to_string(), "currency": "USD", "collected": 6_000, "reversed": 1_000, "net": 5_000, "recoveries": 0})
    );

    // Forecast: D's installments (1,000 tomorrow and a week later) and C's settlement (25,000 in 10 days).
    let forecast = app
        .get("/v1/reports/forecast?weeks=4", Some(&head))
        .await
        .expect(200);
    let weeks = forecast["data"].as_array().unwrap();
    assert_eq!(weeks.len(), 4);
    assert_eq!(weeks[0]["week_start"], monday(today()).to_string());
    let mut expected = [0i64; 4];
    for (day, amount) in [
        (today() + Days::new(1), 1_000),
        (today() + Days::new(8), 1_000),
        (today() + Days::new(10), 25_000),
    ] {
        expected[((monday(day) - monday(today())).num_days() / 7) as usize] += amount;
    }
    let got: Vec<i64> = weeks
        .iter()
        .map(|w| w["expected_amount"].as_i64().unwrap())
        .collect();
    assert_eq!(got, expected);
}

#[actix_web::test]
async fn reports_answer_csv_and_refuse_agents() {
    let app = TestApp::new().await;
    portfolio(&app).await;
    let csv = app
        .call(
            TestApp::req(
                Method::GET,
                "/v1/reports/aging",
                Some(&app.token(Role::Auditor)),
            )
            .insert_header(("Accept", "text/csv")),
        )
        .await;
    assert_eq!(csv.status.as_u16(), 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert_eq!(
        csv.header("content-disposition").as_deref(),
        Some("attachment; filename=\"arrears-aging.csv\"")
    );
    assert!(csv.header("vary").unwrap().contains("Accept"));
    let json = app
        .get("/v1/reports/aging", Some(&app.token(Role::Auditor)))
        .await;
    json.expect(200);
    assert!(json.header("vary").unwrap().contains("Accept"));
    assert!(json.header("content-disposition").is_none());
    let text = String::from_utf8(csv.body).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "bucket,currency,count,balance,principal,interest,fees,costs"
    );
    assert_eq!(lines.len(), 8);
    assert!(lines.contains(&"181+,USD,1,30000,30000,0,0,0"));
    let range = format!("from={}&to={}", today() - Days::new(7), today());
    let perf = app
        .call(
            TestApp::req(
                Method::GET,
                &format!("/v1/reports/performance?{range}"),
                Some(&app.token(Role::Head)),
            )
            .insert_header(("Accept", "text/csv")),
        )
        .await;
    let text = String::from_utf8(perf.body).unwrap();
    assert!(text.starts_with(
        "group_id,group_name,currency,accounts_worked,contact_attempts,right_party_contacts,rpc_rate,"
    ));
    for role in [Role::Agent, Role::Admin] {
        for path in [
            "/v1/reports/aging".to_owned(),
            format!("/v1/reports/performance?{range}"),
            "/v1/reports/forecast".into(),
            format!("/v1/reports/collections?{range}"),
            "/v1/targets?period=2026-11".into(),
        ] {
            assert_eq!(
                app.get(&path, Some(&app.token(role))).await.status.as_u16(),
                403,
                "{path} as {role:?}"
            );
        }
    }
    for role in [Role::TeamLead, Role::Manager, Role::Head, Role::Auditor] {
        assert_eq!(
            app.get("/v1/reports/forecast", Some(&app.token(role)))
                .await
                .status
                .as_u16(),
            200,
            "{role:?}"
        );
    }
    app.get(
        "/v1/reports/performance?from=2026-12-01&to=2026-11-01",
        Some(&app.token(Role::Head)),
    )
    .await
    .expect(422);
    app.get(
        "/v1/reports/forecast?weeks=53",
        Some(&app.token(Role::Head)),
    )
    .await
    .expect(422);
    app.get("/v1/targets?period=2026-13", Some(&app.token(Role::Head)))
        .await
        .expect(422);
}

/// Accounts worked counts each account once in any period, also when a contact is logged after
/// later ones (the rollup re-links the account's next contact day).
#[actix_web::test]
async fn accounts_worked_counts_each_account_once_in_any_period() {
    let app = TestApp::new().await;
    let p = portfolio(&app).await;
    let head = app.token(Role::Head);
    let agent_id = app.user(Role::Agent).id;
    let worked = |from: u64, to: u64| {
        let (app, head) = (&app, &head);
        async move {
            let range = format!(
                "from={}&to={}",
                today() - Days::new(from),
                today() - Days::new(to)
            );
            let perf = app
                .get(&format!("/v1/reports/performance?{range}"), Some(head))
                .await
                .expect(200);
            perf["data"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["group_id"] == agent_id)
                .map(|r| r["accounts_worked"].as_i64().unwrap())
                .unwrap()
        }
    };
    // A: days 3, 2, 1, 0 ago; B: day 0.
    assert_eq!(worked(1, 0).await, 2);
    assert_eq!(worked(3, 2).await, 1);
    assert_eq!(worked(3, 3).await, 1);
    assert_eq!(worked(9, 4).await, 0);
    // B, backdated to 5 days ago (after its contact of today was logged), twice on that day.
    for hour in [14, 15] {
        let inbound = json!({"channel": "phone", "direction": "inbound", "outcome": "right_party_contact", "occurred_at": at(5, hour)});
        app.post(
            &format!("/v1/accounts/{}/contacts", p.b),
            Some(&app.token(Role::Agent)),
            inbound,
        )
        .await
        .expect(201);
    }
    assert_eq!(worked(5, 5).await, 1);
    assert_eq!(worked(5, 2).await, 2);
    assert_eq!(worked(4, 0).await, 2);
    assert_eq!(worked(1, 0).await, 2);
    assert_eq!(worked(9, 0).await, 2);
    assert_eq!(worked(4, 1).await, 1);
    rollup_matches_its_migration(&app).await;
}

/// The rollup that logging keeps equals the one its migration computes from the contacts.
async fn rollup_matches_its_migration(app: &TestApp) {
    let backend = if std::env::var("TEST_DATABASE_URL").is_ok() {
        "postgres"
    } else {
        "sqlite"
    };
    let dir = format!("{}/migrations/{backend}", env!("CARGO_MANIFEST_DIR"));
    let migration = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("_agent_activity"))
        .unwrap();
    let up = std::fs::read_to_string(migration.join("up.sql")).unwrap();
    let backfill = &up[up.find("INSERT INTO agent_activity").unwrap()..];
    let columns = "agent_id BIGINT, day DATE, prev_day DATE, touches BIGINT, contact_attempts BIGINT, right_party_contacts BIGINT";
    app.sql(format!(
        "CREATE TABLE expected_activity ({columns}, slot INTEGER)"
    ))
    .await;
    app.sql(backfill.replace(
        "INSERT INTO agent_activity",
        "INSERT INTO expected_activity",
    ))
    .await;
    // Slots differ (the contact id at logging, the account id in the migration): compare sums.
    let summed = |table: &str| {
        format!(
            "SELECT agent_id, day, prev_day, SUM(touches), SUM(contact_attempts), SUM(right_party_contacts) \
             FROM {table} GROUP BY agent_id, day, prev_day \
             HAVING SUM(touches) <> 0 OR SUM(contact_attempts) <> 0 OR SUM(right_party_contacts) <> 0"
        )
    };
    for table in ["expected_sum", "kept_sum"] {
        app.sql(format!("CREATE TABLE {table} ({columns})")).await;
    }
    app.sql(format!(
        "INSERT INTO expected_sum {}",
        summed("expected_activity")
    ))
    .await;
    let kept = app
        .sql(format!("INSERT INTO kept_sum {}", summed("agent_activity")))
        .await;
    let matched = app
        .sql(
            "DELETE FROM expected_sum WHERE EXISTS (SELECT 1 FROM kept_sum x \
             WHERE x.agent_id = expected_sum.agent_id AND x.day = expected_sum.day \
             AND x.prev_day = expected_sum.prev_day AND x.touches = expected_sum.touches \
             AND x.contact_attempts = expected_sum.contact_attempts \
             AND x.right_party_contacts = expected_sum.right_party_contacts)"
                .into(),
        )
        .await;
    let unmatched = app.sql("DELETE FROM expected_sum".into()).await;
    assert!(kept > 0);
    assert_eq!((matched, unmatched), (kept, 0), "rollup rows differ");
}

/// A team's `accounts_worked` is a distinct count: an account two agents of one team both
/// contacted counts once for the team (and once for each agent).
#[actix_web::test]
async fn a_team_counts_an_account_two_of_its_agents_worked_once() {
    let app = TestApp::new().await;
    let second = app
        .post(
            "/v1/users",
            Some(&app.token(Role::Admin)),
            json!({"email": "agent2@test.dev", "name": "Second Agent", "role": "agent", "team_id": app.north, "password": "long enough password"}),
        )
        .await
        .expect(201);
    let second = Seeded {
        id: second["id"].as_i64().unwrap(),
        email: "agent2@test.dev".into(),
        role: Role::Agent,
        team_id: Some(app.north),
    };
    let shared = app.assigned_account("TEAM-1", 50_000).await;
    let own = app.assigned_account("TEAM-2", 50_000).await;
    let inbound = |hour: u32| json!({"channel": "phone", "direction": "inbound", "outcome": "right_party_contact", "occurred_at": at(1, hour)});
    for account in [shared, own] {
        app.post(
            &format!("/v1/accounts/{account}/contacts"),
            Some(&app.token(Role::Agent)),
            inbound(14),
        )
        .await
        .expect(201);
    }
    app.assign(&[shared], second.id).await;
    app.post(
        &format!("/v1/accounts/{shared}/contacts"),
        Some(&app.token_for(&second)),
        inbound(15),
    )
    .await
    .expect(201);
    let range = format!("from={}&to={}", today() - Days::new(1), today());
    let head = app.token(Role::Head);
    let by = |group: &'static str| {
        let (app, head, range) = (&app, &head, &range);
        async move {
            app.get(
                &format!("/v1/reports/performance?{range}&group_by={group}"),
                Some(head),
            )
            .await
            .expect(200)["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        r["group_id"].as_i64().unwrap(),
                        r["accounts_worked"].as_i64().unwrap(),
                    )
                })
                .collect::<std::collections::HashMap<_, _>>()
        }
    };
    let agents = by("agent").await;
    assert_eq!(agents[&app.user(Role::Agent).id], 2);
    assert_eq!(agents[&second.id], 1);
    assert_eq!(by("team").await[&app.north], 2, "3 before the fix: 2 + 1");
}
