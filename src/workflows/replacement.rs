//! Re-placing an existing account (an import row whose `external_ref` is known): its amounts,
//! dates, portfolio and team, and its debtor's contact details, each change audited.

use crate::db::accounts::{AccountRow, NewAccount, json as account_json};
use crate::db::audit::{self, AuditContext, Change};
use crate::db::debtors::{DebtorRow, NewDebtor};
use crate::db::{Conn, placement, to_db_time};
use crate::domain::account::AccountStatus;
use crate::error::ApiError;

/// Updates one existing account and its debtor. `Ok(Err(_))` is the row's own problem.
pub fn update_one(
    conn: &mut Conn,
    ctx: &AuditContext,
    before: AccountRow,
    debtor: DebtorRow,
    new: NewAccount,
    nd: NewDebtor,
) -> Result<Result<i64, ApiError>, ApiError> {
    if let Some(problem) = replacement_problem(&before, &new)? {
        return Ok(Err(problem));
    }
    let changed = new.original_amount != before.original_amount
        || new.balance != before.balance
        || new.delinquent_since != before.delinquent_since
        || new.portfolio != before.portfolio
        || new.team_id != before.team_id;
    let at = to_db_time(ctx.now);
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
    }
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
    Ok(Ok(before.id))
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
