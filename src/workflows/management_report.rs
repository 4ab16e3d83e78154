//! The management report (`GET /v1/reports/summary`): one document for a day, ISO week or
//! month, for one team or all, in one currency, put together from grouped queries (collections,
//! targets, scheduled money, promises, the contact rollup, the accounts' standing at the period's
//! start and end, complaints and satisfaction) and told in a few sentences.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::actor::Actor;
use crate::db::performance::{self, PerformanceGroup};
use crate::db::summary::{self, SummaryScope};
use crate::db::targets::agents_in_scope;
use crate::db::{Conn, complaint_reports, summary_aging};
use crate::domain::aging_history::{aging_changes, rolled};
use crate::domain::report::{periods, rate};
use crate::domain::summary::{
    Period, PeriodKind, StoryFacts, narrative, prorated_target, roll_rates,
};
use crate::error::ApiError;

pub use crate::domain::summary_document::*;

/// What is asked.
#[derive(Debug, Clone)]
pub struct SummaryAsk {
    pub kind: PeriodKind,
    pub date: NaiveDate,
    pub team_id: Option<i64>,
    pub currency: Option<String>,
}

/// The report for `ask`, in the caller's reporting scope (a team lead: their team only).
pub fn build(conn: &mut Conn, actor: &Actor, ask: SummaryAsk) -> Result<Summary, ApiError> {
    let team_id = match (actor.role, actor.team_id, ask.team_id) {
        (crate::domain::role::Role::TeamLead, Some(own), None) => Some(own),
        (crate::domain::role::Role::TeamLead, Some(own), Some(asked)) if asked != own => {
            return Err(ApiError::not_found("team"));
        }
        (_, _, asked) => asked,
    };
    if let Some(team) = team_id {
        crate::db::teams::find(conn, team)?;
    }
    let currency = currency_of(conn, team_id, ask.currency)?;
    let scope = SummaryScope { team_id, currency };
    let period = Period::containing(ask.kind, ask.date);
    let collected = collected(conn, &scope, &period)?;
    let agents = agents(conn, actor, &scope, &period)?;
    let standings = summary_aging::standings(conn, &scope, period.start, period.end)?;
    let aging = aging_changes(&standings, &period);
    let rolls = roll_rates(&rolled(&standings, &period));
    let window = complaint_reports::window(period.start, period.last_day(), actor);
    let (complaints, satisfaction) = complaint_reports::totals(conn, team_id, window)?;
    let contacts = contacts(&agents);
    let story = StoryFacts {
        period_label: period.label(),
        currency: scope.currency.clone(),
        collected: collected.amount,
        target: collected.target,
        previous: collected.previous_amount,
        largest_roll: rolls
            .iter()
            .filter_map(|r| r.roll_rate.map(|v| (r.bucket, v)))
            .max_by(|a, b| a.1.total_cmp(&b.1)),
        overdue_complaints: complaints.overdue,
        best_agent: agents
            .first()
            .and_then(|a| a.attainment.map(|v| (a.name.clone(), v))),
        weakest_agent: agents
            .iter()
            .rev()
            .find_map(|a| a.attainment.map(|v| (a.name.clone(), v))),
    };
    Ok(Summary {
        period: ask.kind,
        label: period.label(),
        start: period.start,
        end: period.last_day(),
        team_id,
        currency: scope.currency.clone(),
        expected_income: expected(conn, &scope, &period, actor.now.date_naive())?,
        promises: promises(conn, &scope, &period)?,
        narrative: narrative(&story),
        collected,
        contacts,
        aging,
        roll_rates: rolls,
        complaints: complaints.into(),
        satisfaction: satisfaction.into(),
        agents,
    })
}

/// The asked currency, else the only one in scope (422 `currency-required` when several).
pub fn currency_of(
    conn: &mut Conn,
    team_id: Option<i64>,
    asked: Option<String>,
) -> Result<String, ApiError> {
    if let Some(c) = asked {
        return Ok(c);
    }
    let mut found = summary::currencies(conn, team_id)?;
    match found.len() {
        0 => Ok("USD".into()),
        1 => Ok(found.remove(0)),
        _ => Err(ApiError::Unprocessable {
            slug: "currency-required",
            detail: format!(
                "the accounts in scope are in {}; name one with `currency`",
                found.join(", ")
            ),
        }),
    }
}

fn collected(conn: &mut Conn, s: &SummaryScope, p: &Period) -> Result<Collected, ApiError> {
    let per_day = summary::collected_per_day(conn, s, p.start, p.end)?;
    let previous = p.previous();
    let before = summary::collected_per_day(conn, s, previous.start, previous.end)?;
    let amount: i128 = per_day.values().sum();
    let months = periods(p.start, p.last_day());
    let targets = summary::targets(conn, "team", &months, &s.currency)?;
    let monthly: Vec<(NaiveDate, i128)> = targets
        .into_iter()
        .filter(|(team, _)| s.team_id.is_none_or(|t| t == *team))
        .flat_map(|(_, v)| v)
        .collect();
    let target = prorated_target(p, &monthly);
    Ok(Collected {
        amount,
        target,
        attainment: target.and_then(|t| rate(amount, t)),
        previous_amount: before.values().sum(),
        per_day: p
            .each_day()
            .map(|date| DayAmount {
                date,
                amount: per_day.get(&date).copied().unwrap_or(0),
            })
            .collect(),
    })
}

