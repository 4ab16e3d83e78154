//! The agent scorecard as a printable one-page sheet: `templates/scorecard.html` filled with the
//! agent's figures beside the team's average, and one inline SVG chart of the rates.

use minijinja::{Environment, Value, context};
use serde_json::json;

use super::charts::bars;
use crate::domain::scorecard::{Scorecard, TeamFigures};
use crate::domain::summary::money;
use crate::error::ApiError;

const TEMPLATE: &str = include_str!("../../templates/scorecard.html");

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |r| format!("{:.1} %", r * 100.0))
}

fn number(v: Option<f64>, decimals: usize) -> String {
    v.map_or_else(|| "–".to_owned(), |x| format!("{x:.decimals$}"))
}

/// The page for `card`.
pub fn render(card: &Scorecard) -> Result<String, ApiError> {
    let mut env = Environment::new();
    env.add_template("scorecard.html", TEMPLATE)
        .map_err(|e| ApiError::Internal(format!("the scorecard template: {e}")))?;
    let template = env
        .get_template("scorecard.html")
        .map_err(|e| ApiError::Internal(format!("the scorecard template: {e}")))?;
    template
        .render(context! {
            name => card.subject.name,
            team => card.subject.team_name,
            period => card.subject.period,
            currency => card.subject.currency,
            rows => Value::from_serialize(rows(card)),
            chart => Value::from_safe_string(chart(card)),
        })
        .map_err(|e| ApiError::Internal(format!("rendering the scorecard: {e}")))
}

/// A figure's label, the agent's value and the team's.
type Line = (&'static str, String, String);

fn rows(card: &Scorecard) -> Vec<serde_json::Value> {
    performance_lines(card)
        .into_iter()
        .chain(quality_lines(card))
        .map(|(label, agent, team)| json!({"label": label, "agent": agent, "team": team}))
        .collect()
}

fn performance_lines(card: &Scorecard) -> Vec<Line> {
    let a = &card.figures;
    let t = card.subject.team.as_ref();
    let team = |f: &dyn Fn(&TeamFigures) -> String| t.map_or_else(|| "–".to_owned(), f);
    let count = |v: f64| format!("{v:.2}");
    vec![
        (
            "Collected",
            money(a.collected_amount),
            team(&|t| money(t.collected_amount)),
        ),
        (
            "Target",
            a.target_amount.map_or("–".into(), money),
            team(&|t| t.target_amount.map_or("–".into(), money)),
        ),
        (
            "Attainment",
            pct(a.attainment),
            team(&|t| pct(t.attainment)),
        ),
        (
            "Contact attempts",
            a.contact_attempts.to_string(),
            team(&|t| count(t.contact_attempts)),
        ),
        (
            "Right-party contact rate",
            pct(a.rpc_rate),
            team(&|t| pct(t.rpc_rate)),
        ),
        (
            "Promises",
            a.promises.to_string(),
            team(&|t| count(t.promises)),
        ),
        (
            "Promise kept rate",
            pct(a.promise_kept_rate),
            team(&|t| pct(t.promise_kept_rate)),
        ),
    ]
}

fn quality_lines(card: &Scorecard) -> Vec<Line> {
    let a = &card.figures;
    let t = card.subject.team.as_ref();
    let team = |f: &dyn Fn(&TeamFigures) -> String| t.map_or_else(|| "–".to_owned(), f);
    let count = |v: f64| format!("{v:.2}");
    vec![
        (
            "Evaluations",
            a.evaluations.to_string(),
            team(&|t| count(t.evaluations)),
        ),
        (
            "Average quality score",
            number(a.average_score, 1),
            team(&|t| number(t.average_score, 1)),
        ),
        (
            "Fatal failures",
            a.fatal_failures.to_string(),
            team(&|t| count(t.fatal_failures)),
        ),
        (
            "Complaints against",
            a.complaints_against.to_string(),
            team(&|t| count(t.complaints_against)),
        ),
        (
            "Complaints justified",
            a.complaints_justified.to_string(),
            team(&|t| count(t.complaints_justified)),
        ),
        (
            "Average satisfaction (1–5)",
            number(a.average_satisfaction, 2),
            team(&|t| number(t.average_satisfaction, 2)),
        ),
        (
            "Open coaching actions",
            a.open_coaching_actions.to_string(),
            team(&|t| count(t.open_coaching_actions)),
        ),
    ]
}

/// The rates in percent: the team's average light, the agent dark.
fn chart(card: &Scorecard) -> String {
    let a = &card.figures;
    let labels: Vec<String> = [
        "Attainment",
        "RPC rate",
        "Kept rate",
        "Quality",
        "Satisfaction",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let of = |attainment: Option<f64>,
              rpc: Option<f64>,
              kept: Option<f64>,
              score: Option<f64>,
              csat: Option<f64>| {
        vec![
            attainment.unwrap_or(0.0) * 100.0,
            rpc.unwrap_or(0.0) * 100.0,
            kept.unwrap_or(0.0) * 100.0,
            score.unwrap_or(0.0),
            csat.unwrap_or(0.0) * 20.0,
        ]
    };
    let agent = of(
        a.attainment,
        a.rpc_rate,
        a.promise_kept_rate,
        a.average_score,
        a.average_satisfaction,
    );
    let team = card.subject.team.as_ref().map_or_else(
        || vec![0.0; labels.len()],
        |t| {
            of(
                t.attainment,
                t.rpc_rate,
                t.promise_kept_rate,
                t.average_score,
                t.average_satisfaction,
            )
        },
    );
    bars(
        "Agent against the team's average, in percent",
        &labels,
        &team,
        Some(&agent),
        &|v| format!("{v:.0} %"),
    )
}
