//! The performance report: per agent or team, contacts from the agent-activity rollup, promises,
//! collections and targets, each one grouped query (never a query per agent).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::dsl::{count, count_star};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::{
    arrangements as ar, contacts as c, installments as ins, payments as p, targets as t,
    teams as tm, users as u,
};
use super::sums::{money_sum, sum, total};
use super::targets::{CoveredAgent, agents_in_scope};
use super::{Conn, activity, to_db_time};
use crate::actor::Actor;
use crate::domain::report::{periods, rate};
use crate::error::ApiError;

/// How the report groups its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerformanceGroup {
    Agent,
    Team,
}

/// Performance of one agent or team over a period. Definitions (period `[from, to]`, UTC dates):
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[schema(example = json!({"group_id": 12, "group_name": "Arto Agent", "accounts_worked": 40, "contact_attempts": 120,
    "right_party_contacts": 30, "rpc_rate": 0.25, "promises": 8, "promised_amount": 960000, "promises_kept": 5,
    "promise_kept_rate": 0.625, "collected_amount": 1250000, "target_amount": 5000000, "attainment": 0.25}))]
pub struct PerformanceRow {
    /// The agent's or team's id.
    pub group_id: i64,
    pub group_name: String,
    /// Distinct accounts with at least one contact logged by the group in the period: for a
    /// team, an account two of its agents worked counts once.
    pub accounts_worked: i64,
    /// Outbound phone contacts (every attempt, voicemails and no-answers included).
    pub contact_attempts: i64,
    /// Outbound phone contacts that were conversations with the debtor.
    pub right_party_contacts: i64,
    /// `right_party_contacts ÷ contact_attempts` (4 decimals; null without attempts).
    pub rpc_rate: Option<f64>,
    /// Promise-to-pay arrangements the group set up in the period.
    pub promises: i64,
    /// Their total (minor units).
    #[schema(value_type = i64)]
    pub promised_amount: i128,
    /// The group's promises due in the period that were paid in full.
    pub promises_kept: i64,
    /// `promises_kept ÷ promises due in the period` (null when none was due).
    pub promise_kept_rate: Option<f64>,
    /// Payments the group recorded with `received_on` in the period, less reversed ones;
    /// recoveries on written-off accounts excluded.
    #[schema(value_type = i64)]
    pub collected_amount: i128,
    /// Targets of the months the period touches (null when none is set).
    #[schema(value_type = Option<i64>)]
    pub target_amount: Option<i128>,
    /// `collected_amount ÷ target_amount` (null without a target).
    pub attainment: Option<f64>,
}

/// Performance grouped by agent or team.
pub fn performance(
    conn: &mut Conn,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    group: PerformanceGroup,
) -> Result<Vec<PerformanceRow>, ApiError> {
    let agents = agents_in_scope(conn, actor)?;
    let ids: Vec<i64> = agents.iter().map(|a| a.id).collect();
    let period = Period::new(from, to);
    let facts = Facts::load(conn, &ids, &period)?;
    let per_agent: Vec<AgentRow> = agents.iter().map(|a| facts.agent_row(a)).collect();
    match group {
        PerformanceGroup::Agent => Ok(per_agent.into_iter().map(AgentRow::finish).collect()),
        PerformanceGroup::Team => {
            let worked = team_accounts_worked(conn, &ids, &period)?;
            roll_up_teams(conn, per_agent, &facts, &worked)
        }
    }
}

