//! Posting and reversing a payment. The balance moves with one conditional `UPDATE`, so
//! concurrent payments can never take it below zero; what a payment paid of each installment is
//! stored, so a reversal restores it exactly. A payment that clears the balance completes the live
//! arrangement and marks the account `paid`; one that fulfils an approved settlement settles it.

use crate::actor::Actor;
use crate::db::account_status::{current_status, move_account, move_if_allowed};
use crate::db::accounts::AccountRow;
use crate::db::arrangements::{self, ArrangementKind, ArrangementRow, ArrangementStatus};
use crate::db::audit::{self, AuditContext, Change};
use crate::db::ledger::{self, LedgerKind, Movement};
use crate::db::payments::{self, NewPayment, Payment, PaymentRow, Receipt};
use crate::db::user_session::Unconfirmed;
use crate::db::{Conn, account_balance, account_lock, allocation_policy, installments, stored};
use crate::domain::account::AccountStatus;
use crate::domain::allocation::{Open, Part, allocate};
use crate::domain::parts::Parts;
use crate::error::ApiError;
use crate::tally::{self, Count};
use crate::workflows::settlement::settle_if_paid;

/// Records a payment on a visible account.
pub fn record(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    new: NewPayment,
) -> Result<Payment, ApiError> {
    // Locked as it is read: the parts the payment is split over are the parts it takes.
    let account = account_lock::lock_visible(conn, actor, account_id)?;
    record_on(conn, actor, account, new)
}

/// [`record`] for a caller whose session is re-checked in the statement that locks the account
/// (`POST /v1/accounts/{id}/payments`): one round trip fewer.
pub fn record_rechecking(
    conn: &mut Conn,
    caller: Unconfirmed,
    account_id: i64,
    new: NewPayment,
) -> Result<Payment, ApiError> {
    let (actor, account) = account_lock::lock_rechecked(conn, caller, account_id)?;
    record_on(conn, &actor, account, new)
}

/// The payment on an account locked by the caller.
fn record_on(
    conn: &mut Conn,
    actor: &Actor,
    account: AccountRow,
    new: NewPayment,
) -> Result<Payment, ApiError> {
    let account_id = account.id;
    let status = stored::<AccountStatus>("accounts.status", &account.status)?;
    let ctx: AuditContext = actor.into();
    let recovery = status == AccountStatus::WrittenOff;
    let receipt = take(conn, &ctx, &account, status, new.amount)?;
    let live = if recovery {
        None
    } else {
        arrangements::active_of(conn, account_id)?
    };
    let arrangement_id = live.as_ref().map(|r| r.id);
    let row = payments::insert(conn, actor, account_id, &new, receipt, arrangement_id)?;
    tally::stage(Count::PaymentRecorded {
        currency: account.currency.clone(),
        method: new.method.as_str().to_owned(),
    });
    ledger::record(conn, &[received(&row, ctx.now, Direction::In)])?;
    let mut after = payments::json(&row);
    if let Some(arr) = &live {
        let parts = allocate_to(conn, &ctx, arr, row.id, new.amount)?;
        // The audit event shows them as `[installment id, amount]` pairs.
        let pairs: Vec<(i64, i64)> = parts.iter().map(|p| (p.installment_id, p.amount)).collect();
        after["allocations"] = serde_json::to_value(&pairs).unwrap_or_default();
    }
    let action = if recovery {
        "payment.recovery_recorded"
    } else {
        "payment.recorded"
    };
    audit::record_created(
        conn,
        &ctx,
        Change {
            entity_type: "payment",
            entity_id: row.id,
            action,
            before: None,
            after: Some(after),
            account_id: Some(account_id),
        },
    )?;
    if !recovery {
        after_balance_change(conn, &ctx, &row, live.as_ref())?;
    }
    row.try_into()
}

/// Takes the payment from the balance's parts in the allocation policy's order, or a recovery
/// from what was written off.
fn take(
    conn: &mut Conn,
    ctx: &AuditContext,
    account: &AccountRow,
    status: AccountStatus,
    amount: i64,
) -> Result<Receipt, ApiError> {
    let account_id = account.id;
    if status == AccountStatus::WrittenOff {
        // A recovery never exceeds what was written off and not yet recovered.
        if !account_balance::take_recovery(conn, account_id, amount)? {
            return Err(ApiError::invalid(
                "amount",
                "exceeds what was written off and not yet recovered",
            ));
        }
        return Ok(Receipt::Recovery);
    }
    if matches!(
        status,
        AccountStatus::Closed | AccountStatus::Settled | AccountStatus::Paid
    ) {
        return Err(ApiError::conflict(
            "account-closed",
            format!("the account is {}; it takes no payments", status.as_str()),
        ));
    }
    let order = allocation_policy::current(conn)?.order;
    let paid = account.parts().take(amount, &order);
    if paid.total() < i128::from(amount) {
        return Err(ApiError::invalid("amount", "exceeds the account's balance"));
    }
    if !account_balance::take_payment(conn, ctx, account_id, &paid)? {
        return Err(ApiError::conflict(
            "concurrent-update",
            "the account changed while the payment was recorded; retry",
        ));
    }
    Ok(Receipt::Payment(paid))
}

