//! Logging a contact: judged by the compliance engine (a refusal is audited and nothing else is
//! stored), then what its outcome sets off — a promise to pay, a dispute, a cease or a wrong
//! number flag on the debtor, a deceased or bankruptcy flag with an escalation — the contact
//! itself, and the agent's daily rollup. The account is loaded, scoped and locked once.

use crate::actor::Actor;
use crate::db::accounts::AccountRow;
use crate::db::activity::{self, Touch};
use crate::db::arrangements::ArrangementKind;
use crate::db::audit::{self, AuditContext, Change};
use crate::db::contacts::{self, Consent, Contact, NewContact};
use crate::db::debtors::{self, DebtorFlag, DebtorRow};
use crate::db::escalations::{self, EscalationTier};
use crate::db::user_session::Unconfirmed;
use crate::db::{Conn, account_lock, account_status, contact_subject};
use crate::domain::compliance::{Channel, Direction};
use crate::domain::outcome::Outcome;
use crate::domain::schedule::Due;
use crate::error::ApiError;
use crate::tally::{self, Count};
use crate::workflows::{arrangement, dispute};

/// What the contact's outcome created, for the contact to point at.
struct Created {
    arrangement_id: Option<i64>,
    dispute_id: Option<i64>,
}

/// Logs a contact. `Ok(Err(_))`: the rules refuse it; the refusal is audited (and the caller
/// commits it) but nothing else is stored.
/// The caller's session is re-checked in the statement that locks the account.
pub fn log(
    conn: &mut Conn,
    caller: Unconfirmed,
    account_id: i64,
    new: NewContact,
) -> Result<Result<Contact, ApiError>, ApiError> {
    // Locked as it is read, so what is judged is what the contact will be counted against.
    let (actor, account) = account_lock::lock_rechecked(conn, caller, account_id)?;
    let actor = &actor;
    let (debtor, neighbours) =
        contact_subject::debtor_and_neighbours(conn, &account, actor.user_id, new.occurred_at)?;
    let ctx: AuditContext = actor.into();
    let consent = match judge(conn, &ctx, &account, &debtor, &new)? {
        Ok(consent) => consent,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let created = outcome_effects(conn, actor, &account, &debtor, &new)?;
    let row = contacts::insert(
        conn,
        actor,
        account_id,
        &new,
        created.arrangement_id,
        created.dispute_id,
        consent,
    )?;
    audit::record_created(
        conn,
        &ctx,
        Change {
            entity_type: "contact",
            entity_id: row.id,
            action: "contact.logged",
            before: None,
            after: Some(serde_json::to_value(&row).unwrap_or_default()),
            account_id: Some(account_id),
        },
    )?;
    tally::stage(Count::ContactLogged {
        channel: contacts::channel_str(new.channel),
    });
    // Last, so the rollup row (shared by every contact of the agent that day) stays locked only
    // until the commit that follows.
    let outbound_phone = new.direction == Direction::Outbound && new.channel == Channel::Phone;
    let flags = new.outcome.flags();
    activity::record(
        conn,
        &Touch {
            agent_id: actor.user_id,
            contact_id: row.id,
            occurred_at: new.occurred_at,
            neighbours,
            attempt: outbound_phone,
            right_party: outbound_phone && flags.is_conversation,
        },
    )?;
    Ok(row.try_into())
}

/// The engine's verdict on an outbound contact: allowed (on the debtor's consent or not), or
/// its refusal, audited.
fn judge(
    conn: &mut Conn,
    ctx: &AuditContext,
    account: &AccountRow,
    debtor: &DebtorRow,
    new: &NewContact,
) -> Result<Result<Consent, ApiError>, ApiError> {
    if new.direction != Direction::Outbound {
        return Ok(Ok(Consent::NotNeeded));
    }
    let v = contacts::verdict(
        conn,
        account,
        debtor,
        new.channel,
        new.direction,
        new.occurred_at,
    )?;
    if v.allowed {
        return Ok(Ok(if v.consented {
            Consent::Given
        } else {
            Consent::NotNeeded
        }));
    }
    let refusal = serde_json::json!({
        "channel": contacts::channel_str(new.channel), "outcome": new.outcome.as_str(),
        "occurred_at": crate::timestamps::format(&new.occurred_at), "reasons": v.reasons,
        "next_allowed_at": v.next_allowed_at.as_ref().map(crate::timestamps::format),
    });
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "account",
            entity_id: account.id,
            action: "contact.refused",
            before: None,
            after: Some(refusal),
            account_id: Some(account.id),
        },
    )?;
    for reason in &v.reasons {
        let reason = serde_json::to_value(reason).map_err(ApiError::internal)?;
        tally::stage(Count::ContactRefused {
            reason: reason.as_str().unwrap_or("unknown").to_owned(),
        });
    }
    Ok(Err(ApiError::ContactNotPermitted {
        reasons: v.reasons,
        next_allowed_at: v.next_allowed_at,
    }))
}

/// What the outcome sets off, before the contact is stored so that it can point at it.
fn outcome_effects(
    conn: &mut Conn,
    actor: &Actor,
    account: &AccountRow,
    debtor: &DebtorRow,
    new: &NewContact,
) -> Result<Created, ApiError> {
    let ctx: AuditContext = actor.into();
    let arrangement_id = match (new.outcome, new.promise) {
        (Outcome::PromiseToPay, Some((amount, due_on))) => {
            let dues = vec![Due { due_on, amount }];
            Some(arrangement::set_up(conn, actor, account, ArrangementKind::Promise, dues)?.id)
        }
        _ => None,
    };
    let dispute_id = match new.outcome {
        Outcome::Dispute => {
            let reason = new.notes.as_deref().unwrap_or("disputed during a contact");
            Some(dispute::open_on(conn, actor, account, reason)?.id)
        }
        _ => None,
    };
    match new.outcome {
        Outcome::CeaseRequest => debtors::flag(conn, &ctx, debtor, DebtorFlag::CeaseCommunication)?,
        Outcome::WrongNumber | Outcome::Disconnected if new.channel == Channel::Phone => {
            debtors::flag(conn, &ctx, debtor, DebtorFlag::PhoneInvalid)?
        }
        Outcome::Deceased | Outcome::Bankruptcy => {
            account_status::flag(conn, &ctx, account.id, new.outcome)?;
            // Collection stops for the team lead's review.
            let what = if new.outcome == Outcome::Deceased {
                "deceased"
            } else {
                "bankrupt"
            };
            let reason = format!("a contact reported the debtor {what}");
            escalations::insert(conn, actor, account.id, &reason, EscalationTier::TeamLead)?;
        }
        _ => {}
    }
    Ok(Created {
        arrangement_id,
        dispute_id,
    })
}
