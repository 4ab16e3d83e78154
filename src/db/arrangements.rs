//! Payment arrangements: plans and promises to pay, with their installments.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::accounts::{self as accounts_db, AccountRow};
use super::audit::{self, Change};
use super::schema::{accounts as a, arrangements as ar, installments as ins};
use super::{Conn, from_db_time, on_unique, to_db_time, with_inner};
use crate::actor::Actor;
use crate::domain::account::AccountStatus;
use crate::domain::allocation::InstallmentStatus;
use crate::domain::authority::{Ask, required_role};
use crate::domain::role::Role;
use crate::domain::schedule::Due;
use crate::error::ApiError;

/// A plan (installments) or a promise to pay (one amount, one date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "plan")]
pub enum ArrangementKind {
    Plan,
    Promise,
}

impl ArrangementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Plan => "plan",
            Self::Promise => "promise",
        }
    }
}

/// Where an arrangement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "active")]
pub enum ArrangementStatus {
    PendingApproval,
    Active,
    /// Every installment paid (a promise paid in full: kept).
    Completed,
    /// An installment went unpaid past its grace period.
    Broken,
    Cancelled,
}

impl ArrangementStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PendingApproval => "pending_approval",
            Self::Active => "active",
            Self::Completed => "completed",
            Self::Broken => "broken",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::PendingApproval,
            Self::Active,
            Self::Completed,
            Self::Broken,
            Self::Cancelled,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }
}

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
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub ended_at: Option<chrono::NaiveDateTime>,
}

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
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When it completed, broke or was cancelled.
    pub ended_at: Option<DateTime<Utc>>,
    pub installments: Vec<Installment>,
}

