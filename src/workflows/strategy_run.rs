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
use crate::db::strategy_runs::{self, RunCounts, RunRow, RunStatus};
use crate::db::strategy_steps::{self, NewStep};
use crate::db::{Conn, to_db_time, write_tx};
use crate::domain::account::{AccountStatus, days_past_due};
use crate::domain::strategy::{AccountFacts, arm_of, due_steps, segment_of};
use crate::error::ApiError;
use crate::workflows::strategy_actions::{self, Plan, Taken};

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

/// Works a started run to its end, recording progress after each batch and calling `between`
/// (the daily run renews its lease there; an error stops the run). The run is `finished`, or
/// `failed` with the error.
pub fn execute(
    conn: &mut Conn,
    run: &RunRow,
    now: DateTime<Utc>,
    mut between: impl FnMut(&mut Conn) -> Result<(), ApiError>,
) -> Result<RunCounts, ApiError> {
    let mut counts = RunCounts::default();
    let result = work(conn, run, now, &mut counts, &mut between);
    let end = match &result {
        Ok(()) => (RunStatus::Finished, None),
        Err(e) => (RunStatus::Failed, Some(e.to_string())),
    };
    strategy_runs::record(conn, run.id, &counts, Some((end.0, now, end.1.as_deref())))?;
    result.map(|()| counts)
}

fn work(
    conn: &mut Conn,
    run: &RunRow,
    now: DateTime<Utc>,
    counts: &mut RunCounts,
    between: &mut impl FnMut(&mut Conn) -> Result<(), ApiError>,
) -> Result<(), ApiError> {
    let strategy = strategies::find(conn, run.strategy_id)?;
    let plan = Plan {
        run_id: run.id,
        strategy_id: strategy.id,
        definition: strategy.definition()?,
        strategy_name: strategy.name,
        started_by: run.started_by,
        today: run.run_on,
        now,
    };
    let mut after = 0;
    loop {
        let (done, last) = write_tx(conn, |tx| batch(tx, &plan, after))?;
        counts.add(&done);
        strategy_runs::record(conn, run.id, counts, None)?;
        match last {
            Some(id) => after = id,
            None => return Ok(()),
        }
        between(conn)?;
    }
}

/// One batch of accounts after `after`: what it did, and its last account id (`None`: no
/// accounts were left).
fn batch(conn: &mut Conn, plan: &Plan, after: i64) -> Result<(RunCounts, Option<i64>), ApiError> {
    let accounts: Vec<AccountAndDebtor> = a::table
        .inner_join(d::table)
        .filter(a::id.gt(after))
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
