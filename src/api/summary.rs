//! `GET /v1/reports/summary`: the management report, as JSON or as a printable HTML page.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::api::exec;
use crate::auth::{Caller, ReportReader};
use crate::domain::summary::PeriodKind;
use crate::domain::summary_document::Summary;
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::management_report::{self, SummaryAsk};

/// What the report covers.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryParams {
    /// `day` (UTC), `week` (ISO, Monday to Sunday) or `month` (default).
    pub period: Option<PeriodKind>,
    /// A day in the period (default today, UTC).
    pub date: Option<NaiveDate>,
    /// One team (a team lead: their own, the default for them; another → 404).
    pub team_id: Option<i64>,
    /// ISO 4217 code; default the only currency in scope (several → 422 `currency-required`).
    pub currency: Option<String>,
}

fn wants_html(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// The management report for a day, ISO week or month, whole or one team (team leads: their
/// team; managers, heads, auditors: any), in one currency. Sections: `collected` (against the
/// teams' targets prorated by days, and the previous period), `expected_income` (the next
/// period's scheduled money, and the same weighted by the last 90 days' kept rate), `promises`,
/// `contacts`, `aging` (at the end, and the change since the start: each account's status at an
/// instant comes from the status history kept with every move, its balance from its ledger
/// entries before it, its bucket from `delinquent_since`), `roll_rates`, `complaints`,
/// `satisfaction`, `agents` (best first) and a `narrative`; each figure is defined on its schema.
/// `Accept: text/html` answers one self-contained printable page (A4 or Letter): no script, no
/// external asset, inline CSS and SVG charts.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_summary_report",
    params(SummaryParams),
    responses(
        (status = 200, description = "The report", content((Summary = "application/json"), (String = "text/html"))),
        (status = 404, description = "A team that does not exist, or another team's for a team lead (`not-found`)"),
        (status = 422, description = "Accounts in several currencies and none named (`currency-required`)"),
    )
)]
#[get("/reports/summary")]
pub async fn get_summary_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<ReportReader>,
    params: web::Query<SummaryParams>,
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
    let today = actor.now.date_naive();
    let date = match p.date {
        Some(d) => crate::api::dates::check(d, today).map_err(|m| ApiError::invalid("date", m))?,
        None => today,
    };
    let ask = SummaryAsk {
        kind: p.period.unwrap_or(PeriodKind::Month),
        date,
        team_id: p.team_id,
        currency: p.currency,
    };
    let html = wants_html(&req);
    let (report, scope): (Summary, String) =
        exec::read_replica(&state, actor, move |conn, actor| {
            let report = management_report::build(conn, actor, ask)?;
            let scope = match report.team_id {
                Some(team) => crate::db::teams::find(conn, team)?.name,
                None => "All teams".to_owned(),
            };
            Ok((report, scope))
        })
        .await?;
    if html {
        let page = crate::html::summary_page::render(&report, &scope)?;
        return Ok(HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(page));
    }
    Ok(HttpResponse::Ok().json(&report))
}
