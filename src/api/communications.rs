//! `/v1/communications`: the messages strategy steps ask for, for a mail house or SMS/email
//! gateway to fetch (`ready=true`) and close (`sent`, `failed`); and `/v1/tasks`, the review
//! tasks for team leads.

use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{CommunicationPath, TaskPath};
use crate::auth::{Caller, Manager, TeamLead};
use crate::db::communications::{
    Communication, CommunicationFilter, CommunicationStatus, MessageChannel,
};
use crate::db::tasks::{self, Task, TaskStatus};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::communication;

/// Filters of the communication list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CommunicationListParams {
    pub status: Option<CommunicationStatus>,
    pub channel: Option<MessageChannel>,
    /// Only `pending` ones the contact rules allow now (checked as the list is read: cease,
    /// opt-outs, disputes, open complaints, the debtor's hours). A page may then hold fewer
    /// items than `limit`; follow `next_cursor` while it is not null.
    pub ready: Option<bool>,
}

/// Communications on the accounts you see (team lead: their team; manager and above: all),
/// oldest first, so a gateway paging through sends in the order they were made.
#[utoipa::path(tag = "communications", operation_id = "list_communications", params(CommunicationListParams, PageParams),
    responses((status = 200, description = "A page of communications", body = Page<Communication>)))]
#[get("/communications")]
pub async fn list_communications(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    params: web::Query<CommunicationListParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Communication>>, ApiError> {
    let page = page.parse()?;
    let p = params.into_inner();
    let filter = CommunicationFilter {
        status: p.status,
        channel: p.channel,
        ready: p.ready.unwrap_or(false),
    };
    let scanned = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        communication::list(conn, actor, &filter, page.after, page.limit)
    })
    .await?;
    Ok(web::Json(Page::scanned(scanned.items, scanned.last_read)))
}

/// Report a communication sent (manager and above). The contact rules are checked again: when
/// they forbid it now, 409 `contact-not-permitted` with the reasons; a lasting rule (cease,
/// opt-out, dispute, attorney, open complaint) also stores it `blocked`, while the time of day
/// alone leaves it `pending` (`next_allowed_at` says when).
#[utoipa::path(tag = "communications", operation_id = "mark_communication_sent", params(CommunicationPath),
    responses((status = 200, description = "Sent", body = Communication),
        (status = 409, description = "Forbidden by the contact rules now (`contact-not-permitted`), or no longer pending (`communication-closed`)")))]
#[post("/communications/{id}/sent")]
pub async fn mark_communication_sent(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    id: web::Path<CommunicationPath>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        match communication::sent(conn, actor, id)? {
            Ok(sent) => Reply::ok(&sent),
            Err(refusal) => Reply::problem(&refusal),
        }
    })
    .await
}

/// Why a communication could not be sent.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "undeliverable: the number is not in service"}))]
pub struct FailedRequest {
    #[validate(length(min = 1, max = 500, message = "must be 1 to 500 characters"))]
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

/// Report a communication failed (manager and above).
#[utoipa::path(tag = "communications", operation_id = "mark_communication_failed", params(CommunicationPath), request_body = FailedRequest,
    responses((status = 200, description = "Failed", body = Communication),
        (status = 409, description = "No longer pending (`communication-closed`)")))]
#[post("/communications/{id}/failed")]
pub async fn mark_communication_failed(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    id: web::Path<CommunicationPath>,
    idem: IdempotencyKey,
    body: ValidJson<FailedRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| Reply::ok(&communication::failed(conn, actor, id, r.reason.trim())?),
    )
    .await
}

/// Filters of the task list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TaskListParams {
    pub status: Option<TaskStatus>,
}

/// Tasks on the accounts you see (team lead: their team; manager and above: all), newest first.
#[utoipa::path(tag = "communications", operation_id = "list_tasks", params(TaskListParams, PageParams),
    responses((status = 200, description = "A page of tasks", body = Page<Task>)))]
#[get("/tasks")]
pub async fn list_tasks(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    params: web::Query<TaskListParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Task>>, ApiError> {
    let page = page.parse()?;
    let status = params.into_inner().status;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        tasks::list(conn, actor, status, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |t| t.id)))
}

/// Complete a task (team lead and above, on the accounts they see).
#[utoipa::path(tag = "communications", operation_id = "complete_task", params(TaskPath),
    responses((status = 200, description = "Done", body = Task),
        (status = 409, description = "Done already (`task-done`)")))]
#[post("/tasks/{id}/complete")]
pub async fn complete_task(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    id: web::Path<TaskPath>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        Reply::ok(&tasks::complete(conn, actor, id)?)
    })
    .await
}
