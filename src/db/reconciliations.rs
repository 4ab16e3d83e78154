//! Reconciliations (one row per remittance file checked, with its summary) and their exceptions.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::payments::PaymentMethod;
use super::schema::{reconciliation_exceptions as ex, reconciliations as rc};
use super::{Conn, from_db_time, stored, to_db_time, with_inner};
use crate::domain::reconciliation::ExceptionKind;
use crate::domain::status::text_enum;
use crate::error::ApiError;

text_enum! {
    /// Where an exception is.
    #[schema(example = "open")]
    ExceptionStatus {
        Open => "open",
        Resolved => "resolved",
    }
}

text_enum! {
    /// How an exception was resolved.
    #[schema(example = "post_payment")]
    Resolution {
        /// An `unmatched_row` recorded as a payment (with the row's reference).
        PostPayment => "post_payment",
        /// An `unmatched_payment` reversed.
        ReversePayment => "reverse_payment",
        /// Any exception accepted as it is, with a note.
        Accept => "accept",
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = rc)]
pub struct ReconciliationRow {
    pub id: i64,
    pub source: String,
    pub from_on: NaiveDate,
    pub to_on: NaiveDate,
    pub methods: String,
    pub row_count: i64,
    pub matched: i64,
    pub unmatched_row: i64,
    pub unmatched_payment: i64,
    pub amount_mismatch: i64,
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
}

super::columns!(
    RECONCILIATION_COLUMNS = rc(
        id,
        source,
        from_on,
        to_on,
        methods,
        row_count,
        matched,
        unmatched_row,
        unmatched_payment,
        amount_mismatch,
        created_by,
        created_at,
    )
);

/// Counts of a reconciliation.
#[derive(Debug, Clone, Copy, Default, Serialize, ToSchema)]
#[schema(as = ReconciliationSummary)]
#[schema(example = json!({"rows": 1200, "matched": 1187, "unmatched_row": 6, "unmatched_payment": 4, "amount_mismatch": 3}))]
pub struct Summary {
    /// Rows in the file.
    pub rows: i64,
    /// Rows matched to a recorded payment with the same amount.
    pub matched: i64,
    pub unmatched_row: i64,
    pub unmatched_payment: i64,
    pub amount_mismatch: i64,
}

/// A remittance file checked against the recorded payments.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 4, "source": "Acme card processor, November", "from": "2026-11-01",
    "to": "2026-11-30", "methods": ["card"], "summary": {"rows": 1200, "matched": 1187, "unmatched_row": 6,
    "unmatched_payment": 4, "amount_mismatch": 3}, "created_by": 3, "created_at": "2026-11-30T09:00:00Z"}))]
pub struct Reconciliation {
    pub id: i64,
    pub source: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The payment methods the file covers.
    pub methods: Vec<PaymentMethod>,
    pub summary: Summary,
    /// `null`: the command line.
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
}

impl TryFrom<ReconciliationRow> for Reconciliation {
    type Error = ApiError;

    fn try_from(r: ReconciliationRow) -> Result<Self, ApiError> {
        let methods = r
            .methods
            .split(',')
            .map(|m| stored("reconciliations.methods", m))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            id: r.id,
            source: r.source,
            from: r.from_on,
            to: r.to_on,
            methods,
            summary: Summary {
                rows: r.row_count,
                matched: r.matched,
                unmatched_row: r.unmatched_row,
                unmatched_payment: r.unmatched_payment,
                amount_mismatch: r.amount_mismatch,
            },
            created_by: r.created_by,
            created_at: from_db_time(r.created_at),
        })
    }
}

/// A new reconciliation's header.
#[derive(Debug, Clone)]
pub struct NewReconciliation {
    pub source: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub methods: Vec<PaymentMethod>,
    pub summary: Summary,
    pub created_by: Option<i64>,
    pub at: DateTime<Utc>,
}

pub fn insert(conn: &mut Conn, new: &NewReconciliation) -> Result<ReconciliationRow, ApiError> {
    let methods: Vec<&str> = new.methods.iter().map(|m| m.as_str()).collect();
    Ok(diesel::insert_into(rc::table)
        .values((
            rc::source.eq(&new.source),
            rc::from_on.eq(new.from),
            rc::to_on.eq(new.to),
            rc::methods.eq(methods.join(",")),
            rc::row_count.eq(new.summary.rows),
            rc::matched.eq(new.summary.matched),
            rc::unmatched_row.eq(new.summary.unmatched_row),
            rc::unmatched_payment.eq(new.summary.unmatched_payment),
            rc::amount_mismatch.eq(new.summary.amount_mismatch),
            rc::created_by.eq(new.created_by),
            rc::created_at.eq(to_db_time(new.at)),
        ))
        .returning(RECONCILIATION_COLUMNS)
        .get_result(conn)?)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<Reconciliation, ApiError> {
    rc::table
        .find(id)
        .select(ReconciliationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("reconciliation"))?
        .try_into()
}

/// Reconciliations, newest first, before the cursor.
pub fn list(
    conn: &mut Conn,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Reconciliation>, ApiError> {
    let rows: Vec<ReconciliationRow> = rc::table
        .filter(rc::id.lt(before.unwrap_or(i64::MAX)))
        .select(ReconciliationRow::as_select())
        .order(rc::id.desc())
        .limit(limit)
        .load(conn)?;
    rows.into_iter().map(Reconciliation::try_from).collect()
}

/// An exception found by a reconciliation.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = ex)]
pub struct ExceptionRow {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub reconciliation_id: i64,
    pub kind: String,
    pub status: String,
    pub line: Option<i64>,
    pub external_ref: Option<String>,
    pub amount: Option<i64>,
    pub received_on: Option<NaiveDate>,
    pub reference: Option<String>,
    pub account_id: Option<i64>,
    pub payment_id: Option<i64>,
    pub payment_amount: Option<i64>,
    pub resolution: Option<String>,
    pub note: Option<String>,
    pub resolved_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub resolved_at: Option<chrono::NaiveDateTime>,
    pub posted_payment_id: Option<i64>,
}

super::columns!(
    EXCEPTION_COLUMNS = ex(
        id,
        reconciliation_id,
        kind,
        status,
        line,
        external_ref,
        amount,
        received_on,
        reference,
        account_id,
        payment_id,
        payment_amount,
        resolution,
        note,
        resolved_by,
        resolved_at,
        posted_payment_id,
    )
);

/// What does not reconcile, and how it was resolved.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 17, "reconciliation_id": 4, "kind": "unmatched_row", "status": "open",
    "line": 212, "external_ref": "ACC-1001", "amount": 12500, "received_on": "2026-11-14",
    "reference": "TX-99812", "account_id": 101, "payment_id": null, "payment_amount": null,
    "resolution": null, "note": null, "resolved_by": null, "resolved_at": null, "posted_payment_id": null}))]
