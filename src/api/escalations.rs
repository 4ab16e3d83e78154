//! Escalations: raising an account to a higher tier, resolving, and referring to legal.

use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{AccountPath, EscalationPath};
use crate::auth::{Agent, AnyRole, Caller, Manager, TeamLead};
use crate::db::accounts::Account;
use crate::db::escalations::{self, Escalation, EscalationFilter, EscalationTier};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::escalation;

/// An escalation to raise.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "debtor threatens legal action", "to_role": "manager"}))]
pub struct CreateEscalationRequest {
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
    pub to_role: EscalationTier,
}

/// Why, for a resolution or a legal referral.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"note": "called the debtor back; resolved"}))]
pub struct NoteRequest {
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub note: String,
}

/// The reason of a legal referral.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "no response to final demand"}))]
pub struct LegalReferralRequest {
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

/// Filters of the escalation list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EscalationListParams {
    pub status: Option<crate::domain::status::EscalationStatus>,
    /// Only open escalations addressed to your tier or below.
    pub actionable: Option<bool>,
}

/// Raise an account to a higher tier (agent and above, within scope).
#[utoipa::path(tag = "escalations", operation_id = "create_escalation", params(AccountPath), request_body = CreateEscalationRequest, responses((status = 201, description = "Raised", body = Escalation)))]
#[post("/accounts/{id}/escalations")]
pub async fn create_escalation(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    id: web::Path<AccountPath>,
    idem: IdempotencyKey,
    body: ValidJson<CreateEscalationRequest>,
) -> Result<HttpResponse, ApiError> {
    let account_id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            Reply::created_in(
                "/v1/escalations",
                &escalation::raise(conn, actor, account_id, r.reason.trim(), r.to_role)?,
            )
        },
    )
    .await
}

/// Escalations on the accounts you see, newest first.
#[utoipa::path(tag = "escalations", operation_id = "list_escalations", params(EscalationListParams, PageParams), responses((status = 200, description = "A page of escalations", body = Page<Escalation>)))]
#[get("/escalations")]
pub async fn list_escalations(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    params: web::Query<EscalationListParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Escalation>>, ApiError> {
    let page = page.parse()?;
    let p = params.into_inner();
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        escalations::list(
            conn,
            actor,
            &EscalationFilter {
                status: p.status,
                actionable: p.actionable.unwrap_or(false),
            },
            page.after,
            page.fetch_limit(),
        )
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |e| e.id)))
}

/// Resolve an escalation (team lead and above, at or above its tier).
#[utoipa::path(
    tag = "escalations",
    operation_id = "resolve_escalation",
    params(EscalationPath),
    request_body = NoteRequest,
    responses((status = 200, description = "Resolved", body = Escalation), (status = 409, description = "Already resolved (`escalation-resolved`)"))
)]
#[post("/escalations/{id}/resolve")]
pub async fn resolve_escalation(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    id: web::Path<EscalationPath>,
    idem: IdempotencyKey,
    body: ValidJson<NoteRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, body| {
            let note = body.note;
            Reply::ok(&escalations::resolve(conn, actor, id, note.trim())?)
        },
    )
    .await
}

/// Refer an account to legal (manager and above): the account becomes `legal` and outbound
/// contacts pause.
#[utoipa::path(
    tag = "escalations",
    operation_id = "create_legal_referral",
    params(AccountPath),
    request_body = LegalReferralRequest,
    responses((status = 201, description = "Referred", body = Account), (status = 409, description = "The account cannot be referred (`account-not-open`)"))
)]
#[post("/accounts/{id}/legal-referral")]
pub async fn create_legal_referral(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    id: web::Path<AccountPath>,
    idem: IdempotencyKey,
    body: ValidJson<LegalReferralRequest>,
) -> Result<HttpResponse, ApiError> {
    let account_id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, body| {
            let reason = body.reason;
            Reply::created_in(
                "/v1/accounts",
                &escalation::refer_to_legal(conn, actor, account_id, reason.trim())?,
            )
        },
    )
    .await
}

/// One escalation (anyone who can see its account; 404 otherwise).
#[utoipa::path(
    tag = "escalations",
    operation_id = "get_escalation",
    params(EscalationPath),
    responses((status = 200, description = "The escalation", body = Escalation))
)]
#[get("/escalations/{id}")]
pub async fn get_escalation(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<EscalationPath>,
) -> Result<web::Json<Escalation>, ApiError> {
    let id = id.into_inner().id;
    let found = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        escalations::find_visible(conn, actor, id)?.try_into()
    })
    .await?;
    Ok(web::Json(found))
}
