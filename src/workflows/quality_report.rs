//! The quality report (`GET /v1/reports/quality`): per agent or team, evaluations and their
//! average score, fatal failures, disputes, coaching sessions, and coaching actions open and
//! overdue; and each agent's quality average for the management report.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::actor::Actor;
use crate::db::Conn;
use crate::db::quality_report::{self, QualityFacts, QualityFilter, QualityWindow};
use crate::db::schema::{teams as tm, users as u};
use crate::db::scope::{AccountScope, scope_of};
use crate::db::targets::agents_in_scope;
use crate::error::ApiError;

/// How the quality report groups its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualityGroup {
    Agent,
    Team,
}

/// One agent's or team's quality over the period `[from, to]` (UTC days).
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[schema(example = json!({"group_id": 12, "group_name": "Arto Agent", "evaluations": 4, "average_score": 82.5,
    "fatal_failures": 1, "disputes": 1, "coaching_sessions": 1, "open_coaching_actions": 2, "overdue_coaching_actions": 1}))]
pub struct QualityReportRow {
    /// The agent's or team's id.
    pub group_id: i64,
    pub group_name: String,
    /// Evaluations made in the period (of the agent's contacts; for a team, of its agents' while
    /// in it).
    pub evaluations: i64,
    /// Their average score, 0 to 100 at one decimal (null without evaluations).
    pub average_score: Option<f64>,
    /// Evaluations with a fatal question answered 0 (and not corrected by an upheld dispute).
    pub fatal_failures: i64,
    /// Evaluations disputed in the period.
    pub disputes: i64,
    /// Coaching sessions held in the period.
    pub coaching_sessions: i64,
    /// Coaching actions open at the end of the period (or of today, while it runs): of sessions
    /// held by then, not completed by then.
    pub open_coaching_actions: i64,
    /// Of those, due before that day.
    pub overdue_coaching_actions: i64,
}

fn row(group_id: i64, group_name: String, f: &QualityFacts) -> QualityReportRow {
    QualityReportRow {
        group_id,
        group_name,
        evaluations: f.evaluations,
        average_score: f.average_score(),
        fatal_failures: f.fatal_failures,
        disputes: f.disputes,
        coaching_sessions: f.coaching_sessions,
        open_coaching_actions: f.open_actions,
        overdue_coaching_actions: f.overdue_actions,
    }
}

fn window(actor: &Actor, from: NaiveDate, to: NaiveDate) -> QualityWindow {
    QualityWindow {
        from,
        to,
        as_of: to.min(actor.now.date_naive()),
    }
}

/// The report in the caller's reporting scope: a team lead's team, everything for managers,
/// heads and auditors. Every agent in scope has a row (zeros included); teams with any agent
/// or record.
pub fn build(
    conn: &mut Conn,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    group: QualityGroup,
) -> Result<Vec<QualityReportRow>, ApiError> {
    let team_id = match scope_of(actor) {
        AccountScope::Team(team) => Some(team),
        AccountScope::All => None,
        AccountScope::AssignedTo(_) | AccountScope::Nothing => {
            return Err(ApiError::forbidden(
                "insufficient-role",
                "reports are for team leads, managers, heads and auditors",
            ));
        }
    };
    let filter = QualityFilter {
        team_id,
        agents: None,
    };
    let facts = quality_report::facts(conn, &filter, window(actor, from, to))?;
    match group {
        QualityGroup::Agent => {
            let mut per: BTreeMap<i64, QualityFacts> = agents_in_scope(conn, actor)?
                .into_iter()
                .map(|a| (a.id, QualityFacts::default()))
                .collect();
            for (whom, f) in &facts {
                per.entry(whom.agent_id).or_default().add(f);
            }
            let ids: Vec<i64> = per.keys().copied().collect();
            let names = names(
                conn,
                u::table.filter(u::id.eq_any(ids)).select((u::id, u::name)),
            )?;
            Ok(per
                .iter()
                .map(|(id, f)| row(*id, name_of(&names, *id), f))
                .collect())
        }
        QualityGroup::Team => {
            let mut per: BTreeMap<i64, QualityFacts> = BTreeMap::new();
            for (whom, f) in &facts {
                if let Some(team) = whom.team_id {
                    per.entry(team).or_default().add(f);
                }
            }
            let mut teams = tm::table.select((tm::id, tm::name)).into_boxed();
            if let Some(team) = team_id {
                teams = teams.filter(tm::id.eq(team));
                per.entry(team).or_default();
            }
            let names = names(conn, teams)?;
            Ok(per
                .iter()
                .map(|(id, f)| row(*id, name_of(&names, *id), f))
                .collect())
        }
    }
}

fn names<Q>(conn: &mut Conn, q: Q) -> Result<HashMap<i64, String>, ApiError>
where
    Q: diesel::query_dsl::LoadQuery<'static, Conn, (i64, String)>,
{
    Ok(q.load::<(i64, String)>(conn)?.into_iter().collect())
}

fn name_of(names: &HashMap<i64, String>, id: i64) -> String {
    names.get(&id).cloned().unwrap_or_default()
}

/// Each agent's average evaluation score over `[from, to]` (in `team`, or all), for the
/// management report.
pub fn averages_per_agent(
    conn: &mut Conn,
    actor: &Actor,
    team_id: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, f64>, ApiError> {
    let filter = QualityFilter {
        team_id,
        agents: None,
    };
    let mut per: HashMap<i64, QualityFacts> = HashMap::new();
    for (whom, f) in quality_report::facts(conn, &filter, window(actor, from, to))? {
        per.entry(whom.agent_id).or_default().add(&f);
    }
    Ok(per
        .into_iter()
        .filter_map(|(agent, f)| f.average_score().map(|s| (agent, s)))
        .collect())
}