pub struct ReconciliationException {
    pub id: i64,
    pub reconciliation_id: i64,
    pub kind: ExceptionKind,
    pub status: ExceptionStatus,
    /// The file's row (`unmatched_row`, `amount_mismatch`).
    pub line: Option<i64>,
    pub external_ref: Option<String>,
    /// The row's amount.
    pub amount: Option<i64>,
    /// The row's received date, or the unmatched payment's.
    pub received_on: Option<NaiveDate>,
    pub reference: Option<String>,
    /// `null` for a row whose `external_ref` names no account.
    pub account_id: Option<i64>,
    /// The recorded payment (`unmatched_payment`, `amount_mismatch`).
    pub payment_id: Option<i64>,
    pub payment_amount: Option<i64>,
    pub resolution: Option<Resolution>,
    pub note: Option<String>,
    pub resolved_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub resolved_at: Option<DateTime<Utc>>,
    /// The payment a `post_payment` resolution recorded.
    pub posted_payment_id: Option<i64>,
}

impl TryFrom<ExceptionRow> for ReconciliationException {
    type Error = ApiError;

    fn try_from(r: ExceptionRow) -> Result<Self, ApiError> {
        Ok(Self {
            id: r.id,
            reconciliation_id: r.reconciliation_id,
            kind: stored("reconciliation_exceptions.kind", &r.kind)?,
            status: stored("reconciliation_exceptions.status", &r.status)?,
            line: r.line,
            external_ref: r.external_ref,
            amount: r.amount,
            received_on: r.received_on,
            reference: r.reference,
            account_id: r.account_id,
            payment_id: r.payment_id,
            payment_amount: r.payment_amount,
            resolution: r
                .resolution
                .as_deref()
                .map(|s| stored("reconciliation_exceptions.resolution", s))
                .transpose()?,
            note: r.note,
            resolved_by: r.resolved_by,
            resolved_at: r.resolved_at.map(from_db_time),
            posted_payment_id: r.posted_payment_id,
        })
    }
}

pub fn json(r: &ExceptionRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

/// Writes exceptions in multi-row statements.
pub fn insert_exceptions(conn: &mut Conn, rows: &[ExceptionRow]) -> Result<(), ApiError> {
    for chunk in rows.chunks(super::placement::CHUNK) {
        with_inner!(conn, c => diesel::insert_into(ex::table).values(chunk).execute(c))?;
    }
    Ok(())
}

/// A reconciliation's exceptions, oldest first, after the cursor.
pub fn exceptions(
    conn: &mut Conn,
    reconciliation_id: i64,
    status: Option<ExceptionStatus>,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<ReconciliationException>, ApiError> {
    let mut q = ex::table
        .filter(ex::reconciliation_id.eq(reconciliation_id))
        .filter(ex::id.gt(after.unwrap_or(0)))
        .into_boxed();
    if let Some(s) = status {
        q = q.filter(ex::status.eq(s.as_str()));
    }
    let rows: Vec<ExceptionRow> = q
        .select(ExceptionRow::as_select())
        .order(ex::id)
        .limit(limit)
        .load(conn)?;
    rows.into_iter().map(TryFrom::try_from).collect()
}

pub fn find_exception(conn: &mut Conn, id: i64) -> Result<ExceptionRow, ApiError> {
    ex::table
        .find(id)
        .select(ExceptionRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("reconciliation exception"))
}

/// How an open exception is resolved.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    pub resolution: Resolution,
    pub note: Option<&'a str>,
    pub by: i64,
    pub at: DateTime<Utc>,
    pub posted_payment_id: Option<i64>,
}

/// Resolves an open exception; `None` when it was not open (another resolution won).
pub fn resolve(
    conn: &mut Conn,
    id: i64,
    r: Resolved<'_>,
) -> Result<Option<ExceptionRow>, ApiError> {
    let open = ex::id
        .eq(id)
        .and(ex::status.eq(ExceptionStatus::Open.as_str()));
    Ok(diesel::update(ex::table.filter(open))
        .set((
            ex::status.eq(ExceptionStatus::Resolved.as_str()),
            ex::resolution.eq(Some(r.resolution.as_str())),
            ex::note.eq(r.note),
            ex::resolved_by.eq(Some(r.by)),
            ex::resolved_at.eq(Some(to_db_time(r.at))),
            ex::posted_payment_id.eq(r.posted_payment_id),
        ))
        .returning(EXCEPTION_COLUMNS)
        .get_result(conn)
        .optional()?)
}
