//! Reconciliation of remittance files: every exception kind, every resolution, CSV bodies.

use crate::helpers::{TestApp, column, today};
use crate::money_parts::verify_ok;
use actix_web::http::Method;
use arrears::domain::role::Role;
use serde_json::{Value, json};

fn ago(days: u64) -> String {
    (today() - chrono::Days::new(days)).to_string()
}

/// Records a payment as the head: amount, method, days ago, reference.
async fn paid(
    app: &TestApp,
    account: i64,
    amount: i64,
    method: &str,
    days: u64,
    reference: Option<&str>,
) -> i64 {
    let body = json!({"amount": amount, "method": method, "received_on": ago(days), "reference": reference});
    app.post(
        &format!("/v1/accounts/{account}/payments"),
        Some(&app.token(Role::Head)),
        body,
    )
    .await
    .expect(201)["id"]
        .as_i64()
        .unwrap()
}

fn line(line: i64, external_ref: &str, amount: i64, days: u64, reference: Option<&str>) -> Value {
    let mut row = json!({"line": line, "external_ref": external_ref, "amount": amount, "received_on": ago(days)});
    if let Some(r) = reference {
        row["reference"] = json!(r);
    }
    row
}

async fn resolve(
    app: &TestApp,
    id: &Value,
    action: &str,
    note: Option<&str>,
) -> crate::helpers::TestResponse {
    let mut body = json!({"action": action});
    if let Some(n) = note {
        body["note"] = json!(n);
    }
    app.post(
        &format!("/v1/reconciliation-exceptions/{id}/resolve"),
        Some(&app.token(Role::Manager)),
        body,
    )
    .await
}

