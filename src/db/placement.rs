//! The rows of a bulk placement (the import): batched lookups by `external_ref`, multi-row
//! inserts of new debtors and accounts, and the conditional updates of existing ones. Every
//! lookup and insert goes in chunks well under both backends' bind-parameter limits.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::accounts::{ACCOUNT_COLUMNS, AccountRow, NewAccount};
use super::debtors::{DEBTOR_COLUMNS, DebtorRow, NewDebtor};
use super::ledger::{LedgerKind, Movement};
use super::schema::{accounts as a, assignments as asg, debtors as d, teams as t};
use super::{Conn, with_inner};
use crate::domain::account::AccountStatus;
use crate::error::ApiError;

/// Rows per multi-row statement.
pub const CHUNK: usize = 1000;

#[derive(Insertable)]
#[diesel(table_name = d)]
struct DebtorInsert<'a> {
    external_ref: Option<&'a str>,
    name: &'a str,
    phone: Option<&'a str>,
    phone_valid: bool,
    email: Option<&'a str>,
    timezone: &'a str,
    region: Option<&'a str>,
    additional_timezones: Option<String>,
    cease_communication: bool,
    do_not_call: bool,
    do_not_email: bool,
    do_not_sms: bool,
    attorney_represented: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = a)]
struct AccountInsert<'a> {
    external_ref: &'a str,
    debtor_id: i64,
    currency: &'a str,
    original_amount: i64,
    balance: i64,
    principal: i64,
    interest: i64,
    fees: i64,
    costs: i64,
    delinquent_since: chrono::NaiveDate,
    status: &'a str,
    portfolio: Option<&'a str>,
    team_id: Option<i64>,
    version: i64,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// Which of `ids` are teams.
pub fn existing_teams(conn: &mut Conn, ids: &[i64]) -> Result<HashSet<i64>, ApiError> {
    let mut found = HashSet::new();
    for chunk in ids.chunks(CHUNK) {
        found.extend(
            t::table
                .filter(t::id.eq_any(chunk))
                .select(t::id)
                .load::<i64>(conn)?,
        );
    }
    Ok(found)
}

/// The accounts with these references, by reference.
pub fn accounts_by_ref(
    conn: &mut Conn,
    refs: &[&str],
) -> Result<HashMap<String, AccountRow>, ApiError> {
    let mut found = HashMap::new();
    for chunk in refs.chunks(CHUNK) {
        for row in a::table
            .filter(a::external_ref.eq_any(chunk))
            .select(AccountRow::as_select())
            .load::<AccountRow>(conn)?
        {
            found.insert(row.external_ref.clone(), row);
        }
    }
    Ok(found)
}

/// The ids of the accounts with these references, by reference.
pub fn account_ids_by_ref(
    conn: &mut Conn,
    refs: &[&str],
) -> Result<HashMap<String, i64>, ApiError> {
    let mut found = HashMap::new();
    for chunk in refs.chunks(CHUNK) {
        for (id, r) in a::table
            .filter(a::external_ref.eq_any(chunk))
            .select((a::id, a::external_ref))
            .load::<(i64, String)>(conn)?
        {
            found.insert(r, id);
        }
    }
    Ok(found)
}

/// The ids of the debtors with these references, by reference.
pub fn debtor_ids_by_ref(conn: &mut Conn, refs: &[&str]) -> Result<HashMap<String, i64>, ApiError> {
    let mut found = HashMap::new();
    for chunk in refs.chunks(CHUNK) {
        for (id, r) in d::table
            .filter(d::external_ref.eq_any(chunk))
            .select((d::id, d::external_ref))
            .load::<(i64, Option<String>)>(conn)?
        {
            if let Some(r) = r {
                found.insert(r, id);
            }
        }
    }
    Ok(found)
}

/// The debtors with these ids, by id.
pub fn debtors_by_id(conn: &mut Conn, ids: &[i64]) -> Result<HashMap<i64, DebtorRow>, ApiError> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        for row in d::table
            .filter(d::id.eq_any(chunk))
            .select(DebtorRow::as_select())
            .load::<DebtorRow>(conn)?
        {
            found.insert(row.id, row);
        }
    }
    Ok(found)
}

/// Inserts new debtors (phone valid, no flags); their ids, in the order given.
pub fn insert_debtors(
    conn: &mut Conn,
    debtors: &[&NewDebtor],
    at: NaiveDateTime,
) -> Result<Vec<i64>, ApiError> {
    let mut all = Vec::with_capacity(debtors.len());
    for chunk in debtors.chunks(CHUNK) {
        let values: Vec<DebtorInsert> = chunk
            .iter()
            .map(|n| DebtorInsert {
                external_ref: n.external_ref.as_deref(),
                name: &n.name,
                phone: n.phone.as_deref(),
                phone_valid: true,
                email: n.email.as_deref(),
                timezone: &n.timezone,
                region: n.region.as_deref(),
                additional_timezones: super::debtors::zones_text(&n.additional_timezones),
                cease_communication: false,
                do_not_call: false,
                do_not_email: false,
                do_not_sms: false,
                attorney_represented: false,
                created_at: at,
                updated_at: at,
            })
            .collect();
        let mut ids: Vec<i64> = with_inner!(conn, c => diesel::insert_into(d::table).values(&values).returning(d::id).get_results(c))?;
        // Ids are drawn in VALUES order within one statement (a sequence on PostgreSQL, the
        // write-locked AUTOINCREMENT on SQLite); RETURNING's own order is not promised.
        ids.sort_unstable();
        all.extend(ids);
    }
    Ok(all)
}

