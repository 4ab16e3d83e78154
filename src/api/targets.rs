//! `/v1/targets`: monthly collection targets per agent or team.

use actix_web::{get, put, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::api::exec;
use crate::api::json::ValidJson;
use crate::api::lenient_int;
use crate::auth::{Caller, ReportReader, TeamLead};
use crate::db::targets::{self, NewTarget, Target, TargetScope};
use crate::domain::debtor::parse_currency;
use crate::domain::report::parse_period;
use crate::error::ApiError;
use crate::state::AppState;

/// A target to set.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"scope": "agent", "subject_id": 12, "period": "2026-11", "currency": "USD", "collected_amount": 5000000}))]
pub struct TargetRequest {
    pub scope: TargetScope,
    #[serde(deserialize_with = "lenient_int::deserialize")]
    pub subject_id: i64,
    /// `YYYY-MM`.
    #[schema(example = "2026-11", pattern = "^[0-9]{4}-[0-9]{2}$", max_length = 7)]
    pub period: String,
    /// ISO 4217 (default `USD`): one target per subject, period and currency.
    #[schema(
        example = "USD",
        pattern = "^[A-Z]{3}$",
        min_length = 3,
        max_length = 3
    )]
    pub currency: Option<String>,
    /// Minor units of `currency`, ≥ 0.
    #[serde(deserialize_with = "crate::api::money::deserialize")]
    #[validate(range(min = 0, message = "must not be negative"))]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 0)]
    pub collected_amount: i64,
}

/// Targets of one period.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{"scope": "agent", "subject_id": 12, "period": "2026-11", "currency": "USD", "collected_amount": 5000000, "set_by": 4}]}))]
pub struct TargetList {
    pub data: Vec<Target>,
}

/// Which period.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodParams {
    /// `YYYY-MM`.
    pub period: String,
}

/// Set a monthly collection target (team lead for their team and its agents; manager, head any).
#[utoipa::path(tag = "reports", operation_id = "set_target", request_body = TargetRequest, responses((status = 200, description = "The target", body = Target)))]
#[put("/targets")]
pub async fn set_target(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    body: ValidJson<TargetRequest>,
) -> Result<web::Json<Target>, ApiError> {
    let r = body.into_inner();
    parse_period(&r.period).map_err(|m| ApiError::invalid("period", m))?;
    let currency = parse_currency(r.currency.as_deref().unwrap_or("USD"))
        .map_err(|m| ApiError::invalid("currency", m))?;
    let new = NewTarget {
        scope: r.scope,
        subject_id: r.subject_id,
        period: r.period,
        currency,
        collected_amount: r.collected_amount,
    };
    let target = exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
        targets::set_target(conn, actor, new)
    })
    .await?;
    Ok(web::Json(target))
}

/// Targets of a period (team lead: their team and its agents).
#[utoipa::path(tag = "reports", operation_id = "list_targets", params(PeriodParams), responses((status = 200, description = "The targets", body = TargetList)))]
#[get("/targets")]
pub async fn list_targets(
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    params: web::Query<PeriodParams>,
) -> Result<web::Json<TargetList>, ApiError> {
    let period = params.into_inner().period;
    parse_period(&period).map_err(|m| ApiError::invalid("period", m))?;
    let data = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        targets::list_targets(conn, actor, &period)
    })
    .await?;
    Ok(web::Json(TargetList { data }))
}
