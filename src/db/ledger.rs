//! The ledger: one append-only row per money movement of an account, written in the movement's
//! transaction (never recomputed from other tables on read). Amounts per part are signed; the
//! running balance is summed over the ledger itself on read; `verify` compares every account's
//! ledger sum with its parts in one set-based query.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::ledger_entries as le;
use super::{Conn, from_db_time, to_db_time, with_inner};
use crate::domain::parts::Parts;
use crate::domain::status::text_enum;
use crate::error::ApiError;

text_enum! {
    /// What moved the money.
    #[schema(example = "payment")]
    LedgerKind {
        Placement => "placement",
        Payment => "payment",
        PaymentReversal => "payment_reversal",
        Adjustment => "adjustment",
        WriteOff => "write_off",
        SettlementForgiveness => "settlement_forgiveness",
        Recovery => "recovery",
    }
}

/// A movement to record.
#[derive(Debug, Clone, Copy)]
pub struct Movement {
    pub account_id: i64,
    pub at: DateTime<Utc>,
    pub kind: LedgerKind,
    /// Signed change of each part.
    pub parts: Parts,
    /// Money that moves no part (a recovery), signed.
    pub amount: Option<i64>,
    pub payment_id: Option<i64>,
    pub adjustment_id: Option<i64>,
    pub approval_id: Option<i64>,
}

impl Movement {
    /// A movement of `parts` and nothing else.
    pub fn of(account_id: i64, at: DateTime<Utc>, kind: LedgerKind, parts: Parts) -> Self {
        Self {
            account_id,
            at,
            kind,
            parts,
            amount: None,
            payment_id: None,
            adjustment_id: None,
            approval_id: None,
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = le)]
struct NewEntry {
    account_id: i64,
    occurred_at: chrono::NaiveDateTime,
    kind: &'static str,
    principal: i64,
    interest: i64,
    fees: i64,
    costs: i64,
    amount: Option<i64>,
    payment_id: Option<i64>,
    adjustment_id: Option<i64>,
    approval_id: Option<i64>,
}

impl From<&Movement> for NewEntry {
    fn from(m: &Movement) -> Self {
        Self {
            account_id: m.account_id,
            occurred_at: to_db_time(m.at),
            kind: m.kind.as_str(),
            principal: m.parts.principal,
            interest: m.parts.interest,
            fees: m.parts.fees,
            costs: m.parts.costs,
            amount: m.amount,
            payment_id: m.payment_id,
            adjustment_id: m.adjustment_id,
            approval_id: m.approval_id,
        }
    }
}

/// Records movements (one multi-row statement).
pub fn record(conn: &mut Conn, movements: &[Movement]) -> Result<(), ApiError> {
    if movements.is_empty() {
        return Ok(());
    }
    let rows: Vec<NewEntry> = movements.iter().map(NewEntry::from).collect();
    with_inner!(conn, c => diesel::insert_into(le::table).values(&rows).execute(c))?;
    Ok(())
}

/// A balance's parts and their total.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[schema(example = json!({"principal": 90000, "interest": 5000, "fees": 0, "costs": 0, "total": 95000}))]
pub struct BalanceAfter {
    pub principal: i64,
    pub interest: i64,
    pub fees: i64,
    pub costs: i64,
    pub total: i64,
}

/// One money movement of an account.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 12, "occurred_at": "2026-11-22T14:03:00Z", "kind": "payment",
    "amounts": {"principal": -7500, "interest": 0, "fees": -2500, "costs": 0},
    "balance_after": {"principal": 90000, "interest": 5000, "fees": 0, "costs": 0, "total": 95000},
    "payment_id": 31}))]
pub struct LedgerEntry {
    pub id: i64,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub occurred_at: DateTime<Utc>,
    pub kind: LedgerKind,
    /// Signed change of each part (all four keys).
    pub amounts: Parts,
    /// The account's parts after this entry (the running sum of its entries).
    pub balance_after: BalanceAfter,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adjustment_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval_id: Option<i64>,
    /// Money that moved no part: what a recovery on a written-off account received (negative
    /// when reversed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
}

