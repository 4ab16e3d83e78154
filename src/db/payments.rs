//! Payments: the balance moves with one conditional UPDATE, so concurrent payments can never
//! take it below zero; allocations to installments are stored, so a reversal restores them
//! exactly.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::accounts::{self as accounts_db};
use super::arrangements::{self, ArrangementKind, ArrangementStatus, InstallmentRow, move_account};
use super::audit::{self, AuditContext, Change};
use super::schema::{
    accounts as a, arrangements as ar, installments as ins, payment_allocations as pa,
    payments as p,
};
use super::{Conn, from_db_time, on_unique, to_db_time};
use crate::actor::Actor;
use crate::domain::account::AccountStatus;
use crate::domain::allocation::{InstallmentStatus, Open, allocate};
use crate::error::ApiError;

/// How the money came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "card")]
pub enum PaymentMethod {
    Card,
    Ach,
    Check,
    Cash,
    Other,
}

impl PaymentMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Card => "card",
            Self::Ach => "ach",
            Self::Check => "check",
            Self::Cash => "cash",
            Self::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = p)]
pub struct PaymentRow {
    pub id: i64,
    pub account_id: i64,
    pub amount: i64,
    pub method: String,
    pub reference: Option<String>,
    pub received_on: NaiveDate,
    pub recovery: bool,
    pub arrangement_id: Option<i64>,
    pub recorded_by: Option<i64>,
    pub created_at: chrono::NaiveDateTime,
    pub reversed_at: Option<chrono::NaiveDateTime>,
    pub reversed_by: Option<i64>,
    pub reversal_reason: Option<String>,
}

// The tuple type is the column list itself; an alias would only repeat it.
#[allow(clippy::type_complexity)]
const PAYMENT_COLUMNS: (
    p::id,
    p::account_id,
    p::amount,
    p::method,
    p::reference,
    p::received_on,
    p::recovery,
    p::arrangement_id,
    p::recorded_by,
    p::created_at,
    p::reversed_at,
    p::reversed_by,
    p::reversal_reason,
) = (
    p::id,
    p::account_id,
    p::amount,
    p::method,
    p::reference,
    p::received_on,
    p::recovery,
    p::arrangement_id,
    p::recorded_by,
    p::created_at,
    p::reversed_at,
    p::reversed_by,
    p::reversal_reason,
);

/// Money received on an account.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 31, "account_id": 101, "amount": 10000, "method": "card", "reference": "TX-99812",
    "received_on": "2026-11-22", "recovery": false, "arrangement_id": 4, "recorded_by": 12,
    "created_at": "2026-11-22T14:03:00Z", "reversed_at": null, "reversed_by": null, "reversal_reason": null}))]
pub struct Payment {
    pub id: i64,
    pub account_id: i64,
    /// Minor units, > 0.
    pub amount: i64,
    pub method: PaymentMethod,
    /// The payer's or processor's reference; unique per account.
    pub reference: Option<String>,
    pub received_on: NaiveDate,
    /// Money received after the account was written off: recorded, reported apart, balance unchanged.
    pub recovery: bool,
    /// The arrangement the payment was allocated to, if any.
    pub arrangement_id: Option<i64>,
    pub recorded_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub reversed_at: Option<DateTime<Utc>>,
    pub reversed_by: Option<i64>,
    pub reversal_reason: Option<String>,
}

impl TryFrom<PaymentRow> for Payment {
    type Error = ApiError;

    fn try_from(r: PaymentRow) -> Result<Self, ApiError> {
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            amount: r.amount,
            method: super::stored("payments.method", &r.method)?,
            reference: r.reference,
            received_on: r.received_on,
            recovery: r.recovery,
            arrangement_id: r.arrangement_id,
            recorded_by: r.recorded_by,
            created_at: from_db_time(r.created_at),
            reversed_at: r.reversed_at.map(from_db_time),
            reversed_by: r.reversed_by,
            reversal_reason: r.reversal_reason,
        })
    }
}

