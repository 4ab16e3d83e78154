//! `/v1/assignments` and an account's assignment history.

use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::lenient_int;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::AccountPath;
use crate::auth::{AnyRole, Caller, TeamLead};
use crate::db::assignments::{self, AgentShare, Assignment};
use crate::error::ApiError;
use crate::state::AppState;

/// Most accounts one call assigns.
pub const MAX_ACCOUNTS: usize = 1000;

/// Accounts to give to an agent.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"account_ids": [101, 102, 103], "assignee_id": 12}))]
pub struct AssignRequest {
    /// 1 to 1,000 distinct account ids, all visible to you.
    #[validate(length(min = 1, max = 1000, message = "must list 1 to 1000 accounts"))]
    #[schema(min_items = 1, max_items = 1000)]
    pub account_ids: Vec<i64>,
    /// An active agent (of your team, for a team lead).
    #[serde(deserialize_with = "lenient_int::deserialize")]
    pub assignee_id: i64,
}

/// The assignments a call made.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{"id": 55, "account_id": 101, "assignee_id": 12, "assigned_by": 4,
    "started_at": "2026-11-22T14:03:00Z", "ended_at": null}]}))]
pub struct AssignmentList {
    /// New assignments (accounts already held by the assignee are left as they are).
    pub data: Vec<Assignment>,
}

/// The team to auto-assign.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"team_id": 3}))]
pub struct AutoAssignRequest {
    #[serde(deserialize_with = "lenient_int::deserialize")]
    pub team_id: i64,
}

/// What auto-assignment did.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{"id": 55, "account_id": 101, "assignee_id": 12, "assigned_by": 4,
    "started_at": "2026-11-22T14:03:00Z", "ended_at": null}],
    "agents": [{"agent_id": 12, "accounts_assigned": 1, "total_balance": 182550}]}))]
pub struct AutoAssignResult {
    pub data: Vec<Assignment>,
    /// Each active agent of the team, with what they hold now.
    pub agents: Vec<AgentShare>,
}

/// Assign accounts to an agent (team lead within their team; manager and head anywhere).
///
/// Ends each account's current assignment; the history is kept. All or nothing: an account
/// outside your scope answers 404 and nothing is assigned. `Location` is the assignee's accounts
/// (`/v1/accounts?assignee_id=…`), where the assigned accounts now are.
#[utoipa::path(
    tag = "assignments",
    operation_id = "create_assignments",
    request_body = AssignRequest,
    responses((status = 201, description = "Assigned", body = AssignmentList))
)]
#[post("/assignments")]
pub async fn create_assignments(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    idem: IdempotencyKey,
    body: ValidJson<AssignRequest>,
) -> Result<HttpResponse, ApiError> {
    let digest = body.digest;
    let mut req = body.into_inner();
    let n = req.account_ids.len();
    req.account_ids.sort_unstable();
    req.account_ids.dedup();
    if req.account_ids.len() != n {
        return Err(ApiError::invalid(
            "account_ids",
            "must not repeat an account",
        ));
    }
    exec::write(
        &state.db,
        caller.into_actor(),
        idem,
        digest,
        move |conn, actor| {
            let data = assignments::assign(conn, actor, &req.account_ids, req.assignee_id)?;
            let location = format!("/v1/accounts?assignee_id={}", req.assignee_id);
            Ok(Reply::created(&AssignmentList { data })?.at(location))
        },
    )
    .await
}

/// Spread a team's unassigned open accounts over its active agents, evening out the total
/// balance each holds (largest balance first, to whoever holds least). `Location` is the team's
/// accounts (`/v1/accounts?team_id=…`).
#[utoipa::path(
    tag = "assignments",
    operation_id = "create_auto_assignments",
    request_body = AutoAssignRequest,
    responses(
        (status = 201, description = "Assigned", body = AutoAssignResult),
        (status = 404, description = "No team has this id"),
        (status = 409, description = "The team has no active agent (`no-active-agents`)"),
    )
)]
#[post("/assignments/auto")]
pub async fn create_auto_assignments(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    idem: IdempotencyKey,
    body: ValidJson<AutoAssignRequest>,
) -> Result<HttpResponse, ApiError> {
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, body| {
            let done = assignments::auto_assign(conn, actor, body.team_id)?;
            let location = format!("/v1/accounts?team_id={}", body.team_id);
            Ok(Reply::created(&AutoAssignResult {
                data: done.assignments,
                agents: done.shares,
            })?
            .at(location))
        },
    )
    .await
}

/// An account's assignment history, newest first.
#[utoipa::path(
    tag = "assignments",
    operation_id = "list_account_assignments",
    params(AccountPath, PageParams),
    responses((status = 200, description = "A page of assignments", body = Page<Assignment>))
)]
#[get("/accounts/{id}/assignments")]
pub async fn list_account_assignments(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Assignment>>, ApiError> {
    let page = page.parse()?;
    let id = id.into_inner().id;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        assignments::history(conn, actor, id, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |a| a.id)))
}
