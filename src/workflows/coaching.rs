//! Coaching: a session with an agent (topics, the evaluations it went through, the actions
//! agreed with due dates), and an action completed by the agent or the coach. Audited.

use chrono::NaiveDate;

use crate::actor::Actor;
use crate::db::audit::{self, Change};
use crate::db::coaching::{self, CoachingAction, CoachingSession, NewActionRow, NewSessionRow};
use crate::db::{Conn, evaluations, to_db_time, users};
use crate::domain::Problem;
use crate::domain::quality::CoachingActionStatus;
use crate::domain::role::Role;
use crate::error::ApiError;

/// An action agreed in a session.
#[derive(Debug, Clone)]
pub struct AgreedAction {
    pub text: String,
    pub due_on: NaiveDate,
}

/// A session as the coach records it.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub agent_id: i64,
    pub held_on: NaiveDate,
    pub topics: Vec<String>,
    pub evaluation_ids: Vec<i64>,
    pub notes: Option<String>,
    pub actions: Vec<AgreedAction>,
}

/// Records a session with one of the coach's agents: a team lead coaches their team, managers
/// and heads anyone; nobody themselves. Linked evaluations must be the agent's; actions fall due
/// on or after the session's day, which is not in the future.
pub fn record(
    conn: &mut Conn,
    actor: &Actor,
    new: NewSession,
) -> Result<CoachingSession, ApiError> {
    let not_yours = || ApiError::invalid("agent_id", "no user you coach has this id");
    let agent = match users::find_visible(conn, actor, new.agent_id) {
        Err(ApiError::NotFound(_)) => return Err(not_yours()),
        found => found?,
    };
    if actor.role == Role::TeamLead && agent.team_id != actor.team_id {
        return Err(not_yours());
    }
    let mut problems = Vec::new();
    if agent.id == actor.user_id {
        problems.push(Problem::new("agent_id", "nobody coaches themselves"));
    }
    if new.held_on > actor.now.date_naive() {
        problems.push(Problem::new("held_on", "must not be in the future"));
    }
    for (i, a) in new.actions.iter().enumerate() {
        if a.due_on < new.held_on {
            problems.push(Problem::new(
                format!("actions[{i}].due_on"),
                "must be on or after `held_on`",
            ));
        }
    }
    let theirs = evaluations::ids_of_agent(conn, agent.id, &new.evaluation_ids)?;
    for (i, id) in new.evaluation_ids.iter().enumerate() {
        if !theirs.contains(id) || new.evaluation_ids[..i].contains(id) {
            problems.push(Problem::new(
                format!("evaluation_ids[{i}]"),
                "must be an evaluation of this agent, named once",
            ));
        }
    }
    ApiError::unless_any(problems)?;
    let now = to_db_time(actor.now);
    let session = coaching::insert_session(
        conn,
        &NewSessionRow {
            agent_id: agent.id,
            team_id: agent.team_id,
            coach_id: actor.user_id,
            held_on: new.held_on,
            topics: json_text(&new.topics)?,
            evaluation_ids: json_text(&new.evaluation_ids)?,
            notes: new.notes,
            created_at: now,
        },
    )?;
    let actions: Vec<NewActionRow> = new
        .actions
        .into_iter()
        .map(|a| NewActionRow {
            session_id: session.id,
            agent_id: agent.id,
            team_id: agent.team_id,
            coach_id: actor.user_id,
            text: a.text,
            due_on: a.due_on,
            status: CoachingActionStatus::Open.as_str(),
            created_at: now,
        })
        .collect();
    let actions = coaching::insert_actions(conn, &actions)?;
    let after = serde_json::json!({"session": coaching::json(&session), "actions": coaching::json(&actions)});
    audited(
        conn,
        actor,
        "coaching_session",
        session.id,
        "coaching_session.held",
        None,
        after,
    )?;
    session.into_session(actions, actor.now)
}

/// Completes an open action: the agent or the coach (others who see it: 403); 409 when it is
/// completed already.
pub fn complete_action(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
) -> Result<CoachingAction, ApiError> {
    let before = coaching::find_visible_action(conn, actor, id)?;
    if actor.user_id != before.agent_id && actor.user_id != before.coach_id {
        return Err(ApiError::forbidden(
            "not-agent-or-coach",
            "only the coached agent or their coach completes a coaching action",
        ));
    }
    let after = coaching::complete(conn, actor, id)?.ok_or_else(|| {
        ApiError::conflict(
            "coaching-action-completed",
            "this coaching action is completed already",
        )
    })?;
    audited(
        conn,
        actor,
        "coaching_action",
        id,
        "coaching_action.completed",
        Some(coaching::json(&before)),
        coaching::json(&after),
    )?;
    after.into_action(actor.now)
}

/// A list stored as JSON text.
fn json_text<T: serde::Serialize>(v: &T) -> Result<String, ApiError> {
    serde_json::to_string(v).map_err(|e| ApiError::Internal(format!("json: {e}")))
}

fn audited(
    conn: &mut Conn,
    actor: &Actor,
    entity_type: &str,
    entity_id: i64,
    action: &str,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> Result<(), ApiError> {
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type,
            entity_id,
            action,
            before,
            after: Some(after),
            account_id: None,
        },
    )
}
