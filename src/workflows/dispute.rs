//! Opening a dispute (the account becomes `disputed`) and resolving one (`upheld` closes the
//! account, `rejected` returns it to where it was).

use crate::actor::Actor;
use crate::db::account_status::move_account;
use crate::db::accounts::{self as accounts_db, AccountRow};
use crate::db::arrangements;
use crate::db::audit::{self, AuditContext, Change};
use crate::db::disputes::{self, Dispute, DisputeOutcome};
use crate::db::{Conn, stored};
use crate::domain::account::AccountStatus;
use crate::error::ApiError;

/// Opens a dispute on a visible account; the account becomes `disputed`.
pub fn open(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    reason: &str,
) -> Result<Dispute, ApiError> {
    let account = accounts_db::find_visible_row(conn, actor, account_id)?.account;
    open_on(conn, actor, &account, reason)
}

/// Opens a dispute on `account`, already loaded within the caller's scope.
pub fn open_on(
    conn: &mut Conn,
    actor: &Actor,
    account: &AccountRow,
    reason: &str,
) -> Result<Dispute, ApiError> {
    let status = stored::<AccountStatus>("accounts.status", &account.status)?;
    if status == AccountStatus::Disputed {
        return Err(disputes::already_open());
    }
    if !status.can_become(AccountStatus::Disputed) {
        return Err(ApiError::conflict(
            "account-not-open",
            format!("a {} account cannot be disputed", status.as_str()),
        ));
    }
    let row = disputes::insert(conn, actor, account.id, reason, status)?;
    let ctx: AuditContext = actor.into();
    if !move_account(conn, &ctx, account.id, status, AccountStatus::Disputed)? {
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
            after: Some(disputes::json(&row)),
            account_id: Some(account.id),
        },
    )?;
    row.try_into()
}

/// Resolves an open dispute: `upheld` closes the account, `rejected` returns it to where it was.
pub fn resolve(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    outcome: DisputeOutcome,
    note: &str,
) -> Result<Dispute, ApiError> {
    let before = disputes::find_visible(conn, actor, id)?;
    if !disputes::mark_resolved(conn, actor, id, outcome, note)? {
        return Err(ApiError::conflict(
            "dispute-resolved",
            "the dispute is already resolved",
        ));
    }
    let ctx: AuditContext = actor.into();
    let to = match outcome {
        DisputeOutcome::Upheld => AccountStatus::Closed,
        DisputeOutcome::Rejected => {
            let prior = stored::<AccountStatus>("disputes.prior_status", &before.prior_status)?;
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
    let after = disputes::find(conn, id)?.ok_or_else(|| ApiError::not_found("dispute"))?;
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "dispute",
            entity_id: id,
            action: "dispute.resolved",
            before: Some(disputes::json(&before)),
            after: Some(disputes::json(&after)),
            account_id: Some(before.account_id),
        },
    )?;
    after.try_into()
}
