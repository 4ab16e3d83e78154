//! Strategies: one row each, the definition stored as the JSON the API takes; the one active
//! strategy is held by a unique partial index.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit::{self, Change};
use super::schema::strategies as st;
use super::{Conn, from_db_time, on_unique, stored, to_db_time};
use crate::actor::Actor;
use crate::domain::status::text_enum;
use crate::domain::strategy::{Challenger, Segment};
use crate::error::ApiError;

text_enum! {
    /// `draft` (editable) → `active` (the one in force) → `retired`.
    #[schema(example = "active")]
    StrategyStatus {
        Draft => "draft",
        Active => "active",
        Retired => "retired",
    }
}

/// Segments and challenger, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    pub segments: Vec<Segment>,
    pub challenger: Option<Challenger>,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = st)]
pub struct StrategyRow {
    pub id: i64,
    pub name: String,
    pub status: String,
    pub definition: String,
    pub promoted_from: Option<i64>,
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub updated_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub activated_at: Option<chrono::NaiveDateTime>,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub retired_at: Option<chrono::NaiveDateTime>,
}

super::columns!(
    STRATEGY_COLUMNS = st(
        id,
        name,
        status,
        definition,
        promoted_from,
        created_by,
        created_at,
        updated_at,
        activated_at,
        retired_at,
    )
);

/// A collection strategy.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 3, "name": "Q4 early stage", "status": "active",
    "segments": [{"name": "early", "criteria": {"max_days_past_due": 30}, "treatment": [{"day": 0, "action": "call", "template": null, "discount_percent": null}]}],
    "challenger": {"share_percent": 20, "segments": [{"name": "early", "criteria": {"max_days_past_due": 30}, "treatment": [{"day": 0, "action": "sms", "template": "reminder-1", "discount_percent": null}]}]},
    "promoted_from": null, "created_by": 3, "created_at": "2026-11-20T09:00:00Z", "updated_at": "2026-11-21T09:00:00Z",
    "activated_at": "2026-11-21T09:00:00Z", "retired_at": null}))]
pub struct Strategy {
    pub id: i64,
    pub name: String,
    pub status: StrategyStatus,
    /// Tried in order: the first whose criteria all hold takes the account.
    pub segments: Vec<Segment>,
    pub challenger: Option<Challenger>,
    /// The strategy whose challenger this one promoted.
    pub promoted_from: Option<i64>,
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub activated_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub retired_at: Option<DateTime<Utc>>,
}

impl StrategyRow {
    pub fn status(&self) -> Result<StrategyStatus, ApiError> {
        stored("strategies.status", &self.status)
    }

    pub fn definition(&self) -> Result<Definition, ApiError> {
        serde_json::from_str(&self.definition)
            .map_err(|e| ApiError::Internal(format!("strategy {} definition: {e}", self.id)))
    }
}

impl TryFrom<StrategyRow> for Strategy {
    type Error = ApiError;

    fn try_from(r: StrategyRow) -> Result<Self, ApiError> {
        let Definition {
            segments,
            challenger,
        } = r.definition()?;
        Ok(Self {
            id: r.id,
            status: r.status()?,
            name: r.name,
            segments,
            challenger,
            promoted_from: r.promoted_from,
            created_by: r.created_by,
            created_at: from_db_time(r.created_at),
            updated_at: from_db_time(r.updated_at),
            activated_at: r.activated_at.map(from_db_time),
            retired_at: r.retired_at.map(from_db_time),
        })
    }
}

fn json(r: &StrategyRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

fn audited(
    conn: &mut Conn,
    actor: &Actor,
    action: &'static str,
    before: Option<&StrategyRow>,
    after: &StrategyRow,
) -> Result<(), ApiError> {
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "strategy",
            entity_id: after.id,
            action,
            before: before.map(json),
            after: Some(json(after)),
            account_id: None,
        },
    )?;
    Ok(())
}

