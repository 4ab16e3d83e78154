//! Who may call what: every endpoint × every role, plus no token.

use crate::helpers::TestApp;
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

const AGENT: usize = 0;
const LEAD: usize = 1;
const MANAGER: usize = 2;
const HEAD: usize = 3;
const ADMIN: usize = 4;
const AUDITOR: usize = 5;
// The indexes above follow `Role::ALL`.
const _: () =
    assert!(matches!(Role::ALL[HEAD], Role::Head) && matches!(Role::ALL[AUDITOR], Role::Auditor));

fn only(roles: &[usize], yes: u16, no: u16) -> [u16; 6] {
    let mut out = [no; 6];
    for r in roles {
        out[*r] = yes;
    }
    out
}

#[actix_web::test]
async fn every_endpoint_for_every_role() {
    let app = TestApp::new().await;
    let cases = main_cases(&app);
    check(&app, cases).await;
}

/// The same matrix with an API key per role instead of a person's token: a key acts with its
/// role and team, through the same extractors and scopes. The one difference is that an agent's
/// key is its own service user, so the north agent is outside its scope.
#[actix_web::test]
async fn every_endpoint_for_every_role_with_api_keys() {
    let app = TestApp::new().await;
    let admin = app.token(Role::Admin);
    let mut keys = Vec::new();
    for role in Role::ALL {
        let team = app.user(role).team_id;
        let body = json!({"name": format!("{role:?} key"), "role": role.as_str(), "team_id": team});
        let key = app
            .post("/v1/api-keys", Some(&admin), body)
            .await
            .expect(201);
        keys.push(key["key"].as_str().unwrap().to_owned());
    }
    let north_agent = format!("/v1/users/{}", app.user(Role::Agent).id);
    let mut cases = main_cases(&app);
    for case in cases.iter_mut().filter(|c| c.1 == north_agent) {
        case.3[AGENT] = 404;
    }
    check_with(&app, cases, &keys).await;
}

