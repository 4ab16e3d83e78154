//! The complaints and satisfaction reports: the period's rows in the caller's reporting scope
//! (a team lead's team; everyone else all), loaded in one query each and counted by
//! `domain::complaint_report`; group names in one query.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::performance::{self, PerformanceGroup};
use super::schema::{complaints as c, satisfaction_responses as s, teams as tm, users as u};
use super::scope::{AccountScope, scope_of};
use super::{Conn, from_db_time, to_db_time};
use crate::actor::Actor;
use crate::domain::complaint_report::{
    ComplaintCounts, ComplaintFact, SatisfactionCounts, Window, complaint_counts,
    satisfaction_counts,
};
use crate::domain::report::rate;
use crate::error::ApiError;

/// How the rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportGroup {
    Agent,
    Team,
    Category,
    RootCause,
}

/// A group's key: a user's or team's id, or a category's or root cause's value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(untagged)]
#[schema(example = 12)]
pub enum GroupKey {
    Id(i64),
    Value(String),
}

/// Complaints of one group over the period `[from, to]` (UTC days).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"group_id": 12, "group_name": "Arto Agent", "received": 4, "closed": 3, "open": 2,
    "overdue": 1, "justified": 1, "justified_rate": 0.3333, "per_1000_accounts_worked": 25.0, "median_days_to_close": 6.5}))]
pub struct ComplaintReportRow {
    /// The agent's or team's id, the category or the root cause; `null` for complaints without
    /// one (no agent, no team, or not closed for `root_cause`).
    pub group_id: Option<GroupKey>,
    pub group_name: String,
    /// Received in the period.
    pub received: i64,
    /// Closed in the period.
    pub closed: i64,
    /// Open or in progress at the period's end (received before it, not closed by then).
    pub open: i64,
    /// Of those, past `due_at` at the period's end (or now, for a period not over).
    pub overdue: i64,
    /// Closed in the period and found justified.
    pub justified: i64,
    /// `justified ÷ closed` (4 decimals; null when none closed).
    pub justified_rate: Option<f64>,
    /// `received × 1000 ÷ accounts worked` by the group in the period (by everyone in scope, for
    /// category and root cause); null when no account was worked.
    pub per_1000_accounts_worked: Option<f64>,
    /// Median of `closed_at − received_at` over those closed in the period, in days (1 decimal).
    pub median_days_to_close: Option<f64>,
}

/// Survey answers of one group over the period.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"group_id": 12, "group_name": "Arto Agent", "responses": 9, "average_score": 4.11, "csat": 0.7778}))]
pub struct SatisfactionReportRow {
    /// The agent's or team's id (`null`: answers attributed to no one).
    pub group_id: Option<GroupKey>,
    pub group_name: String,
    /// Answers given in the period.
    pub responses: i64,
    /// Mean score (2 decimals).
    pub average_score: Option<f64>,
    /// Share of scores 4 and 5 (4 decimals).
    pub csat: Option<f64>,
}

/// The complaints report.
pub fn complaints(
    conn: &mut Conn,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    group: ReportGroup,
) -> Result<Vec<ComplaintReportRow>, ApiError> {
    let w = window(from, to, actor);
    let facts: Vec<ComplaintFact<Option<GroupKey>>> =
        complaint_facts(conn, reporting_team(actor)?, w)?
            .into_iter()
            .map(|alive| ComplaintFact {
                group: match group {
                    ReportGroup::Agent => alive.agent_id.map(GroupKey::Id),
                    ReportGroup::Team => alive.team_id.map(GroupKey::Id),
                    ReportGroup::Category => Some(GroupKey::Value(alive.category)),
                    ReportGroup::RootCause => alive.root_cause.map(GroupKey::Value),
                },
                received_at: alive.fact.received_at,
                due_at: alive.fact.due_at,
                closed_at: alive.fact.closed_at,
                justified: alive.fact.justified,
            })
            .collect();
    let counts = complaint_counts(&facts, w);
    let worked = accounts_worked(conn, actor, from, to, group)?;
    let names = names(conn, group, counts.keys())?;
    Ok(counts
        .into_iter()
        .map(|(key, n)| complaint_row(key, n, &names, &worked, group))
        .collect())
}

