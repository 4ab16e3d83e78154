//! Raising an account to a team lead or above, and referring one to legal (the account becomes
//! `legal`, which pauses outbound contacts).

use crate::actor::Actor;
use crate::db::account_status::move_account;
use crate::db::accounts::{self as accounts_db, Account};
use crate::db::audit::{self, AuditContext, Change};
use crate::db::escalations::{self, Escalation, EscalationTier};
use crate::db::{Conn, stored};
use crate::domain::account::AccountStatus;
use crate::error::ApiError;

/// Raises a visible account to `to`.
pub fn raise(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    reason: &str,
    to: EscalationTier,
) -> Result<Escalation, ApiError> {
    accounts_db::find_visible_row(conn, actor, account_id)?;
    escalations::insert(conn, actor, account_id, reason, to)
}

/// Refers a visible account to legal (manager and above): the account becomes `legal`, which
/// pauses outbound contacts.
pub fn refer_to_legal(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    reason: &str,
) -> Result<Account, ApiError> {
    let account = accounts_db::find_visible_row(conn, actor, account_id)?.account;
    let status = stored::<AccountStatus>("accounts.status", &account.status)?;
    if !status.can_become(AccountStatus::Legal) {
        return Err(ApiError::conflict(
            "account-not-open",
            format!("a {} account cannot be referred to legal", status.as_str()),
        ));
    }
    let ctx: AuditContext = actor.into();
    if !move_account(conn, &ctx, account_id, status, AccountStatus::Legal)? {
        return Err(ApiError::conflict(
            "concurrent-update",
            "the account changed meanwhile; retry",
        ));
    }
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "account",
            entity_id: account_id,
            action: "account.referred_to_legal",
            before: None,
            after: Some(serde_json::json!({"reason": reason})),
            account_id: Some(account_id),
        },
    )?;
    crate::db::account_read::find_visible(conn, actor, account_id)
}
