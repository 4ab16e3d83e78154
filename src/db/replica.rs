//! The streaming replica that reports and the account list read from (`ARREARS_REPLICA_URL`).
//!
//! A read meant for the replica goes there while the replica answers and is at most
//! `ARREARS_REPLICA_MAX_LAG_SECONDS` behind the primary; otherwise, and whenever the replica
//! fails the read itself, the same read runs on the primary, so the caller never sees the
//! replica's trouble. The lag is measured at most once a second, by the request that finds the
//! last measure stale (one more statement on the replica connection it already holds). A replica
//! found down or behind is left alone for [`DOWN_PAUSE`] or [`BEHIND_PAUSE`], so requests do not
//! each wait for a connection that will not come.
//!
//! The lag is `now() - pg_last_xact_replay_timestamp()` while the replica has received WAL it has
//! not replayed yet, and 0 when it has replayed all it received (an idle primary sends nothing,
//! which is not lag). A server that is not in recovery (a copy, not a standby) has lag 0.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::r2d2::{CustomizeConnection, Pool};
use diesel::sql_types::Double;
use diesel::{QueryableByName, RunQueryDsl, connection::SimpleConnection};

use super::{Conn, Db, DbConnection, Manager, SessionSettings};
use crate::config::DatabaseUrl;
use crate::error::ApiError;
use crate::tally::{self, ServedBy};

/// How often the lag is measured.
pub const MEASURE_EVERY: Duration = Duration::from_secs(1);
/// How long a replica that did not answer is left alone.
pub const DOWN_PAUSE: Duration = Duration::from_secs(10);
/// How long a replica found too far behind is left alone.
pub const BEHIND_PAUSE: Duration = Duration::from_secs(1);
/// How long a read waits for a replica connection before it goes to the primary.
const CHECKOUT_TIMEOUT: Duration = Duration::from_millis(500);

/// The replica's pool, its lag limit and what was last measured.
#[derive(Clone)]
pub struct Replica {
    db: Db,
    max_lag_seconds: f64,
    health: Arc<Mutex<Health>>,
}

/// What the last measure found.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Health {
    /// Never measured (or the measure is under way).
    Unmeasured,
    /// Within the limit at that time: reads go to the replica, re-measured after a second.
    Current { at: Instant },
    /// Too far behind, or not answering: reads go to the primary until `until`.
    Avoided { until: Instant },
}

/// What a read on the replica came to.
enum Attempt<T> {
    Served(T),
    Behind(f64),
}

#[derive(QueryableByName)]
struct Lag {
    #[diesel(sql_type = Double)]
    seconds: f64,
}

/// PostgreSQL: how many seconds of the primary's work the replica has not replayed yet.
const LAG_SQL: &str = "SELECT (CASE \
     WHEN NOT pg_is_in_recovery() THEN 0 \
     WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0 \
     ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()), 0) \
     END)::float8 AS seconds";

/// Replica connections refuse writes even when they reach a server that would take them.
#[derive(Debug)]
struct ReadOnlySession;

impl CustomizeConnection<DbConnection, diesel::r2d2::Error> for ReadOnlySession {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), diesel::r2d2::Error> {
        SessionSettings.on_acquire(conn)?;
        conn.batch_execute("SET default_transaction_read_only = on")
            .map_err(diesel::r2d2::Error::QueryError)
    }
}

impl Replica {
    /// A pool for the replica at `url`. It opens connections as reads need them: the server
    /// starts even when the replica is down, and reads go to the primary meanwhile.
    pub fn connect(url: &DatabaseUrl, pool_size: u32, max_lag_seconds: u64) -> Self {
        let pool = Pool::builder()
            .max_size(pool_size)
            .min_idle(Some(0))
            .connection_timeout(CHECKOUT_TIMEOUT)
            .test_on_check_out(false)
            .connection_customizer(Box::new(ReadOnlySession))
            .build_unchecked(Manager { url: url.clone() });
        Self {
            db: Db {
                pool,
                postgres: url.is_postgres(),
            },
            // Limits are seconds (at most a day, `config`): exact as a float.
            max_lag_seconds: max_lag_seconds as f64,
            health: Arc::new(Mutex::new(Health::Unmeasured)),
        }
    }

    /// Runs `f` on the replica when it is fit to answer, else (or when it fails) on `primary`.
    pub async fn read<T, F>(&self, primary: &Db, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> Result<T, ApiError> + Clone + Send + 'static,
    {
        if let Some(measure) = self.plan(Instant::now()) {
            match self.attempt(measure, f.clone()).await {
                Ok(Attempt::Served(value)) => {
                    tally::replica_read(ServedBy::Replica);
                    return Ok(value);
                }
                Ok(Attempt::Behind(seconds)) => {
                    log::info!("replica {seconds:.1} s behind: reading from the primary");
                    self.avoid(BEHIND_PAUSE);
                }
                Err(e @ (ApiError::Unavailable { .. } | ApiError::Internal(_))) => {
                    log::warn!("replica read failed, reading from the primary: {e}");
                    tally::replica_lag(None);
                    self.avoid(DOWN_PAUSE);
                }
                // The read's own answer (a 404, a 422): the primary would say the same.
                Err(other) => return Err(other),
            }
        }
        tally::replica_read(ServedBy::Primary);
        primary.run(f).await
    }

    /// Whether to try the replica now, and if so whether to measure its lag first.
    fn plan(&self, now: Instant) -> Option<bool> {
        let mut health = self.health.lock().unwrap_or_else(|p| p.into_inner());
        match *health {
            Health::Avoided { until } if now < until => None,
            Health::Current { at } if now.duration_since(at) < MEASURE_EVERY => Some(false),
            // This request measures; the others meanwhile read without measuring again.
            _ => {
                *health = Health::Current { at: now };
                Some(true)
            }
        }
    }

    fn avoid(&self, pause: Duration) {
        let mut health = self.health.lock().unwrap_or_else(|p| p.into_inner());
        *health = Health::Avoided {
            until: Instant::now() + pause,
        };
    }

    async fn attempt<T, F>(&self, measure: bool, f: F) -> Result<Attempt<T>, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> Result<T, ApiError> + Send + 'static,
    {
        let max_lag = self.max_lag_seconds;
        self.db
            .run(move |conn| {
                if measure {
                    let lag = diesel::sql_query(LAG_SQL).get_result::<Lag>(conn)?.seconds;
                    tally::replica_lag(Some(lag));
                    if lag > max_lag {
                        return Ok(Attempt::Behind(lag));
                    }
                }
                f(conn).map(Attempt::Served)
            })
            .await
    }
}
