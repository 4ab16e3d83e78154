//! Quality figures per agent and team over a period: evaluations, their average score, fatal
//! failures and disputes, coaching sessions, and coaching actions open and overdue. Four grouped
//! queries (never one per agent), each keyed by the agent and the team the record was made in.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::Conn;
use super::schema::{coaching_actions as ca, coaching_sessions as cs, evaluations as e};
use super::summary::midnight;
use super::sums::sum;
use crate::domain::quality::CoachingActionStatus;
use crate::error::ApiError;

/// Whose figures: an agent, in the team the records were made in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Whom {
    pub agent_id: i64,
    pub team_id: Option<i64>,
}

/// Which records count.
#[derive(Debug, Clone, Default)]
pub struct QualityFilter {
    /// Records made in this team only.
    pub team_id: Option<i64>,
    /// Records of these agents only.
    pub agents: Option<Vec<i64>>,
}

/// The period `[from, to]` (UTC days), and the day open actions are counted on: `to`, or today
/// when the period has not ended.
#[derive(Debug, Clone, Copy)]
pub struct QualityWindow {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub as_of: NaiveDate,
}

/// One agent's (or a team's) quality figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QualityFacts {
    /// Evaluations made in the period.
    pub evaluations: i64,
    /// Their scores, in tenths.
    pub score_tenths: i64,
    pub fatal_failures: i64,
    /// Evaluations disputed in the period.
    pub disputes: i64,
    /// Coaching sessions held in the period.
    pub coaching_sessions: i64,
    /// Actions of sessions held by `as_of` that were not completed by its end.
    pub open_actions: i64,
    /// Of those, the ones due before `as_of`.
    pub overdue_actions: i64,
}

impl QualityFacts {
    pub fn add(&mut self, o: &QualityFacts) {
        self.evaluations += o.evaluations;
        self.score_tenths += o.score_tenths;
        self.fatal_failures += o.fatal_failures;
        self.disputes += o.disputes;
        self.coaching_sessions += o.coaching_sessions;
        self.open_actions += o.open_actions;
        self.overdue_actions += o.overdue_actions;
    }

    /// The average score at one decimal (half up), null without evaluations.
    pub fn average_score(&self) -> Option<f64> {
        (self.evaluations > 0)
            .then(|| (2 * self.score_tenths + self.evaluations) / (2 * self.evaluations))
            .map(crate::domain::quality::points)
    }
}

macro_rules! filtered {
    ($q:expr, $f:expr, $t:ident) => {{
        let mut q = $q;
        if let Some(team) = $f.team_id {
            q = q.filter($t::team_id.eq(team));
        }
        if let Some(agents) = &$f.agents {
            q = q.filter($t::agent_id.eq_any(agents.clone()));
        }
        q
    }};
}

type Grouped = Vec<(i64, Option<i64>, i64, Option<i64>, Option<i64>)>;
/// Agent, team, open actions, overdue ones.
type OpenGroup = (i64, Option<i64>, i64, Option<i64>);

/// The quality figures of the period per agent and team.
pub fn facts(
    conn: &mut Conn,
    f: &QualityFilter,
    w: QualityWindow,
) -> Result<HashMap<Whom, QualityFacts>, ApiError> {
    let (start, end) = (midnight(w.from), midnight(w.to + chrono::Days::new(1)));
    let q = e::table
        .filter(e::evaluated_at.ge(start).and(e::evaluated_at.lt(end)))
        .group_by((e::agent_id, e::team_id))
        .select((
            e::agent_id,
            e::team_id,
            count_star(),
            sum("evaluations.score_tenths"),
            sum("CASE WHEN evaluations.fatal_failed THEN 1 ELSE 0 END"),
        ))
        .into_boxed();
    let evaluated: Grouped = filtered!(q, f, e).load(conn)?;
    let q = e::table
        .filter(e::disputed_at.ge(start).and(e::disputed_at.lt(end)))
        .group_by((e::agent_id, e::team_id))
        .select((e::agent_id, e::team_id, count_star()))
        .into_boxed();
    let disputed: Vec<(i64, Option<i64>, i64)> = filtered!(q, f, e).load(conn)?;
    let q = cs::table
        .filter(cs::held_on.ge(w.from).and(cs::held_on.le(w.to)))
        .group_by((cs::agent_id, cs::team_id))
        .select((cs::agent_id, cs::team_id, count_star()))
        .into_boxed();
    let held: Vec<(i64, Option<i64>, i64)> = filtered!(q, f, cs).load(conn)?;
    let opened = open_actions(conn, f, w)?;
    let mut out: HashMap<Whom, QualityFacts> = HashMap::new();
    for (agent, team, n, tenths, fatal) in evaluated {
        let x = out
            .entry(Whom {
                agent_id: agent,
                team_id: team,
            })
            .or_default();
        x.evaluations = n;
        x.score_tenths = tenths.unwrap_or(0);
        x.fatal_failures = fatal.unwrap_or(0);
    }
    for (agent, team, n) in disputed {
        out.entry(Whom {
            agent_id: agent,
            team_id: team,
        })
        .or_default()
        .disputes = n;
    }
    for (agent, team, n) in held {
        out.entry(Whom {
            agent_id: agent,
            team_id: team,
        })
        .or_default()
        .coaching_sessions = n;
    }
    for (agent, team, n, overdue) in opened {
        let x = out
            .entry(Whom {
                agent_id: agent,
                team_id: team,
            })
            .or_default();
        x.open_actions = n;
        x.overdue_actions = overdue.unwrap_or(0);
    }
    Ok(out)
}

/// Actions open at the end of `as_of`: created in a session held by then, not completed by then.
fn open_actions(
    conn: &mut Conn,
    f: &QualityFilter,
    w: QualityWindow,
) -> Result<Vec<OpenGroup>, ApiError> {
    let end_of_day = midnight(w.as_of + chrono::Days::new(1));
    let completed = CoachingActionStatus::Completed.as_str();
    let overdue = format!(
        "CASE WHEN coaching_actions.due_on < '{}' THEN 1 ELSE 0 END",
        w.as_of.format("%Y-%m-%d")
    );
    let q = ca::table
        .inner_join(cs::table)
        .filter(cs::held_on.le(w.as_of))
        .filter(ca::status.ne(completed).or(ca::completed_at.ge(end_of_day)))
        .group_by((ca::agent_id, ca::team_id))
        .select((ca::agent_id, ca::team_id, count_star(), sum(&overdue)))
        .into_boxed();
    Ok(filtered!(q, f, ca).load(conn)?)
}
