//! Assignments, auto-assignment, the work queue and the timeline.

use crate::helpers::{Seeded, TestApp, column};
use arrears::domain::role::Role;
use serde_json::json;

async fn second_north_agent(app: &TestApp) -> Seeded {
    let body = json!({"email": "agent2@test.dev", "name": "Second", "role": "agent", "team_id": app.north, "password": "long enough password"});
    let u = app
        .post("/v1/users", Some(&app.token(Role::Admin)), body)
        .await
        .expect(201);
    Seeded {
        id: u["id"].as_i64().unwrap(),
        email: "agent2@test.dev".into(),
        role: Role::Agent,
        team_id: Some(app.north),
    }
}

#[actix_web::test]
async fn assigning_ends_the_previous_assignment_and_keeps_history() {
    let app = TestApp::new().await;
    let acc = app.account("AS-1", 1000, 30, Some(app.north)).await;
    let id = acc["id"].as_i64().unwrap();
    let lead = app.token(Role::TeamLead);
    let first = app
        .post(
            "/v1/assignments",
            Some(&lead),
            json!({"account_ids": [id], "assignee_id": app.user(Role::Agent).id}),
        )
        .await
        .expect(201);
    assert_eq!(first["data"][0]["assigned_by"], app.user(Role::TeamLead).id);
    // A manager moves it across teams: the account follows the agent's team.
    let manager = app.token(Role::Manager);
    app.post(
        "/v1/assignments",
        Some(&manager),
        json!({"account_ids": [id], "assignee_id": app.south_agent.id}),
    )
    .await
    .expect(201);
    let account = app
        .get(&format!("/v1/accounts/{id}"), Some(&manager))
        .await
        .expect(200);
    assert_eq!(
        (account["assignee_id"].as_i64(), account["team_id"].as_i64()),
        (Some(app.south_agent.id), Some(app.south))
    );
    let history = app
        .get(&format!("/v1/accounts/{id}/assignments"), Some(&manager))
        .await
        .expect(200);
    let h = history["data"].as_array().unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(
        (h[0]["assignee_id"].as_i64(), h[0]["ended_at"].is_null()),
        (Some(app.south_agent.id), true)
    );
    assert!(h[1]["ended_at"].is_string());
    // The north lead no longer sees it; the north agent lost it.
    app.post(
        "/v1/assignments",
        Some(&lead),
        json!({"account_ids": [id], "assignee_id": app.user(Role::Agent).id}),
    )
    .await
    .expect(404);
    app.get(&format!("/v1/accounts/{id}"), Some(&app.token(Role::Agent)))
        .await
        .expect(404);
    // The timeline shows creation and both assignments, newest first.
    let timeline = app
        .get(&format!("/v1/accounts/{id}/timeline"), Some(&manager))
        .await
        .expect(200);
    let actions: Vec<&str> = column(&timeline, "action");
    assert_eq!(
        actions,
        ["account.assigned", "account.assigned", "account.created"]
    );
}

#[actix_web::test]
async fn assignment_refusals() {
    let app = TestApp::new().await;
    let north = app.account("R-N", 1000, 30, Some(app.north)).await["id"]
        .as_i64()
        .unwrap();
    let head = app.token(Role::Head);
    let lead = app.token(Role::TeamLead);
    let res = app
        .post(
            "/v1/assignments",
            Some(&head),
            json!({"account_ids": [north], "assignee_id": app.user(Role::Manager).id}),
        )
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "assignee_id");
    let res = app
        .post(
            "/v1/assignments",
            Some(&lead),
            json!({"account_ids": [north], "assignee_id": app.south_agent.id}),
        )
        .await;
    assert_eq!(res.expect(422)["errors"][0]["field"], "assignee_id");
    app.post(
        "/v1/assignments",
        Some(&head),
        json!({"account_ids": [north, 424242], "assignee_id": app.user(Role::Agent).id}),
    )
    .await
    .expect(404);
    app.post(
        "/v1/assignments",
        Some(&head),
        json!({"account_ids": [north, north], "assignee_id": app.user(Role::Agent).id}),
    )
    .await
    .expect(422);
    app.post(
        "/v1/assignments",
        Some(&head),
        json!({"account_ids": [], "assignee_id": app.user(Role::Agent).id}),
    )
    .await
    .expect(422);
    let too_many: Vec<i64> = (1..=1001).collect();
    app.post(
        "/v1/assignments",
        Some(&head),
        json!({"account_ids": too_many, "assignee_id": app.user(Role::Agent).id}),
    )
    .await
    .expect(422);
    // Nothing was assigned by any of these.
    let acc = app
        .get(&format!("/v1/accounts/{north}"), Some(&head))
        .await
        .expect(200);
    assert_eq!(acc["assignee_id"], json!(null));
    // A deactivated agent cannot receive accounts.
    app.patch(
        &format!("/v1/users/{}", app.user(Role::Agent).id),
        Some(&app.token(Role::Admin)),
        json!({"active": false}),
    )
    .await
    .expect(200);
    app.post(
        "/v1/assignments",
        Some(&head),
        json!({"account_ids": [north], "assignee_id": app.user(Role::Agent).id}),
    )
    .await
    .expect(422);
}

