//! The queue's stored bounds: after the daily re-rank the queue reads only the first accounts
//! in bound order; every write that can raise a priority marks its account unranked, so each
//! page is the one the full ranking gives.

use crate::helpers::{TestApp, at, in_days, today};
use arrears::db::queue_bound::{self, UNRANKED};
use arrears::db::schema::accounts as a;
use arrears::domain::role::Role;
use chrono::{Days, Utc};
use diesel::prelude::*;
use serde_json::{Value, json};

/// The queue's items as `(account_id, priority, reason)`.
fn ranks(page: &Value) -> Vec<(i64, i64, String)> {
    let items = page["data"].as_array().unwrap();
    items
        .iter()
        .map(|i| {
            let reason = i["reason"].as_str().unwrap().to_owned();
            (
                i["account_id"].as_i64().unwrap(),
                i["priority"].as_i64().unwrap(),
                reason,
            )
        })
        .collect()
}

/// The page at `query` read through the bounds, checked against the full ranking (the bounds'
/// day cleared, then put back).
async fn both_ways(app: &TestApp, agent: &str, query: &str) -> Value {
    let path = format!("/v1/queue?{query}");
    let bounded = app.get(&path, Some(agent)).await.expect(200);
    let kept = app.db.run(queue_bound::ranked_on).await.unwrap().unwrap();
    app.sql("UPDATE queue_rank SET ranked_on = NULL".into())
        .await;
    let full = app.get(&path, Some(agent)).await.expect(200);
    app.sql(format!("UPDATE queue_rank SET ranked_on = '{kept}'"))
        .await;
    assert_eq!(ranks(&bounded), ranks(&full), "{query}");
    assert_eq!(bounded["next_cursor"], full["next_cursor"], "{query}");
    bounded
}

async fn unranked(app: &TestApp) -> i64 {
    app.db
        .run(|c| {
            a::table
                .filter(a::queue_bound.eq(UNRANKED))
                .count()
                .get_result::<i64>(c)
                .map_err(arrears::error::ApiError::from)
        })
        .await
        .unwrap()
}

#[actix_web::test]
async fn the_bounded_queue_answers_as_the_full_ranking_after_every_raising_write() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    let mut ids = Vec::new();
    for i in 0..30 {
        ids.push(
            app.assigned_account(&format!("QB-{i:02}"), 10_000 + i * 1_000)
                .await,
        );
    }
    assert_eq!(unranked(&app).await, 30, "a new account starts unranked");
    let rerank = |days: u64| {
        let now = Utc::now() + chrono::Duration::days(days as i64);
        app.db
            .run(move |c| queue_bound::rerank_if_due(c, now, |_| Ok(())))
    };
    assert_eq!(rerank(0).await.unwrap(), Some(30));
    assert_eq!(rerank(0).await.unwrap(), None, "once a day");
    assert_eq!(
        app.db.run(queue_bound::ranked_on).await.unwrap(),
        Some(today())
    );
    assert_eq!(unranked(&app).await, 0);
    let page = both_ways(&app, &agent, "limit=3").await;
    assert_eq!(ranks(&page)[0].0, ids[29], "the largest balance first");
    let cursor = page["next_cursor"].as_str().unwrap().to_owned();
    both_ways(&app, &agent, &format!("limit=3&cursor={cursor}")).await;

    // A follow-up falling due on the smallest account: the contact trigger's update marks it.
    let mut callback = json!({"channel": "phone", "direction": "inbound",
        "outcome": "callback_requested", "occurred_at": at(2, 15)});
    callback["follow_up_at"] = json!(at(0, 0));
    let contacts = format!("/v1/accounts/{}/contacts", ids[0]);
    app.post(&contacts, Some(&agent), callback)
        .await
        .expect(201);
    assert_eq!(unranked(&app).await, 1);
    let page = both_ways(&app, &agent, "limit=3").await;
    assert_eq!(
        ranks(&page)[0],
        (ids[0], ranks(&page)[0].1, "follow_up_due".into())
    );

    // A higher balance marks the account; a lower one leaves its bound as it is.
    let set_balance = |id: i64, to: i64| {
        format!(
            "UPDATE accounts SET balance = {to}, principal = {to}, interest = 0, fees = 0, costs = 0 WHERE id = {id}"
        )
    };
    app.sql(set_balance(ids[1], 9_000_000)).await;
    app.sql(set_balance(ids[28], 100)).await;
    assert_eq!(unranked(&app).await, 2);
    let page = both_ways(&app, &agent, "limit=3").await;
    assert_eq!(ranks(&page)[1].0, ids[1]);

    // A promise due today: the arrangement's insert marks the account.
    app.post(
        &format!("/v1/accounts/{}/arrangements", ids[2]),
        Some(&agent),
        json!({"kind": "promise", "amount": 5_000, "due_on": in_days(0)}),
    )
    .await
    .expect(201);
    let page = both_ways(&app, &agent, "limit=3").await;
    assert_eq!(
        (ranks(&page)[0].0, ranks(&page)[0].2.as_str()),
        (ids[2], "promise_due")
    );
    let cursor = page["next_cursor"].as_str().unwrap().to_owned();
    both_ways(&app, &agent, &format!("limit=3&cursor={cursor}")).await;
    both_ways(&app, &agent, "limit=100").await;

    // The next day, until its re-rank, the queue ranks every account; the re-rank ranks them
    // all again.
    app.sql(format!(
        "UPDATE queue_rank SET ranked_on = '{}'",
        today() - Days::new(1)
    ))
    .await;
    both_ways(&app, &agent, "limit=3").await;
    assert_eq!(rerank(0).await.unwrap(), Some(30));
    assert_eq!(unranked(&app).await, 0);
    both_ways(&app, &agent, "limit=3").await;
}
