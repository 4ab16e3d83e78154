//! `/v1/approvals`, `/v1/approval-policy`, escalations and legal referral.

use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::lenient_int;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::ApprovalPath;
use crate::auth::{Agent, AnyRole, Caller, TeamLead};
use crate::db::approval_list::{self, ApprovalListItem};
use crate::db::approvals::{self, Approval, ApprovalFilter, ApprovalKind};
use crate::db::write_tx;
use crate::domain::authority::Decision;
use crate::error::{ApiError, Problem};
use crate::state::AppState;
use crate::workflows::{approval_decision, approval_request};

/// A settlement or write-off request.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "settlement", "account_id": 101, "amount": 150000, "reason": "hardship; lump sum offered", "due_on": "2026-12-15"}))]
pub struct CreateApprovalRequest {
    /// `settlement` or `write_off` (`arrangement` requests come with the plan itself).
    pub kind: ApprovalKind,
    #[serde(deserialize_with = "lenient_int::deserialize")]
    pub account_id: i64,
    /// Settlement: what the debtor pays (> 0, < balance); write-off: how much (> 0, ≤ balance).
    #[serde(deserialize_with = "crate::api::money::deserialize")]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 1)]
    pub amount: i64,
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
    /// Settlement: pay by this date (required, not in the past).
    #[serde(default, deserialize_with = "crate::api::dates::option")]
    pub due_on: Option<NaiveDate>,
}

/// A decision's note.
#[derive(Debug, Default, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"note": "within policy"}))]
pub struct DecisionRequest {
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// A rejection (the note is required).
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"note": "discount too deep for this balance"}))]
pub struct RejectRequest {
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub note: String,
}

/// One decision of a bulk call.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"id": 8, "decision": "approve", "note": "ok"}))]
pub struct BulkDecisionItem {
    #[serde(deserialize_with = "lenient_int::deserialize")]
    pub id: i64,
    pub decision: Decision,
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// Up to 100 decisions, each judged on its own.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"decisions": [{"id": 8, "decision": "approve"}, {"id": 9, "decision": "reject", "note": "no"}]}))]
pub struct BulkDecisionRequest {
    #[validate(
        length(min = 1, max = 100, message = "must hold 1 to 100 decisions"),
        nested
    )]
    #[schema(min_items = 1, max_items = 100)]
    pub decisions: Vec<BulkDecisionItem>,
}

/// The outcome of one bulk decision.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"id": 8, "status": 200, "approval": null, "problem": null}))]
pub struct BulkDecisionResult {
    pub id: i64,
    /// The HTTP status this decision alone would have answered.
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

/// Results in the order of the decisions.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"results": [{"id": 8, "status": 200}, {"id": 9, "status": 403, "problem": {"type": "https://arrears.dev/problems/four-eyes", "title": "Forbidden", "status": 403, "detail": "you made this request; someone else must decide it"}}]}))]
pub struct BulkDecisionResponse {
    pub results: Vec<BulkDecisionResult>,
}

/// Filters of the approval list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApprovalListParams {
    pub status: Option<crate::domain::status::ApprovalStatus>,
    pub kind: Option<ApprovalKind>,
    pub account_id: Option<i64>,
    /// Only what you may decide now: pending, within your tier (and team), not your own.
    pub actionable: Option<bool>,
}

/// Request a settlement or a write-off (agent and above, within scope).
///
/// The answer carries `required_role`: the lowest role whose limits cover the request under the
/// current policy. One pending request per kind per account (409 `duplicate-pending`).
#[utoipa::path(
    tag = "approvals",
    operation_id = "create_approval",
    request_body = CreateApprovalRequest,
    responses(
        (status = 201, description = "Requested", body = Approval),
        (status = 409, description = "A pending request of this kind exists (`duplicate-pending`) or the account is closed (`account-closed`)"),
    )
)]
#[post("/approvals")]
pub async fn create_approval(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    idem: IdempotencyKey,
    body: ValidJson<CreateApprovalRequest>,
) -> Result<HttpResponse, ApiError> {
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            Reply::created_in(
                "/v1/approvals",
                &approval_request::request(
                    conn,
                    actor,
                    r.kind,
                    r.account_id,
                    r.amount,
                    r.due_on,
                    r.reason.trim(),
                )?,
            )
        },
    )
    .await
}

/// Approval requests on the accounts you see, newest first, each with its account's reference,
/// debtor, currency and current balance and the requester's name.
#[utoipa::path(tag = "approvals", operation_id = "list_approvals", params(ApprovalListParams, PageParams), responses((status = 200, description = "A page of requests", body = Page<ApprovalListItem>)))]
#[get("/approvals")]
pub async fn list_approvals(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    params: web::Query<ApprovalListParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<ApprovalListItem>>, ApiError> {
    let page = page.parse()?;
    let p = params.into_inner();
    let filter = ApprovalFilter {
        status: p.status,
        kind: p.kind,
        account_id: p.account_id,
        actionable: p.actionable.unwrap_or(false),
    };
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        approval_list::list(conn, actor, &filter, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |a| a.approval.id)))
}

