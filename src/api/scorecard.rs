//! `GET /v1/agents/{id}/scorecard` (JSON or a printable page) and `GET /v1/reports/quality`
//! (JSON or CSV).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::exec;
use crate::api::paths::AgentPath;
use crate::api::reports::{check_range, opt, respond};
use crate::auth::{AnyRole, Caller, ReportReader};
use crate::domain::report::parse_period;
use crate::domain::scorecard::Scorecard;
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::quality_report::{self, QualityGroup, QualityReportRow};
use crate::workflows::scorecard::{self, ScorecardAsk};

/// Which month, in which currency.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScorecardParams {
    /// `YYYY-MM` (default: this month, UTC).
    #[param(pattern = r"^\d{4}-\d{2}$", example = "2026-11")]
    pub period: Option<String>,
    /// ISO 4217 code of `collected_amount`; default the only currency of the team's accounts
    /// (several → 422 `currency-required`).
    #[param(pattern = "^[A-Z]{3}$", example = "USD")]
    pub currency: Option<String>,
}

fn month_of(period: Option<&str>, today: NaiveDate) -> Result<NaiveDate, ApiError> {
    let Some(p) = period else {
        return NaiveDate::from_ymd_opt(today.year(), today.month(), 1)
            .ok_or_else(|| ApiError::Internal("the first of this month".into()));
    };
    let (y, m) = parse_period(p).map_err(|e| ApiError::invalid("period", e))?;
    NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(|| ApiError::invalid("period", "no such month"))
}

fn wants_html(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// An agent's month for a one-to-one (the agent themself, their team lead, managers, heads,
/// auditors; anyone else's agent: 404; admins: 403): performance (collected in one currency,
/// target and attainment; attempts and RPC rate from the contact rollup; promises and kept
/// rate), quality (evaluations made in the month, average score, fatal failures), complaints
/// received against them and how many were justified, satisfaction answers, coaching actions
/// open at the month's end (or today); `team` the team's average agent over its agents (counts
/// and amounts: the mean over the agents; rates and scores: the mean over agents that have one).
/// `Accept: text/html` answers a printable one-page sheet (inline CSS and SVG, no script).
#[utoipa::path(
    tag = "quality",
    operation_id = "get_agent_scorecard",
    params(AgentPath, ScorecardParams),
    responses(
        (status = 200, description = "The scorecard", content((Scorecard = "application/json"), (String = "text/html"))),
        (status = 422, description = "A malformed `period` or `currency`, or several currencies and none named (`currency-required`)"),
    )
)]
#[get("/agents/{id}/scorecard")]
pub async fn get_agent_scorecard(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AgentPath>,
    params: web::Query<ScorecardParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    if let Some(c) = &p.currency
        && !(c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return Err(ApiError::invalid(
            "currency",
            "must be an ISO 4217 code such as USD",
        ));
    }
    let actor = caller.into_actor();
    let ask = ScorecardAsk {
        agent_id: id.into_inner().id,
        month: month_of(p.period.as_deref(), actor.now.date_naive())?,
        currency: p.currency,
    };
    let card = exec::read(&state.db, actor, move |conn, actor| {
        scorecard::build(conn, actor, ask)
    })
    .await?;
    if wants_html(&req) {
        let page = crate::html::scorecard_page::render(&card)?;
        return Ok(HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(page));
    }
    Ok(HttpResponse::Ok().json(&card))
}

/// Grouping of the quality report.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QualityGroupBy {
    Agent,
    Team,
}

/// Range and grouping of the quality report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QualityReportParams {
    /// First day (inclusive, UTC).
    pub from: NaiveDate,
    /// Last day (inclusive); at most 366 days after `from`.
    pub to: NaiveDate,
    /// `agent` (default) or `team` (the team the records were made in).
    pub group_by: Option<QualityGroupBy>,
}

/// The quality report.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{"group_id": 12, "group_name": "Arto Agent", "evaluations": 4, "average_score": 82.5,
    "fatal_failures": 1, "disputes": 1, "coaching_sessions": 1, "open_coaching_actions": 2, "overdue_coaching_actions": 1}]}))]
pub struct QualityReport {
    pub data: Vec<QualityReportRow>,
}

/// Quality per agent or team over `[from, to]` (team leads: their team; managers, heads,
/// auditors: all); each figure is defined on `QualityReportRow`. `Accept: text/csv` for CSV.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_quality_report",
    params(QualityReportParams),
    responses((status = 200, description = "The report", content((QualityReport = "application/json"), (String = "text/csv"))))
)]
#[get("/reports/quality")]
pub async fn get_quality_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    params: web::Query<QualityReportParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    check_range(p.from, p.to)?;
    let group = match p.group_by {
        None | Some(QualityGroupBy::Agent) => QualityGroup::Agent,
        Some(QualityGroupBy::Team) => QualityGroup::Team,
    };
    let data = exec::read_replica(&state, caller.into_actor(), move |conn, actor| {
        quality_report::build(conn, actor, p.from, p.to, group)
    })
    .await?;
    let report = QualityReport { data };
    let header_row = [
        "group_id",
        "group_name",
        "evaluations",
        "average_score",
        "fatal_failures",
        "disputes",
        "coaching_sessions",
        "open_coaching_actions",
        "overdue_coaching_actions",
    ];
    respond(&req, &report, &header_row, &report.data, |r| {
        vec![
            r.group_id.to_string(),
            r.group_name.clone(),
            r.evaluations.to_string(),
            opt(r.average_score),
            r.fatal_failures.to_string(),
            r.disputes.to_string(),
            r.coaching_sessions.to_string(),
            r.open_coaching_actions.to_string(),
            r.overdue_coaching_actions.to_string(),
        ]
    })
}
