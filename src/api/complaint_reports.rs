//! `/v1/reports/complaints` and `/v1/reports/satisfaction`: JSON, or CSV for `Accept: text/csv`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::exec;
use crate::api::reports::{check_range, opt, respond};
use crate::auth::{Caller, ReportReader};
use crate::db::complaint_reports::{
    self, ComplaintReportRow, GroupKey, ReportGroup, SatisfactionReportRow,
};
use crate::error::ApiError;
use crate::state::AppState;

/// Grouping of the complaints report.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintGroupBy {
    Agent,
    Team,
    Category,
    RootCause,
}

/// Range and grouping of the complaints report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintReportParams {
    /// First day (inclusive, UTC).
    pub from: NaiveDate,
    /// Last day (inclusive); at most 366 days after `from`.
    pub to: NaiveDate,
    /// `agent` (default: whom the complaint counts against), `team`, `category` or `root_cause`.
    pub group_by: Option<ComplaintGroupBy>,
}

/// Grouping of the satisfaction report.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SatisfactionGroupBy {
    Agent,
    Team,
}

/// Range and grouping of the satisfaction report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SatisfactionReportParams {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// `agent` (default) or `team`.
    pub group_by: Option<SatisfactionGroupBy>,
}

/// The complaints report.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{"group_id": "wrong_amount", "group_name": "wrong_amount", "received": 4, "closed": 3,
    "open": 2, "overdue": 1, "justified": 1, "justified_rate": 0.3333, "per_1000_accounts_worked": 25.0, "median_days_to_close": 6.5}]}))]
pub struct ComplaintReport {
    pub data: Vec<ComplaintReportRow>,
}

/// The satisfaction report.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{"group_id": 12, "group_name": "Arto Agent", "responses": 9, "average_score": 4.11, "csat": 0.7778}]}))]
pub struct SatisfactionReport {
    pub data: Vec<SatisfactionReportRow>,
}

fn key_text(k: &Option<GroupKey>) -> String {
    match k {
        Some(GroupKey::Id(id)) => id.to_string(),
        Some(GroupKey::Value(v)) => v.clone(),
        None => String::new(),
    }
}

/// Complaints per agent, team, category or root cause over `[from, to]` (team leads: their
/// team; managers, heads, auditors: all); each figure is defined on `ComplaintReportRow`.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_complaint_report",
    params(ComplaintReportParams),
    responses((status = 200, description = "The report", content((ComplaintReport = "application/json"), (String = "text/csv"))))
)]
#[get("/reports/complaints")]
pub async fn get_complaint_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    params: web::Query<ComplaintReportParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    check_range(p.from, p.to)?;
    let group = match p.group_by {
        None | Some(ComplaintGroupBy::Agent) => ReportGroup::Agent,
        Some(ComplaintGroupBy::Team) => ReportGroup::Team,
        Some(ComplaintGroupBy::Category) => ReportGroup::Category,
        Some(ComplaintGroupBy::RootCause) => ReportGroup::RootCause,
    };
    let data = exec::read_replica(&state, caller.into_actor(), move |conn, actor| {
        complaint_reports::complaints(conn, actor, p.from, p.to, group)
    })
    .await?;
    let report = ComplaintReport { data };
    let header_row = [
        "group_id",
        "group_name",
        "received",
        "closed",
        "open",
        "overdue",
        "justified",
        "justified_rate",
        "per_1000_accounts_worked",
        "median_days_to_close",
    ];
    respond(&req, &report, &header_row, &report.data, |r| {
        vec![
            key_text(&r.group_id),
            r.group_name.clone(),
            r.received.to_string(),
            r.closed.to_string(),
            r.open.to_string(),
            r.overdue.to_string(),
            r.justified.to_string(),
            opt(r.justified_rate),
            opt(r.per_1000_accounts_worked),
            opt(r.median_days_to_close),
        ]
    })
}

/// Satisfaction survey answers per agent or team over `[from, to]`: responses, average score,
/// CSAT (share of 4s and 5s).
#[utoipa::path(
    tag = "reports",
    operation_id = "get_satisfaction_report",
    params(SatisfactionReportParams),
    responses((status = 200, description = "The report", content((SatisfactionReport = "application/json"), (String = "text/csv"))))
)]
#[get("/reports/satisfaction")]
pub async fn get_satisfaction_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    params: web::Query<SatisfactionReportParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    check_range(p.from, p.to)?;
    let group = match p.group_by {
        Some(SatisfactionGroupBy::Team) => ReportGroup::Team,
        _ => ReportGroup::Agent,
    };
    let data = exec::read_replica(&state, caller.into_actor(), move |conn, actor| {
        complaint_reports::satisfaction(conn, actor, p.from, p.to, group)
    })
    .await?;
    let report = SatisfactionReport { data };
    let header_row = [
        "group_id",
        "group_name",
        "responses",
        "average_score",
        "csat",
    ];
    respond(&req, &report, &header_row, &report.data, |r| {
        vec![
            key_text(&r.group_id),
            r.group_name.clone(),
            r.responses.to_string(),
            opt(r.average_score),
            opt(r.csat),
        ]
    })
}
