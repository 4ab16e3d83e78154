//! Reading contacts back: one (its account visible), an account's, and every visible one by
//! agent and time.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::accounts as accounts_db;
use super::contacts::{Contact, ContactRow};
use super::schema::{accounts as a, contacts as c};
use super::scope::scope_of;
use super::{Conn, MultiBackend, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::error::ApiError;

/// A visible account's contacts, newest first.
pub fn list_for_account(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Contact>, ApiError> {
    accounts_db::find_visible_row(conn, actor, account_id)?;
    let mut q = c::table
        .filter(c::account_id.eq(account_id))
        .select(ContactRow::as_select())
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(c::id.lt(b));
    }
    let rows: Vec<ContactRow> = q.order(c::id.desc()).limit(limit).load(conn)?;
    rows.into_iter().map(Contact::try_from).collect()
}

/// Contacts on accounts `actor` may see, newest first, by agent and time.
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    agent_id: Option<i64>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Contact>, ApiError> {
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<c::table, a::table>,
        MultiBackend,
    > = c::table.inner_join(a::table).into_boxed();
    let mut q = apply_account_scope!(joined, scope_of(actor));
    if let Some(agent) = agent_id {
        q = q.filter(c::agent_id.eq(agent));
    }
    if let Some(from) = from {
        q = q.filter(c::occurred_at.ge(to_db_time(from)));
    }
    if let Some(to) = to {
        q = q.filter(c::occurred_at.lt(to_db_time(to)));
    }
    if let Some(b) = before {
        q = q.filter(c::id.lt(b));
    }
    let rows: Vec<ContactRow> = q
        .select(ContactRow::as_select())
        .order(c::id.desc())
        .limit(limit)
        .load(conn)?;
    rows.into_iter().map(Contact::try_from).collect()
}

/// A contact, if its account is visible (404 otherwise, as for an unknown id).
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<ContactRow, ApiError> {
    let row: ContactRow = c::table
        .find(id)
        .select(ContactRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("contact"))?;
    accounts_db::require_visible(conn, actor, row.account_id, "contact")?;
    Ok(row)
}
