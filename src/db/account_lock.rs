//! An account locked and read in one statement, for the workflows that change it (a logged call,
//! a payment, an adjustment, a complaint's relief): an `UPDATE … SET updated_at = updated_at …
//! RETURNING` that takes the row lock and answers the row as it stands under it, so a second
//! change of the same account waits for this one's commit and is judged against it. Scoped in
//! the same statement (404 when the caller may not see the account: nothing stays locked then),
//! one statement per scope variant, so each is prepared once per connection.

use diesel::prelude::*;

use super::Conn;
use super::accounts::{ACCOUNT_COLUMNS, AccountRow};
use super::schema::{accounts as a, policy_version as pv, users as u};
use super::scope::{AccountScope, StoredScope, scope_of, stored_scope_of};
use super::user_session::{CallerColumns, Unconfirmed, caller_columns};
use crate::actor::Actor;
use crate::error::ApiError;

/// Locks the account `id` if `actor` may see it and returns its row (404 otherwise).
pub fn lock_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<AccountRow, ApiError> {
    macro_rules! lock {
        ($scoped:expr) => {
            diesel::update(a::table.filter(a::id.eq(id)).filter($scoped))
                .set(a::updated_at.eq(a::updated_at))
                .returning(ACCOUNT_COLUMNS)
                .get_result::<AccountRow>(conn)
                .optional()?
        };
    }
    let row = match scope_of(actor) {
        // (`All` repeats the id filter: every variant has the same shape.)
        AccountScope::All => lock!(a::id.eq(id)),
        AccountScope::AssignedTo(user) => lock!(a::assignee_id.eq(user)),
        AccountScope::Team(team) => lock!(a::team_id.eq(team)),
        AccountScope::Nothing => None,
    };
    row.ok_or_else(|| ApiError::not_found("account"))
}

/// Locks the account `id` and returns its row, for work whose caller's scope was checked through
/// the account's child row (a complaint).
pub fn lock(conn: &mut Conn, id: i64) -> Result<AccountRow, ApiError> {
    Ok(diesel::update(a::table.filter(a::id.eq(id)))
        .set(a::updated_at.eq(a::updated_at))
        .returning(ACCOUNT_COLUMNS)
        .get_result::<AccountRow>(conn)?)
}

/// The caller's session re-checked, and the account `id` locked and read if they may see it
/// (404 otherwise), in one statement: [`lock_visible`]'s, also reading the caller's user row and
/// the policies' stamp as scalar sub-selects; a team lead's team is the row's as stored now. A
/// second statement, the re-check alone, only when no account is found (401 outranks 404).
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
