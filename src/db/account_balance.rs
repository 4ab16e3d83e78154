//! Money on an account: what a payment takes from the balance's parts, a recovery from what was
//! written off, a write-off or a settlement forgives, and a reversal gives back. Each change is
//! one conditional `UPDATE` (so no part goes below zero and racing writers cannot both take the
//! last of it) that moves the balance with its parts and bumps the account's version; the
//! table's CHECK keeps the parts summing to the balance.

use diesel::prelude::*;

use super::accounts::AccountRow;
use super::audit::{self, AuditContext, Change};
use super::ledger::{self, LedgerKind, Movement};
use super::schema::accounts as a;
use super::{Conn, to_db_time};
use crate::domain::parts::{FORGIVENESS_ORDER, Parts};
use crate::error::ApiError;

/// The balance as stored now.
pub fn balance_of(conn: &mut Conn, account_id: i64) -> Result<i64, ApiError> {
    Ok(a::table.find(account_id).select(a::balance).first(conn)?)
}

/// Takes `paid` from the balance's parts; `false` (nothing written) when a part holds less.
pub fn take_payment(
    conn: &mut Conn,
    ctx: &AuditContext,
    account_id: i64,
    paid: &Parts,
) -> Result<bool, ApiError> {
    let amount = paid_total(paid)?;
    let covered = a::id
        .eq(account_id)
        .and(a::principal.ge(paid.principal))
        .and(a::interest.ge(paid.interest))
        .and(a::fees.ge(paid.fees))
        .and(a::costs.ge(paid.costs));
    let taken = diesel::update(a::table.filter(covered))
        .set((
            a::balance.eq(a::balance - amount),
            a::principal.eq(a::principal - paid.principal),
            a::interest.eq(a::interest - paid.interest),
            a::fees.eq(a::fees - paid.fees),
            a::costs.eq(a::costs - paid.costs),
            a::version.eq(a::version + 1),
            a::updated_at.eq(to_db_time(ctx.now)),
        ))
        .execute(conn)?;
    Ok(taken == 1)
}

/// The total of parts that are each bounded money (no overflow).
fn paid_total(parts: &Parts) -> Result<i64, ApiError> {
    i64::try_from(parts.total()).map_err(ApiError::internal)
}

/// Counts a recovery against what was written off; `false` when it exceeds what was written
/// off and not yet recovered.
pub fn take_recovery(conn: &mut Conn, account_id: i64, amount: i64) -> Result<bool, ApiError> {
    let taken = diesel::update(
        a::table.filter(
            a::id
                .eq(account_id)
                .and((a::written_off_amount - a::recovered_amount).ge(amount)),
        ),
    )
    .set((
        a::recovered_amount.eq(a::recovered_amount + amount),
        a::version.eq(a::version + 1),
    ))
    .execute(conn)?;
    Ok(taken == 1)
}

