//! What the agent scorecard reads besides performance and quality: the agent's team, and per
//! agent the complaints received against them and their satisfaction answers in a period (one
//! grouped query each).

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::Conn;
use super::schema::{complaints as c, satisfaction_responses as s, users as u};
use super::summary::midnight;
use super::sums::sum;
use super::targets::CoveredAgent;
use crate::domain::role::Role;
use crate::error::ApiError;

/// The agents of `team` (role `agent`), by id.
pub fn team_agents(conn: &mut Conn, team: i64) -> Result<Vec<CoveredAgent>, ApiError> {
    Ok(u::table
        .filter(u::team_id.eq(team).and(u::role.eq(Role::Agent.as_str())))
        .select((u::id, u::name, u::team_id))
        .order(u::id)
        .load(conn)?)
}

/// Complaints against one agent in a period.
#[derive(Debug, Clone, Copy, Default)]
pub struct ComplaintsAgainst {
    pub received: i64,
    /// Of those, closed as justified.
    pub justified: i64,
}

/// Per agent of `agents`, the complaints received in `[from, to]` that count against them.
pub fn complaints_against(
    conn: &mut Conn,
    agents: &[i64],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, ComplaintsAgainst>, ApiError> {
    let rows: Vec<(Option<i64>, i64, Option<i64>)> = c::table
        .filter(c::agent_id.eq_any(agents))
        .filter(c::received_at.ge(midnight(from)))
        .filter(c::received_at.lt(midnight(to + chrono::Days::new(1))))
        .group_by(c::agent_id)
        .select((
            c::agent_id,
            count_star(),
            sum("CASE WHEN complaints.justified THEN 1 ELSE 0 END"),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(agent, received, justified)| {
            agent.map(|a| {
                let j = justified.unwrap_or(0);
                (
                    a,
                    ComplaintsAgainst {
                        received,
                        justified: j,
                    },
                )
            })
        })
        .collect())
}

/// Satisfaction answers about one agent in a period.
#[derive(Debug, Clone, Copy, Default)]
pub struct Satisfaction {
    pub responses: i64,
    pub score_sum: i64,
}

impl Satisfaction {
    /// The average score (1 to 5) at two decimals, null without answers.
    pub fn average(&self) -> Option<f64> {
        (self.responses > 0)
            .then(|| (self.score_sum as f64 / self.responses as f64 * 100.0).round() / 100.0)
    }
}

/// Per agent of `agents`, the survey answers about them answered in `[from, to]`.
pub fn satisfaction(
    conn: &mut Conn,
    agents: &[i64],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, Satisfaction>, ApiError> {
    let rows: Vec<(Option<i64>, i64, Option<i64>)> = s::table
        .filter(s::agent_id.eq_any(agents))
        .filter(s::answered_at.ge(midnight(from)))
        .filter(s::answered_at.lt(midnight(to + chrono::Days::new(1))))
        .group_by(s::agent_id)
        .select((
            s::agent_id,
            count_star(),
            sum("satisfaction_responses.score"),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(agent, responses, total)| {
            agent.map(|a| {
                let score_sum = total.unwrap_or(0);
                (
                    a,
                    Satisfaction {
                        responses,
                        score_sum,
                    },
                )
            })
        })
        .collect())
}
