//! Evaluation forms and evaluations: the score, who may evaluate, acknowledge, dispute within 7
//! days and resolve (not the evaluator), on both databases.

use crate::helpers::{Seeded, TestApp, Travel};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

/// A user made through the API by the admin.
pub async fn staff(app: &TestApp, role: Role, team: Option<i64>, email: &str) -> Seeded {
    let body = json!({"email": email, "name": format!("Staff {email}"), "role": role.as_str(),
        "team_id": team, "password": "long enough password"});
    let made = app
        .post("/v1/users", Some(&app.token(Role::Admin)), body)
        .await
        .expect(201);
    Seeded {
        id: made["id"].as_i64().unwrap(),
        email: email.into(),
        role,
        team_id: team,
    }
}

pub fn form_body() -> Value {
    json!({"name": "Outbound call quality", "questions": [
        {"key": "greeting", "text": "Greeted and identified", "weight": 10, "scale": "yes_no"},
        {"key": "mini_miranda", "text": "Gave the mini-Miranda disclosure", "weight": 20, "scale": "yes_no", "fatal": true},
        {"key": "negotiation", "text": "Negotiated within policy", "weight": 30, "scale": "zero_to_five"}]})
}

pub async fn form(app: &TestApp) -> i64 {
    app.post(
        "/v1/evaluation-forms",
        Some(&app.token(Role::Manager)),
        form_body(),
    )
    .await
    .expect(201)["id"]
        .as_i64()
        .unwrap()
}

/// A right-party call on `account` logged with `token`: the contact's id.
pub async fn call(app: &TestApp, account: i64, token: &str) -> i64 {
    let body =
        json!({"channel": "phone", "direction": "inbound", "outcome": "right_party_contact"});
    app.post(
        &format!("/v1/accounts/{account}/contacts"),
        Some(token),
        body,
    )
    .await
    .expect(201)["id"]
        .as_i64()
        .unwrap()
}

/// Answers (greeting, mini_miranda, negotiation).
pub fn answers(form: i64, g: Value, m: Value, n: Value) -> Value {
    json!({"form_id": form, "answers": [{"key": "greeting", "value": g}, {"key": "mini_miranda", "value": m},
        {"key": "negotiation", "value": n}]})
}

pub async fn evaluate(
    app: &TestApp,
    contact: i64,
    token: &str,
    body: Value,
) -> crate::helpers::TestResponse {
    app.post(
        &format!("/v1/contacts/{contact}/evaluations"),
        Some(token),
        body,
    )
    .await
}

