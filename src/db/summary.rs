//! The management report's money and promise figures: each one grouped query over the accounts
//! of one currency (and one team, or all), never a query per account or per day.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::schema::{
    accounts as a, approval_requests as rq, arrangements as ar, installments as ins, payments as p,
    targets as t,
};
use super::sums::{money_sum, total};
use super::{Conn, MultiBackend, to_db_time};
use crate::domain::report::rate;
use crate::domain::status::ApprovalStatus;
use crate::error::ApiError;

/// The accounts a report covers: one currency, one team or all.
#[derive(Debug, Clone)]
pub struct SummaryScope {
    pub team_id: Option<i64>,
    pub currency: String,
}

/// Filters a boxed query joined to `accounts` to the scope.
macro_rules! in_scope {
    ($q:expr, $s:expr) => {{
        let q = $q.filter(a::currency.eq($s.currency.clone()));
        match $s.team_id {
            Some(team) => q.filter(a::team_id.eq(team)),
            None => q,
        }
    }};
}

/// The currencies of the accounts of a team (or all).
pub fn currencies(conn: &mut Conn, team_id: Option<i64>) -> Result<Vec<String>, ApiError> {
    let mut q = a::table.select(a::currency).distinct().into_boxed();
    if let Some(team) = team_id {
        q = q.filter(a::team_id.eq(team));
    }
    Ok(q.order(a::currency).load(conn)?)
}

