//! Database plumbing: pool exhaustion answers 503 with Retry-After, and a failed transaction
//! leaves nothing behind.

use actix_web::ResponseError;
use arrears::config::DatabaseUrl;
use arrears::db::{Db, teams, write_tx};
use arrears::error::ApiError;

#[test]
fn an_exhausted_pool_answers_503_with_retry_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(
        &DatabaseUrl::Sqlite(dir.path().join("p.db").to_string_lossy().into_owned()),
        1,
    )
    .unwrap();
    let _held = db.checkout().unwrap();
    let started = std::time::Instant::now();
    let err = db.checkout().err().expect("the only connection is taken");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(4),
        "checkout waits about 2 s, not forever"
    );
    assert!(matches!(err, ApiError::Unavailable { .. }));
    let res = err.error_response();
    assert_eq!(res.status().as_u16(), 503);
    assert_eq!(res.headers().get("retry-after").unwrap(), "1");
}

#[actix_web::test]
async fn a_failed_transaction_is_rolled_back_whole() {
    let app = crate::helpers::TestApp::new().await;
    let now = chrono::Utc::now();
    let result = app
        .db
        .run(move |conn| {
            write_tx(conn, |tx| {
                teams::create(tx, &arrears::db::audit::AuditContext::system(now), "Half")?;
                Err::<(), _>(ApiError::conflict("test", "fail after the first write"))
            })
        })
        .await;
    assert!(result.is_err());
    let names = app
        .db
        .run(|conn| teams::list(conn, None, 100))
        .await
        .unwrap();
    assert!(names.iter().all(|t| t.name != "Half"));
    let verify = app.db.run(arrears::db::audit::verify).await.unwrap();
    assert_eq!(verify.checked, 9, "no audit event of the rolled-back team");
}

