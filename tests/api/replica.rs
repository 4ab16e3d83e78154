//! `ARREARS_REPLICA_URL`: reports and the account list read from the replica, everything else
//! from the primary, and a replica that does not answer costs nothing but the fallback.
//! (`scripts/replica.sh` does the same against a real streaming replica, with its lag.)

use crate::helpers::{RealServer, TestApp, fresh_database};
use arrears::db::Db;
use arrears::db::replica::Replica;
use arrears::domain::role::Role;

async fn metrics(server: &RealServer) -> String {
    let res = reqwest::get(format!("{}/metrics", server.base)).await;
    res.unwrap().text().await.unwrap()
}

fn reads(metrics: &str, served_by: &str) -> u64 {
    let line = format!("arrears_replica_reads_total{{served_by=\"{served_by}\"}} ");
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(line.as_str()))
        .map_or(0, |n| n.parse().unwrap())
}

fn lag(metrics: &str) -> &str {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix("arrears_replica_lag_seconds "))
        .unwrap()
}

/// The "replica" here is another database with the schema and none of the primary's rows (not in
/// recovery: lag 0), so what an answer shows says where it was read. It has no users either: a
/// report that answers at all had its user re-checked on the primary.
#[actix_web::test]
async fn reports_and_the_account_list_read_the_replica_and_fall_back_to_the_primary() {
    let app = TestApp::new().await;
    if !app.db.is_postgres() {
        return; // a replica is PostgreSQL's
    }
    let head = app.token(Role::Head);
    let account = app.assigned_account("REP-1", 12_345).await;
    let primary_list = app.get("/v1/accounts", Some(&head)).await.expect(200);
    let primary_aging = app.get("/v1/reports/aging", Some(&head)).await.expect(200);
    assert_eq!(primary_list["data"].as_array().unwrap().len(), 1);

    let (replica_url, _replica_db) = fresh_database();
    Db::connect(&replica_url, 1).unwrap().migrate().unwrap();
    let with_replica = RealServer::start(arrears::state::AppState {
        replica: Some(Replica::connect(&replica_url, 2, 5)),
        ..app.state.clone()
    })
    .await;
    let before = reads(&metrics(&with_replica).await, "replica");
    let (status, list) = with_replica.get("/v1/accounts", &head).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(
        list["data"],
        serde_json::json!([]),
        "the replica's (empty) list"
    );
    let (status, aging) = with_replica.get("/v1/reports/aging", &head).await;
    assert_eq!(status, 200, "{aging}");
    assert_ne!(aging, primary_aging, "the replica's (empty) report");
    // A single resource is the primary's.
    let (status, one) = with_replica
        .get(&format!("/v1/accounts/{account}"), &head)
        .await;
    assert_eq!((status, one["external_ref"].as_str()), (200, Some("REP-1")));
    let seen = metrics(&with_replica).await;
    assert_eq!(reads(&seen, "replica"), before + 2, "{seen}");
    assert_eq!(lag(&seen), "0");

    // A replica that does not answer: the same reads come from the primary, without an error.
    let down = arrears::config::DatabaseUrl::parse("postgres://postgres@127.0.0.1:1/none").unwrap();
    let without = RealServer::start(arrears::state::AppState {
        replica: Some(Replica::connect(&down, 2, 5)),
        ..app.state.clone()
    })
    .await;
    let before = reads(&metrics(&without).await, "primary");
    assert_eq!(
        without.get("/v1/accounts", &head).await,
        (200, primary_list)
    );
    assert_eq!(
        without.get("/v1/reports/aging", &head).await,
        (200, primary_aging)
    );
    let seen = metrics(&without).await;
    assert_eq!(reads(&seen, "primary"), before + 2, "{seen}");
    assert_eq!(lag(&seen), "-1");

    // A deactivated user is refused at once, whatever the replica says.
    let agent = app.token(Role::Agent);
    let agent_id = app.user(Role::Agent).id;
    app.sql(format!(
        "UPDATE users SET active = false WHERE id = {agent_id}"
    ))
    .await;
    let (status, _) = with_replica.get("/v1/accounts", &agent).await;
    assert_eq!(status, 401);
    with_replica.handle.stop(false).await;
    without.handle.stop(false).await;
}