fn complaint_row(
    key: Option<GroupKey>,
    n: ComplaintCounts,
    names: &HashMap<GroupKey, String>,
    worked: &Worked,
    group: ReportGroup,
) -> ComplaintReportRow {
    let accounts = match (&worked, &key) {
        (Worked::Total(total), _) => Some(*total),
        (Worked::PerGroup(map), Some(GroupKey::Id(id))) => map.get(id).copied(),
        _ => None,
    };
    ComplaintReportRow {
        group_name: name_of(&key, names, group),
        group_id: key,
        received: n.received,
        closed: n.closed,
        open: n.open,
        overdue: n.overdue,
        justified: n.justified,
        justified_rate: n.justified_rate,
        per_1000_accounts_worked: accounts
            .and_then(|a| rate(i128::from(n.received) * 1000, a.into())),
        median_days_to_close: n.median_days_to_close,
    }
}

/// The satisfaction report (grouped by agent or team).
pub fn satisfaction(
    conn: &mut Conn,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    group: ReportGroup,
) -> Result<Vec<SatisfactionReportRow>, ApiError> {
    let w = window(from, to, actor);
    let mut q = s::table
        .filter(s::answered_at.ge(to_db_time(w.start)))
        .filter(s::answered_at.lt(to_db_time(w.end)))
        .select((s::agent_id, s::team_id, s::score))
        .into_boxed();
    if let Some(team) = reporting_team(actor)? {
        q = q.filter(s::team_id.eq(team));
    }
    let rows: Vec<(Option<i64>, Option<i64>, i64)> = q.load(conn)?;
    let answers: Vec<(Option<GroupKey>, i64)> = rows
        .into_iter()
        .map(|(agent, team, score)| {
            let id = if group == ReportGroup::Team {
                team
            } else {
                agent
            };
            (id.map(GroupKey::Id), score)
        })
        .collect();
    let counts = satisfaction_counts(&answers);
    let names = names(conn, group, counts.keys())?;
    Ok(counts
        .into_iter()
        .map(
            |(key, n): (Option<GroupKey>, SatisfactionCounts)| SatisfactionReportRow {
                group_name: name_of(&key, &names, group),
                group_id: key,
                responses: n.responses,
                average_score: n.average_score,
                csat: n.csat,
            },
        )
        .collect())
}

/// The days `[from, to]` as instants, judged at the actor's now.
pub fn window(from: NaiveDate, to: NaiveDate, actor: &Actor) -> Window {
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    Window {
        start: midnight(from),
        end: midnight(to + chrono::Days::new(1)),
        now: actor.now,
    }
}

/// A team lead reports on their team; managers, heads and auditors on everything.
fn reporting_team(actor: &Actor) -> Result<Option<i64>, ApiError> {
    match scope_of(actor) {
        AccountScope::Team(team) => Ok(Some(team)),
        AccountScope::All => Ok(None),
        AccountScope::AssignedTo(_) | AccountScope::Nothing => Err(ApiError::forbidden(
            "insufficient-role",
            "reports are for team leads, managers, heads and auditors",
        )),
    }
}

/// Accounts worked in the period: per agent or team, or in total for the other groupings.
enum Worked {
    PerGroup(HashMap<i64, i64>),
    Total(i64),
}

fn accounts_worked(
    conn: &mut Conn,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    group: ReportGroup,
) -> Result<Worked, ApiError> {
    Ok(match group {
        ReportGroup::Agent | ReportGroup::Team => {
            let g = if group == ReportGroup::Team {
                PerformanceGroup::Team
            } else {
                PerformanceGroup::Agent
            };
            let all = performance::Currencies::All;
            let rows = performance::performance(conn, actor, (from, to), g, &all)?;
            Worked::PerGroup(
                rows.into_iter()
                    .map(|r| (r.group_id, r.accounts_worked))
                    .collect(),
            )
        }
        ReportGroup::Category | ReportGroup::RootCause => Worked::Total(
            performance::accounts_worked_in_scope(conn, actor, from, to)?,
        ),
    })
}

