//! `GET /v1/accounts`: visible accounts by filter, in id order or another sort.

use diesel::prelude::*;

use super::Conn;
use super::account_sort::{AccountSort, Boxed, Position, ordered};
use super::accounts::{Account, AccountAndDebtor, to_account, visible};
use super::schema::{accounts as a, debtors as d};
use super::user_session::{CallerColumns, caller_columns, confirm_columns, recheck};
use crate::actor::Actor;
use crate::domain::account::AccountStatus;
use crate::domain::role::Role;
use crate::error::ApiError;

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// Filters of `GET /v1/accounts`.
#[derive(Debug, Clone, Default)]
pub struct AccountFilter {
    pub status: Option<AccountStatus>,
    pub assignee_id: Option<i64>,
    pub team_id: Option<i64>,
    pub portfolio: Option<String>,
    pub min_balance: Option<i64>,
    pub max_balance: Option<i64>,
    pub min_days_past_due: Option<i64>,
    pub max_days_past_due: Option<i64>,
    pub q: Option<String>,
    /// Only accounts a contact flagged deceased or bankrupt (`true`), or only unflagged ones.
    pub flagged: Option<bool>,
    /// Only accounts changed at or after this instant.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Visible accounts matching `f`, in `sort` order, after `after`.
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    f: &AccountFilter,
    sort: AccountSort,
    after: Option<&Position>,
    limit: i64,
) -> Result<Vec<Account>, ApiError> {
    let today = actor.now.date_naive();
    let rows: Vec<AccountAndDebtor> = filtered(actor, f, sort, after)?
        .select(AccountAndDebtor::as_select())
        .limit(limit)
        .load(conn)?;
    rows.into_iter()
        .map(|r| to_account(r.account, r.debtor, today))
        .collect()
}

/// [`list`] after the caller's session re-check, in one statement: the caller's user row rides
/// along as scalar sub-selects (`db::user_session::caller_columns`). A second statement only when
/// the page is empty (the re-check alone: 401 outranks an empty page), or when a team lead's team
/// as stored is not the token's (the page is read again for the stored team).
pub fn list_rechecked(
    conn: &mut Conn,
    actor: Actor,
    f: &AccountFilter,
    sort: AccountSort,
    after: Option<&Position>,
    limit: i64,
) -> Result<Vec<Account>, ApiError> {
    let today = actor.now.date_naive();
    let rows: Vec<(AccountAndDebtor, CallerColumns)> = filtered(&actor, f, sort, after)?
        .select((
            AccountAndDebtor::as_select(),
            caller_columns!(actor.user_id),
        ))
        .limit(limit)
        .load(conn)?;
    let confirmed = match rows.first() {
        Some((_, caller)) => confirm_columns(actor.clone(), caller.clone())?,
        None => recheck(conn, actor.clone())?,
    };
    if confirmed.team_id != actor.team_id && actor.role == Role::TeamLead {
        return list(conn, &confirmed, f, sort, after, limit);
    }
    rows.into_iter()
        .map(|(r, _)| to_account(r.account, r.debtor, today))
        .collect()
}

/// The visible accounts matching `f`, ordered and from after `after`.
fn filtered(
    actor: &Actor,
    f: &AccountFilter,
    sort: AccountSort,
    after: Option<&Position>,
) -> Result<Boxed, ApiError> {
    let today = actor.now.date_naive();
    let mut q = visible(actor);
    if let Some(s) = f.status {
        q = q.filter(a::status.eq(s.as_str()));
    }
    if let Some(v) = f.assignee_id {
        q = q.filter(a::assignee_id.eq(v));
    }
    if let Some(v) = f.team_id {
        q = q.filter(a::team_id.eq(v));
    }
    if let Some(v) = &f.portfolio {
        q = q.filter(a::portfolio.eq(v.clone()));
    }
    if let Some(v) = f.min_balance {
        q = q.filter(a::balance.ge(v));
    }
    if let Some(v) = f.max_balance {
        q = q.filter(a::balance.le(v));
    }
    // days past due ≥ n  ⇔  delinquent since on or before today − n (and ≤ m ⇔ on or after today − m).
    if let Some(n) = f.min_days_past_due {
        q = q.filter(a::delinquent_since.le(today - chrono::Days::new(n.max(0) as u64)));
    }
    if let Some(m) = f.max_days_past_due {
        q = q.filter(a::delinquent_since.ge(today - chrono::Days::new(m.max(0) as u64)));
    }
    if let Some(text) = f.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let prefix = format!("{}%", escape_like(text));
        let contains = format!("%{}%", escape_like(&text.to_lowercase()));
        q = q.filter(
            a::external_ref
                .like(prefix)
                .escape('\\')
                .or(lower(d::name).like(contains).escape('\\')),
        );
    }
    match f.flagged {
        Some(true) => q = q.filter(a::deceased.eq(true).or(a::bankruptcy.eq(true))),
        Some(false) => q = q.filter(a::deceased.eq(false).and(a::bankruptcy.eq(false))),
        None => {}
    }
    if let Some(since) = f.updated_since {
        q = q.filter(a::updated_at.ge(super::to_db_time(since)));
    }
    ordered(q, sort, after)
}
