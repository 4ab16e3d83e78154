//! Deciding an approval request (approve or reject, with its effect: a write-off taken from the
//! balance, a plan activated or cancelled), and the requester withdrawing one.

use crate::actor::Actor;
use crate::db::account_balance;
use crate::db::account_status::{move_account, move_if_allowed};
use crate::db::accounts::{self, AccountRow};
use crate::db::approvals::{self, Approval, ApprovalKind, refusal};
use crate::db::arrangements::{self, ArrangementStatus};
use crate::db::audit::{self, AuditContext, Change};
use crate::db::{Conn, stored};
use crate::domain::account::AccountStatus;
use crate::domain::adjustment::AdjustmentStatus;
use crate::domain::authority::{Decision, DecisionFacts, Refusal, may_decide};
use crate::domain::role::Role;
use crate::domain::status::ApprovalStatus;
use crate::error::ApiError;
use crate::tally::{self, Count};
use crate::workflows::adjustment;

/// Approves or rejects a pending request, with its effect, in the caller's transaction.
pub fn decide(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    decision: Decision,
    note: Option<&str>,
) -> Result<Approval, ApiError> {
    let approve = decision == Decision::Approve;
    let row = approvals::find_visible_row(conn, actor, id)?;
    let account = accounts::row(conn, row.account_id)?;
    let facts = DecisionFacts {
        caller: actor.role,
        caller_id: actor.user_id,
        caller_team: actor.team_id,
        requester_id: row.requested_by,
        required_role: stored::<Role>("approval_requests.required_role", &row.required_role)?,
        account_team: account.team_id,
        pending: row.status == ApprovalStatus::Pending.as_str(),
        balance_at_request: row.balance_at_request,
        balance_now: account.balance,
    };
    may_decide(&facts).map_err(refusal)?;
    let to = if approve {
        ApprovalStatus::Approved
    } else {
        ApprovalStatus::Rejected
    };
    if !approvals::mark(conn, id, ApprovalStatus::Pending, to, Some(actor), note)? {
        return Err(refusal(Refusal::NotPending));
    }
    let ctx: AuditContext = actor.into();
    let kind: ApprovalKind = stored("approval_requests.kind", &row.kind)?;
    tally::stage(Count::ApprovalDecided {
        kind: kind.as_str(),
        decision: to.as_str(),
        by: "person",
    });
    match (kind, approve) {
        (ApprovalKind::WriteOff, true) => {
            write_off(conn, &ctx, &account, row.amount.unwrap_or(0), row.id)?
        }
        (ApprovalKind::Arrangement, true) => activate_plan(conn, &ctx, row.arrangement_id)?,
        (ApprovalKind::Arrangement, false) => cancel_plan(conn, &ctx, row.arrangement_id)?,
        (ApprovalKind::Adjustment, true) => {
            adjustment::on_decision(conn, &ctx, &row, &account, AdjustmentStatus::Applied)?
        }
        (ApprovalKind::Adjustment, false) => {
            adjustment::on_decision(conn, &ctx, &row, &account, AdjustmentStatus::Rejected)?
        }
        // An approved settlement is an offer: payments reaching its amount by `due_on` settle the account.
        _ => {}
    }
    let after = approvals::reload(conn, id)?;
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "approval",
            entity_id: id,
            action: if approve {
                "approval.approved"
            } else {
                "approval.rejected"
            },
            before: Some(approvals::json(&row)),
            after: Some(approvals::json(&after)),
            account_id: Some(row.account_id),
        },
    )?;
    after.try_into()
}

fn write_off(
    conn: &mut Conn,
    ctx: &AuditContext,
    account: &AccountRow,
    amount: i64,
    approval_id: i64,
) -> Result<(), ApiError> {
    let Some(balance) = account_balance::write_off(conn, ctx, account, amount, approval_id)? else {
        return Err(refusal(Refusal::Stale));
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
        move_if_allowed(conn, ctx, account.id, AccountStatus::WrittenOff)?;
    }
    Ok(())
}

fn activate_plan(
    conn: &mut Conn,
    ctx: &AuditContext,
    arrangement_id: Option<i64>,
) -> Result<(), ApiError> {
    let Some(id) = arrangement_id else {
        return Ok(());
    };
    if let Some(account_id) = arrangements::activate(conn, ctx, id)? {
        move_account(
            conn,
            ctx,
            account_id,
            AccountStatus::Open,
            AccountStatus::InArrangement,
        )?;
    }
    Ok(())
}

fn cancel_plan(
    conn: &mut Conn,
    ctx: &AuditContext,
    arrangement_id: Option<i64>,
) -> Result<(), ApiError> {
    let Some(id) = arrangement_id else {
        return Ok(());
    };
    let row = arrangements::row(conn, id)?;
    arrangements::end(
        conn,
        ctx,
        &row,
        ArrangementStatus::Cancelled,
        "arrangement.cancelled",
    )?;
    Ok(())
}

/// The requester withdraws a pending request (a plan awaiting approval is cancelled with it).
pub fn withdraw(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Approval, ApiError> {
    let row = approvals::find_visible_row(conn, actor, id)?;
    if row.requested_by != Some(actor.user_id) {
        return Err(ApiError::forbidden(
            "not-requester",
            "only the requester may cancel a request",
        ));
    }
    let withdrawn = ApprovalStatus::Cancelled;
    if !approvals::mark(
        conn,
        id,
        ApprovalStatus::Pending,
        withdrawn,
        Some(actor),
        None,
    )? {
        return Err(refusal(Refusal::NotPending));
    }
    let ctx: AuditContext = actor.into();
    match stored::<ApprovalKind>("approval_requests.kind", &row.kind)? {
        ApprovalKind::Arrangement => cancel_plan(conn, &ctx, row.arrangement_id)?,
        ApprovalKind::Adjustment => {
            let account = accounts::row(conn, row.account_id)?;
            let cancelled = AdjustmentStatus::Cancelled;
            adjustment::on_decision(conn, &ctx, &row, &account, cancelled)?;
        }
        ApprovalKind::Settlement | ApprovalKind::WriteOff => {}
    }
    let after = approvals::reload(conn, id)?;
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "approval",
            entity_id: id,
            action: "approval.cancelled",
            before: Some(approvals::json(&row)),
            after: Some(approvals::json(&after)),
            account_id: Some(row.account_id),
        },
    )?;
    after.try_into()
}
