//! Webhooks: admin-only CRUD with the secret shown once, signed deliveries, the retry schedule
//! on an injected clock, per-account order, the SSRF guard, two instances sharing deliveries.

use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use arrears::domain::role::Role;
use arrears::domain::webhook::{TargetRules, signature};
use arrears::webhook_sender::{self, Sender};
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

use crate::helpers::{TestApp, webhook_settings};

/// What the receiver got.
#[derive(Debug, Clone)]
struct Received {
    event_id: String,
    event_type: String,
    signature: String,
    body: String,
}

/// A local receiver answering `status` (changeable) and keeping every request.
struct Receiver {
    url: String,
    status: Arc<AtomicU16>,
    got: Arc<Mutex<Vec<Received>>>,
    handle: actix_web::dev::ServerHandle,
}

impl Receiver {
    async fn start() -> Self {
        let status = Arc::new(AtomicU16::new(200));
        let got = Arc::new(Mutex::new(Vec::new()));
        let (s, g) = (status.clone(), got.clone());
        let server = HttpServer::new(move || {
            let (s, g) = (s.clone(), g.clone());
            App::new().default_service(web::to(move |req: HttpRequest, body: web::Bytes| {
                let (s, g) = (s.clone(), g.clone());
                async move {
                    let h = |n: &str| {
                        req.headers()
                            .get(n)
                            .map(|v| v.to_str().unwrap().to_owned())
                            .unwrap_or_default()
                    };
                    g.lock().unwrap().push(Received {
                        event_id: h("arrears-event-id"),
                        event_type: h("arrears-event-type"),
                        signature: h("arrears-signature"),
                        body: String::from_utf8_lossy(&body).into_owned(),
                    });
                    let code =
                        actix_web::http::StatusCode::from_u16(s.load(Ordering::SeqCst)).unwrap();
                    HttpResponse::build(code).finish()
                }
            }))
        })
        .workers(1)
        .disable_signals()
        .bind("127.0.0.1:0")
        .unwrap();
        let addr = server.addrs()[0];
        let server = server.run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Receiver {
            url: format!("http://{addr}/hook"),
            status,
            got,
            handle,
        }
    }

    fn got(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }
}

fn lax() -> TargetRules {
    TargetRules {
        allow_private: true,
        allow_http: true,
    }
}

async fn subscribe(app: &TestApp, url: &str, types: Value) -> Value {
    app.post(
        "/v1/webhooks",
        Some(&app.token(Role::Admin)),
        json!({"url": url, "event_types": types, "description": "test"}),
    )
    .await
    .expect(201)
}

/// Runs sender rounds at `now` until one attempts nothing.
async fn deliver(app: &TestApp, sender: &Sender, now: DateTime<Utc>) -> usize {
    let settings = webhook_settings(lax());
    let mut total = 0;
    loop {
        let n = webhook_sender::round(&app.db, sender, &settings, now)
            .await
            .unwrap();
        if n == 0 {
            return total;
        }
        total += n;
    }
}

async fn deliveries(app: &TestApp, hook: i64) -> Vec<Value> {
    app.get(
        &format!("/v1/webhooks/{hook}/deliveries?limit=500"),
        Some(&app.token(Role::Admin)),
    )
    .await
    .expect(200)["data"]
        .as_array()
        .unwrap()
        .clone()
}

#[actix_web::test]
async fn webhooks_are_for_admins_and_the_secret_is_shown_once() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let made = subscribe(
        &app,
        "https://hooks.example.com/a",
        json!(["payment.recorded"]),
    )
    .await;
    let id = made["id"].as_i64().unwrap();
    let secret = made["secret"].as_str().unwrap();
    assert!(secret.starts_with("whsec_"));
    let shown = app
        .get(&format!("/v1/webhooks/{id}"), Some(&admin))
        .await
        .expect(200);
    assert!(shown.get("secret").is_none(), "never shown again");
    assert_eq!(shown["event_types"], json!(["payment.recorded"]));
    let listed = app.get("/v1/webhooks", Some(&admin)).await.expect(200);
    assert!(listed["data"][0].get("secret").is_none());
    // Stored sealed, not as the secret.
    let stored = app
        .db
        .run(move |conn| arrears::db::webhooks::find(conn, id))
        .await
        .unwrap();
    assert!(!stored.sealed_secret.contains(secret));
    let changed = app
        .patch(
            &format!("/v1/webhooks/{id}"),
            Some(&admin),
            json!({"active": false, "event_types": ["*"]}),
        )
        .await
        .expect(200);
    assert_eq!(changed["active"], false);
    assert_eq!(changed["event_types"], json!(["*"]));
    for body in [
        json!({"url": "https://h.example.com", "event_types": []}),
        json!({"url": "https://h.example.com", "event_types": ["account.exploded"]}),
        json!({"url": "ftp://h.example.com", "event_types": ["*"]}),
    ] {
        app.post("/v1/webhooks", Some(&admin), body)
            .await
            .expect(422);
    }
    for role in [
        Role::Agent,
        Role::TeamLead,
        Role::Manager,
        Role::Head,
        Role::Auditor,
    ] {
        let token = app.token(role);
        let res = app.get("/v1/webhooks", Some(&token)).await;
        assert_eq!(res.status.as_u16(), 403, "{role:?}");
    }
    let del = app
        .call(TestApp::req(
            actix_web::http::Method::DELETE,
            &format!("/v1/webhooks/{id}"),
            Some(&admin),
        ))
        .await;
    assert_eq!(del.status.as_u16(), 204);
    app.get(&format!("/v1/webhooks/{id}"), Some(&admin))
        .await
        .expect(404);
}

