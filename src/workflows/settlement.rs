//! Settling: an approved settlement paid in full by its date forgives the rest and settles the
//! account; one not paid by its date lapses (the sweep).

use chrono::{DateTime, NaiveDate, Utc};

use crate::db::Conn;
use crate::db::account_balance;
use crate::db::account_status::move_if_allowed;
use crate::db::approvals;
use crate::db::arrangements::{self, ArrangementStatus};
use crate::db::audit::{self, AuditContext, Change};
use crate::db::payments;
use crate::db::settlements;
use crate::domain::account::AccountStatus;
use crate::domain::status::ApprovalStatus::{self, Approved};
use crate::error::ApiError;

/// After a payment: when an approved settlement's amount has been paid by its date, the rest is
/// forgiven and the account is `settled`. Returns whether it settled.
pub fn settle_if_paid(
    conn: &mut Conn,
    ctx: &AuditContext,
    account_id: i64,
    received_on: NaiveDate,
) -> Result<bool, ApiError> {
    let offer = settlements::approved_settlement(conn, account_id)?;
    let Some(offer) = offer else { return Ok(false) };
    let (Some(amount), Some(due_on), Some(since)) = (offer.amount, offer.due_on, offer.decided_at)
    else {
        return Ok(false);
    };
    if received_on > due_on {
        return Ok(false);
    }
    if payments::paid_since(conn, account_id, since)? < i128::from(amount) {
        return Ok(false);
    }
    if !approvals::mark(
        conn,
        offer.id,
        Approved,
        ApprovalStatus::Fulfilled,
        None,
        None,
    )? {
        return Ok(false);
    }
    let forgiven = account_balance::forgive_rest(conn, ctx, account_id, offer.id)?;
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "approval",
            entity_id: offer.id,
            action: "settlement.fulfilled",
            before: Some(serde_json::json!({"balance": forgiven})),
            after: Some(serde_json::json!({"balance": 0, "forgiven": forgiven})),
            account_id: Some(account_id),
        },
    )?;
    if let Some(live) = arrangements::active_of(conn, account_id)? {
        arrangements::end(
            conn,
            ctx,
            &live,
            ArrangementStatus::Completed,
            "arrangement.completed",
        )?;
    }
    move_if_allowed(conn, ctx, account_id, AccountStatus::Settled)?;
    Ok(true)
}

/// Approved settlements not paid by `due_on` lapse (the sweep). Returns how many.
pub fn lapse(conn: &mut Conn, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let today = now.date_naive();
    let due = settlements::settlements_due_before(conn, today)?;
    let ctx = AuditContext {
        actor_id: None,
        request_id: Some("sweep".into()),
        now,
    };
    let mut n = 0;
    for row in due {
        if approvals::mark(conn, row.id, Approved, ApprovalStatus::Lapsed, None, None)? {
            audit::record(
                conn,
                &ctx,
                Change {
                    entity_type: "approval",
                    entity_id: row.id,
                    action: "settlement.lapsed",
                    before: Some(approvals::json(&row)),
                    after: Some(serde_json::json!({"status": "lapsed"})),
                    account_id: Some(row.account_id),
                },
            )?;
            n += 1;
        }
    }
    Ok(n)
}
