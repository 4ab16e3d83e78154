//! The performance report: per agent or team, contacts from the agent-activity rollup, promises,
//! collections and targets, each one grouped query (never a query per agent).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::dsl::count;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::Conn;
use super::performance_facts::{Facts, Group, Money, Period};
use super::schema::{contacts as c, teams as tm, users as u};
use super::targets::{CoveredAgent, agents_in_scope};
use crate::actor::Actor;
use crate::domain::report::rate;
use crate::error::ApiError;

/// How the report groups its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerformanceGroup {
    Agent,
    Team,
}

/// Performance of one agent or team, in one currency, over a period. Money is never summed
/// across currencies: a group has one row per currency it has money in (payments, promises or
/// targets), and one row with `currency: null` when it has none. The activity figures
/// (`accounts_worked`, `contact_attempts`, `right_party_contacts`, `rpc_rate`) are the group's
/// whole work, not money: they repeat on each of its rows (do not add them across rows).
/// Definitions (period `[from, to]`, UTC dates):
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[schema(example = json!({"group_id": 12, "group_name": "Arto Agent", "currency": "USD", "accounts_worked": 40, "contact_attempts": 120,
    "right_party_contacts": 30, "rpc_rate": 0.25, "promises": 8, "promised_amount": 960000, "promises_kept": 5,
    "promise_kept_rate": 0.625, "collected_amount": 1250000, "target_amount": 5000000, "attainment": 0.25}))]
pub struct PerformanceRow {
    /// The agent's or team's id.
    pub group_id: i64,
    pub group_name: String,
    /// ISO 4217 code of the row's money (null for a group with no money in the period).
    #[schema(example = "USD")]
    pub currency: Option<String>,
    /// Distinct accounts with at least one contact logged by the group in the period: for a
    /// team, an account two of its agents worked counts once.
    pub accounts_worked: i64,
    /// Outbound phone contacts (every attempt, voicemails and no-answers included).
    pub contact_attempts: i64,
    /// Outbound phone contacts that were conversations with the debtor.
    pub right_party_contacts: i64,
    /// `right_party_contacts ÷ contact_attempts` (4 decimals; null without attempts).
    pub rpc_rate: Option<f64>,
    /// Promise-to-pay arrangements the group set up in the period, on accounts in `currency`.
    pub promises: i64,
    /// Their total (minor units).
    #[schema(value_type = i64)]
    pub promised_amount: i128,
    /// The group's promises in `currency` due in the period that were paid in full.
    pub promises_kept: i64,
    /// `promises_kept ÷ promises due in the period` (null when none was due).
    pub promise_kept_rate: Option<f64>,
    /// Payments in `currency` the group recorded with `received_on` in the period, less
    /// reversed ones; recoveries on written-off accounts excluded.
    #[schema(value_type = i64)]
    pub collected_amount: i128,
    /// Targets in `currency` of the months the period touches (null when none is set).
    #[schema(value_type = Option<i64>)]
    pub target_amount: Option<i128>,
    /// `collected_amount ÷ target_amount` (null without a target).
    pub attainment: Option<f64>,
}

/// Which currencies' rows a caller wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Currencies {
    /// A row per currency each group has money in.
    All,
    /// Exactly one row per group, in this currency (zero money when it has none in it).
    Only(String),
}

/// Performance grouped by agent or team.
pub fn performance(
    conn: &mut Conn,
    actor: &Actor,
    period: (NaiveDate, NaiveDate),
    group: PerformanceGroup,
    currencies: &Currencies,
) -> Result<Vec<PerformanceRow>, ApiError> {
    let agents = agents_in_scope(conn, actor)?;
    let ids: Vec<i64> = agents.iter().map(|a| a.id).collect();
    let period = Period::new(period.0, period.1);
    let facts = Facts::load(conn, &ids, &period)?;
    match group {
        PerformanceGroup::Agent => Ok(agents
            .iter()
            .flat_map(|a| facts.rows_of(a.id, &a.name, "agent", currencies))
            .collect()),
        PerformanceGroup::Team => {
            let worked = team_accounts_worked(conn, &ids, &period)?;
            roll_up_teams(conn, &agents, facts, &worked, currencies)
        }
    }
}

