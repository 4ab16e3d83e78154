//! Regulation F, precisely: the policy floor, local calendar days, unconnected calls, consented
//! call-backs and every known time zone, through HTTP.

use crate::helpers::{TestApp, at, today};
use actix_web::http::Method;
use arrears::domain::role::Role;
use arrears::state::Clock;
use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::America::New_York;
use serde_json::{Value, json};

fn call(outcome: &str, when: &str) -> Value {
    json!({"channel": "phone", "direction": "outbound", "outcome": outcome, "occurred_at": when})
}

/// An account assigned to the north agent whose debtor lives in New York with `phone`.
async fn debtor_with_phone(app: &TestApp, external_ref: &str, phone: &str) -> (i64, i64) {
    let head = app.token(Role::Head);
    let debtor = app
        .post(
            "/v1/debtors",
            Some(&head),
            json!({"name": "Dana Reyes", "phone": phone, "timezone": "America/New_York"}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let since = (today() - chrono::Days::new(60)).to_string();
    let account = app
        .post(
            "/v1/accounts",
            Some(&head),
            json!({"external_ref": external_ref, "debtor_id": debtor, "original_amount": 20_000,
                "balance": 10_000, "delinquent_since": since, "team_id": app.north}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    app.assign(&[account], app.user(Role::Agent).id).await;
    (account, debtor)
}

async fn put_policy(app: &TestApp, body: Value) -> crate::helpers::TestResponse {
    app.call(
        TestApp::req(
            Method::PUT,
            "/v1/contact-policy",
            Some(&app.token(Role::Head)),
        )
        .set_json(body),
    )
    .await
}

fn fields(body: &Value) -> Vec<String> {
    body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn a_policy_looser_than_regulation_f_is_refused() {
    let app = TestApp::new().await;
    let policy = app
        .get("/v1/contact-policy", Some(&app.token(Role::Head)))
        .await
        .expect(200);
    let mut loose = policy.clone();
    loose["attempt_cap"] = json!(8);
    loose["lockout_days"] = json!(0);
    loose["calling_start"] = json!("07:00:00");
    loose["calling_end"] = json!("22:00:00");
    let res = put_policy(&app, loose).await;
    let f = fields(&res.expect(422));
    for field in [
        "attempt_cap",
        "lockout_days",
        "calling_start",
        "calling_end",
    ] {
        assert!(f.contains(&field.to_owned()), "{field}: {f:?}");
    }
    let mut texas = policy.clone();
    texas["regions"]["TX"] =
        json!({"calling_start": "06:00:00", "attempt_cap": 10, "lockout_days": 0});
    let f = fields(&put_policy(&app, texas).await.expect(422));
    for field in ["attempt_cap", "lockout_days", "calling_start"] {
        assert!(f.contains(&format!("regions.TX.{field}")), "{field}: {f:?}");
    }
    // Nothing changed; the floor itself is accepted.
    assert_eq!(
        app.get("/v1/contact-policy", Some(&app.token(Role::Head)))
            .await
            .expect(200),
        policy
    );
    put_policy(&app, policy).await.expect(200);
}

#[actix_web::test]
async fn a_stored_policy_below_the_floor_is_raised_at_start_up() {
    let app = TestApp::new().await;
    let loose = json!({"attempt_cap": 9, "window_days": 7, "lockout_days": 2, "calling_start": "08:00:00",
        "calling_end": "21:00:00", "regions": {"TX": {"calling_start": "06:00:00", "window_days": 14}}});
    let now = arrears::db::to_db_time(Utc::now());
    app.sql(format!(
        "INSERT INTO contact_policies (id, policy, updated_by, updated_at) VALUES (1, '{loose}', NULL, '{now}')"
    ))
    .await;
    app.db.migrate().unwrap();
    let head = app.token(Role::Head);
    let policy = app.get("/v1/contact-policy", Some(&head)).await.expect(200);
    assert_eq!(policy["attempt_cap"], 7);
    assert_eq!(policy["lockout_days"], 7);
    assert_eq!(policy["regions"]["TX"], json!({"window_days": 14}));
    let events = app
        .get(
            "/v1/audit-events?entity_type=contact_policy",
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    let raised = &events["data"][0];
    assert_eq!(raised["action"], "contact_policy.raised_to_floor");
    assert_eq!(
        raised["after"]["fields_raised"],
        json!(["attempt_cap", "lockout_days", "regions.TX.calling_start"])
    );
    // A second start finds nothing to raise.
    app.db.migrate().unwrap();
    let again = app
        .get(
            "/v1/audit-events?entity_type=contact_policy",
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    assert_eq!(again["data"].as_array().unwrap().len(), 1);
    let verify = app
        .get("/v1/audit-events/verify", Some(&app.token(Role::Auditor)))
        .await
        .expect(200);
    assert_eq!(verify["ok"], true);
}

/// The instant of `hh:mm` New York time today.
fn new_york_today(h: u32, m: u32) -> DateTime<Utc> {
    let local = today().and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap());
    New_York
        .from_local_datetime(&local)
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

#[actix_web::test]
async fn calling_hours_hold_in_the_phone_numbers_zone_and_any_other() {
    // 08:30 in New York is 07:30 in Chicago.
    let now = new_york_today(8, 30);
    let app = TestApp::with_clock(Clock::from_fn(move || now)).await;
    let (id, debtor) = debtor_with_phone(&app, "TZ-1", "(312) 555-0123").await;
    let agent = app.token(Role::Agent);
    let v = app
        .get(&format!("/v1/accounts/{id}/contactability"), Some(&agent))
        .await
        .expect(200);
    assert_eq!(v["reasons"], json!(["outside_calling_hours"]));
    assert_eq!(
        v["timezones"],
        json!(["America/New_York", "America/Chicago"])
    );
    assert_eq!(
        v["next_allowed_at"].as_str().unwrap(),
        new_york_today(9, 0).to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
    );
    let refused = app
        .post(
            &format!("/v1/accounts/{id}/contacts"),
            Some(&agent),
            call("no_answer", &now.to_rfc3339()),
        )
        .await;
    assert_eq!(
        refused.expect(409)["reasons"],
        json!(["outside_calling_hours"])
    );
    // A zone the collector knows of besides: Los Angeles is later still.
    let d = app
        .patch(
            &format!("/v1/debtors/{debtor}"),
            Some(&agent),
            json!({"additional_timezones": ["America/Los_Angeles"]}),
        )
        .await
        .expect(200);
    assert_eq!(d["additional_timezones"], json!(["America/Los_Angeles"]));
    let v = app
        .get(&format!("/v1/accounts/{id}/contactability"), Some(&agent))
        .await
        .expect(200);
    assert_eq!(
        v["timezones"],
        json!(["America/New_York", "America/Chicago", "America/Los_Angeles"])
    );
    assert_eq!(
        v["next_allowed_at"].as_str().unwrap(),
        new_york_today(11, 0).to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
    );
    app.patch(
        &format!("/v1/debtors/{debtor}"),
        Some(&agent),
        json!({"additional_timezones": ["Mars/Olympus"]}),
    )
    .await
    .expect(422);
    // A toll-free number has no zone of its own.
    let (free, _) = debtor_with_phone(&app, "TZ-2", "(800) 555-0123").await;
    let v = app
        .get(&format!("/v1/accounts/{free}/contactability"), Some(&agent))
        .await
        .expect(200);
    assert_eq!(v["timezones"], json!(["America/New_York"]));
    assert_eq!(v["allowed"], true);
}

#[actix_web::test]
async fn a_requested_call_back_is_consent_for_its_hour() {
    let app = TestApp::new().await;
    let (id, _) = debtor_with_phone(&app, "CB-1", "(201) 555-0123").await;
    let agent = app.token(Role::Agent);
    let path = format!("/v1/accounts/{id}/contacts");
    // Yesterday 15:00 UTC the debtor asked to be called back today at 03:30 UTC: late in the
    // evening in New York (outside calling hours) and within the conversation's lock-out.
    let hour = today().and_hms_opt(3, 30, 0).unwrap().and_utc();
    let mut asked = call("callback_requested", &at(1, 15));
    asked["follow_up_at"] = json!(hour.to_rfc3339());
    app.post(&path, Some(&agent), asked).await.expect(201);
    let early = (hour - chrono::Duration::seconds(1)).to_rfc3339();
    app.post(&path, Some(&agent), call("no_answer", &early))
        .await
        .expect(409);
    let within = (hour + chrono::Duration::minutes(15)).to_rfc3339();
    let made = app
        .post(&path, Some(&agent), call("right_party_contact", &within))
        .await
        .expect(201);
    assert_eq!(made["consented"], true);
    assert_eq!(made["counts_as_attempt"], false);
    // The consent is used up.
    let again = (hour + chrono::Duration::minutes(20)).to_rfc3339();
    app.post(&path, Some(&agent), call("no_answer", &again))
        .await
        .expect(409);
}
