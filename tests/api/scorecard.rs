//! The agent scorecard and the quality report, with every figure computed by hand on a known
//! data set: the north agent (A) and a second north agent (B); the south agent elsewhere.

use crate::helpers::{TestApp, today};
use crate::quality::{answers, call, evaluate, form, staff};
use actix_web::http::Method;
use arrears::domain::role::Role;
use chrono::Datelike;
use serde_json::{Value, json};

fn day(offset: i64) -> String {
    (today() + chrono::Duration::days(offset)).to_string()
}

fn period() -> String {
    format!("{:04}-{:02}", today().year(), today().month())
}

async fn outbound(app: &TestApp, account: i64, token: &str, outcome: &str) {
    let body = json!({"channel": "phone", "direction": "outbound", "outcome": outcome});
    app.post(
        &format!("/v1/accounts/{account}/contacts"),
        Some(token),
        body,
    )
    .await
    .expect(201);
}

/// The data set; answers B's token.
async fn known_month(app: &TestApp) -> String {
    let a = app.token(Role::Agent);
    let a_id = app.user(Role::Agent).id;
    let b = staff(app, Role::Agent, Some(app.north), "b.agent@test.dev").await;
    let b_token = app.token_for(&b);
    let lead = app.token(Role::TeamLead);
    let head = app.token(Role::Head);
    let a1 = app.assigned_account("SC-A1", 50_000).await;
    let a2 = app.assigned_account("SC-A2", 50_000).await;
    let b1 = app.assigned_account("SC-B1", 50_000).await;
    app.assign(&[b1], b.id).await;
    // A: two outbound attempts, one a right-party contact; B: none. A collects 10,000.
    outbound(app, a1, &a, "right_party_contact").await;
    outbound(app, a2, &a, "no_answer").await;
    app.pay(a1, 10_000, &a).await.expect(201);
    let target = json!({"scope": "agent", "subject_id": a_id, "period": period(), "collected_amount": 40_000});
    app.call(TestApp::req(Method::PUT, "/v1/targets", Some(&lead)).set_json(&target))
        .await
        .expect(200);
    // Evaluations: A 100.0 and 60.0 (average 80.0); B one fatal (0.0), disputed.
    let form = form(app).await;
    let ca = call(app, a1, &a).await;
    let cb = call(app, b1, &b_token).await;
    for (contact, body) in [
        (ca, answers(form, json!(1), json!(1), json!(5))),
        (ca, answers(form, json!(1), json!(1), json!(1))),
        (cb, answers(form, json!(1), json!(0), json!(5))),
    ] {
        let made = evaluate(app, contact, &lead, body).await.expect(201);
        if contact == cb {
            let path = format!("/v1/evaluations/{}/dispute", made["id"]);
            app.post(&path, Some(&b_token), json!({"reason": "r"}))
                .await
                .expect(200);
        }
    }
    // A complaint against A (the assignee), and two survey answers about A's calls: 4 and 5.
    let complaint =
        json!({"source": "direct", "category": "agent_conduct", "description": "Rude."});
    app.post(
        &format!("/v1/accounts/{a1}/complaints"),
        Some(&head),
        complaint,
    )
    .await
    .expect(201);
    for score in [4, 5] {
        let answer = json!({"score": score, "channel": "ivr", "contact_id": ca});
        app.post(
            &format!("/v1/accounts/{a1}/satisfaction"),
            Some(&head),
            answer,
        )
        .await
        .expect(201);
    }
    // Coaching: A's session three days ago with one action done, one open and overdue, one
    // open and due next week.
    let session = json!({"agent_id": a_id, "held_on": day(-3), "topics": ["tone"],
        "actions": [{"text": "done", "due_on": day(-3)}, {"text": "late", "due_on": day(-1)}, {"text": "later", "due_on": day(7)}]});
    let s = app
        .post("/v1/coaching-sessions", Some(&lead), session)
        .await
        .expect(201);
    let done = format!("/v1/coaching-actions/{}/complete", s["actions"][0]["id"]);
    app.post(&done, Some(&a), json!({})).await.expect(200);
    b_token
}