/// Stores a draft (or, promoted, an active strategy).
pub fn insert(
    conn: &mut Conn,
    actor: &Actor,
    name: &str,
    definition: &Definition,
    promoted_from: Option<i64>,
) -> Result<StrategyRow, ApiError> {
    let text = serde_json::to_string(definition).map_err(ApiError::internal)?;
    let at = to_db_time(actor.now);
    let row: StrategyRow = diesel::insert_into(st::table)
        .values((
            st::name.eq(name),
            st::status.eq(StrategyStatus::Draft.as_str()),
            st::definition.eq(text),
            st::promoted_from.eq(promoted_from),
            st::created_by.eq(Some(actor.user_id)),
            st::created_at.eq(at),
            st::updated_at.eq(at),
        ))
        .returning(STRATEGY_COLUMNS)
        .get_result(conn)?;
    audited(conn, actor, "strategy.created", None, &row)?;
    Ok(row)
}

/// Replaces a draft's name and definition; `None` when it is no longer a draft.
pub fn replace_draft(
    conn: &mut Conn,
    actor: &Actor,
    before: &StrategyRow,
    name: &str,
    definition: &Definition,
) -> Result<Option<StrategyRow>, ApiError> {
    let text = serde_json::to_string(definition).map_err(ApiError::internal)?;
    let draft = st::id
        .eq(before.id)
        .and(st::status.eq(StrategyStatus::Draft.as_str()));
    let after: Option<StrategyRow> = diesel::update(st::table.filter(draft))
        .set((
            st::name.eq(name),
            st::definition.eq(text),
            st::updated_at.eq(to_db_time(actor.now)),
        ))
        .returning(STRATEGY_COLUMNS)
        .get_result(conn)
        .optional()?;
    if let Some(after) = &after {
        audited(conn, actor, "strategy.updated", Some(before), after)?;
    }
    Ok(after)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<StrategyRow, ApiError> {
    st::table
        .find(id)
        .select(StrategyRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("strategy"))
}

/// The active strategy, if any.
pub fn active(conn: &mut Conn) -> Result<Option<StrategyRow>, ApiError> {
    Ok(st::table
        .filter(st::status.eq(StrategyStatus::Active.as_str()))
        .select(StrategyRow::as_select())
        .first(conn)
        .optional()?)
}

/// Strategies, newest first, before the cursor.
pub fn list(conn: &mut Conn, before: Option<i64>, limit: i64) -> Result<Vec<Strategy>, ApiError> {
    let rows: Vec<StrategyRow> = st::table
        .filter(st::id.lt(before.unwrap_or(i64::MAX)))
        .select(StrategyRow::as_select())
        .order(st::id.desc())
        .limit(limit)
        .load(conn)?;
    rows.into_iter().map(Strategy::try_from).collect()
}

/// Makes `id` the active strategy: the active one (if any) retires first, in the caller's
/// transaction; the unique index refuses a second active one from a racing activation.
pub fn activate(conn: &mut Conn, actor: &Actor, id: i64) -> Result<StrategyRow, ApiError> {
    let before = find(conn, id)?;
    if before.status()? != StrategyStatus::Draft {
        return Err(ApiError::conflict(
            "strategy-not-draft",
            format!(
                "the strategy is {}; only a draft is activated",
                before.status
            ),
        ));
    }
    let at = to_db_time(actor.now);
    if let Some(current) = active(conn)? {
        let retired: StrategyRow = diesel::update(st::table.find(current.id))
            .set((
                st::status.eq(StrategyStatus::Retired.as_str()),
                st::retired_at.eq(Some(at)),
                st::updated_at.eq(at),
            ))
            .returning(STRATEGY_COLUMNS)
            .get_result(conn)?;
        audited(conn, actor, "strategy.retired", Some(&current), &retired)?;
    }
    let after: StrategyRow = diesel::update(st::table.find(id))
        .set((
            st::status.eq(StrategyStatus::Active.as_str()),
            st::activated_at.eq(Some(at)),
            st::updated_at.eq(at),
        ))
        .returning(STRATEGY_COLUMNS)
        .get_result(conn)
        .map_err(on_unique(|| {
            ApiError::conflict(
                "strategy-active",
                "another strategy was activated at the same time; retry",
            )
        }))?;
    audited(conn, actor, "strategy.activated", Some(&before), &after)?;
    Ok(after)
}
