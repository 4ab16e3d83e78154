//! `/v1/reports/strategy`: champion against challenger, JSON or CSV.

use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::api::exec;
use crate::api::reports::{check_range, opt, respond};
use crate::auth::{Caller, ReportReader};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::strategy::{self, StrategyReport};

/// The strategy and the days of the report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StrategyReportParams {
    /// The strategy (default: the active one).
    pub strategy_id: Option<i64>,
    /// First day (inclusive, UTC).
    pub from: NaiveDate,
    /// Last day (inclusive); at most 366 days after `from`.
    pub to: NaiveDate,
}

/// The strategy's figures per segment, arm and currency over `[from, to]`, attributed to the
/// segment and arm each account was in when it happened (a *stay*: one segment entry of an
/// account, overlapping the days), and the challenger compared with the champion: each pair of
/// segments with equal criteria, and the whole arms (`overall`).
///
/// A comparison's `difference` is the challenger's mean per-stay liquidation (collected ÷
/// balance at entry) minus the champion's; its 95 % interval is Welch's: se = √(s²₁/n₁ +
/// s²₂/n₂), ν by Welch–Satterthwaite, difference ± t(0.975, ν) × se; `significant` when the
/// interval excludes 0. Liquidation is a rate, so comparisons pool currencies; money is summed
/// only within a currency's row. Team leads see their team's accounts. CSV (`Accept: text/csv`)
/// holds the rows; the comparisons are in the JSON.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_strategy_report",
    params(StrategyReportParams),
    responses((status = 200, description = "The report", content((StrategyReport = "application/json"), (String = "text/csv"))),
        (status = 404, description = "No strategy has this `strategy_id`"))
)]
#[get("/reports/strategy")]
pub async fn get_strategy_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    params: web::Query<StrategyReportParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    check_range(p.from, p.to)?;
    let report = exec::read_replica(&state, caller.into_actor(), move |conn, actor| {
        strategy::report(conn, actor, p.strategy_id, p.from, p.to)
    })
    .await?;
    let header_row = [
        "segment",
        "arm",
        "currency",
        "accounts",
        "balance_at_entry",
        "collected_amount",
        "liquidation_rate",
        "rpc_rate",
        "promise_kept_rate",
        "cure_rate",
    ];
    respond(&req, &report, &header_row, &report.data, |r| {
        vec![
            r.segment.clone(),
            r.arm.as_str().to_owned(),
            r.currency.clone(),
            r.accounts.to_string(),
            r.balance_at_entry.to_string(),
            r.collected_amount.to_string(),
            opt(r.liquidation_rate),
            opt(r.rpc_rate),
            opt(r.promise_kept_rate),
            opt(r.cure_rate),
        ]
    })
}