/// The balance moved: audit it, settle an approved settlement the payment fulfils, or, at zero,
/// complete the live arrangement and mark the account paid.
fn after_balance_change(
    conn: &mut Conn,
    ctx: &AuditContext,
    payment: &PaymentRow,
    live: Option<&ArrangementRow>,
) -> Result<(), ApiError> {
    let account_id = payment.account_id;
    let balance = account_balance::balance_of(conn, account_id)?;
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "account",
            entity_id: account_id,
            action: "account.balance_changed",
            before: Some(serde_json::json!({"balance": balance + payment.amount})),
            after: Some(serde_json::json!({"balance": balance, "payment_id": payment.id})),
            account_id: Some(account_id),
        },
    )?;
    let settled = settle_if_paid(conn, ctx, account_id, payment.received_on)?;
    if balance == 0 && !settled {
        if let Some(arr) = live {
            arrangements::end(
                conn,
                ctx,
                arr,
                ArrangementStatus::Completed,
                "arrangement.completed",
            )?;
        }
        move_if_allowed(conn, ctx, account_id, AccountStatus::Paid)?;
    }
    Ok(())
}

/// Allocates `amount` of payment `payment_id` to the arrangement's open installments, oldest
/// first; completes the arrangement when every installment is paid.
fn allocate_to(
    conn: &mut Conn,
    ctx: &AuditContext,
    arr: &ArrangementRow,
    payment_id: i64,
    amount: i64,
) -> Result<Vec<Part>, ApiError> {
    let open = installments::open_of(conn, arr.id)?;
    let dues: Vec<Open> = open
        .iter()
        .map(|i| Open {
            id: i.id,
            amount: i.amount,
            paid: i.paid_amount,
        })
        .collect();
    let parts = allocate(&dues, amount).parts;
    let mut allocated = 0;
    for part in &parts {
        let i = open
            .iter()
            .find(|i| i.id == part.installment_id)
            .ok_or_else(|| ApiError::Internal("allocation to an unknown installment".into()))?;
        installments::pay(conn, i, payment_id, part.amount)?;
        allocated += part.amount;
    }
    if allocated > 0 {
        installments::add_paid(conn, arr.id, allocated)?;
    }
    if installments::unpaid_count(conn, arr.id)? == 0 {
        let action = if arr.kind == ArrangementKind::Promise.as_str() {
            "arrangement.kept"
        } else {
            "arrangement.completed"
        };
        arrangements::end(conn, ctx, arr, ArrangementStatus::Completed, action)?;
    }
    Ok(parts)
}

/// Undoes a payment exactly: the balance (or the recovered amount) and every allocation.
pub fn reverse(conn: &mut Conn, actor: &Actor, id: i64, reason: &str) -> Result<Payment, ApiError> {
    let before = payments::find_visible(conn, actor, id)?;
    if !payments::mark_reversed(conn, actor, id, reason)? {
        return Err(ApiError::conflict(
            "already-reversed",
            "this payment has already been reversed",
        ));
    }
    let ctx: AuditContext = actor.into();
    let account_id = before.account_id;
    if before.recovery {
        account_balance::restore_recovery(conn, account_id, before.amount)?;
    } else {
        account_balance::restore_payment(conn, &ctx, account_id, &before.allocation())?;
        let undone = installments::undo_payment(conn, id)?;
        if let (Some(arr_id), true) = (before.arrangement_id, undone > 0) {
            installments::add_paid(conn, arr_id, -undone)?;
            // An arrangement this payment completed is live again.
            if arrangements::reopen(conn, &ctx, arr_id)? {
                reopen_account(conn, &ctx, account_id, AccountStatus::InArrangement)?;
            }
        }
        reopen_account(conn, &ctx, account_id, AccountStatus::Open)?;
    }
    ledger::record(conn, &[received(&before, ctx.now, Direction::Back)])?;
    let after = payments::find_visible(conn, actor, id)?;
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "payment",
            entity_id: id,
            action: "payment.reversed",
            before: Some(payments::json(&before)),
            after: Some(payments::json(&after)),
            account_id: Some(account_id),
        },
    )?;
    after.try_into()
}

/// Whether money came in or was given back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    In,
    Back,
}

/// The ledger's record of a payment or its reversal: the parts it took (a recovery takes none
/// and records the money in `amount`).
fn received(payment: &PaymentRow, at: chrono::DateTime<chrono::Utc>, way: Direction) -> Movement {
    let sign = if way == Direction::In { -1 } else { 1 };
    let paid = payment.allocation();
    let kind = match (way, payment.recovery) {
        (Direction::Back, _) => LedgerKind::PaymentReversal,
        (Direction::In, true) => LedgerKind::Recovery,
        (Direction::In, false) => LedgerKind::Payment,
    };
    Movement {
        amount: payment.recovery.then_some(-sign * payment.amount),
        payment_id: Some(payment.id),
        ..Movement::of(
            payment.account_id,
            at,
            kind,
            Parts {
                principal: sign * paid.principal,
                interest: sign * paid.interest,
                fees: sign * paid.fees,
                costs: sign * paid.costs,
            },
        )
    }
}

/// After a reversal: a `paid` account (or an `open` one whose arrangement is live again) moves to
/// `to`; other statuses stay.
fn reopen_account(
    conn: &mut Conn,
    ctx: &AuditContext,
    account_id: i64,
    to: AccountStatus,
) -> Result<(), ApiError> {
    let now = current_status(conn, account_id)?;
    let applies = now == AccountStatus::Paid
        || (now == AccountStatus::Open && to == AccountStatus::InArrangement);
    if applies && now != to && now.can_become(to) {
        move_account(conn, ctx, account_id, now, to)?;
    }
    Ok(())
}