fn names<'a>(
    conn: &mut Conn,
    group: ReportGroup,
    keys: impl Iterator<Item = &'a Option<GroupKey>>,
) -> Result<HashMap<GroupKey, String>, ApiError> {
    let ids: Vec<i64> = keys
        .filter_map(|k| match k {
            Some(GroupKey::Id(id)) => Some(*id),
            _ => None,
        })
        .collect();
    let pairs: Vec<(i64, String)> = match group {
        ReportGroup::Agent => u::table
            .filter(u::id.eq_any(&ids))
            .select((u::id, u::name))
            .load(conn)?,
        ReportGroup::Team => tm::table
            .filter(tm::id.eq_any(&ids))
            .select((tm::id, tm::name))
            .load(conn)?,
        ReportGroup::Category | ReportGroup::RootCause => Vec::new(),
    };
    Ok(pairs
        .into_iter()
        .map(|(id, name)| (GroupKey::Id(id), name))
        .collect())
}

fn name_of(
    key: &Option<GroupKey>,
    names: &HashMap<GroupKey, String>,
    group: ReportGroup,
) -> String {
    match key {
        None if group == ReportGroup::RootCause => "not closed".into(),
        None => "unattributed".into(),
        Some(GroupKey::Value(v)) => v.clone(),
        Some(k) => names.get(k).cloned().unwrap_or_default(),
    }
}

/// The period's complaint and satisfaction figures for one team (or all), as single totals.
pub fn totals(
    conn: &mut Conn,
    team: Option<i64>,
    w: Window,
) -> Result<(ComplaintCounts, SatisfactionCounts), ApiError> {
    let facts: Vec<ComplaintFact<()>> = complaint_facts(conn, team, w)?
        .into_iter()
        .map(|alive| alive.fact)
        .collect();
    let complaints = complaint_counts(&facts, w).remove(&()).unwrap_or_default();
    let mut q = s::table
        .filter(s::answered_at.ge(to_db_time(w.start)))
        .filter(s::answered_at.lt(to_db_time(w.end)))
        .select(s::score)
        .into_boxed();
    if let Some(team) = team {
        q = q.filter(s::team_id.eq(team));
    }
    let scores: Vec<((), i64)> = q.load::<i64>(conn)?.into_iter().map(|v| ((), v)).collect();
    let satisfaction = satisfaction_counts(&scores).remove(&()).unwrap_or_default();
    Ok((complaints, satisfaction))
}

/// Complaints received in the period per agent they count against.
pub fn received_per_agent(
    conn: &mut Conn,
    team: Option<i64>,
    w: Window,
) -> Result<HashMap<i64, i64>, ApiError> {
    let mut out = HashMap::new();
    for alive in complaint_facts(conn, team, w)? {
        let f = &alive.fact;
        if let Some(agent) = alive.agent_id
            && f.received_at >= w.start
            && f.received_at < w.end
        {
            *out.entry(agent).or_insert(0) += 1;
        }
    }
    Ok(out)
}

/// A complaint alive in a window, with what it may be grouped by.
struct AliveComplaint {
    agent_id: Option<i64>,
    team_id: Option<i64>,
    category: String,
    root_cause: Option<String>,
    fact: ComplaintFact<()>,
}

#[derive(Queryable)]
struct AliveRow {
    agent_id: Option<i64>,
    team_id: Option<i64>,
    category: String,
    root_cause: Option<String>,
    received_at: chrono::NaiveDateTime,
    due_at: chrono::NaiveDateTime,
    closed_at: Option<chrono::NaiveDateTime>,
    justified: Option<bool>,
}

/// The complaints alive in the window (received before its end, not closed before its start),
/// of one team or all: one query.
fn complaint_facts(
    conn: &mut Conn,
    team: Option<i64>,
    w: Window,
) -> Result<Vec<AliveComplaint>, ApiError> {
    let mut q = c::table
        .filter(c::received_at.lt(to_db_time(w.end)))
        .filter(
            c::closed_at
                .is_null()
                .or(c::closed_at.ge(to_db_time(w.start))),
        )
        .select((
            c::agent_id,
            c::team_id,
            c::category,
            c::root_cause,
            c::received_at,
            c::due_at,
            c::closed_at,
            c::justified,
        ))
        .into_boxed();
    if let Some(team) = team {
        q = q.filter(c::team_id.eq(team));
    }
    let rows: Vec<AliveRow> = q.load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| AliveComplaint {
            agent_id: r.agent_id,
            team_id: r.team_id,
            category: r.category,
            root_cause: r.root_cause,
            fact: ComplaintFact {
                group: (),
                received_at: from_db_time(r.received_at),
                due_at: from_db_time(r.due_at),
                closed_at: r.closed_at.map(from_db_time),
                justified: r.justified,
            },
        })
        .collect())
}
