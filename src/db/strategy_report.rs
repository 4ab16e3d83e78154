//! The stays of a strategy's report, read in four set-based queries whatever the number of
//! accounts: the stays (segment entries overlapping the days, with the account's status now),
//! the money received in each, the right-party contacts and the promises that ended. Scoped
//! like the accounts (a team lead: their team).

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use diesel::prelude::*;

use super::arrangements::ArrangementStatus::{Broken, Completed};
use super::schema::{
    accounts as a, arrangements as ar, contacts as c, payments as p, strategy_entries as se,
};
use super::scope::scope_of;
use super::sums::{money_sum, total};
use super::{Conn, MultiBackend, stored, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::account::AccountStatus;
use crate::domain::outcome::Outcome;
use crate::domain::strategy_report::Stay;
use crate::error::ApiError;

type StayRow = (
    i64,
    String,
    String,
    String,
    i64,
    NaiveDate,
    Option<NaiveDate>,
    String,
);

/// A stay's days within the report's: `[max(entered_on, from), min(left_on - 1, to)]`.
struct Window {
    first: NaiveDate,
    last: NaiveDate,
}

impl Window {
    fn holds(&self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }
}

/// Every stay of `strategy_id` overlapping `[from, to]` in `actor`'s scope, with its figures.
pub fn stays(
    conn: &mut Conn,
    actor: &Actor,
    strategy_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Stay>, ApiError> {
    let overlap = se::strategy_id
        .eq(strategy_id)
        .and(se::entered_on.le(to))
        .and(se::left_on.is_null().or(se::left_on.gt(from)));
    let q = se::table.inner_join(a::table).into_boxed::<MultiBackend>();
    let rows: Vec<StayRow> = apply_account_scope!(q, scope_of(actor))
        .filter(overlap)
        .select((
            se::id,
            se::segment,
            se::arm,
            se::currency,
            se::balance_at_entry,
            se::entered_on,
            se::left_on,
            a::status,
        ))
        .order(se::id)
        .load(conn)?;
    let collected = collected(conn, actor, strategy_id, from, to)?;
    let windows: HashMap<i64, Window> = rows
        .iter()
        .map(|r| {
            let last =
                r.6.and_then(|d| d.checked_sub_days(Days::new(1)))
                    .map_or(to, |d| d.min(to));
            (
                r.0,
                Window {
                    first: r.5.max(from),
                    last,
                },
            )
        })
        .collect();
    let right_party = right_party(conn, actor, strategy_id, from, to, &windows)?;
    let promises = promises(conn, actor, strategy_id, from, to, &windows)?;
    rows.into_iter()
        .map(|(id, segment, arm, currency, balance, _, _, status)| {
            let status: AccountStatus = stored("accounts.status", &status)?;
            let (kept, broken) = promises.get(&id).copied().unwrap_or((0, 0));
            Ok(Stay {
                segment,
                arm: stored("strategy_entries.arm", &arm)?,
                currency,
                balance_at_entry: balance,
                collected: collected.get(&id).copied().unwrap_or(0),
                right_party: right_party.contains(&id),
                promises_kept: kept,
                promises_broken: broken,
                cured: matches!(
                    status,
                    AccountStatus::Paid | AccountStatus::Settled | AccountStatus::InArrangement
                ),
            })
        })
        .collect()
}

/// Per stay: payments received in it, within the days (reversed ones left out).
fn collected(
    conn: &mut Conn,
    actor: &Actor,
    strategy_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, i128>, ApiError> {
    let q = se::table
        .inner_join(a::table)
        .inner_join(p::table.on(p::account_id.eq(se::account_id)))
        .group_by(se::id)
        .select((se::id, money_sum("payments.amount")))
        .into_boxed::<MultiBackend>();
    let rows: Vec<(i64, Option<String>)> = apply_account_scope!(q, scope_of(actor))
        .filter(se::strategy_id.eq(strategy_id))
        .filter(p::reversed_at.is_null())
        .filter(p::received_on.ge(from).and(p::received_on.le(to)))
        .filter(p::received_on.ge(se::entered_on))
        .filter(
            se::left_on
                .is_null()
                .or(p::received_on.lt(se::left_on.assume_not_null())),
        )
        .load(conn)?;
    rows.into_iter()
        .map(|(id, sum)| Ok((id, total(sum)?)))
        .collect()
}

/// The instants of `[from, to]` (whole UTC days).
fn instants(from: NaiveDate, to: NaiveDate) -> (chrono::NaiveDateTime, chrono::NaiveDateTime) {
    let start = to_db_time(from.and_time(chrono::NaiveTime::MIN).and_utc());
    let end = to
        .checked_add_days(Days::new(1))
        .unwrap_or(to)
        .and_time(chrono::NaiveTime::MIN);
    (start, to_db_time(end.and_utc()))
}

/// The stays with a right-party contact in them.
fn right_party(
    conn: &mut Conn,
    actor: &Actor,
    strategy_id: i64,
    from: NaiveDate,
    to: NaiveDate,
    windows: &HashMap<i64, Window>,
) -> Result<HashSet<i64>, ApiError> {
    let (start, end) = instants(from, to);
    let q = se::table
        .inner_join(a::table)
        .inner_join(c::table.on(c::account_id.eq(se::account_id)))
        .into_boxed::<MultiBackend>();
    let rows: Vec<(i64, chrono::NaiveDateTime)> = apply_account_scope!(q, scope_of(actor))
        .filter(se::strategy_id.eq(strategy_id))
        .filter(c::outcome.eq(Outcome::RightPartyContact.as_str()))
        .filter(c::occurred_at.ge(start).and(c::occurred_at.lt(end)))
        .select((se::id, c::occurred_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(id, at)| windows.get(id).is_some_and(|w| w.holds(at.date())))
        .map(|(id, _)| id)
        .collect())
}

/// Per stay: promises made in it that were kept (paid in full) and broken.
fn promises(
    conn: &mut Conn,
    actor: &Actor,
    strategy_id: i64,
    from: NaiveDate,
    to: NaiveDate,
    windows: &HashMap<i64, Window>,
) -> Result<HashMap<i64, (i64, i64)>, ApiError> {
    let (start, end) = instants(from, to);
    let q = se::table
        .inner_join(a::table)
        .inner_join(ar::table.on(ar::account_id.eq(se::account_id)))
        .into_boxed::<MultiBackend>();
    let rows: Vec<(i64, chrono::NaiveDateTime, String)> = apply_account_scope!(q, scope_of(actor))
        .filter(se::strategy_id.eq(strategy_id))
        .filter(ar::kind.eq("promise"))
        .filter(ar::status.eq_any([Completed.as_str(), Broken.as_str()]))
        .filter(ar::created_at.ge(start).and(ar::created_at.lt(end)))
        .select((se::id, ar::created_at, ar::status))
        .load(conn)?;
    let mut out: HashMap<i64, (i64, i64)> = HashMap::new();
    for (id, at, status) in rows {
        if windows.get(&id).is_some_and(|w| w.holds(at.date())) {
            let e = out.entry(id).or_default();
            if status == Completed.as_str() {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    Ok(out)
}
