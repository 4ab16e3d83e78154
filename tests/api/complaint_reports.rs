//! The complaints and satisfaction reports on a data set counted by hand.

use crate::helpers::{TestApp, today};
use arrears::domain::role::Role;
use serde_json::{Value, json};

fn days_ago(days: i64) -> String {
    (today().and_hms_opt(16, 0, 0).unwrap().and_utc() - chrono::Duration::days(days)).to_rfc3339()
}

fn row<'a>(report: &'a Value, key: &Value) -> &'a Value {
    report["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| &r["group_id"] == key)
        .unwrap_or_else(|| panic!("no row {key} in {report}"))
}

#[actix_web::test]
async fn complaint_and_satisfaction_figures_by_hand() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let lead = app.token(Role::TeamLead);
    let agent = app.token(Role::Agent);
    let north_1 = app.assigned_account("REP-1", 10_000).await;
    let north_2 = app.assigned_account("REP-2", 10_000).await;
    let south = app.account("REP-S", 10_000, 30, Some(app.south)).await["id"]
        .as_i64()
        .unwrap();
    app.assign(&[south], app.south_agent.id).await;
    // The north agent works both north accounts in the period.
    for id in [north_1, north_2] {
        let call =
            json!({"channel": "phone", "direction": "inbound", "outcome": "right_party_contact"});
        app.post(&format!("/v1/accounts/{id}/contacts"), Some(&agent), call)
            .await
            .expect(201);
    }
    let complain = |account: i64, source: &str, category: &str, days: i64| json!({"source": source, "category": category, "description": "d", "received_at": days_ago(days), "_a": account});
    let mut ids = Vec::new();
    for body in [
        complain(north_1, "cfpb", "wrong_amount", 18), // open, overdue (due 3 days ago)
        complain(north_1, "direct", "agent_conduct", 5), // closed today, justified, agent_error
        complain(north_2, "direct", "wrong_amount", 30), // received before the period, closed today
        complain(south, "client", "privacy", 2),       // open, not overdue
    ] {
        let account = body["_a"].as_i64().unwrap();
        let mut body = body.clone();
        body.as_object_mut().unwrap().remove("_a");
        let made = app
            .post(
                &format!("/v1/accounts/{account}/complaints"),
                Some(&head),
                body,
            )
            .await
            .expect(201);
        ids.push(made["id"].clone());
    }
    let close = |cause: &str, justified: bool| json!({"root_cause": cause, "justified": justified, "remedy": "none"});
    app.post(
        &format!("/v1/complaints/{}/close", ids[1]),
        Some(&lead),
        close("agent_error", true),
    )
    .await
    .expect(200);
    app.post(
        &format!("/v1/complaints/{}/close", ids[2]),
        Some(&lead),
        close("no_fault", false),
    )
    .await
    .expect(200);
    let range = format!("from={}&to={}", today() - chrono::Days::new(20), today());
    let report = |group: &str, token: &str| {
        let path = format!("/v1/reports/complaints?{range}&group_by={group}");
        let token = token.to_owned();
        let app = &app;
        async move { app.get(&path, Some(&token)).await.expect(200) }
    };
    let by_agent = report("agent", &head).await;
    let north_agent = json!(app.user(Role::Agent).id);
    let n = row(&by_agent, &north_agent);
    assert_eq!(
        (
            &n["received"],
            &n["closed"],
            &n["open"],
            &n["overdue"],
            &n["justified"],
            &n["justified_rate"]
        ),
        (
            &json!(2),
            &json!(2),
            &json!(1),
            &json!(1),
            &json!(1),
            &json!(0.5)
        )
    );
    // Closed after 5 and 30 days; two accounts worked.
    assert_eq!(
        (&n["median_days_to_close"], &n["per_1000_accounts_worked"]),
        (&json!(17.5), &json!(1000.0))
    );
    let s = row(&by_agent, &json!(app.south_agent.id));
    assert_eq!(
        (
            &s["received"],
            &s["open"],
            &s["overdue"],
            &s["per_1000_accounts_worked"]
        ),
        (&json!(1), &json!(1), &json!(0), &Value::Null)
    );
    let by_category = report("category", &head).await;
    let w = row(&by_category, &json!("wrong_amount"));
    assert_eq!(
        (
            &w["group_name"],
            &w["received"],
            &w["closed"],
            &w["open"],
            &w["per_1000_accounts_worked"]
        ),
        (
            &json!("wrong_amount"),
            &json!(1),
            &json!(1),
            &json!(1),
            &json!(500.0)
        )
    );
    let by_cause = report("root_cause", &head).await;
    assert_eq!(row(&by_cause, &json!("agent_error"))["justified"], 1);
    let not_closed = row(&by_cause, &Value::Null);
    assert_eq!(
        (&not_closed["group_name"], &not_closed["open"]),
        (&json!("not closed"), &json!(2))
    );
    let by_team = report("team", &lead).await;
    assert_eq!(
        by_team["data"].as_array().unwrap().len(),
        1,
        "a team lead sees their team"
    );
    assert_eq!(row(&by_team, &json!(app.north))["received"], 2);
    let res = app
        .get(&format!("/v1/reports/complaints?{range}"), Some(&agent))
        .await;
    assert_eq!(res.status.as_u16(), 403);
    let csv = app
        .call(
            crate::helpers::TestApp::req(
                actix_web::http::Method::GET,
                &format!("/v1/reports/complaints?{range}"),
                Some(&head),
            )
            .insert_header(("accept", "text/csv")),
        )
        .await;
    let text = String::from_utf8(csv.body.clone()).unwrap();
    assert!(text.starts_with("group_id,group_name,received,closed,open,overdue,justified,justified_rate,per_1000_accounts_worked,median_days_to_close"), "{text}");
    // Satisfaction: 5, 4, 2 for the north agent; 3 for the south agent.
    for (account, score) in [(north_1, 5), (north_1, 4), (north_2, 2), (south, 3)] {
        let body = json!({"score": score, "channel": "ivr"});
        app.post(
            &format!("/v1/accounts/{account}/satisfaction"),
            Some(&head),
            body,
        )
        .await
        .expect(201);
    }
    let sat = app
        .get(&format!("/v1/reports/satisfaction?{range}"), Some(&head))
        .await
        .expect(200);
    let n = row(&sat, &north_agent);
    assert_eq!(
        (&n["responses"], &n["average_score"], &n["csat"]),
        (&json!(3), &json!(3.67), &json!(0.6667))
    );
    let s = row(&sat, &json!(app.south_agent.id));
    assert_eq!(
        (&s["average_score"], &s["csat"]),
        (&json!(3.0), &json!(0.0))
    );
    let teams = app
        .get(
            &format!("/v1/reports/satisfaction?{range}&group_by=team"),
            Some(&lead),
        )
        .await
        .expect(200);
    assert_eq!(teams["data"].as_array().unwrap().len(), 1);
    assert_eq!(row(&teams, &json!(app.north))["responses"], 3);
}
