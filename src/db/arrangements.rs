//! Payment arrangements: plans and promises to pay, with their installments.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::account_status::move_account;
use super::accounts::{self as accounts_db};
use super::audit::{self, Change};
use super::schema::{arrangements as ar, installments as ins};
use super::{Conn, from_db_time, on_unique, to_db_time, with_inner};
use crate::actor::Actor;
use crate::domain::account::AccountStatus;
use crate::domain::allocation::InstallmentStatus;
use crate::domain::schedule::Due;
use crate::error::ApiError;

pub use crate::domain::arrangement::{ArrangementKind, ArrangementStatus};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = ar)]
pub struct ArrangementRow {
    pub id: i64,
    pub account_id: i64,
    pub kind: String,
    pub status: String,
    pub total_amount: i64,
    pub paid_amount: i64,
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub updated_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub ended_at: Option<chrono::NaiveDateTime>,
}

super::columns!(
    ARRANGEMENT_COLUMNS = ar(
        id,
        account_id,
        kind,
        status,
        total_amount,
        paid_amount,
        created_by,
        created_at,
        updated_at,
        ended_at,
    )
);

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = ins)]
pub struct InstallmentRow {
    pub id: i64,
    pub arrangement_id: i64,
    pub seq: i32,
    pub due_on: NaiveDate,
    pub amount: i64,
    pub paid_amount: i64,
    pub status: String,
}

/// One installment of an arrangement.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 9, "seq": 1, "due_on": "2026-12-15", "amount": 25000, "paid_amount": 10000, "status": "partially_paid"}))]
pub struct Installment {
    pub id: i64,
    /// 1, 2, 3 … in due order.
    pub seq: i32,
    pub due_on: NaiveDate,
    /// Minor units.
    pub amount: i64,
    /// Minor units allocated so far.
    pub paid_amount: i64,
    pub status: InstallmentStatus,
}

/// A payment arrangement with its installments.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 4, "account_id": 101, "kind": "plan", "status": "active", "total_amount": 75000, "paid_amount": 10000,
    "created_by": 12, "created_at": "2026-11-22T14:03:00Z", "updated_at": "2026-11-22T14:03:00Z", "ended_at": null,
    "installments": [{"id": 9, "seq": 1, "due_on": "2026-12-15", "amount": 25000, "paid_amount": 10000, "status": "partially_paid"}]}))]
pub struct Arrangement {
    pub id: i64,
    pub account_id: i64,
    pub kind: ArrangementKind,
    pub status: ArrangementStatus,
    /// Sum of the installments (minor units).
    pub total_amount: i64,
    pub paid_amount: i64,
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: DateTime<Utc>,
    /// When it completed, broke or was cancelled.
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub ended_at: Option<DateTime<Utc>>,
    pub installments: Vec<Installment>,
}

pub fn to_arrangement(
    row: ArrangementRow,
    installments: Vec<InstallmentRow>,
) -> Result<Arrangement, ApiError> {
    Ok(Arrangement {
        id: row.id,
        account_id: row.account_id,
        kind: super::stored("arrangements.kind", &row.kind)?,
        status: super::stored("arrangements.status", &row.status)?,
        total_amount: row.total_amount,
        paid_amount: row.paid_amount,
        created_by: row.created_by,
        created_at: from_db_time(row.created_at),
        updated_at: from_db_time(row.updated_at),
        ended_at: row.ended_at.map(from_db_time),
        installments: installments
            .into_iter()
            .map(|i| {
                Ok(Installment {
                    id: i.id,
                    seq: i.seq,
                    due_on: i.due_on,
                    amount: i.amount,
                    paid_amount: i.paid_amount,
                    status: super::stored("installments.status", &i.status)?,
                })
            })
            .collect::<Result<_, ApiError>>()?,
    })
}

pub fn json(row: &ArrangementRow) -> serde_json::Value {
    serde_json::to_value(row).unwrap_or_default()
}

pub fn live_exists() -> ApiError {
    ApiError::conflict(
        "arrangement-exists",
        "the account already has an active or pending arrangement",
    )
}

/// Inserts an arrangement and its installments (in order, unpaid); a second live arrangement on
/// the account is refused by the partial unique index.
pub fn insert(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    kind: ArrangementKind,
    status: ArrangementStatus,
    dues: &[Due],
) -> Result<ArrangementRow, ApiError> {
    let at = to_db_time(actor.now);
    let total: i64 = dues.iter().map(|d| d.amount).sum();
    let row: ArrangementRow = diesel::insert_into(ar::table)
        .values((
            ar::account_id.eq(account_id),
            ar::kind.eq(kind.as_str()),
            ar::status.eq(status.as_str()),
            ar::total_amount.eq(total),
            ar::paid_amount.eq(0),
            ar::created_by.eq(Some(actor.user_id)),
            ar::created_at.eq(at),
            ar::updated_at.eq(at),
        ))
        .returning(ARRANGEMENT_COLUMNS)
        .get_result(conn)
        .map_err(on_unique(live_exists))?;
    let values: Vec<_> = dues
        .iter()
        .enumerate()
        .map(|(k, d)| {
            (
                ins::arrangement_id.eq(row.id),
                ins::seq.eq(k as i32 + 1),
                ins::due_on.eq(d.due_on),
                ins::amount.eq(d.amount),
                ins::paid_amount.eq(0i64),
                ins::status.eq(InstallmentStatus::Pending.as_str()),
            )
        })
        .collect();
    with_inner!(conn, c => diesel::insert_into(ins::table).values(&values).execute(c))?;
    Ok(row)
}

