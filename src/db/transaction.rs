//! The one way a request or job writes: a transaction that commits when the work returns `Ok`.

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::prelude::*;

use super::{Conn, DbConnection};
use crate::error::ApiError;

/// Runs `f` in a write transaction and commits when it returns `Ok`.
///
/// On SQLite the transaction starts with `BEGIN IMMEDIATE`, so it holds the write lock from its
/// first statement: two writers then queue on `busy_timeout` instead of failing with
/// `SQLITE_BUSY` when one upgrades a read snapshot another has overtaken.
pub fn write_tx<T, F>(conn: &mut Conn, f: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut Conn) -> Result<T, ApiError>,
{
    let depth = <Conn as Connection>::TransactionManager::transaction_manager_status_mut(conn)
        .transaction_depth()
        .map_err(ApiError::from)?;
    if depth.is_some() {
        // Already inside a transaction (the demo seed runs the sweep and logs each contact inside
        // its own): nest as a savepoint.
        return conn.transaction(f);
    }
    // Counts staged by the work are published only if it commits.
    crate::tally::discard();
    let result = outermost_tx(conn, f);
    match &result {
        Ok(_) => crate::tally::publish(),
        Err(_) => crate::tally::discard(),
    }
    result
}

fn outermost_tx<T, F>(conn: &mut Conn, f: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut Conn) -> Result<T, ApiError>,
{
    match conn {
        DbConnection::Postgresql(_) => return conn.transaction(f),
        DbConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?
        }
    }
    match f(conn) {
        Ok(value) => match <Conn as Connection>::TransactionManager::commit_transaction(conn) {
            Ok(()) => Ok(value),
            Err(e) => {
                let _ = <Conn as Connection>::TransactionManager::rollback_transaction(conn);
                Err(e.into())
            }
        },
        Err(e) => {
            <Conn as Connection>::TransactionManager::rollback_transaction(conn)?;
            Err(e)
        }
    }
}
