//! Coaching sessions and their actions: rows, inserts, scoped reads (a session with its actions,
//! a page of sessions with theirs in one more query) and the conditional completion of an action.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::{coaching_actions as ca, coaching_sessions as cs};
use super::scope::staff_scope_of;
use super::{Conn, from_db_time, stored, to_db_time};
use crate::actor::Actor;
use crate::apply_staff_scope;
use crate::domain::quality::CoachingActionStatus;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = cs)]
pub struct SessionRow {
    pub id: i64,
    pub agent_id: i64,
    pub team_id: Option<i64>,
    pub coach_id: i64,
    pub held_on: NaiveDate,
    pub topics: String,
    pub evaluation_ids: String,
    pub notes: Option<String>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
}

super::columns!(
    SESSION_COLUMNS = cs(
        id,
        agent_id,
        team_id,
        coach_id,
        held_on,
        topics,
        evaluation_ids,
        notes,
        created_at
    )
);

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = ca)]
pub struct ActionRow {
    pub id: i64,
    pub session_id: i64,
    pub agent_id: i64,
    pub team_id: Option<i64>,
    pub coach_id: i64,
    pub text: String,
    pub due_on: NaiveDate,
    pub status: String,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub completed_at: Option<chrono::NaiveDateTime>,
    pub completed_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
}

super::columns!(
    ACTION_COLUMNS = ca(
        id,
        session_id,
        agent_id,
        team_id,
        coach_id,
        text,
        due_on,
        status,
        completed_at,
        completed_by,
        created_at
    )
);

/// Something the agent agreed to do by a date.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 31, "session_id": 9, "agent_id": 12, "coach_id": 5,
    "text": "Offer a payment plan before ending any call with a refusal.", "due_on": "2026-11-20",
    "status": "open", "overdue": false, "completed_at": null, "completed_by": null}))]
pub struct CoachingAction {
    pub id: i64,
    pub session_id: i64,
    pub agent_id: i64,
    pub coach_id: i64,
    pub text: String,
    pub due_on: NaiveDate,
    pub status: CoachingActionStatus,
    /// Open past `due_on` (UTC), now.
    pub overdue: bool,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub completed_at: Option<DateTime<Utc>>,
    pub completed_by: Option<i64>,
}

/// A one-to-one with an agent: what was discussed, the evaluations it went through, and the
/// actions agreed.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 9, "agent_id": 12, "team_id": 2, "coach_id": 5, "held_on": "2026-11-06",
    "topics": ["objection handling", "mini-Miranda"], "evaluation_ids": [7], "notes": "Listened to two calls together.",
    "actions": [{"id": 31, "session_id": 9, "agent_id": 12, "coach_id": 5,
        "text": "Offer a payment plan before ending any call with a refusal.", "due_on": "2026-11-20",
        "status": "open", "overdue": false, "completed_at": null, "completed_by": null}],
    "created_at": "2026-11-06T15:00:00Z"}))]
pub struct CoachingSession {
    pub id: i64,
    pub agent_id: i64,
    /// The agent's team when coached.
    pub team_id: Option<i64>,
    pub coach_id: i64,
    pub held_on: NaiveDate,
    pub topics: Vec<String>,
    pub evaluation_ids: Vec<i64>,
    pub notes: Option<String>,
    pub actions: Vec<CoachingAction>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
}

impl ActionRow {
    pub fn into_action(self, now: DateTime<Utc>) -> Result<CoachingAction, ApiError> {
        let status: CoachingActionStatus = stored("coaching_actions.status", &self.status)?;
        Ok(CoachingAction {
            overdue: status == CoachingActionStatus::Open && self.due_on < now.date_naive(),
            status,
            id: self.id,
            session_id: self.session_id,
            agent_id: self.agent_id,
            coach_id: self.coach_id,
            text: self.text,
            due_on: self.due_on,
            completed_at: self.completed_at.map(from_db_time),
            completed_by: self.completed_by,
        })
    }
}

fn parsed<T: serde::de::DeserializeOwned>(
    column: &str,
    id: i64,
    text: &str,
) -> Result<T, ApiError> {
    serde_json::from_str(text)
        .map_err(|e| ApiError::Internal(format!("{column} of session {id}: {e}")))
}

impl SessionRow {
    pub fn into_session(
        self,
        actions: Vec<ActionRow>,
        now: DateTime<Utc>,
    ) -> Result<CoachingSession, ApiError> {
        Ok(CoachingSession {
            topics: parsed("coaching_sessions.topics", self.id, &self.topics)?,
            evaluation_ids: parsed(
                "coaching_sessions.evaluation_ids",
                self.id,
                &self.evaluation_ids,
            )?,
            actions: actions
                .into_iter()
                .map(|a| a.into_action(now))
                .collect::<Result<_, _>>()?,
            id: self.id,
            agent_id: self.agent_id,
            team_id: self.team_id,
            coach_id: self.coach_id,
            held_on: self.held_on,
            notes: self.notes,
            created_at: from_db_time(self.created_at),
        })
    }
}

