//! `/v1/accounts/{id}/adjustments` and `/v1/adjustments/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{AccountPath, AdjustmentPath};
use crate::auth::{Agent, AnyRole, Caller};
use crate::db::adjustments::Adjustment;
use crate::db::{accounts, adjustments};
use crate::domain::adjustment::{AdjustmentReason, AdjustmentStatus};
use crate::domain::parts::Component;
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::adjustment::{self, AdjustmentAsk};

/// A change of one part of the balance.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"component": "fees", "amount": -2500, "reason": "fee_waiver",
    "note": "late fee charged in error by the client"}))]
pub struct CreateAdjustmentRequest {
    pub component: Component,
    /// Signed minor units, not 0: negative lowers the part, positive raises it.
    #[serde(deserialize_with = "crate::api::money::deserialize")]
    #[schema(minimum = -10_000_000_000_000_i64, maximum = 10_000_000_000_000_i64)]
    pub amount: i64,
    /// `placement_update` is written only by a re-import (422 here).
    pub reason: AdjustmentReason,
    /// Why, for the account's history and the approver.
    #[validate(length(min = 1, max = 1000, message = "must be 1 to 1000 characters"))]
    #[schema(min_length = 1, max_length = 1000)]
    pub note: String,
}

/// Adjust one part of an account's balance (agent on their accounts, and above).
///
/// The reason fixes the part and the sign: `interest_accrual` only raises interest,
/// `fee_assessed` only fees, `court_costs` only costs; `fee_waiver` and `interest_waiver` only
/// lower their own part; `goodwill` lowers any part; `billing_error` and `balance_correction`
/// move any part either way; `placement_update` is written by a re-import only. No part may go
/// below 0 (422). Raising needs `team_lead` and above (403 `insufficient-authority`) and has no
/// limit. A lowering within the caller's `adjustment_max` (approval policy) is applied at once:
/// 201 with `status: "applied"`; beyond it the answer is 202 with `status: "pending_approval"`
/// and an approval request of kind `adjustment` (four eyes, tiers, staleness and one pending
/// request per account, as for every approval), which applies it when approved. Both answers
/// carry `Location`. A balance brought to 0 closes the account (a live arrangement is
/// cancelled). A `paid`, `settled`, `written_off` or `closed` account takes no adjustments (409
/// `account-closed`). Each applied adjustment is one ledger entry of kind `adjustment`.
#[utoipa::path(
    tag = "payments",
    operation_id = "create_adjustment",
    params(AccountPath),
    request_body = CreateAdjustmentRequest,
    responses(
        (status = 201, description = "Applied", body = Adjustment,
            headers(("Location" = String, description = "/v1/adjustments/{id}"))),
        (status = 202, description = "Waiting for its approval request (`approval_id`)", body = Adjustment,
            headers(("Location" = String, description = "/v1/adjustments/{id}"))),
        (status = 403, description = "An agent raising a part (`insufficient-authority`)"),
        (status = 409, description = "A finished account (`account-closed`), another pending adjustment request on the account (`duplicate-pending`)"),
        (status = 422, description = "A reason that does not move this part this way, a part taken below 0, `placement_update` (`validation-failed`)"),
    )
)]
#[post("/accounts/{id}/adjustments")]
pub async fn create_adjustment(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    id: web::Path<AccountPath>,
    idem: IdempotencyKey,
    body: ValidJson<CreateAdjustmentRequest>,
) -> Result<HttpResponse, ApiError> {
    let account_id = id.into_inner().id;
    let digest = body.digest;
    let req = body.into_inner();
    let ask = AdjustmentAsk {
        component: req.component,
        amount: req.amount,
        reason: req.reason,
        note: req.note,
    };
    let actor = caller.into_actor();
    exec::write_rechecking(&state.db, actor, idem, digest, move |conn, caller| {
        let made = adjustment::request(conn, caller, account_id, ask)?;
        let status = if made.status == AdjustmentStatus::Applied {
            StatusCode::CREATED
        } else {
            StatusCode::ACCEPTED
        };
        let location = format!("/v1/adjustments/{}", made.id);
        Ok(Reply::json(status, &made)?.at(location))
    })
    .await
}

/// An account's adjustments, oldest first (any role that sees the account).
#[utoipa::path(
    tag = "payments",
    operation_id = "list_account_adjustments",
    params(AccountPath, PageParams),
    responses((status = 200, description = "A page of adjustments, oldest first", body = Page<Adjustment>))
)]
#[get("/accounts/{id}/adjustments")]
pub async fn list_account_adjustments(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Adjustment>>, ApiError> {
    let page = page.parse()?;
    let id = id.into_inner().id;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        accounts::find_visible_row(conn, actor, id)?;
        adjustments::list_for(conn, id, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |a| a.id)))
}

/// One adjustment (any role that sees its account; 404 otherwise).
#[utoipa::path(
    tag = "payments",
    operation_id = "get_adjustment",
    params(AdjustmentPath),
    responses((status = 200, description = "The adjustment", body = Adjustment))
)]
#[get("/adjustments/{id}")]
pub async fn get_adjustment(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AdjustmentPath>,
) -> Result<web::Json<Adjustment>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, actor| {
            adjustments::find_visible(conn, actor, id)
        })
        .await?,
    ))
}
