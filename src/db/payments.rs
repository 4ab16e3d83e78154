//! Payments: rows, queries and inserts. Recording and reversing one (the balance, the
//! installments, the account's status) is `workflows::payment`.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::accounts as accounts_db;
use super::schema::payments as p;
use super::{Conn, from_db_time, on_unique, to_db_time};
use crate::actor::Actor;
use crate::domain::parts::Parts;
use crate::error::ApiError;

crate::domain::status::text_enum! {
    /// How the money came.
    #[schema(example = "card")]
    PaymentMethod {
        Card => "card",
        Ach => "ach",
        Check => "check",
        Cash => "cash",
        Other => "other",
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = p)]
pub struct PaymentRow {
    pub id: i64,
    pub account_id: i64,
    pub amount: i64,
    pub method: String,
    pub reference: Option<String>,
    pub received_on: NaiveDate,
    pub recovery: bool,
    pub arrangement_id: Option<i64>,
    pub recorded_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub reversed_at: Option<chrono::NaiveDateTime>,
    pub reversed_by: Option<i64>,
    pub reversal_reason: Option<String>,
    pub paid_principal: i64,
    pub paid_interest: i64,
    pub paid_fees: i64,
    pub paid_costs: i64,
}

impl PaymentRow {
    /// What the payment took from each part of the balance.
    pub fn allocation(&self) -> Parts {
        Parts {
            principal: self.paid_principal,
            interest: self.paid_interest,
            fees: self.paid_fees,
            costs: self.paid_costs,
        }
    }
}

super::columns!(
    PAYMENT_COLUMNS = p(
        id,
        account_id,
        amount,
        method,
        reference,
        received_on,
        recovery,
        arrangement_id,
        recorded_by,
        created_at,
        reversed_at,
        reversed_by,
        reversal_reason,
        paid_principal,
        paid_interest,
        paid_fees,
        paid_costs,
    )
);

/// Money received on an account.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 31, "account_id": 101, "amount": 10000, "method": "card", "reference": "TX-99812",
    "received_on": "2026-11-22", "recovery": false, "arrangement_id": 4, "recorded_by": 12,
    "allocation": {"principal": 7500, "interest": 0, "fees": 2500, "costs": 0},
    "created_at": "2026-11-22T14:03:00Z", "reversed_at": null, "reversed_by": null, "reversal_reason": null}))]
pub struct Payment {
    pub id: i64,
    pub account_id: i64,
    /// Minor units, > 0.
    pub amount: i64,
    pub method: PaymentMethod,
    /// The payer's or processor's reference; unique per account.
    pub reference: Option<String>,
    pub received_on: NaiveDate,
    /// Money received after the account was written off: recorded, reported apart, balance unchanged.
    pub recovery: bool,
    /// The arrangement the payment was allocated to, if any.
    pub arrangement_id: Option<i64>,
    /// What it paid of each part of the balance, in the allocation policy's order at the time
    /// (all four keys; zeros for a recovery). A reversal restores exactly these.
    pub allocation: Parts,
    pub recorded_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub reversed_at: Option<DateTime<Utc>>,
    pub reversed_by: Option<i64>,
    pub reversal_reason: Option<String>,
}

impl TryFrom<PaymentRow> for Payment {
    type Error = ApiError;

    fn try_from(r: PaymentRow) -> Result<Self, ApiError> {
        let allocation = r.allocation();
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            amount: r.amount,
            method: super::stored("payments.method", &r.method)?,
            reference: r.reference,
            received_on: r.received_on,
            recovery: r.recovery,
            arrangement_id: r.arrangement_id,
            allocation,
            recorded_by: r.recorded_by,
            created_at: from_db_time(r.created_at),
            reversed_at: r.reversed_at.map(from_db_time),
            reversed_by: r.reversed_by,
            reversal_reason: r.reversal_reason,
        })
    }
}

pub fn json(row: &PaymentRow) -> serde_json::Value {
    serde_json::to_value(row).unwrap_or_default()
}

/// A payment to record (validated: amount > 0, date not in the future).
#[derive(Debug, Clone)]
pub struct NewPayment {
    pub amount: i64,
    pub method: PaymentMethod,
    pub reference: Option<String>,
    pub received_on: NaiveDate,
}

/// What a payment pays: the balance, or (on a written-off account) a recovery of what was
/// written off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Receipt {
    /// Paid these parts of the balance.
    Payment(Parts),
    Recovery,
}

