//! Account scope: role × own / team / other team, on every account route.

use crate::helpers::TestApp;
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::json;

#[actix_web::test]
async fn every_account_route_hides_what_the_caller_may_not_see() {
    let app = TestApp::new().await;
    // own: north, assigned to the north agent; team: north, unassigned; other: south, assigned to the south agent.
    let own = app.account("OWN", 1000, 30, Some(app.north)).await;
    let team = app.account("TEAM", 2000, 30, Some(app.north)).await;
    let other = app.account("OTHER", 3000, 30, Some(app.south)).await;
    app.assign(&[own["id"].as_i64().unwrap()], app.user(Role::Agent).id)
        .await;
    app.assign(&[other["id"].as_i64().unwrap()], app.south_agent.id)
        .await;
    let ids = [("own", &own), ("team", &team), ("other", &other)];
    let mut adjustment_of = std::collections::HashMap::new();
    let mut complaint_of = std::collections::HashMap::new();
    for (_, account) in ids {
        let made = app
            .post(
                &format!("/v1/accounts/{}/adjustments", account["id"]),
                Some(&app.token(Role::Head)),
                json!({"component": "fees", "amount": 5, "reason": "fee_assessed", "note": "scope"}),
            )
            .await
            .expect(201);
        adjustment_of.insert(account["id"].as_i64().unwrap(), made["id"].clone());
        let complaint = app
            .post(
                &format!("/v1/accounts/{}/complaints", account["id"]),
                Some(&app.token(Role::Head)),
                json!({"source": "direct", "category": "other", "description": "scope"}),
            )
            .await
            .expect(201);
        complaint_of.insert(account["id"].as_i64().unwrap(), complaint["id"].clone());
    }
    // Who sees what.
    let sees: [(Role, [bool; 3]); 6] = [
        (Role::Agent, [true, false, false]),
        (Role::TeamLead, [true, true, false]),
        (Role::Manager, [true, true, true]),
        (Role::Head, [true, true, true]),
        (Role::Admin, [true, true, true]),
        (Role::Auditor, [true, true, true]),
    ];
    for (role, visible) in sees {
        let token = app.token(role);
        let listed: Vec<String> = app.get("/v1/accounts", Some(&token)).await.expect(200)["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["external_ref"].as_str().unwrap().to_owned())
            .collect();
        let expected: Vec<String> = ids
            .iter()
            .zip(visible)
            .filter(|(_, v)| *v)
            .map(|((_, a), _)| a["external_ref"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(listed, expected, "{role:?} list");
        for ((name, account), v) in ids.iter().zip(visible) {
            let want = if v { 200 } else { 404 };
            let id = &account["id"];
            for path in [
                format!("/v1/accounts/{id}"),
                format!("/v1/accounts/{id}/assignments"),
                format!("/v1/accounts/{id}/timeline"),
                format!("/v1/accounts/{id}/ledger"),
                format!("/v1/accounts/{id}/adjustments"),
                format!("/v1/accounts/{id}/satisfaction"),
                format!("/v1/complaints/{}", complaint_of[&id.as_i64().unwrap()]),
                format!("/v1/adjustments/{}", adjustment_of[&id.as_i64().unwrap()]),
                format!("/v1/debtors/{}", account["debtor_id"]),
            ] {
                let res = app.get(&path, Some(&token)).await;
                assert_eq!(res.status.as_u16(), want, "{role:?} GET {path} ({name})");
            }
        }
    }
}

#[actix_web::test]
async fn write_roles_on_accounts_debtors_and_assignments() {
    let app = TestApp::new().await;
    let acc = app.account("W-1", 1000, 30, Some(app.north)).await;
    let id = acc["id"].as_i64().unwrap();
    app.assign(&[id], app.user(Role::Agent).id).await;
    let debtor = acc["debtor_id"].as_i64().unwrap();
    let agent_id = app.user(Role::Agent).id;
    let roles = Role::ALL;
    let mut n = 0;
    let cases: Vec<(Method, String, serde_json::Value, [u16; 6])> = vec![
        (
            Method::POST,
            "/v1/debtors".into(),
            json!({"name": "N{n}", "timezone": "UTC"}),
            [403, 403, 201, 201, 403, 403],
        ),
        (
            Method::POST,
            "/v1/accounts".into(),
            json!({"external_ref": "N{n}", "debtor_id": debtor, "original_amount": 5, "balance": 5, "delinquent_since": "2026-01-01"}),
            [403, 403, 201, 201, 403, 403],
        ),
        (
            Method::PATCH,
            format!("/v1/accounts/{id}"),
            json!({"portfolio": "p{n}"}),
            [403, 403, 200, 200, 403, 403],
        ),
        (
            Method::PATCH,
            format!("/v1/debtors/{debtor}"),
            json!({"name": "Renamed {n}"}),
            [200, 200, 200, 200, 403, 403],
        ),
        (
            Method::POST,
            "/v1/assignments".into(),
            json!({"account_ids": [id], "assignee_id": agent_id}),
            [403, 201, 201, 201, 403, 403],
        ),
        (
            Method::POST,
            "/v1/assignments/auto".into(),
            json!({"team_id": app.north}),
            [403, 201, 201, 201, 403, 403],
        ),
        (
            Method::POST,
            format!("/v1/accounts/{id}/adjustments"),
            json!({"component": "fees", "amount": 7, "reason": "fee_assessed", "note": "matrix"}),
            [403, 201, 201, 201, 403, 403],
        ),
        (
            Method::POST,
            format!("/v1/accounts/{id}/complaints"),
            json!({"source": "direct", "category": "other", "description": "matrix {n}"}),
            [201, 201, 201, 201, 403, 403],
        ),
        (
            Method::POST,
            format!("/v1/accounts/{id}/satisfaction"),
            json!({"score": 4, "channel": "ivr"}),
            [201, 201, 201, 201, 403, 403],
        ),
        (
            Method::GET,
            "/v1/queue".into(),
            json!(null),
            [200, 200, 200, 200, 403, 403],
        ),
    ];
    for (method, path, body, expected) in cases {
        for (i, role) in roles.iter().enumerate() {
            n += 1;
            let mut req = TestApp::req(method.clone(), &path, Some(&app.token(*role)));
            if !body.is_null() {
                req = req
                    .insert_header(("content-type", "application/json"))
                    .set_payload(body.to_string().replace("{n}", &n.to_string()));
            }
            let res = app.call(req).await;
            assert_eq!(
                res.status.as_u16(),
                expected[i],
                "{method} {path} as {role:?}: {}",
                String::from_utf8_lossy(&res.body)
            );
        }
        let res = app.call(TestApp::req(method.clone(), &path, None)).await;
        assert_eq!(res.status.as_u16(), 401, "{method} {path} without a token");
    }
}