#[actix_web::test]
async fn the_scorecard_beside_the_team_by_hand() {
    let app = TestApp::new().await;
    let b_token = known_month(&app).await;
    let a_id = app.user(Role::Agent).id;
    let path = format!("/v1/agents/{a_id}/scorecard?period={}", period());
    let card = app
        .get(&path, Some(&app.token(Role::TeamLead)))
        .await
        .expect(200);
    let expected = json!({
        "agent_id": a_id, "team_id": app.north, "team_name": "North", "period": period(), "currency": "USD",
        "collected_amount": 10_000, "target_amount": 40_000, "attainment": 0.25,
        "contact_attempts": 2, "rpc_rate": 0.5, "promises": 0, "promise_kept_rate": null,
        "evaluations": 2, "average_score": 80.0, "fatal_failures": 0,
        "complaints_against": 1, "complaints_justified": 0, "average_satisfaction": 4.5,
        "open_coaching_actions": 2,
        // The team's average agent: A and B.
        "team": {"agents": 2, "collected_amount": 5_000, "target_amount": 40_000, "attainment": 0.25,
            "contact_attempts": 1.0, "rpc_rate": 0.5, "promises": 0.0, "promise_kept_rate": null,
            "evaluations": 1.5, "average_score": 40.0, "fatal_failures": 0.5,
            "complaints_against": 0.5, "complaints_justified": 0.0, "average_satisfaction": 4.5,
            "open_coaching_actions": 1.0}
    });
    for (key, want) in expected.as_object().unwrap() {
        assert_eq!(&card[key], want, "{key}: {card}");
    }
    // Who may read it.
    let reads = |token: String, path: String| {
        let app = &app;
        async move { app.get(&path, Some(&token)).await.status.as_u16() }
    };
    for (token, status) in [
        (app.token(Role::Agent), 200),
        (b_token.clone(), 404),
        (app.token_for(&app.south_agent), 404),
        (app.token(Role::Manager), 200),
        (app.token(Role::Head), 200),
        (app.token(Role::Auditor), 200),
        (app.token(Role::Admin), 403),
    ] {
        assert_eq!(reads(token, path.clone()).await, status);
    }
    let south_lead = staff(&app, Role::TeamLead, Some(app.south), "south.lead@test.dev").await;
    assert_eq!(reads(app.token_for(&south_lead), path.clone()).await, 404);
    // Another month has none of it; a bad period or currency is the caller's 422.
    let before = app
        .get(
            &format!("/v1/agents/{a_id}/scorecard?period=2020-01"),
            Some(&app.token(Role::Agent)),
        )
        .await
        .expect(200);
    assert_eq!(
        (
            &before["evaluations"],
            &before["collected_amount"],
            &before["open_coaching_actions"]
        ),
        (&json!(0), &json!(0), &json!(0))
    );
    for bad in ["period=2026-13", "period=26-01", "currency=usd"] {
        let r = app
            .get(
                &format!("/v1/agents/{a_id}/scorecard?{bad}"),
                Some(&app.token(Role::Agent)),
            )
            .await;
        assert_eq!(r.status.as_u16(), 422, "{bad}");
    }
    // The printable sheet.
    let page = app
        .call(
            TestApp::req(Method::GET, &path, Some(&app.token(Role::Agent)))
                .insert_header(("Accept", "text/html")),
        )
        .await;
    assert_eq!(page.status.as_u16(), 200);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    let html = String::from_utf8(page.body.clone()).unwrap();
    for text in [
        "Scorecard · Agent user",
        "Team average",
        "<svg",
        "100.00",
        "80.0",
        "40.0",
    ] {
        assert!(html.contains(text), "{text} missing");
    }
    assert!(!html.contains("<script"));
}

