//! Satisfaction survey answers (`/v1/accounts/{id}/satisfaction`, `/v1/satisfaction/{id}`).

use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{AccountPath, SatisfactionPath};
use crate::auth::{Agent, AnyRole, Caller};
use crate::db::satisfaction::{Satisfaction, SurveyChannel};
use crate::db::{accounts, satisfaction};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::satisfaction::{self as survey, Answer};

/// A survey answer.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"score": 4, "channel": "ivr", "contact_id": 88, "comment": "polite and clear"}))]
pub struct CreateSatisfactionRequest {
    /// 1 (very dissatisfied) to 5 (very satisfied).
    #[validate(range(min = 1, max = 5, message = "must be 1 to 5"))]
    #[schema(minimum = 1, maximum = 5)]
    pub score: i64,
    pub channel: SurveyChannel,
    /// The contact the survey followed (of this account): the answer counts for its agent.
    pub contact_id: Option<i64>,
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub comment: Option<String>,
}

/// Record a satisfaction survey answer (agent and above, within scope), attributed to the
/// contact's agent, or without a contact to the account's assignee now.
#[utoipa::path(tag = "complaints", operation_id = "create_satisfaction", params(AccountPath),
    request_body = CreateSatisfactionRequest,
    responses((status = 201, description = "Recorded", body = Satisfaction)))]
#[post("/accounts/{id}/satisfaction")]
pub async fn create_satisfaction(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    id: web::Path<AccountPath>,
    idem: IdempotencyKey,
    body: ValidJson<CreateSatisfactionRequest>,
) -> Result<HttpResponse, ApiError> {
    let account_id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            let answer = Answer {
                score: r.score,
                channel: r.channel,
                contact_id: r.contact_id,
                comment: r.comment.map(|s| s.trim().to_owned()),
            };
            Reply::created_in(
                "/v1/satisfaction",
                &survey::record(conn, actor, account_id, answer)?,
            )
        },
    )
    .await
}

/// An account's survey answers, newest first.
#[utoipa::path(tag = "complaints", operation_id = "list_account_satisfaction", params(AccountPath, PageParams),
    responses((status = 200, description = "A page of answers", body = Page<Satisfaction>)))]
#[get("/accounts/{id}/satisfaction")]
pub async fn list_account_satisfaction(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Satisfaction>>, ApiError> {
    let page = page.parse()?;
    let id = id.into_inner().id;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        accounts::find_visible_row(conn, actor, id)?;
        satisfaction::list_for(conn, id, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |s| s.id)))
}

/// One survey answer (anyone who can see its account; 404 otherwise).
#[utoipa::path(tag = "complaints", operation_id = "get_satisfaction", params(SatisfactionPath),
    responses((status = 200, description = "The answer", body = Satisfaction)))]
#[get("/satisfaction/{id}")]
pub async fn get_satisfaction(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<SatisfactionPath>,
) -> Result<web::Json<Satisfaction>, ApiError> {
    let id = id.into_inner().id;
    let found = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        satisfaction::find_visible(conn, actor, id)
    })
    .await?;
    Ok(web::Json(found))
}
