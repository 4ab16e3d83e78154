//! Adjusting one part of a balance: checked against the reason's rules and the account, applied
//! at once within the requester's authority, or held as `pending_approval` with an approval
//! request of kind `adjustment` that applies it when approved. A balance that adjustments bring
//! to zero closes the account.

use crate::db::account_balance::{self, AdjustmentIds};
use crate::db::account_status::move_if_allowed;
use crate::db::accounts::AccountRow;
use crate::db::adjustments::{self, Adjustment, AdjustmentRow, NewAdjustment};
use crate::db::approvals::{self, ApprovalKind, ApprovalRow, NewRequest};
use crate::db::arrangements::{self, ArrangementStatus};
use crate::db::audit::{self, AuditContext, Change};
use crate::db::user_session::Unconfirmed;
use crate::db::{Conn, account_lock, approval_policy, stored};
use crate::domain::account::AccountStatus;
use crate::domain::adjustment::{
    AdjustmentFacts, AdjustmentReason, AdjustmentStatus, Refused, Route, problems, route,
};
use crate::domain::money::MAX_AMOUNT;
use crate::domain::parts::{Component, Parts};
use crate::error::ApiError;
use crate::workflows::Initiator;
use crate::workflows::approval_request::requested_on;

/// What is asked: a signed change of one part, for a reason.
#[derive(Debug, Clone)]
pub struct AdjustmentAsk {
    pub component: Component,
    pub amount: i64,
    pub reason: AdjustmentReason,
    pub note: String,
}

/// `POST /v1/accounts/{id}/adjustments`: on a visible account, locked before it is read, in the
/// statement that re-checks the caller's session. What is wrong with the ask itself is answered
/// first (422), as the body's own validation is.
pub fn request(
    conn: &mut Conn,
    caller: Unconfirmed,
    account_id: i64,
    ask: AdjustmentAsk,
) -> Result<Adjustment, ApiError> {
    if ask.reason == AdjustmentReason::PlacementUpdate {
        return Err(ApiError::invalid(
            "reason",
            "placement_update is written by a re-import whose balance differs; choose another reason",
        ));
    }
    ApiError::unless_any(problems(ask.reason, ask.component, ask.amount))?;
    let (actor, account) = account_lock::lock_rechecked(conn, caller, account_id)?;
    make(conn, Initiator::User(&actor), &account, &ask)?.try_into()
}

/// Applies or requests approval for `ask` on `account` (as read, locked, in this transaction).
pub fn make(
    conn: &mut Conn,
    by: Initiator<'_>,
    account: &AccountRow,
    ask: &AdjustmentAsk,
) -> Result<AdjustmentRow, ApiError> {
    fits(account, ask)?;
    let route = match by {
        Initiator::System(_) => Route::Apply,
        Initiator::User(actor) => {
            let facts = AdjustmentFacts {
                caller: actor.role,
                reason: ask.reason,
                amount: ask.amount,
            };
            route(&approval_policy::current(conn)?, facts).map_err(|r| match r {
                Refused::RaiseNeedsTeamLead => ApiError::forbidden(
                    "insufficient-authority",
                    "raising a balance needs team_lead or above",
                ),
            })?
        }
    };
    let ctx = by.ctx();
    let requested_by = by.user_id();
    let mut new = NewAdjustment {
        account_id: account.id,
        component: ask.component,
        amount: ask.amount,
        reason: ask.reason,
        note: &ask.note,
        status: AdjustmentStatus::Applied,
        approval_id: None,
        requested_by,
        at: ctx.now,
    };
    let row = match (route, by) {
        (Route::Approval { required }, Initiator::User(actor)) => {
            let reason = format!("{}: {}", ask.reason.as_str(), ask.note);
            let request = NewRequest {
                kind: ApprovalKind::Adjustment,
                amount: ask.amount.saturating_abs(),
                due_on: None,
                reason: &reason,
                arrangement_id: None,
                required,
            };
            let approval = approvals::insert(conn, actor, requested_on(account), request)?;
            new.status = AdjustmentStatus::PendingApproval;
            new.approval_id = Some(approval.id);
            adjustments::insert(conn, new)?
        }
        _ => {
            let row = adjustments::insert(conn, new)?;
            apply(conn, &ctx, account, &row)?;
            row
        }
    };
    audited(conn, &ctx, None, &row)?;
    Ok(row)
}