fn row(report: &Value, id: i64) -> &Value {
    report["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["group_id"] == id)
        .unwrap_or_else(|| panic!("no row {id} in {report}"))
}

#[actix_web::test]
async fn the_quality_report_and_the_management_report_by_hand() {
    let app = TestApp::new().await;
    known_month(&app).await;
    let a_id = app.user(Role::Agent).id;
    let range = format!("from={}&to={}", day(-10), day(0));
    let manager = app.token(Role::Manager);
    let by_agent = app
        .get(&format!("/v1/reports/quality?{range}"), Some(&manager))
        .await
        .expect(200);
    assert_eq!(
        row(&by_agent, a_id),
        &json!({"group_id": a_id, "group_name": "Agent user", "evaluations": 2, "average_score": 80.0, "fatal_failures": 0,
            "disputes": 0, "coaching_sessions": 1, "open_coaching_actions": 2, "overdue_coaching_actions": 1})
    );
    let south = row(&by_agent, app.south_agent.id);
    assert_eq!(
        (&south["evaluations"], &south["average_score"]),
        (&json!(0), &Value::Null)
    );
    let by_team = app
        .get(
            &format!("/v1/reports/quality?{range}&group_by=team"),
            Some(&manager),
        )
        .await
        .expect(200);
    assert_eq!(
        row(&by_team, app.north),
        &json!({"group_id": app.north, "group_name": "North", "evaluations": 3, "average_score": 53.3, "fatal_failures": 1,
            "disputes": 1, "coaching_sessions": 1, "open_coaching_actions": 2, "overdue_coaching_actions": 1})
    );
    // Before the session was held: nothing open.
    let early = format!("from={}&to={}", day(-10), day(-4));
    let before = app
        .get(&format!("/v1/reports/quality?{early}"), Some(&manager))
        .await
        .expect(200);
    assert_eq!(row(&before, a_id)["open_coaching_actions"], 0);
    // A team lead sees their team; an agent may not read reports.
    let lead_view = app
        .get(
            &format!("/v1/reports/quality?{range}"),
            Some(&app.token(Role::TeamLead)),
        )
        .await
        .expect(200);
    assert!(
        lead_view["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["group_id"] != app.south_agent.id)
    );
    assert_eq!(
        app.get(
            &format!("/v1/reports/quality?{range}"),
            Some(&app.token(Role::Agent))
        )
        .await
        .status,
        403
    );
    assert_eq!(
        app.get(
            &format!("/v1/reports/quality?from={}&to={}", day(0), day(-1)),
            Some(&manager)
        )
        .await
        .status,
        422
    );
    // CSV.
    let csv = app
        .call(
            TestApp::req(
                Method::GET,
                &format!("/v1/reports/quality?{range}&group_by=team"),
                Some(&manager),
            )
            .insert_header(("Accept", "text/csv")),
        )
        .await;
    let text = String::from_utf8(csv.body.clone()).unwrap();
    assert!(text.starts_with("group_id,group_name,evaluations,average_score,fatal_failures,disputes,coaching_sessions,open_coaching_actions,overdue_coaching_actions\n"));
    assert!(
        text.contains(&format!("{},North,3,53.3,1,1,1,2,1", app.north)),
        "{text}"
    );
    // The management report's agents carry their quality average.
    let summary = app
        .get(
            &format!("/v1/reports/summary?period=month&date={}", day(0)),
            Some(&manager),
        )
        .await
        .expect(200);
    let agents = summary["agents"].as_array().unwrap();
    let a = agents.iter().find(|x| x["agent_id"] == a_id).unwrap();
    assert_eq!(a["quality_average"], 80.0);
    let south = agents
        .iter()
        .find(|x| x["agent_id"] == app.south_agent.id)
        .unwrap();
    assert_eq!(south["quality_average"], Value::Null);
}
