//! `/v1/strategies`: collection strategies, their activation and the challenger's promotion.

use actix_web::{HttpResponse, get, post, put, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::StrategyPath;
use crate::auth::{Caller, Head, Manager, ReportReader};
use crate::db::strategies::{self, Definition, Strategy};
use crate::domain::strategy::{Challenger, Segment};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::strategy::{self, StrategyAsk};

/// A strategy's definition.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Q4 early stage",
    "segments": [{"name": "early", "criteria": {"max_days_past_due": 30}, "treatment": [{"day": 0, "action": "call"}, {"day": 3, "action": "sms", "template": "reminder-1"}]},
        {"name": "late", "criteria": {"min_days_past_due": 31}, "treatment": [{"day": 0, "action": "letter", "template": "final-notice"}, {"day": 14, "action": "settlement_offer", "discount_percent": 20}]}],
    "challenger": {"share_percent": 20, "segments": [{"name": "early", "criteria": {"max_days_past_due": 30}, "treatment": [{"day": 0, "action": "sms", "template": "reminder-1"}]},
        {"name": "late", "criteria": {"min_days_past_due": 31}, "treatment": [{"day": 0, "action": "settlement_offer", "discount_percent": 30}]}]}}))]
pub struct StrategyRequest {
    /// 1 to 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// 1 to 50 segments, tried in order; names unique; `min_*` ≤ `max_*`; steps on days 0 to
    /// 3650; `template` exactly for `sms`, `email`, `letter`; `discount_percent` (1–100) exactly
    /// for `settlement_offer`.
    pub segments: Vec<Segment>,
    /// A share (1–50 %) of the accounts, chosen by a stable hash, treated by these segments.
    pub challenger: Option<Challenger>,
}

impl Validate for StrategyRequest {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        Ok(())
    }
}

impl StrategyRequest {
    fn ask(self) -> StrategyAsk {
        StrategyAsk {
            name: self.name,
            definition: Definition {
                segments: self.segments,
                challenger: self.challenger,
            },
        }
    }
}

/// Create a strategy (manager and above): a `draft`, validated with a field error per problem.
#[utoipa::path(tag = "strategies", operation_id = "create_strategy", request_body = StrategyRequest,
    responses((status = 201, description = "Created as a draft", body = Strategy)))]
#[post("/strategies")]
pub async fn create_strategy(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    idem: IdempotencyKey,
    body: ValidJson<StrategyRequest>,
) -> Result<HttpResponse, ApiError> {
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        |conn, actor, r| {
            Reply::created_in("/v1/strategies", &strategy::create(conn, actor, r.ask())?)
        },
    )
    .await
}

/// Replace a draft (manager and above); a strategy that has been active never changes (409
/// `strategy-immutable`).
#[utoipa::path(tag = "strategies", operation_id = "replace_strategy", params(StrategyPath), request_body = StrategyRequest,
    responses((status = 200, description = "Replaced", body = Strategy),
        (status = 409, description = "Not a draft (`strategy-immutable`)")))]
#[put("/strategies/{id}")]
pub async fn replace_strategy(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    id: web::Path<StrategyPath>,
    body: ValidJson<StrategyRequest>,
) -> Result<web::Json<Strategy>, ApiError> {
    let id = id.into_inner().id;
    let ask = body.into_inner().ask();
    Ok(web::Json(
        exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
            strategy::replace(conn, actor, id, ask)
        })
        .await?,
    ))
}

/// Strategies, newest first (team lead and above, auditors).
#[utoipa::path(tag = "strategies", operation_id = "list_strategies", params(PageParams),
    responses((status = 200, description = "A page of strategies", body = Page<Strategy>)))]
#[get("/strategies")]
pub async fn list_strategies(
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Strategy>>, ApiError> {
    let page = page.parse()?;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, _| {
        strategies::list(conn, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |s| s.id)))
}

/// One strategy (team lead and above, auditors).
#[utoipa::path(tag = "strategies", operation_id = "get_strategy", params(StrategyPath),
    responses((status = 200, description = "The strategy", body = Strategy)))]
#[get("/strategies/{id}")]
pub async fn get_strategy(
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    id: web::Path<StrategyPath>,
) -> Result<web::Json<Strategy>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, _| {
            strategies::find(conn, id)?.try_into()
        })
        .await?,
    ))
}

/// Activate a draft (head): the one active strategy; the previous one is `retired`.
#[utoipa::path(tag = "strategies", operation_id = "activate_strategy", params(StrategyPath),
    responses((status = 200, description = "Active", body = Strategy),
        (status = 409, description = "Not a draft (`strategy-not-draft`)")))]
#[post("/strategies/{id}/activate")]
pub async fn activate_strategy(
    state: web::Data<AppState>,
    caller: Caller<Head>,
    id: web::Path<StrategyPath>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        Reply::ok(&strategy::activate(conn, actor, id)?)
    })
    .await
}

/// Promote the active strategy's challenger (head): a new active strategy whose segments are the
/// challenger's, without a challenger; the old one is retired.
#[utoipa::path(tag = "strategies", operation_id = "promote_challenger", params(StrategyPath),
    responses((status = 201, description = "The new active strategy", body = Strategy),
        (status = 409, description = "Not the active strategy (`strategy-not-active`) or no challenger (`no-challenger`)")))]
#[post("/strategies/{id}/promote-challenger")]
pub async fn promote_challenger(
    state: web::Data<AppState>,
    caller: Caller<Head>,
    id: web::Path<StrategyPath>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        Reply::created_in(
            "/v1/strategies",
            &strategy::promote_challenger(conn, actor, id)?,
        )
    })
    .await
}
