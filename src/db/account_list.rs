//! `GET /v1/accounts`: visible accounts by filter, in id order or another sort.

use diesel::prelude::*;

use super::Conn;
use super::account_sort::{AccountSort, Position, ordered};
use super::accounts::{AccountAndDebtor, to_account, visible};
use super::schema::{accounts as a, debtors as d};
use crate::actor::Actor;
use crate::domain::account::AccountStatus;
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
) -> Result<Vec<super::accounts::Account>, ApiError> {
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
    let rows: Vec<AccountAndDebtor> = ordered(q, sort, after)?
        .select(AccountAndDebtor::as_select())
        .limit(limit)
        .load(conn)?;
    rows.into_iter()
        .map(|r| to_account(r.account, r.debtor, today))
        .collect()
}