fn json(row: &PaymentRow) -> serde_json::Value {
    serde_json::to_value(row).unwrap_or_default()
}

/// A payment to record (validated: amount > 0, date not in the future).
#[derive(Debug, Clone)]
pub struct NewPayment {
    pub amount: i64,
    pub method: PaymentMethod,
    pub reference: Option<String>,
    pub received_on: NaiveDate,
}

/// Records a payment on a visible account; see the module docs for how money moves.
pub fn record(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    new: NewPayment,
) -> Result<Payment, ApiError> {
    let (account, _) = accounts_db::find_visible_row(conn, actor, account_id)?;
    let status = super::stored::<AccountStatus>("accounts.status", &account.status)?;
    let ctx: AuditContext = actor.into();
    let recovery = status == AccountStatus::WrittenOff;
    if recovery {
        // A recovery never exceeds what was written off and not yet recovered.
        let taken = diesel::update(
            a::table.filter(
                a::id
                    .eq(account_id)
                    .and((a::written_off_amount - a::recovered_amount).ge(new.amount)),
            ),
        )
        .set((
            a::recovered_amount.eq(a::recovered_amount + new.amount),
            a::version.eq(a::version + 1),
        ))
        .execute(conn)?;
        if taken == 0 {
            return Err(ApiError::invalid(
                "amount",
                "exceeds what was written off and not yet recovered",
            ));
        }
    } else {
        if matches!(
            status,
            AccountStatus::Closed | AccountStatus::Settled | AccountStatus::Paid
        ) {
            return Err(ApiError::conflict(
                "account-closed",
                format!("the account is {}; it takes no payments", status.as_str()),
            ));
        }
        let taken =
            diesel::update(a::table.filter(a::id.eq(account_id).and(a::balance.ge(new.amount))))
                .set((
                    a::balance.eq(a::balance - new.amount),
                    a::version.eq(a::version + 1),
                    a::updated_at.eq(to_db_time(actor.now)),
                ))
                .execute(conn)?;
        if taken == 0 {
            return Err(ApiError::invalid("amount", "exceeds the account's balance"));
        }
    }
    let live = if recovery {
        None
    } else {
        arrangements::active_of(conn, account_id)?
    };
    let row: PaymentRow = diesel::insert_into(p::table)
        .values((
            p::account_id.eq(account_id),
            p::amount.eq(new.amount),
            p::method.eq(new.method.as_str()),
            p::reference.eq(&new.reference),
            p::received_on.eq(new.received_on),
            p::recovery.eq(recovery),
            p::arrangement_id.eq(live.as_ref().map(|r| r.id)),
            p::recorded_by.eq(Some(actor.user_id)),
            p::created_at.eq(to_db_time(actor.now)),
        ))
        .returning(PAYMENT_COLUMNS)
        .get_result(conn)
        .map_err(on_unique(|| {
            ApiError::conflict(
                "duplicate-reference",
                "this account already has a payment with this reference",
            )
        }))?;
    let mut after = json(&row);
    if let Some(arr) = &live {
        let allocations = allocate_to(conn, &ctx, arr, row.id, new.amount)?;
        after["allocations"] = serde_json::to_value(&allocations).unwrap_or_default();
    }
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "payment",
            entity_id: row.id,
            action: if recovery {
                "payment.recovery_recorded"
            } else {
                "payment.recorded"
            },
            before: None,
            after: Some(after),
            account_id: Some(account_id),
        },
    )?;
    if !recovery {
        let balance: i64 = a::table.find(account_id).select(a::balance).first(conn)?;
        audit::record(
            conn,
            &ctx,
            Change {
                entity_type: "account",
                entity_id: account_id,
                action: "account.balance_changed",
                before: Some(serde_json::json!({"balance": balance + new.amount})),
                after: Some(serde_json::json!({"balance": balance, "payment_id": row.id})),
                account_id: Some(account_id),
            },
        )?;
        // An approved settlement paid in full by its date settles the account (the rest forgiven).
        let settled = super::approvals::settle_if_paid(conn, &ctx, account_id, new.received_on)?;
        if balance == 0 && !settled {
            // Paid in full: any live arrangement is complete, and the account is paid.
            if let Some(arr) = &live {
                arrangements::end(
                    conn,
                    &ctx,
                    arr,
                    ArrangementStatus::Completed,
                    "arrangement.completed",
                )?;
            }
            arrangements::move_if_allowed(conn, &ctx, account_id, AccountStatus::Paid)?;
        }
    }
    row.try_into()
}

