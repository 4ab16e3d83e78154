//! Setting up an arrangement (a promise or a plan) and cancelling one: the arrangement, its
//! installments, the account's move to `in_arrangement`, or the approval request a plan over its
//! creator's limit waits for.

use crate::actor::Actor;
use crate::db::account_status::move_account;
use crate::db::accounts::{self as accounts_db, AccountRow};
use crate::db::approvals::{self, ApprovalKind, ApprovalRow, NewRequest};
use crate::db::arrangements::{
    self, Arrangement, ArrangementKind, ArrangementRow, ArrangementStatus,
};
use crate::db::audit::{self, Change};
use crate::db::{Conn, approval_policy};
use crate::domain::account::AccountStatus;
use crate::domain::authority::{Ask, required_role};
use crate::domain::role::Role;
use crate::domain::schedule::Due;
use crate::error::ApiError;
use crate::workflows::approval_request::requested_on;

/// Sets up an arrangement on a visible, open account.
pub fn create(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    kind: ArrangementKind,
    dues: Vec<Due>,
) -> Result<Arrangement, ApiError> {
    let account = accounts_db::find_visible_row(conn, actor, account_id)?.account;
    set_up(conn, actor, &account, kind, dues)
}

/// Sets up an arrangement on `account`, already loaded within the caller's scope.
pub fn set_up(
    conn: &mut Conn,
    actor: &Actor,
    account: &AccountRow,
    kind: ArrangementKind,
    dues: Vec<Due>,
) -> Result<Arrangement, ApiError> {
    let status = crate::db::stored::<AccountStatus>("accounts.status", &account.status)?;
    if status == AccountStatus::InArrangement {
        return Err(arrangements::live_exists());
    }
    if status != AccountStatus::Open {
        return Err(ApiError::conflict(
            "account-not-open",
            format!(
                "the account is {}; arrangements need an open account",
                status.as_str()
            ),
        ));
    }
    ApiError::unless_any(crate::domain::schedule::check(
        &dues,
        actor.now.date_naive(),
        account.balance,
    ))?;
    // A plan longer than the caller's tier may set up waits for approval (the approval policy's
    // `plan_max_installments`).
    let policy = approval_policy::current(conn)?;
    let over_limit = kind == ArrangementKind::Plan
        && policy
            .plan_limit(actor.role)
            .is_some_and(|limit| dues.len() as i64 > limit);
    let status = if over_limit {
        ArrangementStatus::PendingApproval
    } else {
        ArrangementStatus::Active
    };
    let row = arrangements::insert(conn, actor, account.id, kind, status, &dues)?;
    let ctx = actor.into();
    if over_limit {
        let installments = dues.len() as i64;
        let required = required_role(&policy, Ask::Arrangement { installments });
        request_arrangement(conn, actor, account, &row, installments, required)?;
    } else if !move_account(
        conn,
        &ctx,
        account.id,
        AccountStatus::Open,
        AccountStatus::InArrangement,
    )? {
        return Err(ApiError::conflict(
            "concurrent-update",
            "the account changed while the arrangement was set up; retry",
        ));
    }
    let installments = arrangements::installments_of(conn, row.id)?;
    let mut after = arrangements::json(&row);
    after["installments"] = serde_json::to_value(&installments).unwrap_or_default();
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "arrangement",
            entity_id: row.id,
            action: "arrangement.created",
            before: None,
            after: Some(after),
            account_id: Some(account.id),
        },
    )?;
    arrangements::to_arrangement(row, installments)
}

/// Cancels a live arrangement: its creator, a team lead of the account's team, or above.
pub fn cancel(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Arrangement, ApiError> {
    let row = arrangements::find_visible_row(conn, actor, id)?;
    if actor.role == Role::Agent && row.created_by != Some(actor.user_id) {
        return Err(ApiError::forbidden(
            "not-creator",
            "an agent may cancel only arrangements they set up",
        ));
    }
    if !arrangements::end(
        conn,
        &actor.into(),
        &row,
        ArrangementStatus::Cancelled,
        "arrangement.cancelled",
    )? {
        return Err(ApiError::conflict(
            "arrangement-not-live",
            format!(
                "the arrangement is {}; only active or pending ones can be cancelled",
                row.status
            ),
        ));
    }
    arrangements::find_visible(conn, actor, id)
}

/// The approval request a plan over its creator's limit needs.
fn request_arrangement(
    conn: &mut Conn,
    actor: &Actor,
    account: &AccountRow,
    arrangement: &ArrangementRow,
    installments: i64,
    required: Role,
) -> Result<ApprovalRow, ApiError> {
    let reason = format!(
        "a plan of {installments} installments is longer than a {} may set up",
        actor.role.as_str()
    );
    approvals::insert(
        conn,
        actor,
        requested_on(account),
        NewRequest {
            kind: ApprovalKind::Arrangement,
            amount: arrangement.total_amount,
            due_on: None,
            reason: &reason,
            arrangement_id: Some(arrangement.id),
            required,
        },
    )
}
