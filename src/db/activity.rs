//! The agent-activity rollup (`agent_activity`), written in the transaction of each logged
//! contact (with the account locked, `db::account_lock`) and read by the performance report. The
//! rules are in `domain::activity`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::upsert::excluded;

use super::schema::agent_activity as aa;
use super::{Conn, with_inner};
use crate::domain::activity::{LoggedContact, deltas};
use crate::error::ApiError;

/// Rows per (agent, day, prev_day), as the migration's CHECK says.
const SLOTS: i64 = 8;

/// A logged contact, as the rollup counts it.
#[derive(Debug, Clone, Copy)]
pub struct Touch {
    pub agent_id: i64,
    pub contact_id: i64,
    pub occurred_at: DateTime<Utc>,
    /// The agent's other contacts with the account nearest the contact's day.
    pub neighbours: Neighbours,
    /// An outbound phone call (counted in `contact_attempts`).
    pub attempt: bool,
    /// An outbound phone conversation with the debtor (counted in `right_party_contacts`).
    pub right_party: bool,
}

/// A logging agent's other contacts with the account: the last before the new contact's UTC
/// day, the first from it (`db::contact_subject::debtor_and_neighbours` reads them).
#[derive(Debug, Clone, Copy, Default)]
pub struct Neighbours {
    pub previous: Option<NaiveDateTime>,
    pub next: Option<NaiveDateTime>,
}

/// Adds a logged contact to the rollup, with the account locked.
pub fn record(conn: &mut Conn, touch: &Touch) -> Result<(), ApiError> {
    let Touch {
        agent_id,
        contact_id,
        occurred_at,
        neighbours: Neighbours { previous, next },
        attempt,
        right_party,
    } = *touch;
    let day = occurred_at.date_naive();
    // Concurrent contacts of one agent and day land on different rows (the report sums them).
    let slot = i32::try_from(contact_id.rem_euclid(SLOTS)).unwrap_or(0);
    let rows: Vec<_> = deltas(LoggedContact {
        day,
        previous_day: previous.map(|t| t.date()),
        next_day: next.map(|t| t.date()),
        attempt,
        right_party,
    })
    .into_iter()
    .map(|d| {
        (
            aa::agent_id.eq(agent_id),
            aa::day.eq(d.day),
            aa::prev_day.eq(d.prev_day),
            aa::touches.eq(d.touches),
            aa::contact_attempts.eq(d.contact_attempts),
            aa::right_party_contacts.eq(d.right_party_contacts),
            aa::slot.eq(slot),
        )
    })
    .collect();
    if rows.is_empty() {
        return Ok(());
    }
    with_inner!(conn, conn => diesel::insert_into(aa::table)
        .values(&rows)
        .on_conflict((aa::agent_id, aa::day, aa::prev_day, aa::slot))
        .do_update()
        .set((
            aa::touches.eq(aa::touches + excluded(aa::touches)),
            aa::contact_attempts.eq(aa::contact_attempts + excluded(aa::contact_attempts)),
            aa::right_party_contacts
                .eq(aa::right_party_contacts + excluded(aa::right_party_contacts)),
        ))
        .execute(conn))?;
    Ok(())
}

/// One agent's work over a period, from the rollup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Distinct accounts the agent logged a contact on.
    pub accounts_worked: i64,
    pub contact_attempts: i64,
    pub right_party_contacts: i64,
}

/// Per agent of `agents`, from `from` to `to` (UTC days, inclusive): accounts worked, contact
/// attempts and right-party contacts. Two grouped reads of the rollup.
pub fn summary(
    conn: &mut Conn,
    agents: &[i64],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<std::collections::HashMap<i64, Summary>, ApiError> {
    let in_period = || {
        aa::agent_id
            .eq_any(agents)
            .and(aa::day.ge(from))
            .and(aa::day.le(to))
    };
    let calls: Vec<(i64, Option<i64>, Option<i64>)> = aa::table
        .filter(in_period().and(aa::prev_day.eq(aa::day)))
        .group_by(aa::agent_id)
        .select((
            aa::agent_id,
            super::sums::sum("agent_activity.contact_attempts"),
            super::sums::sum("agent_activity.right_party_contacts"),
        ))
        .load(conn)?;
    let worked: Vec<(i64, Option<i64>)> = aa::table
        .filter(in_period().and(aa::prev_day.lt(from)))
        .group_by(aa::agent_id)
        .select((aa::agent_id, super::sums::sum("agent_activity.touches")))
        .load(conn)?;
    let mut out: std::collections::HashMap<i64, Summary> = Default::default();
    for (agent, attempts, rpcs) in calls {
        let e = out.entry(agent).or_default();
        e.contact_attempts = attempts.unwrap_or(0);
        e.right_party_contacts = rpcs.unwrap_or(0);
    }
    for (agent, touches) in worked {
        out.entry(agent).or_default().accounts_worked = touches.unwrap_or(0);
    }
    Ok(out)
}