/// One row per agent of `agents` over `[from, to]` (the scorecard's agent and their team).
pub fn agent_rows(
    conn: &mut Conn,
    agents: &[CoveredAgent],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<PerformanceRow>, ApiError> {
    let ids: Vec<i64> = agents.iter().map(|a| a.id).collect();
    let facts = Facts::load(conn, &ids, &Period::new(from, to))?;
    Ok(agents.iter().map(|a| facts.agent_row(a).finish()).collect())
}

/// The period as UTC days and as the timestamps that bound them.
struct Period {
    from: NaiveDate,
    to: NaiveDate,
    start: chrono::NaiveDateTime,
    end: chrono::NaiveDateTime,
}

impl Period {
    fn new(from: NaiveDate, to: NaiveDate) -> Self {
        let midnight =
            |d: NaiveDate| to_db_time(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
        Self {
            from,
            to,
            start: midnight(from),
            end: midnight(to + chrono::Days::new(1)),
        }
    }
}

/// One agent's row, its team, and how many of its promises fell due in the period.
struct AgentRow {
    team_id: Option<i64>,
    row: PerformanceRow,
    promises_due: i64,
}

impl AgentRow {
    fn finish(self) -> PerformanceRow {
        finish(self.row, self.promises_due)
    }
}

fn finish(mut r: PerformanceRow, promises_due: i64) -> PerformanceRow {
    r.rpc_rate = rate(r.right_party_contacts.into(), r.contact_attempts.into());
    r.promise_kept_rate = rate(r.promises_kept.into(), promises_due.into());
    r.attainment = r.target_amount.and_then(|t| rate(r.collected_amount, t));
    r
}

/// What the grouped queries found, per agent.
struct Facts {
    activity: HashMap<i64, activity::Summary>,
    /// Promises set up: (count, total).
    promises: HashMap<i64, (i64, i128)>,
    /// Promises due in the period: (due, kept).
    due: HashMap<i64, (i64, i64)>,
    collected: HashMap<i64, i128>,
    /// (scope, subject, amount) of the months the period touches.
    targets: Vec<(String, i64, i64)>,
}

impl Facts {
    fn load(conn: &mut Conn, ids: &[i64], period: &Period) -> Result<Self, ApiError> {
        let promises: Vec<(Option<i64>, i64, Option<String>)> = ar::table
            .filter(
                ar::created_by
                    .eq_any(ids)
                    .and(ar::kind.eq("promise"))
                    .and(ar::created_at.ge(period.start))
                    .and(ar::created_at.lt(period.end)),
            )
            .group_by(ar::created_by)
            .select((
                ar::created_by,
                count_star(),
                money_sum("arrangements.total_amount"),
            ))
            .load(conn)?;
        let due: Vec<(Option<i64>, i64, Option<i64>)> = ar::table
            .inner_join(ins::table)
            .filter(
                ar::created_by
                    .eq_any(ids)
                    .and(ar::kind.eq("promise"))
                    .and(ins::due_on.ge(period.from))
                    .and(ins::due_on.le(period.to)),
            )
            .group_by(ar::created_by)
            .select((
                ar::created_by,
                count_star(),
                sum("CASE WHEN arrangements.status = 'completed' THEN 1 ELSE 0 END"),
            ))
            .load(conn)?;
        let collected: Vec<(Option<i64>, Option<String>)> = p::table
            .filter(
                p::recorded_by
                    .eq_any(ids)
                    .and(p::received_on.ge(period.from))
                    .and(p::received_on.le(period.to))
                    .and(p::reversed_at.is_null())
                    .and(p::recovery.eq(false)),
            )
            .group_by(p::recorded_by)
            .select((p::recorded_by, money_sum("payments.amount")))
            .load(conn)?;
        let targets = t::table
            .filter(t::period.eq_any(periods(period.from, period.to)))
            .select((t::scope, t::subject_id, t::collected_amount))
            .load(conn)?;
        Ok(Self {
            activity: activity::summary(conn, ids, period.from, period.to)?,
            promises: promises
                .into_iter()
                .filter_map(|(k, n, s)| k.map(|k| total(s).map(|s| (k, (n, s)))))
                .collect::<Result<_, _>>()?,
            due: due
                .into_iter()
                .filter_map(|(k, n, kept)| k.map(|k| (k, (n, kept.unwrap_or(0)))))
                .collect(),
            collected: collected
                .into_iter()
                .filter_map(|(k, v)| k.map(|k| total(v).map(|v| (k, v))))
                .collect::<Result<_, _>>()?,
            targets,
        })
    }

    /// The sum of the targets set for `scope` `id` in the period's months (None when none is).
    fn target_of(&self, scope: &str, id: i64) -> Option<i128> {
        let found: Vec<i128> = self
            .targets
            .iter()
            .filter(|(s, sub, _)| s == scope && *sub == id)
            .map(|x| i128::from(x.2))
            .collect();
        (!found.is_empty()).then(|| found.iter().sum())
    }

    fn agent_row(&self, agent: &CoveredAgent) -> AgentRow {
        let id = agent.id;
        let (promises, promised_amount) = self.promises.get(&id).copied().unwrap_or_default();
        let (promises_due, promises_kept) = self.due.get(&id).copied().unwrap_or_default();
        let work = self.activity.get(&id).copied().unwrap_or_default();
        let row = PerformanceRow {
            group_id: id,
            group_name: agent.name.clone(),
            accounts_worked: work.accounts_worked,
            contact_attempts: work.contact_attempts,
            right_party_contacts: work.right_party_contacts,
            promises,
            promised_amount,
            promises_kept,
            collected_amount: self.collected.get(&id).copied().unwrap_or(0),
            target_amount: self.target_of("agent", id),
            ..Default::default()
        };
        AgentRow {
            team_id: agent.team_id,
            row,
            promises_due,
        }
    }
}

/// Per team, the distinct accounts any of its agents (of `agents`) contacted in the period: an
/// account two agents of one team worked counts once. One grouped query over the contacts of the
/// period (index `contacts_agent_idx`).
fn team_accounts_worked(
    conn: &mut Conn,
    agents: &[i64],
    period: &Period,
) -> Result<HashMap<i64, i64>, ApiError> {
    let rows: Vec<(Option<i64>, i64)> = c::table
        .inner_join(u::table)
        .filter(
            c::agent_id
                .eq_any(agents)
                .and(c::occurred_at.ge(period.start))
                .and(c::occurred_at.lt(period.end)),
        )
        .group_by(u::team_id)
        .select((u::team_id, count(c::account_id).aggregate_distinct()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(team, n)| team.map(|t| (t, n)))
        .collect())
}

/// Adds the agents' rows up per team (agents without a team are left out).
fn roll_up_teams(
    conn: &mut Conn,
    per_agent: Vec<AgentRow>,
    facts: &Facts,
    worked: &HashMap<i64, i64>,
) -> Result<Vec<PerformanceRow>, ApiError> {
    let team_names: HashMap<i64, String> = tm::table
        .select((tm::id, tm::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut teams: BTreeMap<i64, (PerformanceRow, i64)> = BTreeMap::new();
    for AgentRow {
        team_id,
        row: r,
        promises_due,
    } in per_agent
    {
        let Some(team) = team_id else { continue };
        let (agg, due_total) = teams.entry(team).or_insert_with(|| {
            let row = PerformanceRow {
                group_id: team,
                group_name: team_names.get(&team).cloned().unwrap_or_default(),
                accounts_worked: worked.get(&team).copied().unwrap_or(0),
                target_amount: facts.target_of("team", team),
                ..Default::default()
            };
            (row, 0)
        });
        agg.contact_attempts += r.contact_attempts;
        agg.right_party_contacts += r.right_party_contacts;
        agg.promises += r.promises;
        agg.promised_amount += r.promised_amount;
        agg.promises_kept += r.promises_kept;
        agg.collected_amount += r.collected_amount;
        *due_total += promises_due;
    }
    Ok(teams.into_values().map(|(r, due)| finish(r, due)).collect())
}

/// Distinct accounts with a contact logged in `[from, to]` by the agents `actor` reports on.
pub fn accounts_worked_in_scope(
    conn: &mut Conn,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<i64, ApiError> {
    let agents: Vec<i64> = agents_in_scope(conn, actor)?.iter().map(|a| a.id).collect();
    let period = Period::new(from, to);
    Ok(c::table
        .filter(
            c::agent_id
                .eq_any(agents)
                .and(c::occurred_at.ge(period.start))
                .and(c::occurred_at.lt(period.end)),
        )
        .select(count(c::account_id).aggregate_distinct())
        .first(conn)?)
}
