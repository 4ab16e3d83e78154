//! Assignments of accounts to agents: history kept, one open assignment per account.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::accounts::{self as accounts_db, AccountRow};
use super::audit::{self, Change};
use super::schema::{accounts as a, assignments as asg, users as u};
use super::scope::scope_of;
use super::{Conn, from_db_time, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::account::AccountStatus;
use crate::domain::assignment::{Handout, Holding, balance_greedy};
use crate::domain::role::Role;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = asg)]
struct AssignmentRow {
    id: i64,
    account_id: i64,
    assignee_id: i64,
    assigned_by: Option<i64>,
    started_at: chrono::NaiveDateTime,
    ended_at: Option<chrono::NaiveDateTime>,
}

/// One period during which an agent held an account.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 55, "account_id": 101, "assignee_id": 12, "assigned_by": 4,
    "started_at": "2026-11-22T14:03:00Z", "ended_at": null}))]
pub struct Assignment {
    pub id: i64,
    pub account_id: i64,
    /// The agent.
    pub assignee_id: i64,
    /// Who assigned it (`null` when the system did).
    pub assigned_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub started_at: DateTime<Utc>,
    /// `null` while current.
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub ended_at: Option<DateTime<Utc>>,
}

impl From<AssignmentRow> for Assignment {
    fn from(r: AssignmentRow) -> Self {
        Self {
            id: r.id,
            account_id: r.account_id,
            assignee_id: r.assignee_id,
            assigned_by: r.assigned_by,
            started_at: from_db_time(r.started_at),
            ended_at: r.ended_at.map(from_db_time),
        }
    }
}

/// The agent's team, when `id` is an active agent.
fn active_agent_team(conn: &mut Conn, id: i64) -> Result<Option<Option<i64>>, ApiError> {
    Ok(u::table
        .filter(
            u::id
                .eq(id)
                .and(u::active.eq(true))
                .and(u::role.eq(Role::Agent.as_str())),
        )
        .select(u::team_id)
        .first(conn)
        .optional()?)
}

/// Assigns `account_ids` to `assignee_id`. Team leads work within their team; managers and heads
/// anywhere (the account then joins the agent's team). Accounts outside the caller's scope → 404.
pub fn assign(
    conn: &mut Conn,
    actor: &Actor,
    account_ids: &[i64],
    assignee_id: i64,
) -> Result<Vec<Assignment>, ApiError> {
    let agent_team = active_agent_team(conn, assignee_id)?
        .ok_or_else(|| ApiError::invalid("assignee_id", "must be an active agent"))?;
    if actor.role == Role::TeamLead && (agent_team.is_none() || agent_team != actor.team_id) {
        return Err(ApiError::invalid(
            "assignee_id",
            "must be an active agent of your team",
        ));
    }
    let rows: Vec<AccountRow> = apply_account_scope!(
        a::table.filter(a::id.eq_any(account_ids)).into_boxed(),
        scope_of(actor)
    )
    .select(AccountRow::as_select())
    .load(conn)?;
    if let Some(missing) = account_ids
        .iter()
        .find(|id| !rows.iter().any(|r| r.id == **id))
    {
        return Err(ApiError::NotFound(format!("account {missing} not found")));
    }
    let team = if actor.role == Role::TeamLead {
        actor.team_id
    } else {
        agent_team
    };
    give(conn, actor, rows, assignee_id, team)
}

/// Ends the current assignments of `rows` and starts new ones for `assignee_id`, in bulk.
fn give(
    conn: &mut Conn,
    actor: &Actor,
    rows: Vec<AccountRow>,
    assignee_id: i64,
    team: Option<i64>,
) -> Result<Vec<Assignment>, ApiError> {
    let rows: Vec<AccountRow> = rows
        .into_iter()
        .filter(|r| r.assignee_id != Some(assignee_id))
        .collect();
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let at = to_db_time(actor.now);
    diesel::update(asg::table.filter(asg::account_id.eq_any(&ids).and(asg::ended_at.is_null())))
        .set(asg::ended_at.eq(at))
        .execute(conn)?;
    // One INSERT … SELECT over the accounts (the multi-backend connection has no batch VALUES).
    use diesel::IntoSql;
    use diesel::sql_types::{BigInt, Nullable, Timestamp};
    let source = a::table.filter(a::id.eq_any(&ids)).select((
        a::id,
        assignee_id.into_sql::<BigInt>(),
        Some(actor.user_id).into_sql::<Nullable<BigInt>>(),
        at.into_sql::<Timestamp>(),
    ));
    diesel::insert_into(asg::table)
        .values(source)
        .into_columns((
            asg::account_id,
            asg::assignee_id,
            asg::assigned_by,
            asg::started_at,
        ))
        .execute(conn)?;
    let created: Vec<AssignmentRow> = asg::table
        .filter(asg::account_id.eq_any(&ids).and(asg::ended_at.is_null()))
        .select(AssignmentRow::as_select())
        .order(asg::id)
        .load(conn)?;
    diesel::update(a::table.filter(a::id.eq_any(&ids)))
        .set((
            a::assignee_id.eq(Some(assignee_id)),
            a::team_id.eq(team),
            a::version.eq(a::version + 1),
            a::updated_at.eq(at),
        ))
        .execute(conn)?;
    let ctx = actor.into();
    for row in &rows {
        let before = serde_json::json!({"assignee_id": row.assignee_id, "team_id": row.team_id});
        let after = serde_json::json!({"assignee_id": assignee_id, "team_id": team});
        audit::record(
            conn,
            &ctx,
            Change {
                entity_type: "account",
                entity_id: row.id,
                action: "account.assigned",
                before: Some(before),
                after: Some(after),
                account_id: Some(row.id),
            },
        )?;
    }
    Ok(created.into_iter().map(Assignment::from).collect())
}

