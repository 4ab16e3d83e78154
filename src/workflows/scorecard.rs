//! The agent scorecard for one-to-ones: a month of the agent's performance (from the contact
//! rollup, promises, payments and targets), quality, complaints, satisfaction and coaching, with
//! the team's average agent beside it. Grouped queries over the team's agents, never a scan of
//! contacts or a query per agent.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::actor::Actor;
use crate::db::performance::{self, PerformanceRow};
use crate::db::quality_report::{self, QualityFacts, QualityFilter, QualityWindow};
use crate::db::scorecard::{self as facts_db, ComplaintsAgainst, Satisfaction};
use crate::db::summary::{self, SummaryScope};
use crate::db::targets::CoveredAgent;
use crate::db::{Conn, teams, users};
use crate::domain::report::rate;
use crate::domain::role::Role;
use crate::domain::scorecard::{AgentFigures, Scorecard, ScorecardSubject, team_average};
use crate::error::ApiError;
use crate::workflows::management_report::currency_of;

/// What is asked.
#[derive(Debug, Clone)]
pub struct ScorecardAsk {
    pub agent_id: i64,
    /// The month's first day.
    pub month: NaiveDate,
    pub currency: Option<String>,
}

/// Everything read for the agent and their team, per agent.
struct Facts {
    performance: HashMap<i64, PerformanceRow>,
    collected: HashMap<i64, i128>,
    targets: HashMap<i64, i128>,
    quality: HashMap<i64, QualityFacts>,
    complaints: HashMap<i64, ComplaintsAgainst>,
    satisfaction: HashMap<i64, Satisfaction>,
}

impl Facts {
    fn figures(&self, agent: i64) -> AgentFigures {
        let perf = self.performance.get(&agent);
        let collected = self.collected.get(&agent).copied().unwrap_or(0);
        let target = self.targets.get(&agent).copied();
        let quality = self.quality.get(&agent).copied().unwrap_or_default();
        let complaints = self.complaints.get(&agent).copied().unwrap_or_default();
        AgentFigures {
            collected_amount: collected,
            target_amount: target,
            attainment: target.and_then(|t| rate(collected, t)),
            contact_attempts: perf.map_or(0, |p| p.contact_attempts),
            rpc_rate: perf.and_then(|p| p.rpc_rate),
            promises: perf.map_or(0, |p| p.promises),
            promise_kept_rate: perf.and_then(|p| p.promise_kept_rate),
            evaluations: quality.evaluations,
            average_score: quality.average_score(),
            fatal_failures: quality.fatal_failures,
            complaints_against: complaints.received,
            complaints_justified: complaints.justified,
            average_satisfaction: self
                .satisfaction
                .get(&agent)
                .and_then(Satisfaction::average),
            open_coaching_actions: quality.open_actions,
        }
    }
}

/// The scorecard of `ask.agent_id` (the agent themself, their team lead, managers, heads and
/// auditors; 404 for anyone else's agent, 403 for admins).
pub fn build(conn: &mut Conn, actor: &Actor, ask: ScorecardAsk) -> Result<Scorecard, ApiError> {
    if actor.role == Role::Admin {
        return Err(ApiError::forbidden(
            "insufficient-role",
            "scorecards are for the agent, their team lead, managers, heads and auditors",
        ));
    }
    let user = users::find_visible(conn, actor, ask.agent_id)?;
    let me = CoveredAgent {
        id: user.id,
        name: user.name.clone(),
        team_id: user.team_id,
    };
    let team = match user.team_id {
        Some(t) => facts_db::team_agents(conn, t)?,
        None => Vec::new(),
    };
    let mut members = team.clone();
    if !members.iter().any(|m| m.id == me.id) {
        members.push(me);
    }
    let currency = currency_of(conn, user.team_id, ask.currency)?;
    let from = ask.month;
    let to = from + chrono::Months::new(1) - chrono::Days::new(1);
    let facts = load(conn, actor, &members, &currency, from, to)?;
    let team_figures: Vec<AgentFigures> = team.iter().map(|m| facts.figures(m.id)).collect();
    let subject = ScorecardSubject {
        agent_id: user.id,
        name: user.name,
        team_name: match user.team_id {
            Some(t) => Some(teams::find(conn, t)?.name),
            None => None,
        },
        team_id: user.team_id,
        period: from.format("%Y-%m").to_string(),
        currency,
        team: user.team_id.map(|_| team_average(&team_figures)),
    };
    Ok(Scorecard {
        subject,
        figures: facts.figures(user.id),
    })
}

fn load(
    conn: &mut Conn,
    actor: &Actor,
    members: &[CoveredAgent],
    currency: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Facts, ApiError> {
    let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
    let money_scope = SummaryScope {
        team_id: None,
        currency: currency.to_owned(),
    };
    let month = from.format("%Y-%m").to_string();
    let window = QualityWindow {
        from,
        to,
        as_of: to.min(actor.now.date_naive()),
    };
    let filter = QualityFilter {
        team_id: None,
        agents: Some(ids.clone()),
    };
    let mut quality: HashMap<i64, QualityFacts> = HashMap::new();
    for (whom, f) in quality_report::facts(conn, &filter, window)? {
        quality.entry(whom.agent_id).or_default().add(&f);
    }
    Ok(Facts {
        performance: performance::agent_rows(conn, members, from, to, currency)?
            .into_iter()
            .map(|r| (r.group_id, r))
            .collect(),
        collected: summary::collected_per_agent(
            conn,
            &money_scope,
            from,
            to + chrono::Days::new(1),
        )?,
        targets: summary::targets(conn, "agent", &[month], currency)?
            .into_iter()
            .map(|(agent, months)| (agent, months.iter().map(|m| m.1).sum()))
            .collect(),
        quality,
        complaints: facts_db::complaints_against(conn, &ids, from, to)?,
        satisfaction: facts_db::satisfaction(conn, &ids, from, to)?,
    })
}
