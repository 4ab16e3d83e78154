//! Background jobs run on one instance at a time, under leases that lapse when their holder stops.

use crate::helpers::{TestApp, in_days};
use arrears::domain::role::Role;
use arrears::jobs::{self, periodic_ttl};
use chrono::{Duration, Utc};
use serde_json::json;

#[actix_web::test]
async fn the_sweep_runs_on_the_lease_holder_and_moves_when_it_stops() {
    let app = TestApp::new().await;
    let agent = app.token(Role::Agent);
    let mut plans = Vec::new();
    // Promises due today, tomorrow and in five days: with 3 days' grace they break on days 4, 5
    // and 9 from now.
    for (i, due) in [0, 1, 5].into_iter().enumerate() {
        let id = app.assigned_account(&format!("LSE-{i}"), 50_000).await;
        let body = json!({"kind": "promise", "amount": 5_000, "due_on": in_days(due)});
        let plan = app
            .post(
                &format!("/v1/accounts/{id}/arrangements"),
                Some(&agent),
                body,
            )
            .await
            .expect(201);
        plans.push(plan["id"].as_i64().unwrap());
    }
    // A lease of two days, so a day passes between ticks in this test.
    let ttl = Duration::days(2);
    let tick = |me: &'static str, at: chrono::DateTime<Utc>| {
        app.db
            .run(move |conn| jobs::sweep_tick(conn, me, at, ttl, 3))
    };
    let day = |n: i64| Utc::now() + Duration::days(n);
    // Instance a takes the lease and sweeps.
    assert_eq!(tick("a", day(4)).await.unwrap().expect("a leads").broken, 1);
    // While a holds the lease, b's ticks do nothing, though the second promise is due.
    assert!(tick("b", day(5)).await.unwrap().is_none());
    let renewed = tick("a", day(5) + Duration::minutes(1)).await.unwrap();
    assert_eq!(renewed.expect("a renews").broken, 1);
    assert!(tick("b", day(6)).await.unwrap().is_none());
    // a stops (renews no more): once its lease lapses b takes the sweep over; nothing a broke
    // breaks again, and what falls due now is b's.
    let taken = tick("b", day(9)).await.unwrap().expect("b took over");
    assert_eq!((taken.broken, taken.missed), (1, 1));
    assert!(
        tick("a", day(9) + Duration::minutes(1))
            .await
            .unwrap()
            .is_none()
    );
    for plan in plans {
        let arr = app
            .get(&format!("/v1/arrangements/{plan}"), Some(&agent))
            .await
            .expect(200);
        assert_eq!(arr["status"], "broken");
        assert_eq!(arr["installments"].as_array().unwrap().len(), 1);
    }
}

#[test]
fn a_periodic_lease_holds_three_intervals_and_at_least_a_minute() {
    assert_eq!(
        periodic_ttl(std::time::Duration::from_secs(5)),
        Duration::minutes(1)
    );
    assert_eq!(
        periodic_ttl(std::time::Duration::from_secs(3600)),
        Duration::hours(3)
    );
}
