//! Money on an account: what a payment takes from the balance, a recovery from what was written
//! off, a write-off or a settlement forgives, and a reversal gives back. Each change is one
//! conditional `UPDATE` (so the balance never goes below zero and racing writers cannot both
//! take the last of it) that bumps the account's version.

use diesel::prelude::*;

use super::audit::{self, AuditContext, Change};
use super::schema::accounts as a;
use super::{Conn, to_db_time};
use crate::error::ApiError;

/// The balance as stored now.
pub fn balance_of(conn: &mut Conn, account_id: i64) -> Result<i64, ApiError> {
    Ok(a::table.find(account_id).select(a::balance).first(conn)?)
}

/// Takes a payment from the balance; `false` (nothing written) when it exceeds the balance.
pub fn take_payment(
    conn: &mut Conn,
    ctx: &AuditContext,
    account_id: i64,
    amount: i64,
) -> Result<bool, ApiError> {
    let taken = diesel::update(a::table.filter(a::id.eq(account_id).and(a::balance.ge(amount))))
        .set((
            a::balance.eq(a::balance - amount),
            a::version.eq(a::version + 1),
            a::updated_at.eq(to_db_time(ctx.now)),
        ))
        .execute(conn)?;
    Ok(taken == 1)
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

/// Gives a reversed payment back to the balance.
pub fn restore_payment(
    conn: &mut Conn,
    ctx: &AuditContext,
    account_id: i64,
    amount: i64,
) -> Result<(), ApiError> {
    diesel::update(a::table.find(account_id))
        .set((
            a::balance.eq(a::balance + amount),
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

/// Writes `amount` off a balance of `balance` (as the approval saw it) and audits it; the new
/// balance, or `None` (nothing written) when the balance no longer covers it.
pub fn write_off(
    conn: &mut Conn,
    ctx: &AuditContext,
    account_id: i64,
    balance: i64,
    amount: i64,
) -> Result<Option<i64>, ApiError> {
    let done = diesel::update(a::table.filter(a::id.eq(account_id).and(a::balance.ge(amount))))
        .set((
            a::balance.eq(a::balance - amount),
            a::written_off_amount.eq(a::written_off_amount + amount),
            a::version.eq(a::version + 1),
            a::updated_at.eq(to_db_time(ctx.now)),
        ))
        .execute(conn)?;
    if done == 0 {
        return Ok(None);
    }
    let left = balance - amount;
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "account",
            entity_id: account_id,
            action: "account.written_off",
            before: Some(serde_json::json!({"balance": balance})),
            after: Some(serde_json::json!({"balance": left, "written_off": amount})),
            account_id: Some(account_id),
        },
    )?;
    Ok(Some(left))
}

/// Forgives whatever is left (a settlement paid in full); returns the amount forgiven.
pub fn forgive_rest(conn: &mut Conn, ctx: &AuditContext, account_id: i64) -> Result<i64, ApiError> {
    let forgiven = balance_of(conn, account_id)?;
    diesel::update(a::table.find(account_id))
        .set((
            a::balance.eq(0),
            a::version.eq(a::version + 1),
            a::updated_at.eq(to_db_time(ctx.now)),
        ))
        .execute(conn)?;
    Ok(forgiven)
}
