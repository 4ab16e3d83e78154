//! The relay pass: numbers the committed events in commit order (`db::events`) and queues, in
//! the same transaction, one delivery per event and webhook subscribed to its type. The feed,
//! the stream's poller and `serve`'s relay job all run it; passes take turns on one row lock.

use chrono::{DateTime, Utc};

use crate::db::events::{self, RelayPass};
use crate::db::{Conn, webhook_deliveries};
use crate::error::ApiError;

/// One pass, in the caller's write transaction.
pub fn pass(conn: &mut Conn, now: DateTime<Utc>) -> Result<RelayPass, ApiError> {
    let pass = events::relay(conn)?;
    if pass.numbered() > 0 {
        webhook_deliveries::fan_out(conn, pass, now)?;
    }
    Ok(pass)
}
