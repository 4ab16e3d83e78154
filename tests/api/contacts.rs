//! Contacts under the Regulation F rules, through HTTP. The app's clock is today 16:00 UTC.

use crate::helpers::{TestApp, at};
use arrears::domain::role::Role;
use chrono::{Days, Utc};
use serde_json::{Value, json};

async fn account(app: &TestApp, external_ref: &str, region: Option<&str>) -> (i64, i64) {
    let a = app.account(external_ref, 50_000, 90, Some(app.north)).await;
    let id = a["id"].as_i64().unwrap();
    app.assign(&[id], app.user(Role::Agent).id).await;
    if let Some(r) = region {
        app.patch(
            &format!("/v1/debtors/{}", a["debtor_id"]),
            Some(&app.token(Role::Manager)),
            json!({"region": r}),
        )
        .await
        .expect(200);
    }
    (id, a["debtor_id"].as_i64().unwrap())
}

fn call(outcome: &str, when: String) -> Value {
    json!({"channel": "phone", "direction": "outbound", "outcome": outcome, "occurred_at": when})
}

async fn count_contacts(app: &TestApp, id: i64) -> usize {
    app.get(
        &format!("/v1/accounts/{id}/contacts?limit=500"),
        Some(&app.token(Role::Head)),
    )
    .await
    .expect(200)["data"]
        .as_array()
        .unwrap()
        .len()
}

