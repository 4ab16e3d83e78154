//! Integration events: each change publishes its event, the feed's scope and cursor, two
//! instances writing while a reader follows, the live stream (resume, tokens, 200 clients).

use std::collections::HashSet;
use std::time::Duration;

use crate::helpers::{RealServer, TestApp, at};
use arrears::domain::role::Role;
use serde_json::{Value, json};

fn call(outcome: &str, when: String) -> Value {
    json!({"channel": "phone", "direction": "outbound", "outcome": outcome, "occurred_at": when})
}

/// Every event of the feed after `after`, as `token` sees them (follows the cursor).
pub async fn feed(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let mut after = 0;
    let mut out = Vec::new();
    loop {
        let page = app
            .get(
                &format!("/v1/events?after={after}&limit=500{query}"),
                Some(token),
            )
            .await
            .expect(200);
        let data = page["data"].as_array().unwrap().clone();
        let next = page["next_cursor"].as_i64().unwrap();
        if data.is_empty() {
            assert_eq!(next, after, "no news keeps the cursor");
            return out;
        }
        out.extend(data);
        after = next;
    }
}

fn types_of(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn each_change_publishes_its_event() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let agent = app.token(Role::Agent);
    let id = app.assigned_account("EV-1", 100_000).await;
    let contacts = format!("/v1/accounts/{id}/contacts");
    app.post(&contacts, Some(&agent), call("no_answer", at(1, 15)))
        .await
        .expect(201);
    // 03:00 UTC is the previous night in New York: refused, and that is an event too.
    app.post(&contacts, Some(&agent), call("no_answer", at(1, 3)))
        .await
        .expect(409);
    let promise = json!({"kind": "promise", "amount": 5_000, "due_on": crate::helpers::in_days(3)});
    app.post(
        &format!("/v1/accounts/{id}/arrangements"),
        Some(&agent),
        promise,
    )
    .await
    .expect(201);
    app.pay(id, 2_500, &agent).await.expect(201);
    app.post(
        &format!("/v1/accounts/{id}/escalations"),
        Some(&agent),
        json!({"reason": "threatens to sue", "to_role": "manager"}),
    )
    .await
    .expect(201);
    let events = feed(&app, &head, "").await;
    // (the change, the event it publishes)
    let table = [
        ("placing the account", "account.placed"),
        ("assigning it", "account.assigned"),
        ("logging a call", "contact.logged"),
        ("a call the rules refuse", "contact.refused"),
        ("a promise", "arrangement.created"),
        ("a payment", "payment.recorded"),
        ("the balance it lowers", "account.updated"),
        ("an escalation", "escalation.raised"),
    ];
    for (change, event_type) in table {
        let event = events
            .iter()
            .find(|e| e["type"] == event_type)
            .unwrap_or_else(|| panic!("{change}: no {event_type} in {:?}", types_of(&events)));
        assert_eq!(event["account_id"], id, "{event_type}");
        assert!(
            event["data"].is_object(),
            "{event_type}: data is the resource"
        );
        assert!(
            event["occurred_at"].as_str().unwrap().ends_with('Z'),
            "{event_type}"
        );
    }
    let payment = events
        .iter()
        .find(|e| e["type"] == "payment.recorded")
        .unwrap();
    assert_eq!(payment["data"]["amount"], 2_500);
    assert_eq!(payment["actor_id"], app.user(Role::Agent).id);
    let ids: Vec<i64> = events.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "in order: {ids:?}");
}

/// `status` is a 2xx; answers the body.
fn done(res: crate::helpers::TestResponse) -> Value {
    assert!(
        res.status.is_success(),
        "{}: {}",
        res.status,
        String::from_utf8_lossy(&res.body)
    );
    res.json()
}