#[actix_web::test]
async fn forms_are_validated_and_immutable_once_used() {
    let app = TestApp::new().await;
    let manager = app.token(Role::Manager);
    let made = app
        .post("/v1/evaluation-forms", Some(&manager), form_body())
        .await;
    let id = made.expect(201)["id"].as_i64().unwrap();
    assert_eq!(
        made.header("location").as_deref(),
        Some(format!("/v1/evaluation-forms/{id}").as_str())
    );
    assert_eq!(made.json()["used"], false);
    assert_eq!(made.json()["questions"][1]["fatal"], true);
    assert_eq!(made.json()["questions"][0]["fatal"], false);
    let lead = app.token(Role::TeamLead);
    assert_eq!(
        app.post("/v1/evaluation-forms", Some(&lead), form_body())
            .await
            .status,
        403
    );
    let bad = json!({"name": "", "questions": [
        {"key": "a", "text": "A", "weight": 0, "scale": "yes_no"},
        {"key": "a", "text": "B", "weight": 5, "scale": "zero_to_five"}]});
    let refused = app.post("/v1/evaluation-forms", Some(&manager), bad).await;
    let problem = refused.expect(422);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "questions[0].weight", "questions[1].key"]);
    let unknown = json!({"name": "x", "questions": [{"key": "a", "text": "A", "weight": 1, "scale": "yes_no", "extra": 1}]});
    assert_eq!(
        app.post("/v1/evaluation-forms", Some(&manager), unknown)
            .await
            .status
            .as_u16(),
        422
    );

    // Unused: it may change. Every role reads it.
    let mut changed = form_body();
    changed["name"] = json!("Outbound call quality v2");
    let path = format!("/v1/evaluation-forms/{id}");
    let put = |body: Value| TestApp::req(Method::PUT, &path, Some(&manager)).set_json(body);
    assert_eq!(
        app.call(put(changed.clone())).await.expect(200)["name"],
        "Outbound call quality v2"
    );
    let agent = app.token(Role::Agent);
    assert_eq!(
        app.get(&path, Some(&agent)).await.expect(200)["name"],
        "Outbound call quality v2"
    );
    assert_eq!(
        app.get("/v1/evaluation-forms", Some(&agent))
            .await
            .expect(200)["data"][0]["id"],
        id
    );

    // A refused evaluation leaves it unused; a stored one makes it immutable.
    let account = app.assigned_account("Q-FORM", 10_000).await;
    let contact = call(&app, account, &agent).await;
    let missing = json!({"form_id": id, "answers": [{"key": "greeting", "value": 1}]});
    assert_eq!(evaluate(&app, contact, &lead, missing).await.status, 422);
    assert_eq!(
        app.get(&path, Some(&agent)).await.expect(200)["used"],
        false
    );
    evaluate(
        &app,
        contact,
        &lead,
        answers(id, json!(1), json!(1), json!(5)),
    )
    .await
    .expect(201);
    assert_eq!(app.get(&path, Some(&agent)).await.expect(200)["used"], true);
    let refused = app.call(put(changed)).await;
    assert_eq!(
        (refused.status.as_u16(), refused.slug().as_str()),
        (409, "evaluation-form-used")
    );
    assert_eq!(
        app.get("/v1/evaluation-forms/999999", Some(&agent))
            .await
            .status,
        404
    );
}

