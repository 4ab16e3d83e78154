//! Lists a screen can render without a call per row: the queue's items, the approval list's
//! items, and the account list's sorts with their own cursors and `updated_since`.

use crate::helpers::{TestApp, in_days};
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

#[actix_web::test]
async fn queue_items_carry_what_a_work_list_shows() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    let head = app.token(Role::Head);
    let planned = app.assigned_account("Q-PLAN", 30_000).await;
    let plan = json!({"kind": "plan", "total": 30_000, "count": 3, "frequency": "monthly", "first_due_on": in_days(5)});
    let plan = app
        .post(
            &format!("/v1/accounts/{planned}/arrangements"),
            Some(&agent),
            plan,
        )
        .await
        .expect(201);
    // A debtor in Auckland: 16:00 UTC is 05:00 there, before calling hours.
    let body = json!({"name": "Kiri Far", "phone": "(201) 555-0199", "timezone": "Pacific/Auckland", "region": "NJ"});
    let far = app.post("/v1/debtors", Some(&head), body).await.expect(201)["id"].clone();
    let since = (chrono::Utc::now().date_naive() - chrono::Days::new(45)).to_string();
    let body = json!({"external_ref": "Q-FAR", "debtor_id": far, "original_amount": 20_000, "balance": 10_000,
        "delinquent_since": since, "team_id": app.north, "currency": "EUR"});
    let far_account = app
        .post("/v1/accounts", Some(&head), body)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    app.assign(&[far_account], app.user(Role::Agent).id).await;

    let queue = app.get("/v1/queue", Some(&agent)).await.expect(200);
    let item = |id: i64| -> Value {
        queue["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["account_id"] == id)
            .cloned()
            .unwrap()
    };
    let p = item(planned);
    assert_eq!(p["currency"], "USD");
    assert_eq!(p["aging_bucket"], "31-60");
    assert_eq!(p["debtor_timezone"], "America/New_York");
    assert_eq!(p["debtor_local_time"], "11:00");
    assert_eq!(p["contactable_now"], true);
    assert!(p["next_allowed_at"].is_null());
    assert!(p["last_contact_at"].is_null(), "{p}");
    assert_eq!(
        p["active_arrangement"],
        json!({"id": plan["id"], "kind": "plan", "next_due_on": in_days(5), "next_amount": 10_000})
    );
    let f = item(far_account);
    assert_eq!(f["currency"], "EUR");
    assert_eq!(f["debtor_local_time"], "05:00");
    assert_eq!(f["contactable_now"], false);
    assert_eq!(
        f["next_allowed_at"],
        format!("{}T19:00:00.000000Z", crate::helpers::today())
    );
    assert!(f["active_arrangement"].is_null());
    // A logged contact shows as the last one.
    let contact = json!({"channel": "phone", "direction": "outbound", "outcome": "no_answer"});
    app.post(
        &format!("/v1/accounts/{planned}/contacts"),
        Some(&agent),
        contact,
    )
    .await
    .expect(201);
    let p = queue_item(&app, &agent, planned).await;
    assert!(
        p["last_contact_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z')),
        "{p}"
    );
    // A contact logged late (it happened yesterday) is not the last one; the account row keeps
    // the latest (a trigger on every contact insert).
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).to_rfc3339();
    let late = json!({"channel": "phone", "direction": "inbound", "outcome": "right_party_contact",
        "occurred_at": yesterday});
    app.post(
        &format!("/v1/accounts/{planned}/contacts"),
        Some(&agent),
        late,
    )
    .await
    .expect(201);
    let q = queue_item(&app, &agent, planned).await;
    assert_eq!(q["last_contact_at"], p["last_contact_at"]);
    // The page reads the history the engine judges with the accounts (a row per contact): the
    // conversation yesterday locks calls out for the week, and the item is still one item
    // with its arrangement.
    assert_eq!(q["contactable_now"], false, "{q}");
    let free = q["next_allowed_at"]
        .as_str()
        .unwrap_or_else(|| panic!("{q}"));
    assert!(free > in_days(4).as_str(), "{q}");
    assert_eq!(q["active_arrangement"]["next_amount"], 10_000, "{q}");
    let queue = app.get("/v1/queue", Some(&agent)).await.expect(200);
    let ids: Vec<&Value> = queue["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["account_id"])
        .collect();
    assert_eq!(ids.iter().filter(|i| **i == planned).count(), 1, "{queue}");
    assert_eq!(ids.len(), 2, "{queue}");
}

/// The item of `account` in the queue of the holder of `token`.
async fn queue_item(app: &TestApp, token: &str, account: i64) -> Value {
    let queue = app.get("/v1/queue", Some(token)).await.expect(200);
    queue["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["account_id"] == account)
        .cloned()
        .unwrap_or_else(|| panic!("account {account} is not in {queue}"))
}

/// The queue ranks every candidate in the database and reads the rest for the page alone: pages
/// of one walk equal priorities in account order, reach every account once, and carry the same
/// items as the whole queue.
#[actix_web::test]
async fn queue_pages_walk_ties_in_account_order_and_match_the_whole_queue() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    let mut ids = Vec::new();
    for i in 0..5 {
        let a = app
            .account(&format!("TIE-{i}"), 20_000, 40, Some(app.north))
            .await;
        ids.push(a["id"].as_i64().unwrap());
    }
    let top = app.account("TIE-TOP", 900_000, 40, Some(app.north)).await;
    ids.push(top["id"].as_i64().unwrap());
    app.assign(&ids, app.user(Role::Agent).id).await;
    let whole = app.get("/v1/queue", Some(&agent)).await.expect(200)["data"].clone();
    let whole = whole.as_array().unwrap();
    assert_eq!(whole.len(), 6);
    assert_eq!(whole[0]["external_ref"], "TIE-TOP");
    let mut walked: Vec<Value> = Vec::new();
    let mut path = "/v1/queue?limit=1".to_owned();
    loop {
        let page = app.get(&path, Some(&agent)).await.expect(200);
        assert_eq!(page["data"].as_array().unwrap().len(), 1, "{page}");
        walked.push(page["data"][0].clone());
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/v1/queue?limit=1&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(&walked, whole);
    let tied: Vec<i64> = walked[1..]
        .iter()
        .map(|i| i["account_id"].as_i64().unwrap())
        .collect();
    assert_eq!(tied, ids[..5]);
    assert!(
        walked[1..]
            .iter()
            .all(|i| i["priority"] == walked[1]["priority"])
    );
    assert!(walked[0]["priority"].as_i64() > walked[1]["priority"].as_i64());
}

#[actix_web::test]
async fn approval_items_carry_the_account_and_the_requester() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    let id = app.assigned_account("AP-LIST", 40_000).await;
    let body = json!({"kind": "write_off", "account_id": id, "amount": 5_000, "reason": "fees"});
    app.post("/v1/approvals", Some(&agent), body)
        .await
        .expect(201);
    let me = app.get("/v1/me", Some(&agent)).await.expect(200);
    let list = app
        .get("/v1/approvals", Some(&app.token(Role::Head)))
        .await
        .expect(200);
    let item = &list["data"][0];
    assert_eq!(item["account_id"], id);
    assert_eq!(
        item["account"],
        json!({"external_ref": "AP-LIST", "debtor_name": "Debtor of AP-LIST", "currency": "USD", "balance": 40_000})
    );
    assert_eq!(item["requester_name"], me["name"]);
}

async fn balances(app: &TestApp, sort: &str, limit: usize) -> Vec<i64> {
    let head = app.token(Role::Head);
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut path = format!("/v1/accounts?sort={sort}&limit={limit}");
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let page = app.get(&path, Some(&head)).await.expect(200);
        seen.extend(
            page["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["balance"].as_i64().unwrap()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return seen,
        }
    }
}

#[actix_web::test]
async fn the_account_list_sorts_with_stable_cursors_and_syncs_by_updated_since() {
    let app = TestApp::new().await;
    // Equal balances test the id tie-break; days past due differ.
    for (i, (balance, days)) in [(500, 10), (300, 90), (500, 40), (100, 200), (900, 5)]
        .iter()
        .enumerate()
    {
        app.account(&format!("S-{i}"), *balance, *days, Some(app.north))
            .await;
    }
    assert_eq!(
        balances(&app, "-balance", 2).await,
        [900, 500, 500, 300, 100]
    );
    assert_eq!(
        balances(&app, "balance", 2).await,
        [100, 300, 500, 500, 900]
    );
    // Days past due ascending: 5, 10, 40, 90, 200.
    assert_eq!(
        balances(&app, "days_past_due", 3).await,
        [900, 500, 500, 300, 100]
    );
    assert_eq!(
        balances(&app, "-days_past_due", 3).await,
        [100, 300, 500, 500, 900]
    );
    assert_eq!(balances(&app, "-updated_at", 2).await.len(), 5);

    let head = app.token(Role::Head);
    let first = app
        .get("/v1/accounts?sort=-balance&limit=2", Some(&head))
        .await
        .expect(200);
    let cursor = first["next_cursor"].as_str().unwrap();
    let res = app
        .get(
            &format!("/v1/accounts?sort=balance&cursor={cursor}"),
            Some(&head),
        )
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "cursor");
    for bad in ["name", ""] {
        let res = app
            .get(&format!("/v1/accounts?sort={bad}"), Some(&head))
            .await;
        assert_eq!(res.expect(422)["errors"][0]["field"], "sort");
    }

    let later = (chrono::Utc::now() + chrono::Duration::days(1)).format("%Y-%m-%dT%H:%M:%SZ");
    let none = app
        .get(&format!("/v1/accounts?updated_since={later}"), Some(&head))
        .await
        .expect(200);
    assert_eq!(none["data"].as_array().unwrap().len(), 0);
    let all = app
        .get(
            "/v1/accounts?updated_since=2000-01-01T00:00:00Z",
            Some(&head),
        )
        .await
        .expect(200);
    assert_eq!(all["data"].as_array().unwrap().len(), 5);
    let res = app
        .get("/v1/accounts?updated_since=yesterday", Some(&head))
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "updated_since");
    let _ = Method::GET;
}
