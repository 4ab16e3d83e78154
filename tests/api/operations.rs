//! Operations: a request's log lines carry its id, route and user and never its query string;
//! `/metrics` counts what the floor did once it is committed.

use std::cell::RefCell;
use std::io::Write;
use std::sync::{Arc, Mutex, Once};

use crate::helpers::{TestApp, at, in_days};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

/// Log output captured in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

thread_local! {
    /// Where this thread's log lines go (nowhere unless a test captures them).
    static SINK: RefCell<Option<Captured>> = const { RefCell::new(None) };
}

/// Writes to the emitting thread's sink.
struct ThreadSink;

impl Write for ThreadSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        SINK.with(|s| {
            if let Some(c) = &mut *s.borrow_mut() {
                c.write(buf).map(|_| ())
            } else {
                Ok(())
            }
        })?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures the log lines emitted on this thread from now on. A process-wide subscriber (set
/// once) rather than a scoped one: tracing caches each call site's interest process-wide, and a
/// scoped subscriber races with the tests running beside it on other threads.
fn capture() -> Captured {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .json()
            .with_current_span(true)
            .with_max_level(tracing::Level::INFO)
            .with_writer(|| ThreadSink)
            .finish();
        tracing::subscriber::set_global_default(subscriber).unwrap();
    });
    let captured = Captured::default();
    SINK.with(|s| *s.borrow_mut() = Some(captured.clone()));
    captured
}