pub fn json<T: Serialize>(row: &T) -> serde_json::Value {
    serde_json::to_value(row).unwrap_or_default()
}

/// A session to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = cs)]
pub struct NewSessionRow {
    pub agent_id: i64,
    pub team_id: Option<i64>,
    pub coach_id: i64,
    pub held_on: NaiveDate,
    pub topics: String,
    pub evaluation_ids: String,
    pub notes: Option<String>,
    pub created_at: chrono::NaiveDateTime,
}

/// An action to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = ca)]
pub struct NewActionRow {
    pub session_id: i64,
    pub agent_id: i64,
    pub team_id: Option<i64>,
    pub coach_id: i64,
    pub text: String,
    pub due_on: NaiveDate,
    pub status: &'static str,
    pub created_at: chrono::NaiveDateTime,
}

pub fn insert_session(conn: &mut Conn, new: &NewSessionRow) -> Result<SessionRow, ApiError> {
    Ok(diesel::insert_into(cs::table)
        .values(new)
        .returning(SESSION_COLUMNS)
        .get_result(conn)?)
}

/// Stores a session's actions in one statement.
pub fn insert_actions(conn: &mut Conn, new: &[NewActionRow]) -> Result<Vec<ActionRow>, ApiError> {
    if new.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<ActionRow> = super::with_inner!(conn, c => diesel::insert_into(ca::table)
        .values(new)
        .returning(ACTION_COLUMNS)
        .get_results(c))?;
    Ok(rows)
}

/// The actions of `sessions`, by id.
fn actions_of(conn: &mut Conn, sessions: &[i64]) -> Result<Vec<ActionRow>, ApiError> {
    Ok(ca::table
        .filter(ca::session_id.eq_any(sessions))
        .select(ActionRow::as_select())
        .order(ca::id)
        .load(conn)?)
}

fn with_actions(
    conn: &mut Conn,
    rows: Vec<SessionRow>,
    now: DateTime<Utc>,
) -> Result<Vec<CoachingSession>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut actions = actions_of(conn, &ids)?;
    rows.into_iter()
        .map(|r| {
            let (mine, rest) = actions.drain(..).partition(|a| a.session_id == r.id);
            actions = rest;
            r.into_session(mine, now)
        })
        .collect()
}

/// One session `actor` may see, with its actions (404 otherwise).
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<CoachingSession, ApiError> {
    let q = cs::table.select(SessionRow::as_select()).into_boxed();
    let row = apply_staff_scope!(q, staff_scope_of(actor), cs)
        .filter(cs::id.eq(id))
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("coaching session"))?;
    Ok(with_actions(conn, vec![row], actor.now)?.remove(0))
}

/// Sessions `actor` may see, newest first, before the cursor, each with its actions.
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    agent_id: Option<i64>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<CoachingSession>, ApiError> {
    let q = cs::table.select(SessionRow::as_select()).into_boxed();
    let mut q = apply_staff_scope!(q, staff_scope_of(actor), cs);
    if let Some(agent) = agent_id {
        q = q.filter(cs::agent_id.eq(agent));
    }
    if let Some(b) = before {
        q = q.filter(cs::id.lt(b));
    }
    let rows: Vec<SessionRow> = q.order(cs::id.desc()).limit(limit).load(conn)?;
    with_actions(conn, rows, actor.now)
}

/// One action `actor` may see (404 otherwise).
pub fn find_visible_action(conn: &mut Conn, actor: &Actor, id: i64) -> Result<ActionRow, ApiError> {
    let q = ca::table.select(ActionRow::as_select()).into_boxed();
    apply_staff_scope!(q, staff_scope_of(actor), ca)
        .filter(ca::id.eq(id))
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("coaching action"))
}

/// Completes an open action, conditionally; `None` when it was completed already.
pub fn complete(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Option<ActionRow>, ApiError> {
    let open = CoachingActionStatus::Open.as_str();
    Ok(
        diesel::update(ca::table.filter(ca::id.eq(id).and(ca::status.eq(open))))
            .set((
                ca::status.eq(CoachingActionStatus::Completed.as_str()),
                ca::completed_at.eq(to_db_time(actor.now)),
                ca::completed_by.eq(actor.user_id),
            ))
            .returning(ACTION_COLUMNS)
            .get_result(conn)
            .optional()?,
    )
}