#[actix_web::test]
async fn deliveries_are_signed_and_retried_on_the_schedule_then_fail() {
    let app = TestApp::new().await;
    let receiver = Receiver::start().await;
    let made = subscribe(&app, &receiver.url, json!(["payment.recorded"])).await;
    let (hook, secret) = (
        made["id"].as_i64().unwrap(),
        made["secret"].as_str().unwrap().to_owned(),
    );
    let id = app.assigned_account("WH-1", 100_000).await;
    app.pay(id, 1_234, &app.token(Role::Head)).await.expect(201);
    let sender = Sender::new(lax()).unwrap();
    let t0 = app.state.clock.now();
    assert_eq!(deliver(&app, &sender, t0).await, 1);
    let got = receiver.got();
    assert_eq!(got.len(), 1, "only the subscribed type");
    let r = &got[0];
    assert_eq!(r.event_type, "payment.recorded");
    let event: Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(event["id"].to_string(), r.event_id);
    assert_eq!(event["data"]["amount"], 1_234);
    let t: i64 = r.signature.split(',').next().unwrap()[2..].parse().unwrap();
    assert_eq!(r.signature, signature(&secret, t, r.body.as_bytes()));
    let log = deliveries(&app, hook).await;
    assert_eq!(log[0]["status"], "delivered");
    assert_eq!(log[0]["last_status_code"], 200);
    assert!(log[0]["last_duration_ms"].as_i64().is_some());
    // Now the receiver fails: 9 attempts on the schedule, then `failed`.
    receiver.status.store(500, Ordering::SeqCst);
    app.pay(id, 1_000, &app.token(Role::Head)).await.expect(201);
    let mut now = t0;
    assert_eq!(deliver(&app, &sender, now).await, 1);
    for wait in [30, 120, 600, 1800, 3600, 7200, 14400, 28800] {
        let log = deliveries(&app, hook).await;
        let next: DateTime<Utc> = log[0]["next_attempt_at"].as_str().unwrap().parse().unwrap();
        let gap = (next - now).num_milliseconds() as f64 / 1000.0;
        assert!(
            (gap - wait as f64).abs() <= wait as f64 * 0.1 + 0.01,
            "after an attempt, the next in {wait} s ± 10 % (got {gap})"
        );
        assert_eq!(
            deliver(&app, &sender, next - Duration::seconds(1)).await,
            0,
            "not before"
        );
        now = next;
        assert_eq!(deliver(&app, &sender, now).await, 1);
    }
    let log = deliveries(&app, hook).await;
    assert_eq!(log[0]["status"], "failed");
    assert_eq!(log[0]["attempts"], 9);
    assert_eq!(log[0]["last_status_code"], 500);
    // Redeliver queues it again, and ping reaches the receiver signed.
    receiver.status.store(204, Ordering::SeqCst);
    let admin = app.token(Role::Admin);
    let again = app
        .post(
            &format!("/v1/webhook-deliveries/{}/redeliver", log[0]["id"]),
            Some(&admin),
            json!({}),
        )
        .await
        .expect(202);
    assert_eq!(again["status"], "pending");
    app.post(
        &format!("/v1/webhooks/{hook}/ping"),
        Some(&admin),
        json!({}),
    )
    .await
    .expect(202);
    assert_eq!(deliver(&app, &sender, now).await, 2);
    // The two are sent side by side: either may arrive last.
    let got = receiver.got();
    let last_two: Vec<&str> = got[got.len() - 2..]
        .iter()
        .map(|r| r.event_type.as_str())
        .collect();
    assert!(last_two.contains(&"ping"), "{last_two:?}");
    let ping = got.iter().rev().find(|r| r.event_type == "ping").unwrap();
    let t: i64 = ping.signature.split(',').next().unwrap()[2..]
        .parse()
        .unwrap();
    assert_eq!(ping.signature, signature(&secret, t, ping.body.as_bytes()));
    let log = deliveries(&app, hook).await;
    assert!(
        log[..2].iter().all(|d| d["status"] == "delivered"),
        "{log:?}"
    );
    receiver.handle.stop(false).await;
}