/// The row `insert_debtors` stored for `new` under `id`.
pub fn inserted_debtor(id: i64, new: &NewDebtor, at: NaiveDateTime) -> DebtorRow {
    DebtorRow {
        id,
        external_ref: new.external_ref.clone(),
        name: new.name.clone(),
        phone: new.phone.clone(),
        phone_valid: true,
        email: new.email.clone(),
        timezone: new.timezone.clone(),
        region: new.region.clone(),
        cease_communication: false,
        do_not_call: false,
        do_not_email: false,
        do_not_sms: false,
        attorney_represented: false,
        created_at: at,
        updated_at: at,
        additional_timezones: super::debtors::zones_text(&new.additional_timezones),
    }
}

/// Inserts new `open` accounts (at most [`CHUNK`] in one statement); the rows, in any order.
pub fn insert_accounts(
    conn: &mut Conn,
    accounts: &[NewAccount],
    at: NaiveDateTime,
) -> Result<Vec<AccountRow>, ApiError> {
    let values: Vec<AccountInsert> = accounts
        .iter()
        .map(|n| AccountInsert {
            external_ref: &n.external_ref,
            debtor_id: n.debtor_id,
            currency: &n.currency,
            original_amount: n.original_amount,
            balance: n.balance,
            principal: n.parts().principal,
            interest: n.interest,
            fees: n.fees,
            costs: n.costs,
            delinquent_since: n.delinquent_since,
            status: AccountStatus::Open.as_str(),
            portfolio: n.portfolio.as_deref(),
            team_id: n.team_id,
            version: 1,
            created_at: at,
            updated_at: at,
        })
        .collect();
    let rows: Vec<AccountRow> = with_inner!(conn, c => diesel::insert_into(a::table).values(&values).returning(ACCOUNT_COLUMNS).get_results(c))?;
    let when = chrono::DateTime::from_naive_utc_and_offset(at, chrono::Utc);
    let placements: Vec<Movement> = rows
        .iter()
        .map(|r| Movement::of(r.id, when, LedgerKind::Placement, r.parts()))
        .collect();
    super::ledger::record(conn, &placements)?;
    Ok(rows)
}

/// Re-places an existing account (if still at the version read): amounts, dates, portfolio and
/// team; a move to another team ends its assignment. `None` when it changed meanwhile.
pub fn update_account(
    conn: &mut Conn,
    before: &AccountRow,
    new: &NewAccount,
    at: NaiveDateTime,
) -> Result<Option<AccountRow>, ApiError> {
    let moved = new.team_id != before.team_id;
    let unchanged = a::id.eq(before.id).and(a::version.eq(before.version));
    let after: Option<AccountRow> = diesel::update(a::table.filter(unchanged))
        .set((
            // The balance is not moved here: a new one is an adjustment (`placement_update`).
            a::original_amount.eq(new.original_amount),
            a::delinquent_since.eq(new.delinquent_since),
            a::portfolio.eq(&new.portfolio),
            a::team_id.eq(new.team_id),
            a::assignee_id.eq(if moved { None } else { before.assignee_id }),
            a::version.eq(before.version + 1),
            a::updated_at.eq(at),
        ))
        .returning(ACCOUNT_COLUMNS)
        .get_result(conn)
        .optional()?;
    if after.is_some() && moved && before.assignee_id.is_some() {
        let current = asg::account_id.eq(before.id).and(asg::ended_at.is_null());
        diesel::update(asg::table.filter(current))
            .set(asg::ended_at.eq(at))
            .execute(conn)?;
    }
    Ok(after)
}

/// Re-places an existing debtor's contact details (a new phone number is valid again).
pub fn update_debtor(
    conn: &mut Conn,
    before: &DebtorRow,
    new: &NewDebtor,
    at: NaiveDateTime,
) -> Result<DebtorRow, ApiError> {
    Ok(diesel::update(d::table.find(before.id))
        .set((
            d::name.eq(&new.name),
            d::phone.eq(&new.phone),
            d::phone_valid.eq(new.phone != before.phone || before.phone_valid),
            d::email.eq(&new.email),
            d::timezone.eq(&new.timezone),
            d::region.eq(&new.region),
            d::additional_timezones.eq(super::debtors::zones_text(&new.additional_timezones)),
            d::updated_at.eq(at),
        ))
        .returning(DEBTOR_COLUMNS)
        .get_result(conn)?)
}