fn to_arrangement(
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

/// The account's status as stored now (re-read inside the transaction).
pub fn current_status(conn: &mut Conn, account_id: i64) -> Result<AccountStatus, ApiError> {
    let text: String = a::table.find(account_id).select(a::status).first(conn)?;
    super::stored("accounts.status", &text)
}

/// Re-reads the account's status and moves it to `to` when the documented transitions allow it
/// (`false`, and nothing written, otherwise): the one place that re-reads, checks and moves.
pub fn move_if_allowed(
    conn: &mut Conn,
    ctx: &audit::AuditContext,
    account_id: i64,
    to: AccountStatus,
) -> Result<bool, ApiError> {
    let now = current_status(conn, account_id)?;
    if now != to && now.can_become(to) {
        move_account(conn, ctx, account_id, now, to)
    } else {
        Ok(false)
    }
}

/// Moves an account between statuses, conditionally on where it is, and audits it. `false` when
/// the account was not in `from`.
pub fn move_account(
    conn: &mut Conn,
    actor_ctx: &audit::AuditContext,
    account_id: i64,
    from: AccountStatus,
    to: AccountStatus,
) -> Result<bool, ApiError> {
    if !from.can_become(to) {
        return Err(ApiError::Internal(format!(
            "undocumented account transition {} → {}",
            from.as_str(),
            to.as_str()
        )));
    }
    let moved =
        diesel::update(a::table.filter(a::id.eq(account_id).and(a::status.eq(from.as_str()))))
            .set((
                a::status.eq(to.as_str()),
                a::version.eq(a::version + 1),
                a::updated_at.eq(to_db_time(actor_ctx.now)),
            ))
            .execute(conn)?
            == 1;
    if moved {
        audit::record(
            conn,
            actor_ctx,
            Change {
                entity_type: "account",
                entity_id: account_id,
                action: "account.status_changed",
                before: Some(serde_json::json!({"status": from.as_str()})),
                after: Some(serde_json::json!({"status": to.as_str()})),
                account_id: Some(account_id),
            },
        )?;
    }
    Ok(moved)
}

/// Sets up an arrangement on a visible, open account.
pub fn create(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    kind: ArrangementKind,
    dues: Vec<Due>,
) -> Result<Arrangement, ApiError> {
    let (account, _) = accounts_db::find_visible_row(conn, actor, account_id)?;
    let status = super::stored::<AccountStatus>("accounts.status", &account.status)?;
    if status == AccountStatus::InArrangement {
        return Err(live_exists());
    }
    if status != AccountStatus::Open {
        return Err(ApiError::conflict(
            "account-not-open",
            format!(
                "the account is {}; arrangements need an open account",
                status.as_str()
            ),
        ));
    }
    let errors = crate::domain::schedule::check(&dues, actor.now.date_naive(), account.balance);
    if !errors.is_empty() {
        return Err(ApiError::Validation(
            errors
                .into_iter()
                .map(|(f, m)| crate::error::FieldError::new(f, m))
                .collect(),
        ));
    }
    // A plan longer than the caller's tier may set up waits for approval (the approval policy's
    // `plan_max_installments`).
    let policy = super::approval_policy::current(conn)?;
    let needs_approval = kind == ArrangementKind::Plan
        && policy
            .plan_limit(actor.role)
            .is_some_and(|limit| dues.len() as i64 > limit);
    let status = if needs_approval {
        ArrangementStatus::PendingApproval
    } else {
        ArrangementStatus::Active
    };
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
        .returning((
            ar::id,
            ar::account_id,
            ar::kind,
            ar::status,
            ar::total_amount,
            ar::paid_amount,
            ar::created_by,
            ar::created_at,
            ar::updated_at,
            ar::ended_at,
        ))
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
    let ctx = actor.into();
    if needs_approval {
        let required = required_role(
            &policy,
            Ask::Arrangement {
                installments: dues.len() as i64,
            },
        );
        super::approvals::request_arrangement(
            conn,
            actor,
            &account,
            &row,
            dues.len() as i64,
            required,
        )?;
    } else if !move_account(
        conn,
        &ctx,
        account_id,
        AccountStatus::Open,
        AccountStatus::InArrangement,
    )? {
        return Err(ApiError::conflict(
            "concurrent-update",
            "the account changed while the arrangement was set up; retry",
        ));
    }
    let installments = installments_of(conn, row.id)?;
    let mut after = json(&row);
    after["installments"] = serde_json::to_value(&installments).unwrap_or_default();
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "arrangement",
            entity_id: row.id,
            action: "arrangement.created",
            before: None,
            after: Some(after),
            account_id: Some(account_id),
        },
    )?;
    to_arrangement(row, installments)
}

fn live_exists() -> ApiError {
    ApiError::conflict(
        "arrangement-exists",
        "the account already has an active or pending arrangement",
    )
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
) -> Result<(ArrangementRow, AccountRow), ApiError> {
    let row: ArrangementRow = ar::table
        .find(id)
        .select(ArrangementRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("arrangement"))?;
    let (account, _) = accounts_db::find_visible_row(conn, actor, row.account_id)
        .map_err(|_| ApiError::not_found("arrangement"))?;
    Ok((row, account))
}

pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Arrangement, ApiError> {
    let (row, _) = find_visible_row(conn, actor, id)?;
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
                after: Some(serde_json::json!({"status": to.as_str()})),
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

/// Cancels a live arrangement: its creator, a team lead of the account's team, or above.
pub fn cancel(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Arrangement, ApiError> {
    let (row, _) = find_visible_row(conn, actor, id)?;
    if actor.role == Role::Agent && row.created_by != Some(actor.user_id) {
        return Err(ApiError::forbidden(
            "not-creator",
            "an agent may cancel only arrangements they set up",
        ));
    }
    if !end(
        conn,
        &actor.into(),
        &row,
        ArrangementStatus::Cancelled,
        "arrangement.cancelled",
    )? {
        return Err(ApiError::conflict(
            "arrangement-not-live",
            format!(
                "the arrangement is {}; only active or pending ones can be cancelled",
                row.status
            ),
        ));
    }
    find_visible(conn, actor, id)
}