fn main_cases(app: &TestApp) -> Vec<Case> {
    let north_agent = app.user(Role::Agent).id;
    let south_agent = app.south_agent.id;
    let all = [200; 6];
    // (method, path, body, expected status per role: agent, team_lead, manager, head, admin, auditor)
    let cases: Vec<(Method, String, Option<Value>, [u16; 6])> = vec![
        (Method::GET, "/v1/me".into(), None, all),
        (Method::GET, "/v1/users".into(), None, all),
        (Method::GET, format!("/v1/users/{north_agent}"), None, all),
        // The south agent is outside the north agent's and the north team lead's scope: 404, not 403.
        (
            Method::GET,
            format!("/v1/users/{south_agent}"),
            None,
            [404, 404, 200, 200, 200, 200],
        ),
        (
            Method::POST,
            "/v1/users".into(),
            Some(
                json!({"email": "{n}@m.dev", "name": "M", "role": "agent", "password": "long enough password"}),
            ),
            only(&[ADMIN], 201, 403),
        ),
        (
            Method::PATCH,
            format!("/v1/users/{south_agent}"),
            Some(json!({"name": "Renamed"})),
            only(&[ADMIN], 200, 403),
        ),
        (Method::GET, "/v1/teams".into(), None, all),
        (Method::GET, format!("/v1/teams/{}", app.south), None, all),
        (
            Method::POST,
            "/v1/teams".into(),
            Some(json!({"name": "T{n}"})),
            only(&[ADMIN], 201, 403),
        ),
        (
            Method::PATCH,
            format!("/v1/teams/{}", app.south),
            Some(json!({"name": "South {n}"})),
            only(&[ADMIN], 200, 403),
        ),
        (
            Method::GET,
            "/v1/audit-events".into(),
            None,
            only(&[HEAD, AUDITOR], 200, 403),
        ),
        (
            Method::GET,
            "/v1/audit-events/verify".into(),
            None,
            only(&[HEAD, AUDITOR], 200, 403),
        ),
        (
            Method::GET,
            "/v1/ledger/verify".into(),
            None,
            only(&[HEAD, AUDITOR], 200, 403),
        ),
        (
            Method::GET,
            "/v1/reconciliations".into(),
            None,
            only(&[MANAGER, HEAD], 200, 403),
        ),
        (
            Method::POST,
            "/v1/reconciliations".into(),
            Some(
                json!({"source": "S", "from": "2026-01-01", "to": "2026-01-31",
                "rows": [{"line": 1, "external_ref": "NONE", "amount": 5, "received_on": "2026-01-02"}]}),
            ),
            only(&[MANAGER, HEAD], 201, 403),
        ),
        (
            Method::GET,
            "/v1/reports/summary?period=week&date=2026-11-30".into(),
            None,
            only(&[LEAD, MANAGER, HEAD, AUDITOR], 200, 403),
        ),
        (
            Method::GET,
            "/v1/strategies".into(),
            None,
            only(&[LEAD, MANAGER, HEAD, AUDITOR], 200, 403),
        ),
        (
            Method::POST,
            "/v1/strategies".into(),
            Some(
                json!({"name": "S{n}", "segments": [{"name": "all", "criteria": {}, "treatment": [{"day": 0, "action": "call"}]}]}),
            ),
            only(&[MANAGER, HEAD], 201, 403),
        ),
        (
            Method::GET,
            "/v1/reports/strategy?from=2026-11-01&to=2026-11-30".into(),
            None,
            only(&[LEAD, MANAGER, HEAD, AUDITOR], 422, 403),
        ),
        (
            Method::POST,
            "/v1/strategy-runs".into(),
            None,
            only(&[MANAGER, HEAD], 409, 403),
        ),
        (
            Method::GET,
            "/v1/strategy-runs/999999".into(),
            None,
            only(&[MANAGER, HEAD], 404, 403),
        ),
        (
            Method::GET,
            "/v1/accounts/999999/strategy".into(),
            None,
            [404; 6],
        ),
        (
            Method::GET,
            "/v1/communications?ready=true".into(),
            None,
            only(&[LEAD, MANAGER, HEAD], 200, 403),
        ),
        (
            Method::POST,
            "/v1/communications/999999/sent".into(),
            None,
            only(&[MANAGER, HEAD], 404, 403),
        ),
        (
            Method::POST,
            "/v1/communications/999999/failed".into(),
            Some(json!({"reason": "bounced"})),
            only(&[MANAGER, HEAD], 404, 403),
        ),
        (
            Method::GET,
            "/v1/tasks?status=open".into(),
            None,
            only(&[LEAD, MANAGER, HEAD], 200, 403),
        ),
        (
            Method::POST,
            "/v1/tasks/999999/complete".into(),
            None,
            only(&[LEAD, MANAGER, HEAD], 404, 403),
        ),
        (Method::GET, "/v1/complaints".into(), None, all),
        (Method::GET, "/v1/complaint-policy".into(), None, all),
        (
            Method::PUT,
            "/v1/complaint-policy".into(),
            Some(
                json!({"direct": 30, "cfpb": 15, "state_regulator": 30, "client": 30, "other": 30}),
            ),
            only(&[HEAD], 200, 403),
        ),
        (
            Method::GET,
            "/v1/reports/complaints?from=2026-11-01&to=2026-11-30".into(),
            None,
            only(&[LEAD, MANAGER, HEAD, AUDITOR], 200, 403),
        ),
        (
            Method::GET,
            "/v1/reports/satisfaction?from=2026-11-01&to=2026-11-30".into(),
            None,
            only(&[LEAD, MANAGER, HEAD, AUDITOR], 200, 403),
        ),
        (Method::GET, "/v1/allocation-policy".into(), None, all),
        (
            Method::PUT,
            "/v1/allocation-policy".into(),
            Some(json!({"order": ["costs", "fees", "interest", "principal"]})),
            only(&[HEAD], 200, 403),
        ),
        (Method::GET, "/v1/events?limit=5".into(), None, all),
        (
            Method::POST,
            "/v1/events/stream-tokens".into(),
            None,
            [201; 6],
        ),
        (
            Method::GET,
            "/v1/webhooks".into(),
            None,
            only(&[ADMIN], 200, 403),
        ),
        (
            Method::POST,
            "/v1/webhooks".into(),
            Some(json!({"url": "https://hooks.example.com/x", "event_types": ["*"]})),
            only(&[ADMIN], 201, 403),
        ),
        (
            Method::GET,
            "/v1/webhooks/999999".into(),
            None,
            only(&[ADMIN], 404, 403),
        ),
        (
            Method::PATCH,
            "/v1/webhooks/999999".into(),
            Some(json!({"active": false})),
            only(&[ADMIN], 404, 403),
        ),
        (
            Method::DELETE,
            "/v1/webhooks/999999".into(),
            None,
            only(&[ADMIN], 404, 403),
        ),
        (
            Method::POST,
            "/v1/webhooks/999999/ping".into(),
            None,
            only(&[ADMIN], 404, 403),
        ),
        (
            Method::GET,
            "/v1/webhooks/999999/deliveries".into(),
            None,
            only(&[ADMIN], 404, 403),
        ),
        (
            Method::POST,
            "/v1/webhook-deliveries/999999/redeliver".into(),
            None,
            only(&[ADMIN], 404, 403),
        ),
    ];
    let _ = AGENT;
    cases
}

