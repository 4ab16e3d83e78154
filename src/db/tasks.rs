//! Tasks: a strategy's `review` steps for the account's team lead; completed once by one
//! conditional update from `open`.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::{accounts as a, tasks as t, users as u};
use super::scope::scope_of;
use super::{Conn, MultiBackend, from_db_time, stored, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::role::Role;
use crate::domain::status::text_enum;
use crate::error::ApiError;

text_enum! {
    /// Where a task is.
    #[schema(example = "open")]
    TaskStatus {
        Open => "open",
        Done => "done",
    }
}

text_enum! {
    /// What a task asks for.
    #[schema(example = "review")]
    TaskKind {
        /// Review the account (a strategy's `review` step).
        Review => "review",
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = t)]
pub struct TaskRow {
    pub id: i64,
    pub account_id: i64,
    pub step_id: Option<i64>,
    pub kind: String,
    pub status: String,
    pub assignee_id: Option<i64>,
    pub due_on: NaiveDate,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub completed_at: Option<chrono::NaiveDateTime>,
    pub completed_by: Option<i64>,
}

super::columns!(
    pub TASK_COLUMNS = t(
        id,
        account_id,
        step_id,
        kind,
        status,
        assignee_id,
        due_on,
        created_at,
        completed_at,
        completed_by,
    )
);

/// A task to create.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = t)]
pub struct NewTask {
    pub account_id: i64,
    pub step_id: Option<i64>,
    pub kind: String,
    pub status: String,
    pub assignee_id: Option<i64>,
    pub due_on: NaiveDate,
    pub created_at: chrono::NaiveDateTime,
}

/// Work for a team lead.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 7, "account_id": 101, "kind": "review", "status": "open", "assignee_id": 4,
    "due_on": "2026-12-01", "step_id": 90, "created_at": "2026-11-30T02:00:12Z", "completed_at": null, "completed_by": null}))]
pub struct Task {
    pub id: i64,
    pub account_id: i64,
    pub kind: TaskKind,
    pub status: TaskStatus,
    /// The account's team lead when the task was made (null: the team has none).
    pub assignee_id: Option<i64>,
    pub due_on: NaiveDate,
    /// The strategy step that made it.
    pub step_id: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub completed_at: Option<DateTime<Utc>>,
    pub completed_by: Option<i64>,
}

impl TryFrom<TaskRow> for Task {
    type Error = ApiError;

    fn try_from(r: TaskRow) -> Result<Self, ApiError> {
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            kind: stored("tasks.kind", &r.kind)?,
            status: stored("tasks.status", &r.status)?,
            assignee_id: r.assignee_id,
            due_on: r.due_on,
            step_id: r.step_id,
            created_at: from_db_time(r.created_at),
            completed_at: r.completed_at.map(from_db_time),
            completed_by: r.completed_by,
        })
    }
}

pub fn json(r: &TaskRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

/// Inserts tasks in statements of 1,000 and answers the stored rows.
pub fn insert(conn: &mut Conn, rows: &[NewTask]) -> Result<Vec<TaskRow>, ApiError> {
    let mut out = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(1000) {
        let stored: Vec<TaskRow> = super::with_inner!(conn, c => diesel::insert_into(t::table)
            .values(chunk)
            .returning(TASK_COLUMNS)
            .get_results(c))?;
        out.extend(stored);
    }
    Ok(out)
}

/// Each team's lead (the active team lead with the lowest id), for the given teams.
pub fn team_leads(
    conn: &mut Conn,
    team_ids: &[i64],
) -> Result<std::collections::HashMap<i64, i64>, ApiError> {
    let mut out = std::collections::HashMap::new();
    for (team, user) in u::table
        .filter(
            u::team_id
                .eq_any(team_ids)
                .and(u::role.eq(Role::TeamLead.as_str()))
                .and(u::active.eq(true)),
        )
        .order(u::id.desc())
        .select((u::team_id.assume_not_null(), u::id))
        .load::<(i64, i64)>(conn)?
    {
        out.insert(team, user);
    }
    Ok(out)
}

/// Tasks `actor` may see (their team's accounts for a team lead), newest first before `before`.
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    status: Option<TaskStatus>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Task>, ApiError> {
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<t::table, a::table>,
        MultiBackend,
    > = t::table.inner_join(a::table).into_boxed();
    let mut q = apply_account_scope!(joined, scope_of(actor));
    if let Some(s) = status {
        q = q.filter(t::status.eq(s.as_str()));
    }
    if let Some(b) = before {
        q = q.filter(t::id.lt(b));
    }
    let rows: Vec<TaskRow> = q
        .order(t::id.desc())
        .limit(limit)
        .select(TaskRow::as_select())
        .load(conn)?;
    rows.into_iter().map(Task::try_from).collect()
}

/// One task `actor` may see (404 otherwise).
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<TaskRow, ApiError> {
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<t::table, a::table>,
        MultiBackend,
    > = t::table.inner_join(a::table).into_boxed();
    apply_account_scope!(joined, scope_of(actor))
        .filter(t::id.eq(id))
        .select(TaskRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("task"))
}

/// Marks a visible open task done, audited (409 `task-done` when it was done already).
pub fn complete(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Task, ApiError> {
    let before = find_visible(conn, actor, id)?;
    let Some(after) = mark_done(conn, actor, id)? else {
        return Err(ApiError::conflict("task-done", "the task is done already"));
    };
    super::audit::record(
        conn,
        &actor.into(),
        super::audit::Change {
            entity_type: "task",
            entity_id: id,
            action: "task.completed",
            before: Some(json(&before)),
            after: Some(json(&after)),
            account_id: Some(after.account_id),
        },
    )?;
    after.try_into()
}

fn mark_done(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Option<TaskRow>, ApiError> {
    let open = t::id.eq(id).and(t::status.eq(TaskStatus::Open.as_str()));
    Ok(diesel::update(t::table.filter(open))
        .set((
            t::status.eq(TaskStatus::Done.as_str()),
            t::completed_at.eq(Some(to_db_time(actor.now))),
            t::completed_by.eq(Some(actor.user_id)),
        ))
        .returning(TASK_COLUMNS)
        .get_result(conn)
        .optional()?)
}
