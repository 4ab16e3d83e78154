//! Complaints (`/v1/accounts/{id}/complaints`, `/v1/complaints`) and the complaint policy.

use actix_web::{HttpResponse, get, post, put, web};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{AccountPath, ComplaintPath};
use crate::auth::{Agent, AnyRole, Caller, Head, TeamLead};
use crate::db::complaint_policy;
use crate::db::complaints::{self, Complaint, ComplaintFilter};
use crate::domain::complaint::{
    ComplaintCategory, ComplaintPolicy, ComplaintSource, ComplaintStatus, Remedy, RootCause,
};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::complaint::{self, CloseComplaint, NewComplaint};

/// A complaint as received.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"source": "cfpb", "category": "wrong_amount",
    "description": "The debtor says the balance includes a fee the client waived.",
    "received_at": "2026-11-20T15:00:00Z", "external_ref": "CFPB-261120-0042"}))]
pub struct CreateComplaintRequest {
    pub source: ComplaintSource,
    pub category: ComplaintCategory,
    #[validate(length(min = 1, max = 5000, message = "must be 1 to 5000 characters"))]
    #[schema(min_length = 1, max_length = 5000)]
    pub description: String,
    /// When it reached us (default now; not in the future): `due_at` counts from it.
    pub received_at: Option<DateTime<Utc>>,
    /// The user the complaint is about.
    pub against_user_id: Option<i64>,
    /// Its reference at the source (a CFPB case number).
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub external_ref: Option<String>,
}

/// Record a complaint (agent and above, within scope): `open`, due `received_at` plus the
/// policy's days for its source (15 for `cfpb`, 30 otherwise by default) × 24 h. An open
/// `debt_not_owed`, `wrong_amount` or `validation_notice` complaint pauses outbound collection
/// (reason `open_complaint` in contactability, 409 refusals and the queue) until it is closed.
#[utoipa::path(
    tag = "complaints",
    operation_id = "create_complaint",
    params(AccountPath),
    request_body = CreateComplaintRequest,
    responses((status = 201, description = "Recorded", body = Complaint))
)]
#[post("/accounts/{id}/complaints")]
pub async fn create_complaint(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    id: web::Path<AccountPath>,
    idem: IdempotencyKey,
    body: ValidJson<CreateComplaintRequest>,
) -> Result<HttpResponse, ApiError> {
    let account_id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            let new = NewComplaint {
                source: r.source,
                category: r.category,
                description: r.description.trim().to_owned(),
                received_at: r.received_at,
                against_user_id: r.against_user_id,
                external_ref: r.external_ref.map(|s| s.trim().to_owned()),
            };
            Reply::created_in(
                "/v1/complaints",
                &complaint::record(conn, actor, account_id, new)?,
            )
        },
    )
    .await
}

/// Filters of the complaint list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintListParams {
    pub status: Option<ComplaintStatus>,
    pub category: Option<ComplaintCategory>,
    pub source: Option<ComplaintSource>,
    /// Only open or in-progress complaints past `due_at`.
    pub overdue: Option<bool>,
    pub against_user_id: Option<i64>,
    /// The account's team when the complaint was received.
    pub team_id: Option<i64>,
    pub account_id: Option<i64>,
}

/// Complaints on the accounts you see, newest first.
#[utoipa::path(tag = "complaints", operation_id = "list_complaints", params(ComplaintListParams, PageParams),
    responses((status = 200, description = "A page of complaints", body = Page<Complaint>)))]
#[get("/complaints")]
pub async fn list_complaints(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    params: web::Query<ComplaintListParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Complaint>>, ApiError> {
    let page = page.parse()?;
    let p = params.into_inner();
    let filter = ComplaintFilter {
        status: p.status,
        category: p.category,
        source: p.source,
        overdue: p.overdue.unwrap_or(false),
        against_user_id: p.against_user_id,
        team_id: p.team_id,
        account_id: p.account_id,
    };
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        complaints::list(conn, actor, &filter, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |c| c.id)))
}

/// One complaint (scoped like its account).
#[utoipa::path(tag = "complaints", operation_id = "get_complaint", params(ComplaintPath),
    responses((status = 200, description = "The complaint", body = Complaint)))]
#[get("/complaints/{id}")]
pub async fn get_complaint(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<ComplaintPath>,
) -> Result<web::Json<Complaint>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, actor| {
            Complaint::from_row(complaints::find_visible_row(conn, actor, id)?, actor.now)
        })
        .await?,
    ))
}

/// A response to the complainant.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"response": "We are checking the fee with the client and will write by 5 December."}))]
pub struct RespondRequest {
    #[validate(length(min = 1, max = 5000, message = "must be 1 to 5000 characters"))]
    #[schema(min_length = 1, max_length = 5000)]
    pub response: String,
}

