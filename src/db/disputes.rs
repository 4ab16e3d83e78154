//! Disputes: an open dispute makes the account `disputed`, which pauses outbound contacts and
//! new arrangements; resolving it returns the account to collection or closes it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::schema::disputes as dp;
use super::{Conn, from_db_time, on_unique, to_db_time};
use crate::actor::Actor;
use crate::domain::account::AccountStatus;
use crate::domain::status::DisputeStatus;
use crate::error::ApiError;

/// How a dispute ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "rejected")]
pub enum DisputeOutcome {
    /// The debtor was right: the account is closed.
    Upheld,
    /// The debt stands: the account returns to collection.
    Rejected,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = dp)]
pub struct DisputeRow {
    pub id: i64,
    pub account_id: i64,
    pub reason: String,
    pub status: String,
    pub prior_status: String,
    pub opened_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub opened_at: chrono::NaiveDateTime,
    pub resolved_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub resolved_at: Option<chrono::NaiveDateTime>,
    pub resolution_note: Option<String>,
}

super::columns!(
    DISPUTE_COLUMNS = dp(
        id,
        account_id,
        reason,
        status,
        prior_status,
        opened_by,
        opened_at,
        resolved_by,
        resolved_at,
        resolution_note,
    )
);

/// A debtor's dispute of an account.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 3, "account_id": 101, "reason": "debtor says the debt was paid in 2024", "status": "open",
    "opened_by": 12, "opened_at": "2026-11-22T14:03:00Z", "resolved_by": null, "resolved_at": null, "resolution_note": null}))]
pub struct Dispute {
    pub id: i64,
    pub account_id: i64,
    pub reason: String,
    pub status: crate::domain::status::DisputeStatus,
    pub opened_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub opened_at: DateTime<Utc>,
    pub resolved_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution_note: Option<String>,
}

impl TryFrom<DisputeRow> for Dispute {
    type Error = ApiError;

    fn try_from(r: DisputeRow) -> Result<Self, ApiError> {
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            reason: r.reason,
            status: super::stored("disputes.status", &r.status)?,
            opened_by: r.opened_by,
            opened_at: from_db_time(r.opened_at),
            resolved_by: r.resolved_by,
            resolved_at: r.resolved_at.map(from_db_time),
            resolution_note: r.resolution_note,
        })
    }
}

pub fn json(r: &DisputeRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

pub fn already_open() -> ApiError {
    ApiError::conflict("dispute-open", "the account already has an open dispute")
}

/// Inserts an open dispute remembering the account's status before it (one open dispute per
/// account: a second is refused).
pub fn insert(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    reason: &str,
    prior: AccountStatus,
) -> Result<DisputeRow, ApiError> {
    diesel::insert_into(dp::table)
        .values((
            dp::account_id.eq(account_id),
            dp::reason.eq(reason),
            dp::status.eq(DisputeStatus::Open.as_str()),
            dp::prior_status.eq(prior.as_str()),
            dp::opened_by.eq(Some(actor.user_id)),
            dp::opened_at.eq(to_db_time(actor.now)),
        ))
        .returning(DISPUTE_COLUMNS)
        .get_result(conn)
        .map_err(on_unique(already_open))
}

pub fn find(conn: &mut Conn, id: i64) -> Result<Option<DisputeRow>, ApiError> {
    Ok(dp::table
        .find(id)
        .select(DisputeRow::as_select())
        .first(conn)
        .optional()?)
}

/// Resolves an open dispute (once: `false` when it was resolved already).
pub fn mark_resolved(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    outcome: DisputeOutcome,
    note: &str,
) -> Result<bool, ApiError> {
    let status = match outcome {
        DisputeOutcome::Upheld => DisputeStatus::Upheld,
        DisputeOutcome::Rejected => DisputeStatus::Rejected,
    };
    let won = diesel::update(
        dp::table.filter(
            dp::id
                .eq(id)
                .and(dp::status.eq(DisputeStatus::Open.as_str())),
        ),
    )
    .set((
        dp::status.eq(status.as_str()),
        dp::resolved_by.eq(Some(actor.user_id)),
        dp::resolved_at.eq(Some(to_db_time(actor.now))),
        dp::resolution_note.eq(Some(note)),
    ))
    .execute(conn)?;
    Ok(won == 1)
}

/// A dispute, if its account is visible (404 otherwise, as for an unknown id).
pub fn find_visible(
    conn: &mut Conn,
    actor: &crate::actor::Actor,
    id: i64,
) -> Result<DisputeRow, ApiError> {
    let row = find(conn, id)?.ok_or_else(|| ApiError::not_found("dispute"))?;
    super::accounts::require_visible(conn, actor, row.account_id, "dispute")?;
    Ok(row)
}
