//! Database access: one diesel codebase over PostgreSQL and SQLite.
//!
//! All blocking work runs inside `web::block`; a request takes one pooled connection and at most
//! one write transaction (plus, for an `Idempotency-Key`, the short transaction that claims it;
//! sign-in takes two short ones, before and after the password check, which holds none).

pub mod account_balance;
pub mod account_list;
pub mod account_lock;
pub mod account_read;
pub mod account_sort;
pub mod account_status;
pub mod account_update;
pub mod accounts;
pub mod activity;
pub mod adjustments;
pub mod allocation_policy;
pub mod api_keys;
pub mod approval_list;
pub mod approval_policy;
pub mod approvals;
pub mod arrangements;
pub mod assignments;
pub mod audit;
pub mod auth;
pub mod coaching;
pub mod communications;
pub mod complaint_policy;
pub mod complaint_reports;
pub mod complaints;
pub mod constraints;
pub mod contact_policy;
pub mod contact_reads;
pub mod contact_subject;
pub mod contacts;
pub mod debtors;
pub mod disputes;
pub mod escalations;
pub mod evaluation_forms;
pub mod evaluations;
pub mod events;
pub mod heartbeat;
pub mod idempotency;
pub mod installments;
pub mod leases;
pub mod ledger;
pub mod payments;
pub mod performance;
mod performance_facts;
pub mod placement;
pub mod policy_cache;
pub mod policy_store;
pub mod quality_report;
pub mod queue;
pub mod queue_bound;
pub mod queue_rank;
pub mod reconciliations;
pub mod replica;
pub mod reports;
pub mod round_trips;
pub mod satisfaction;
pub mod schema;
pub mod scope;
pub mod scorecard;
pub mod settlements;
pub mod strategies;
pub mod strategy_entries;
pub mod strategy_report;
pub mod strategy_runs;
pub mod strategy_steps;
pub mod stream_tokens;
pub mod summary;
pub mod summary_aging;
pub mod sums;
pub mod targets;
pub mod tasks;
mod transaction;
pub use transaction::write_tx;
pub mod teams;
pub mod user_session;
pub mod users;
pub mod webhook_deliveries;
pub mod webhooks;

use std::time::Duration;

use actix_web::web;
use chrono::{DateTime, NaiveDateTime, Timelike, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{CustomizeConnection, Pool, PooledConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::config::DatabaseUrl;
use crate::error::ApiError;

/// Runs `$body` with `$c` bound to the inner connection of either backend, for statements the
/// multi-backend connection cannot express (multi-row INSERT). The body compiles once per backend.
macro_rules! with_inner {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Postgresql($c) => $body,
            $crate::db::DbConnection::Sqlite($c) => $body,
        }
    };
}
pub(crate) use with_inner;

