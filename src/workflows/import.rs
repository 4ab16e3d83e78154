//! Bulk placement: upsert accounts (with their debtors) by `external_ref`.
//!
//! Every row is judged on its own: a bad row gets its problem and changes nothing, the others go
//! on. Lookups are batched (teams, existing accounts, existing debtors), and new debtors,
//! accounts and their first audit events are written with multi-row INSERTs (`db::placement`),
//! so 10,000 new rows cost a few dozen statements. Updates of existing accounts go row by row,
//! each with its audit event.

use std::collections::{HashMap, HashSet};

use crate::db::accounts::{AccountRow, NewAccount, json as account_json};
use crate::db::audit::{self, AuditContext, Change};
use crate::db::debtors::{DebtorRow, NewDebtor};
use crate::db::{Conn, placement, to_db_time};
use crate::error::ApiError;
use crate::workflows::Initiator;
use crate::workflows::replacement::{self, Replaced};

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
    /// Updated, but its new balance waits for this approval request (`placement_update`).
    PendingApproval {
        account_id: i64,
        approval_id: i64,
    },
    Failed(ApiError),
}

/// Imports `rows` in the caller's transaction; one outcome per row, in order.
pub fn import(
    conn: &mut Conn,
    by: Initiator<'_>,
    rows: Vec<Result<Placement, ApiError>>,
) -> Result<Vec<Outcome>, ApiError> {
    let ctx = &by.ctx();
    let mut outcomes: Vec<Option<Outcome>> = (0..rows.len()).map(|_| None).collect();
    let mut pending = screen(rows, &mut outcomes);
    drop_unknown_teams(conn, &mut pending, &mut outcomes)?;
    let mut known = Known::load(conn, &pending)?;
    let (updates, creates): (Vec<_>, Vec<_>) = pending
        .into_iter()
        .partition(|(_, p)| known.accounts.contains_key(&p.account.external_ref));
    for (i, p) in updates {
        let before = known
            .accounts
            .remove(&p.account.external_ref)
            .ok_or_else(|| ApiError::Internal("import bookkeeping".into()))?;
        let debtor = known
            .debtors
            .get(&before.debtor_id)
            .cloned()
            .ok_or_else(|| ApiError::Internal("account without debtor".into()))?;
        let (new, nd) = p.over(&before, &debtor);
        outcomes[i] = Some(
            match replacement::update_one(conn, by, before, debtor, new, nd)? {
                Ok(Replaced {
                    account_id,
                    approval_id: Some(approval_id),
                }) => Outcome::PendingApproval {
                    account_id,
                    approval_id,
                },
                Ok(replaced) => Outcome::Updated(replaced.account_id),
                Err(e) => Outcome::Failed(e),
            },
        );
    }
    for (i, id) in create_all(conn, ctx, creates, &known.debtor_ids_by_ref)? {
        outcomes[i] = Some(Outcome::Created(id));
    }
    outcomes
        .into_iter()
        .map(|o| o.ok_or_else(|| ApiError::Internal("an import row has no outcome".into())))
        .collect()
}

/// A row still to place, with its index in the request.
type Pending = Vec<(usize, Placement)>;

/// The rows that parsed and do not repeat an earlier row's `external_ref`; the others get their
/// outcome.
fn screen(rows: Vec<Result<Placement, ApiError>>, outcomes: &mut [Option<Outcome>]) -> Pending {
    let mut pending = Vec::new();
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
    pending
}