#[actix_web::test]
async fn money_disputes_complaints_and_approvals_publish_their_events() {
    let app = TestApp::new().await;
    let (agent, lead, head) = (
        app.token(Role::Agent),
        app.token(Role::TeamLead),
        app.token(Role::Head),
    );
    let id = app.assigned_account("EV-2", 100_000).await;
    let payment = done(app.pay(id, 1_000, &head).await);
    done(
        app.post(
            &format!("/v1/payments/{}/reverse", payment["id"]),
            Some(&lead),
            json!({"reason": "bounced"}),
        )
        .await,
    );
    let dispute = done(
        app.post(
            &format!("/v1/accounts/{id}/disputes"),
            Some(&agent),
            json!({"reason": "not mine"}),
        )
        .await,
    );
    done(
        app.post(
            &format!("/v1/disputes/{}/resolve", dispute["id"]),
            Some(&lead),
            json!({"outcome": "rejected", "note": "owed"}),
        )
        .await,
    );
    let now = crate::helpers::today()
        .and_hms_opt(10, 0, 0)
        .unwrap()
        .and_utc()
        .to_rfc3339();
    let complaint =
        json!({"source": "direct", "category": "other", "description": "test", "received_at": now});
    done(
        app.post(
            &format!("/v1/accounts/{id}/complaints"),
            Some(&agent),
            complaint,
        )
        .await,
    );
    let settlement = json!({"kind": "settlement", "account_id": id, "amount": 90_000, "reason": "hardship", "due_on": crate::helpers::in_days(10)});
    let request = done(app.post("/v1/approvals", Some(&agent), settlement).await);
    done(
        app.post(
            &format!("/v1/approvals/{}/approve", request["id"]),
            Some(&lead),
            json!({"note": "ok"}),
        )
        .await,
    );
    let esc = done(
        app.post(
            &format!("/v1/accounts/{id}/escalations"),
            Some(&agent),
            json!({"reason": "threatens to sue", "to_role": "manager"}),
        )
        .await,
    );
    done(
        app.post(
            &format!("/v1/escalations/{}/resolve", esc["id"]),
            Some(&app.token(Role::Manager)),
            json!({"note": "called back"}),
        )
        .await,
    );
    let events = feed(&app, &head, "").await;
    // (the change, the event it publishes, the resource id in its data)
    let table = [
        (
            "reversing a payment",
            "payment.reversed",
            payment["id"].clone(),
        ),
        ("opening a dispute", "dispute.opened", dispute["id"].clone()),
        ("resolving it", "dispute.resolved", dispute["id"].clone()),
        ("a complaint", "complaint.opened", Value::Null),
        (
            "asking for a settlement",
            "approval.requested",
            request["id"].clone(),
        ),
        ("approving it", "approval.decided", request["id"].clone()),
        (
            "resolving an escalation",
            "escalation.resolved",
            esc["id"].clone(),
        ),
    ];
    for (change, event_type, resource) in table {
        let event = events
            .iter()
            .find(|e| e["type"] == event_type)
            .unwrap_or_else(|| panic!("{change}: no {event_type} in {:?}", types_of(&events)));
        assert_eq!(event["account_id"], id, "{event_type}");
        if !resource.is_null() {
            assert_eq!(event["data"]["id"], resource, "{event_type}: the resource");
        }
    }
}