/// Assignment history of one visible account, newest first.
pub fn history(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Assignment>, ApiError> {
    accounts_db::find_visible_row(conn, actor, account_id)?;
    let mut q = asg::table
        .filter(asg::account_id.eq(account_id))
        .select(AssignmentRow::as_select())
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(asg::id.lt(b));
    }
    let rows: Vec<AssignmentRow> = q.order(asg::id.desc()).limit(limit).load(conn)?;
    Ok(rows.into_iter().map(Assignment::from).collect())
}

/// One agent's share after auto-assignment.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"agent_id": 12, "accounts_assigned": 14, "total_balance": 1825500}))]
pub struct AgentShare {
    pub agent_id: i64,
    /// Accounts given to the agent by this call.
    pub accounts_assigned: i64,
    /// Balance of all open and in-arrangement accounts the agent now holds (minor units).
    pub total_balance: i64,
}

/// Spreads the team's unassigned open accounts over its active agents (greedy, largest first).
pub fn auto_assign(
    conn: &mut Conn,
    actor: &Actor,
    team_id: i64,
) -> Result<AutoAssignment, ApiError> {
    if actor.role == Role::TeamLead && actor.team_id != Some(team_id) {
        return Err(ApiError::forbidden(
            "outside-team",
            "team leads auto-assign their own team only",
        ));
    }
    if !super::teams::exists(conn, team_id)? {
        return Err(ApiError::not_found("team"));
    }
    let agents = active_agents(conn, team_id)?;
    if agents.is_empty() {
        return Err(ApiError::conflict(
            "no-active-agents",
            "the team has no active agent to assign to",
        ));
    }
    let mut totals = held_balances(conn, &agents)?;
    let pool: Vec<AccountRow> = a::table
        .filter(
            a::team_id
                .eq(team_id)
                .and(a::assignee_id.is_null())
                .and(a::status.eq_any(workable())),
        )
        .select(AccountRow::as_select())
        .load(conn)?;
    let loads: Vec<Holding> = agents
        .iter()
        .map(|id| Holding {
            id: *id,
            balance: totals.get(id).copied().unwrap_or(0),
        })
        .collect();
    let accounts: Vec<Holding> = pool
        .iter()
        .map(|r| Holding {
            id: r.id,
            balance: r.balance,
        })
        .collect();
    let plan = balance_greedy(&accounts, &loads);
    let mut by_agent: HashMap<i64, Vec<AccountRow>> = HashMap::new();
    let mut pool: HashMap<i64, AccountRow> = pool.into_iter().map(|r| (r.id, r)).collect();
    for Handout {
        account_id,
        agent_id,
    } in plan
    {
        if let Some(row) = pool.remove(&account_id) {
            *totals.entry(agent_id).or_default() += row.balance;
            by_agent.entry(agent_id).or_default().push(row);
        }
    }
    let mut made = Vec::new();
    let mut shares = Vec::new();
    for agent in agents {
        let rows = by_agent.remove(&agent).unwrap_or_default();
        let n = rows.len() as i64;
        made.extend(give(conn, actor, rows, agent, Some(team_id))?);
        shares.push(AgentShare {
            agent_id: agent,
            accounts_assigned: n,
            total_balance: totals.get(&agent).copied().unwrap_or(0),
        });
    }
    Ok(AutoAssignment {
        assignments: made,
        shares,
    })
}

/// What auto-assignment did.
#[derive(Debug, Clone)]
pub struct AutoAssignment {
    pub assignments: Vec<Assignment>,
    pub shares: Vec<AgentShare>,
}

fn workable() -> [&'static str; 2] {
    [
        AccountStatus::Open.as_str(),
        AccountStatus::InArrangement.as_str(),
    ]
}

/// The team's active agents, by id.
fn active_agents(conn: &mut Conn, team_id: i64) -> Result<Vec<i64>, ApiError> {
    Ok(u::table
        .filter(
            u::team_id
                .eq(team_id)
                .and(u::active.eq(true))
                .and(u::role.eq(Role::Agent.as_str())),
        )
        .select(u::id)
        .order(u::id)
        .load(conn)?)
}

/// The balance of the workable accounts each agent holds now (0 for none).
fn held_balances(conn: &mut Conn, agents: &[i64]) -> Result<HashMap<i64, i64>, ApiError> {
    let held: Vec<(Option<i64>, i64)> = a::table
        .filter(
            a::assignee_id
                .eq_any(agents)
                .and(a::status.eq_any(workable())),
        )
        .select((a::assignee_id, a::balance))
        .load(conn)?;
    let mut totals: HashMap<i64, i64> = agents.iter().map(|id| (*id, 0)).collect();
    for (agent, balance) in held {
        if let Some(t) = agent.and_then(|a| totals.get_mut(&a)) {
            *t += balance;
        }
    }
    Ok(totals)
}
