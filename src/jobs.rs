//! Background work: the periodic sweep and purges of `serve`, strategy runs started through the
//! API, and the daily strategy run `serve`
//! starts by itself on one instance at a time, under the `strategy-run` lease (a row with an
//! expiry, renewed between batches: when its instance stops, the lease lapses and another
//! instance takes the day's run over; the unique step keys make sure nothing it had already
//! taken is taken again).

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::db::strategy_runs::{self, RunCounts, RunRow};
use crate::db::{Conn, Db, idempotency, leases, strategies, write_tx};
use crate::error::ApiError;
use crate::state::Clock;
use crate::tally::{self, Run, RunOutcome};
use crate::workflows::strategy_run;

/// The daily run's lease.
pub const RUN_LEASE: &str = "strategy-run";
/// How long the lease holds without renewal (renewed after every batch).
pub const RUN_LEASE_TTL: chrono::Duration = chrono::Duration::minutes(5);

/// Works a started run on a thread of its own (it may take a while; the request that started it
/// has answered).
pub fn spawn_run(db: Db, run: RunRow, now: DateTime<Utc>) {
    let id = run.id;
    let spawned = std::thread::Builder::new()
        .name(format!("arrears-strategy-run-{id}"))
        .spawn(move || {
            let outcome = db.checkout().and_then(|mut conn| {
                strategy_run::execute(&mut conn, Some(&db), &run, now, |_| Ok(()))
            });
            log_outcome(id, &outcome);
        });
    if let Err(e) = spawned {
        log::warn!("strategy run {id} could not start: {e}");
    }
}

fn log_outcome(id: i64, outcome: &Result<RunCounts, ApiError>) {
    match outcome {
        Ok(c) => {
            tally::run_finished(Run::StrategyRun, RunOutcome::Succeeded);
            log::info!(
                "strategy run {id}: {} account(s) evaluated, {} step(s) taken, {} blocked",
                c.accounts_evaluated,
                c.steps(),
                c.blocked
            )
        }
        Err(e) => {
            tally::run_finished(Run::StrategyRun, RunOutcome::Failed);
            log::warn!("strategy run {id} failed: {e}")
        }
    }
}

/// The day's run, when it is due here: an active strategy, no daily run finished today, and
/// this instance (`me`, its lease holder name) holds the lease. `None` when there was nothing
/// to do here.
pub fn daily_run(
    conn: &mut Conn,
    pool: Option<&Db>,
    me: &str,
    now: DateTime<Utc>,
) -> Result<Option<RunRow>, ApiError> {
    let today = now.date_naive();
    if strategy_runs::daily_done(conn, today)? || strategies::active(conn)?.is_none() {
        return Ok(None);
    }
    if !write_tx(conn, |tx| {
        leases::acquire(tx, RUN_LEASE, me, now, RUN_LEASE_TTL)
    })? {
        return Ok(None);
    }
    let result = lead_daily_run(conn, pool, me, now);
    let released = write_tx(conn, |tx| leases::release(tx, RUN_LEASE, me, now));
    let run = result?;
    released?;
    Ok(run)
}

fn lead_daily_run(
    conn: &mut Conn,
    pool: Option<&Db>,
    me: &str,
    now: DateTime<Utc>,
) -> Result<Option<RunRow>, ApiError> {
    let today = now.date_naive();
    // Another instance may have finished the day's run while this one took the lease.
    if strategy_runs::daily_done(conn, today)? {
        return Ok(None);
    }
    let run = write_tx(conn, |tx| {
        strategy_runs::abandon_running(tx, now)?;
        strategy_run::start(tx, None, now)
    })?;
    // The lease is renewed on the wall clock: the run takes real time whatever `now` says.
    let started = Utc::now();
    let outcome = strategy_run::execute(conn, pool, &run, now, |c| {
        let at = now + (Utc::now() - started);
        let held = write_tx(c, |tx| {
            leases::acquire(tx, RUN_LEASE, me, at, RUN_LEASE_TTL)
        })?;
        if held {
            Ok(())
        } else {
            Err(ApiError::Internal("the strategy-run lease was lost".into()))
        }
    });
    log_outcome(run.id, &outcome);
    outcome?;
    strategy_runs::find(conn, run.id).map(Some)
}

/// Tries the daily run every `every` (each instance; the lease lets one do it).
pub async fn daily_runs(db: Db, clock: Clock, every: Duration) {
    let mut tick = actix_web::rt::time::interval(every);
    loop {
        tick.tick().await;
        let now = clock.now();
        if let Err(e) = db
            .run({
                let db = db.clone();
                move |conn| daily_run(conn, Some(&db), leases::holder(), now)
            })
            .await
        {
            log::warn!("daily strategy run failed: {e}");
        }
    }
}

/// Runs the arrangement sweep on an interval. Several instances may do so at once: the sweep's
/// updates are conditional, so each arrangement breaks exactly once.
pub async fn sweep_periodically(db: Db, every: Duration, grace_days: u64) {
    let mut tick = actix_web::rt::time::interval(every);
    loop {
        tick.tick().await;
        match db
            .run(move |conn| crate::workflows::sweep::sweep(conn, chrono::Utc::now(), grace_days))
            .await
        {
            Ok(r) => {
                tally::run_finished(Run::Sweep, RunOutcome::Succeeded);
                if r.broken > 0 {
                    log::info!(
                        "sweep: {} arrangement(s) broken, {} installment(s) missed",
                        r.broken,
                        r.missed
                    );
                }
            }
            Err(e) => {
                tally::run_finished(Run::Sweep, RunOutcome::Failed);
                log::warn!("sweep failed: {e}");
            }
        }
    }
}

/// Deletes idempotency keys past their 24-hour retention and ended sign-in throttle windows,
/// hourly.
pub async fn purge_expired_keys(db: Db) {
    let mut tick = actix_web::rt::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        match db
            .run(|conn| idempotency::purge(conn, chrono::Utc::now()))
            .await
        {
            Ok(n) if n > 0 => log::info!("purged {n} expired idempotency key(s)"),
            Ok(_) => {}
            Err(e) => log::warn!("idempotency key purge failed: {e}"),
        }
        if let Err(e) = db
            .run(|conn| crate::db::auth::purge_throttle(conn, chrono::Utc::now()))
            .await
        {
            log::warn!("sign-in throttle purge failed: {e}");
        }
    }
}
