//! Where each account of a report's scope stood at the period's start and end: its status (from
//! `account_status_history`), its balance (the sum of its ledger entries before the instant) and
//! its aging bucket (from `delinquent_since`). Four set-based queries whatever the period.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::{account_status_history as h, accounts as a, ledger_entries as le};
use super::summary::{SummaryScope, midnight};
use super::sums::{money_sum, total};
use super::{Conn, MultiBackend, stored};
use crate::domain::account::AccountStatus;
pub use crate::domain::aging_history::{AccountAt, StatusBalance};
use crate::error::ApiError;

type Scoped<T> = diesel::dsl::IntoBoxed<'static, diesel::dsl::InnerJoin<T, a::table>, MultiBackend>;

/// Every account of the scope placed before `end`, at midnight of `start` and of `end`.
pub fn standings(
    conn: &mut Conn,
    s: &SummaryScope,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<Vec<AccountAt>, ApiError> {
    let (at_start, at_end) = (midnight(start), midnight(end));
    let mut q = a::table
        .filter(a::currency.eq(s.currency.clone()))
        .filter(a::created_at.lt(at_end))
        .select((a::id, a::delinquent_since, a::created_at))
        .into_boxed();
    if let Some(team) = s.team_id {
        q = q.filter(a::team_id.eq(team));
    }
    let accounts: Vec<(i64, NaiveDate, chrono::NaiveDateTime)> = q.load(conn)?;
    let before_start = balances(conn, s, at_start)?;
    let before_end = balances(conn, s, at_end)?;
    let moves = moves(conn, s, at_end)?;
    accounts
        .into_iter()
        .map(|(id, delinquent_since, created_at)| {
            let history = moves.get(&id).map(Vec::as_slice).unwrap_or_default();
            let at =
                |instant, sums: &HashMap<i64, i128>| -> Result<Option<StatusBalance>, ApiError> {
                    if created_at >= instant {
                        return Ok(None);
                    }
                    let status = match history.iter().rev().find(|(from, _)| *from < instant) {
                        Some((_, text)) => stored("account_status_history.status", text)?,
                        None => AccountStatus::Open,
                    };
                    Ok(Some(StatusBalance {
                        status,
                        balance: sums.get(&id).copied().unwrap_or(0),
                    }))
                };
            Ok(AccountAt {
                delinquent_since,
                start: at(at_start, &before_start)?,
                end: at(at_end, &before_end)?,
            })
        })
        .collect()
}

/// Each account's ledger sum before `instant`.
fn balances(
    conn: &mut Conn,
    s: &SummaryScope,
    instant: chrono::NaiveDateTime,
) -> Result<HashMap<i64, i128>, ApiError> {
    let q = le::table
        .inner_join(a::table)
        .group_by(le::account_id)
        .select((
            le::account_id,
            money_sum(
                "ledger_entries.principal + ledger_entries.interest + ledger_entries.fees + ledger_entries.costs",
            ),
        ))
        .into_boxed();
    let mut q = q
        .filter(a::currency.eq(s.currency.clone()))
        .filter(le::occurred_at.lt(instant));
    if let Some(team) = s.team_id {
        q = q.filter(a::team_id.eq(team));
    }
    let rows: Vec<(i64, Option<String>)> = q.load(conn)?;
    rows.into_iter()
        .map(|(id, sum)| Ok((id, total(sum)?)))
        .collect()
}

/// Each account's status moves before `instant`, oldest first.
fn moves(
    conn: &mut Conn,
    s: &SummaryScope,
    instant: chrono::NaiveDateTime,
) -> Result<HashMap<i64, Vec<(chrono::NaiveDateTime, String)>>, ApiError> {
    let q: Scoped<h::table> = h::table.inner_join(a::table).into_boxed();
    let mut q = q
        .filter(a::currency.eq(s.currency.clone()))
        .filter(h::from_at.lt(instant));
    if let Some(team) = s.team_id {
        q = q.filter(a::team_id.eq(team));
    }
    let rows: Vec<(i64, chrono::NaiveDateTime, String)> = q
        .select((h::account_id, h::from_at, h::status))
        .order((h::account_id, h::from_at, h::id))
        .load(conn)?;
    let mut out: HashMap<i64, Vec<(chrono::NaiveDateTime, String)>> = HashMap::new();
    for (id, at, status) in rows {
        out.entry(id).or_default().push((at, status));
    }
    Ok(out)
}
