//! Requesting a settlement or a write-off on an account: checked against the balance, routed to
//! the tier the approval policy names.

use chrono::NaiveDate;

use crate::actor::Actor;
use crate::db::accounts::{self as accounts_db, AccountRow};
use crate::db::approvals::{self, Approval, ApprovalKind, ApprovalRow, NewRequest, RequestedOn};
use crate::db::audit::{self, Change};
use crate::db::{Conn, approval_policy, stored, strategy_steps};
use crate::domain::account::AccountStatus;
use crate::domain::authority::{Ask, required_role};
use crate::domain::strategy::within_discount;
use crate::error::ApiError;
use crate::tally::{self, Count};

fn closed(status: AccountStatus) -> bool {
    matches!(
        status,
        AccountStatus::Paid
            | AccountStatus::Settled
            | AccountStatus::WrittenOff
            | AccountStatus::Closed
    )
}

/// Requests a settlement or a write-off on a visible account.
pub fn request(
    conn: &mut Conn,
    actor: &Actor,
    kind: ApprovalKind,
    account_id: i64,
    amount: i64,
    due_on: Option<NaiveDate>,
    reason: &str,
) -> Result<Approval, ApiError> {
    let account = accounts_db::find_visible_row(conn, actor, account_id)
        .map_err(|_| ApiError::invalid("account_id", "no visible account has this id"))?
        .account;
    let status = stored::<AccountStatus>("accounts.status", &account.status)?;
    if closed(status) {
        return Err(ApiError::conflict(
            "account-closed",
            format!("the account is {}", status.as_str()),
        ));
    }
    let ask = ask_for(kind, &account, amount, due_on, actor.now.date_naive())?;
    let required = required_role(&approval_policy::current(conn)?, ask);
    let due_on = if kind == ApprovalKind::Settlement {
        due_on
    } else {
        None
    };
    let row = approvals::insert(
        conn,
        actor,
        requested_on(&account),
        NewRequest {
            kind,
            amount,
            due_on,
            reason,
            arrangement_id: None,
            required,
        },
    )?;
    if kind == ApprovalKind::Settlement {
        return within_standing_offer(conn, actor, &account, row)?.try_into();
    }
    row.try_into()
}

/// A settlement within a standing offer of the strategy (its discount at most the offer's
/// `discount_percent`, while the offer stands) is approved at once, by the strategy: audited
/// like any decision, with `decided_by_strategy`.
fn within_standing_offer(
    conn: &mut Conn,
    actor: &Actor,
    account: &AccountRow,
    row: ApprovalRow,
) -> Result<ApprovalRow, ApiError> {
    let Some(offer) = strategy_steps::standing_offer(conn, account.id, actor.now.date_naive())?
    else {
        return Ok(row);
    };
    let amount = row.amount.unwrap_or(0);
    if !within_discount(account.balance, amount, offer) {
        return Ok(row);
    }
    let note = format!("within the strategy's standing offer of up to {offer} % off");
    let after = approvals::approve_by_strategy(conn, row.id, actor.now, &note)?;
    tally::stage(Count::ApprovalDecided {
        kind: ApprovalKind::Settlement.as_str(),
        decision: crate::domain::status::ApprovalStatus::Approved.as_str(),
        by: "strategy",
    });
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "approval",
            entity_id: row.id,
            action: "approval.approved",
            before: Some(approvals::json(&row)),
            after: Some(approvals::json(&after)),
            account_id: Some(account.id),
        },
    )?;
    Ok(after)
}

/// What is asked, checked against the balance: a settlement for less than it, due on a day not
/// past; a write-off of at most it.
fn ask_for(
    kind: ApprovalKind,
    account: &AccountRow,
    amount: i64,
    due_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Ask, ApiError> {
    Ok(match kind {
        ApprovalKind::Settlement => {
            if amount <= 0 || amount >= account.balance {
                return Err(ApiError::invalid(
                    "amount",
                    format!(
                        "a settlement must be more than 0 and less than the balance ({})",
                        account.balance
                    ),
                ));
            }
            match due_on {
                None => return Err(ApiError::invalid("due_on", "is required for a settlement")),
                Some(d) if d < today => {
                    return Err(ApiError::invalid("due_on", "must not be in the past"));
                }
                _ => {}
            }
            Ask::Settlement {
                balance: account.balance,
                amount,
            }
        }
        ApprovalKind::WriteOff => {
            if amount <= 0 || amount > account.balance {
                return Err(ApiError::invalid(
                    "amount",
                    format!(
                        "a write-off must be more than 0 and at most the balance ({})",
                        account.balance
                    ),
                ));
            }
            Ask::WriteOff { amount }
        }
        ApprovalKind::Arrangement => {
            return Err(ApiError::invalid(
                "kind",
                "arrangement requests are created with the plan itself",
            ));
        }
        ApprovalKind::Adjustment => {
            return Err(ApiError::invalid(
                "kind",
                "adjustment requests are created with the adjustment itself (POST /v1/accounts/{id}/adjustments)",
            ));
        }
    })
}

/// What a request remembers of its account.
pub fn requested_on(account: &AccountRow) -> RequestedOn {
    RequestedOn {
        account_id: account.id,
        balance: account.balance,
        version: account.version,
    }
}
