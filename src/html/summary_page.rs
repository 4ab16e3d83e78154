//! The management report as a printable page: the template `templates/summary.html` filled with
//! the report's figures (money and rates formatted here) and three inline SVG charts.

use minijinja::{Environment, Value, context};
use serde_json::json;

use super::charts::{bars, collected_against_target};
use crate::domain::summary::money;
use crate::domain::summary_document::Summary;
use crate::error::ApiError;

const TEMPLATE: &str = include_str!("../../templates/summary.html");

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |r| format!("{:.1} %", r * 100.0))
}

fn amount(v: Option<i128>) -> String {
    v.map_or_else(|| "–".to_owned(), money)
}

fn signed(v: i128) -> String {
    if v > 0 {
        format!("+{}", money(v))
    } else {
        money(v)
    }
}

/// Axis labels: whole currency units.
fn units(v: f64) -> String {
    money((v / 100.0).round() as i128 * 100)
        .trim_end_matches(".00")
        .to_owned()
}

/// The page for `report`; `scope` names the team or "All teams".
pub fn render(report: &Summary, scope: &str) -> Result<String, ApiError> {
    let mut env = Environment::new();
    env.add_template("summary.html", TEMPLATE)
        .map_err(|e| ApiError::Internal(format!("the summary template: {e}")))?;
    let template = env
        .get_template("summary.html")
        .map_err(|e| ApiError::Internal(format!("the summary template: {e}")))?;
    template
        .render(page_context(report, scope))
        .map_err(|e| ApiError::Internal(format!("rendering the summary: {e}")))
}

fn page_context(r: &Summary, scope: &str) -> Value {
    let c = &r.collected;
    let e = &r.expected_income;
    context! {
        label => r.label,
        scope => scope,
        start => r.start.to_string(),
        end => r.end.to_string(),
        currency => r.currency,
        narrative => r.narrative,
        collected => money(c.amount),
        target => amount(c.target),
        attainment => pct(c.attainment),
        previous => money(c.previous_amount),
        expected_period => e.period,
        expected_installments => money(e.installments),
        expected_settlements => money(e.settlements),
        expected_scheduled => money(e.scheduled),
        expected_weighted => amount(e.weighted),
        kept_rate_90 => pct(e.kept_rate),
        rpc_rate => pct(r.contacts.rpc_rate),
        rpc => r.contacts.right_party_contacts,
        attempts => r.contacts.attempts,
        collected_chart => Value::from_safe_string(collected_chart(r)),
        aging_chart => Value::from_safe_string(aging_chart(r)),
        roll_chart => Value::from_safe_string(roll_chart(r)),
        aging => Value::from_serialize(tables(r).0),
        rolls => Value::from_serialize(tables(r).1),
        promises => Value::from_serialize(json!({"made": r.promises.made, "due": r.promises.due,
            "kept": r.promises.kept, "broken": r.promises.broken, "rate": pct(r.promises.kept_rate)})),
        complaints => Value::from_serialize(json!({"received": r.complaints.received,
            "closed": r.complaints.closed, "open": r.complaints.open, "overdue": r.complaints.overdue,
            "justified": r.complaints.justified,
            "median": r.complaints.median_days_to_close.map_or("–".to_owned(), |d| format!("{d:.1}"))})),
        satisfaction => Value::from_serialize(json!({"responses": r.satisfaction.responses,
            "average": r.satisfaction.average_score.map_or("–".to_owned(), |v| format!("{v:.2}")),
            "csat": pct(r.satisfaction.csat)})),
        agents => Value::from_serialize(agents(r)),
    }
}

fn tables(r: &Summary) -> (Vec<serde_json::Value>, Vec<serde_json::Value>) {
    let aging = r
        .aging
        .iter()
        .map(|b| {
            json!({"bucket": b.bucket.as_str(), "count": b.count,
                "count_change": if b.count_change > 0 { format!("+{}", b.count_change) } else { b.count_change.to_string() },
                "balance": money(b.balance), "balance_change": signed(b.balance_change)})
        })
        .collect();
    let rolls = r
        .roll_rates
        .iter()
        .map(|x| json!({"bucket": x.bucket.as_str(), "accounts": x.accounts, "rolled": x.rolled, "rate": pct(x.roll_rate)}))
        .collect();
    (aging, rolls)
}

fn agents(r: &Summary) -> Vec<serde_json::Value> {
    r.agents
        .iter()
        .map(|a| {
            json!({"name": a.name, "collected": money(a.collected), "target": amount(a.target),
                "attainment": pct(a.attainment), "rpc_rate": pct(a.rpc_rate), "kept_rate": pct(a.kept_rate),
                "quality": a.quality_average.map_or("–".to_owned(), |q| format!("{q:.1}")),
                "complaints": a.complaints})
        })
        .collect()
}

fn collected_chart(r: &Summary) -> String {
    let labels: Vec<String> = r
        .collected
        .per_day
        .iter()
        .map(|d| d.date.format("%d %b").to_string())
        .collect();
    let values: Vec<f64> = r
        .collected
        .per_day
        .iter()
        .map(|d| d.amount as f64)
        .collect();
    let target = r.collected.target.map(|t| t as f64);
    collected_against_target(&labels, &values, target, &units)
}

fn aging_chart(r: &Summary) -> String {
    let labels: Vec<String> = r
        .aging
        .iter()
        .map(|b| b.bucket.as_str().to_owned())
        .collect();
    let start: Vec<f64> = r.aging.iter().map(|b| b.balance_at_start as f64).collect();
    let end: Vec<f64> = r.aging.iter().map(|b| b.balance as f64).collect();
    bars(
        "Aging balance at start and end",
        &labels,
        &start,
        Some(&end),
        &units,
    )
}

fn roll_chart(r: &Summary) -> String {
    let labels: Vec<String> = r
        .roll_rates
        .iter()
        .map(|x| x.bucket.as_str().to_owned())
        .collect();
    let rates: Vec<f64> = r
        .roll_rates
        .iter()
        .map(|x| x.roll_rate.unwrap_or(0.0) * 100.0)
        .collect();
    bars("Roll rate per bucket", &labels, &rates, None, &|v| {
        format!("{v:.0} %")
    })
}
