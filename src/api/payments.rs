//! `/v1/accounts/{id}/payments` and `/v1/payments`.

use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{AccountPath, PaymentPath};
use crate::auth::{Agent, AnyRole, Caller, TeamLead};
use crate::db::payments::{self, NewPayment, Payment, PaymentMethod};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::payment;

/// A payment received.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"amount": 10000, "method": "card", "reference": "TX-99812", "received_on": "2026-11-22"}))]
pub struct CreatePaymentRequest {
    /// Minor units, > 0 and at most the balance (for a written-off account: at most what was
    /// written off and not yet recovered).
    #[serde(deserialize_with = "crate::api::money::deserialize")]
    #[validate(range(min = 1, message = "must be greater than 0"))]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 1)]
    pub amount: i64,
    pub method: PaymentMethod,
    /// Unique per account (409 `duplicate-reference`).
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub reference: Option<String>,
    /// Default today; not in the future.
    #[serde(default, deserialize_with = "crate::api::dates::option")]
    pub received_on: Option<NaiveDate>,
}

/// Why a payment is reversed.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "card chargeback"}))]
pub struct ReversePaymentRequest {
    #[validate(length(min = 1, max = 500, message = "must be 1 to 500 characters"))]
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

/// Record a payment (agent on their accounts, and above).
///
/// Reduces the balance in one conditional update (concurrent payments never take it below zero)
/// and is allocated to the active arrangement's installments, oldest first. A balance reaching 0
/// makes the account `paid`. On a `written_off` account the payment is a recovery: recorded and
/// reported apart, the balance unchanged.
#[utoipa::path(
    tag = "payments",
    operation_id = "create_payment",
    params(AccountPath),
    request_body = CreatePaymentRequest,
    responses(
        (status = 201, description = "Recorded", body = Payment),
        (status = 409, description = "Duplicate reference (`duplicate-reference`) or a closed account (`account-closed`)"),
    )
)]
#[post("/accounts/{id}/payments")]
pub async fn create_payment(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    id: web::Path<AccountPath>,
    idem: IdempotencyKey,
    body: ValidJson<CreatePaymentRequest>,
) -> Result<HttpResponse, ApiError> {
    let account_id = id.into_inner().id;
    let digest = body.digest;
    let actor = caller.into_actor();
    let req = body.into_inner();
    let received_on = req.received_on.unwrap_or(actor.now.date_naive());
    if received_on > actor.now.date_naive() {
        return Err(ApiError::invalid(
            "received_on",
            "must not be in the future",
        ));
    }
    let new = NewPayment {
        amount: req.amount,
        method: req.method,
        reference: req.reference.map(|r| r.trim().to_owned()),
        received_on,
    };
    exec::write_rechecking(&state.db, actor, idem, digest, move |conn, caller| {
        Reply::created_in(
            "/v1/payments",
            &payment::record_rechecking(conn, caller, account_id, new)?,
        )
    })
    .await
}

/// An account's payments, newest first (reversed ones included, marked).
#[utoipa::path(
    tag = "payments",
    operation_id = "list_account_payments",
    params(AccountPath, PageParams),
    responses((status = 200, description = "A page of payments", body = Page<Payment>))
)]
#[get("/accounts/{id}/payments")]
pub async fn list_account_payments(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Payment>>, ApiError> {
    let page = page.parse()?;
    let id = id.into_inner().id;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        payments::list_for_account(conn, actor, id, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |p| p.id)))
}

/// Reverse a payment (team lead and above): restores the balance and the installments exactly.
#[utoipa::path(
    tag = "payments",
    operation_id = "reverse_payment",
    params(PaymentPath),
    request_body = ReversePaymentRequest,
    responses(
        (status = 200, description = "Reversed", body = Payment),
        (status = 409, description = "Already reversed (`already-reversed`)"),
    )
)]
#[post("/payments/{id}/reverse")]
pub async fn reverse_payment(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    id: web::Path<PaymentPath>,
    idem: IdempotencyKey,
    body: ValidJson<ReversePaymentRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, body| {
            let reason = body.reason.trim().to_owned();
            Reply::ok(&payment::reverse(conn, actor, id, &reason)?)
        },
    )
    .await
}

/// One payment (anyone who can see its account; 404 otherwise).
#[utoipa::path(
    tag = "payments",
    operation_id = "get_payment",
    params(PaymentPath),
    responses((status = 200, description = "The payment", body = Payment))
)]
#[get("/payments/{id}")]
pub async fn get_payment(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<PaymentPath>,
) -> Result<web::Json<Payment>, ApiError> {
    let id = id.into_inner().id;
    let found = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        payments::find_visible(conn, actor, id)?.try_into()
    })
    .await?;
    Ok(web::Json(found))
}