#[actix_web::test]
async fn the_eighth_call_in_seven_days_is_refused_and_audited() {
    let app = TestApp::new().await;
    let (id, _) = account(&app, "CAP-1", None).await;
    let agent = app.token(Role::Agent);
    let path = format!("/v1/accounts/{id}/contacts");
    for d in (0..7).rev() {
        app.post(
            &path,
            Some(&agent),
            call(
                if d % 2 == 0 {
                    "no_answer"
                } else {
                    "voicemail_left"
                },
                at(d, 15),
            ),
        )
        .await
        .expect(201);
    }
    let res = app
        .post(&path, Some(&agent), call("no_answer", at(0, 16)))
        .await;
    let body = res.expect(409);
    assert_eq!(res.slug(), "contact-not-permitted");
    assert_eq!(body["reasons"], json!(["attempt_cap_reached"]));
    assert_eq!(
        body["next_allowed_at"]
            .as_str()
            .map(|s| s.starts_with(&at(0, 15)[..10]) || !s.is_empty()),
        Some(true)
    );
    assert_eq!(count_contacts(&app, id).await, 7, "nothing stored");
    let refused = app
        .get(
            &format!("/v1/audit-events?entity_type=account&entity_id={id}&limit=500"),
            Some(&app.token(Role::Auditor)),
        )
        .await
        .expect(200);
    let refusal = refused["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "contact.refused")
        .cloned()
        .expect("refusal audited");
    assert_eq!(refusal["after"]["reasons"], json!(["attempt_cap_reached"]));
    // Contactability says the same; SMS is still allowed; inbound calls are always recorded.
    let v = app
        .get(&format!("/v1/accounts/{id}/contactability"), Some(&agent))
        .await
        .expect(200);
    assert_eq!(
        (v["allowed"].as_bool(), v["reasons"].clone()),
        (Some(false), json!(["attempt_cap_reached"]))
    );
    assert_eq!(
        app.get(
            &format!("/v1/accounts/{id}/contactability?channel=sms"),
            Some(&agent)
        )
        .await
        .expect(200)["allowed"],
        true
    );
    app.post(
        &path,
        Some(&agent),
        json!({"channel": "phone", "direction": "inbound", "outcome": "right_party_contact"}),
    )
    .await
    .expect(201);
}

#[actix_web::test]
async fn a_conversation_locks_out_calls_and_hours_are_local() {
    let app = TestApp::new().await;
    let (id, _) = account(&app, "LOCK-1", None).await;
    let agent = app.token(Role::Agent);
    let path = format!("/v1/accounts/{id}/contacts");
    // 03:00 UTC is the previous evening (22:00 or 23:00) in New York.
    let res = app
        .post(&path, Some(&agent), call("no_answer", at(1, 3)))
        .await;
    assert_eq!(res.expect(409)["reasons"], json!(["outside_calling_hours"]));
    app.post(&path, Some(&agent), call("right_party_contact", at(2, 15)))
        .await
        .expect(201);
    let res = app
        .post(&path, Some(&agent), call("no_answer", at(0, 15)))
        .await;
    assert_eq!(res.expect(409)["reasons"], json!(["recent_conversation"]));
    // Letters ignore the lock-out.
    app.post(&path, Some(&agent), json!({"channel": "letter", "direction": "outbound", "outcome": "no_answer", "occurred_at": at(0, 15)})).await.expect(201);
    app.post(
        &path,
        Some(&agent),
        call(
            "no_answer",
            (Utc::now() + chrono::Duration::hours(30)).to_rfc3339(),
        ),
    )
    .await
    .expect(422);
}

#[actix_web::test]
async fn flags_and_regions() {
    let app = TestApp::new().await;
    let (id, debtor) = account(&app, "FLAG-1", None).await;
    let agent = app.token(Role::Agent);
    let path = format!("/v1/accounts/{id}/contacts");
    app.patch(
        &format!("/v1/debtors/{debtor}"),
        Some(&agent),
        json!({"do_not_call": true}),
    )
    .await
    .expect(200);
    assert_eq!(
        app.post(&path, Some(&agent), call("no_answer", at(0, 15)))
            .await
            .expect(409)["reasons"],
        json!(["do_not_call"])
    );
    let sms = json!({"channel": "sms", "direction": "outbound", "outcome": "no_answer", "occurred_at": at(0, 15)});
    app.post(&path, Some(&agent), sms.clone()).await.expect(201);
    app.patch(
        &format!("/v1/debtors/{debtor}"),
        Some(&agent),
        json!({"do_not_sms": true}),
    )
    .await
    .expect(200);
    assert_eq!(
        app.post(&path, Some(&agent), sms).await.expect(409)["reasons"],
        json!(["do_not_sms"])
    );
    // Massachusetts: at most 2 calls in 7 days (calls that do not connect are not calls).
    let (ma, _) = account(&app, "MA-1", Some("MA")).await;
    let ma_path = format!("/v1/accounts/{ma}/contacts");
    for (outcome, days_ago) in [
        ("busy", 3),
        ("busy", 3),
        ("no_answer", 2),
        ("voicemail_left", 1),
    ] {
        let logged = app
            .post(&ma_path, Some(&agent), call(outcome, at(days_ago, 15)))
            .await
            .expect(201);
        let counts = outcome != "busy";
        assert_eq!(logged["counts_as_attempt"], counts, "{outcome}");
    }
    assert_eq!(
        app.post(&ma_path, Some(&agent), call("no_answer", at(0, 15)))
            .await
            .expect(409)["reasons"],
        json!(["attempt_cap_reached"])
    );
}

#[actix_web::test]
async fn outcomes_have_their_side_effects() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    // A promise to pay creates a promise arrangement.
    let (id, _) = account(&app, "PTP-1", None).await;
    let path = format!("/v1/accounts/{id}/contacts");
    app.post(&path, Some(&agent), call("promise_to_pay", at(0, 15)))
        .await
        .expect(422);
    let due = (Utc::now().date_naive() + Days::new(5)).to_string();
    let mut ptp = call("promise_to_pay", at(0, 15));
    ptp["promise"] = json!({"amount": 12_000, "due_on": due});
    let contact = app.post(&path, Some(&agent), ptp).await.expect(201);
    let arrangement = app
        .get(
            &format!("/v1/arrangements/{}", contact["arrangement_id"]),
            Some(&agent),
        )
        .await
        .expect(200);
    assert_eq!(
        (
            arrangement["kind"].as_str(),
            arrangement["total_amount"].as_i64()
        ),
        (Some("promise"), Some(12_000))
    );
    let acc = app
        .get(&format!("/v1/accounts/{id}"), Some(&agent))
        .await
        .expect(200);
    assert_eq!(acc["status"], "in_arrangement");
    // A cease request stops everything outbound.
    let (id2, debtor2) = account(&app, "CEASE-1", None).await;
    app.post(
        &format!("/v1/accounts/{id2}/contacts"),
        Some(&agent),
        json!({"channel": "letter", "direction": "inbound", "outcome": "cease_request"}),
    )
    .await
    .expect(201);
    let d = app
        .get(&format!("/v1/debtors/{debtor2}"), Some(&agent))
        .await
        .expect(200);
    assert_eq!(d["cease_communication"], true);
    let res = app
        .post(
            &format!("/v1/accounts/{id2}/contacts"),
            Some(&agent),
            json!({"channel": "email", "direction": "outbound", "outcome": "no_answer"}),
        )
        .await;
    assert!(
        res.expect(409)["reasons"]
            .as_array()
            .unwrap()
            .contains(&json!("cease_communication"))
    );
    // A wrong number marks the phone invalid.
    let (id3, debtor3) = account(&app, "WRONG-1", None).await;
    app.post(
        &format!("/v1/accounts/{id3}/contacts"),
        Some(&agent),
        call("wrong_number", at(0, 15)),
    )
    .await
    .expect(201);
    assert_eq!(
        app.get(&format!("/v1/debtors/{debtor3}"), Some(&agent))
            .await
            .expect(200)["phone_valid"],
        false
    );
    let v = app
        .get(&format!("/v1/accounts/{id3}/contactability"), Some(&agent))
        .await
        .expect(200);
    assert_eq!(
        (v["allowed"].as_bool(), v["reasons"].clone()),
        (Some(false), json!(["no_valid_phone"]))
    );
    // Deceased flags the account for the team lead.
    let (id4, _) = account(&app, "DEC-1", None).await;
    app.post(
        &format!("/v1/accounts/{id4}/contacts"),
        Some(&agent),
        call("deceased", at(0, 15)),
    )
    .await
    .expect(201);
    let timeline = app
        .get(&format!("/v1/accounts/{id4}/timeline"), Some(&agent))
        .await
        .expect(200);
    assert!(
        timeline["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "account.flagged" && e["after"]["flag"] == "deceased")
    );
}

#[actix_web::test]
async fn a_dispute_pauses_collection_until_resolved() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    let (id, _) = account(&app, "DSP-1", None).await;
    let path = format!("/v1/accounts/{id}/contacts");
    let mut disputed = call("dispute", at(3, 15));
    disputed["notes"] = json!("says it was paid");
    let contact = app.post(&path, Some(&agent), disputed).await.expect(201);
    assert!(contact["dispute_id"].is_i64());
    assert_eq!(
        app.get(&format!("/v1/accounts/{id}"), Some(&agent))
            .await
            .expect(200)["status"],
        "disputed"
    );
    let res = app
        .post(
            &path,
            Some(&agent),
            json!({"channel": "sms", "direction": "outbound", "outcome": "no_answer"}),
        )
        .await;
    assert_eq!(res.expect(409)["reasons"], json!(["account_disputed"]));
    let res = app.post(&format!("/v1/accounts/{id}/arrangements"), Some(&agent), json!({"kind": "promise", "amount": 100, "due_on": (Utc::now().date_naive() + Days::new(3)).to_string()})).await;
    assert_eq!(res.status.as_u16(), 409);
    let again = app
        .post(
            &format!("/v1/accounts/{id}/disputes"),
            Some(&agent),
            json!({"reason": "again"}),
        )
        .await;
    assert_eq!(
        (again.status.as_u16(), again.slug()),
        (409, "dispute-open".into())
    );
    let resolve = format!("/v1/disputes/{}/resolve", contact["dispute_id"]);
    app.post(
        &resolve,
        Some(&agent),
        json!({"outcome": "rejected", "note": "owed"}),
    )
    .await
    .expect(403);
    let resolved = app
        .post(
            &resolve,
            Some(&app.token(Role::TeamLead)),
            json!({"outcome": "rejected", "note": "owed"}),
        )
        .await
        .expect(200);
    assert_eq!(resolved["status"], "rejected");
    assert_eq!(
        app.get(&format!("/v1/accounts/{id}"), Some(&agent))
            .await
            .expect(200)["status"],
        "open"
    );
    app.post(
        &path,
        Some(&agent),
        json!({"channel": "sms", "direction": "outbound", "outcome": "no_answer"}),
    )
    .await
    .expect(201);
    let res = app
        .post(
            &resolve,
            Some(&app.token(Role::TeamLead)),
            json!({"outcome": "upheld", "note": "late"}),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (409, "dispute-resolved".into())
    );
    // Upheld closes the account.
    let d2 = app
        .post(
            &format!("/v1/accounts/{id}/disputes"),
            Some(&agent),
            json!({"reason": "identity theft"}),
        )
        .await
        .expect(201);
    app.post(
        &format!("/v1/disputes/{}/resolve", d2["id"]),
        Some(&app.token(Role::Manager)),
        json!({"outcome": "upheld", "note": "confirmed"}),
    )
    .await
    .expect(200);
    assert_eq!(
        app.get(
            &format!("/v1/accounts/{id}"),
            Some(&app.token(Role::Manager))
        )
        .await
        .expect(200)["status"],
        "closed"
    );
}

