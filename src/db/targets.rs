//! Monthly collection targets per agent or team, and the agents a report covers for a caller.

use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::audit::{self, Change};
use super::schema::{targets as t, teams as tm, users as u};
use super::scope::{AccountScope, scope_of};
use super::{Conn, stored, to_db_time};
use crate::actor::Actor;
use crate::domain::role::Role;
use crate::error::ApiError;

crate::domain::status::text_enum! {
    /// Whose target.
    #[schema(example = "agent")]
    TargetScope {
        Agent => "agent",
        Team => "team",
    }
}

/// A monthly collection target.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"scope": "agent", "subject_id": 12, "period": "2026-11", "currency": "USD", "collected_amount": 5000000, "set_by": 4}))]
pub struct Target {
    pub scope: TargetScope,
    /// The agent's or team's id.
    pub subject_id: i64,
    /// `YYYY-MM`.
    pub period: String,
    /// ISO 4217: a subject has one target per period and currency.
    #[schema(example = "USD")]
    pub currency: String,
    /// Minor units (of `currency`) to collect in the period.
    pub collected_amount: i64,
    pub set_by: Option<i64>,
}

/// A target to set: whose, which month, in which currency, how much.
#[derive(Debug, Clone)]
pub struct NewTarget {
    pub scope: TargetScope,
    pub subject_id: i64,
    pub period: String,
    pub currency: String,
    pub collected_amount: i64,
}

/// The team a subject belongs to (an agent's team, or the team itself); 404 when unknown.
fn team_of(conn: &mut Conn, scope: TargetScope, subject: i64) -> Result<Option<i64>, ApiError> {
    match scope {
        TargetScope::Team => {
            let exists: bool =
                diesel::select(diesel::dsl::exists(tm::table.find(subject))).get_result(conn)?;
            if exists {
                Ok(Some(subject))
            } else {
                Err(ApiError::invalid("subject_id", "no team has this id"))
            }
        }
        TargetScope::Agent => {
            let row: Option<(String, Option<i64>)> = u::table
                .find(subject)
                .select((u::role, u::team_id))
                .first(conn)
                .optional()?;
            match row {
                Some((role, team)) if role == Role::Agent.as_str() => Ok(team),
                _ => Err(ApiError::invalid("subject_id", "no agent has this id")),
            }
        }
    }
}

/// Sets (or replaces) a target: a team lead for their team and its agents, managers and heads any.
pub fn set_target(conn: &mut Conn, actor: &Actor, new: NewTarget) -> Result<Target, ApiError> {
    let team = team_of(conn, new.scope, new.subject_id)?;
    if actor.role == Role::TeamLead && (team.is_none() || team != actor.team_id) {
        return Err(ApiError::forbidden(
            "outside-team",
            "team leads set targets for their own team and its agents",
        ));
    }
    let before = upsert(conn, actor, &new)?;
    let target = Target {
        scope: new.scope,
        subject_id: new.subject_id,
        period: new.period.clone(),
        currency: new.currency.clone(),
        collected_amount: new.collected_amount,
        set_by: Some(actor.user_id),
    };
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: if new.scope == TargetScope::Agent {
                "agent_target"
            } else {
                "team_target"
            },
            entity_id: new.subject_id,
            action: "target.set",
            before: before.map(|b| {
                serde_json::json!({"period": new.period, "currency": new.currency, "collected_amount": b})
            }),
            after: Some(serde_json::to_value(&target).unwrap_or_default()),
            account_id: None,
        },
    )?;
    Ok(target)
}

/// Stores the target, answering the amount it replaced (None when it is new).
fn upsert(conn: &mut Conn, actor: &Actor, new: &NewTarget) -> Result<Option<i64>, ApiError> {
    let at = to_db_time(actor.now);
    let this = t::scope
        .eq(new.scope.as_str())
        .and(t::subject_id.eq(new.subject_id))
        .and(t::period.eq(&new.period))
        .and(t::currency.eq(&new.currency));
    let before: Option<i64> = t::table
        .filter(this)
        .select(t::collected_amount)
        .first(conn)
        .optional()?;
    if before.is_some() {
        diesel::update(t::table.filter(this))
            .set((
                t::collected_amount.eq(new.collected_amount),
                t::set_by.eq(Some(actor.user_id)),
                t::updated_at.eq(at),
            ))
            .execute(conn)?;
    } else {
        diesel::insert_into(t::table)
            .values((
                t::scope.eq(new.scope.as_str()),
                t::subject_id.eq(new.subject_id),
                t::period.eq(&new.period),
                t::currency.eq(&new.currency),
                t::collected_amount.eq(new.collected_amount),
                t::set_by.eq(Some(actor.user_id)),
                t::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(before)
}

/// An agent a report covers.
#[derive(Debug, Clone, Queryable)]
pub struct CoveredAgent {
    pub id: i64,
    pub name: String,
    pub team_id: Option<i64>,
}

/// The agents a report covers for `actor`: a team lead's team, everyone for managers and above.
pub fn agents_in_scope(conn: &mut Conn, actor: &Actor) -> Result<Vec<CoveredAgent>, ApiError> {
    let mut q = u::table
        .filter(u::role.eq(Role::Agent.as_str()))
        .select((u::id, u::name, u::team_id))
        .into_boxed();
    match scope_of(actor) {
        AccountScope::Team(team) => q = q.filter(u::team_id.eq(team)),
        AccountScope::Nothing => q = q.filter(u::id.lt(0)),
        _ => {}
    }
    Ok(q.order(u::id).load(conn)?)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = t)]
struct TargetRow {
    scope: String,
    subject_id: i64,
    period: String,
    currency: String,
    collected_amount: i64,
    set_by: Option<i64>,
}

/// Targets of a period, as the caller may see them.
pub fn list_targets(conn: &mut Conn, actor: &Actor, period: &str) -> Result<Vec<Target>, ApiError> {
    let rows: Vec<TargetRow> = t::table
        .filter(t::period.eq(period))
        .select(TargetRow::as_select())
        .order((t::scope, t::subject_id, t::currency))
        .load(conn)?;
    let team = match scope_of(actor) {
        AccountScope::Team(team) => Some(team),
        _ => None,
    };
    let agents: Vec<i64> = if team.is_some() {
        agents_in_scope(conn, actor)?
            .into_iter()
            .map(|a| a.id)
            .collect()
    } else {
        vec![]
    };
    let mut targets = Vec::with_capacity(rows.len());
    for row in rows {
        let TargetRow {
            scope,
            subject_id,
            period,
            currency,
            collected_amount,
            set_by,
        } = row;
        let scope: TargetScope = stored("targets.scope", &scope)?;
        let visible = match (team, scope) {
            (None, _) => true,
            (Some(team), TargetScope::Team) => subject_id == team,
            (Some(_), TargetScope::Agent) => agents.contains(&subject_id),
        };
        if visible {
            targets.push(Target {
                scope,
                subject_id,
                period,
                currency,
                collected_amount,
                set_by,
            });
        }
    }
    Ok(targets)
}
