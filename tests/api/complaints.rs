//! Complaints: deadlines per source, the pause per category, who may do what, monetary relief,
//! satisfaction answers, and the two reports on a data set counted by hand.

use crate::helpers::{TestApp, column, today};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

/// Today 16:00 UTC (the test clock) less `days` and `seconds`.
fn before_now(days: i64, seconds: i64) -> String {
    let now = today().and_hms_opt(16, 0, 0).unwrap().and_utc();
    (now - chrono::Duration::days(days) - chrono::Duration::seconds(seconds)).to_rfc3339()
}

async fn complain(app: &TestApp, account: i64, body: Value) -> Value {
    app.post(
        &format!("/v1/accounts/{account}/complaints"),
        Some(&app.token(Role::Agent)),
        body,
    )
    .await
    .expect(201)
}

fn received(source: &str, category: &str, at: &str) -> Value {
    json!({"source": source, "category": category, "description": "test", "received_at": at})
}

#[actix_web::test]
async fn deadlines_per_source_at_the_boundary() {
    let app = TestApp::new().await;
    let id = app.assigned_account("CMP-1", 10_000).await;
    let at = before_now(15, 0);
    let cfpb = complain(&app, id, received("cfpb", "privacy", &at)).await;
    let due =
        |c: &Value| chrono::DateTime::parse_from_rfc3339(c["due_at"].as_str().unwrap()).unwrap();
    let from = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    assert_eq!(due(&cfpb) - from(&at), chrono::Duration::days(15));
    // Due exactly now: not overdue; one second older: overdue.
    assert_eq!(
        (&cfpb["status"], &cfpb["overdue"]),
        (&json!("open"), &json!(false))
    );
    let late = complain(&app, id, received("cfpb", "privacy", &before_now(15, 1))).await;
    assert_eq!(late["overdue"], true);
    let direct = complain(&app, id, received("direct", "other", &at)).await;
    assert_eq!(due(&direct) - from(&at), chrono::Duration::days(30));
    let head = app.token(Role::Head);
    let overdue = app
        .get("/v1/complaints?overdue=true", Some(&head))
        .await
        .expect(200);
    assert_eq!(overdue["data"].as_array().unwrap().len(), 1);
    assert_eq!(overdue["data"][0]["id"], late["id"]);
    // The policy sets the days per source (head); received complaints keep their due_at.
    let policy =
        json!({"direct": 30, "cfpb": 10, "state_regulator": 30, "client": 20, "other": 30});
    let put =
        |body: Value| TestApp::req(Method::PUT, "/v1/complaint-policy", Some(&head)).set_json(body);
    app.call(put(policy.clone())).await.expect(200);
    app.call(put(
        json!({"direct": 0, "cfpb": 10, "state_regulator": 30, "client": 20, "other": 30}),
    ))
    .await
    .expect(422);
    let lead = app.token(Role::TeamLead);
    app.call(TestApp::req(Method::PUT, "/v1/complaint-policy", Some(&lead)).set_json(policy))
        .await
        .expect(403);
    let now_cfpb = complain(&app, id, received("cfpb", "privacy", &at)).await;
    assert_eq!(due(&now_cfpb) - from(&at), chrono::Duration::days(10));
    let again = app
        .get(&format!("/v1/complaints/{}", cfpb["id"]), Some(&head))
        .await
        .expect(200);
    assert_eq!(again["due_at"], cfpb["due_at"]);
    // Not in the future.
    let future = received("cfpb", "privacy", &before_now(-1, 0));
    let res = app
        .post(
            &format!("/v1/accounts/{id}/complaints"),
            Some(&head),
            future,
        )
        .await;
    assert_eq!(res.status.as_u16(), 422);
}

async fn open_count(app: &TestApp, id: i64) -> Value {
    app.get(&format!("/v1/accounts/{id}"), Some(&app.token(Role::Head)))
        .await
        .expect(200)["open_complaints"]
        .clone()
}