impl Captured {
    fn lines(&self) -> Vec<Value> {
        String::from_utf8_lossy(&self.0.lock().unwrap())
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

#[actix_web::test]
async fn request_log_lines_carry_id_route_and_user_never_the_query() {
    let app = TestApp::new().await;
    let captured = capture();
    let agent = app.user(Role::Agent).id;
    let res = app
        .get("/v1/accounts?q=Zebedee", Some(&app.token(Role::Agent)))
        .await;
    res.expect(200);
    let request_id = res.header("x-request-id").unwrap();
    let lines = captured.lines();
    let finished = lines
        .iter()
        .find(|l| l["fields"]["message"] == "request finished")
        .unwrap_or_else(|| panic!("no request line in {lines:?}"));
    assert_eq!(finished["fields"]["status"], 200);
    assert!(finished["fields"]["duration_ms"].as_f64().unwrap() > 0.0);
    let span = &finished["span"];
    assert_eq!(span["request_id"], request_id.as_str());
    assert_eq!(span["route"], "/v1/accounts");
    assert_eq!(span["method"], "GET");
    assert_eq!(span["user_id"], agent);
    let all = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    assert!(
        !all.contains("Zebedee"),
        "the query string was logged: {all}"
    );

    // An account's path logs its pattern, not the id.
    app.get("/v1/accounts/987654", Some(&app.token(Role::Agent)))
        .await
        .expect(404);
    let lines = captured.lines();
    assert!(
        lines
            .iter()
            .any(|l| l["span"]["route"] == "/v1/accounts/{id}" && l["fields"]["status"] == 404)
    );
    assert!(!String::from_utf8_lossy(&captured.0.lock().unwrap()).contains("987654"));
}

/// The value of `name{labels}` in a Prometheus text page (0 when absent).
fn sample(page: &str, name: &str, labels: &str) -> f64 {
    let wanted = if labels.is_empty() {
        name.to_owned()
    } else {
        format!("{name}{{{labels}}}")
    };
    page.lines()
        .filter_map(|l| l.rsplit_once(' '))
        .find(|(series, _)| *series == wanted)
        .map(|(_, v)| v.parse().unwrap())
        .unwrap_or(0.0)
}

async fn metrics(app: &TestApp) -> String {
    String::from_utf8(app.get("/metrics", None).await.body.to_vec()).unwrap()
}

#[actix_web::test]
async fn business_metrics_count_what_was_committed() {
    let app = TestApp::new().await;
    let before = metrics(&app).await;
    let id = app.assigned_account("MET-1", 1_000_000).await;
    let agent = app.token(Role::Agent);
    let contacts = format!("/v1/accounts/{id}/contacts");
    // 03:00 UTC is the evening before in New York: refused.
    app.post(
        &contacts,
        Some(&agent),
        json!({"channel": "phone", "direction": "outbound", "outcome": "no_answer", "occurred_at": at(1, 3)}),
    )
    .await
    .expect(409);
    app.post(
        &contacts,
        Some(&agent),
        json!({"channel": "phone", "direction": "inbound", "outcome": "right_party_contact"}),
    )
    .await
    .expect(201);
    app.pay(id, 10_000, &agent).await.expect(201);
    // A payment refused (more than the balance) is not counted.
    let refused_payment = app.pay(id, 900_000_000, &agent).await;
    assert!(refused_payment.status.is_client_error());
    let req = app
        .post(
            "/v1/approvals",
            Some(&agent),
            json!({"kind": "settlement", "account_id": id, "amount": 800_000, "reason": "hardship", "due_on": in_days(10)}),
        )
        .await
        .expect(201);
    app.post(
        &format!("/v1/approvals/{}/reject", req["id"]),
        Some(&app.token(Role::TeamLead)),
        json!({"note": "not yet"}),
    )
    .await
    .expect(200);
    let after = metrics(&app).await;
    let grew =
        |name: &str, labels: &str| sample(&after, name, labels) - sample(&before, name, labels);
    assert!(grew("arrears_contacts_logged_total", "channel=\"phone\"") >= 1.0);
    assert!(
        grew(
            "arrears_contacts_refused_total",
            "reason=\"outside_calling_hours\""
        ) >= 1.0
    );
    assert!(
        grew(
            "arrears_payments_recorded_total",
            "currency=\"USD\",method=\"cash\""
        ) >= 1.0
    );
    assert!(
        grew(
            "arrears_approvals_decided_total",
            "by=\"person\",decision=\"rejected\",kind=\"settlement\""
        ) >= 1.0
    );
    assert!(grew("arrears_db_pool_wait_seconds_count", "") >= 5.0);
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(
        sample(
            &after,
            "arrears_build_info",
            &format!("version=\"{version}\"")
        ),
        1.0
    );
    assert!(after.contains("# TYPE arrears_db_pool_wait_seconds histogram"));
}

/// A finished background run is counted (polled: the run's thread counts it just after the run
/// is marked finished).
pub(crate) async fn strategy_run_counted(app: &TestApp) {
    for _ in 0..100 {
        let page = metrics(app).await;
        let series = "job=\"strategy_run\",outcome=\"succeeded\"";
        if sample(&page, "arrears_background_runs_total", series) >= 1.0 {
            return;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("no strategy run counted in /metrics");
}

/// The database round trips of the hot routes, from their `request finished` lines: held here so
/// they only go down (`bench/README.md` lists them).
#[actix_web::test]
async fn hot_routes_hold_their_round_trips() {
    let app = TestApp::new().await;
    let captured = capture();
    let agent = app.token(Role::Agent);
    let id = app.assigned_account("RT-1", 50_000).await;
    let contact = json!({"channel": "phone", "direction": "outbound", "outcome": "no_answer"});
    // PostgreSQL writes the audit event and its outbox event in one statement; SQLite in two,
    // the second in a savepoint.
    let (logged_call, payment_trips) = if std::env::var("TEST_DATABASE_URL").is_ok() {
        (8, 12)
    } else {
        (11, 20)
    };
    let payment = json!({"amount": 100, "method": "cash"});
    let routes: [(Method, String, Option<Value>, u64); 7] = [
        (Method::GET, format!("/v1/accounts/{id}"), None, 1),
        (Method::GET, "/v1/queue".into(), None, 3),
        (Method::GET, "/v1/accounts?limit=50".into(), None, 1),
        (
            Method::GET,
            format!("/v1/accounts/{id}/contactability"),
            None,
            1,
        ),
        (
            Method::POST,
            format!("/v1/accounts/{id}/contacts"),
            Some(contact),
            logged_call,
        ),
        (
            Method::POST,
            format!("/v1/accounts/{id}/payments"),
            Some(payment),
            payment_trips,
        ),
        (Method::GET, "/v1/me".into(), None, 2),
    ];
    let mut seen = Vec::new();
    for (method, path, body, held) in routes {
        if path == "/v1/queue" {
            // Lists send no query per row: the queue of six accounts costs what one costs.
            for i in 2..=6 {
                app.assigned_account(&format!("RT-{i}"), 10_000 * i).await;
            }
        }
        let request = || {
            let mut req = TestApp::req(method.clone(), &path, Some(&agent));
            if let Some(body) = &body {
                req = req.set_json(body);
            }
            req
        };
        // Counted warm, as a server runs: the first request after start-up reads the policies
        // the rest take from the process's cache (`db::policy_cache`).
        app.call(request()).await;
        let res = app.call(request()).await;
        assert!(res.status.is_success(), "{method} {path}: {}", res.status);
        let request_id = res.header("x-request-id").unwrap();
        let lines = captured.lines();
        let finished = lines
            .iter()
            .find(|l| {
                l["fields"]["message"] == "request finished"
                    && l["span"]["request_id"] == request_id.as_str()
            })
            .unwrap_or_else(|| panic!("no request line for {path}"));
        let trips = finished["span"]["db_round_trips"].as_u64().unwrap();
        seen.push(format!("{method} {path}: {trips}"));
        assert!(
            trips > 0 && trips <= held,
            "{method} {path}: {trips} > {held}"
        );
    }
    println!("round trips: {seen:#?}");
}
