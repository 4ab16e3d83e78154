//! Complaints: recorded with their deadline, responded to, closed with findings (a monetary
//! remedy is a `goodwill` adjustment under the closer's limits) and reopened. An open complaint
//! of a pausing category counts on its account, which pauses outbound collection until it closes.

use chrono::{DateTime, Utc};

use crate::actor::Actor;
use crate::db::account_status::{ComplaintMove, count_complaint};
use crate::db::accounts::{self as accounts_db, AccountRow};
use crate::db::audit::{self, Change};
use crate::db::complaints::{self, Changes, ClosingRow, Complaint, ComplaintRow, NewComplaintRow};
use crate::db::{Conn, account_lock, complaint_policy, to_db_time};
use crate::domain::adjustment::AdjustmentReason;
use crate::domain::complaint::{
    Closing, ComplaintCategory, ComplaintSource, ComplaintStatus, Remedy, RootCause,
    closing_problems,
};
use crate::domain::parts::FORGIVENESS_ORDER;
use crate::error::ApiError;
use crate::workflows::Initiator;
use crate::workflows::adjustment::{self, AdjustmentAsk};

/// A complaint as received.
#[derive(Debug, Clone)]
pub struct NewComplaint {
    pub source: ComplaintSource,
    pub category: ComplaintCategory,
    pub description: String,
    pub received_at: Option<DateTime<Utc>>,
    pub against_user_id: Option<i64>,
    pub external_ref: Option<String>,
}

/// Records a complaint on a visible account, due per the policy's days for its source.
pub fn record(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    new: NewComplaint,
) -> Result<Complaint, ApiError> {
    let account = accounts_db::find_visible_row(conn, actor, account_id)?.account;
    let received_at = new.received_at.unwrap_or(actor.now);
    if received_at > actor.now {
        return Err(ApiError::invalid(
            "received_at",
            "must not be in the future",
        ));
    }
    let due_at = complaint_policy::current(conn)?.due_at(new.source, received_at);
    let now = to_db_time(actor.now);
    let row = complaints::insert(
        conn,
        &NewComplaintRow {
            account_id,
            source: new.source.as_str(),
            category: new.category.as_str(),
            description: new.description,
            received_at: to_db_time(received_at),
            due_at: to_db_time(due_at),
            status: ComplaintStatus::Open.as_str(),
            against_user_id: new.against_user_id,
            agent_id: new.against_user_id.or(account.assignee_id),
            team_id: account.team_id,
            external_ref: new.external_ref,
            created_by: Some(actor.user_id),
            created_at: now,
            updated_at: now,
        },
    )?;
    count_complaint(
        conn,
        account_id,
        ComplaintMove::Opens,
        new.category.pauses(),
    )?;
    audited(conn, actor, "complaint.received", None, &row)?;
    Complaint::from_row(row, actor.now)
}

/// Records a response: the complaint is `in_progress` (team lead and above).
pub fn respond(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    response: String,
) -> Result<Complaint, ApiError> {
    let before = complaints::find_visible_row(conn, actor, id)?;
    let changes = Changes {
        response: Some(response),
        closing: None,
    };
    let open = [ComplaintStatus::Open, ComplaintStatus::InProgress];
    let after =
        complaints::transition(conn, actor, id, &open, ComplaintStatus::InProgress, changes)?
            .ok_or_else(closed_already)?;
    audited(conn, actor, "complaint.responded", Some(&before), &after)?;
    Complaint::from_row(after, actor.now)
}

/// How a complaint is closed.
#[derive(Debug, Clone)]
pub struct CloseComplaint {
    pub root_cause: RootCause,
    pub justified: bool,
    pub remedy: Remedy,
    pub monetary_relief: Option<i64>,
    pub response: Option<String>,
}