/// Allocates `amount` of payment `payment_id` to the arrangement's open installments, oldest
/// first; completes the arrangement when every installment is paid.
fn allocate_to(
    conn: &mut Conn,
    ctx: &AuditContext,
    arr: &arrangements::ArrangementRow,
    payment_id: i64,
    amount: i64,
) -> Result<Vec<(i64, i64)>, ApiError> {
    let open: Vec<InstallmentRow> = ins::table
        .filter(ins::arrangement_id.eq(arr.id).and(ins::status.eq_any([
            InstallmentStatus::Pending.as_str(),
            InstallmentStatus::PartiallyPaid.as_str(),
        ])))
        .select(InstallmentRow::as_select())
        .order(ins::seq)
        .load(conn)?;
    let dues: Vec<Open> = open
        .iter()
        .map(|i| Open {
            id: i.id,
            amount: i.amount,
            paid: i.paid_amount,
        })
        .collect();
    let (allocations, _left) = allocate(&dues, amount);
    let mut allocated = 0;
    for (installment, part) in &allocations {
        let i = open
            .iter()
            .find(|i| i.id == *installment)
            .ok_or_else(|| ApiError::Internal("allocation to an unknown installment".into()))?;
        let paid = i.paid_amount + part;
        diesel::update(ins::table.find(i.id))
            .set((
                ins::paid_amount.eq(paid),
                ins::status.eq(InstallmentStatus::from_paid(i.amount, paid).as_str()),
            ))
            .execute(conn)?;
        diesel::insert_into(pa::table)
            .values((
                pa::payment_id.eq(payment_id),
                pa::installment_id.eq(i.id),
                pa::amount.eq(part),
            ))
            .execute(conn)?;
        allocated += part;
    }
    if allocated > 0 {
        diesel::update(ar::table.find(arr.id))
            .set(ar::paid_amount.eq(ar::paid_amount + allocated))
            .execute(conn)?;
    }
    let unpaid: i64 = ins::table
        .filter(
            ins::arrangement_id
                .eq(arr.id)
                .and(ins::status.ne(InstallmentStatus::Paid.as_str())),
        )
        .count()
        .get_result(conn)?;
    if unpaid == 0 {
        let action = if arr.kind == ArrangementKind::Promise.as_str() {
            "arrangement.kept"
        } else {
            "arrangement.completed"
        };
        arrangements::end(conn, ctx, arr, ArrangementStatus::Completed, action)?;
    }
    Ok(allocations)
}

/// After a reversal: a `paid` account (or an `open` one whose arrangement is live again) moves to
/// `to`; other statuses stay.
fn reopen_account(
    conn: &mut Conn,
    ctx: &AuditContext,
    account_id: i64,
    to: AccountStatus,
) -> Result<(), ApiError> {
    let now = arrangements::current_status(conn, account_id)?;
    let applies = now == AccountStatus::Paid
        || (now == AccountStatus::Open && to == AccountStatus::InArrangement);
    if applies && now != to && now.can_become(to) {
        move_account(conn, ctx, account_id, now, to)?;
    }
    Ok(())
}

/// A payment, if its account is visible.
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<PaymentRow, ApiError> {
    let row: PaymentRow = p::table
        .find(id)
        .select(PaymentRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("payment"))?;
    accounts_db::find_visible_row(conn, actor, row.account_id)
        .map_err(|_| ApiError::not_found("payment"))?;
    Ok(row)
}

