//! The management report on a month whose history is written day by day (a clock the test
//! moves): every section's figures counted by hand, roll rates where we know who rolled, and the
//! printable page.

use crate::helpers::{TestApp, Travel};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

impl Travel {
    async fn account(&self, external_ref: &str, balance: i64, since: &str) -> i64 {
        let app = &self.app;
        let head = app.token(Role::Head);
        let debtor = app.debtor(&format!("Debtor {external_ref}")).await;
        let body = json!({"external_ref": external_ref, "debtor_id": debtor, "original_amount": balance,
            "balance": balance, "delinquent_since": since, "team_id": app.north});
        let id = app
            .post("/v1/accounts", Some(&head), body)
            .await
            .expect(201)["id"]
            .as_i64()
            .unwrap();
        app.assign(&[id], app.user(Role::Agent).id).await;
        id
    }

    async fn pay(&self, account: i64, amount: i64, day: &str) -> Value {
        let body = json!({"amount": amount, "method": "card", "received_on": day});
        let agent = self.app.token(Role::Agent);
        self.app
            .post(
                &format!("/v1/accounts/{account}/payments"),
                Some(&agent),
                body,
            )
            .await
            .expect(201)
    }

    async fn target(&self, scope: &str, subject: i64, amount: i64) {
        let body = json!({"scope": scope, "subject_id": subject, "period": "2026-10", "collected_amount": amount});
        let head = self.app.token(Role::Head);
        self.app
            .call(TestApp::req(Method::PUT, "/v1/targets", Some(&head)).set_json(&body))
            .await
            .expect(200);
    }
}

fn bucket<'a>(report: &'a Value, section: &str, name: &str) -> &'a Value {
    report[section]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bucket"] == name)
        .unwrap()
}

/// September: R1..R4 placed, R3 pays 5,000. October: R1 pays 10,000 (and 1,000 reversed), R2
/// pays in full, R4 keeps a 5,000 promise, R5 is placed, R1 gets a plan due in November, one
/// call, one survey, two complaints. The report for October is read on 2 November.
async fn october(t: &Travel) -> [i64; 5] {
    t.at("2026-09-20");
    let r1 = t.account("R1", 100_000, "2026-09-10").await;
    let r2 = t.account("R2", 50_000, "2026-09-12").await;
    let r3 = t.account("R3", 80_000, "2026-08-20").await;
    let r4 = t.account("R4", 30_000, "2026-09-19").await;
    t.at("2026-09-25");
    t.pay(r3, 5_000, "2026-09-25").await;
    let (app, head) = (&t.app, t.app.token(Role::Head));
    let agent = app.token(Role::Agent);
    let complaint = |source: &str, category: &str| json!({"source": source, "category": category, "description": "d"});
    app.post(
        &format!("/v1/accounts/{r3}/complaints"),
        Some(&head),
        complaint("direct", "other"),
    )
    .await
    .expect(201);
    t.at("2026-10-03");
    let promise = json!({"kind": "promise", "amount": 5_000, "due_on": "2026-10-08"});
    app.post(
        &format!("/v1/accounts/{r4}/arrangements"),
        Some(&agent),
        promise,
    )
    .await
    .expect(201);
    t.at("2026-10-05");
    t.pay(r1, 10_000, "2026-10-05").await;
    t.at("2026-10-08");
    t.pay(r4, 5_000, "2026-10-08").await;
    t.at("2026-10-10");
    t.pay(r2, 50_000, "2026-10-10").await;
    t.at("2026-10-12");
    let bounced = t.pay(r1, 1_000, "2026-10-12").await;
    let lead = app.token(Role::TeamLead);
    app.post(
        &format!("/v1/payments/{}/reverse", bounced["id"]),
        Some(&lead),
        json!({"reason": "bounced"}),
    )
    .await
    .expect(200);
    t.at("2026-10-15");
    let call =
        json!({"channel": "phone", "direction": "outbound", "outcome": "right_party_contact"});
    app.post(&format!("/v1/accounts/{r1}/contacts"), Some(&agent), call)
        .await
        .expect(201);
    app.post(
        &format!("/v1/accounts/{r1}/satisfaction"),
        Some(&agent),
        json!({"score": 5, "channel": "ivr"}),
    )
    .await
    .expect(201);
    t.at("2026-10-20");
    let r5 = t.account("R5", 40_000, "2026-10-05").await;
    let plan = json!({"kind": "plan", "installments": [{"due_on": "2026-11-05", "amount": 20_000}, {"due_on": "2026-11-20", "amount": 20_000}]});
    app.post(
        &format!("/v1/accounts/{r1}/arrangements"),
        Some(&agent),
        plan,
    )
    .await
    .expect(201);
    app.post(
        &format!("/v1/accounts/{r1}/complaints"),
        Some(&head),
        complaint("cfpb", "wrong_amount"),
    )
    .await
    .expect(201);
    t.target("team", app.north, 120_000).await;
    t.target("agent", app.user(Role::Agent).id, 100_000).await;
    t.at("2026-11-02");
    [r1, r2, r3, r4, r5]
}

