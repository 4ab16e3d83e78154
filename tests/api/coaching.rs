//! Coaching sessions and their actions: who coaches whom, what a session may link, who
//! completes an action, and who reads what.

use crate::helpers::TestApp;
use crate::quality::{answers, call, evaluate, form, staff};
use arrears::domain::role::Role;
use serde_json::{Value, json};

fn day(offset: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(offset)).to_string()
}

fn session(agent: i64, evaluations: Value) -> Value {
    json!({"agent_id": agent, "held_on": day(0), "topics": ["objection handling", "mini-Miranda"],
        "evaluation_ids": evaluations, "notes": "Listened to two calls together.",
        "actions": [{"text": "Offer a plan before ending a refusal.", "due_on": day(7)},
                    {"text": "Read the disclosure script twice a day.", "due_on": day(0)}]})
}

#[actix_web::test]
async fn sessions_actions_and_who_sees_them() {
    let app = TestApp::new().await;
    let lead = app.token(Role::TeamLead);
    let agent = app.token(Role::Agent);
    let agent_id = app.user(Role::Agent).id;
    let account = app.assigned_account("C-1", 10_000).await;
    let contact = call(&app, account, &agent).await;
    let form = form(&app).await;
    let evaluation = evaluate(
        &app,
        contact,
        &lead,
        answers(form, json!(1), json!(1), json!(4)),
    )
    .await
    .expect(201)["id"]
        .clone();

    // An action due before the session: refused.
    let mut early = session(agent_id, json!([evaluation]));
    early["actions"][1]["due_on"] = json!(day(-1));
    let refused = app.post("/v1/coaching-sessions", Some(&lead), early).await;
    assert_eq!(
        refused.expect(422)["errors"][0]["field"],
        "actions[1].due_on"
    );
    let body = session(agent_id, json!([evaluation]));
    let made = app.post("/v1/coaching-sessions", Some(&lead), body).await;
    let s = made.expect(201);
    assert_eq!(
        made.header("location").unwrap(),
        format!("/v1/coaching-sessions/{}", s["id"])
    );
    assert_eq!(
        (s["coach_id"].as_i64(), s["team_id"].as_i64()),
        (Some(app.user(Role::TeamLead).id), Some(app.north))
    );
    assert_eq!(s["topics"], json!(["objection handling", "mini-Miranda"]));
    assert_eq!(s["evaluation_ids"], json!([evaluation]));
    assert_eq!(s["actions"].as_array().unwrap().len(), 2);
    assert_eq!(
        (&s["actions"][0]["status"], &s["actions"][0]["overdue"]),
        (&json!("open"), &json!(false))
    );

    // Field rules.
    let south_agent = app.south_agent.id;
    let cases: Vec<(Value, &str)> = vec![
        (session(south_agent, json!([])), "agent_id"),
        (session(app.user(Role::TeamLead).id, json!([])), "agent_id"),
        (session(agent_id, json!([999_999])), "evaluation_ids[0]"),
        (
            session(agent_id, json!([evaluation, evaluation])),
            "evaluation_ids[1]",
        ),
        (
            {
                let mut b = session(agent_id, json!([]));
                b["held_on"] = json!(day(1));
                b["actions"] = json!([]);
                b
            },
            "held_on",
        ),
        (
            {
                let mut b = session(agent_id, json!([]));
                b["topics"] = json!([" "]);
                b
            },
            "topics[0]",
        ),
        (
            {
                let mut b = session(agent_id, json!([]));
                b["topics"] = json!([]);
                b
            },
            "topics",
        ),
    ];
    for (body, field) in cases {
        let refused = app.post("/v1/coaching-sessions", Some(&lead), body).await;
        assert_eq!(refused.expect(422)["errors"][0]["field"], field);
    }
    assert_eq!(
        app.post(
            "/v1/coaching-sessions",
            Some(&agent),
            session(agent_id, json!([]))
        )
        .await
        .status,
        403
    );
    // The manager coaches anyone, the south agent too (and an evaluation of another agent is refused).
    let manager = app.token(Role::Manager);
    let south = app
        .post(
            "/v1/coaching-sessions",
            Some(&manager),
            session(south_agent, json!([])),
        )
        .await
        .expect(201);
    let wrong = app
        .post(
            "/v1/coaching-sessions",
            Some(&manager),
            session(south_agent, json!([evaluation])),
        )
        .await;
    assert_eq!(wrong.expect(422)["errors"][0]["field"], "evaluation_ids[0]");

    // Agents read their own; the team lead their team's; the manager all.
    let listed = |token: String, query: &'static str| {
        let app = &app;
        async move {
            app.get(&format!("/v1/coaching-sessions{query}"), Some(&token))
                .await
                .expect(200)["data"]
                .as_array()
                .unwrap()
                .len()
        }
    };
    assert_eq!(listed(agent.clone(), "").await, 1);
    assert_eq!(listed(lead.clone(), "").await, 1);
    assert_eq!(listed(manager.clone(), "").await, 2);
    assert_eq!(listed(manager.clone(), "?agent_id=0").await, 0);
    let south_token = app.token_for(&app.south_agent);
    assert_eq!(listed(south_token.clone(), "").await, 1);
    assert_eq!(
        app.get(
            &format!("/v1/coaching-sessions/{}", s["id"]),
            Some(&south_token)
        )
        .await
        .status,
        404
    );
    assert_eq!(
        app.get(
            &format!("/v1/coaching-sessions/{}", south["id"]),
            Some(&lead)
        )
        .await
        .status,
        404
    );
    let one = app
        .get(&format!("/v1/coaching-sessions/{}", s["id"]), Some(&agent))
        .await
        .expect(200);
    assert_eq!(one["actions"][1]["due_on"], day(0));

    // The agent completes one, the coach the other; nobody else, and not twice.
    let first = format!("/v1/coaching-actions/{}/complete", s["actions"][0]["id"]);
    let second = format!("/v1/coaching-actions/{}/complete", s["actions"][1]["id"]);
    let by_manager = app.post(&first, Some(&manager), json!({})).await;
    assert_eq!(
        (by_manager.status.as_u16(), by_manager.slug().as_str()),
        (403, "not-agent-or-coach")
    );
    assert_eq!(
        app.post(&first, Some(&south_token), json!({})).await.status,
        404
    );
    let done = app.post(&first, Some(&agent), json!({})).await.expect(200);
    assert_eq!(
        (&done["status"], &done["completed_by"]),
        (&json!("completed"), &json!(agent_id))
    );
    assert_eq!(
        app.post(&first, Some(&agent), json!({})).await.slug(),
        "coaching-action-completed"
    );
    app.post(&second, Some(&lead), json!({})).await.expect(200);
    let audited = app
        .get(
            "/v1/audit-events?entity_type=coaching_action",
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    assert_eq!(audited["data"].as_array().unwrap().len(), 2);
    // A colleague on the same team sees nothing of it.
    let colleague = staff(&app, Role::Agent, Some(app.north), "colleague@test.dev").await;
    assert_eq!(
        app.get(
            &format!("/v1/coaching-sessions/{}", s["id"]),
            Some(&app.token_for(&colleague))
        )
        .await
        .status,
        404
    );
}
