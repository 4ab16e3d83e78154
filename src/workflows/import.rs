//! Bulk placement: upsert accounts (with their debtors) by `external_ref`.
//!
//! Every row is judged on its own: a bad row gets its problem and changes nothing, the others go
//! on. Lookups are batched (teams, existing accounts, existing debtors), and new debtors,
//! accounts and their first audit events are written with multi-row INSERTs, so 10,000 new rows
//! cost a few dozen statements. Updates of existing accounts go row by row, each with its audit
//! event.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;

use crate::db::accounts::{AccountRow, NewAccount, json as account_json};
use crate::db::audit::{self, AuditContext, Change};
use crate::db::debtors::{DebtorRow, NewDebtor};
use crate::db::schema::{accounts as a, debtors as d, teams as t};
use crate::db::{Conn, to_db_time, with_inner};
use crate::domain::account::AccountStatus;
use crate::error::ApiError;

/// Rows per multi-row statement (well under both backends' bind-parameter limits).
const CHUNK: usize = 1000;

/// One parsed row: the account and its debtor (`account.debtor_id` is resolved here).
#[derive(Debug, Clone)]
pub struct Placement {
    pub account: NewAccount,
    pub debtor: NewDebtor,
    /// Optional fields the row did not carry: an existing account keeps their values (a row
    /// that omits `team_id` does not take the account out of its team).
    pub absent: Vec<RowField>,
}

/// An optional field of an import row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowField {
    Currency,
    Portfolio,
    TeamId,
    DebtorPhone,
    DebtorEmail,
    DebtorRegion,
}

impl Placement {
    fn carries(&self, field: RowField) -> bool {
        !self.absent.contains(&field)
    }

    /// The row's values over an existing account and debtor: absent fields keep what is stored.
    fn over(&self, before: &AccountRow, debtor: &DebtorRow) -> (NewAccount, NewDebtor) {
        let mut account = self.account.clone();
        let mut new_debtor = self.debtor.clone();
        if !self.carries(RowField::Currency) {
            account.currency.clone_from(&before.currency);
        }
        if !self.carries(RowField::Portfolio) {
            account.portfolio.clone_from(&before.portfolio);
        }
        if !self.carries(RowField::TeamId) {
            account.team_id = before.team_id;
        }
        if !self.carries(RowField::DebtorPhone) {
            new_debtor.phone.clone_from(&debtor.phone);
        }
        if !self.carries(RowField::DebtorEmail) {
            new_debtor.email.clone_from(&debtor.email);
        }
        if !self.carries(RowField::DebtorRegion) {
            new_debtor.region.clone_from(&debtor.region);
        }
        (account, new_debtor)
    }
}

/// What happened to one row.
#[derive(Debug)]
pub enum Outcome {
    Created(i64),
    Updated(i64),
    Failed(ApiError),
}

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
    cease_communication: bool,
    do_not_call: bool,
    do_not_email: bool,
    do_not_sms: bool,
    attorney_represented: bool,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = a)]
struct AccountInsert<'a> {
    external_ref: &'a str,
    debtor_id: i64,
    currency: &'a str,
    original_amount: i64,
    balance: i64,
    delinquent_since: chrono::NaiveDate,
    status: &'a str,
    portfolio: Option<&'a str>,
    team_id: Option<i64>,
    version: i64,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}

