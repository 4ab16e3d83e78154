//! `/v1/reports/*`. Reports answer JSON, or CSV for `Accept: text/csv`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::exec;
use crate::auth::{Caller, ReportReader};
use crate::db::performance::{self, Currencies, PerformanceGroup, PerformanceRow};
use crate::db::reports::{self, AgingRow, CollectionsDay, ForecastWeek};
use crate::domain::debtor::parse_currency;
use crate::error::ApiError;
use crate::state::AppState;

/// The aging report.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"as_of": "2026-11-22T16:00:00Z", "buckets": [{"bucket": "current", "currency": "USD", "count": 3, "balance": 120000, "principal": 110000, "interest": 6000, "fees": 4000, "costs": 0}]}))]
pub struct AgingReport {
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub as_of: DateTime<Utc>,
    /// Per currency present (in code order), all seven buckets in order, zeros included:
    /// money of different currencies is never summed together.
    pub buckets: Vec<AgingRow>,
}

/// The performance report.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{"group_id": 12, "group_name": "Arto Agent", "accounts_worked": 40, "contact_attempts": 120,
    "right_party_contacts": 30, "rpc_rate": 0.25, "promises": 8, "promised_amount": 960000, "promises_kept": 5,
    "promise_kept_rate": 0.625, "collected_amount": 1250000, "target_amount": 5000000, "attainment": 0.25}]}))]
pub struct PerformanceReport {
    pub data: Vec<PerformanceRow>,
}

/// The forecast.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{"week": "2026-W48", "currency": "USD", "week_start": "2026-11-23", "installments": 1250000, "settlements": 300000, "expected_amount": 1550000}]}))]
pub struct ForecastReport {
    pub data: Vec<ForecastWeek>,
}

/// Collections per day.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{"date": "2026-11-20", "currency": "USD", "collected": 1250000, "reversed": 50000, "net": 1200000, "recoveries": 30000}]}))]
pub struct CollectionsReport {
    pub data: Vec<CollectionsDay>,
}

/// Filters of the aging report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgingParams {
    pub team_id: Option<i64>,
    pub portfolio: Option<String>,
}

/// Grouping of the performance report.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Agent,
    Team,
}

/// Range and grouping of the performance report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PerformanceParams {
    /// First day (inclusive).
    pub from: NaiveDate,
    /// Last day (inclusive); at most 366 days after `from`.
    pub to: NaiveDate,
    /// `agent` (default) or `team`.
    pub group_by: Option<GroupBy>,
    /// Only this currency (ISO 4217): then exactly one row per group. Default: a row per
    /// currency each group has money in.
    #[param(
        pattern = "^[A-Z]{3}$",
        min_length = 3,
        max_length = 3,
        example = "USD"
    )]
    pub currency: Option<String>,
}

/// Range of the collections report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeParams {
    /// First day (inclusive).
    pub from: NaiveDate,
    /// Last day (inclusive); at most 366 days after `from`.
    pub to: NaiveDate,
}

/// How far the forecast looks.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ForecastParams {
    /// ISO weeks from the current one, 1 to 52 (default 12).
    #[param(minimum = 1, maximum = 52)]
    pub weeks: Option<u32>,
}

pub(crate) fn check_range(from: NaiveDate, to: NaiveDate) -> Result<(), ApiError> {
    if from > to {
        return Err(ApiError::invalid("from", "must not be after `to`"));
    }
    if (to - from).num_days() > 366 {
        return Err(ApiError::invalid(
            "to",
            "the range may span at most 366 days",
        ));
    }
    Ok(())
}

fn wants_csv(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/csv"))
}

/// The file name a CSV report is saved under: `arrears-<report>.csv`, the report named by the
/// path's last segment (`/v1/reports/aging` → `arrears-aging.csv`).
fn file_name(path: &str) -> String {
    let report: String = path
        .rsplit('/')
        .find(|s| !s.is_empty())
        .unwrap_or("report")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    format!("arrears-{report}.csv")
}

/// JSON, or CSV (header row, one record per line, RFC 4180 quoting, formulas neutralised, saved
/// as `arrears-<report>.csv`) when asked for; either way `Vary: Accept`, so a cache never hands
/// one to a client that asked for the other.
pub(crate) fn respond<T: Serialize>(
    req: &HttpRequest,
    json: &impl Serialize,
    header_row: &[&str],
    rows: &[T],
    record: impl Fn(&T) -> Vec<String>,
) -> Result<HttpResponse, ApiError> {
    let mut res = HttpResponse::Ok();
    res.insert_header((header::VARY, "Accept"));
    if !wants_csv(req) {
        return Ok(res.json(json));
    }
    let body = crate::api::csv::body(header_row, rows.iter().map(record))?;
    let disposition = format!("attachment; filename=\"{}\"", file_name(req.path()));
    Ok(res
        .insert_header((header::CONTENT_DISPOSITION, disposition))
        .content_type("text/csv; charset=utf-8")
        .body(body))
}

