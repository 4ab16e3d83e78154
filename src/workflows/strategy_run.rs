//! The strategy run: every `open` or `in_arrangement` account evaluated against the active
//! strategy, in batches of [`BATCH`] accounts, each batch in one transaction of a fixed number
//! of statements whatever its size (never a query per account):
//!
//! 1. the accounts with their debtors, and their broken arrangements counted;
//! 2. each account's arm (`domain::strategy::arm_of`) and segment (`segment_of`);
//! 3. the open segment entries: an account whose segment (or arm) changed leaves its entry that
//!    day and enters the new one (day 0); entries are opened with `ON CONFLICT DO NOTHING` on the
//!    one-open-entry index, then read back, so two runs agree on one entry;
//! 4. the steps due in each entry and not yet taken, inserted with `ON CONFLICT DO NOTHING` on
//!    (entry, step): only the steps this run's insert won are acted on, so a second run, or a
//!    concurrent one on another instance, takes nothing twice;
//! 5. the actions of those steps (`strategy_actions`), and their audit events in bulk.

use std::collections::HashMap;

use chrono::{DateTime, Days, Utc};
use diesel::prelude::*;

use crate::db::accounts::AccountAndDebtor;
use crate::db::arrangements::ArrangementStatus;
use crate::db::schema::{accounts as a, arrangements as ar, debtors as d};
use crate::db::strategies;
use crate::db::strategy_entries::{self, EntryRow, NewEntry};
use crate::db::strategy_runs::{self, RunCounts, RunEnd, RunRow, RunStatus};
use crate::db::strategy_steps::{self, NewStep};
use crate::db::{Conn, Db, DbConnection, to_db_time, write_tx};
use crate::domain::account::{AccountStatus, days_past_due};
use crate::domain::strategy::{AccountFacts, arm_of, due_steps, segment_of};
use crate::error::ApiError;
use crate::workflows::strategy_actions::{self, Plan, Taken};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Accounts per batch (and per transaction).
pub const BATCH: i64 = 1000;

/// Days a settlement offer stands: through `taken_on + OFFER_DAYS`.
pub const OFFER_DAYS: u64 = 30;