/// One row per agent of `agents` over `[from, to]`, in `currency` (the scorecard's agent and
/// their team).
pub fn agent_rows(
    conn: &mut Conn,
    agents: &[CoveredAgent],
    from: NaiveDate,
    to: NaiveDate,
    currency: &str,
) -> Result<Vec<PerformanceRow>, ApiError> {
    let ids: Vec<i64> = agents.iter().map(|a| a.id).collect();
    let facts = Facts::load(conn, &ids, &Period::new(from, to))?;
    let only = Currencies::Only(currency.to_owned());
    Ok(agents
        .iter()
        .flat_map(|a| facts.rows_of(a.id, &a.name, "agent", &only))
        .collect())
}

impl Group {
    fn rows(mut self, id: i64, name: &str, currencies: &Currencies) -> Vec<PerformanceRow> {
        let row = |currency: Option<String>, m: Money| {
            let mut r = PerformanceRow {
                group_id: id,
                group_name: name.to_owned(),
                currency,
                accounts_worked: self.work.accounts_worked,
                contact_attempts: self.work.contact_attempts,
                right_party_contacts: self.work.right_party_contacts,
                promises: m.promises,
                promised_amount: m.promised,
                promises_kept: m.promises_kept,
                collected_amount: m.collected,
                target_amount: m.target,
                ..Default::default()
            };
            r.rpc_rate = rate(r.right_party_contacts.into(), r.contact_attempts.into());
            r.promise_kept_rate = rate(r.promises_kept.into(), m.promises_due.into());
            r.attainment = r.target_amount.and_then(|t| rate(r.collected_amount, t));
            r
        };
        match currencies {
            Currencies::Only(c) => {
                let m = self.money.remove(c).unwrap_or_default();
                vec![row(Some(c.clone()), m)]
            }
            Currencies::All if self.money.is_empty() => vec![row(None, Money::default())],
            Currencies::All => std::mem::take(&mut self.money)
                .into_iter()
                .map(|(c, m)| row(Some(c), m))
                .collect(),
        }
    }
}

impl Facts {
    fn rows_of(
        &self,
        id: i64,
        name: &str,
        scope: &str,
        currencies: &Currencies,
    ) -> Vec<PerformanceRow> {
        let g = self.agents.get(&id).cloned().unwrap_or_default();
        self.with_targets(g, scope, id).rows(id, name, currencies)
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

/// Adds the agents' activity and money up per team (agents without a team are left out); the
/// teams' own targets replace the agents'.
fn roll_up_teams(
    conn: &mut Conn,
    agents: &[CoveredAgent],
    mut facts: Facts,
    worked: &HashMap<i64, i64>,
    currencies: &Currencies,
) -> Result<Vec<PerformanceRow>, ApiError> {
    let team_names: HashMap<i64, String> = tm::table
        .select((tm::id, tm::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut teams: BTreeMap<i64, Group> = BTreeMap::new();
    for agent in agents {
        let Some(team) = agent.team_id else { continue };
        let t = teams.entry(team).or_default();
        let Some(g) = facts.agents.remove(&agent.id) else {
            continue;
        };
        t.work.contact_attempts += g.work.contact_attempts;
        t.work.right_party_contacts += g.work.right_party_contacts;
        for (currency, m) in &g.money {
            t.money.entry(currency.clone()).or_default().add(m);
        }
    }
    Ok(teams
        .into_iter()
        .flat_map(|(team, mut g)| {
            g.work.accounts_worked = worked.get(&team).copied().unwrap_or(0);
            let name = team_names.get(&team).cloned().unwrap_or_default();
            facts
                .with_targets(g, "team", team)
                .rows(team, &name, currencies)
        })
        .collect())
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