/// Closes an open complaint with its findings; a monetary remedy lowers the balance by a
/// `goodwill` adjustment (applied within the closer's `adjustment_max`, else pending approval).
/// Nobody closes a complaint against themselves.
pub fn close(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    close: CloseComplaint,
) -> Result<Complaint, ApiError> {
    ApiError::unless_any(closing_problems(Closing {
        remedy: close.remedy,
        monetary_relief: close.monetary_relief,
    }))?;
    let before = complaints::find_visible_row(conn, actor, id)?;
    if before.against_user_id == Some(actor.user_id) {
        return Err(ApiError::forbidden(
            "complaint-against-you",
            "the complaint is against you; someone else must close it",
        ));
    }
    if before.status()? == ComplaintStatus::Closed {
        return Err(closed_already());
    }
    let adjustment_id = match close.monetary_relief {
        Some(relief) => Some(relieve(conn, actor, &before, relief)?),
        None => None,
    };
    let changes = Changes {
        response: close.response,
        closing: Some(ClosingRow {
            root_cause: close.root_cause,
            justified: close.justified,
            remedy: close.remedy,
            monetary_relief: close.monetary_relief,
            adjustment_id,
        }),
    };
    let open = [ComplaintStatus::Open, ComplaintStatus::InProgress];
    let after = complaints::transition(conn, actor, id, &open, ComplaintStatus::Closed, changes)?
        .ok_or_else(closed_already)?;
    let pauses = before.category()?.pauses();
    count_complaint(conn, before.account_id, ComplaintMove::Closes, pauses)?;
    audited(conn, actor, "complaint.closed", Some(&before), &after)?;
    Complaint::from_row(after, actor.now)
}

/// The monetary relief as a `goodwill` lowering of the first part (fees, interest, costs,
/// principal) that holds all of it; the adjustment's id.
fn relieve(
    conn: &mut Conn,
    actor: &Actor,
    complaint: &ComplaintRow,
    relief: i64,
) -> Result<i64, ApiError> {
    let account: AccountRow = account_lock::lock(conn, complaint.account_id)?;
    let parts = account.parts();
    let Some(component) = FORGIVENESS_ORDER
        .into_iter()
        .find(|c| parts.get(*c) >= relief)
    else {
        return Err(ApiError::invalid(
            "monetary_relief",
            format!(
                "no one part of the balance holds {relief}; give the relief as adjustments and close with remedy monetary for what one part holds"
            ),
        ));
    };
    let ask = AdjustmentAsk {
        component,
        amount: -relief,
        reason: AdjustmentReason::Goodwill,
        note: format!("monetary relief for complaint {}", complaint.id),
    };
    Ok(adjustment::make(conn, Initiator::User(actor), &account, &ask)?.id)
}

/// Reopens a closed complaint (its findings cleared; a pausing one pauses again).
pub fn reopen(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Complaint, ApiError> {
    let before = complaints::find_visible_row(conn, actor, id)?;
    let after = complaints::transition(
        conn,
        actor,
        id,
        &[ComplaintStatus::Closed],
        ComplaintStatus::Open,
        Changes::default(),
    )?
    .ok_or_else(|| ApiError::conflict("complaint-not-closed", "only a closed complaint reopens"))?;
    let pauses = before.category()?.pauses();
    count_complaint(conn, before.account_id, ComplaintMove::Opens, pauses)?;
    audited(conn, actor, "complaint.reopened", Some(&before), &after)?;
    Complaint::from_row(after, actor.now)
}

fn closed_already() -> ApiError {
    ApiError::conflict(
        "complaint-closed",
        "the complaint is closed; reopen it first",
    )
}

fn audited(
    conn: &mut Conn,
    actor: &Actor,
    action: &'static str,
    before: Option<&ComplaintRow>,
    after: &ComplaintRow,
) -> Result<(), ApiError> {
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "complaint",
            entity_id: after.id,
            action,
            before: before.map(complaints::json),
            after: Some(complaints::json(after)),
            account_id: Some(after.account_id),
        },
    )?;
    Ok(())
}
