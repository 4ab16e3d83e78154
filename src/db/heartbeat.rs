//! The one-row `service_heartbeat` table: written by `/readyz` and at start-up, to prove that the
//! database accepts writes (a read-only SQLite file, a full disk or a PostgreSQL server in
//! recovery answer reads and refuse writes).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::service_heartbeat as hb;
use super::{Conn, to_db_time, write_tx};
use crate::error::ApiError;

/// Writes the heartbeat row in its own transaction.
pub fn beat(conn: &mut Conn, now: DateTime<Utc>) -> Result<(), ApiError> {
    write_tx(conn, |tx| {
        diesel::update(hb::table.find(1_i64))
            .set(hb::checked_at.eq(to_db_time(now)))
            .execute(tx)?;
        Ok(())
    })
}