#[actix_web::test]
async fn a_month_counted_by_hand() {
    let t = Travel::new().await;
    october(&t).await;
    let app = &t.app;
    let path = format!(
        "/v1/reports/summary?period=month&date=2026-10-15&team_id={}",
        app.north
    );
    let r = app
        .get(&path, Some(&app.token(Role::Head)))
        .await
        .expect(200);
    assert_eq!(
        (&r["label"], &r["start"], &r["end"], &r["currency"]),
        (
            &json!("2026-10"),
            &json!("2026-10-01"),
            &json!("2026-10-31"),
            &json!("USD")
        )
    );
    let c = &r["collected"];
    assert_eq!(
        (
            &c["amount"],
            &c["target"],
            &c["attainment"],
            &c["previous_amount"]
        ),
        (
            &json!(65_000),
            &json!(120_000),
            &json!(0.5417),
            &json!(5_000)
        )
    );
    assert_eq!(c["per_day"].as_array().unwrap().len(), 31);
    assert_eq!(
        c["per_day"][9],
        json!({"date": "2026-10-10", "amount": 50_000})
    );
    let p = &r["promises"];
    assert_eq!(
        (
            &p["made"],
            &p["due"],
            &p["kept"],
            &p["broken"],
            &p["kept_rate"]
        ),
        (&json!(1), &json!(1), &json!(1), &json!(0), &json!(1.0))
    );
    let e = &r["expected_income"];
    assert_eq!(
        (
            &e["period"],
            &e["installments"],
            &e["scheduled"],
            &e["kept_rate"],
            &e["weighted"]
        ),
        (
            &json!("2026-11"),
            &json!(40_000),
            &json!(40_000),
            &json!(1.0),
            &json!(40_000)
        )
    );
    assert_eq!(
        r["contacts"],
        json!({"attempts": 1, "right_party_contacts": 1, "rpc_rate": 1.0})
    );
    // Aging on 1 October: R1, R2, R4 in 1-30 (180,000), R3 in 31-60 (75,000); on 1 November:
    // R5 in 1-30, R1 and R4 in 31-60, R3 in 61-90; R2 paid.
    let b = bucket(&r, "aging", "1-30");
    assert_eq!(
        (
            &b["count_at_start"],
            &b["balance_at_start"],
            &b["count"],
            &b["balance"],
            &b["count_change"]
        ),
        (
            &json!(3),
            &json!(180_000),
            &json!(1),
            &json!(40_000),
            &json!(-2)
        )
    );
    let b = bucket(&r, "aging", "31-60");
    assert_eq!(
        (&b["count"], &b["balance"], &b["balance_change"]),
        (&json!(2), &json!(115_000), &json!(40_000))
    );
    assert_eq!(bucket(&r, "aging", "61-90")["balance"], 75_000);
    // Rolls: of R1, R2, R4 (1-30 at the start) R1 and R4 rolled, R2 was paid; R3 rolled.
    let roll = bucket(&r, "roll_rates", "1-30");
    assert_eq!(
        (&roll["accounts"], &roll["rolled"], &roll["roll_rate"]),
        (&json!(3), &json!(2), &json!(0.6667))
    );
    assert_eq!(bucket(&r, "roll_rates", "31-60")["roll_rate"], 1.0);
    assert_eq!(r["roll_rates"].as_array().unwrap().len(), 6);
    let k = &r["complaints"];
    assert_eq!(
        (&k["received"], &k["open"], &k["overdue"]),
        (&json!(1), &json!(2), &json!(1))
    );
    assert_eq!(
        r["satisfaction"],
        json!({"responses": 1, "average_score": 5.0, "csat": 1.0})
    );
    let first = &r["agents"][0];
    assert_eq!(
        (
            &first["name"],
            &first["collected"],
            &first["target"],
            &first["attainment"],
            &first["rpc_rate"],
            &first["complaints"],
            &first["quality_average"]
        ),
        (
            &json!("Agent user"),
            &json!(65_000),
            &json!(100_000),
            &json!(0.65),
            &json!(1.0),
            &json!(1),
            &Value::Null
        )
    );
    let story = r["narrative"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        story.contains("collected 650.00 USD, 54.2 % of the target of 1,200.00 USD"),
        "{story}"
    );
    assert!(
        story.contains("One complaint is past its response deadline"),
        "{story}"
    );
}