/// A visible account's payments, newest first.
pub fn list_for_account(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Payment>, ApiError> {
    accounts_db::find_visible_row(conn, actor, account_id)?;
    let mut q = p::table
        .filter(p::account_id.eq(account_id))
        .select(PaymentRow::as_select())
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(p::id.lt(b));
    }
    let rows: Vec<PaymentRow> = q.order(p::id.desc()).limit(limit).load(conn)?;
    rows.into_iter().map(Payment::try_from).collect()
}

/// Undoes a payment exactly: the balance (or the recovered amount) and every allocation.
pub fn reverse(conn: &mut Conn, actor: &Actor, id: i64, reason: &str) -> Result<Payment, ApiError> {
    let before = find_visible(conn, actor, id)?;
    let at = to_db_time(actor.now);
    let won = diesel::update(p::table.filter(p::id.eq(id).and(p::reversed_at.is_null())))
        .set((
            p::reversed_at.eq(Some(at)),
            p::reversed_by.eq(Some(actor.user_id)),
            p::reversal_reason.eq(Some(reason)),
        ))
        .execute(conn)?
        == 1;
    if !won {
        return Err(ApiError::conflict(
            "already-reversed",
            "this payment has already been reversed",
        ));
    }
    let ctx: AuditContext = actor.into();
    let account_id = before.account_id;
    if before.recovery {
        diesel::update(a::table.find(account_id))
            .set((
                a::recovered_amount.eq(a::recovered_amount - before.amount),
                a::version.eq(a::version + 1),
            ))
            .execute(conn)?;
    } else {
        diesel::update(a::table.find(account_id))
            .set((
                a::balance.eq(a::balance + before.amount),
                a::version.eq(a::version + 1),
                a::updated_at.eq(at),
            ))
            .execute(conn)?;
        let allocations: Vec<(i64, i64)> = pa::table
            .filter(pa::payment_id.eq(id))
            .select((pa::installment_id, pa::amount))
            .load(conn)?;
        for (installment, part) in &allocations {
            let i: InstallmentRow = ins::table
                .find(installment)
                .select(InstallmentRow::as_select())
                .first(conn)?;
            let paid = i.paid_amount - part;
            let status = if i.status == InstallmentStatus::Missed.as_str() {
                InstallmentStatus::Missed
            } else {
                InstallmentStatus::from_paid(i.amount, paid)
            };
            diesel::update(ins::table.find(i.id))
                .set((ins::paid_amount.eq(paid), ins::status.eq(status.as_str())))
                .execute(conn)?;
        }
        let undone: i64 = allocations.iter().map(|(_, part)| part).sum();
        if let (Some(arr_id), true) = (before.arrangement_id, undone > 0) {
            diesel::update(ar::table.find(arr_id))
                .set(ar::paid_amount.eq(ar::paid_amount - undone))
                .execute(conn)?;
            // An arrangement this payment completed is live again.
            let reopened = diesel::update(
                ar::table.filter(
                    ar::id
                        .eq(arr_id)
                        .and(ar::status.eq(ArrangementStatus::Completed.as_str())),
                ),
            )
            .set((
                ar::status.eq(ArrangementStatus::Active.as_str()),
                ar::ended_at.eq(None::<chrono::NaiveDateTime>),
                ar::updated_at.eq(at),
            ))
            .execute(conn)?
                == 1;
            if reopened {
                reopen_account(conn, &ctx, account_id, AccountStatus::InArrangement)?;
            }
        }
        reopen_account(conn, &ctx, account_id, AccountStatus::Open)?;
    }
    let after = find_visible(conn, actor, id)?;
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "payment",
            entity_id: id,
            action: "payment.reversed",
            before: Some(json(&before)),
            after: Some(json(&after)),
            account_id: Some(account_id),
        },
    )?;
    after.try_into()
}