/// Starts a run of the active strategy (409 `no-active-strategy` without one).
pub fn start(
    conn: &mut Conn,
    started_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<RunRow, ApiError> {
    let Some(strategy) = strategies::active(conn)? else {
        return Err(ApiError::conflict(
            "no-active-strategy",
            "no strategy is active: activate one first",
        ));
    };
    strategy_runs::insert(conn, strategy.id, started_by, now)
}

/// Partitions worked at once on PostgreSQL (contiguous ranges of account ids); SQLite writes one
/// at a time.
pub const PARTS: i64 = 2;

/// Works a started run to its end, recording progress after each batch and calling `between`
/// (the daily run renews its lease there; an error stops the run). The run is `finished`, or
/// `failed` with the error. With `pool` (PostgreSQL), [`PARTS`] partitions of the accounts are
/// worked at once: the first on `conn`, the others on connections of their own.
pub fn execute(
    conn: &mut Conn,
    pool: Option<&Db>,
    run: &RunRow,
    now: DateTime<Utc>,
    mut between: impl FnMut(&mut Conn) -> Result<(), ApiError>,
) -> Result<RunCounts, ApiError> {
    let mut counts = RunCounts::default();
    let result = plan(conn, run, now).and_then(|plan| {
        let pool = pool.filter(|db| db.is_postgres());
        work(conn, pool, &plan, &mut counts, &mut between)
    });
    let end = match &result {
        Ok(()) => (RunStatus::Finished, None),
        Err(e) => (RunStatus::Failed, Some(e.to_string())),
    };
    let end = RunEnd {
        status: end.0,
        at: now,
        error: end.1.as_deref(),
    };
    strategy_runs::record(conn, run.id, &counts, Some(end))?;
    result.map(|()| counts)
}

fn plan(conn: &mut Conn, run: &RunRow, now: DateTime<Utc>) -> Result<Plan, ApiError> {
    let strategy = strategies::find(conn, run.strategy_id)?;
    Ok(Plan {
        run_id: run.id,
        strategy_id: strategy.id,
        definition: strategy.definition()?,
        strategy_name: strategy.name,
        started_by: run.started_by,
        today: run.run_on,
        now,
    })
}

/// Partition 0 here, the others on threads of their own that report each batch through a
/// channel; progress is recorded (and `between` called) after each batch of partition 0.
fn work(
    conn: &mut Conn,
    pool: Option<&Db>,
    plan: &Plan,
    counts: &mut RunCounts,
    between: &mut impl FnMut(&mut Conn) -> Result<(), ApiError>,
) -> Result<(), ApiError> {
    let parts = if pool.is_some() { PARTS } else { 1 };
    let ranges = id_ranges(conn, parts)?;
    let stop = AtomicBool::new(false);
    let (report, reports) = mpsc::channel::<Result<RunCounts, ApiError>>();
    std::thread::scope(|scope| {
        for range in ranges.iter().skip(1).copied() {
            let (report, stop) = (report.clone(), &stop);
            let db = pool.cloned();
            scope.spawn(move || {
                let mut send = |_: &mut Conn, done: RunCounts| {
                    if stop.load(Ordering::Relaxed) {
                        return Err(ApiError::Internal("the run stopped".into()));
                    }
                    report.send(Ok(done)).map_err(ApiError::internal)
                };
                let worked = db
                    .ok_or_else(|| ApiError::Internal("no pool".into()))
                    .and_then(|db| db.checkout())
                    .and_then(|mut c| partition(&mut c, plan, range, &mut send));
                if let Err(e) = worked {
                    let _ = report.send(Err(e));
                }
            });
        }
        drop(report);
        let mut failure = None;
        let mut on_batch = |c: &mut Conn, done: RunCounts| {
            counts.add(&done);
            for other in reports.try_iter() {
                counts.add(&other?);
            }
            strategy_runs::record(c, plan.run_id, counts, None)?;
            between(c)
        };
        if let Err(e) = partition(conn, plan, ranges[0], &mut on_batch) {
            stop.store(true, Ordering::Relaxed);
            failure = Some(e);
        }
        for other in reports.iter() {
            match other {
                Ok(done) => counts.add(&done),
                Err(e) => {
                    stop.store(true, Ordering::Relaxed);
                    failure.get_or_insert(e);
                }
            }
        }
        failure.map_or(Ok(()), Err)
    })
}

/// Account ids `(after, through]` of a partition.
type IdRange = (i64, i64);

/// `parts` contiguous ranges covering every account id.
fn id_ranges(conn: &mut Conn, parts: i64) -> Result<Vec<IdRange>, ApiError> {
    let (lo, hi): (Option<i64>, Option<i64>) = a::table
        .select((diesel::dsl::min(a::id), diesel::dsl::max(a::id)))
        .first(conn)?;
    let (lo, hi) = (lo.unwrap_or(0).saturating_sub(1), hi.unwrap_or(0));
    let span = (hi - lo).max(parts) / parts + 1;
    Ok((0..parts)
        .map(|k| {
            (
                lo + k * span,
                if k == parts - 1 {
                    i64::MAX
                } else {
                    lo + (k + 1) * span
                },
            )
        })
        .collect())
}

/// The batches of the accounts of a range, each in its own transaction.
fn partition(
    conn: &mut Conn,
    plan: &Plan,
    (mut after, through): IdRange,
    on_batch: &mut dyn FnMut(&mut Conn, RunCounts) -> Result<(), ApiError>,
) -> Result<(), ApiError> {
    loop {
        let (done, last) = write_tx(conn, |tx| {
            relaxed_commit(tx)?;
            batch(tx, plan, (after, through))
        })?;
        let Some(last) = last else {
            return Ok(());
        };
        after = last;
        on_batch(conn, done)?;
    }
}

/// On PostgreSQL a batch's commit does not wait for its WAL to reach the disk: a crash may lose
/// the last batches, whose steps the next run then takes (nothing is taken twice either way).
fn relaxed_commit(conn: &mut Conn) -> Result<(), ApiError> {
    if let DbConnection::Postgresql(c) = conn {
        diesel::connection::SimpleConnection::batch_execute(
            c,
            "SET LOCAL synchronous_commit = off",
        )?;
    }
    Ok(())
}

/// One batch of the range's accounts after `after`: what it did, and its last account id (`None`: no
/// accounts were left).
fn batch(
    conn: &mut Conn,
    plan: &Plan,
    (after, through): IdRange,
) -> Result<(RunCounts, Option<i64>), ApiError> {
    let accounts: Vec<AccountAndDebtor> = a::table
        .inner_join(d::table)
        .filter(a::id.gt(after).and(a::id.le(through)))
        .filter(a::status.eq_any([
            AccountStatus::Open.as_str(),
            AccountStatus::InArrangement.as_str(),
        ]))
        .order(a::id)
        .limit(BATCH)
        .select(AccountAndDebtor::as_select())
        .load(conn)?;
    let Some(last) = accounts.last().map(|r| r.account.id) else {
        return Ok((RunCounts::default(), None));
    };
    let ids: Vec<i64> = accounts.iter().map(|r| r.account.id).collect();
    let placed = place(conn, plan, &accounts, &ids)?;
    let steps = due(conn, plan, &placed)?;
    let won = strategy_steps::take(conn, &steps)?;
    let by_account: HashMap<i64, &AccountAndDebtor> =
        accounts.iter().map(|r| (r.account.id, r)).collect();
    let entries: HashMap<i64, &EntryRow> = placed.iter().map(|e| (e.id, e)).collect();
    let taken: Vec<Taken> = won
        .into_iter()
        .filter_map(|step| {
            let entry = *entries.get(&step.entry_id)?;
            let account = *by_account.get(&step.account_id)?;
            Some(Taken {
                step,
                entry,
                account,
            })
        })
        .collect();
    let mut counts = strategy_actions::act(conn, plan, &taken)?;
    counts.accounts_evaluated = ids.len() as i64;
    Ok((counts, Some(last)))
}

/// Places the accounts in their segment entries and answers the open entries after it.
fn place(
    conn: &mut Conn,
    plan: &Plan,
    accounts: &[AccountAndDebtor],
    ids: &[i64],
) -> Result<Vec<EntryRow>, ApiError> {
    let broken = broken_counts(conn, ids)?;
    let open: HashMap<i64, EntryRow> = strategy_entries::open_of(conn, plan.strategy_id, ids)?
        .into_iter()
        .map(|e| (e.account_id, e))
        .collect();
    let mut leaving = Vec::new();
    let mut entering = Vec::new();
    for AccountAndDebtor { account, debtor } in accounts {
        let facts = AccountFacts {
            days_past_due: days_past_due(account.delinquent_since, plan.today),
            balance: account.balance,
            portfolio: account.portfolio.clone(),
            region: debtor.region.clone(),
            broken_arrangements: broken.get(&account.id).copied().unwrap_or(0),
        };
        let arm = arm_of(account.id, plan.strategy_id, plan.share());
        let segments = plan.segments(arm);
        let segment = segment_of(segments, &facts).map(|i| segments[i].name.as_str());
        let current = open.get(&account.id);
        let stays =
            current.is_some_and(|e| Some(e.segment.as_str()) == segment && e.arm == arm.as_str());
        if stays {
            continue;
        }
        if let Some(e) = current {
            leaving.push(e.id);
        }
        if let Some(name) = segment {
            entering.push(NewEntry {
                strategy_id: plan.strategy_id,
                account_id: account.id,
                arm: arm.as_str().to_owned(),
                segment: name.to_owned(),
                entered_on: plan.today,
                balance_at_entry: account.balance,
                currency: account.currency.clone(),
            });
        }
    }
    if leaving.is_empty() && entering.is_empty() {
        return Ok(open.into_values().collect());
    }
    strategy_entries::close(conn, &leaving, plan.today)?;
    strategy_entries::open(conn, &entering)?;
    strategy_entries::open_of(conn, plan.strategy_id, ids)
}

/// Arrangements of each account that broke.
fn broken_counts(conn: &mut Conn, ids: &[i64]) -> Result<HashMap<i64, i64>, ApiError> {
    Ok(ar::table
        .filter(
            ar::account_id
                .eq_any(ids)
                .and(ar::status.eq(ArrangementStatus::Broken.as_str())),
        )
        .group_by(ar::account_id)
        .select((ar::account_id, diesel::dsl::count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect())
}

/// The steps due today in the open entries and not yet taken.
fn due(conn: &mut Conn, plan: &Plan, entries: &[EntryRow]) -> Result<Vec<NewStep>, ApiError> {
    let ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
    let taken = strategy_steps::taken(conn, &ids)?;
    let at = to_db_time(plan.now);
    let mut out = Vec::new();
    for entry in entries {
        let Some(segment) = plan.segment(entry.arm()?, &entry.segment) else {
            continue;
        };
        let done = taken.get(&entry.id).map(Vec::as_slice).unwrap_or(&[]);
        for index in due_steps(&segment.treatment, entry.entered_on, plan.today, done) {
            let step = &segment.treatment[index];
            let offer = step.discount_percent.is_some();
            out.push(NewStep {
                entry_id: entry.id,
                step_index: i32::try_from(index).map_err(ApiError::internal)?,
                account_id: entry.account_id,
                day: i32::try_from(step.day).map_err(ApiError::internal)?,
                action: step.action.as_str().to_owned(),
                run_id: plan.run_id,
                taken_on: plan.today,
                taken_at: at,
                discount_percent: step.discount_percent,
                expires_on: offer
                    .then(|| plan.today.checked_add_days(Days::new(OFFER_DAYS)))
                    .flatten(),
            });
        }
    }
    Ok(out)
}