#[actix_web::test]
async fn the_feed_is_scoped_like_the_accounts_as_they_are_now() {
    let app = TestApp::new().await;
    let mine = app.assigned_account("EV-MINE", 50_000).await;
    let other = app.account("EV-OTHER", 50_000, 60, Some(app.south)).await["id"]
        .as_i64()
        .unwrap();
    let accounts_seen = |events: Vec<Value>| -> HashSet<i64> {
        events
            .iter()
            .filter_map(|e| e["account_id"].as_i64())
            .collect()
    };
    let agent = accounts_seen(feed(&app, &app.token(Role::Agent), "").await);
    assert_eq!(agent, HashSet::from([mine]));
    let lead = accounts_seen(feed(&app, &app.token(Role::TeamLead), "").await);
    assert_eq!(lead, HashSet::from([mine]));
    let south = accounts_seen(feed(&app, &app.token_for(&app.south_agent), "").await);
    assert!(south.is_empty());
    for role in [Role::Manager, Role::Head, Role::Admin, Role::Auditor] {
        let all = accounts_seen(feed(&app, &app.token(role), "").await);
        assert_eq!(all, HashSet::from([mine, other]), "{role:?}");
    }
    // Visibility follows the assignment as it is when the feed is read.
    app.assign(&[other], app.south_agent.id).await;
    let south = accounts_seen(feed(&app, &app.token_for(&app.south_agent), "").await);
    assert_eq!(south, HashSet::from([other]));
    // Filters.
    let only = feed(
        &app,
        &app.token(Role::Head),
        &format!("&account_id={mine}&types=account.assigned"),
    )
    .await;
    assert_eq!(types_of(&only), vec!["account.assigned"]);
    assert_eq!(only[0]["account_id"], mine);
}

#[actix_web::test]
async fn the_cursor_pages_and_refuses_bad_parameters() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    app.assigned_account("EV-CUR", 10_000).await;
    let all = feed(&app, &head, "").await;
    assert!(all.len() >= 2);
    let first = app.get("/v1/events?limit=1", Some(&head)).await.expect(200);
    assert_eq!(first["data"][0]["id"], all[0]["id"]);
    let cursor = first["next_cursor"].as_i64().unwrap();
    let second = app
        .get(&format!("/v1/events?limit=1&after={cursor}"), Some(&head))
        .await
        .expect(200);
    assert_eq!(second["data"][0]["id"], all[1]["id"]);
    let last = all.last().unwrap()["id"].as_i64().unwrap();
    let none = app
        .get(&format!("/v1/events?after={last}"), Some(&head))
        .await
        .expect(200);
    assert_eq!(none["data"], json!([]));
    assert_eq!(none["next_cursor"], last);
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("after=-1", "after"),
        ("types=payment.recorded,account.exploded", "types"),
    ] {
        let res = app.get(&format!("/v1/events?{query}"), Some(&head)).await;
        let body = res.expect(422);
        assert_eq!(body["errors"][0]["field"], field, "{query}");
    }
    app.get("/v1/events", None).await.expect(401);
}

/// Payments from many concurrent clients on two instances while a reader on the second follows
/// the cursor: every event is read exactly once, in order.
#[actix_web::test]
async fn two_instances_writing_while_a_reader_follows_lose_and_repeat_nothing() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let mut accounts = Vec::new();
    for i in 0..8 {
        accounts.push(
            app.assigned_account(&format!("EV-RACE-{i}"), 10_000_000)
                .await,
        );
    }
    let one = RealServer::start(app.state.clone()).await;
    let two = RealServer::start(app.second_instance()).await;
    let start = app.get("/v1/events?limit=1", Some(&head)).await.expect(200);
    let _ = start;
    let client = reqwest::Client::new();
    let mut writers = Vec::new();
    for (i, account) in accounts.iter().enumerate() {
        let base = if i % 2 == 0 {
            one.base.clone()
        } else {
            two.base.clone()
        };
        let (client, token, account) = (client.clone(), head.clone(), *account);
        writers.push(actix_web::rt::spawn(async move {
            for _ in 0..12 {
                let res = client
                    .post(format!("{base}/v1/accounts/{account}/payments"))
                    .bearer_auth(&token)
                    .json(&json!({"amount": 100, "method": "cash"}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status().as_u16(), 201);
            }
        }));
    }
    let reader = {
        let (client, base, token) = (client.clone(), two.base.clone(), head.clone());
        actix_web::rt::spawn(async move {
            let (mut after, mut seen) = (0i64, Vec::new());
            let mut quiet = 0;
            while quiet < 20 {
                let page: Value = client
                    .get(format!("{base}/v1/events?after={after}&limit=50"))
                    .bearer_auth(&token)
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                let data = page["data"].as_array().unwrap();
                quiet = if data.is_empty() { quiet + 1 } else { 0 };
                seen.extend(data.iter().map(|e| e["id"].as_i64().unwrap()));
                after = page["next_cursor"].as_i64().unwrap();
                actix_web::rt::time::sleep(Duration::from_millis(20)).await;
            }
            seen
        })
    };
    for w in writers {
        w.await.unwrap();
    }
    let seen = reader.await.unwrap();
    let stored: Vec<i64> = feed(&app, &head, "")
        .await
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    let payments = feed(&app, &head, "&types=payment.recorded").await;
    assert_eq!(payments.len(), 8 * 12);
    assert_eq!(
        seen.len(),
        seen.iter().collect::<HashSet<_>>().len(),
        "no event twice"
    );
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "in order");
    assert_eq!(seen, stored, "every event once");
    one.handle.stop(false).await;
    two.handle.stop(false).await;
}

