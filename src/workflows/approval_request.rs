//! Requesting a settlement or a write-off on an account: checked against the balance, routed to
//! the tier the approval policy names.

use chrono::NaiveDate;

use crate::actor::Actor;
use crate::db::accounts::{self as accounts_db, AccountRow};
use crate::db::approvals::{self, Approval, ApprovalKind, NewRequest, RequestedOn};
use crate::db::{Conn, approval_policy, stored};
use crate::domain::account::AccountStatus;
use crate::domain::authority::{Ask, required_role};
use crate::error::ApiError;

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
    approvals::insert(
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
    )?
    .try_into()
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
