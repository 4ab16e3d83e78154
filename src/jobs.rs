//! Background work: strategy runs started through the API, and what `serve` does by itself, each
//! on one instance at a time under a lease of its own (a row with an expiry that its holder
//! renews; when the holder's instance stops, the lease lapses and another instance takes the job
//! over): the daily strategy run (`strategy-run`, renewed between batches; the unique step keys
//! make sure nothing a stopped run took is taken again), the arrangement sweep with the queue's
//! daily re-rank (`sweep`, renewed between the re-rank's batches) and the hourly purge (`purge`).
//! Webhook deliveries are shared across instances instead (`webhook_sender`), and the event relay
//! takes turns on one row lock (`db::events`).

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::db::strategy_runs::{self, RunCounts, RunRow};
use crate::db::{Conn, Db, idempotency, leases, queue_bound, strategies, write_tx};
use crate::error::ApiError;
use crate::state::Clock;
use crate::tally::{self, Run, RunOutcome};
use crate::workflows::strategy_run;
use crate::workflows::sweep::{SweepReport, sweep};

/// The daily run's lease.
pub const RUN_LEASE: &str = "strategy-run";
/// How long the lease holds without renewal by default (`ARREARS_JOB_LEASE_SECONDS`; renewed
/// after every batch, so a batch must take less).
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

/// Renews the lease `name` held by `me` each time it is called, from `now` on the wall clock
/// (a long job takes real time whatever `now` says); an error once another instance holds it.
fn renewal<'a>(
    name: &'a str,
    me: &'a str,
    now: DateTime<Utc>,
    ttl: chrono::Duration,
) -> impl FnMut(&mut Conn) -> Result<(), ApiError> + 'a {
    let started = Utc::now();
    move |c| {
        let at = now + (Utc::now() - started);
        if write_tx(c, |tx| leases::acquire(tx, name, me, at, ttl))? {
            Ok(())
        } else {
            Err(ApiError::Internal(format!("the {name} lease was lost")))
        }
    }
}

/// Who may run the day's run: this instance's lease holder name, and how long its lease holds
/// unrenewed.
#[derive(Debug, Clone, Copy)]
pub struct RunLease<'a> {
    pub me: &'a str,
    pub ttl: chrono::Duration,
}

/// The day's run, when it is due here: an active strategy, no daily run finished today, and
/// this instance holds the lease. `None` when there was nothing to do here.
pub fn daily_run(
    conn: &mut Conn,
    pool: Option<&Db>,
    lease: RunLease,
    now: DateTime<Utc>,
) -> Result<Option<RunRow>, ApiError> {
    let RunLease { me, ttl } = lease;
    let today = now.date_naive();
    if strategy_runs::daily_done(conn, today)? || strategies::active(conn)?.is_none() {
        return Ok(None);
    }
    if !write_tx(conn, |tx| leases::acquire(tx, RUN_LEASE, me, now, ttl))? {
        return Ok(None);
    }
    let result = lead_daily_run(conn, pool, lease, now);
    let released = write_tx(conn, |tx| leases::release(tx, RUN_LEASE, me, now));
    let run = result?;
    released?;
    Ok(run)
}

fn lead_daily_run(
    conn: &mut Conn,
    pool: Option<&Db>,
    RunLease { me, ttl }: RunLease,
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
    let outcome = strategy_run::execute(conn, pool, &run, now, renewal(RUN_LEASE, me, now, ttl));
    log_outcome(run.id, &outcome);
    outcome?;
    strategy_runs::find(conn, run.id).map(Some)
}

/// Tries the daily run every `every` (each instance; the lease, held `ttl` unrenewed, lets one
/// do it).
pub async fn daily_runs(db: Db, clock: Clock, every: Duration, ttl: chrono::Duration) {
    let mut tick = actix_web::rt::time::interval(every);
    loop {
        tick.tick().await;
        let now = clock.now();
        if let Err(e) = db
            .run({
                let db = db.clone();
                let lease = RunLease {
                    me: leases::holder(),
                    ttl,
                };
                move |conn| daily_run(conn, Some(&db), lease, now)
            })
            .await
        {
            log::warn!("daily strategy run failed: {e}");
        }
    }
}

/// The periodic sweep's lease, and the hourly purge's.
pub const SWEEP_LEASE: &str = "sweep";
pub const PURGE_LEASE: &str = "purge";

/// How long a periodic job's lease holds without renewal: three of its intervals, at least a
/// minute. Its holder renews it on every tick; when that instance stops, another takes the job
/// over within this time.
pub fn periodic_ttl(every: Duration) -> chrono::Duration {
    let three = chrono::Duration::from_std(every * 3).unwrap_or(chrono::Duration::MAX);
    three.max(chrono::Duration::minutes(1))
}

/// Runs `job` when this instance (`me`) holds the lease `name`, taken or renewed until
/// `now + ttl` in a transaction of its own; `None` when another instance holds it.
pub fn as_leader<T>(
    conn: &mut Conn,
    name: &str,
    me: &str,
    now: DateTime<Utc>,
    ttl: chrono::Duration,
    job: impl FnOnce(&mut Conn) -> Result<T, ApiError>,
) -> Result<Option<T>, ApiError> {
    if write_tx(conn, |tx| leases::acquire(tx, name, me, now, ttl))? {
        job(conn).map(Some)
    } else {
        Ok(None)
    }
}

/// One tick of the arrangement sweep, on the instance holding the `sweep` lease, and the
/// queue's daily re-rank when due (`db::queue_bound`).
pub fn sweep_tick(
    conn: &mut Conn,
    me: &str,
    now: DateTime<Utc>,
    ttl: chrono::Duration,
    grace_days: u64,
) -> Result<Option<SweepReport>, ApiError> {
    as_leader(conn, SWEEP_LEASE, me, now, ttl, |c| {
        let report = sweep(c, now, grace_days)?;
        queue_bound::rerank_if_due(c, now, renewal(SWEEP_LEASE, me, now, ttl))?;
        Ok(report)
    })
}

/// Runs the arrangement sweep every `every`, on one instance at a time (the `sweep` lease; the
/// sweep's updates are conditional too, so each arrangement breaks exactly once even so).
pub async fn sweep_periodically(db: Db, every: Duration, grace_days: u64) {
    let mut tick = actix_web::rt::time::interval(every);
    let ttl = periodic_ttl(every);
    loop {
        tick.tick().await;
        let me = leases::holder();
        match db
            .run(move |conn| sweep_tick(conn, me, Utc::now(), ttl, grace_days))
            .await
        {
            Ok(None) => {}
            Ok(Some(r)) => {
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
/// hourly, on one instance at a time (the `purge` lease).
pub async fn purge_expired_keys(db: Db) {
    let every = Duration::from_secs(3600);
    let mut tick = actix_web::rt::time::interval(every);
    let ttl = periodic_ttl(every);
    loop {
        tick.tick().await;
        let me = leases::holder();
        let purged = db
            .run(move |conn| {
                let now = Utc::now();
                as_leader(conn, PURGE_LEASE, me, now, ttl, |c| {
                    let keys = idempotency::purge(c, now)?;
                    crate::db::auth::purge_throttle(c, now)?;
                    Ok(keys)
                })
            })
            .await;
        match purged {
            Ok(Some(n)) if n > 0 => log::info!("purged {n} expired idempotency key(s)"),
            Ok(_) => {}
            Err(e) => log::warn!("the hourly purge failed: {e}"),
        }
    }
}