#[actix_web::test]
async fn every_exception_kind_and_every_resolution() {
    let app = TestApp::new().await;
    let a1 = app.account("REC-1", 100_000, 30, Some(app.north)).await["id"]
        .as_i64()
        .unwrap();
    let a2 = app.account("REC-2", 100_000, 30, Some(app.north)).await["id"]
        .as_i64()
        .unwrap();
    let a3 = app.account("REC-3", 100_000, 30, Some(app.south)).await["id"]
        .as_i64()
        .unwrap();
    paid(&app, a1, 10_000, "card", 5, Some("TX-1")).await;
    paid(&app, a2, 5_000, "ach", 10, None).await;
    let mismatched = paid(&app, a3, 7_000, "card", 3, Some("TX-3")).await;
    let missing = paid(&app, a1, 2_000, "card", 2, None).await;
    let reversed = paid(&app, a2, 999, "card", 4, None).await;
    app.post(
        &format!("/v1/payments/{reversed}/reverse"),
        Some(&app.token(Role::Head)),
        json!({"reason": "bounced"}),
    )
    .await
    .expect(200);
    let manager = app.token(Role::Manager);
    let file = json!({"source": "Acme card processor", "from": ago(30), "to": ago(0), "rows": [
        line(2, "REC-1", 10_000, 5, Some("TX-1")),   // by reference
        line(3, "REC-2", 5_000, 8, None),            // by amount, two days off
        line(4, "REC-3", 7_500, 3, Some("TX-3")),    // same reference, other amount
        line(5, "REC-1", 3_000, 1, Some("TX-NEW")),  // not recorded
        line(6, "NOPE", 1_000, 1, None),             // no such account
    ]});
    let res = app.post("/v1/reconciliations", Some(&manager), file).await;
    let location = res.header("location").unwrap();
    let made = res.expect(201);
    assert_eq!(location, format!("/v1/reconciliations/{}", made["id"]));
    assert_eq!(
        made["summary"],
        json!({"rows": 5, "matched": 2, "unmatched_row": 2, "unmatched_payment": 1, "amount_mismatch": 1})
    );
    assert_eq!(
        made["methods"],
        json!(["ach", "card", "cash", "check", "other"])
    );
    assert_eq!(
        app.get(&location, Some(&manager)).await.expect(200)["id"],
        made["id"]
    );
    let listed = app
        .get("/v1/reconciliations", Some(&manager))
        .await
        .expect(200);
    assert_eq!(listed["data"][0]["id"], made["id"]);
    let open = app
        .get(
            &format!("{location}/exceptions?status=open"),
            Some(&manager),
        )
        .await
        .expect(200);
    assert_eq!(
        column(&open, "kind"),
        [
            "amount_mismatch",
            "unmatched_row",
            "unmatched_row",
            "unmatched_payment"
        ]
    );
    let ex = &open["data"];
    assert_eq!(
        (
            &ex[0]["payment_id"],
            &ex[0]["payment_amount"],
            &ex[0]["amount"]
        ),
        (&json!(mismatched), &json!(7_000), &json!(7_500))
    );
    assert_eq!(
        (&ex[1]["line"], &ex[1]["account_id"]),
        (&json!(5), &json!(a1))
    );
    assert_eq!(
        (&ex[2]["line"], &ex[2]["account_id"]),
        (&json!(6), &Value::Null)
    );
    assert_eq!(
        (&ex[3]["payment_id"], &ex[3]["account_id"]),
        (&json!(missing), &json!(a1))
    );
    // An action that does not fit the kind: 422 action-not-allowed.
    for (i, action) in [
        (0, "reverse_payment"),
        (0, "post_payment"),
        (2, "post_payment"),
        (3, "post_payment"),
        (1, "reverse_payment"),
    ] {
        let r = resolve(&app, &ex[i]["id"], action, Some("x")).await;
        assert_eq!(
            (r.status.as_u16(), r.slug()),
            (422, "action-not-allowed".into()),
            "{action} on {i}"
        );
    }
    resolve(&app, &ex[0]["id"], "accept", None)
        .await
        .expect(422);
    // post_payment records the row through the payment path.
    let before = app.account_state(a1).await.1;
    let posted = resolve(&app, &ex[1]["id"], "post_payment", None)
        .await
        .expect(200);
    assert_eq!(
        (&posted["status"], &posted["resolution"]),
        (&json!("resolved"), &json!("post_payment"))
    );
    assert_eq!(app.account_state(a1).await.1, before - 3_000);
    let payments = app
        .get(&format!("/v1/accounts/{a1}/payments"), Some(&manager))
        .await
        .expect(200);
    assert_eq!(payments["data"][0]["id"], posted["posted_payment_id"]);
    assert_eq!(payments["data"][0]["reference"], "TX-NEW");
    let again = resolve(&app, &ex[1]["id"], "accept", Some("twice")).await;
    assert_eq!(
        (again.status.as_u16(), again.slug()),
        (409, "already-resolved".into())
    );
    // reverse_payment reverses the payment the file does not hold.
    resolve(&app, &ex[3]["id"], "reverse_payment", Some("not ours"))
        .await
        .expect(200);
    let p = app
        .get(&format!("/v1/accounts/{a1}/payments"), Some(&manager))
        .await
        .expect(200);
    let reversed_now = p["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == missing)
        .unwrap()
        .clone();
    assert_eq!(reversed_now["reversal_reason"], "not ours");
    // accept, with a note, for the rest.
    for i in [0, 2] {
        let done = resolve(&app, &ex[i]["id"], "accept", Some("client confirmed"))
            .await
            .expect(200);
        assert_eq!(done["note"], "client confirmed");
    }
    let still_open = app
        .get(
            &format!("{location}/exceptions?status=open"),
            Some(&manager),
        )
        .await
        .expect(200);
    assert_eq!(still_open["data"], json!([]));
    let resolved = app
        .get(
            &format!("{location}/exceptions?status=resolved"),
            Some(&manager),
        )
        .await
        .expect(200);
    assert_eq!(resolved["data"].as_array().unwrap().len(), 4);
    let audit = app
        .get(
            "/v1/audit-events?entity_type=reconciliation_exception",
            Some(&app.token(Role::Head)),
        )
        .await
        .expect(200);
    assert_eq!(audit["data"].as_array().unwrap().len(), 4);
    verify_ok(&app).await;
}

fn csv_post(app: &TestApp, query: &str, text: &str) -> actix_web::test::TestRequest {
    TestApp::req(
        Method::POST,
        &format!("/v1/reconciliations?{query}"),
        Some(&app.token(Role::Head)),
    )
    .insert_header(("content-type", "text/csv"))
    .set_payload(text.to_owned())
}

#[actix_web::test]
async fn a_csv_file_with_its_header_in_the_query() {
    let app = TestApp::new().await;
    let a1 = app.account("CSV-1", 100_000, 30, Some(app.north)).await["id"]
        .as_i64()
        .unwrap();
    paid(&app, a1, 4_000, "card", 1, Some("C-1")).await;
    paid(&app, a1, 600, "cash", 1, None).await;
    let query = format!("source=Acme&from={}&to={}&methods=card", ago(7), ago(0));
    let text = format!(
        "external_ref,amount,received_on,reference,ignored\nCSV-1,4000,{},C-1,x\nCSV-1,100,{},,y\n",
        ago(1),
        ago(1)
    );
    let made = app.call(csv_post(&app, &query, &text)).await.expect(201);
    // The cash payment is outside the file's methods: not expected, not an exception.
    assert_eq!(
        made["summary"],
        json!({"rows": 2, "matched": 1, "unmatched_row": 1, "unmatched_payment": 0, "amount_mismatch": 0})
    );
    let ex = app
        .get(
            &format!("/v1/reconciliations/{}/exceptions", made["id"]),
            Some(&app.token(Role::Head)),
        )
        .await
        .expect(200);
    assert_eq!(
        (&ex["data"][0]["line"], &ex["data"][0]["reference"]),
        (&json!(3), &Value::Null)
    );
    // A cell to fix is named by its row; nothing is stored.
    let bad = format!("external_ref,amount,received_on\nCSV-1,12.5x,{}\n", ago(1));
    let res = app.call(csv_post(&app, &query, &bad)).await;
    assert_eq!(res.status.as_u16(), 422);
    assert_eq!(res.json()["errors"][0]["field"], "rows[0].amount");
    let no_dates = app.call(csv_post(&app, "source=Acme", &text)).await;
    assert_eq!(no_dates.status.as_u16(), 422, "{}", no_dates.json());
    let backwards = app
        .call(csv_post(
            &app,
            &format!("source=A&from={}&to={}", ago(0), ago(7)),
            &text,
        ))
        .await;
    assert_eq!(backwards.json()["errors"][0]["field"], "to");
    let xml = TestApp::req(
        Method::POST,
        "/v1/reconciliations",
        Some(&app.token(Role::Head)),
    )
    .insert_header(("content-type", "application/xml"))
    .set_payload("<rows/>");
    app.call(xml).await.expect(415);
    // At most 50,000 rows.
    let mut big = String::from("external_ref,amount,received_on\n");
    for _ in 0..50_001 {
        big.push_str(&format!("CSV-1,1,{}\n", ago(1)));
    }
    let res = app.call(csv_post(&app, &query, &big)).await;
    assert_eq!(
        (
            res.status.as_u16(),
            res.json()["errors"][0]["field"].clone()
        ),
        (422, json!("rows"))
    );
    let list = app
        .get("/v1/reconciliations", Some(&app.token(Role::Head)))
        .await
        .expect(200);
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn reconciliation_is_for_managers_and_above() {
    let app = TestApp::new().await;
    let file =
        json!({"source": "S", "from": ago(3), "to": ago(0), "rows": [line(2, "X", 5, 1, None)]});
    for role in [Role::Agent, Role::TeamLead, Role::Admin, Role::Auditor] {
        let token = app.token(role);
        app.post("/v1/reconciliations", Some(&token), file.clone())
            .await
            .expect(403);
        app.get("/v1/reconciliations", Some(&token))
            .await
            .expect(403);
    }
    let made = app
        .post("/v1/reconciliations", Some(&app.token(Role::Manager)), file)
        .await
        .expect(201);
    let ex = app
        .get(
            &format!("/v1/reconciliations/{}/exceptions", made["id"]),
            Some(&app.token(Role::Head)),
        )
        .await
        .expect(200);
    let path = format!(
        "/v1/reconciliation-exceptions/{}/resolve",
        ex["data"][0]["id"]
    );
    let body = json!({"action": "accept", "note": "n"});
    app.post(&path, Some(&app.token(Role::TeamLead)), body.clone())
        .await
        .expect(403);
    app.get("/v1/reconciliations/999999", Some(&app.token(Role::Head)))
        .await
        .expect(404);
    app.post(
        "/v1/reconciliation-exceptions/999999/resolve",
        Some(&app.token(Role::Head)),
        body,
    )
    .await
    .expect(404);
}
