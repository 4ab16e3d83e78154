//! Disputes: an open dispute makes the account `disputed`, which pauses outbound contacts and
//! new arrangements; resolving it returns the account to collection or closes it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::accounts as accounts_db;
use super::arrangements::{self, move_account};
use super::audit::{self, AuditContext, Change};
use super::schema::disputes as dp;
use super::{Conn, from_db_time, on_unique, to_db_time};
use crate::actor::Actor;
use crate::domain::account::AccountStatus;
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
    pub opened_at: chrono::NaiveDateTime,
    pub resolved_by: Option<i64>,
    pub resolved_at: Option<chrono::NaiveDateTime>,
    pub resolution_note: Option<String>,
}

/// A debtor's dispute of an account.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 3, "account_id": 101, "reason": "debtor says the debt was paid in 2024", "status": "open",
    "opened_by": 12, "opened_at": "2026-11-22T14:03:00Z", "resolved_by": null, "resolved_at": null, "resolution_note": null}))]
pub struct Dispute {
    pub id: i64,
    pub account_id: i64,
    pub reason: String,
    #[schema(value_type = crate::domain::status::DisputeStatus)]
    pub status: String,
    pub opened_by: Option<i64>,
    pub opened_at: DateTime<Utc>,
    pub resolved_by: Option<i64>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution_note: Option<String>,
}

impl From<DisputeRow> for Dispute {
    fn from(r: DisputeRow) -> Self {
        Self {
            id: r.id,
            account_id: r.account_id,
            reason: r.reason,
            status: r.status,
            opened_by: r.opened_by,
            opened_at: from_db_time(r.opened_at),
            resolved_by: r.resolved_by,
            resolved_at: r.resolved_at.map(from_db_time),
            resolution_note: r.resolution_note,
        }
    }
}

fn json(r: &DisputeRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

/// Opens a dispute on a visible account; the account becomes `disputed`.
pub fn open(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    reason: &str,
) -> Result<Dispute, ApiError> {
    let (account, _) = accounts_db::find_visible_row(conn, actor, account_id)?;
    let status = super::stored::<AccountStatus>("accounts.status", &account.status)?;
    if status == AccountStatus::Disputed {
        return Err(ApiError::conflict(
            "dispute-open",
            "the account already has an open dispute",
        ));
    }
    if !status.can_become(AccountStatus::Disputed) {
        return Err(ApiError::conflict(
            "account-not-open",
            format!("a {} account cannot be disputed", status.as_str()),
        ));
    }
    let row: DisputeRow = diesel::insert_into(dp::table)
        .values((
            dp::account_id.eq(account_id),
            dp::reason.eq(reason),
            dp::status.eq("open"),
            dp::prior_status.eq(status.as_str()),
            dp::opened_by.eq(Some(actor.user_id)),
            dp::opened_at.eq(to_db_time(actor.now)),
        ))
        .returning((
            dp::id,
            dp::account_id,
            dp::reason,
            dp::status,
            dp::prior_status,
            dp::opened_by,
            dp::opened_at,
            dp::resolved_by,
            dp::resolved_at,
            dp::resolution_note,
        ))
        .get_result(conn)
        .map_err(on_unique(|| {
            ApiError::conflict("dispute-open", "the account already has an open dispute")
        }))?;
    let ctx: AuditContext = actor.into();
    if !move_account(conn, &ctx, account_id, status, AccountStatus::Disputed)? {
        return Err(ApiError::conflict(
            "concurrent-update",
            "the account changed meanwhile; retry",
        ));
    }
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "dispute",
            entity_id: row.id,
            action: "dispute.opened",
            before: None,
            after: Some(json(&row)),
            account_id: Some(account_id),
        },
    )?;
    Ok(row.into())
}

/// Resolves an open dispute: `upheld` closes the account, `rejected` returns it to where it was.
pub fn resolve(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    outcome: DisputeOutcome,
    note: &str,
) -> Result<Dispute, ApiError> {
    let before: DisputeRow = dp::table
        .find(id)
        .select(DisputeRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("dispute"))?;
    accounts_db::find_visible_row(conn, actor, before.account_id)
        .map_err(|_| ApiError::not_found("dispute"))?;
    let status = match outcome {
        DisputeOutcome::Upheld => "upheld",
        DisputeOutcome::Rejected => "rejected",
    };
    let at = to_db_time(actor.now);
    let won = diesel::update(dp::table.filter(dp::id.eq(id).and(dp::status.eq("open"))))
        .set((
            dp::status.eq(status),
            dp::resolved_by.eq(Some(actor.user_id)),
            dp::resolved_at.eq(Some(at)),
            dp::resolution_note.eq(Some(note)),
        ))
        .execute(conn)?
        == 1;
    if !won {
        return Err(ApiError::conflict(
            "dispute-resolved",
            "the dispute is already resolved",
        ));
    }
    let ctx: AuditContext = actor.into();
    let to = match outcome {
        DisputeOutcome::Upheld => AccountStatus::Closed,
        DisputeOutcome::Rejected => {
            let prior =
                super::stored::<AccountStatus>("disputes.prior_status", &before.prior_status)?;
            // An arrangement that ended meanwhile leaves the account open.
            if prior == AccountStatus::InArrangement
                && arrangements::active_of(conn, before.account_id)?.is_none()
            {
                AccountStatus::Open
            } else {
                prior
            }
        }
    };
    move_account(conn, &ctx, before.account_id, AccountStatus::Disputed, to)?;
    let after: DisputeRow = dp::table
        .find(id)
        .select(DisputeRow::as_select())
        .first(conn)?;
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "dispute",
            entity_id: id,
            action: "dispute.resolved",
            before: Some(json(&before)),
            after: Some(json(&after)),
            account_id: Some(before.account_id),
        },
    )?;
    Ok(after.into())
}
