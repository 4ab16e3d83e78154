//! Coaching sessions (`/v1/coaching-sessions`) and completing their actions
//! (`/v1/coaching-actions/{id}/complete`).

use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::lenient_int;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{CoachingActionPath, CoachingSessionPath};
use crate::auth::{AnyRole, Caller, TeamLead};
use crate::db::coaching::{self, CoachingAction, CoachingSession};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::coaching::{self as workflow, AgreedAction, NewSession};

/// The longest topic of a coaching session, in characters.
pub const TOPIC_MAX_CHARS: usize = 200;

/// An action agreed in the session.
#[derive(Debug, serde::Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"text": "Offer a payment plan before ending any call with a refusal.", "due_on": "2026-11-20"}))]
pub struct ActionRequest {
    #[validate(length(min = 1, max = 1000, message = "must be 1 to 1000 characters"))]
    #[schema(min_length = 1, max_length = 1000)]
    pub text: String,
    /// On or after `held_on`.
    pub due_on: NaiveDate,
}

/// A coaching session as held.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"agent_id": 12, "held_on": "2026-11-06", "topics": ["objection handling", "mini-Miranda"],
    "evaluation_ids": [7], "notes": "Listened to two calls together.",
    "actions": [{"text": "Offer a payment plan before ending any call with a refusal.", "due_on": "2026-11-20"}]}))]
pub struct CoachingSessionRequest {
    /// The coached user: a team lead coaches their team, managers and heads anyone; nobody
    /// themselves.
    #[serde(deserialize_with = "lenient_int::deserialize")]
    pub agent_id: i64,
    /// Not in the future.
    pub held_on: NaiveDate,
    /// 1 to 20 topics of 1 to 200 characters (surrounding spaces are dropped).
    #[validate(length(min = 1, max = 20, message = "must hold 1 to 20 topics"))]
    #[schema(max_items = 20)]
    pub topics: Vec<String>,
    /// Evaluations of this agent the session went through (at most 50).
    #[validate(length(max = 50, message = "must hold at most 50 evaluations"))]
    #[serde(default)]
    pub evaluation_ids: Vec<i64>,
    #[validate(length(min = 1, max = 5000, message = "must be 1 to 5000 characters"))]
    #[schema(min_length = 1, max_length = 5000)]
    pub notes: Option<String>,
    /// At most 20 actions.
    #[validate(length(max = 20, message = "must hold at most 20 actions"), nested)]
    #[serde(default)]
    pub actions: Vec<ActionRequest>,
}

impl CoachingSessionRequest {
    fn session(self) -> Result<NewSession, ApiError> {
        if let Some(i) = self
            .topics
            .iter()
            .position(|t| t.trim().is_empty() || t.chars().count() > TOPIC_MAX_CHARS)
        {
            return Err(ApiError::invalid(
                format!("topics[{i}]"),
                "must be 1 to 200 characters, not only spaces",
            ));
        }
        let topics: Vec<String> = self.topics.iter().map(|t| t.trim().to_owned()).collect();
        Ok(NewSession {
            agent_id: self.agent_id,
            held_on: self.held_on,
            topics,
            evaluation_ids: self.evaluation_ids,
            notes: self.notes.map(|n| n.trim().to_owned()),
            actions: self
                .actions
                .into_iter()
                .map(|a| AgreedAction {
                    text: a.text.trim().to_owned(),
                    due_on: a.due_on,
                })
                .collect(),
        })
    }
}

/// Record a coaching session with its actions (team lead for their team, manager and above).
/// `agent_id` outside the caller's people, linked evaluations not of this agent, an action due
/// before `held_on` or a session in the future: 422 naming the field.
#[utoipa::path(tag = "quality", operation_id = "create_coaching_session", request_body = CoachingSessionRequest,
    responses((status = 201, description = "Recorded", body = CoachingSession)))]
#[post("/coaching-sessions")]
pub async fn create_coaching_session(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    idem: IdempotencyKey,
    body: ValidJson<CoachingSessionRequest>,
) -> Result<HttpResponse, ApiError> {
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        |conn, actor, r| {
            let session = workflow::record(conn, actor, r.session()?)?;
            Ok(Reply::created(&session)?.at(format!("/v1/coaching-sessions/{}", session.id)))
        },
    )
    .await
}

/// Filters of the session list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CoachingSessionListParams {
    pub agent_id: Option<i64>,
}

/// Coaching sessions with their actions, newest first: agents see their own, team leads their
/// team's (and their own), managers, heads, admins and auditors all.
#[utoipa::path(tag = "quality", operation_id = "list_coaching_sessions", params(CoachingSessionListParams, PageParams),
    responses((status = 200, description = "A page of sessions", body = Page<CoachingSession>)))]
#[get("/coaching-sessions")]
pub async fn list_coaching_sessions(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    params: web::Query<CoachingSessionListParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<CoachingSession>>, ApiError> {
    let page = page.parse()?;
    let agent = params.into_inner().agent_id;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        coaching::list(conn, actor, agent, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |s| s.id)))
}

/// One coaching session with its actions (scoped like the list).
#[utoipa::path(tag = "quality", operation_id = "get_coaching_session", params(CoachingSessionPath),
    responses((status = 200, description = "The session", body = CoachingSession)))]
#[get("/coaching-sessions/{id}")]
pub async fn get_coaching_session(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<CoachingSessionPath>,
) -> Result<web::Json<CoachingSession>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, actor| {
            coaching::find_visible(conn, actor, id)
        })
        .await?,
    ))
}

/// Complete a coaching action: the coached agent or the coach (anyone else who sees it: 403
/// `not-agent-or-coach`).
#[utoipa::path(tag = "quality", operation_id = "complete_coaching_action", params(CoachingActionPath),
    responses((status = 200, description = "Completed", body = CoachingAction),
        (status = 409, description = "Completed already (`coaching-action-completed`)")))]
#[post("/coaching-actions/{id}/complete")]
pub async fn complete_coaching_action(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<CoachingActionPath>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        Reply::ok(&workflow::complete_action(conn, actor, id)?)
    })
    .await
}