/// Reads a stream until `until` holds for the text so far (or 10 s pass).
async fn read_until(res: &mut reqwest::Response, mut until: impl FnMut(&str) -> bool) -> String {
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while !until(&text) {
        let chunk = tokio::time::timeout_at(deadline, res.chunk())
            .await
            .unwrap_or_else(|_| panic!("stream stalled; read so far: {text}"))
            .unwrap();
        match chunk {
            Some(c) => text.push_str(&String::from_utf8_lossy(&c)),
            None => break,
        }
    }
    text
}

fn ids_in(text: &str) -> Vec<i64> {
    text.lines()
        .filter_map(|l| l.strip_prefix("id: "))
        .map(|n| n.parse().unwrap())
        .collect()
}

#[actix_web::test]
async fn the_stream_sends_live_events_and_resumes_after_last_event_id() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    let id = app.assigned_account("EV-SSE", 100_000).await;
    let server = RealServer::start(app.state.clone()).await;
    let client = reqwest::Client::new();
    let url = format!("{}/v1/events/stream", server.base);
    let mut live = client.get(&url).bearer_auth(&agent).send().await.unwrap();
    assert_eq!(live.status().as_u16(), 200);
    assert_eq!(
        live.headers()["content-type"].to_str().unwrap(),
        "text/event-stream"
    );
    read_until(&mut live, |t| t.contains(": stream open")).await;
    app.pay(id, 1_000, &agent).await.expect(201);
    let text = read_until(&mut live, |t| t.contains("payment.recorded")).await;
    let got = ids_in(&text);
    assert!(!got.is_empty(), "{text}");
    let event: Value = serde_json::from_str(
        text.lines()
            .filter_map(|l| l.strip_prefix("data: "))
            .find(|d| d.contains("payment.recorded"))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(event["account_id"], id);
    // Resume from before the payment: the missed events come first, from the database.
    let all = feed(&app, &agent, "").await;
    let first = all[0]["id"].as_i64().unwrap();
    let mut resumed = client
        .get(&url)
        .bearer_auth(&agent)
        .header("Last-Event-ID", first.to_string())
        .send()
        .await
        .unwrap();
    let text = read_until(&mut resumed, |t| t.contains("payment.recorded")).await;
    let expected: Vec<i64> = all
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .skip(1)
        .collect();
    let resumed_ids = ids_in(&text);
    assert_eq!(
        &resumed_ids[..expected.len().min(resumed_ids.len())],
        &expected[..expected.len().min(resumed_ids.len())]
    );
    assert!(resumed_ids.iter().all(|i| *i > first));
    // A bad Last-Event-ID is the client's error.
    let bad = client
        .get(&url)
        .bearer_auth(&agent)
        .header("Last-Event-ID", "x")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status().as_u16(), 422);
    // Stopping the hub ends the stream cleanly.
    app.state.hub.close();
    let text = read_until(&mut live, |t| t.contains(": closed")).await;
    assert!(text.contains("the server is stopping"), "{text}");
    server.handle.stop(false).await;
}