#[actix_web::test]
async fn the_printable_page() {
    let t = Travel::new().await;
    october(&t).await;
    let app = &t.app;
    let req = TestApp::req(
        Method::GET,
        "/v1/reports/summary?date=2026-10-15",
        Some(&app.token(Role::Manager)),
    )
    .insert_header(("accept", "text/html"));
    let res = app.call(req).await;
    assert_eq!(res.status.as_u16(), 200);
    assert!(res.header("content-type").unwrap().starts_with("text/html"));
    let html = String::from_utf8(res.body.clone()).unwrap();
    for id in [
        "narrative",
        "key-figures",
        "collected-chart",
        "aging",
        "roll-rates",
        "promises",
        "complaints",
        "agents",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "section {id}");
    }
    assert_eq!(html.matches("<svg").count(), 3);
    assert!(html.contains("@page") && html.contains("@media print"));
    for banned in ["<script", "http://", "https://", "<link", "src=", "url("] {
        assert!(!html.contains(banned), "{banned} in the page");
    }
    assert!(html.contains("All teams") && html.contains("650.00"));
}

#[actix_web::test]
async fn who_reads_which_team_and_currency() {
    let t = Travel::new().await;
    let app = &t.app;
    t.at("2026-10-01");
    t.account("ONE", 1_000, "2026-09-01").await;
    let lead = app.token(Role::TeamLead);
    let own = app
        .get("/v1/reports/summary", Some(&lead))
        .await
        .expect(200);
    assert_eq!(own["team_id"], app.north);
    app.get(
        &format!("/v1/reports/summary?team_id={}", app.south),
        Some(&lead),
    )
    .await
    .expect(404);
    app.get("/v1/reports/summary", Some(&app.token(Role::Agent)))
        .await
        .expect(403);
    app.get("/v1/reports/summary", Some(&app.token(Role::Auditor)))
        .await
        .expect(200);
    app.get(
        "/v1/reports/summary?team_id=999999",
        Some(&app.token(Role::Head)),
    )
    .await
    .expect(404);
    // A second currency: the whole report must name one.
    let head = app.token(Role::Head);
    let debtor = app.debtor("Euro debtor").await;
    let body = json!({"external_ref": "EUR-1", "debtor_id": debtor, "currency": "EUR", "original_amount": 5, "balance": 5, "delinquent_since": "2026-09-01", "team_id": app.south});
    app.post("/v1/accounts", Some(&head), body)
        .await
        .expect(201);
    let res = app.get("/v1/reports/summary", Some(&head)).await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (422, "currency-required".into())
    );
    app.get("/v1/reports/summary?currency=EUR", Some(&head))
        .await
        .expect(200);
    app.get("/v1/reports/summary?currency=euro", Some(&head))
        .await
        .expect(422);
    assert_eq!(
        app.get("/v1/reports/summary", Some(&lead))
            .await
            .expect(200)["currency"],
        "USD"
    );
    for period in ["day", "week"] {
        let r = app
            .get(
                &format!("/v1/reports/summary?period={period}&date=2026-10-01&currency=USD"),
                Some(&head),
            )
            .await
            .expect(200);
        let days = if period == "day" { 1 } else { 7 };
        assert_eq!(r["collected"]["per_day"].as_array().unwrap().len(), days);
    }
}
