//! Closing communications: the mail house or gateway reports one `sent` (re-checked against the
//! contact rules first, with the same `compliance::evaluate` the contact log uses) or `failed`;
//! and the `ready` reading of the list (pending ones the rules allow now).

use crate::actor::Actor;
use crate::db::accounts::AccountAndDebtor;
use crate::db::audit::{self, Change};
use crate::db::communications::{
    self, Addressed, Closing, Communication, CommunicationFilter, CommunicationRow,
    CommunicationStatus,
};
use crate::db::{Conn, contact_policy, contacts};
use crate::domain::compliance::{Direction, Verdict, evaluate};
use crate::domain::contact_policy::ContactPolicy;
use crate::error::ApiError;

/// What the contact rules say of sending `row` now.
fn verdict(
    policy: &ContactPolicy,
    row: &CommunicationRow,
    target: &AccountAndDebtor,
    actor: &Actor,
) -> Result<Verdict, ApiError> {
    let rules = policy.rules_for(target.debtor.region.as_deref());
    let subject = contacts::subject(&target.account, &target.debtor)?;
    Ok(evaluate(
        row.channel()?.channel(),
        Direction::Outbound,
        actor.now,
        &subject,
        &[],
        &rules,
    ))
}

/// A page of communications and where the next one starts.
#[derive(Debug)]
pub struct Scanned {
    pub items: Vec<Communication>,
    /// The id of the last row read, when another page may follow.
    pub last_read: Option<i64>,
}

/// Communications `actor` may see; with `ready`, only the pending ones the rules allow now
/// (so a page may hold fewer than `limit`).
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    filter: &CommunicationFilter,
    after: Option<i64>,
    limit: i64,
) -> Result<Scanned, ApiError> {
    let rows = communications::list(conn, actor, filter, after, limit + 1)?;
    let more = rows.len() as i64 > limit;
    let rows: Vec<_> = rows.into_iter().take(limit as usize).collect();
    let last_read = rows.last().map(|r| r.communication.id).filter(|_| more);
    let policy = if filter.ready {
        Some(contact_policy::current(conn)?)
    } else {
        None
    };
    let mut out = Vec::with_capacity(rows.len());
    for Addressed { communication, to } in rows {
        if let Some(policy) = &policy
            && !verdict(policy, &communication, &to, actor)?.allowed
        {
            continue;
        }
        out.push(communication.try_into()?);
    }
    Ok(Scanned {
        items: out,
        last_read,
    })
}

/// The mail house or gateway sent it. A pending one the rules forbid now is refused with 409
/// `contact-not-permitted`: stored `blocked` when a lasting rule forbids it (that change is the
/// request's result and is committed), left `pending` when only the time of day does.
pub fn sent(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
) -> Result<Result<Communication, ApiError>, ApiError> {
    let Addressed {
        communication: row,
        to: target,
    } = open(conn, actor, id)?;
    let policy = contact_policy::current(conn)?;
    let v = verdict(&policy, &row, &target, actor)?;
    if v.allowed {
        return close(conn, actor, &row, Closing::Sent, "communication.sent").map(Ok);
    }
    let refusal = ApiError::ContactNotPermitted {
        reasons: v.reasons.clone(),
        next_allowed_at: v.next_allowed_at,
    };
    if v.next_allowed_at.is_none() {
        let lasting = v.reasons.into_iter().filter(|r| !r.is_temporal()).collect();
        close(
            conn,
            actor,
            &row,
            Closing::Blocked(lasting),
            "communication.blocked",
        )?;
    }
    Ok(Err(refusal))
}

/// The mail house or gateway could not send it.
pub fn failed(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    reason: &str,
) -> Result<Communication, ApiError> {
    let row = open(conn, actor, id)?.communication;
    close(
        conn,
        actor,
        &row,
        Closing::Failed(reason.to_owned()),
        "communication.failed",
    )
}

/// A visible communication that is still pending (409 `communication-closed` otherwise).
fn open(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Addressed, ApiError> {
    let found = communications::find_visible(conn, actor, id)?;
    let status = found.communication.status()?;
    if status != CommunicationStatus::Pending {
        return Err(closed(status));
    }
    Ok(found)
}

fn closed(status: CommunicationStatus) -> ApiError {
    ApiError::conflict(
        "communication-closed",
        format!(
            "the communication is {}; only a pending one is closed",
            status.as_str()
        ),
    )
}

fn close(
    conn: &mut Conn,
    actor: &Actor,
    before: &CommunicationRow,
    closing: Closing,
    action: &str,
) -> Result<Communication, ApiError> {
    let Some(after) = communications::close(conn, actor, before.id, &closing)? else {
        // Closed by a concurrent request since it was read.
        let now = communications::find_visible(conn, actor, before.id)?.communication;
        return Err(closed(now.status()?));
    };
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "communication",
            entity_id: after.id,
            action,
            before: Some(communications::json(before)),
            after: Some(communications::json(&after)),
            account_id: Some(after.account_id),
        },
    )?;
    after.try_into()
}
