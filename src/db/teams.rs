//! Teams.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::audit::{self, AuditContext, Change};
use super::schema::teams as t;
use super::{Conn, from_db_time, on_unique, to_db_time};
use crate::error::ApiError;

/// A collection team: a team lead and their agents.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 3, "name": "North", "created_at": "2026-11-22T14:03:00Z", "updated_at": "2026-11-22T14:03:00Z"}))]
pub struct Team {
    pub id: i64,
    /// Unique, case-insensitively.
    pub name: String,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = t)]
struct Row {
    id: i64,
    name: String,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}
super::columns!(COLUMNS = t(id, name, created_at, updated_at,));

fn to_team(row: Row) -> Team {
    Team {
        id: row.id,
        name: row.name,
        created_at: from_db_time(row.created_at),
        updated_at: from_db_time(row.updated_at),
    }
}

fn json(team: &Team) -> serde_json::Value {
    serde_json::to_value(team).unwrap_or_default()
}

fn name_taken() -> ApiError {
    ApiError::conflict("team-name-taken", "another team already has this name")
}

pub fn exists(conn: &mut Conn, id: i64) -> Result<bool, ApiError> {
    Ok(diesel::select(diesel::dsl::exists(t::table.find(id))).get_result(conn)?)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<Team, ApiError> {
    let row: Option<Row> = t::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?;
    row.map(to_team).ok_or_else(|| ApiError::not_found("team"))
}

pub fn list(conn: &mut Conn, after: Option<i64>, limit: i64) -> Result<Vec<Team>, ApiError> {
    let mut q = t::table.select(Row::as_select()).into_boxed();
    if let Some(after) = after {
        q = q.filter(t::id.gt(after));
    }
    let rows: Vec<Row> = q.order(t::id.asc()).limit(limit).load(conn)?;
    Ok(rows.into_iter().map(to_team).collect())
}

pub fn create(conn: &mut Conn, ctx: &AuditContext, name: &str) -> Result<Team, ApiError> {
    let at = to_db_time(ctx.now);
    let row: Row = diesel::insert_into(t::table)
        .values((t::name.eq(name), t::created_at.eq(at), t::updated_at.eq(at)))
        .returning(COLUMNS)
        .get_result(conn)
        .map_err(on_unique(name_taken))?;
    let team = to_team(row);
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "team",
            entity_id: team.id,
            action: "team.created",
            before: None,
            after: Some(json(&team)),
            account_id: None,
        },
    )?;
    Ok(team)
}

pub fn rename(conn: &mut Conn, ctx: &AuditContext, id: i64, name: &str) -> Result<Team, ApiError> {
    let before = find(conn, id)?;
    let row: Row = diesel::update(t::table.find(id))
        .set((t::name.eq(name), t::updated_at.eq(to_db_time(ctx.now))))
        .returning(COLUMNS)
        .get_result(conn)
        .map_err(on_unique(name_taken))?;
    let after = to_team(row);
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "team",
            entity_id: id,
            action: "team.updated",
            before: Some(json(&before)),
            after: Some(json(&after)),
            account_id: None,
        },
    )?;
    Ok(after)
}