#[actix_web::test]
async fn the_demo_data_set_loads_once_and_is_assigned() {
    let (url, _guard) = crate::helpers::fresh_database();
    let db = Db::connect(&url, 2).unwrap();
    db.migrate().unwrap();
    let now = chrono::Utc::now();
    assert!(
        db.run(move |conn| arrears::demo::seed(conn, now))
            .await
            .unwrap()
    );
    assert!(
        !db.run(move |conn| arrears::demo::seed(conn, now))
            .await
            .unwrap(),
        "a second run changes nothing"
    );
    use arrears::db::schema::accounts as a;
    use diesel::prelude::*;
    let (total, assigned): (i64, i64) = db
        .run(|conn| {
            let total = a::table.count().get_result(conn)?;
            let assigned = a::table
                .filter(a::assignee_id.is_not_null())
                .count()
                .get_result(conn)?;
            Ok((total, assigned))
        })
        .await
        .unwrap();
    assert_eq!(
        (total, assigned),
        (arrears::demo::DEMO_ACCOUNTS as i64, total)
    );
    // Money in parts: adjustments applied and one pending; a reconciliation with every kind of
    // exception; the ledger in step.
    use arrears::db::schema::{adjustments as adj, reconciliation_exceptions as ex};
    let (applied, pending, kinds): (i64, i64, Vec<String>) = db
        .run(|conn| {
            let count = |status: &str, conn: &mut arrears::db::Conn| {
                adj::table
                    .filter(adj::status.eq(status))
                    .count()
                    .get_result::<i64>(conn)
            };
            let applied = count("applied", conn)?;
            let pending = count("pending_approval", conn)?;
            let kinds = ex::table
                .select(ex::kind)
                .distinct()
                .order(ex::kind)
                .load(conn)?;
            Ok((applied, pending, kinds))
        })
        .await
        .unwrap();
    // Four adjustments, and a complaint's monetary relief.
    assert_eq!((applied, pending), (5, 1));
    assert_eq!(
        kinds,
        ["amount_mismatch", "unmatched_payment", "unmatched_row"]
    );
    assert!(db.run(arrears::db::ledger::verify).await.unwrap().ok);
    // API keys: one in use, one revoked.
    let keys = db
        .run(|conn| arrears::db::api_keys::list(conn, None, 10))
        .await
        .unwrap();
    let revoked: Vec<bool> = keys.iter().map(|k| k.revoked_at.is_some()).collect();
    assert_eq!(revoked, [false, true]);
    // Complaints (some overdue) and survey answers, so this month's management report is full.
    let report = db
        .run(move |conn| {
            use arrears::db::schema::users as u;
            let head: i64 = u::table
                .filter(u::role.eq("head"))
                .select(u::id)
                .first(conn)?;
            let actor = arrears::actor::Actor {
                user_id: head,
                role: arrears::domain::role::Role::Head,
                team_id: None,
                request_id: "test".into(),
                now,
                session_version: 0,
            };
            // The demo's contacts lie 1 to 84 days back (four of them yesterday), so yesterday's
            // daily pack and the whole of last month always hold some.
            use chrono::Datelike;
            let pack = |conn: &mut _, kind, date| {
                let ask = arrears::workflows::management_report::SummaryAsk {
                    kind,
                    date,
                    team_id: None,
                    currency: None,
                };
                arrears::workflows::management_report::build(conn, &actor, ask)
            };
            use arrears::domain::summary::PeriodKind::{Day, Month};
            let this_month = pack(conn, Month, now.date_naive())?;
            let last_month = pack(
                conn,
                Month,
                now.date_naive().with_day(1).unwrap() - chrono::Days::new(1),
            )?;
            let yesterday = pack(conn, Day, now.date_naive() - chrono::Days::new(1))?;
            Ok::<_, arrears::error::ApiError>((this_month, last_month, yesterday))
        })
        .await
        .unwrap();
    let (report, last_month, yesterday) = report;
    let collected = &report.collected;
    assert!(collected.amount + collected.previous_amount > 0 && collected.target.is_some());
    assert!(
        report.complaints.open >= 1 && report.complaints.overdue >= 1,
        "{:?}",
        report.complaints
    );
    // The survey answers are recorded as the seed runs.
    assert!(
        report.satisfaction.responses > 0,
        "{:?}",
        report.satisfaction
    );
    assert!(
        last_month.contacts.attempts > 0,
        "{:?}",
        last_month.contacts
    );
    assert!(yesterday.contacts.attempts > 0, "{:?}", yesterday.contacts);
    assert!(report.aging.iter().any(|b| b.count > 0) && !report.agents.is_empty());
    // The strategy: four weeks of daily runs, both arms in the report with money, every action.
    let (strategy, actions) = db
        .run(move |conn| {
            use arrears::db::schema::{strategy_runs as sr, strategy_steps as ss, users as u};
            let head: i64 = u::table
                .filter(u::role.eq("head"))
                .select(u::id)
                .first(conn)?;
            let actor = arrears::actor::Actor {
                user_id: head,
                role: arrears::domain::role::Role::Head,
                team_id: None,
                request_id: "test".into(),
                now,
                session_version: 0,
            };
            let runs: i64 = sr::table
                .filter(sr::status.eq("finished"))
                .count()
                .get_result(conn)?;
            assert_eq!(runs, 29);
            let actions: Vec<String> = ss::table
                .select(ss::action)
                .distinct()
                .order(ss::action)
                .load(conn)?;
            let from = now.date_naive() - chrono::Days::new(28);
            let r =
                arrears::workflows::strategy::report(conn, &actor, None, from, now.date_naive())?;
            Ok((r, actions))
        })
        .await
        .unwrap();
    assert_eq!(
        actions,
        [
            "call",
            "email",
            "escalate",
            "letter",
            "review",
            "settlement_offer",
            "sms"
        ]
    );
    for arm in ["champion", "challenger"] {
        let collected: i128 = strategy
            .data
            .iter()
            .filter(|r| r.arm.as_str() == arm)
            .map(|r| r.collected_amount)
            .sum();
        assert!(collected > 0, "{arm}: {:?}", strategy.data);
    }
    assert!(
        strategy
            .comparisons
            .iter()
            .any(|c| c.champion_segment == "overall" && c.difference.is_some())
    );
    // Quality and coaching: a month of evaluations (a few fatal, a few disputed), and two
    // coaching sessions per agent with actions done, open and overdue.
    let quality = db
        .run(move |conn| {
            use arrears::db::schema::{evaluations as e, users as u};
            let head: i64 = u::table
                .filter(u::role.eq("head"))
                .select(u::id)
                .first(conn)?;
            let actor = arrears::actor::Actor {
                user_id: head,
                role: arrears::domain::role::Role::Head,
                team_id: None,
                request_id: "test".into(),
                now,
                session_version: 0,
            };
            let statuses: Vec<String> = e::table
                .select(e::status)
                .distinct()
                .order(e::status)
                .load(conn)?;
            assert_eq!(
                statuses,
                ["acknowledged", "disputed", "resolved", "submitted"]
            );
            let from = now.date_naive() - chrono::Days::new(31);
            arrears::workflows::quality_report::build(
                conn,
                &actor,
                from,
                now.date_naive(),
                arrears::workflows::quality_report::QualityGroup::Agent,
            )
        })
        .await
        .unwrap();
    let total = |f: fn(&arrears::workflows::quality_report::QualityReportRow) -> i64| -> i64 {
        quality.iter().map(f).sum()
    };
    assert!(total(|r| r.evaluations) >= 20, "{quality:?}");
    assert!(
        total(|r| r.fatal_failures) >= 2 && total(|r| r.disputes) >= 3,
        "{quality:?}"
    );
    assert_eq!(total(|r| r.coaching_sessions), 2 * quality.len() as i64);
    assert_eq!(total(|r| r.overdue_coaching_actions), quality.len() as i64);
    assert_eq!(total(|r| r.open_coaching_actions), 2 * quality.len() as i64);
    assert!(
        db.run(arrears::db::audit::verify)
            .await
            .unwrap()
            .first_broken_id
            .is_none()
    );
}