fn expected(
    conn: &mut Conn,
    s: &SummaryScope,
    p: &Period,
    today: NaiveDate,
) -> Result<ExpectedIncome, ApiError> {
    let next = p.next();
    let due = summary::scheduled(conn, s, next.start, next.end)?;
    let kept = summary::installments_kept(conn, s, today - chrono::Days::new(90), today, false)?;
    let scheduled = due.installments + due.settlements;
    let kept_rate = kept.rate();
    Ok(ExpectedIncome {
        period: next.label(),
        installments: due.installments,
        settlements: due.settlements,
        scheduled,
        kept_rate,
        weighted: kept_rate.map(|r| weigh(scheduled, r)),
    })
}

/// `amount × rate`, the rate taken at its 4 decimals, rounded half up.
fn weigh(amount: i128, rate: f64) -> i128 {
    let basis = (rate * 10_000.0).round() as i128;
    (amount * basis * 2 + 10_000) / 20_000
}

fn promises(conn: &mut Conn, s: &SummaryScope, p: &Period) -> Result<Promises, ApiError> {
    let made = summary::promises_made_broken(conn, s, p.start, p.end)?;
    let kept = summary::installments_kept(conn, s, p.start, p.end, true)?;
    Ok(Promises {
        made: made.made,
        due: kept.due,
        kept: kept.kept,
        broken: made.broken,
        kept_rate: kept.rate(),
    })
}

fn agents(
    conn: &mut Conn,
    actor: &Actor,
    s: &SummaryScope,
    p: &Period,
) -> Result<Vec<AgentSummary>, ApiError> {
    let covered: Vec<_> = agents_in_scope(conn, actor)?
        .into_iter()
        .filter(|a| s.team_id.is_none_or(|t| a.team_id == Some(t)))
        .collect();
    let perf: HashMap<i64, performance::PerformanceRow> = performance::performance(
        conn,
        actor,
        (p.start, p.last_day()),
        PerformanceGroup::Agent,
        &performance::Currencies::Only(s.currency.clone()),
    )?
    .into_iter()
    .map(|r| (r.group_id, r))
    .collect();
    let money = summary::collected_per_agent(conn, s, p.start, p.end)?;
    let targets = summary::targets(conn, "agent", &periods(p.start, p.last_day()), &s.currency)?;
    let window = complaint_reports::window(p.start, p.last_day(), actor);
    let complaints = complaint_reports::received_per_agent(conn, s.team_id, window)?;
    let quality = crate::workflows::quality_report::averages_per_agent(
        conn,
        actor,
        s.team_id,
        p.start,
        p.last_day(),
    )?;
    let mut rows: Vec<AgentSummary> = covered
        .into_iter()
        .map(|a| {
            let collected = money.get(&a.id).copied().unwrap_or(0);
            let target = targets.get(&a.id).and_then(|m| prorated_target(p, m));
            let row = perf.get(&a.id);
            AgentSummary {
                agent_id: a.id,
                name: a.name,
                collected,
                target,
                attainment: target.and_then(|t| rate(collected, t)),
                attempts: row.map_or(0, |r| r.contact_attempts),
                right_party_contacts: row.map_or(0, |r| r.right_party_contacts),
                rpc_rate: row.and_then(|r| r.rpc_rate),
                kept_rate: row.and_then(|r| r.promise_kept_rate),
                quality_average: quality.get(&a.id).copied(),
                complaints: complaints.get(&a.id).copied().unwrap_or(0),
            }
        })
        .collect();
    rows.sort_by(|x, y| {
        let key = |r: &AgentSummary| r.attainment.unwrap_or(-1.0);
        key(y)
            .total_cmp(&key(x))
            .then(y.collected.cmp(&x.collected))
            .then(x.agent_id.cmp(&y.agent_id))
    });
    Ok(rows)
}

fn contacts(agents: &[AgentSummary]) -> Contacts {
    let attempts: i64 = agents.iter().map(|a| a.attempts).sum();
    let rpc: i64 = agents.iter().map(|a| a.right_party_contacts).sum();
    Contacts {
        attempts,
        right_party_contacts: rpc,
        rpc_rate: rate(rpc.into(), attempts.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent(attempts: i64, rpc: i64) -> AgentSummary {
        AgentSummary {
            agent_id: 1,
            name: "A".into(),
            collected: 0,
            target: None,
            attainment: None,
            attempts,
            right_party_contacts: rpc,
            rpc_rate: None,
            kept_rate: None,
            quality_average: None,
            complaints: 0,
        }
    }

    #[test]
    fn expected_income_is_weighted_at_four_decimals() {
        assert_eq!(weigh(40_000, 0.8), 32_000);
        assert_eq!(weigh(3, 0.5), 2); // 1.5 rounds half up
        assert_eq!(weigh(10_000, 0.3333), 3_333);
        assert_eq!(weigh(0, 1.0), 0);
    }

    #[test]
    fn contacts_add_up_over_the_agents() {
        let c = contacts(&[agent(10, 3), agent(30, 7)]);
        assert_eq!(
            (c.attempts, c.right_party_contacts, c.rpc_rate),
            (40, 10, Some(0.25))
        );
        assert_eq!(contacts(&[]).rpc_rate, None);
    }
}