/// The row style: a `Selectable` struct per table for reads (`Row::as_select()`), and for
/// `RETURNING` the same columns as a constant tuple written once with this macro (diesel's
/// `as_returning()` has no SQL form over `MultiBackend`). `columns!(pub ROW_COLUMNS = t(id, …))`.
macro_rules! columns {
    ($(#[$m:meta])* $vis:vis $name:ident = $t:ident ( $($c:ident),* $(,)? )) => {
        $(#[$m])*
        #[allow(clippy::type_complexity)]
        $vis const $name: ( $( $t::$c, )* ) = ( $( $t::$c, )* );
    };
}
pub(crate) use columns;
pub use constraints::{Violation, is_unique_violation, on_constraint, on_unique};

/// A connection to either backend.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

pub type DbPool = Pool<Manager>;

/// Opens connections for the pool, choosing the backend from the URL's scheme. (diesel's
/// `ConnectionManager` over the multi-backend connection tries each backend in turn and reports
/// only "Invalid connection url for multiconnection", hiding why PostgreSQL refused.)
#[derive(Debug)]
pub struct Manager {
    url: DatabaseUrl,
}

impl diesel::r2d2::ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConnection, diesel::r2d2::Error> {
        match &self.url {
            DatabaseUrl::Postgres(u) => {
                diesel::PgConnection::establish(u).map(DbConnection::Postgresql)
            }
            DatabaseUrl::Sqlite(p) => {
                diesel::SqliteConnection::establish(p).map(DbConnection::Sqlite)
            }
        }
        .map_err(diesel::r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), diesel::r2d2::Error> {
        diesel::r2d2::R2D2Connection::ping(conn).map_err(diesel::r2d2::Error::QueryError)
    }

    /// Connections are not tested on checkout (a `SELECT 1` per request, a third of a read's
    /// round trips): one that failed as a lost database is dropped here instead, when its work
    /// gives it back on the same thread.
    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        let lost = crate::error::take_connection_lost();
        lost || std::thread::panicking() || diesel::r2d2::R2D2Connection::is_broken(conn)
    }
}
pub type Conn = DbConnection;

const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");
const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

/// How long a request waits for a pooled connection before it answers 503.
pub const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(2);

/// Per-connection settings. SQLite: WAL, foreign keys, a busy timeout. PostgreSQL: no JIT
/// compilation; our queries are short or index-driven aggregates, for which compiling costs more
/// than it saves (it added 0.8 s to the performance report at 10M contacts, `bench/README.md`).
#[derive(Debug)]
struct SessionSettings;

impl CustomizeConnection<DbConnection, diesel::r2d2::Error> for SessionSettings {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), diesel::r2d2::Error> {
        match conn {
            DbConnection::Sqlite(c) => c.set_instrumentation(round_trips::Counter),
            DbConnection::Postgresql(c) => c.set_instrumentation(round_trips::Counter),
        }
        match conn {
            DbConnection::Sqlite(c) => c.batch_execute(
                "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                 PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
            ),
            DbConnection::Postgresql(c) => c.batch_execute("SET jit = off"),
        }
        .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// The connection pool and the helpers that run work on it.
#[derive(Clone)]
pub struct Db {
    pool: DbPool,
    postgres: bool,
}

impl Db {
    /// Opens a pool for `url` (`pool_size` connections; SQLite `:memory:` gets exactly one).
    pub fn connect(url: &DatabaseUrl, pool_size: u32) -> Result<Self, String> {
        let size = match url {
            DatabaseUrl::Sqlite(p) if p == ":memory:" => 1,
            _ => pool_size,
        };
        let manager = Manager { url: url.clone() };
        let pool = Pool::builder()
            .max_size(size)
            .min_idle(Some(1))
            .connection_timeout(CHECKOUT_TIMEOUT)
            .test_on_check_out(false)
            .connection_customizer(Box::new(SessionSettings))
            .build(manager)
            .map_err(|e| cannot_connect(url, &e.to_string()))?;
        Ok(Self {
            pool,
            postgres: url.is_postgres(),
        })
    }

    /// The underlying pool (for metrics and tests).
    pub fn pool(&self) -> &DbPool {
        &self.pool
    }

    /// True on PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.postgres
    }

    /// Takes a connection, answering 503 with `Retry-After` when none frees up in time.
    pub fn checkout(&self) -> Result<PooledConnection<Manager>, ApiError> {
        // What an earlier piece of work on this thread saw is not this connection's concern.
        crate::error::take_connection_lost();
        let asked = std::time::Instant::now();
        let got = self.pool.get();
        crate::tally::pool_waited(asked.elapsed());
        got.map_err(|e| {
            log::warn!("database pool checkout failed: {e}");
            ApiError::Unavailable {
                retry_after: 1,
                detail: "the database is saturated or unreachable; retry shortly".into(),
            }
        })
    }

    /// Runs `f` on a pooled connection on the blocking thread pool.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> Result<T, ApiError> + Send + 'static,
    {
        let db = self.clone();
        // The request's span (its request id, route and user) follows the work.
        let span = tracing::Span::current();
        let counted = web::block(move || {
            let _entered = span.enter();
            let _policies = policy_cache::RequestScope::enter();
            let mut conn = db.checkout()?;
            Ok::<_, ApiError>(round_trips::count(|| f(&mut conn)))
        })
        .await??;
        round_trips::add_to_request(counted.round_trips);
        counted.value
    }

    /// Refuses a database that does not accept writes (a read-only file, a full disk, a standby),
    /// with a message saying so, instead of starting a server whose every write fails.
    pub fn check_writable(&self) -> Result<(), String> {
        let mut conn = self.checkout().map_err(|e| e.to_string())?;
        heartbeat::beat(&mut conn, chrono::Utc::now()).map_err(|_| {
            "the database does not accept writes (a read-only SQLite file or folder, a full disk, \
             or a PostgreSQL standby): fix that and start again"
                .to_owned()
        })
    }

    /// Applies the pending migrations older than `version` (`2026-11-30-000010`, its folder's
    /// prefix; dashes do not matter) and no start-up step: a database
    /// as an earlier release left it, to test an upgrade from it.
    pub fn migrate_before(&self, version: &str) -> Result<usize, String> {
        let mut conn = self
            .pool
            .get()
            .map_err(|e| format!("cannot connect to the database: {e}"))?;
        fn run<C: MigrationHarness<B>, B: diesel::backend::Backend>(
            c: &mut C,
            source: EmbeddedMigrations,
            version: &str,
        ) -> Result<usize, String> {
            let pending = c.pending_migrations(source).map_err(|e| e.to_string())?;
            let older: Vec<_> = pending
                .into_iter()
                .filter(|m| digits(&m.name().version().to_string()) < digits(version))
                .collect();
            for m in &older {
                c.run_migration(&**m).map_err(|e| e.to_string())?;
            }
            Ok(older.len())
        }
        fn digits(v: &str) -> String {
            v.chars().filter(char::is_ascii_digit).collect()
        }
        match &mut *conn {
            DbConnection::Postgresql(c) => run(c, PG_MIGRATIONS, version),
            DbConnection::Sqlite(c) => run(c, SQLITE_MIGRATIONS, version),
        }
    }

    /// Applies pending migrations.
    pub fn migrate(&self) -> Result<usize, String> {
        let mut conn = self
            .pool
            .get()
            .map_err(|e| format!("cannot connect to the database: {e}"))?;
        let applied = match &mut *conn {
            DbConnection::Postgresql(c) => c.run_pending_migrations(PG_MIGRATIONS).map(|v| v.len()),
            DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        };
        let applied = applied.map_err(|e| format!("migration failed: {e}"))?;
        // After the migrations, the start-up steps whose rules live in Rust.
        let now = chrono::Utc::now();
        write_tx(&mut conn, |tx| contact_policy::raise_to_floor(tx, now))
            .map_err(|e| format!("raising the contact policy to Regulation F: {e}"))?;
        Ok(applied)
    }
}

/// The start-up message for a pool that could not open a connection: for PostgreSQL the address
/// (never the password) and libpq's reason.
fn cannot_connect(url: &DatabaseUrl, reason: &str) -> String {
    match url {
        DatabaseUrl::Postgres(raw) => {
            let raw = raw.as_str();
            let at = raw
                .split_once('@')
                .map_or_else(|| raw.split_once("://").map_or(raw, |(_, r)| r), |(_, r)| r);
            let at = at.split('?').next().unwrap_or(at);
            format!("cannot connect to PostgreSQL at {at}: {}", reason.trim())
        }
        DatabaseUrl::Sqlite(path) => format!("cannot open the SQLite database {path}: {reason}"),
    }
}

/// A UTC instant truncated to microseconds, the precision both backends store.
pub fn to_db_time(at: DateTime<Utc>) -> NaiveDateTime {
    let naive = at.naive_utc();
    naive
        .with_nanosecond(naive.nanosecond() / 1_000 * 1_000)
        .unwrap_or(naive)
}

/// A raw statement written with PostgreSQL's `$n` placeholders, for the connection's backend
/// (SQLite reads the same numbered parameters as `?n`).
pub fn placeholders(conn: &Conn, sql: &str) -> String {
    match conn {
        DbConnection::Postgresql(_) => sql.to_owned(),
        DbConnection::Sqlite(_) => sql.replace('$', "?"),
    }
}

/// A stored timestamp read back as UTC.
pub fn from_db_time(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

/// Reads back an enum the database stores as TEXT (with a CHECK of its values): the stored text
/// is the enum's serialized (snake_case) name. Text this version does not know (a newer
/// migration's, or a hand edit) is an internal error naming the column and the value, never a
/// silent fallback to some other variant.
pub fn stored<T: serde::de::DeserializeOwned>(column: &str, text: &str) -> Result<T, ApiError> {
    use serde::de::IntoDeserializer;
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        text.into_deserializer();
    T::deserialize(de).map_err(|_| {
        ApiError::Internal(format!(
            "{column} holds {text:?}, which this version does not know"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::Role;

    /// Every `text_enum!`: the stored text is the serialized name, and reads back as itself.
    #[test]
    fn text_enums_round_trip_through_storage() {
        fn check<T>(all: &[T], as_str: fn(T) -> &'static str)
        where
            T: Copy + PartialEq + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
        {
            for v in all {
                assert_eq!(serde_json::to_value(v).unwrap(), as_str(*v), "{v:?}");
                assert_eq!(stored::<T>("t.c", as_str(*v)).unwrap(), *v);
            }
        }
        use crate::domain::status::{ApprovalStatus, DisputeStatus, EscalationStatus};
        check(ApprovalStatus::ALL, ApprovalStatus::as_str);
        check(DisputeStatus::ALL, DisputeStatus::as_str);
        check(EscalationStatus::ALL, EscalationStatus::as_str);
        check(
            arrangements::ArrangementKind::ALL,
            arrangements::ArrangementKind::as_str,
        );
        check(
            arrangements::ArrangementStatus::ALL,
            arrangements::ArrangementStatus::as_str,
        );
        check(
            approvals::ApprovalKind::ALL,
            approvals::ApprovalKind::as_str,
        );
        check(
            payments::PaymentMethod::ALL,
            payments::PaymentMethod::as_str,
        );
        check(targets::TargetScope::ALL, targets::TargetScope::as_str);
    }

    #[test]
    fn a_stored_enum_refuses_text_it_does_not_know() {
        assert_eq!(stored::<Role>("users.role", "head").ok(), Some(Role::Head));
        let err = stored::<Role>("users.role", "overlord").unwrap_err();
        assert!(
            matches!(&err, ApiError::Internal(m) if m.contains("users.role") && m.contains("overlord")),
            "{err:?}"
        );
    }
}