#[derive(QueryableByName)]
struct EntryRow {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Timestamp)]
    occurred_at: chrono::NaiveDateTime,
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = BigInt)]
    principal: i64,
    #[diesel(sql_type = BigInt)]
    interest: i64,
    #[diesel(sql_type = BigInt)]
    fees: i64,
    #[diesel(sql_type = BigInt)]
    costs: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    amount: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    payment_id: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    adjustment_id: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    approval_id: Option<i64>,
    #[diesel(sql_type = BigInt)]
    after_principal: i64,
    #[diesel(sql_type = BigInt)]
    after_interest: i64,
    #[diesel(sql_type = BigInt)]
    after_fees: i64,
    #[diesel(sql_type = BigInt)]
    after_costs: i64,
}

/// The running sums are summed as the account's entries are (each part's sum is bounded money);
/// `CAST` keeps PostgreSQL's `numeric` sums readable as `BIGINT`.
const ENTRIES: &str = "SELECT * FROM (
    SELECT id, occurred_at, kind, principal, interest, fees, costs, amount, payment_id,
           adjustment_id, approval_id,
           CAST(SUM(principal) OVER w AS BIGINT) AS after_principal,
           CAST(SUM(interest) OVER w AS BIGINT) AS after_interest,
           CAST(SUM(fees) OVER w AS BIGINT) AS after_fees,
           CAST(SUM(costs) OVER w AS BIGINT) AS after_costs
    FROM ledger_entries WHERE account_id = $1
    WINDOW w AS (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
) AS running WHERE id > $2 ORDER BY id LIMIT $3";

/// An account's entries after `after` (an entry id), oldest first, with running balances.
pub fn list(
    conn: &mut Conn,
    account_id: i64,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<LedgerEntry>, ApiError> {
    let sql = super::placeholders(conn, ENTRIES);
    let rows: Vec<EntryRow> = diesel::sql_query(sql)
        .bind::<BigInt, _>(account_id)
        .bind::<BigInt, _>(after.unwrap_or(0))
        .bind::<BigInt, _>(limit)
        .load(conn)?;
    rows.into_iter().map(to_entry).collect()
}

fn to_entry(r: EntryRow) -> Result<LedgerEntry, ApiError> {
    Ok(LedgerEntry {
        id: r.id,
        occurred_at: from_db_time(r.occurred_at),
        kind: super::stored("ledger_entries.kind", &r.kind)?,
        amounts: Parts {
            principal: r.principal,
            interest: r.interest,
            fees: r.fees,
            costs: r.costs,
        },
        balance_after: BalanceAfter {
            principal: r.after_principal,
            interest: r.after_interest,
            fees: r.after_fees,
            costs: r.after_costs,
            total: r.after_principal + r.after_interest + r.after_fees + r.after_costs,
        },
        payment_id: r.payment_id,
        adjustment_id: r.adjustment_id,
        approval_id: r.approval_id,
        amount: r.amount,
    })
}

#[derive(QueryableByName)]
struct Mismatch {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Accounts whose parts differ from the sum of their entries (one set-based query), by id.
const MISMATCHES: &str = "SELECT a.id FROM accounts a LEFT JOIN (
    SELECT account_id, SUM(principal) AS p, SUM(interest) AS i, SUM(fees) AS f, SUM(costs) AS c
    FROM ledger_entries GROUP BY account_id
) l ON l.account_id = a.id
WHERE COALESCE(l.p, 0) <> a.principal OR COALESCE(l.i, 0) <> a.interest
   OR COALESCE(l.f, 0) <> a.fees OR COALESCE(l.c, 0) <> a.costs
ORDER BY a.id LIMIT 1000";

/// What a check of the whole ledger found.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"ok": true, "checked": 300, "mismatched_account_ids": []}))]
pub struct LedgerCheck {
    pub ok: bool,
    /// Accounts checked.
    pub checked: i64,
    /// Accounts whose parts differ from the sum of their entries (the first 1,000).
    pub mismatched_account_ids: Vec<i64>,
}

/// Compares every account's parts with the sum of its entries.
pub fn verify(conn: &mut Conn) -> Result<LedgerCheck, ApiError> {
    let mismatched: Vec<Mismatch> = diesel::sql_query(MISMATCHES).load(conn)?;
    let checked: Vec<Count> =
        diesel::sql_query("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM accounts").load(conn)?;
    let ids: Vec<i64> = mismatched.into_iter().map(|m| m.id).collect();
    Ok(LedgerCheck {
        ok: ids.is_empty(),
        checked: checked.first().map_or(0, |c| c.n),
        mismatched_account_ids: ids,
    })
}
