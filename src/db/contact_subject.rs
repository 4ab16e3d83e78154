//! What logging a contact reads of its account besides the locked row
//! (`db::account_lock::lock_rechecked`): its debtor with the agent's nearest other contacts with
//! the account, for the activity rollup (`db::activity`), in one statement.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::accounts::AccountRow;
use super::activity::Neighbours;
use super::debtors::DebtorRow;
use super::schema::{contacts as c, debtors as d};
use super::{Conn, to_db_time};
use crate::error::ApiError;

/// The account's debtor, and `agent_id`'s other contacts with it nearest the UTC day of
/// `occurred_at` (the last before the day, the first from it), in one statement. Read with the
/// account locked, before the new contact is inserted.
pub fn debtor_and_neighbours(
    conn: &mut Conn,
    account: &AccountRow,
    agent_id: i64,
    occurred_at: DateTime<Utc>,
) -> Result<(DebtorRow, Neighbours), ApiError> {
    let day_start = occurred_at
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let day_start = to_db_time(day_start);
    let account_id = account.id;
    let agents = || c::table.filter(c::account_id.eq(account_id).and(c::agent_id.eq(agent_id)));
    let (debtor, previous, next): (DebtorRow, Option<NaiveDateTime>, Option<NaiveDateTime>) =
        d::table
            .find(account.debtor_id)
            .select((
                DebtorRow::as_select(),
                // (Ordered and limited rather than max/min: PostgreSQL then stops at the first
                // index entry instead of reading every contact of the agent's day.)
                agents()
                    .filter(c::occurred_at.lt(day_start))
                    .select(c::occurred_at)
                    .order(c::occurred_at.desc())
                    .limit(1)
                    .single_value(),
                agents()
                    .filter(c::occurred_at.ge(day_start))
                    .select(c::occurred_at)
                    .order(c::occurred_at.asc())
                    .limit(1)
                    .single_value(),
            ))
            .first(conn)?;
    Ok((debtor, Neighbours { previous, next }))
}