pub fn installments_of(
    conn: &mut Conn,
    arrangement_id: i64,
) -> Result<Vec<InstallmentRow>, ApiError> {
    Ok(ins::table
        .filter(ins::arrangement_id.eq(arrangement_id))
        .select(InstallmentRow::as_select())
        .order(ins::seq)
        .load(conn)?)
}

/// An arrangement row, if its account is visible to `actor`.
pub fn find_visible_row(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
) -> Result<ArrangementRow, ApiError> {
    let row: ArrangementRow = ar::table
        .find(id)
        .select(ArrangementRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("arrangement"))?;
    accounts_db::require_visible(conn, actor, row.account_id, "arrangement")?;
    Ok(row)
}

pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Arrangement, ApiError> {
    let row = find_visible_row(conn, actor, id)?;
    let installments = installments_of(conn, id)?;
    to_arrangement(row, installments)
}

/// A visible account's arrangements, newest first.
pub fn list_for_account(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Arrangement>, ApiError> {
    accounts_db::find_visible_row(conn, actor, account_id)?;
    let mut q = ar::table
        .filter(ar::account_id.eq(account_id))
        .select(ArrangementRow::as_select())
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(ar::id.lt(b));
    }
    let rows: Vec<ArrangementRow> = q.order(ar::id.desc()).limit(limit).load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut all: Vec<InstallmentRow> = ins::table
        .filter(ins::arrangement_id.eq_any(&ids))
        .select(InstallmentRow::as_select())
        .order((ins::arrangement_id, ins::seq))
        .load(conn)?;
    rows.into_iter()
        .map(|r| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                all.drain(..).partition(|i| i.arrangement_id == r.id);
            all = rest;
            to_arrangement(r, mine)
        })
        .collect()
}

/// One arrangement as stored now.
pub fn row(conn: &mut Conn, id: i64) -> Result<ArrangementRow, ApiError> {
    Ok(ar::table
        .find(id)
        .select(ArrangementRow::as_select())
        .first(conn)?)
}

/// Activates an approved plan that was waiting for approval, and audits it; its account's id, or
/// `None` when it was no longer waiting.
pub fn activate(
    conn: &mut Conn,
    ctx: &audit::AuditContext,
    id: i64,
) -> Result<Option<i64>, ApiError> {
    let row = self::row(conn, id)?;
    let waiting = ar::id
        .eq(id)
        .and(ar::status.eq(ArrangementStatus::PendingApproval.as_str()));
    let activated = diesel::update(ar::table.filter(waiting))
        .set((
            ar::status.eq(ArrangementStatus::Active.as_str()),
            ar::updated_at.eq(to_db_time(ctx.now)),
        ))
        .execute(conn)?
        == 1;
    if !activated {
        return Ok(None);
    }
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "arrangement",
            entity_id: id,
            action: "arrangement.approved",
            before: Some(serde_json::json!({"status": row.status})),
            after: Some(json(&ArrangementRow {
                status: ArrangementStatus::Active.as_str().to_owned(),
                updated_at: to_db_time(ctx.now),
                ..row.clone()
            })),
            account_id: Some(row.account_id),
        },
    )?;
    Ok(Some(row.account_id))
}

/// Makes an arrangement that a reversed payment had completed live again; `false` when it was
/// not completed.
pub fn reopen(conn: &mut Conn, ctx: &audit::AuditContext, id: i64) -> Result<bool, ApiError> {
    let at = to_db_time(ctx.now);
    let completed = ar::id
        .eq(id)
        .and(ar::status.eq(ArrangementStatus::Completed.as_str()));
    let reopened = diesel::update(ar::table.filter(completed))
        .set((
            ar::status.eq(ArrangementStatus::Active.as_str()),
            ar::ended_at.eq(None::<chrono::NaiveDateTime>),
            ar::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(reopened == 1)
}

/// The live (active) arrangement of an account, if any.
pub fn active_of(conn: &mut Conn, account_id: i64) -> Result<Option<ArrangementRow>, ApiError> {
    Ok(ar::table
        .filter(
            ar::account_id
                .eq(account_id)
                .and(ar::status.eq(ArrangementStatus::Active.as_str())),
        )
        .select(ArrangementRow::as_select())
        .first(conn)
        .optional()?)
}

/// Ends an arrangement (`to`: cancelled, completed or broken), conditionally on it being live,
/// and returns the account to `open` when it was `in_arrangement`. `false` when it was not live.
pub fn end(
    conn: &mut Conn,
    ctx: &audit::AuditContext,
    row: &ArrangementRow,
    to: ArrangementStatus,
    action: &str,
) -> Result<bool, ApiError> {
    let at = to_db_time(ctx.now);
    let ended = diesel::update(ar::table.filter(ar::id.eq(row.id).and(ar::status.eq_any([
        ArrangementStatus::Active.as_str(),
        ArrangementStatus::PendingApproval.as_str(),
    ]))))
    .set((
        ar::status.eq(to.as_str()),
        ar::ended_at.eq(Some(at)),
        ar::updated_at.eq(at),
    ))
    .execute(conn)?
        == 1;
    if ended {
        audit::record(
            conn,
            ctx,
            Change {
                entity_type: "arrangement",
                entity_id: row.id,
                action,
                before: Some(serde_json::json!({"status": row.status})),
                after: Some(json(&ArrangementRow {
                    status: to.as_str().to_owned(),
                    ended_at: Some(at),
                    updated_at: at,
                    ..row.clone()
                })),
                account_id: Some(row.account_id),
            },
        )?;
        move_account(
            conn,
            ctx,
            row.account_id,
            AccountStatus::InArrangement,
            AccountStatus::Open,
        )?;
    }
    Ok(ended)
}
