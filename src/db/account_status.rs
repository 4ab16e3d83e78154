//! An account's status (and the deceased and bankruptcy flags): the one place that re-reads, checks the documented transitions and moves
//! it, with its audit event.

use diesel::prelude::*;

use super::audit::{self, AuditContext, Change};
use super::schema::accounts as a;
use super::{Conn, to_db_time};
use crate::domain::account::AccountStatus;
use crate::domain::outcome::Outcome;
use crate::error::ApiError;

/// The account's status as stored now (re-read inside the transaction).
pub fn current_status(conn: &mut Conn, account_id: i64) -> Result<AccountStatus, ApiError> {
    let text: String = a::table.find(account_id).select(a::status).first(conn)?;
    super::stored("accounts.status", &text)
}

/// Re-reads the account's status and moves it to `to` when the documented transitions allow it
/// (`false`, and nothing written, otherwise): the one place that re-reads, checks and moves.
pub fn move_if_allowed(
    conn: &mut Conn,
    ctx: &AuditContext,
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
    ctx: &AuditContext,
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
                a::updated_at.eq(to_db_time(ctx.now)),
            ))
            .execute(conn)?
            == 1;
    if moved {
        diesel::insert_into(super::schema::account_status_history::table)
            .values((
                super::schema::account_status_history::account_id.eq(account_id),
                super::schema::account_status_history::status.eq(to.as_str()),
                super::schema::account_status_history::from_at.eq(to_db_time(ctx.now)),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            ctx,
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

/// Flags the account deceased or bankrupt (as a contact reported), for the team lead's review.
pub fn flag(
    conn: &mut Conn,
    ctx: &AuditContext,
    account_id: i64,
    outcome: Outcome,
) -> Result<(), ApiError> {
    let target = a::table.find(account_id);
    match outcome {
        Outcome::Deceased => diesel::update(target)
            .set((a::deceased.eq(true), a::version.eq(a::version + 1)))
            .execute(conn)?,
        _ => diesel::update(target)
            .set((a::bankruptcy.eq(true), a::version.eq(a::version + 1)))
            .execute(conn)?,
    };
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "account",
            entity_id: account_id,
            action: "account.flagged",
            before: None,
            after: Some(serde_json::json!({"flag": outcome.as_str(), "raised_to": "team_lead"})),
            account_id: Some(account_id),
        },
    )?;
    Ok(())
}

/// Whether a pausing complaint opens or closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pause {
    Begins,
    Ends,
}

/// Counts an open complaint of a pausing category on or off its account (the contact rules read
/// `complaint_pauses > 0` from the account row).
pub fn count_complaint_pause(
    conn: &mut Conn,
    account_id: i64,
    pause: Pause,
) -> Result<(), ApiError> {
    let delta: i64 = match pause {
        Pause::Begins => 1,
        Pause::Ends => -1,
    };
    diesel::update(a::table.find(account_id))
        .set(a::complaint_pauses.eq(a::complaint_pauses + delta))
        .execute(conn)?;
    Ok(())
}