async fn reasons(app: &TestApp, id: i64) -> Value {
    app.get(
        &format!("/v1/accounts/{id}/contactability"),
        Some(&app.token(Role::Agent)),
    )
    .await
    .expect(200)["reasons"]
        .clone()
}

#[actix_web::test]
async fn pausing_categories_pause_collection_until_closed() {
    let app = TestApp::new().await;
    let id = app.assigned_account("CMP-2", 10_000).await;
    let lead = app.token(Role::TeamLead);
    let now = before_now(0, 0);
    complain(&app, id, received("direct", "communication_tactics", &now)).await;
    assert_eq!(reasons(&app, id).await, json!([]));
    let first = complain(&app, id, received("cfpb", "wrong_amount", &now)).await;
    let second = complain(&app, id, received("direct", "validation_notice", &now)).await;
    assert_eq!(reasons(&app, id).await, json!(["open_complaint"]));
    assert_eq!(open_count(&app, id).await, 3);
    let call = json!({"channel": "phone", "direction": "outbound", "outcome": "no_answer", "occurred_at": now});
    let refused = app
        .post(
            &format!("/v1/accounts/{id}/contacts"),
            Some(&app.token(Role::Agent)),
            call.clone(),
        )
        .await;
    assert_eq!(refused.status.as_u16(), 409);
    assert_eq!(refused.json()["reasons"], json!(["open_complaint"]));
    let queue = app
        .get("/v1/queue", Some(&app.token(Role::Agent)))
        .await
        .expect(200);
    let item = queue["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["account_id"] == id)
        .unwrap()
        .clone();
    assert_eq!(item["contactable_now"], false);
    let close = json!({"root_cause": "no_fault", "justified": false, "remedy": "none"});
    app.post(
        &format!("/v1/complaints/{}/close", first["id"]),
        Some(&lead),
        close.clone(),
    )
    .await
    .expect(200);
    assert_eq!(
        reasons(&app, id).await,
        json!(["open_complaint"]),
        "one pausing complaint is still open"
    );
    app.post(
        &format!("/v1/complaints/{}/close", second["id"]),
        Some(&lead),
        close,
    )
    .await
    .expect(200);
    assert_eq!(reasons(&app, id).await, json!([]));
    app.post(
        &format!("/v1/complaints/{}/reopen", first["id"]),
        Some(&lead),
        json!({}),
    )
    .await
    .expect(200);
    assert_eq!(reasons(&app, id).await, json!(["open_complaint"]));
    // The complaint is in the account's timeline.
    let timeline = app
        .get(&format!("/v1/accounts/{id}/timeline"), Some(&lead))
        .await
        .expect(200);
    assert!(column(&timeline, "action").contains(&"complaint.received"));
}

#[actix_web::test]
async fn who_may_respond_close_and_reopen() {
    let app = TestApp::new().await;
    let id = app.assigned_account("CMP-3", 10_000).await;
    let lead = app.user(Role::TeamLead).id;
    let mut body = received("direct", "agent_conduct", &before_now(1, 0));
    body["against_user_id"] = json!(lead);
    let against_lead = complain(&app, id, body).await;
    let path = |action: &str| format!("/v1/complaints/{}/{action}", against_lead["id"]);
    let close = json!({"root_cause": "agent_error", "justified": true, "remedy": "non_monetary"});
    for action in ["respond", "close", "reopen"] {
        let b = if action == "close" {
            close.clone()
        } else {
            json!({"response": "r"})
        };
        let res = app
            .post(&path(action), Some(&app.token(Role::Agent)), b)
            .await;
        assert_eq!(res.status.as_u16(), 403, "an agent may not {action}");
    }
    let responded = app
        .post(
            &path("respond"),
            Some(&app.token(Role::TeamLead)),
            json!({"response": "we are looking into it"}),
        )
        .await
        .expect(200);
    assert_eq!(
        (&responded["status"], &responded["response"]),
        (&json!("in_progress"), &json!("we are looking into it"))
    );
    let mine = app
        .post(
            &path("close"),
            Some(&app.token(Role::TeamLead)),
            close.clone(),
        )
        .await;
    assert_eq!(
        (mine.status.as_u16(), mine.slug()),
        (403, "complaint-against-you".into())
    );
    let closed = app
        .post(
            &path("close"),
            Some(&app.token(Role::Manager)),
            close.clone(),
        )
        .await
        .expect(200);
    assert_eq!(
        (
            &closed["status"],
            &closed["root_cause"],
            &closed["closed_by"]
        ),
        (
            &json!("closed"),
            &json!("agent_error"),
            &json!(app.user(Role::Manager).id)
        )
    );
    let twice = app
        .post(&path("close"), Some(&app.token(Role::Manager)), close)
        .await;
    assert_eq!(
        (twice.status.as_u16(), twice.slug()),
        (409, "complaint-closed".into())
    );
    let resp = app
        .post(
            &path("respond"),
            Some(&app.token(Role::Manager)),
            json!({"response": "x"}),
        )
        .await;
    assert_eq!(resp.status.as_u16(), 409);
    let reopened = app
        .post(&path("reopen"), Some(&app.token(Role::Manager)), json!({}))
        .await
        .expect(200);
    assert_eq!(
        (&reopened["status"], &reopened["root_cause"]),
        (&json!("open"), &Value::Null)
    );
    let not_closed = app
        .post(&path("reopen"), Some(&app.token(Role::Manager)), json!({}))
        .await;
    assert_eq!(
        (not_closed.status.as_u16(), not_closed.slug()),
        (409, "complaint-not-closed".into())
    );
    // Another team's complaint is not there for this team's lead or agent.
    let south = app.account("CMP-SOUTH", 5_000, 30, Some(app.south)).await["id"]
        .as_i64()
        .unwrap();
    let theirs = app
        .post(
            &format!("/v1/accounts/{south}/complaints"),
            Some(&app.token(Role::Head)),
            received("client", "privacy", &before_now(0, 0)),
        )
        .await
        .expect(201);
    for role in [Role::Agent, Role::TeamLead] {
        let token = app.token(role);
        app.get(&format!("/v1/complaints/{}", theirs["id"]), Some(&token))
            .await
            .expect(404);
        let listed = app.get("/v1/complaints", Some(&token)).await.expect(200);
        assert!(
            !listed["data"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["id"] == theirs["id"])
        );
    }
    app.post(
        &format!("/v1/complaints/{}/respond", theirs["id"]),
        Some(&app.token(Role::TeamLead)),
        json!({"response": "x"}),
    )
    .await
    .expect(404);
    let bad_user = json!({"source": "direct", "category": "other", "description": "x", "against_user_id": 999_999});
    let res = app
        .post(
            &format!("/v1/accounts/{id}/complaints"),
            Some(&app.token(Role::Agent)),
            bad_user,
        )
        .await;
    assert_eq!(res.json()["errors"][0]["field"], "against_user_id");
}

#[actix_web::test]
async fn monetary_relief_is_a_goodwill_adjustment_under_the_limits() {
    let app = TestApp::new().await;
    let id = crate::money_parts::account_with_parts(&app, "CMP-4", 100_000, json!({"fees": 5_000}))
        .await;
    let lead = app.token(Role::TeamLead);
    let now = before_now(0, 0);
    let small = complain(&app, id, received("direct", "wrong_amount", &now)).await;
    let relief = |amount: i64| json!({"root_cause": "client_error", "justified": true, "remedy": "monetary", "monetary_relief": amount});
    for bad in [
        json!({"root_cause": "policy", "justified": true, "remedy": "monetary"}),
        json!({"root_cause": "policy", "justified": true, "remedy": "none", "monetary_relief": 5}),
    ] {
        let res = app
            .post(
                &format!("/v1/complaints/{}/close", small["id"]),
                Some(&lead),
                bad,
            )
            .await;
        assert_eq!(res.json()["errors"][0]["field"], "monetary_relief");
    }
    let closed = app
        .post(
            &format!("/v1/complaints/{}/close", small["id"]),
            Some(&lead),
            relief(2_500),
        )
        .await
        .expect(200);
    let adjustment = app
        .get(
            &format!("/v1/adjustments/{}", closed["adjustment_id"]),
            Some(&lead),
        )
        .await
        .expect(200);
    assert_eq!(
        (
            &adjustment["reason"],
            &adjustment["component"],
            &adjustment["amount"],
            &adjustment["status"]
        ),
        (
            &json!("goodwill"),
            &json!("fees"),
            &json!(-2_500),
            &json!("applied")
        )
    );
    assert_eq!(
        crate::money_parts::components(&app, id).await["fees"],
        2_500
    );
    // Beyond the team lead's adjustment_max (100.00): the complaint closes, the relief waits.
    let big = complain(&app, id, received("direct", "wrong_amount", &now)).await;
    let closed = app
        .post(
            &format!("/v1/complaints/{}/close", big["id"]),
            Some(&lead),
            relief(20_000),
        )
        .await
        .expect(200);
    let adjustment = app
        .get(
            &format!("/v1/adjustments/{}", closed["adjustment_id"]),
            Some(&lead),
        )
        .await
        .expect(200);
    assert_eq!(
        (&adjustment["component"], &adjustment["status"]),
        (&json!("principal"), &json!("pending_approval"))
    );
    assert_eq!(app.account_state(id).await.1, 97_500);
    crate::money_parts::verify_ok(&app).await;
}

#[actix_web::test]
async fn satisfaction_answers_are_attributed() {
    let app = TestApp::new().await;
    let id = app.assigned_account("SAT-1", 10_000).await;
    let other = app.assigned_account("SAT-2", 10_000).await;
    let agent = app.token(Role::Agent);
    let call =
        json!({"channel": "phone", "direction": "inbound", "outcome": "right_party_contact"});
    let contact = app
        .post(&format!("/v1/accounts/{id}/contacts"), Some(&agent), call)
        .await
        .expect(201);
    let path = format!("/v1/accounts/{id}/satisfaction");
    let with_contact = app
        .post(
            &path,
            Some(&app.token(Role::Head)),
            json!({"score": 5, "channel": "ivr", "contact_id": contact["id"]}),
        )
        .await
        .expect(201);
    assert_eq!(with_contact["agent_id"], app.user(Role::Agent).id);
    let without = app
        .post(
            &path,
            Some(&agent),
            json!({"score": 2, "channel": "sms", "comment": "slow"}),
        )
        .await
        .expect(201);
    assert_eq!(
        (&without["agent_id"], &without["team_id"]),
        (&json!(app.user(Role::Agent).id), &json!(app.north))
    );
    for bad in [
        json!({"score": 6, "channel": "ivr"}),
        json!({"score": 3, "channel": "fax"}),
        json!({"score": 3, "channel": "ivr", "contact_id": contact["id"].as_i64().unwrap() + 1000}),
    ] {
        let res = app.post(&path, Some(&agent), bad.clone()).await;
        assert_eq!(res.status.as_u16(), 422, "{bad}");
    }
    let elsewhere = json!({"score": 3, "channel": "ivr", "contact_id": contact["id"]});
    app.post(
        &format!("/v1/accounts/{other}/satisfaction"),
        Some(&agent),
        elsewhere,
    )
    .await
    .expect(422);
    let list = app.get(&path, Some(&agent)).await.expect(200);
    assert_eq!(list["data"].as_array().unwrap().len(), 2);
    app.get(&path, Some(&app.token_for(&app.south_agent)))
        .await
        .expect(404);
}