#[actix_web::test]
async fn scores_and_who_may_evaluate() {
    let app = TestApp::new().await;
    let form = form(&app).await;
    let agent = app.token(Role::Agent);
    let lead = app.token(Role::TeamLead);
    let account = app.assigned_account("Q-SCORE", 10_000).await;
    let contact = call(&app, account, &agent).await;
    // 100 × (0 + 20 + 30 × 3/5) ÷ 60 = 63.3
    let made = evaluate(
        &app,
        contact,
        &lead,
        answers(form, json!(0), json!(1), json!(3)),
    )
    .await;
    let e = made.expect(201);
    assert_eq!(
        (e["score"].as_f64(), &e["fatal_failed"], &e["status"]),
        (Some(63.3), &json!(false), &json!("submitted"))
    );
    assert_eq!(e["agent_id"], app.user(Role::Agent).id);
    assert_eq!(e["team_id"], app.north);
    assert_eq!(
        made.header("location").unwrap(),
        format!("/v1/evaluations/{}", e["id"])
    );
    // Not applicable leaves the weight out: 100 × (20 + 18) ÷ 50 = 76.0
    let na = evaluate(
        &app,
        contact,
        &lead,
        answers(form, Value::Null, json!(1), json!(3)),
    )
    .await;
    assert_eq!(na.expect(201)["score"].as_f64(), Some(76.0));
    // A fatal question answered 0.
    let fatal = evaluate(
        &app,
        contact,
        &lead,
        answers(form, json!(1), json!(0), json!(5)),
    )
    .await;
    assert_eq!(
        (
            fatal.json()["score"].as_f64(),
            &fatal.json()["fatal_failed"]
        ),
        (Some(0.0), &json!(true))
    );
    // Out of scale, an unknown key: 422 naming them.
    let mut bad = answers(form, json!(2), json!(1), json!(6));
    let out = evaluate(&app, contact, &lead, bad.clone()).await;
    assert_eq!(out.expect(422)["errors"][0]["field"], "answers[0].value");
    bad["answers"][0] = json!({"key": "smile", "value": 1});
    assert_eq!(evaluate(&app, contact, &lead, bad).await.status, 422);
    let no_form = answers(999_999, json!(1), json!(1), json!(1));
    assert_eq!(
        evaluate(&app, contact, &lead, no_form).await.expect(422)["errors"][0]["field"],
        "form_id"
    );

    // Agents may not evaluate; another team's lead sees no such contact; nobody their own.
    let full = answers(form, json!(1), json!(1), json!(5));
    assert_eq!(
        evaluate(&app, contact, &agent, full.clone()).await.status,
        403
    );
    let south_lead = staff(&app, Role::TeamLead, Some(app.south), "south.lead@test.dev").await;
    let south_lead = app.token_for(&south_lead);
    assert_eq!(
        evaluate(&app, contact, &south_lead, full.clone())
            .await
            .status,
        404
    );
    assert_eq!(
        evaluate(&app, 999_999, &lead, full.clone()).await.status,
        404
    );
    let own = call(&app, account, &lead).await;
    let refused = evaluate(&app, own, &lead, full.clone()).await;
    assert_eq!(
        (refused.status.as_u16(), refused.slug().as_str()),
        (403, "own-contact")
    );
    evaluate(&app, own, &app.token(Role::Manager), full.clone())
        .await
        .expect(201);
    evaluate(&app, contact, &app.token(Role::Head), full)
        .await
        .expect(201);
    let audited = app
        .get(
            "/v1/audit-events?entity_type=evaluation",
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    let submitted = audited["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "evaluation.submitted");
    assert_eq!(submitted.count(), 5);
}

/// A north account delinquent since 2026-08-01 (for tests on the travelling clock), assigned to
/// the north agent.
pub async fn account_since_august(app: &TestApp, external_ref: &str) -> i64 {
    let debtor = app.debtor(&format!("Debtor of {external_ref}")).await;
    let body = json!({"external_ref": external_ref, "debtor_id": debtor, "original_amount": 20_000,
        "balance": 10_000, "delinquent_since": "2026-08-01", "team_id": app.north, "portfolio": "cards"});
    let id = app
        .post("/v1/accounts", Some(&app.token(Role::Head)), body)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    app.assign(&[id], app.user(Role::Agent).id).await;
    id
}

async fn evaluation_on(app: &TestApp, external_ref: &str) -> i64 {
    let agent = app.token(Role::Agent);
    let account = account_since_august(app, external_ref).await;
    let contact = call(app, account, &agent).await;
    let form = form(app).await;
    let lead = app.token(Role::TeamLead);
    evaluate(
        app,
        contact,
        &lead,
        answers(form, json!(1), json!(0), json!(5)),
    )
    .await
    .expect(201)["id"]
        .as_i64()
        .unwrap()
}

#[actix_web::test]
async fn the_agent_disputes_through_the_seventh_day_and_another_resolves() {
    let travel = Travel::new().await;
    let app = &travel.app;
    let agent = app.token(Role::Agent);
    let lead = app.token(Role::TeamLead);
    let manager = app.token(Role::Manager);
    let first = evaluation_on(app, "Q-D1").await;
    let second = evaluation_on(app, "Q-D2").await;
    let third = evaluation_on(app, "Q-D3").await;
    assert_eq!(
        app.get(&format!("/v1/evaluations/{first}"), Some(&agent))
            .await
            .expect(200)["dispute_until"],
        "2026-09-08"
    );
    let dispute = |id: i64, token: String| async move {
        app.post(
            &format!("/v1/evaluations/{id}/dispute"),
            Some(&token),
            json!({"reason": "The debtor hung up."}),
        )
        .await
    };
    // Only the agent acknowledges or disputes.
    let refused = dispute(first, lead.clone()).await;
    assert_eq!(
        (refused.status.as_u16(), refused.slug().as_str()),
        (403, "not-your-evaluation")
    );
    // Day 7, late in the day: allowed. Day 8: refused.
    travel.at_hour("2026-09-08", 23);
    let disputed = dispute(first, agent.clone()).await.expect(200);
    assert_eq!(disputed["status"], "disputed");
    assert_eq!(disputed["dispute_reason"], "The debtor hung up.");
    assert_eq!(
        dispute(first, agent.clone()).await.slug(),
        "evaluation-not-open"
    );
    travel.at_hour("2026-09-09", 0);
    let late = dispute(second, agent.clone()).await;
    assert_eq!(
        (late.status.as_u16(), late.slug().as_str()),
        (409, "dispute-window-closed")
    );
    // Acknowledging is still possible; twice is not.
    let ack = format!("/v1/evaluations/{second}/acknowledge");
    assert_eq!(
        app.post(&ack, Some(&agent), json!({})).await.expect(200)["status"],
        "acknowledged"
    );
    assert_eq!(
        app.post(&ack, Some(&agent), json!({})).await.slug(),
        "evaluation-not-open"
    );
    assert_eq!(dispute(second, agent.clone()).await.status, 409);

    // The evaluator may not resolve; the manager may. Upheld with a score corrects it.
    let resolve = format!("/v1/evaluations/{first}/resolve-dispute");
    let by_evaluator = app
        .post(&resolve, Some(&lead), json!({"outcome": "upheld"}))
        .await;
    assert_eq!(
        (by_evaluator.status.as_u16(), by_evaluator.slug().as_str()),
        (403, "evaluator-cannot-resolve")
    );
    assert_eq!(
        app.post(&resolve, Some(&agent), json!({"outcome": "upheld"}))
            .await
            .status,
        403
    );
    let mixed = app
        .post(
            &resolve,
            Some(&manager),
            json!({"outcome": "rejected", "score": 50}),
        )
        .await;
    assert_eq!(mixed.expect(422)["errors"][0]["field"], "score");
    let ragged = app
        .post(
            &resolve,
            Some(&manager),
            json!({"outcome": "upheld", "score": 50.55}),
        )
        .await;
    assert_eq!(ragged.status, 422);
    let resolved = app
        .post(
            &resolve,
            Some(&manager),
            json!({"outcome": "upheld", "score": 92.5}),
        )
        .await
        .expect(200);
    assert_eq!(
        (
            resolved["status"].as_str(),
            resolved["dispute_outcome"].as_str()
        ),
        (Some("resolved"), Some("upheld"))
    );
    assert_eq!(
        (
            resolved["score"].as_f64(),
            resolved["original_score"].as_f64()
        ),
        (Some(92.5), Some(0.0))
    );
    assert_eq!(resolved["fatal_failed"], false);
    assert_eq!(resolved["resolved_by"], app.user(Role::Manager).id);
    assert_eq!(
        app.post(&resolve, Some(&manager), json!({"outcome": "rejected"}))
            .await
            .slug(),
        "evaluation-not-disputed"
    );
    let audited = app
        .get(
            &format!("/v1/audit-events?entity_type=evaluation&entity_id={first}"),
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    let actions: Vec<&str> = audited["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"evaluation.dispute_resolved")
            && actions.contains(&"evaluation.disputed"),
        "{actions:?}"
    );

    // Rejected keeps the score; filters and scope of the list.
    travel.at("2026-09-02");
    let _ = third;
    let fourth = evaluation_on(app, "Q-D4").await;
    dispute(fourth, agent.clone()).await.expect(200);
    let kept = app
        .post(
            &format!("/v1/evaluations/{fourth}/resolve-dispute"),
            Some(&app.token(Role::Head)),
            json!({"outcome": "rejected"}),
        )
        .await
        .expect(200);
    assert_eq!(
        (
            kept["score"].as_f64(),
            &kept["fatal_failed"],
            &kept["original_score"]
        ),
        (Some(0.0), &json!(true), &Value::Null)
    );
    let mine = app
        .get("/v1/evaluations?status=resolved", Some(&agent))
        .await
        .expect(200);
    assert_eq!(mine["data"].as_array().unwrap().len(), 2);
    let on_day = app
        .get(
            "/v1/evaluations?from=2026-09-02&to=2026-09-02",
            Some(&agent),
        )
        .await
        .expect(200);
    assert_eq!(on_day["data"][0]["id"], fourth);
    assert_eq!(on_day["data"].as_array().unwrap().len(), 1);
    let south = app.token_for(&app.south_agent);
    assert_eq!(
        app.get("/v1/evaluations", Some(&south)).await.expect(200)["data"],
        json!([])
    );
    assert_eq!(
        app.get(&format!("/v1/evaluations/{first}"), Some(&south))
            .await
            .status,
        404
    );
}