/// The account may take it: not finished, the part stays ≥ 0, the balance stays bounded.
fn fits(account: &AccountRow, ask: &AdjustmentAsk) -> Result<(), ApiError> {
    let status = stored::<AccountStatus>("accounts.status", &account.status)?;
    if matches!(
        status,
        AccountStatus::Paid
            | AccountStatus::Settled
            | AccountStatus::WrittenOff
            | AccountStatus::Closed
    ) {
        return Err(ApiError::conflict(
            "account-closed",
            format!(
                "the account is {}; it takes no adjustments",
                status.as_str()
            ),
        ));
    }
    let holds = account.parts().get(ask.component);
    if i128::from(holds) + i128::from(ask.amount) < 0 {
        return Err(ApiError::invalid(
            "amount",
            format!(
                "would take {} below 0 (it holds {holds})",
                ask.component.as_str()
            ),
        ));
    }
    if i128::from(account.balance) + i128::from(ask.amount) > i128::from(MAX_AMOUNT) {
        return Err(ApiError::invalid(
            "amount",
            format!("would raise the balance above {MAX_AMOUNT} minor units"),
        ));
    }
    Ok(())
}

/// Moves the part (and the ledger); a balance brought to zero closes the account.
fn apply(
    conn: &mut Conn,
    ctx: &AuditContext,
    account: &AccountRow,
    row: &AdjustmentRow,
) -> Result<(), ApiError> {
    let component: Component = stored("adjustments.component", &row.component)?;
    let ids = AdjustmentIds {
        adjustment_id: row.id,
        approval_id: row.approval_id,
    };
    let delta = Parts::only(component, row.amount);
    let Some(balance) = account_balance::adjust(conn, ctx, account, &delta, ids)? else {
        return Err(ApiError::conflict(
            "stale-request",
            "the account's parts changed since the adjustment was asked for; ask again",
        ));
    };
    if balance == 0 {
        if let Some(live) = arrangements::active_of(conn, account.id)? {
            arrangements::end(
                conn,
                ctx,
                &live,
                ArrangementStatus::Cancelled,
                "arrangement.cancelled",
            )?;
        }
        move_if_allowed(conn, ctx, account.id, AccountStatus::Closed)?;
    }
    Ok(())
}

/// An approval request of kind `adjustment` was approved (apply it), rejected or withdrawn.
pub fn on_decision(
    conn: &mut Conn,
    ctx: &AuditContext,
    approval: &ApprovalRow,
    account: &AccountRow,
    to: AdjustmentStatus,
) -> Result<(), ApiError> {
    let Some(before) = adjustments::of_approval(conn, approval.id)? else {
        return Err(ApiError::Internal(format!(
            "approval {} has no adjustment",
            approval.id
        )));
    };
    let Some(after) = adjustments::settle(conn, before.id, to, ctx.now)? else {
        return Ok(());
    };
    if to == AdjustmentStatus::Applied {
        apply(conn, ctx, account, &after)?;
    }
    audited(conn, ctx, Some(&before), &after)
}

fn audited(
    conn: &mut Conn,
    ctx: &AuditContext,
    before: Option<&AdjustmentRow>,
    after: &AdjustmentRow,
) -> Result<(), ApiError> {
    let status: AdjustmentStatus = stored("adjustments.status", &after.status)?;
    let action = match status {
        AdjustmentStatus::Applied => "adjustment.applied",
        AdjustmentStatus::PendingApproval => "adjustment.requested",
        AdjustmentStatus::Rejected => "adjustment.rejected",
        AdjustmentStatus::Cancelled => "adjustment.cancelled",
    };
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "adjustment",
            entity_id: after.id,
            action,
            before: before.map(adjustments::json),
            after: Some(adjustments::json(after)),
            account_id: Some(after.account_id),
        },
    )?;
    Ok(())
}