#[actix_web::test]
async fn operations_endpoints_need_no_token() {
    let app = TestApp::new().await;
    assert_eq!(app.get("/healthz", None).await.expect(200)["status"], "ok");
    assert_eq!(app.get("/readyz", None).await.expect(200)["status"], "ok");
    app.get("/v1/me", Some(&app.token(Role::Agent)))
        .await
        .expect(200);
    let metrics = app.get("/metrics", None).await;
    assert_eq!(metrics.status.as_u16(), 200);
    assert!(
        metrics
            .header("content-type")
            .unwrap()
            .starts_with("text/plain")
    );
    let text = String::from_utf8(metrics.body).unwrap();
    assert!(
        text.contains(
            "arrears_http_requests_total{endpoint=\"/v1/me\",method=\"GET\",status=\"200\"} 1"
        ),
        "{text}"
    );
    assert!(text.contains("arrears_http_requests_duration_seconds_bucket"));
    assert!(text.contains("arrears_db_pool_connections_in_use"));
    let doc = app.get("/openapi.json", None).await.expect(200);
    assert_eq!(doc["info"]["title"], "arrears");
    let docs = app.get("/docs", None).await;
    assert!(docs.status.is_redirection());
    assert_eq!(docs.header("location").as_deref(), Some("/docs/"));
    let ui = app.get("/docs/", None).await;
    assert_eq!(ui.status.as_u16(), 200);
    assert!(String::from_utf8_lossy(&ui.body).contains("swagger"));
}

type Case = (Method, String, Option<Value>, [u16; 6]);

/// Each case without a token (401) and as each role, in `Role::ALL` order; a 403 is always
/// `insufficient-role`.
async fn check(app: &TestApp, cases: Vec<Case>) {
    let tokens: Vec<String> = Role::ALL.iter().map(|r| app.token(*r)).collect();
    check_with(app, cases, &tokens).await;
}

/// `check` with the credential of each role in `credentials` (`Role::ALL` order).
async fn check_with(app: &TestApp, cases: Vec<Case>, credentials: &[String]) {
    let mut n = 0;
    for (method, path, body, expected) in cases {
        // No token: 401 everywhere.
        let mut req = TestApp::req(method.clone(), &path, None);
        if let Some(b) = &body {
            req = req.set_json(b);
        }
        let res = app.call(req).await;
        assert_eq!(res.status.as_u16(), 401, "{method} {path} without a token");
        for (i, role) in Role::ALL.iter().enumerate() {
            n += 1;
            let mut req = TestApp::req(method.clone(), &path, Some(&credentials[i]));
            if let Some(b) = &body {
                let text = b.to_string().replace("{n}", &n.to_string());
                req = req
                    .insert_header(("content-type", "application/json"))
                    .set_payload(text);
            }
            let res = app.call(req).await;
            assert_eq!(
                res.status.as_u16(),
                expected[i],
                "{method} {path} as {role:?}: {}",
                String::from_utf8_lossy(&res.body)
            );
            if res.status.as_u16() == 403 {
                assert_eq!(res.slug(), "insufficient-role");
            }
        }
    }
}