#[actix_web::test]
async fn a_failing_delivery_holds_back_that_accounts_later_events_only() {
    let app = TestApp::new().await;
    let receiver = Receiver::start().await;
    let made = subscribe(&app, &receiver.url, json!(["payment.recorded"])).await;
    let hook = made["id"].as_i64().unwrap();
    let (a, b) = (
        app.assigned_account("WH-A", 100_000).await,
        app.assigned_account("WH-B", 100_000).await,
    );
    let head = app.token(Role::Head);
    receiver.status.store(503, Ordering::SeqCst);
    app.pay(a, 100, &head).await.expect(201);
    let sender = Sender::new(lax()).unwrap();
    let t0 = app.state.clock.now();
    deliver(&app, &sender, t0).await;
    receiver.status.store(200, Ordering::SeqCst);
    app.pay(a, 200, &head).await.expect(201);
    app.pay(b, 300, &head).await.expect(201);
    deliver(&app, &sender, t0).await;
    let amounts: Vec<i64> = receiver
        .got()
        .iter()
        .map(|r| {
            serde_json::from_str::<Value>(&r.body).unwrap()["data"]["amount"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(
        amounts,
        vec![100, 300],
        "a's second payment waits for its first"
    );
    deliver(&app, &sender, t0 + Duration::seconds(40)).await;
    let amounts: Vec<i64> = receiver
        .got()
        .iter()
        .map(|r| {
            serde_json::from_str::<Value>(&r.body).unwrap()["data"]["amount"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(amounts, vec![100, 300, 100, 200], "then in order");
    assert!(
        deliveries(&app, hook)
            .await
            .iter()
            .all(|d| d["status"] == "delivered")
    );
    receiver.handle.stop(false).await;
}

#[actix_web::test]
async fn two_instances_share_deliveries_without_sending_one_twice() {
    let app = TestApp::new().await;
    let receiver = Receiver::start().await;
    subscribe(&app, &receiver.url, json!(["*"])).await;
    let head = app.token(Role::Head);
    let mut accounts = Vec::new();
    for i in 0..6 {
        accounts.push(app.assigned_account(&format!("WH-S-{i}"), 100_000).await);
    }
    for a in &accounts {
        for _ in 0..5 {
            app.pay(*a, 10, &head).await.expect(201);
        }
    }
    let second = app.second_instance();
    let sender = Sender::new(lax()).unwrap();
    let now = app.state.clock.now();
    let settings = webhook_settings(lax());
    let mut tasks = Vec::new();
    for db in [
        app.db.clone(),
        second.db.clone(),
        app.db.clone(),
        second.db.clone(),
    ] {
        let (sender, settings) = (sender.clone(), settings.clone());
        tasks.push(actix_web::rt::spawn(async move {
            let mut n = 0;
            loop {
                let got = webhook_sender::round(&db, &sender, &settings, now)
                    .await
                    .unwrap();
                if got == 0 {
                    return n;
                }
                n += got;
            }
        }));
    }
    let mut sent = 0;
    for t in tasks {
        sent += t.await.unwrap();
    }
    sent += deliver(&app, &sender, now).await;
    let got = receiver.got();
    let mut ids: Vec<String> = got.iter().map(|r| r.event_id.clone()).collect();
    let total = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), total, "no event sent twice");
    assert_eq!(sent, total);
    let events = crate::events::feed(&app, &head, "").await;
    assert_eq!(total, events.len(), "every event sent");
    receiver.handle.stop(false).await;
}

#[actix_web::test]
async fn private_addresses_and_plain_http_are_refused_unless_allowed() {
    let app = TestApp::new().await;
    let mut strict = app.state.clone();
    strict.webhooks = webhook_settings(TargetRules::default());
    let server = crate::helpers::RealServer::start(strict).await;
    let client = reqwest::Client::new();
    let admin = app.token(Role::Admin);
    for url in [
        "https://127.0.0.1/hook",
        "https://10.1.2.3/hook",
        "https://169.254.169.254/latest",
        "https://[::1]/hook",
        "https://localhost/hook",
        "http://hooks.example.com/hook",
    ] {
        let res = client
            .post(format!("{}/v1/webhooks", server.base))
            .bearer_auth(&admin)
            .json(&json!({"url": url, "event_types": ["*"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 422, "{url}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["errors"][0]["field"], "url", "{url}");
    }
    // Registered while allowed, refused at delivery once not: the check holds at every send.
    let receiver = Receiver::start().await;
    subscribe(&app, &receiver.url, json!(["*"])).await;
    let id = app.assigned_account("WH-SSRF", 100_000).await;
    app.pay(id, 10, &admin_or_head(&app)).await.expect(201);
    let strict_sender = Sender::new(TargetRules {
        allow_private: false,
        allow_http: true,
    })
    .unwrap();
    deliver(&app, &strict_sender, app.state.clock.now()).await;
    assert!(receiver.got().is_empty());
    let hook = app.get("/v1/webhooks", Some(&admin)).await.expect(200)["data"][0]["id"]
        .as_i64()
        .unwrap();
    let log = deliveries(&app, hook).await;
    assert!(!log.is_empty());
    let error = log
        .iter()
        .find_map(|d| d["last_error"].as_str())
        .expect("an attempt refused");
    assert!(
        error.contains("private") || error.contains("loopback"),
        "{error}"
    );
    server.handle.stop(false).await;
    receiver.handle.stop(false).await;
}

fn admin_or_head(app: &TestApp) -> String {
    app.token(Role::Head)
}
