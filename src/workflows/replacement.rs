//! Re-placing an existing account (an import row whose `external_ref` is known): its amounts,
//! dates, portfolio and team, and its debtor's contact details, each change audited. A new
//! balance is an adjustment of the principal with reason `placement_update`, under the
//! importer's limits: applied at once, or waiting for approval while the rest of the row applies.

use diesel::Connection;

use crate::db::accounts::{AccountRow, NewAccount, json as account_json};
use crate::db::audit::{self, Change};
use crate::db::debtors::{DebtorRow, NewDebtor};
use crate::db::{Conn, placement, to_db_time};
use crate::domain::account::AccountStatus;
use crate::domain::adjustment::{AdjustmentReason, AdjustmentStatus};
use crate::domain::parts::Component;
use crate::error::ApiError;
use crate::workflows::Initiator;
use crate::workflows::adjustment::{self, AdjustmentAsk};

/// A re-placed account, and the approval its balance change waits for, if any.
#[derive(Debug, Clone, Copy)]
pub struct Replaced {
    pub account_id: i64,
    pub approval_id: Option<i64>,
}

/// Updates one existing account and its debtor, all or nothing (a savepoint). `Ok(Err(_))` is
/// the row's own problem.
pub fn update_one(
    conn: &mut Conn,
    by: Initiator<'_>,
    before: AccountRow,
    debtor: DebtorRow,
    new: NewAccount,
    nd: NewDebtor,
) -> Result<Result<Replaced, ApiError>, ApiError> {
    if let Some(problem) = replacement_problem(&before, &new)? {
        return Ok(Err(problem));
    }
    let done = conn.transaction(|tx| replace(tx, by, before, debtor, new, nd));
    match done {
        Ok(replaced) => Ok(Ok(replaced)),
        Err(e) if e.is_client_error() => Ok(Err(e)),
        Err(e) => Err(e),
    }
}

fn replace(
    conn: &mut Conn,
    by: Initiator<'_>,
    before: AccountRow,
    debtor: DebtorRow,
    new: NewAccount,
    nd: NewDebtor,
) -> Result<Replaced, ApiError> {
    let ctx = by.ctx();
    let ctx = &ctx;
    let changed = new.original_amount != before.original_amount
        || new.delinquent_since != before.delinquent_since
        || new.portfolio != before.portfolio
        || new.team_id != before.team_id;
    let at = to_db_time(ctx.now);
    let mut account = before.clone();
    if changed {
        let after = placement::update_account(conn, &before, &new, at)?.ok_or_else(|| {
            ApiError::conflict(
                "concurrent-update",
                "an account changed while the import ran; retry",
            )
        })?;
        audit::record(
            conn,
            ctx,
            Change {
                entity_type: "account",
                entity_id: before.id,
                action: "account.updated",
                before: Some(account_json(&before)),
                after: Some(account_json(&after)),
                account_id: Some(before.id),
            },
        )?;
        account = after;
    }
    let approval_id = rebalance(conn, by, &account, new.balance)?;
    if nd.name != debtor.name
        || nd.phone != debtor.phone
        || nd.email != debtor.email
        || nd.timezone != debtor.timezone
        || nd.region != debtor.region
    {
        let after = placement::update_debtor(conn, &debtor, &nd, at)?;
        let to_json = |r: &DebtorRow| serde_json::to_value(r).unwrap_or_default();
        audit::record(
            conn,
            ctx,
            Change {
                entity_type: "debtor",
                entity_id: debtor.id,
                action: "debtor.updated",
                before: Some(to_json(&debtor)),
                after: Some(to_json(&after)),
                account_id: None,
            },
        )?;
    }
    Ok(Replaced {
        account_id: before.id,
        approval_id,
    })
}

/// A new balance as a `placement_update` of the principal; the approval it waits for, if any.
fn rebalance(
    conn: &mut Conn,
    by: Initiator<'_>,
    account: &AccountRow,
    balance: i64,
) -> Result<Option<i64>, ApiError> {
    if balance == account.balance {
        return Ok(None);
    }
    let ask = AdjustmentAsk {
        component: Component::Principal,
        amount: balance - account.balance,
        reason: AdjustmentReason::PlacementUpdate,
        note: format!("re-placed with balance {balance} (was {})", account.balance),
    };
    let row = adjustment::make(conn, by, account, &ask)?;
    Ok((row.status == AdjustmentStatus::PendingApproval.as_str())
        .then_some(row.approval_id)
        .flatten())
}

/// Why a row may not re-place an existing account: another currency, a balance change once the
/// account left `open`, or a balance below its interest, fees and costs.
fn replacement_problem(
    before: &AccountRow,
    new: &NewAccount,
) -> Result<Option<ApiError>, ApiError> {
    if new.currency != before.currency {
        return Ok(Some(ApiError::invalid(
            "currency",
            format!(
                "cannot change an existing account's currency ({})",
                before.currency
            ),
        )));
    }
    let status = crate::db::stored::<AccountStatus>("accounts.status", &before.status)?;
    if new.balance != before.balance && status != AccountStatus::Open {
        return Ok(Some(ApiError::invalid(
            "balance",
            format!("cannot change while the account is {}", status.as_str()),
        )));
    }
    if new.balance < before.balance - before.principal {
        return Ok(Some(ApiError::invalid(
            "balance",
            format!(
                "must be at least the account's interest, fees and costs ({})",
                before.balance - before.principal
            ),
        )));
    }
    Ok(None)
}