#[actix_web::test]
async fn quality_routes_for_every_role() {
    use crate::quality::{answers, call, evaluate, form};
    let app = TestApp::new().await;
    let north_agent = app.user(Role::Agent).id;
    let south_agent = app.south_agent.id;
    let form = form(&app).await;
    let account = app.assigned_account("RM-Q", 10_000).await;
    let contact = call(&app, account, &app.token(Role::Agent)).await;
    let south_account = app.account("RM-QS", 10_000, 30, Some(app.south)).await["id"]
        .as_i64()
        .unwrap();
    app.assign(&[south_account], south_agent).await;
    let south_contact = call(&app, south_account, &app.token_for(&app.south_agent)).await;
    let manager = app.token(Role::Manager);
    let full = answers(form, json!(1), json!(1), json!(5));
    let south_evaluation = evaluate(&app, south_contact, &manager, full.clone())
        .await
        .expect(201)["id"]
        .clone();
    let north_evaluation = evaluate(&app, contact, &manager, full.clone())
        .await
        .expect(201)["id"]
        .clone();
    let session = json!({"agent_id": north_agent, "held_on": "2026-11-01", "topics": ["t{n}"]});
    let scorecard = |agent: i64| format!("/v1/agents/{agent}/scorecard?period=2026-11");
    let cases: Vec<Case> = vec![
        (Method::GET, "/v1/evaluation-forms".into(), None, [200; 6]),
        (
            Method::GET,
            format!("/v1/evaluation-forms/{form}"),
            None,
            [200; 6],
        ),
        (
            Method::POST,
            "/v1/evaluation-forms".into(),
            Some(crate::quality::form_body()),
            only(&[MANAGER, HEAD], 201, 403),
        ),
        (
            Method::PUT,
            "/v1/evaluation-forms/999999".into(),
            Some(crate::quality::form_body()),
            only(&[MANAGER, HEAD], 404, 403),
        ),
        (
            Method::POST,
            format!("/v1/contacts/{contact}/evaluations"),
            Some(full.clone()),
            only(&[LEAD, MANAGER, HEAD], 201, 403),
        ),
        // Another team's contact: the north team lead sees no such contact.
        (
            Method::POST,
            format!("/v1/contacts/{south_contact}/evaluations"),
            Some(full),
            [403, 404, 201, 201, 403, 403],
        ),
        (Method::GET, "/v1/evaluations".into(), None, [200; 6]),
        (
            Method::GET,
            format!("/v1/evaluations/{north_evaluation}"),
            None,
            [200; 6],
        ),
        (
            Method::GET,
            format!("/v1/evaluations/{south_evaluation}"),
            None,
            [404, 404, 200, 200, 200, 200],
        ),
        (
            Method::POST,
            "/v1/evaluations/999999/acknowledge".into(),
            None,
            [404; 6],
        ),
        (
            Method::POST,
            "/v1/evaluations/999999/dispute".into(),
            Some(json!({"reason": "r"})),
            [404; 6],
        ),
        (
            Method::POST,
            "/v1/evaluations/999999/resolve-dispute".into(),
            Some(json!({"outcome": "rejected"})),
            only(&[LEAD, MANAGER, HEAD], 404, 403),
        ),
        (
            Method::POST,
            "/v1/coaching-sessions".into(),
            Some(session),
            only(&[LEAD, MANAGER, HEAD], 201, 403),
        ),
        (Method::GET, "/v1/coaching-sessions".into(), None, [200; 6]),
        (
            Method::GET,
            "/v1/coaching-sessions/999999".into(),
            None,
            [404; 6],
        ),
        (
            Method::POST,
            "/v1/coaching-actions/999999/complete".into(),
            None,
            [404; 6],
        ),
        (
            Method::GET,
            scorecard(north_agent),
            None,
            only(&[AGENT, LEAD, MANAGER, HEAD, AUDITOR], 200, 403),
        ),
        (
            Method::GET,
            scorecard(south_agent),
            None,
            [404, 404, 200, 200, 403, 200],
        ),
        (
            Method::GET,
            "/v1/reports/quality?from=2026-11-01&to=2026-11-30".into(),
            None,
            only(&[LEAD, MANAGER, HEAD, AUDITOR], 200, 403),
        ),
    ];
    check(&app, cases).await;
}