/// An upgrade from the release before money in parts: a database with placements, a payment, a
/// reversed payment, a recovery, an approved write-off and a settled account gets its parts and
/// its ledger history from the migrations, and the ledger check finds every account in step.
#[actix_web::test]
async fn an_upgraded_database_gets_its_parts_and_ledger_history() {
    let (url, _database) = crate::helpers::fresh_database();
    let db = Db::connect(&url, 2).unwrap();
    assert!(db.migrate_before("2026-11-30-000010").unwrap() > 0);
    let t = "'2026-10-01 12:00:00'";
    let statements = [
        format!(
            "INSERT INTO users (email, name, role, password_hash, active, created_at, updated_at) VALUES ('head@x.dev', 'Head', 'head', 'x', TRUE, {t}, {t})"
        ),
        format!(
            "INSERT INTO debtors (name, timezone, phone_valid, cease_communication, do_not_call, do_not_email, do_not_sms, attorney_represented, created_at, updated_at) VALUES ('D', 'America/Chicago', TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, {t}, {t})"
        ),
        // Open: placed at 10,000, paid 3,000 (and 1,000 that was reversed).
        format!(
            "INSERT INTO accounts (external_ref, debtor_id, currency, original_amount, balance, delinquent_since, status, version, created_at, updated_at) VALUES ('A', 1, 'USD', 10000, 7000, '2026-06-01', 'open', 3, {t}, {t})"
        ),
        // Written off: placed at 5,000, 2,000 paid, 3,000 written off, 500 recovered.
        format!(
            "INSERT INTO accounts (external_ref, debtor_id, currency, original_amount, balance, delinquent_since, status, version, created_at, updated_at, written_off_amount, recovered_amount) VALUES ('B', 1, 'USD', 5000, 0, '2026-06-01', 'written_off', 4, {t}, {t}, 3000, 500)"
        ),
        // Settled: placed at 8,000, paid 5,000, the rest forgiven.
        format!(
            "INSERT INTO accounts (external_ref, debtor_id, currency, original_amount, balance, delinquent_since, status, version, created_at, updated_at) VALUES ('C', 1, 'USD', 8000, 0, '2026-06-01', 'settled', 3, {t}, {t})"
        ),
        String::from(
            "INSERT INTO payments (account_id, amount, method, received_on, recovery, created_at) VALUES (1, 3000, 'card', '2026-10-02', FALSE, '2026-10-02 12:00:00')",
        ),
        String::from(
            "INSERT INTO payments (account_id, amount, method, received_on, recovery, created_at, reversed_at, reversal_reason) VALUES (1, 1000, 'card', '2026-10-03', FALSE, '2026-10-03 12:00:00', '2026-10-04 12:00:00', 'bounced')",
        ),
        String::from(
            "INSERT INTO payments (account_id, amount, method, received_on, recovery, created_at) VALUES (2, 2000, 'ach', '2026-10-02', FALSE, '2026-10-02 12:00:00')",
        ),
        String::from(
            "INSERT INTO approval_requests (account_id, kind, status, amount, reason, required_role, balance_at_request, account_version, requested_at, decided_at) VALUES (2, 'write_off', 'approved', 3000, 'gone', 'manager', 3000, 2, '2026-10-05 12:00:00', '2026-10-05 13:00:00')",
        ),
        String::from(
            "INSERT INTO payments (account_id, amount, method, received_on, recovery, created_at) VALUES (2, 500, 'cash', '2026-10-06', TRUE, '2026-10-06 12:00:00')",
        ),
        String::from(
            "INSERT INTO payments (account_id, amount, method, received_on, recovery, created_at) VALUES (3, 5000, 'card', '2026-10-02', FALSE, '2026-10-02 12:00:00')",
        ),
    ];
    db.run(move |conn| {
        for s in &statements {
            diesel::RunQueryDsl::execute(diesel::sql_query(s.as_str()), conn)?;
        }
        Ok::<_, ApiError>(())
    })
    .await
    .unwrap();
    db.migrate().unwrap();
    let check = db.run(arrears::db::ledger::verify).await.unwrap();
    assert!(check.ok, "{check:?}");
    assert_eq!(check.checked, 3);
    let kinds = |account: i64| {
        let db = db.clone();
        async move {
            db.run(move |conn| arrears::db::ledger::list(conn, account, None, 100))
                .await
                .unwrap()
                .into_iter()
                .map(|e| (e.kind.as_str(), e.amounts.principal, e.balance_after.total))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        kinds(1).await,
        [
            ("placement", 10_000, 10_000),
            ("payment", -3_000, 7_000),
            ("payment", -1_000, 6_000),
            ("payment_reversal", 1_000, 7_000),
        ]
    );
    assert_eq!(
        kinds(2).await,
        [
            ("placement", 5_000, 5_000),
            ("payment", -2_000, 3_000),
            ("write_off", -3_000, 0),
            ("recovery", 0, 0),
        ]
    );
    // The settled account's forgiven rest was never stored: it is netted into its placement.
    assert_eq!(
        kinds(3).await,
        [("placement", 5_000, 5_000), ("payment", -5_000, 0)]
    );
}

/// Pooled connections are not tested on checkout: one whose server process is gone answers one
/// 503 (never a 500) and is dropped, and the pool goes on with new ones.
#[actix_web::test]
async fn connections_killed_while_pooled_are_replaced_after_one_503() {
    let app = crate::helpers::TestApp::new().await;
    if !app.db.is_postgres() {
        return; // one process: nothing to kill
    }
    let agent = app.token(arrears::domain::role::Role::Agent);
    // The pool full (8 held at once: no connection is still being opened in the background to
    // land on top later), then given back.
    let held: Vec<_> = (0..8).map(|_| app.db.checkout().unwrap()).collect();
    drop(held);
    // Every pooled connection is killed, from a connection of another pool, waiting (up to 5 s)
    // until each process is gone.
    let killer = Db::connect(&app.url, 1).unwrap();
    let killed = killer
        .run(|conn| {
            let kill = diesel::sql_query(
                "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity \
                 WHERE datname = current_database() AND pid <> pg_backend_pid()",
            );
            diesel::RunQueryDsl::execute(kill, conn).map_err(ApiError::from)
        })
        .await
        .unwrap();
    // The first request takes a killed connection: 503.
    let mut answers = vec![app.get("/v1/me", Some(&agent)).await.status.as_u16()];
    assert_eq!(answers, [503]);
    // Requests at once, so that they take the other killed connections too.
    for _ in 0..6 {
        let round: Vec<_> = (0..6).map(|_| app.get("/v1/me", Some(&agent))).collect();
        for res in futures_util::future::join_all(round).await {
            answers.push(res.status.as_u16());
        }
    }
    // Then one at a time: the pool hands out the connection given back last, so a killed one still
    // idle deep in the pool costs at most one 503 before a healthy one answers.
    for _ in 0..killed + 5 {
        answers.push(app.get("/v1/me", Some(&agent)).await.status.as_u16());
    }
    let refused = answers.iter().filter(|s| **s == 503).count();
    assert!(
        answers.iter().all(|s| *s == 200 || *s == 503),
        "{answers:?}"
    );
    // Each killed connection answers one 503 and is gone: kept, it would answer 503 again.
    assert!(refused <= killed, "{killed} killed: {answers:?}");
    assert!(
        answers[answers.len() - 5..].iter().all(|s| *s == 200),
        "{answers:?}"
    );
}
