//! Database plumbing: pool exhaustion answers 503 with Retry-After, and a failed transaction
//! leaves nothing behind.

use actix_web::ResponseError;
use arrears::config::DatabaseUrl;
use arrears::db::{Db, teams, write_tx};
use arrears::error::ApiError;

#[test]
fn an_exhausted_pool_answers_503_with_retry_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(
        &DatabaseUrl::Sqlite(dir.path().join("p.db").to_string_lossy().into_owned()),
        1,
    )
    .unwrap();
    let _held = db.checkout().unwrap();
    let started = std::time::Instant::now();
    let err = db.checkout().err().expect("the only connection is taken");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(4),
        "checkout waits about 2 s, not forever"
    );
    assert!(matches!(err, ApiError::Unavailable { .. }));
    let res = err.error_response();
    assert_eq!(res.status().as_u16(), 503);
    assert_eq!(res.headers().get("retry-after").unwrap(), "1");
}

#[actix_web::test]
async fn a_failed_transaction_is_rolled_back_whole() {
    let app = crate::helpers::TestApp::new().await;
    let now = chrono::Utc::now();
    let result = app
        .db
        .run(move |conn| {
            write_tx(conn, |tx| {
                teams::create(tx, &arrears::db::audit::AuditContext::system(now), "Half")?;
                Err::<(), _>(ApiError::conflict("test", "fail after the first write"))
            })
        })
        .await;
    assert!(result.is_err());
    let names = app
        .db
        .run(|conn| teams::list(conn, None, 100))
        .await
        .unwrap();
    assert!(names.iter().all(|t| t.name != "Half"));
    let verify = app.db.run(arrears::db::audit::verify).await.unwrap();
    assert_eq!(verify.checked, 9, "no audit event of the rolled-back team");
}

#[actix_web::test]
async fn the_demo_data_set_loads_once_and_is_assigned() {
    let (url, _guard) = crate::helpers::fresh_database();
    let db = Db::connect(&url, 2).unwrap();
    db.migrate().unwrap();
    let now = chrono::Utc::now();
    assert!(
        db.run(move |conn| arrears::demo::seed(conn, now))
            .await
            .unwrap()
    );
    assert!(
        !db.run(move |conn| arrears::demo::seed(conn, now))
            .await
            .unwrap(),
        "a second run changes nothing"
    );
    use arrears::db::schema::accounts as a;
    use diesel::prelude::*;
    let (total, assigned): (i64, i64) = db
        .run(|conn| {
            let total = a::table.count().get_result(conn)?;
            let assigned = a::table
                .filter(a::assignee_id.is_not_null())
                .count()
                .get_result(conn)?;
            Ok((total, assigned))
        })
        .await
        .unwrap();
    assert_eq!(
        (total, assigned),
        (arrears::demo::DEMO_ACCOUNTS as i64, total)
    );
    assert!(
        db.run(arrears::db::audit::verify)
            .await
            .unwrap()
            .first_broken_id
            .is_none()
    );
}
