//! The demo's 90 days of history: arrangements and payments, contacts, pending settlements and
//! targets, all written through the workflows the API uses.

use crate::auth::Actor;
use crate::db::arrangements::ArrangementKind;
use crate::db::contacts::NewContact;
use crate::db::payments::{NewPayment, PaymentMethod};
use crate::db::targets::{NewTarget, TargetScope};
use crate::db::user_session::Unconfirmed;
use crate::db::{Conn, write_tx};
use crate::domain::compliance::{Channel, Direction};
use crate::domain::outcome::{OUTCOMES, Outcome};
use crate::domain::role::Role;
use crate::domain::schedule::{Due, Frequency, generate};
use crate::error::ApiError;
use crate::workflows::{arrangement, contact_log, payment};
use diesel::prelude::*;

/// Contacts over the 90 days, every outcome code among them, logged through the same rules as
/// the API (a contact the rules refuse is simply not logged). Accounts without an arrangement get
/// two contacts, ten days apart, at 16:00 UTC (within calling hours across the US), on 51 days
/// from 84 days back to yesterday, so that a report of this month has contacts from its 2nd.
pub fn contacts(
    conn: &mut Conn,
    head: &Actor,
    ids: &[i64],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    let start = head.now.date_naive();
    let mut k = 0usize;
    for (i, id) in ids.iter().enumerate() {
        if i % 5 < 2 {
            continue;
        }
        for visit in 0..2u64 {
            let day = start + chrono::Days::new(5 + (i as u64 * 7) % 75 + visit * 10);
            let Some(when) = day
                .and_hms_opt(16, 0, 0)
                .map(|t| t.and_utc())
                .filter(|t| *t < now)
            else {
                continue;
            };
            let outcome = OUTCOMES[k % OUTCOMES.len()].0;
            k += 1;
            let channel = match k % 6 {
                0 => Channel::Sms,
                1 => Channel::Letter,
                _ => Channel::Phone,
            };
            let direction = if k.is_multiple_of(4) {
                Direction::Inbound
            } else {
                Direction::Outbound
            };
            let promise = (outcome == Outcome::PromiseToPay)
                .then(|| (2_500 + (i as i64 % 20) * 500, day + chrono::Days::new(7)));
            let follow_up_at =
                (outcome == Outcome::CallbackRequested).then(|| when + chrono::Duration::days(3));
            let new = NewContact {
                channel,
                direction,
                outcome,
                occurred_at: when,
                duration_seconds: Some(30 + (k as i32 % 9) * 40),
                notes: None,
                follow_up_at,
                promise,
            };
            // Logged by the account's agent, so the performance report has something per agent.
            let agent = match assignee_of(conn, *id)? {
                Some((user_id, team_id)) => Actor {
                    user_id,
                    role: Role::Agent,
                    team_id,
                    now: when,
                    ..head.clone()
                },
                None => Actor {
                    now: when,
                    ..head.clone()
                },
            };
            // A refusal (rules) or a conflict (an arrangement or dispute already there) skips it;
            // the savepoint keeps a failed one from touching the rest of the demo.
            let _ = write_tx(conn, |tx| {
                contact_log::log(tx, Unconfirmed::new(agent.clone()), *id, new).map(|_| ())
            });
        }
    }
    Ok(())
}

/// Who records a payment: the account's agent (so the reports credit them), else `fallback`.
fn recorder(conn: &mut Conn, id: i64, fallback: Actor) -> Result<Actor, ApiError> {
    Ok(match assignee_of(conn, id)? {
        Some((user_id, team_id)) => Actor {
            user_id,
            role: Role::Agent,
            team_id,
            ..fallback
        },
        None => fallback,
    })
}

/// The agent an account is assigned to, with the account's team.
fn assignee_of(conn: &mut Conn, id: i64) -> Result<Option<(i64, Option<i64>)>, ApiError> {
    use crate::db::schema::accounts as a;
    let (assignee, team): (Option<i64>, Option<i64>) = a::table
        .find(id)
        .select((a::assignee_id, a::team_id))
        .first(conn)?;
    Ok(assignee.map(|user| (user, team)))
}

