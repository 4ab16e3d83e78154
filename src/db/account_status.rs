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

/// Whether a complaint opens (or reopens) or closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComplaintMove {
    Opens,
    Closes,
}

/// Counts a complaint on or off its account (and, for a pausing category, its pause, which the
/// contact rules read from `complaint_pauses > 0`); the account's version moves with what it
/// shows.
pub fn count_complaint(
    conn: &mut Conn,
    account_id: i64,
    change: ComplaintMove,
    pauses: bool,
) -> Result<(), ApiError> {
    let delta: i64 = match change {
        ComplaintMove::Opens => 1,
        ComplaintMove::Closes => -1,
    };
    let pause = if pauses { delta } else { 0 };
    diesel::update(a::table.find(account_id))
        .set((
            a::open_complaints.eq(a::open_complaints + delta),
            a::complaint_pauses.eq(a::complaint_pauses + pause),
            a::version.eq(a::version + 1),
        ))
        .execute(conn)?;
    Ok(())
}