#[actix_web::test]
async fn stream_tokens_are_single_use_and_short_lived() {
    let app = TestApp::new().await;
    let server = RealServer::start(app.state.clone()).await;
    let made = app
        .post(
            "/v1/events/stream-tokens",
            Some(&app.token(Role::Agent)),
            json!({}),
        )
        .await;
    let made = made.expect(201);
    let token = made["stream_token"].as_str().unwrap().to_owned();
    let client = reqwest::Client::new();
    let url = format!("{}/v1/events/stream?stream_token={token}", server.base);
    let mut first = client.get(&url).send().await.unwrap();
    assert_eq!(first.status().as_u16(), 200);
    read_until(&mut first, |t| t.contains(": stream open")).await;
    let again = client.get(&url).send().await.unwrap();
    assert_eq!(again.status().as_u16(), 401);
    let unknown = client
        .get(format!(
            "{}/v1/events/stream?stream_token=st_nope",
            server.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status().as_u16(), 401);
    let none = client
        .get(format!("{}/v1/events/stream", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(none.status().as_u16(), 401);
    server.handle.stop(false).await;
}

#[actix_web::test]
async fn two_hundred_clients_each_get_the_event_once() {
    let app = TestApp::new().await;
    let head = app.token(Role::Head);
    let id = app.assigned_account("EV-200", 100_000).await;
    let server = RealServer::start(app.state.clone()).await;
    let client = reqwest::Client::new();
    let url = format!("{}/v1/events/stream?types=payment.recorded", server.base);
    let mut streams = Vec::new();
    for _ in 0..200 {
        let mut res = client.get(&url).bearer_auth(&head).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200);
        read_until(&mut res, |t| t.contains(": stream open")).await;
        streams.push(res);
    }
    assert_eq!(app.state.hub.clients(), 200);
    let metrics = app.get("/metrics", None).await;
    let text = String::from_utf8_lossy(&metrics.body).into_owned();
    assert!(text.contains("arrears_event_stream_clients 200"), "{text}");
    assert!(text.contains("arrears_outbox_events_waiting"));
    assert!(text.contains("arrears_outbox_lag_seconds"));
    app.pay(id, 700, &head).await.expect(201);
    for res in &mut streams {
        let text = read_until(res, |t| t.contains("payment.recorded")).await;
        assert_eq!(text.matches("payment.recorded").count(), 1);
    }
    drop(streams);
    server.handle.stop(false).await;
}

#[actix_web::test]
async fn the_stream_keeps_alive_and_closes_when_the_user_is_deactivated() {
    let app = TestApp::new().await;
    let mut state = app.state.clone();
    state.hub =
        arrears::events_hub::EventHub::new(Duration::from_millis(200), Duration::from_millis(50));
    let server = RealServer::start(state).await;
    let client = reqwest::Client::new();
    let mut res = client
        .get(format!("{}/v1/events/stream", server.base))
        .bearer_auth(app.token(Role::Agent))
        .send()
        .await
        .unwrap();
    let text = read_until(&mut res, |t| t.contains(": keep-alive")).await;
    assert!(text.starts_with("retry: 3000\n: stream open\n\n"), "{text}");
    let id = app.user(Role::Agent).id;
    app.patch(
        &format!("/v1/users/{id}"),
        Some(&app.token(Role::Admin)),
        json!({"active": false}),
    )
    .await
    .expect(200);
    // The poller checks connected users' sessions every 5 s.
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(9);
    while !text.contains(": closed") {
        let chunk = tokio::time::timeout_at(deadline, res.chunk())
            .await
            .expect("closed within 9 s")
            .unwrap();
        match chunk {
            Some(c) => text.push_str(&String::from_utf8_lossy(&c)),
            None => break,
        }
    }
    assert!(text.contains(": closed: the session ended"), "{text}");
    assert!(res.chunk().await.unwrap().is_none(), "and the stream ends");
    server.handle.stop(false).await;
}
