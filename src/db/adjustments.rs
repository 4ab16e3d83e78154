//! Adjustments: one row per signed change of one part of a balance, applied or waiting for its
//! approval request.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::{accounts as a, adjustments as adj};
use super::scope::scope_of;
use super::{Conn, MultiBackend, from_db_time, stored, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::adjustment::{AdjustmentReason, AdjustmentStatus};
use crate::domain::parts::Component;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = adj)]
pub struct AdjustmentRow {
    pub id: i64,
    pub account_id: i64,
    pub component: String,
    pub amount: i64,
    pub reason: String,
    pub note: String,
    pub status: String,
    pub approval_id: Option<i64>,
    pub requested_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub applied_at: Option<chrono::NaiveDateTime>,
}

super::columns!(
    ADJUSTMENT_COLUMNS = adj(
        id,
        account_id,
        component,
        amount,
        reason,
        note,
        status,
        approval_id,
        requested_by,
        created_at,
        applied_at,
    )
);

/// An adjustment of one part of an account's balance.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 31, "account_id": 101, "component": "fees", "amount": -2500,
    "reason": "fee_waiver", "note": "late fee charged in error by the client", "status": "applied",
    "approval_id": null, "requested_by": 12, "created_at": "2026-11-30T10:02:00Z",
    "applied_at": "2026-11-30T10:02:00Z"}))]
pub struct Adjustment {
    pub id: i64,
    pub account_id: i64,
    pub component: Component,
    /// Signed minor units: negative lowers the part, positive raises it.
    pub amount: i64,
    pub reason: AdjustmentReason,
    pub note: String,
    pub status: AdjustmentStatus,
    /// The approval request a lowering beyond the requester's `adjustment_max` waits for.
    pub approval_id: Option<i64>,
    /// Who asked for it (`null`: the command-line import).
    pub requested_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    /// When the part moved (`null` until then).
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub applied_at: Option<DateTime<Utc>>,
}

impl TryFrom<AdjustmentRow> for Adjustment {
    type Error = ApiError;

    fn try_from(r: AdjustmentRow) -> Result<Self, ApiError> {
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            component: stored("adjustments.component", &r.component)?,
            amount: r.amount,
            reason: stored("adjustments.reason", &r.reason)?,
            note: r.note,
            status: stored("adjustments.status", &r.status)?,
            approval_id: r.approval_id,
            requested_by: r.requested_by,
            created_at: from_db_time(r.created_at),
            applied_at: r.applied_at.map(from_db_time),
        })
    }
}

pub fn json(r: &AdjustmentRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

/// A new adjustment row.
#[derive(Debug, Clone, Copy)]
pub struct NewAdjustment<'a> {
    pub account_id: i64,
    pub component: Component,
    pub amount: i64,
    pub reason: AdjustmentReason,
    pub note: &'a str,
    pub status: AdjustmentStatus,
    pub approval_id: Option<i64>,
    pub requested_by: Option<i64>,
    pub at: DateTime<Utc>,
}

pub fn insert(conn: &mut Conn, new: NewAdjustment<'_>) -> Result<AdjustmentRow, ApiError> {
    let at = to_db_time(new.at);
    let applied = (new.status == AdjustmentStatus::Applied).then_some(at);
    Ok(diesel::insert_into(adj::table)
        .values((
            adj::account_id.eq(new.account_id),
            adj::component.eq(new.component.as_str()),
            adj::amount.eq(new.amount),
            adj::reason.eq(new.reason.as_str()),
            adj::note.eq(new.note),
            adj::status.eq(new.status.as_str()),
            adj::approval_id.eq(new.approval_id),
            adj::requested_by.eq(new.requested_by),
            adj::created_at.eq(at),
            adj::applied_at.eq(applied),
        ))
        .returning(ADJUSTMENT_COLUMNS)
        .get_result(conn)?)
}

/// The adjustment an approval request is for.
pub fn of_approval(conn: &mut Conn, approval_id: i64) -> Result<Option<AdjustmentRow>, ApiError> {
    Ok(adj::table
        .filter(adj::approval_id.eq(approval_id))
        .select(AdjustmentRow::as_select())
        .first(conn)
        .optional()?)
}

/// Moves a pending adjustment to `to` (applied: stamped now); `None` when it was not pending.
pub fn settle(
    conn: &mut Conn,
    id: i64,
    to: AdjustmentStatus,
    at: DateTime<Utc>,
) -> Result<Option<AdjustmentRow>, ApiError> {
    let applied = (to == AdjustmentStatus::Applied).then_some(to_db_time(at));
    let pending = adj::id
        .eq(id)
        .and(adj::status.eq(AdjustmentStatus::PendingApproval.as_str()));
    Ok(diesel::update(adj::table.filter(pending))
        .set((adj::status.eq(to.as_str()), adj::applied_at.eq(applied)))
        .returning(ADJUSTMENT_COLUMNS)
        .get_result(conn)
        .optional()?)
}

/// An account's adjustments, oldest first, after the cursor.
pub fn list_for(
    conn: &mut Conn,
    account_id: i64,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<Adjustment>, ApiError> {
    let rows: Vec<AdjustmentRow> = adj::table
        .filter(adj::account_id.eq(account_id))
        .filter(adj::id.gt(after.unwrap_or(0)))
        .select(AdjustmentRow::as_select())
        .order(adj::id)
        .limit(limit)
        .load(conn)?;
    rows.into_iter().map(Adjustment::try_from).collect()
}

/// One adjustment, if its account is visible to `actor` (404 otherwise).
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Adjustment, ApiError> {
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<adj::table, a::table>,
        MultiBackend,
    > = adj::table.inner_join(a::table).into_boxed();
    apply_account_scope!(joined, scope_of(actor))
        .filter(adj::id.eq(id))
        .select(AdjustmentRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("adjustment"))?
        .try_into()
}