/// Rows naming a team that does not exist fail.
fn drop_unknown_teams(
    conn: &mut Conn,
    pending: &mut Pending,
    outcomes: &mut [Option<Outcome>],
) -> Result<(), ApiError> {
    let wanted: Vec<i64> = pending
        .iter()
        .filter_map(|(_, p)| p.account.team_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let teams = placement::existing_teams(conn, &wanted)?;
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
    Ok(())
}

/// What the database already holds of the rows: accounts by reference, their debtors, and
/// debtors by reference.
struct Known {
    accounts: HashMap<String, AccountRow>,
    debtors: HashMap<i64, DebtorRow>,
    debtor_ids_by_ref: HashMap<String, i64>,
}

impl Known {
    fn load(conn: &mut Conn, pending: &Pending) -> Result<Self, ApiError> {
        let refs: Vec<&str> = pending
            .iter()
            .map(|(_, p)| p.account.external_ref.as_str())
            .collect();
        let accounts = placement::accounts_by_ref(conn, &refs)?;
        let debtor_refs: Vec<&str> = pending
            .iter()
            .filter_map(|(_, p)| p.debtor.external_ref.as_deref())
            .collect();
        let debtor_ids: Vec<i64> = accounts.values().map(|r| r.debtor_id).collect();
        Ok(Self {
            debtors: placement::debtors_by_id(conn, &debtor_ids)?,
            debtor_ids_by_ref: placement::debtor_ids_by_ref(conn, &debtor_refs)?,
            accounts,
        })
    }
}

/// Where a new account's debtor comes from: one that exists, or the n-th debtor this import
/// creates.
#[derive(Debug, Clone, Copy)]
enum DebtorSource {
    Existing(i64),
    New(usize),
}

/// The debtors to create (one per row, except rows naming a debtor `external_ref` that exists
/// already or that an earlier row of this import creates), and each row's source.
fn debtor_sources<'a>(
    creates: &'a [(usize, Placement)],
    debtors_by_ref: &HashMap<String, i64>,
) -> (Vec<&'a NewDebtor>, Vec<DebtorSource>) {
    let mut new_debtors: Vec<&NewDebtor> = Vec::new();
    let mut sources = Vec::with_capacity(creates.len());
    let mut slot_by_ref: HashMap<&str, usize> = HashMap::new();
    for (_, p) in creates {
        let source = match p.debtor.external_ref.as_deref() {
            Some(r) => match debtors_by_ref.get(r) {
                Some(id) => DebtorSource::Existing(*id),
                None => DebtorSource::New(*slot_by_ref.entry(r).or_insert_with(|| {
                    new_debtors.push(&p.debtor);
                    new_debtors.len() - 1
                })),
            },
            None => {
                new_debtors.push(&p.debtor);
                DebtorSource::New(new_debtors.len() - 1)
            }
        };
        sources.push(source);
    }
    (new_debtors, sources)
}

/// Inserts the new debtors, accounts and their first audit events in bulk.
fn create_all(
    conn: &mut Conn,
    ctx: &AuditContext,
    creates: Vec<(usize, Placement)>,
    debtors_by_ref: &HashMap<String, i64>,
) -> Result<Vec<(usize, i64)>, ApiError> {
    let at = to_db_time(ctx.now);
    let (new_debtors, sources) = debtor_sources(&creates, debtors_by_ref);
    let debtor_ids = placement::insert_debtors(conn, &new_debtors, at)?;
    let debtor_of = |source: DebtorSource| match source {
        DebtorSource::Existing(id) => Ok(id),
        DebtorSource::New(i) => debtor_ids
            .get(i)
            .copied()
            .ok_or_else(|| ApiError::Internal("import debtor bookkeeping".into())),
    };
    let mut created: Vec<(usize, i64)> = Vec::with_capacity(creates.len());
    let mut events: Vec<audit::NewEvent> = Vec::with_capacity(creates.len() + new_debtors.len());
    for (chunk, sources) in creates
        .chunks(placement::CHUNK)
        .zip(sources.chunks(placement::CHUNK))
    {
        let accounts: Vec<NewAccount> = chunk
            .iter()
            .zip(sources)
            .map(|((_, p), source)| {
                Ok(NewAccount {
                    debtor_id: debtor_of(*source)?,
                    ..p.account.clone()
                })
            })
            .collect::<Result<_, ApiError>>()?;
        let rows = placement::insert_accounts(conn, &accounts, at)?;
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
    events.extend(debtor_events(ctx, &new_debtors, &debtor_ids, at));
    audit::insert_first_events(conn, &events)?;
    Ok(created)
}

/// The `debtor.created` events of the debtors the import created.
fn debtor_events(
    ctx: &AuditContext,
    new_debtors: &[&NewDebtor],
    ids: &[i64],
    at: chrono::NaiveDateTime,
) -> Vec<audit::NewEvent> {
    new_debtors
        .iter()
        .zip(ids)
        .map(|(n, id)| {
            let row = placement::inserted_debtor(*id, n, at);
            audit::first_event(
                ctx,
                Change {
                    entity_type: "debtor",
                    entity_id: *id,
                    action: "debtor.created",
                    before: None,
                    after: Some(serde_json::to_value(&row).unwrap_or_default()),
                    account_id: None,
                },
            )
        })
        .collect()
}