/// Settlements awaiting a decision, requested by the accounts' agents: in each team one within
/// the team lead's authority (10 % off) and one only a manager may approve (40 % off), so every
/// approver has something actionable in the demo.
pub fn pending_settlements(
    conn: &mut Conn,
    head: &Actor,
    ids: &[i64],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    use crate::db::approvals::ApprovalKind;
    use crate::db::schema::accounts as a;
    use crate::workflows::approval_request;
    let mut per_team: std::collections::HashMap<Option<i64>, u32> = Default::default();
    // Accounts without an arrangement (see `history`), large enough for a lump sum.
    for id in ids.iter().skip(2).step_by(5) {
        let (balance, status): (i64, String) = a::table
            .find(*id)
            .select((a::balance, a::status))
            .first(conn)?;
        let Some((user_id, team_id)) = assignee_of(conn, *id)? else {
            continue;
        };
        let done = per_team.entry(team_id).or_default();
        if *done >= 2 || status != "open" || balance < 20_000 {
            continue;
        }
        let discount_percent = if *done == 0 { 10 } else { 40 };
        let agent = Actor {
            user_id,
            role: Role::Agent,
            team_id,
            now,
            ..head.clone()
        };
        approval_request::request(
            conn,
            &agent,
            ApprovalKind::Settlement,
            *id,
            balance * (100 - discount_percent) / 100,
            Some(now.date_naive() + chrono::Days::new(14)),
            "the debtor offers a lump sum",
        )?;
        *done += 1;
    }
    Ok(())
}

/// How far back the demo's history starts.
pub const HISTORY_DAYS: i64 = 90;

/// Arrangements and payments over the demo's 90 days: every fifth account gets a monthly plan
/// and every fifth a promise; a third of the plans are paid on time (some complete), a third
/// pay once and then stop, a third never pay; half the promises are kept. The sweep then breaks
/// what went unpaid.
pub fn arrangements(
    conn: &mut Conn,
    head: &Actor,
    ids: &[i64],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    let at = |day: chrono::NaiveDate| Actor {
        now: day
            .and_hms_opt(15, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or(now),
        ..head.clone()
    };
    let start = head.now.date_naive();
    for (i, id) in ids.iter().enumerate() {
        let balance: i64 = crate::db::schema::accounts::table
            .find(*id)
            .select(crate::db::schema::accounts::balance)
            .first(conn)?;
        let (kind, dues) = match i % 5 {
            0 => {
                let count = 3 + i % 4;
                let total = (balance / 2).max(count as i64);
                (
                    ArrangementKind::Plan,
                    generate(
                        total,
                        count,
                        Frequency::Monthly,
                        start + chrono::Days::new(7 + (i % 20) as u64),
                    )
                    .map_err(|(_, m)| ApiError::Internal(m))?,
                )
            }
            1 => (
                ArrangementKind::Promise,
                vec![Due {
                    due_on: start + chrono::Days::new(10 + (i % 60) as u64),
                    amount: (balance / 10).max(1),
                }],
            ),
            _ => continue,
        };
        let plan = arrangement::create(conn, head, *id, kind, dues)?;
        let pays = match (kind, i % 3) {
            (ArrangementKind::Promise, _) => i % 2 == 0,
            (_, 0) => true,
            (_, 1) => false,
            _ => continue,
        };
        for (k, inst) in plan.installments.iter().enumerate() {
            if inst.due_on > now.date_naive()
                || (kind == ArrangementKind::Plan && !pays && k > 0)
                || (kind == ArrangementKind::Promise && !pays)
            {
                break;
            }
            let payment = NewPayment {
                amount: inst.amount,
                method: if k % 2 == 0 {
                    PaymentMethod::Ach
                } else {
                    PaymentMethod::Card
                },
                reference: None,
                received_on: inst.due_on,
            };
            let by = recorder(conn, *id, at(inst.due_on))?;
            payment::record(conn, &by, *id, payment)?;
        }
    }
    Ok(())
}

/// Monthly targets for every agent and team, this month and the last two.
pub fn targets(conn: &mut Conn, head: &Actor, team_ids: [i64; 2]) -> Result<(), ApiError> {
    let agents: Vec<i64> = crate::db::schema::users::table
        .filter(crate::db::schema::users::role.eq("agent"))
        .select(crate::db::schema::users::id)
        .load(conn)?;
    for months_back in 0..3u32 {
        let month = head
            .now
            .date_naive()
            .checked_sub_months(chrono::Months::new(months_back))
            .unwrap_or(head.now.date_naive());
        let period = format!(
            "{:04}-{:02}",
            chrono::Datelike::year(&month),
            chrono::Datelike::month(&month)
        );
        let subjects = agents
            .iter()
            .map(|a| (TargetScope::Agent, *a))
            .chain(team_ids.map(|t| (TargetScope::Team, t)));
        for (scope, subject_id) in subjects {
            let new = NewTarget {
                scope,
                subject_id,
                period: period.clone(),
                currency: "USD".into(),
                collected_amount: 1_500_000,
            };
            crate::db::targets::set_target(conn, head, new)?;
        }
    }
    Ok(())
}