/// One approval request.
#[utoipa::path(tag = "approvals", operation_id = "get_approval", params(ApprovalPath), responses((status = 200, description = "The request", body = Approval)))]
#[get("/approvals/{id}")]
pub async fn get_approval(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<ApprovalPath>,
) -> Result<web::Json<Approval>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, actor| {
            approvals::find_visible(conn, actor, id)
        })
        .await?,
    ))
}

/// Approve a request: your tier ≥ `required_role` (403 `insufficient-authority`), not your own
/// (403 `four-eyes`), a team lead for their team only, still pending (409 `not-pending`), balance
/// unchanged since the request (409 `stale-request`). Exactly one decision ever lands.
/// Effects: a write-off reduces the balance at once (all of it → `written_off`); a settlement
/// becomes an offer (paid by `due_on` → `settled`); an arrangement becomes `active`.
#[utoipa::path(
    tag = "approvals",
    operation_id = "approve_approval",
    params(ApprovalPath),
    request_body = DecisionRequest,
    responses(
        (status = 200, description = "Approved", body = Approval),
        (status = 403, description = "Above your authority or outside your team (`insufficient-authority`), or your own request (`four-eyes`)"),
        (status = 409, description = "Decided or cancelled already (`not-pending`), or the balance moved since the request (`stale-request`)"),
    )
)]
#[post("/approvals/{id}/approve")]
pub async fn approve_approval(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    id: web::Path<ApprovalPath>,
    idem: IdempotencyKey,
    body: ValidJson<DecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, body| {
            let note = body.note;
            Reply::ok(&approval_decision::decide(
                conn,
                actor,
                id,
                Decision::Approve,
                note.as_deref(),
            )?)
        },
    )
    .await
}

/// Reject a request (same rules as approving); a plan awaiting approval is cancelled.
#[utoipa::path(
    tag = "approvals",
    operation_id = "reject_approval",
    params(ApprovalPath),
    request_body = RejectRequest,
    responses(
        (status = 200, description = "Rejected", body = Approval),
        (status = 403, description = "Above your authority or outside your team (`insufficient-authority`), or your own request (`four-eyes`)"),
        (status = 409, description = "Decided or cancelled already (`not-pending`), or the balance moved since the request (`stale-request`)"),
    )
)]
#[post("/approvals/{id}/reject")]
pub async fn reject_approval(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    id: web::Path<ApprovalPath>,
    idem: IdempotencyKey,
    body: ValidJson<RejectRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, body| {
            let note = body.note;
            Reply::ok(&approval_decision::decide(
                conn,
                actor,
                id,
                Decision::Reject,
                Some(note.trim()),
            )?)
        },
    )
    .await
}

/// Withdraw your own pending request.
#[utoipa::path(
    tag = "approvals",
    operation_id = "cancel_approval",
    params(ApprovalPath),
    responses(
        (status = 200, description = "Cancelled", body = Approval),
        (status = 403, description = "Not your request (`not-requester`)"),
        (status = 409, description = "Decided or cancelled already (`not-pending`)"),
    )
)]
#[post("/approvals/{id}/cancel")]
pub async fn cancel_approval(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    id: web::Path<ApprovalPath>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        Reply::ok(&approval_decision::withdraw(conn, actor, id)?)
    })
    .await
}

/// Decide up to 100 requests at once; each is judged on its own and answered per item (the call
/// itself answers 200).
#[utoipa::path(tag = "approvals", operation_id = "create_approval_decisions", request_body = BulkDecisionRequest, responses((status = 200, description = "One result per decision", body = BulkDecisionResponse)))]
#[post("/approvals/decisions")]
pub async fn create_approval_decisions(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    idem: IdempotencyKey,
    body: ValidJson<BulkDecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, body| {
            let items = body.decisions;
            let mut results = Vec::with_capacity(items.len());
            for item in &items {
                // Each decision in its own savepoint: a refused one leaves the others standing.
                let outcome = write_tx(conn, |tx| {
                    approval_decision::decide(
                        tx,
                        actor,
                        item.id,
                        item.decision,
                        item.note.as_deref(),
                    )
                });
                results.push(match outcome {
                    Ok(a) => BulkDecisionResult {
                        id: item.id,
                        status: 200,
                        approval: Some(a),
                        problem: None,
                    },
                    Err(e) => BulkDecisionResult {
                        id: item.id,
                        status: actix_web::ResponseError::status_code(&e).as_u16(),
                        approval: None,
                        problem: Some(e.problem()),
                    },
                });
            }
            Reply::ok(&BulkDecisionResponse { results })
        },
    )
    .await
}
