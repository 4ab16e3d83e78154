//! One account as the API shows it (its debtor and pending approvals embedded) in one statement,
//! the caller's session re-checked in it too: the account joined with its debtor, the caller's
//! user row, and, by a LEFT JOIN, its pending approval requests (a row each, or one row with
//! none). The scope is a filter of its own per variant rather than a boxed query, so diesel
//! prepares each variant's statement once per connection; a team lead's team is the user row's.

use diesel::prelude::*;

use super::accounts::{Account, AccountAndDebtor, AccountRow, to_account};
use super::approvals::ApprovalRow;
use super::contacts::{self, HistoryRow};
use super::debtors::DebtorRow;
use super::policy_cache;
use super::schema::{
    accounts as a, approval_requests as rq, contacts as c, debtors as d, policy_version as pv,
    users as u,
};
use super::scope::{StoredScope, stored_scope_of};
use super::users::{SessionFacts, confirm, recheck};
use super::{Conn, to_db_time};
use crate::actor::Actor;
use crate::domain::status::ApprovalStatus;
use crate::error::ApiError;

/// A row of the read: the account, its debtor, and one pending approval (or none).
#[derive(Queryable, Selectable)]
struct Found {
    #[diesel(embed)]
    account: AccountRow,
    #[diesel(embed)]
    debtor: DebtorRow,
    #[diesel(embed)]
    approval: Option<ApprovalRow>,
    #[diesel(embed)]
    caller: SessionFacts,
}

/// The account `id` with its debtor and pending approvals, if `actor` may see it (404 otherwise),
/// after the caller's session re-check ([`recheck`]'s answers), all in one statement when the
/// account is found (a second, the re-check alone, when it is not: 401 outranks 404).
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Account, ApiError> {
    let pending = ApprovalStatus::Pending.as_str();
    let caller = actor.user_id;
    macro_rules! read {
        ($scoped:expr) => {
            a::table
                .inner_join(d::table)
                .inner_join(u::table.on(u::id.eq(caller)))
                .left_join(rq::table.on(rq::account_id.eq(a::id).and(rq::status.eq(pending))))
                .filter(a::id.eq(id))
                .filter($scoped)
                .select(Found::as_select())
                .order(rq::id)
                .load::<Found>(conn)?
        };
    }
    let rows = match stored_scope_of(actor) {
        // (`All` repeats the id filter: every variant has the same shape.)
        StoredScope::All => read!(a::id.eq(id)),
        StoredScope::AssignedTo(user) => read!(a::assignee_id.eq(user)),
        StoredScope::TeamOfCaller => read!(a::team_id.eq(u::team_id)),
    };
    let mut rows = rows.into_iter();
    let Some(first) = rows.next() else {
        recheck(conn, actor.clone())?;
        return Err(ApiError::not_found("account"));
    };
    confirm(actor.clone(), Some(first.caller))?;
    let approvals = first
        .approval
        .into_iter()
        .chain(rows.filter_map(|row| row.approval))
        .map(super::approvals::Approval::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    let mut account = to_account(first.account, first.debtor, actor.now.date_naive())?;
    account.pending_approvals = Some(approvals);
    Ok(account)
}

/// The stored row and debtor of the account `id` if `actor` may see it (404 otherwise), the
/// contacts the compliance engine judges since [`contacts::any_history_since`] (LEFT JOIN: a
/// row each, or one row with none), and the caller as the session re-check confirmed them, in
/// one statement that also reads the policies' stamp ([`policy_cache::seen`]) when the account
/// is found; a second, the re-check alone, when it is not (401 outranks 404). For reads that
/// judge the account by the contact policy (contactability).
pub fn find_visible_with_history(
    conn: &mut Conn,
    actor: Actor,
    id: i64,
) -> Result<(Actor, AccountAndDebtor, Vec<HistoryRow>), ApiError> {
    let caller = actor.user_id;
    let stamp = pv::table.find(1i64).select(pv::stamp).single_value();
    let since = contacts::any_history_since(actor.now);
    let until = to_db_time(actor.now);
    macro_rules! read {
        ($scoped:expr) => {
            a::table
                .inner_join(d::table)
                .inner_join(u::table.on(u::id.eq(caller)))
                .left_join(c::table.on(c::account_id.eq(a::id).and(contacts::judged(since, until))))
                .filter(a::id.eq(id))
                .filter($scoped)
                .select((
                    AccountAndDebtor::as_select(),
                    SessionFacts::as_select(),
                    stamp,
                    Option::<HistoryRow>::as_select(),
                ))
                .load::<(
                    AccountAndDebtor,
                    SessionFacts,
                    Option<i64>,
                    Option<HistoryRow>,
                )>(conn)?
        };
    }
    let rows = match stored_scope_of(&actor) {
        StoredScope::All => read!(a::id.eq(id)),
        StoredScope::AssignedTo(user) => read!(a::assignee_id.eq(user)),
        StoredScope::TeamOfCaller => read!(a::team_id.eq(u::team_id)),
    };
    let mut rows = rows.into_iter();
    let Some((found, facts, stamp, first_past)) = rows.next() else {
        recheck(conn, actor)?;
        return Err(ApiError::not_found("account"));
    };
    let actor = confirm(actor, Some(facts))?;
    if let Some(stamp) = stamp {
        policy_cache::seen(stamp);
    }
    let history = first_past
        .into_iter()
        .chain(rows.filter_map(|(_, _, _, past)| past))
        .collect();
    Ok((actor, found, history))
}