pub(crate) fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// Aging of the accounts still in collection (open, in arrangement, disputed, legal) with a
/// balance: count and balance per bucket of days past due. `Accept: text/csv` for CSV.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_aging_report",
    params(AgingParams),
    responses((status = 200, description = "The report", content((AgingReport = "application/json"), (String = "text/csv"))))
)]
#[get("/reports/aging")]
pub async fn get_aging_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    params: web::Query<AgingParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    let actor = caller.into_actor();
    let as_of = actor.now;
    let buckets = exec::read_replica(&state, actor, move |conn, actor| {
        reports::aging(conn, actor, p.team_id, p.portfolio, actor.now.date_naive())
    })
    .await?;
    let report = AgingReport { as_of, buckets };
    respond(
        &req,
        &report,
        &[
            "bucket",
            "currency",
            "count",
            "balance",
            "principal",
            "interest",
            "fees",
            "costs",
        ],
        &report.buckets,
        |b| {
            vec![
                serde_json::to_value(b.bucket)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                b.currency.clone(),
                b.count.to_string(),
                b.balance.to_string(),
                b.principal.to_string(),
                b.interest.to_string(),
                b.fees.to_string(),
                b.costs.to_string(),
            ]
        },
    )
}

/// Performance per agent or team over `[from, to]`; every figure's definition is on
/// `PerformanceRow`. `Accept: text/csv` for CSV.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_performance_report",
    params(PerformanceParams),
    responses((status = 200, description = "The report", content((PerformanceReport = "application/json"), (String = "text/csv"))))
)]
#[get("/reports/performance")]
pub async fn get_performance_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    params: web::Query<PerformanceParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    check_range(p.from, p.to)?;
    let group = match p.group_by {
        Some(GroupBy::Team) => PerformanceGroup::Team,
        _ => PerformanceGroup::Agent,
    };
    let currencies = match p.currency.as_deref() {
        None => Currencies::All,
        Some(c) => {
            Currencies::Only(parse_currency(c).map_err(|m| ApiError::invalid("currency", m))?)
        }
    };
    let data = exec::read_replica(&state, caller.into_actor(), move |conn, actor| {
        performance::performance(conn, actor, (p.from, p.to), group, &currencies)
    })
    .await?;
    let report = PerformanceReport { data };
    let header_row = [
        "group_id",
        "group_name",
        "currency",
        "accounts_worked",
        "contact_attempts",
        "right_party_contacts",
        "rpc_rate",
        "promises",
        "promised_amount",
        "promises_kept",
        "promise_kept_rate",
        "collected_amount",
        "target_amount",
        "attainment",
    ];
    respond(&req, &report, &header_row, &report.data, |r| {
        vec![
            r.group_id.to_string(),
            r.group_name.clone(),
            r.currency.clone().unwrap_or_default(),
            r.accounts_worked.to_string(),
            r.contact_attempts.to_string(),
            r.right_party_contacts.to_string(),
            opt(r.rpc_rate),
            r.promises.to_string(),
            r.promised_amount.to_string(),
            r.promises_kept.to_string(),
            opt(r.promise_kept_rate),
            r.collected_amount.to_string(),
            opt(r.target_amount),
            opt(r.attainment),
        ]
    })
}

/// Expected inflow per ISO week: unpaid parts of active installments and approved settlements
/// falling due that week. `Accept: text/csv` for CSV.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_forecast_report",
    params(ForecastParams),
    responses((status = 200, description = "The report", content((ForecastReport = "application/json"), (String = "text/csv"))))
)]
#[get("/reports/forecast")]
pub async fn get_forecast_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    params: web::Query<ForecastParams>,
) -> Result<HttpResponse, ApiError> {
    let weeks = params.weeks.unwrap_or(12);
    if !(1..=52).contains(&weeks) {
        return Err(ApiError::invalid("weeks", "must be from 1 to 52"));
    }
    let data = exec::read_replica(&state, caller.into_actor(), move |conn, actor| {
        reports::forecast(conn, actor, weeks, actor.now.date_naive())
    })
    .await?;
    let report = ForecastReport { data };
    respond(
        &req,
        &report,
        &[
            "week",
            "currency",
            "week_start",
            "installments",
            "settlements",
            "expected_amount",
        ],
        &report.data,
        |w| {
            vec![
                w.week.clone(),
                w.currency.clone(),
                w.week_start.to_string(),
                w.installments.to_string(),
                w.settlements.to_string(),
                w.expected_amount.to_string(),
            ]
        },
    )
}

/// Collected per day over `[from, to]`: payments received, those later reversed, the net, and
/// recoveries apart. Days without money are omitted. `Accept: text/csv` for CSV.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_collections_report",
    params(RangeParams),
    responses((status = 200, description = "The report", content((CollectionsReport = "application/json"), (String = "text/csv"))))
)]
#[get("/reports/collections")]
pub async fn get_collections_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    params: web::Query<RangeParams>,
) -> Result<HttpResponse, ApiError> {
    let p = params.into_inner();
    check_range(p.from, p.to)?;
    let data = exec::read_replica(&state, caller.into_actor(), move |conn, actor| {
        reports::collections(conn, actor, p.from, p.to)
    })
    .await?;
    let report = CollectionsReport { data };
    respond(
        &req,
        &report,
        &[
            "date",
            "currency",
            "collected",
            "reversed",
            "net",
            "recoveries",
        ],
        &report.data,
        |d| {
            vec![
                d.date.to_string(),
                d.currency.clone(),
                d.collected.to_string(),
                d.reversed.to_string(),
                d.net.to_string(),
                d.recoveries.to_string(),
            ]
        },
    )
}