#[actix_web::test]
async fn auto_assignment_balances_the_team() {
    let app = TestApp::new().await;
    let second = second_north_agent(&app).await;
    let balances = [90_000, 50_000, 40_000, 30_000, 20_000, 10_000];
    for (i, b) in balances.iter().enumerate() {
        app.account(&format!("AUTO-{i}"), *b, 30, Some(app.north))
            .await;
    }
    let south = app.account("AUTO-SOUTH", 70_000, 30, Some(app.south)).await;
    let res = app
        .post(
            "/v1/assignments/auto",
            Some(&app.token(Role::TeamLead)),
            json!({"team_id": app.north}),
        )
        .await
        .expect(201);
    assert_eq!(res["data"].as_array().unwrap().len(), 6);
    let agents = res["agents"].as_array().unwrap();
    let totals: Vec<i64> = agents
        .iter()
        .map(|a| a["total_balance"].as_i64().unwrap())
        .collect();
    // Largest first: 90k → A; 50k → B; 40k → B (90); 30k → A (120)? no: A 90 vs B 90 → A (lowest id) → 120; 20k → B 110; 10k → B 120.
    assert_eq!(totals, vec![120_000, 120_000]);
    assert_eq!(agents[1]["agent_id"], second.id);
    // The south account was not touched; running again assigns nothing new.
    assert_eq!(
        app.get(
            &format!("/v1/accounts/{}", south["id"]),
            Some(&app.token(Role::Head))
        )
        .await
        .expect(200)["assignee_id"],
        json!(null)
    );
    let again = app
        .post(
            "/v1/assignments/auto",
            Some(&app.token(Role::Head)),
            json!({"team_id": app.north}),
        )
        .await
        .expect(201);
    assert!(again["data"].as_array().unwrap().is_empty());
    let res = app
        .post(
            "/v1/assignments/auto",
            Some(&app.token(Role::TeamLead)),
            json!({"team_id": app.south}),
        )
        .await;
    assert_eq!(
        (res.status.as_u16(), res.slug()),
        (403, "outside-team".into())
    );
    app.post(
        "/v1/assignments/auto",
        Some(&app.token(Role::Head)),
        json!({"team_id": 999_999}),
    )
    .await
    .expect(404);
}

#[actix_web::test]
async fn the_queue_orders_by_priority_and_knows_who_may_be_called() {
    let app = TestApp::new().await;
    let agent = app.user(Role::Agent).id;
    let small = app.account("Q-SMALL", 10_000, 10, Some(app.north)).await;
    let big_old = app.account("Q-BIG-OLD", 80_000, 300, Some(app.north)).await;
    let mid = app.account("Q-MID", 40_000, 60, Some(app.north)).await;
    let ids: Vec<i64> = [&small, &big_old, &mid]
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    app.assign(&ids, agent).await;
    app.patch(
        &format!("/v1/debtors/{}", mid["debtor_id"]),
        Some(&app.token(Role::Agent)),
        json!({"do_not_call": true}),
    )
    .await
    .expect(200);
    let queue = app
        .get("/v1/queue", Some(&app.token(Role::Agent)))
        .await
        .expect(200);
    let items = queue["data"].as_array().unwrap();
    let order: Vec<&str> = items
        .iter()
        .map(|i| i["external_ref"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["Q-BIG-OLD", "Q-MID", "Q-SMALL"]);
    assert!(
        items
            .windows(2)
            .all(|w| w[0]["priority"].as_i64() >= w[1]["priority"].as_i64())
    );
    assert_eq!(items[0]["reason"], "new");
    assert_eq!(items[1]["contactable_now"], false);
    assert_eq!(items[0]["contactable_now"], true);
    // Pages follow the same order.
    let first = app
        .get("/v1/queue?limit=2", Some(&app.token(Role::Agent)))
        .await
        .expect(200);
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app
        .get(
            &format!("/v1/queue?limit=2&cursor={cursor}"),
            Some(&app.token(Role::Agent)),
        )
        .await
        .expect(200);
    assert_eq!(second["data"][0]["external_ref"], "Q-SMALL");
    assert_eq!(second["next_cursor"], json!(null));
    // The team lead views the agent's queue; the south agent's queue is outside their team.
    let seen = app
        .get(
            &format!("/v1/queue?assignee_id={agent}"),
            Some(&app.token(Role::TeamLead)),
        )
        .await
        .expect(200);
    assert_eq!(seen["data"].as_array().unwrap().len(), 3);
    let other = app
        .get(
            &format!("/v1/queue?assignee_id={agent}"),
            Some(&app.token_for(&app.south_agent)),
        )
        .await
        .expect(200);
    assert!(other["data"].as_array().unwrap().is_empty());
    app.get("/v1/queue?cursor=nope", Some(&app.token(Role::Agent)))
        .await
        .expect(422);
}