/// Imports `rows` in the caller's transaction; one outcome per row, in order.
pub fn import(
    conn: &mut Conn,
    ctx: &AuditContext,
    rows: Vec<Result<Placement, ApiError>>,
) -> Result<Vec<Outcome>, ApiError> {
    let mut outcomes: Vec<Option<Outcome>> = (0..rows.len()).map(|_| None).collect();
    let mut pending: Vec<(usize, Placement)> = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for (i, row) in rows.into_iter().enumerate() {
        match row {
            Err(e) => outcomes[i] = Some(Outcome::Failed(e)),
            Ok(p) => match first_seen.get(&p.account.external_ref) {
                Some(first) => {
                    outcomes[i] = Some(Outcome::Failed(ApiError::invalid(
                        "external_ref",
                        format!("repeats the row at index {first}"),
                    )))
                }
                None => {
                    first_seen.insert(p.account.external_ref.clone(), i);
                    pending.push((i, p));
                }
            },
        }
    }

    // Teams that exist.
    let wanted_teams: Vec<i64> = pending
        .iter()
        .filter_map(|(_, p)| p.account.team_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut teams: HashSet<i64> = HashSet::new();
    for chunk in wanted_teams.chunks(CHUNK) {
        teams.extend(
            t::table
                .filter(t::id.eq_any(chunk))
                .select(t::id)
                .load::<i64>(conn)?,
        );
    }
    pending.retain(|(i, p)| match p.account.team_id {
        Some(team) if !teams.contains(&team) => {
            outcomes[*i] = Some(Outcome::Failed(ApiError::invalid(
                "team_id",
                "no team has this id",
            )));
            false
        }
        _ => true,
    });

    // Existing accounts and debtors.
    let refs: Vec<&str> = pending
        .iter()
        .map(|(_, p)| p.account.external_ref.as_str())
        .collect();
    let mut existing: HashMap<String, AccountRow> = HashMap::new();
    for chunk in refs.chunks(CHUNK) {
        for row in a::table
            .filter(a::external_ref.eq_any(chunk))
            .select(AccountRow::as_select())
            .load::<AccountRow>(conn)?
        {
            existing.insert(row.external_ref.clone(), row);
        }
    }
    let debtor_refs: Vec<&str> = pending
        .iter()
        .filter_map(|(_, p)| p.debtor.external_ref.as_deref())
        .collect();
    let mut debtors_by_ref: HashMap<String, i64> = HashMap::new();
    for chunk in debtor_refs.chunks(CHUNK) {
        for (id, r) in d::table
            .filter(d::external_ref.eq_any(chunk))
            .select((d::id, d::external_ref))
            .load::<(i64, Option<String>)>(conn)?
        {
            if let Some(r) = r {
                debtors_by_ref.insert(r, id);
            }
        }
    }

    let existing_debtor_ids: Vec<i64> = existing.values().map(|r| r.debtor_id).collect();
    let mut existing_debtors: HashMap<i64, DebtorRow> = HashMap::new();
    for chunk in existing_debtor_ids.chunks(CHUNK) {
        for row in d::table
            .filter(d::id.eq_any(chunk))
            .select(DebtorRow::as_select())
            .load::<DebtorRow>(conn)?
        {
            existing_debtors.insert(row.id, row);
        }
    }
    let (updates, creates): (Vec<_>, Vec<_>) = pending
        .into_iter()
        .partition(|(_, p)| existing.contains_key(&p.account.external_ref));
    for (i, p) in updates {
        let before = existing
            .remove(&p.account.external_ref)
            .ok_or_else(|| ApiError::Internal("import bookkeeping".into()))?;
        let debtor = existing_debtors
            .get(&before.debtor_id)
            .cloned()
            .ok_or_else(|| ApiError::Internal("account without debtor".into()))?;
        outcomes[i] = Some(match update_one(conn, ctx, before, debtor, &p)? {
            Ok(id) => Outcome::Updated(id),
            Err(e) => Outcome::Failed(e),
        });
    }
    for (i, id) in create_all(conn, ctx, creates, &mut debtors_by_ref)? {
        outcomes[i] = Some(Outcome::Created(id));
    }
    outcomes
        .into_iter()
        .map(|o| o.ok_or_else(|| ApiError::Internal("an import row has no outcome".into())))
        .collect()
}

/// Updates one existing account and its debtor. `Ok(Err(_))` is the row's own problem.
fn update_one(
    conn: &mut Conn,
    ctx: &AuditContext,
    before: AccountRow,
    debtor: DebtorRow,
    p: &Placement,
) -> Result<Result<i64, ApiError>, ApiError> {
    let (new, nd) = p.over(&before, &debtor);
    let (new, nd) = (&new, &nd);
    if new.currency != before.currency {
        return Ok(Err(ApiError::invalid(
            "currency",
            format!(
                "cannot change an existing account's currency ({})",
                before.currency
            ),
        )));
    }
    let status = crate::db::stored::<AccountStatus>("accounts.status", &before.status)?;
    if new.balance != before.balance && status != AccountStatus::Open {
        return Ok(Err(ApiError::invalid(
            "balance",
            format!("cannot change while the account is {}", status.as_str()),
        )));
    }
    let changed = new.original_amount != before.original_amount
        || new.balance != before.balance
        || new.delinquent_since != before.delinquent_since
        || new.portfolio != before.portfolio
        || new.team_id != before.team_id;
    let id = before.id;
    if changed {
        let moved = new.team_id != before.team_id;
        let after: AccountRow =
            diesel::update(a::table.filter(a::id.eq(id).and(a::version.eq(before.version))))
                .set((
                    a::original_amount.eq(new.original_amount),
                    a::balance.eq(new.balance),
                    a::delinquent_since.eq(new.delinquent_since),
                    a::portfolio.eq(&new.portfolio),
                    a::team_id.eq(new.team_id),
                    a::assignee_id.eq(if moved { None } else { before.assignee_id }),
                    a::version.eq(before.version + 1),
                    a::updated_at.eq(to_db_time(ctx.now)),
                ))
                .returning(crate::db::accounts::ACCOUNT_COLUMNS)
                .get_result(conn)
                .optional()?
                .ok_or_else(|| {
                    ApiError::conflict(
                        "concurrent-update",
                        "an account changed while the import ran; retry",
                    )
                })?;
        if moved && before.assignee_id.is_some() {
            use crate::db::schema::assignments as asg;
            diesel::update(asg::table.filter(asg::account_id.eq(id).and(asg::ended_at.is_null())))
                .set(asg::ended_at.eq(to_db_time(ctx.now)))
                .execute(conn)?;
        }
        audit::record(
            conn,
            ctx,
            Change {
                entity_type: "account",
                entity_id: id,
                action: "account.updated",
                before: Some(account_json(&before)),
                after: Some(account_json(&after)),
                account_id: Some(id),
            },
        )?;
    }
    if nd.name != debtor.name
        || nd.phone != debtor.phone
        || nd.email != debtor.email
        || nd.timezone != debtor.timezone
        || nd.region != debtor.region
    {
        let after: DebtorRow = diesel::update(d::table.find(debtor.id))
            .set((
                d::name.eq(&nd.name),
                d::phone.eq(&nd.phone),
                d::phone_valid.eq(nd.phone != debtor.phone || debtor.phone_valid),
                d::email.eq(&nd.email),
                d::timezone.eq(&nd.timezone),
                d::region.eq(&nd.region),
                d::updated_at.eq(to_db_time(ctx.now)),
            ))
            .returning(crate::db::debtors::DEBTOR_COLUMNS)
            .get_result(conn)?;
        let to_json = |r: &DebtorRow| serde_json::to_value(r).unwrap_or_default();
        audit::record(
            conn,
            ctx,
            Change {
                entity_type: "debtor",
                entity_id: debtor.id,
                action: "debtor.updated",
                before: Some(to_json(&debtor)),
                after: Some(to_json(&after)),
                account_id: None,
            },
        )?;
    }
    Ok(Ok(id))
}

/// Inserts the new debtors, accounts and their first audit events in bulk.
fn create_all(
    conn: &mut Conn,
    ctx: &AuditContext,
    creates: Vec<(usize, Placement)>,
    debtors_by_ref: &mut HashMap<String, i64>,
) -> Result<Vec<(usize, i64)>, ApiError> {
    let at = to_db_time(ctx.now);
    // Debtors to create: one per row, except rows naming a debtor `external_ref` that exists
    // already or that an earlier row of this import creates.
    let mut new_debtors: Vec<&NewDebtor> = Vec::new();
    let mut debtor_slot: Vec<Result<i64, usize>> = Vec::with_capacity(creates.len());
    let mut slot_by_ref: HashMap<&str, usize> = HashMap::new();
    for (_, p) in &creates {
        let slot = match p.debtor.external_ref.as_deref() {
            Some(r) if debtors_by_ref.contains_key(r) => Ok(debtors_by_ref[r]),
            Some(r) => Err(*slot_by_ref.entry(r).or_insert_with(|| {
                new_debtors.push(&p.debtor);
                new_debtors.len() - 1
            })),
            None => {
                new_debtors.push(&p.debtor);
                Err(new_debtors.len() - 1)
            }
        };
        debtor_slot.push(slot);
    }
    let mut debtor_ids: Vec<i64> = Vec::with_capacity(new_debtors.len());
    for chunk in new_debtors.chunks(CHUNK) {
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
        debtor_ids.extend(ids);
    }
    let debtor_of = |slot: &Result<i64, usize>| match slot {
        Ok(id) => *id,
        Err(i) => debtor_ids[*i],
    };
    let mut created: Vec<(usize, i64)> = Vec::with_capacity(creates.len());
    let mut events: Vec<audit::NewEvent> = Vec::with_capacity(creates.len() + new_debtors.len());
    for (offset, chunk) in creates.chunks(CHUNK).enumerate() {
        let values: Vec<AccountInsert> = chunk
            .iter()
            .enumerate()
            .map(|(k, (_, p))| AccountInsert {
                external_ref: &p.account.external_ref,
                debtor_id: debtor_of(&debtor_slot[offset * CHUNK + k]),
                currency: &p.account.currency,
                original_amount: p.account.original_amount,
                balance: p.account.balance,
                delinquent_since: p.account.delinquent_since,
                status: AccountStatus::Open.as_str(),
                portfolio: p.account.portfolio.as_deref(),
                team_id: p.account.team_id,
                version: 1,
                created_at: at,
                updated_at: at,
            })
            .collect();
        let rows: Vec<AccountRow> = with_inner!(conn, c => diesel::insert_into(a::table).values(&values).returning(crate::db::accounts::ACCOUNT_COLUMNS).get_results(c))?;
        let by_ref: HashMap<&str, &AccountRow> =
            rows.iter().map(|r| (r.external_ref.as_str(), r)).collect();
        for (i, p) in chunk {
            let row = by_ref
                .get(p.account.external_ref.as_str())
                .ok_or_else(|| ApiError::Internal("inserted account missing".into()))?;
            events.push(audit::first_event(
                ctx,
                Change {
                    entity_type: "account",
                    entity_id: row.id,
                    action: "account.created",
                    before: None,
                    after: Some(account_json(row)),
                    account_id: Some(row.id),
                },
            ));
            created.push((*i, row.id));
        }
    }
    for (n, id) in new_debtors.iter().zip(&debtor_ids) {
        let row = DebtorRow {
            id: *id,
            external_ref: n.external_ref.clone(),
            name: n.name.clone(),
            phone: n.phone.clone(),
            phone_valid: true,
            email: n.email.clone(),
            timezone: n.timezone.clone(),
            region: n.region.clone(),
            cease_communication: false,
            do_not_call: false,
            do_not_email: false,
            do_not_sms: false,
            attorney_represented: false,
            created_at: at,
            updated_at: at,
        };
        events.push(audit::first_event(
            ctx,
            Change {
                entity_type: "debtor",
                entity_id: *id,
                action: "debtor.created",
                before: None,
                after: Some(serde_json::to_value(&row).unwrap_or_default()),
                account_id: None,
            },
        ));
    }
    audit::insert_first_events(conn, &events)?;
    Ok(created)
}