#[actix_web::test]
async fn the_contact_policy_is_the_heads_to_change() {
    let app = TestApp::new().await;
    let policy = app
        .get("/v1/contact-policy", Some(&app.token(Role::Agent)))
        .await
        .expect(200);
    assert_eq!(
        (
            policy["attempt_cap"].as_i64(),
            policy["regions"]["MA"]["attempt_cap"].as_i64()
        ),
        (Some(7), Some(2))
    );
    let mut stricter = policy.clone();
    stricter["attempt_cap"] = json!(3);
    stricter["regions"]["NY"] = json!({"attempt_cap": 1});
    for role in [
        Role::Agent,
        Role::TeamLead,
        Role::Manager,
        Role::Admin,
        Role::Auditor,
    ] {
        let res = app
            .call(
                TestApp::req(
                    actix_web::http::Method::PUT,
                    "/v1/contact-policy",
                    Some(&app.token(role)),
                )
                .set_json(&stricter),
            )
            .await;
        assert_eq!(res.status.as_u16(), 403, "{role:?}");
    }
    let head = app.token(Role::Head);
    let put = |body: Value| {
        app.call(
            TestApp::req(
                actix_web::http::Method::PUT,
                "/v1/contact-policy",
                Some(&head),
            )
            .set_json(body),
        )
    };
    let mut bad = stricter.clone();
    bad["calling_end"] = json!("07:00:00");
    bad["regions"]["ny"] = json!({});
    let res = put(bad).await;
    let fields: Vec<String> = res.expect(422)["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        fields.contains(&"calling_end".to_owned()) && fields.contains(&"regions.ny".to_owned()),
        "{fields:?}"
    );
    assert_eq!(put(stricter.clone()).await.expect(200)["attempt_cap"], 3);
    assert_eq!(
        app.get("/v1/contact-policy", Some(&head)).await.expect(200),
        stricter
    );
    // The new cap applies at once, and the change is audited.
    let (id, _) = account(&app, "POL-1", Some("NY")).await;
    let agent = app.token(Role::Agent);
    app.post(
        &format!("/v1/accounts/{id}/contacts"),
        Some(&agent),
        call("no_answer", at(1, 15)),
    )
    .await
    .expect(201);
    assert_eq!(
        app.post(
            &format!("/v1/accounts/{id}/contacts"),
            Some(&agent),
            call("no_answer", at(0, 15))
        )
        .await
        .expect(409)["reasons"],
        json!(["attempt_cap_reached"])
    );
    let events = app
        .get("/v1/audit-events?entity_type=contact_policy", Some(&head))
        .await
        .expect(200);
    assert_eq!(events["data"][0]["after"]["attempt_cap"], 3);
    // A longer window reaches further back, in the contactability read (history read with the
    // account, before the policy is known) and in the queue's page (read with the policy).
    let mut longer = stricter.clone();
    longer["regions"]["NY"] = json!({"attempt_cap": 1, "window_days": 14});
    put(longer).await.expect(200);
    let (old, _) = account(&app, "POL-2", Some("NY")).await;
    app.post(
        &format!("/v1/accounts/{old}/contacts"),
        Some(&agent),
        call("no_answer", at(10, 15)),
    )
    .await
    .expect(201);
    let v = app
        .get(&format!("/v1/accounts/{old}/contactability"), Some(&agent))
        .await
        .expect(200);
    assert_eq!(v["reasons"], json!(["attempt_cap_reached"]), "{v}");
    let queue = app.get("/v1/queue", Some(&agent)).await.expect(200);
    let item = queue["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["account_id"] == old)
        .cloned()
        .unwrap_or_else(|| panic!("{queue}"));
    assert_eq!(item["contactable_now"], false, "{item}");
    assert!(item["next_allowed_at"].is_string(), "{item}");
}

#[actix_web::test]
async fn contacts_by_role_and_scope() {
    let app = TestApp::new().await;
    let (id, _) = account(&app, "ROLE-C", None).await;
    let roles = Role::ALL;
    let expected = [201, 201, 201, 201, 403, 403];
    for (i, role) in roles.iter().enumerate() {
        let body =
            json!({"channel": "phone", "direction": "inbound", "outcome": "right_party_contact"});
        let res = app
            .post(
                &format!("/v1/accounts/{id}/contacts"),
                Some(&app.token(*role)),
                body,
            )
            .await;
        assert_eq!(res.status.as_u16(), expected[i], "{role:?}");
        for path in [
            format!("/v1/accounts/{id}/contacts"),
            format!("/v1/accounts/{id}/contactability"),
            "/v1/contacts".into(),
            "/v1/contact-policy".into(),
        ] {
            assert_eq!(
                app.get(&path, Some(&app.token(*role)))
                    .await
                    .status
                    .as_u16(),
                200,
                "GET {path} as {role:?}"
            );
        }
    }
    let south = app.token_for(&app.south_agent);
    app.get(&format!("/v1/accounts/{id}/contacts"), Some(&south))
        .await
        .expect(404);
    app.get(&format!("/v1/accounts/{id}/contactability"), Some(&south))
        .await
        .expect(404);
    app.post(
        &format!("/v1/accounts/{id}/contacts"),
        Some(&south),
        json!({"channel": "phone", "direction": "inbound", "outcome": "busy"}),
    )
    .await
    .expect(404);
    assert!(
        app.get("/v1/contacts", Some(&south)).await.expect(200)["data"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let mine = app
        .get(
            &format!("/v1/contacts?agent_id={}", app.user(Role::Agent).id),
            Some(&app.token(Role::Head)),
        )
        .await
        .expect(200);
    assert_eq!(mine["data"].as_array().unwrap().len(), 1);
    app.post(
        &format!("/v1/accounts/{id}/disputes"),
        Some(&app.token(Role::Admin)),
        json!({"reason": "x"}),
    )
    .await
    .expect(403);
}

#[actix_web::test]
async fn follow_ups_and_contacts_feed_the_queue() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    let (small, _) = account(&app, "FU-SMALL", None).await;
    let (big, _) = account(&app, "FU-BIG", None).await;
    let mut cb = call("callback_requested", at(9, 15));
    cb["follow_up_at"] = json!(at(1, 15));
    app.post(&format!("/v1/accounts/{small}/contacts"), Some(&agent), cb)
        .await
        .expect(201);
    let queue = app.get("/v1/queue", Some(&agent)).await.expect(200);
    assert_eq!(
        (
            queue["data"][0]["account_id"].as_i64(),
            queue["data"][0]["reason"].as_str()
        ),
        (Some(small), Some("follow_up_due"))
    );
    assert_eq!(queue["data"][1]["reason"], "new");
    let item_of = |queue: &Value, id: i64| {
        let items = queue["data"].as_array().unwrap();
        items
            .iter()
            .find(|i| i["account_id"] == id)
            .unwrap()
            .clone()
    };
    let reason_of = |queue: &Value, id: i64| item_of(queue, id)["reason"].clone();
    // A contact before the follow-up's time (the debtor calling in) does not answer it; one
    // after it does.
    let path = format!("/v1/accounts/{small}/contacts");
    let mut before = call("no_answer", at(5, 15));
    before["direction"] = json!("inbound");
    app.post(&path, Some(&agent), before).await.expect(201);
    let queue = app.get("/v1/queue", Some(&agent)).await.expect(200);
    assert_eq!(reason_of(&queue, small), "follow_up_due");
    let after = call("no_answer", at(1, 16));
    app.post(&path, Some(&agent), after).await.expect(201);
    let queue = app.get("/v1/queue", Some(&agent)).await.expect(200);
    assert_eq!(reason_of(&queue, small), "aging");
    let last = item_of(&queue, small)["last_contact_at"].clone();
    let instant = |v: &str| chrono::DateTime::parse_from_rfc3339(v).unwrap();
    assert_eq!(instant(last.as_str().unwrap()), instant(&at(1, 16)));
    // The first contact ends `new`; a later one back-dated before it changes nothing.
    let big_path = format!("/v1/accounts/{big}/contacts");
    let first = call("no_answer", at(3, 15));
    app.post(&big_path, Some(&agent), first).await.expect(201);
    let earlier = call("no_answer", at(8, 15));
    app.post(&big_path, Some(&agent), earlier).await.expect(201);
    let queue = app.get("/v1/queue", Some(&agent)).await.expect(200);
    assert_eq!(reason_of(&queue, big), "aging");
}