/// 00:00 UTC of `d`, as stored.
pub(crate) fn midnight(d: NaiveDate) -> chrono::NaiveDateTime {
    to_db_time(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
}

/// Net collected per day of `[from, to)`: payments received, not reversed, recoveries aside.
pub fn collected_per_day(
    conn: &mut Conn,
    s: &SummaryScope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<BTreeMap<NaiveDate, i128>, ApiError> {
    let q = p::table
        .inner_join(a::table)
        .group_by(p::received_on)
        .select((p::received_on, money_sum("payments.amount")))
        .into_boxed();
    let rows: Vec<(NaiveDate, Option<String>)> = in_scope!(q, s)
        .filter(p::received_on.ge(from).and(p::received_on.lt(to)))
        .filter(p::reversed_at.is_null().and(p::recovery.eq(false)))
        .load(conn)?;
    rows.into_iter()
        .map(|(day, sum)| Ok((day, total(sum)?)))
        .collect()
}

/// Net collected in `[from, to)` per recording agent.
pub fn collected_per_agent(
    conn: &mut Conn,
    s: &SummaryScope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<i64, i128>, ApiError> {
    let q = p::table
        .inner_join(a::table)
        .group_by(p::recorded_by)
        .select((p::recorded_by, money_sum("payments.amount")))
        .into_boxed();
    let rows: Vec<(Option<i64>, Option<String>)> = in_scope!(q, s)
        .filter(p::received_on.ge(from).and(p::received_on.lt(to)))
        .filter(p::reversed_at.is_null().and(p::recovery.eq(false)))
        .load(conn)?;
    let mut out = HashMap::new();
    for (agent, sum) in rows {
        if let Some(agent) = agent {
            out.insert(agent, total(sum)?);
        }
    }
    Ok(out)
}

/// Targets of `scope` (`agent` or `team`) for the `YYYY-MM` months, per subject, with each
/// month's first day.
pub fn targets(
    conn: &mut Conn,
    scope: &str,
    months: &[String],
    currency: &str,
) -> Result<HashMap<i64, Vec<(NaiveDate, i128)>>, ApiError> {
    let rows: Vec<(i64, String, i64)> = t::table
        .filter(
            t::scope
                .eq(scope)
                .and(t::period.eq_any(months))
                .and(t::currency.eq(currency)),
        )
        .select((t::subject_id, t::period, t::collected_amount))
        .load(conn)?;
    let mut out: HashMap<i64, Vec<(NaiveDate, i128)>> = HashMap::new();
    for (subject, period, amount) in rows {
        if let Ok(first) = NaiveDate::parse_from_str(&format!("{period}-01"), "%Y-%m-%d") {
            out.entry(subject).or_default().push((first, amount.into()));
        }
    }
    Ok(out)
}

/// Money scheduled in `[from, to)`: unpaid parts of active installments, and approved
/// settlements falling due.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scheduled {
    pub installments: i128,
    pub settlements: i128,
}

pub fn scheduled(
    conn: &mut Conn,
    s: &SummaryScope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Scheduled, ApiError> {
    let q: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<ins::table, diesel::dsl::InnerJoin<ar::table, a::table>>,
        MultiBackend,
    > = ins::table
        .inner_join(ar::table.inner_join(a::table))
        .into_boxed();
    let due: Option<String> = in_scope!(q, s)
        .filter(ar::status.eq("active").and(ins::status.ne("paid")))
        .filter(ins::due_on.ge(from).and(ins::due_on.lt(to)))
        .select(money_sum("installments.amount - installments.paid_amount"))
        .first(conn)?;
    let q: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<rq::table, a::table>,
        MultiBackend,
    > = rq::table.inner_join(a::table).into_boxed();
    let settlements: Option<String> = in_scope!(q, s)
        .filter(rq::kind.eq("settlement"))
        .filter(rq::status.eq(ApprovalStatus::Approved.as_str()))
        .filter(rq::due_on.ge(from).and(rq::due_on.lt(to)))
        .select(money_sum("approval_requests.amount"))
        .first(conn)?;
    Ok(Scheduled {
        installments: total(due)?,
        settlements: total(settlements)?,
    })
}

/// Installments of every arrangement due in `[from, to)`: how many, and how many were paid in
/// full (the kept rate's parts).
#[derive(Debug, Clone, Copy, Default)]
pub struct DueKept {
    pub due: i64,
    pub kept: i64,
}

impl DueKept {
    pub fn rate(&self) -> Option<f64> {
        rate(self.kept.into(), self.due.into())
    }
}

pub fn installments_kept(
    conn: &mut Conn,
    s: &SummaryScope,
    from: NaiveDate,
    to: NaiveDate,
    promises_only: bool,
) -> Result<DueKept, ApiError> {
    let q = ins::table
        .inner_join(ar::table.inner_join(a::table))
        .group_by(ins::status)
        .select((ins::status, count_star()))
        .into_boxed();
    let mut q = in_scope!(q, s).filter(ins::due_on.ge(from).and(ins::due_on.lt(to)));
    if promises_only {
        q = q.filter(ar::kind.eq("promise"));
    }
    let rows: Vec<(String, i64)> = q.load(conn)?;
    Ok(DueKept {
        due: rows.iter().map(|r| r.1).sum(),
        kept: rows.iter().filter(|r| r.0 == "paid").map(|r| r.1).sum(),
    })
}

/// Promises made and broken in `[from, to)`.
#[derive(Debug, Clone, Copy, Default)]
pub struct MadeBroken {
    pub made: i64,
    pub broken: i64,
}

pub fn promises_made_broken(
    conn: &mut Conn,
    s: &SummaryScope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<MadeBroken, ApiError> {
    let (start, end) = (midnight(from), midnight(to));
    let q: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<ar::table, a::table>,
        MultiBackend,
    > = ar::table.inner_join(a::table).into_boxed();
    let made: i64 = in_scope!(q, s)
        .filter(ar::kind.eq("promise"))
        .filter(ar::created_at.ge(start).and(ar::created_at.lt(end)))
        .select(count_star())
        .first(conn)?;
    let q: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<ar::table, a::table>,
        MultiBackend,
    > = ar::table.inner_join(a::table).into_boxed();
    let broken: i64 = in_scope!(q, s)
        .filter(ar::kind.eq("promise").and(ar::status.eq("broken")))
        .filter(ar::ended_at.ge(start).and(ar::ended_at.lt(end)))
        .select(count_star())
        .first(conn)?;
    Ok(MadeBroken { made, broken })
}
