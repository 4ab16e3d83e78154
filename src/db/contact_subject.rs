//! What logging a contact reads of its account, in two statements: the caller's session
//! re-checked and the account locked and read at once (an `UPDATE … RETURNING`, scoped, so a
//! second contact on the same account waits for this one's commit and is judged against it),
//! then its debtor with the agent's nearest other contacts with the account, for the activity
//! rollup (`db::activity`).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::accounts::{ACCOUNT_COLUMNS, AccountRow};
use super::activity::Neighbours;
use super::debtors::DebtorRow;
use super::schema::{accounts as a, contacts as c, debtors as d, policy_version as pv, users as u};
use super::scope::{StoredScope, stored_scope_of};
use super::user_session::{CallerColumns, Unconfirmed, caller_columns};
use super::{Conn, to_db_time};
use crate::actor::Actor;
use crate::error::ApiError;

/// The caller's session re-checked, and the account `id` locked and read if they may see it
/// (404 otherwise: nothing stays locked then), in one statement: an `UPDATE … RETURNING` that
/// reads the caller's user row and the policies' stamp as scalar sub-selects; a team lead's
/// team is the row's as stored now. A second statement, the re-check alone, only when no account
/// is found (401 outranks 404). One statement per scope variant, so each is prepared once per
/// connection.
pub fn lock_rechecked(
    conn: &mut Conn,
    caller: Unconfirmed,
    id: i64,
) -> Result<(Actor, AccountRow), ApiError> {
    let user = caller.claimed().user_id;
    macro_rules! lock {
        ($scoped:expr) => {
            diesel::update(a::table.filter(a::id.eq(id)).filter($scoped))
                .set(a::updated_at.eq(a::updated_at))
                .returning((
                    ACCOUNT_COLUMNS,
                    caller_columns!(user),
                    pv::table.find(1i64).select(pv::stamp).single_value(),
                ))
                .get_result::<(AccountRow, CallerColumns, Option<i64>)>(conn)
                .optional()?
        };
    }
    let row = match stored_scope_of(caller.claimed()) {
        // (`All` repeats the id filter: every variant has the same shape.)
        StoredScope::All => lock!(a::id.eq(id)),
        StoredScope::AssignedTo(agent) => lock!(a::assignee_id.eq(agent)),
        StoredScope::TeamOfCaller => {
            lock!(a::team_id.eq(u::table.find(user).select(u::team_id).single_value()))
        }
    };
    let Some((account, columns, stamp)) = row else {
        caller.recheck(conn)?;
        return Err(ApiError::not_found("account"));
    };
    Ok((caller.confirm(columns, stamp)?, account))
}

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