/// Gives a reversed payment back to the parts it took.
pub fn restore_payment(
    conn: &mut Conn,
    ctx: &AuditContext,
    account_id: i64,
    paid: &Parts,
) -> Result<(), ApiError> {
    let amount = paid_total(paid)?;
    diesel::update(a::table.find(account_id))
        .set((
            a::balance.eq(a::balance + amount),
            a::principal.eq(a::principal + paid.principal),
            a::interest.eq(a::interest + paid.interest),
            a::fees.eq(a::fees + paid.fees),
            a::costs.eq(a::costs + paid.costs),
            a::version.eq(a::version + 1),
            a::updated_at.eq(to_db_time(ctx.now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Takes a reversed recovery back off what was recovered.
pub fn restore_recovery(conn: &mut Conn, account_id: i64, amount: i64) -> Result<(), ApiError> {
    diesel::update(a::table.find(account_id))
        .set((
            a::recovered_amount.eq(a::recovered_amount - amount),
            a::version.eq(a::version + 1),
        ))
        .execute(conn)?;
    Ok(())
}

/// Writes `amount` off `account` (as read in this transaction), taking fees, then interest, then
/// costs, then principal, and audits it; the new balance, or `None` (nothing written) when the
/// balance no longer covers it.
pub fn write_off(
    conn: &mut Conn,
    ctx: &AuditContext,
    account: &AccountRow,
    amount: i64,
    approval_id: i64,
) -> Result<Option<i64>, ApiError> {
    let (account_id, balance) = (account.id, account.balance);
    let taken = account.parts().take(amount, &FORGIVENESS_ORDER);
    if taken.total() < i128::from(amount) {
        return Ok(None);
    }
    let unchanged = a::id.eq(account_id).and(a::version.eq(account.version));
    let done = diesel::update(a::table.filter(unchanged))
        .set((
            a::balance.eq(a::balance - amount),
            a::principal.eq(a::principal - taken.principal),
            a::interest.eq(a::interest - taken.interest),
            a::fees.eq(a::fees - taken.fees),
            a::costs.eq(a::costs - taken.costs),
            a::written_off_amount.eq(a::written_off_amount + amount),
            a::version.eq(a::version + 1),
            a::updated_at.eq(to_db_time(ctx.now)),
        ))
        .execute(conn)?;
    if done == 0 {
        return Ok(None);
    }
    let left = balance - amount;
    ledger::record(
        conn,
        &[Movement {
            approval_id: Some(approval_id),
            ..Movement::of(
                account_id,
                ctx.now,
                LedgerKind::WriteOff,
                Parts::default().minus(&taken),
            )
        }],
    )?;
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "account",
            entity_id: account_id,
            action: "account.written_off",
            before: Some(serde_json::json!({"balance": balance})),
            after: Some(
                serde_json::json!({"balance": left, "written_off": amount, "parts": taken}),
            ),
            account_id: Some(account_id),
        },
    )?;
    Ok(Some(left))
}

/// Forgives whatever is left (a settlement paid in full); returns the amount forgiven.
pub fn forgive_rest(
    conn: &mut Conn,
    ctx: &AuditContext,
    account_id: i64,
    approval_id: i64,
) -> Result<i64, ApiError> {
    let account = super::accounts::row(conn, account_id)?;
    let forgiven = account.balance;
    diesel::update(a::table.find(account_id))
        .set((
            a::balance.eq(0),
            a::principal.eq(0),
            a::interest.eq(0),
            a::fees.eq(0),
            a::costs.eq(0),
            a::version.eq(a::version + 1),
            a::updated_at.eq(to_db_time(ctx.now)),
        ))
        .execute(conn)?;
    let none = Parts::default();
    ledger::record(
        conn,
        &[Movement {
            approval_id: Some(approval_id),
            ..Movement::of(
                account_id,
                ctx.now,
                LedgerKind::SettlementForgiveness,
                none.minus(&account.parts()),
            )
        }],
    )?;
    Ok(forgiven)
}

/// Moves the parts by `delta` (signed; one adjustment) and the balance with them, when the
/// account is still as read (same version) and no part goes below zero, and records the ledger
/// entry. The new balance, or `None` (nothing written) when the account moved or a part holds
/// too little.
pub fn adjust(
    conn: &mut Conn,
    ctx: &AuditContext,
    account: &AccountRow,
    delta: &Parts,
    ids: AdjustmentIds,
) -> Result<Option<i64>, ApiError> {
    let amount = paid_total(delta)?;
    let fits = a::id
        .eq(account.id)
        .and(a::version.eq(account.version))
        .and((a::principal + delta.principal).ge(0))
        .and((a::interest + delta.interest).ge(0))
        .and((a::fees + delta.fees).ge(0))
        .and((a::costs + delta.costs).ge(0));
    let done = diesel::update(a::table.filter(fits))
        .set((
            a::balance.eq(a::balance + amount),
            a::principal.eq(a::principal + delta.principal),
            a::interest.eq(a::interest + delta.interest),
            a::fees.eq(a::fees + delta.fees),
            a::costs.eq(a::costs + delta.costs),
            a::version.eq(a::version + 1),
            a::updated_at.eq(to_db_time(ctx.now)),
        ))
        .execute(conn)?;
    if done == 0 {
        return Ok(None);
    }
    ledger::record(
        conn,
        &[Movement {
            adjustment_id: Some(ids.adjustment_id),
            approval_id: ids.approval_id,
            ..Movement::of(account.id, ctx.now, LedgerKind::Adjustment, *delta)
        }],
    )?;
    Ok(Some(account.balance + amount))
}

/// What an adjustment's ledger entry points at.
#[derive(Debug, Clone, Copy)]
pub struct AdjustmentIds {
    pub adjustment_id: i64,
    pub approval_id: Option<i64>,
}