/// Record a response (team lead and above): the complaint is `in_progress`.
#[utoipa::path(tag = "complaints", operation_id = "respond_complaint", params(ComplaintPath), request_body = RespondRequest,
    responses((status = 200, description = "Responded", body = Complaint),
        (status = 409, description = "Closed (`complaint-closed`)")))]
#[post("/complaints/{id}/respond")]
pub async fn respond_complaint(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    id: web::Path<ComplaintPath>,
    idem: IdempotencyKey,
    body: ValidJson<RespondRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            Reply::ok(&complaint::respond(
                conn,
                actor,
                id,
                r.response.trim().to_owned(),
            )?)
        },
    )
    .await
}

/// Findings of a closing.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"root_cause": "client_error", "justified": true, "remedy": "monetary",
    "monetary_relief": 2500, "response": "The fee is removed from your balance."}))]
pub struct CloseComplaintRequest {
    pub root_cause: RootCause,
    pub justified: bool,
    pub remedy: Remedy,
    /// Minor units, > 0, exactly when `remedy` is `monetary`.
    #[serde(default, deserialize_with = "crate::api::money::option")]
    #[schema(minimum = 1, maximum = 10_000_000_000_000_i64)]
    pub monetary_relief: Option<i64>,
    /// The final response (kept as the complaint's `response`).
    #[validate(length(min = 1, max = 5000, message = "must be 1 to 5000 characters"))]
    #[schema(min_length = 1, max_length = 5000)]
    pub response: Option<String>,
}

/// Close a complaint (team lead and above; never one against yourself: 403
/// `complaint-against-you`). A monetary remedy is a `goodwill` adjustment lowering the first of
/// fees, interest, costs, principal that holds all of `monetary_relief`, under your
/// `adjustment_max` (beyond it the adjustment waits for approval; `adjustment_id` names it).
/// Closing lifts the complaint's pause on collection.
#[utoipa::path(tag = "complaints", operation_id = "close_complaint", params(ComplaintPath), request_body = CloseComplaintRequest,
    responses((status = 200, description = "Closed", body = Complaint),
        (status = 403, description = "The complaint is against you (`complaint-against-you`)"),
        (status = 409, description = "Closed already (`complaint-closed`), or the account takes no adjustment (`account-closed`, `duplicate-pending`)")))]
#[post("/complaints/{id}/close")]
pub async fn close_complaint(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    id: web::Path<ComplaintPath>,
    idem: IdempotencyKey,
    body: ValidJson<CloseComplaintRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            let close = CloseComplaint {
                root_cause: r.root_cause,
                justified: r.justified,
                remedy: r.remedy,
                monetary_relief: r.monetary_relief,
                response: r.response.map(|s| s.trim().to_owned()),
            };
            Reply::ok(&complaint::close(conn, actor, id, close)?)
        },
    )
    .await
}

/// Reopen a closed complaint (team lead and above): `open` again, its findings cleared, and a
/// pausing category pauses collection again.
#[utoipa::path(tag = "complaints", operation_id = "reopen_complaint", params(ComplaintPath),
    responses((status = 200, description = "Reopened", body = Complaint),
        (status = 409, description = "Not closed (`complaint-not-closed`)")))]
#[post("/complaints/{id}/reopen")]
pub async fn reopen_complaint(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    id: web::Path<ComplaintPath>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        Reply::ok(&complaint::reopen(conn, actor, id)?)
    })
    .await
}

/// The complaint policy: days to respond per source (everyone may read it).
#[utoipa::path(tag = "complaints", operation_id = "get_complaint_policy",
    responses((status = 200, description = "The policy", body = ComplaintPolicy)))]
#[get("/complaint-policy")]
pub async fn get_complaint_policy(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
) -> Result<web::Json<ComplaintPolicy>, ApiError> {
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), |conn, _| {
            complaint_policy::current(conn)
        })
        .await?,
    ))
}

/// The policy as a request body (validated by `ComplaintPolicy::problems`).
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct ComplaintPolicyBody(pub ComplaintPolicy);

impl Validate for ComplaintPolicyBody {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        Ok(())
    }
}

/// Replace the complaint policy (head): 1 to 365 days per source. Complaints already received
/// keep their `due_at`. Audited.
#[utoipa::path(tag = "complaints", operation_id = "replace_complaint_policy", request_body = ComplaintPolicy,
    responses((status = 200, description = "The new policy", body = ComplaintPolicy)))]
#[put("/complaint-policy")]
pub async fn replace_complaint_policy(
    state: web::Data<AppState>,
    caller: Caller<Head>,
    body: ValidJson<ComplaintPolicyBody>,
) -> Result<web::Json<ComplaintPolicy>, ApiError> {
    let policy = body.into_inner().0;
    ApiError::unless_any(policy.problems())?;
    Ok(web::Json(
        exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
            complaint_policy::replace(conn, actor, &policy)
        })
        .await?,
    ))
}