/// Inserts a payment (a recovery when the account was written off), tied to the arrangement it
/// pays, if any; a second payment with one reference on one account is refused.
pub fn insert(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    new: &NewPayment,
    receipt: Receipt,
    arrangement_id: Option<i64>,
) -> Result<PaymentRow, ApiError> {
    let paid = match receipt {
        Receipt::Payment(parts) => parts,
        Receipt::Recovery => Parts::default(),
    };
    diesel::insert_into(p::table)
        .values((
            p::account_id.eq(account_id),
            p::amount.eq(new.amount),
            p::method.eq(new.method.as_str()),
            p::reference.eq(&new.reference),
            p::received_on.eq(new.received_on),
            p::recovery.eq(receipt == Receipt::Recovery),
            p::paid_principal.eq(paid.principal),
            p::paid_interest.eq(paid.interest),
            p::paid_fees.eq(paid.fees),
            p::paid_costs.eq(paid.costs),
            p::arrangement_id.eq(arrangement_id),
            p::recorded_by.eq(Some(actor.user_id)),
            p::created_at.eq(to_db_time(actor.now)),
        ))
        .returning(PAYMENT_COLUMNS)
        .get_result(conn)
        .map_err(on_unique(|| {
            ApiError::conflict(
                "duplicate-reference",
                "this account already has a payment with this reference",
            )
        }))
}

/// Marks a payment reversed (once: `false` when it already was).
pub fn mark_reversed(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    reason: &str,
) -> Result<bool, ApiError> {
    let won = diesel::update(p::table.filter(p::id.eq(id).and(p::reversed_at.is_null())))
        .set((
            p::reversed_at.eq(Some(to_db_time(actor.now))),
            p::reversed_by.eq(Some(actor.user_id)),
            p::reversal_reason.eq(Some(reason)),
        ))
        .execute(conn)?;
    Ok(won == 1)
}

/// What the account has received since `since`, recoveries and reversed payments aside.
pub fn paid_since(
    conn: &mut Conn,
    account_id: i64,
    since: chrono::NaiveDateTime,
) -> Result<i128, ApiError> {
    let paid: Vec<i64> = p::table
        .filter(
            p::account_id
                .eq(account_id)
                .and(p::reversed_at.is_null())
                .and(p::recovery.eq(false))
                .and(p::created_at.ge(since)),
        )
        .select(p::amount)
        .load(conn)?;
    Ok(paid.into_iter().map(i128::from).sum())
}

/// A payment, if its account is visible.
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<PaymentRow, ApiError> {
    let row: PaymentRow = p::table
        .find(id)
        .select(PaymentRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("payment"))?;
    accounts_db::require_visible(conn, actor, row.account_id, "payment")?;
    Ok(row)
}

/// A visible account's payments, newest first.
pub fn list_for_account(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Payment>, ApiError> {
    accounts_db::find_visible_row(conn, actor, account_id)?;
    let mut q = p::table
        .filter(p::account_id.eq(account_id))
        .select(PaymentRow::as_select())
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(p::id.lt(b));
    }
    let rows: Vec<PaymentRow> = q.order(p::id.desc()).limit(limit).load(conn)?;
    rows.into_iter().map(Payment::try_from).collect()
}

/// A recorded payment as a reconciliation sees it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = p)]
pub struct PaymentSeen {
    pub id: i64,
    pub account_id: i64,
    pub amount: i64,
    pub method: String,
    pub reference: Option<String>,
    pub received_on: NaiveDate,
}

/// The payments (not reversed) of `account_ids`, and those received from `from` to `to` with
/// one of `methods` on any account: batched, a statement per chunk of accounts and one for the
/// window, each payment once.
pub fn seen_by_reconciliation(
    conn: &mut Conn,
    account_ids: &[i64],
    from: NaiveDate,
    to: NaiveDate,
    methods: &[&str],
) -> Result<Vec<PaymentSeen>, ApiError> {
    let mut seen: std::collections::HashMap<i64, PaymentSeen> = p::table
        .filter(p::reversed_at.is_null())
        .filter(p::received_on.between(from, to))
        .filter(p::method.eq_any(methods))
        .select(PaymentSeen::as_select())
        .load::<PaymentSeen>(conn)?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    for chunk in account_ids.chunks(super::placement::CHUNK) {
        let rows = p::table
            .filter(p::reversed_at.is_null())
            .filter(p::account_id.eq_any(chunk))
            .select(PaymentSeen::as_select())
            .load::<PaymentSeen>(conn)?;
        for s in rows {
            seen.entry(s.id).or_insert(s);
        }
    }
    let mut out: Vec<PaymentSeen> = seen.into_values().collect();
    out.sort_by_key(|s| s.id);
    Ok(out)
}
