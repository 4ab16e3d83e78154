//! Disputes: opening one on an account and resolving it.

use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::paths::{AccountPath, DisputePath};
use crate::auth::{Agent, AnyRole, Caller, TeamLead};
use crate::db::disputes::{self, Dispute, DisputeOutcome};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::dispute;

/// Why the debtor disputes the debt.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "debtor says the debt was paid in 2024"}))]
pub struct CreateDisputeRequest {
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

/// How a dispute is resolved.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"outcome": "rejected", "note": "payment records show the balance is owed"}))]
pub struct ResolveDisputeRequest {
    pub outcome: DisputeOutcome,
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub note: String,
}

/// Open a dispute (agent and above, within scope): the account becomes `disputed`, which pauses
/// outbound contacts and new arrangements.
#[utoipa::path(
    tag = "disputes",
    operation_id = "create_dispute",
    params(AccountPath),
    request_body = CreateDisputeRequest,
    responses(
        (status = 201, description = "Opened", body = Dispute),
        (status = 409, description = "A dispute is already open (`dispute-open`) or the account cannot be disputed (`account-not-open`)"),
    )
)]
#[post("/accounts/{id}/disputes")]
pub async fn create_dispute(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    id: web::Path<AccountPath>,
    idem: IdempotencyKey,
    body: ValidJson<CreateDisputeRequest>,
) -> Result<HttpResponse, ApiError> {
    let account_id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, body| {
            let reason = body.reason.trim().to_owned();
            Reply::created_in(
                "/v1/disputes",
                &dispute::open(conn, actor, account_id, &reason)?,
            )
        },
    )
    .await
}

/// Resolve a dispute (team lead and above): `rejected` returns the account to its prior status,
/// `upheld` closes it.
#[utoipa::path(
    tag = "disputes",
    operation_id = "resolve_dispute",
    params(DisputePath),
    request_body = ResolveDisputeRequest,
    responses(
        (status = 200, description = "Resolved", body = Dispute),
        (status = 409, description = "Already resolved (`dispute-resolved`)"),
    )
)]
#[post("/disputes/{id}/resolve")]
pub async fn resolve_dispute(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    id: web::Path<DisputePath>,
    idem: IdempotencyKey,
    body: ValidJson<ResolveDisputeRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            Reply::ok(&dispute::resolve(
                conn,
                actor,
                id,
                r.outcome,
                r.note.trim(),
            )?)
        },
    )
    .await
}

/// One dispute (anyone who can see its account; 404 otherwise).
#[utoipa::path(
    tag = "disputes",
    operation_id = "get_dispute",
    params(DisputePath),
    responses((status = 200, description = "The dispute", body = Dispute))
)]
#[get("/disputes/{id}")]
pub async fn get_dispute(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<DisputePath>,
) -> Result<web::Json<Dispute>, ApiError> {
    let id = id.into_inner().id;
    let found = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        disputes::find_visible(conn, actor, id)?.try_into()
    })
    .await?;
    Ok(web::Json(found))
}
