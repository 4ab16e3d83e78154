//! Reconciling a remittance file: its rows matched against the recorded payments in one pass
//! (accounts and payments loaded in batches, matched in memory by `domain::reconciliation`),
//! the exceptions stored with the summary; and resolving an exception, each resolution audited,
//! a posted payment going through the payment workflow like any other.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::actor::Actor;
use crate::db::audit::{self, AuditContext, Change};
use crate::db::payments::{self, NewPayment, PaymentMethod, PaymentSeen};
use crate::db::reconciliations::{
    self, ExceptionRow, ExceptionStatus, NewReconciliation, Reconciliation,
    ReconciliationException, Resolution, Resolved, Summary,
};
use crate::db::{Conn, placement};
use crate::domain::reconciliation::{
    ExceptionKind, Finding, RecordedPayment, RemittanceRow, reconcile,
};
use crate::error::ApiError;
use crate::workflows::{Initiator, payment};

/// A remittance file: who sent it, the dates and methods it covers, its rows.
#[derive(Debug, Clone)]
pub struct RemittanceFile {
    pub source: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub methods: Vec<PaymentMethod>,
    pub rows: Vec<FileRow>,
}

/// One row of the file.
#[derive(Debug, Clone)]
pub struct FileRow {
    pub line: i64,
    pub external_ref: String,
    pub amount: i64,
    pub received_on: NaiveDate,
    pub reference: Option<String>,
}

/// Matches the file against the recorded payments and stores the result.
pub fn run(
    conn: &mut Conn,
    by: Initiator<'_>,
    file: RemittanceFile,
) -> Result<Reconciliation, ApiError> {
    let ctx = by.ctx();
    let refs: Vec<&str> = file
        .rows
        .iter()
        .map(|r| r.external_ref.as_str())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let accounts = placement::account_ids_by_ref(conn, &refs)?;
    let account_ids: Vec<i64> = accounts
        .values()
        .copied()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let methods: Vec<&str> = file.methods.iter().map(|m| m.as_str()).collect();
    let seen = payments::seen_by_reconciliation(conn, &account_ids, file.from, file.to, &methods)?;
    let rows: Vec<RemittanceRow> = file
        .rows
        .iter()
        .map(|r| RemittanceRow {
            account_id: accounts.get(&r.external_ref).copied(),
            amount: r.amount,
            received_on: r.received_on,
            reference: r.reference.clone(),
        })
        .collect();
    let recorded: Vec<RecordedPayment> = seen.iter().map(|p| recorded(p, &file)).collect();
    let findings = reconcile(&rows, &recorded);
    let summary = summarize(file.rows.len(), &findings);
    let header = reconciliations::insert(
        conn,
        &NewReconciliation {
            source: file.source.clone(),
            from: file.from,
            to: file.to,
            methods: file.methods.clone(),
            summary,
            created_by: by.user_id(),
            at: ctx.now,
        },
    )?;
    let exceptions: Vec<ExceptionRow> = findings
        .iter()
        .filter_map(|f| exception(header.id, f, &file.rows, &rows, &seen))
        .collect();
    reconciliations::insert_exceptions(conn, &exceptions)?;
    let made: Reconciliation = header.try_into()?;
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "reconciliation",
            entity_id: made.id,
            action: "reconciliation.created",
            before: None,
            after: Some(serde_json::to_value(&made).unwrap_or_default()),
            account_id: None,
        },
    )?;
    Ok(made)
}

fn recorded(p: &PaymentSeen, file: &RemittanceFile) -> RecordedPayment {
    let in_window = p.received_on >= file.from && p.received_on <= file.to;
    RecordedPayment {
        id: p.id,
        account_id: p.account_id,
        amount: p.amount,
        received_on: p.received_on,
        reference: p.reference.clone(),
        expected: in_window && file.methods.iter().any(|m| m.as_str() == p.method),
    }
}

fn summarize(rows: usize, findings: &[Finding]) -> Summary {
    let mut s = Summary {
        rows: i64::try_from(rows).unwrap_or(i64::MAX),
        ..Summary::default()
    };
    for f in findings {
        match f {
            Finding::Matched { .. } => s.matched += 1,
            Finding::AmountMismatch { .. } => s.amount_mismatch += 1,
            Finding::UnmatchedRow { .. } => s.unmatched_row += 1,
            Finding::UnmatchedPayment { .. } => s.unmatched_payment += 1,
        }
    }
    s
}

/// The exception a finding is (none for a match).
fn exception(
    reconciliation_id: i64,
    finding: &Finding,
    file: &[FileRow],
    rows: &[RemittanceRow],
    seen: &[PaymentSeen],
) -> Option<ExceptionRow> {
    let (kind, row, payment) = match *finding {
        Finding::Matched { .. } => return None,
        Finding::UnmatchedRow { row } => (ExceptionKind::UnmatchedRow, Some(row), None),
        Finding::AmountMismatch { row, payment } => {
            (ExceptionKind::AmountMismatch, Some(row), Some(payment))
        }
        Finding::UnmatchedPayment { payment } => {
            (ExceptionKind::UnmatchedPayment, None, Some(payment))
        }
    };
    let from_file = row.map(|i| &file[i]);
    let paid = payment.map(|i| &seen[i]);
    Some(ExceptionRow {
        id: 0,
        reconciliation_id,
        kind: kind.as_str().to_owned(),
        status: ExceptionStatus::Open.as_str().to_owned(),
        line: from_file.map(|r| r.line),
        external_ref: from_file.map(|r| r.external_ref.clone()),
        amount: from_file.map(|r| r.amount),
        received_on: from_file
            .map(|r| r.received_on)
            .or(paid.map(|p| p.received_on)),
        reference: from_file
            .and_then(|r| r.reference.clone())
            .or_else(|| paid.and_then(|p| p.reference.clone())),
        account_id: row
            .and_then(|i| rows[i].account_id)
            .or(paid.map(|p| p.account_id)),
        payment_id: paid.map(|p| p.id),
        payment_amount: paid.map(|p| p.amount),
        resolution: None,
        note: None,
        resolved_by: None,
        resolved_at: None,
        posted_payment_id: None,
    })
}

/// A reconciliation's exceptions, oldest first.
pub fn exceptions(
    conn: &mut Conn,
    reconciliation_id: i64,
    status: Option<ExceptionStatus>,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<ReconciliationException>, ApiError> {
    reconciliations::find(conn, reconciliation_id)?;
    reconciliations::exceptions(conn, reconciliation_id, status, after, limit)
}

/// Resolves an open exception: `post_payment` (an `unmatched_row` of a known account) records
/// the payment through the payment workflow, `reverse_payment` (an `unmatched_payment`) reverses
/// it, `accept` (any, with a note) records the decision only.
pub fn resolve(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    resolution: Resolution,
    note: Option<&str>,
) -> Result<ReconciliationException, ApiError> {
    let before = reconciliations::find_exception(conn, id)?;
    if before.status != ExceptionStatus::Open.as_str() {
        return Err(already_resolved());
    }
    let kind: ExceptionKind = crate::db::stored("reconciliation_exceptions.kind", &before.kind)?;
    let posted = match (resolution, kind) {
        (Resolution::PostPayment, ExceptionKind::UnmatchedRow) => Some(post(conn, actor, &before)?),
        (Resolution::ReversePayment, ExceptionKind::UnmatchedPayment) => {
            let payment_id = before
                .payment_id
                .ok_or_else(|| not_allowed("the exception names no payment"))?;
            let reason = note.unwrap_or("not in the remittance file");
            payment::reverse(conn, actor, payment_id, reason)?;
            None
        }
        (Resolution::Accept, _) => None,
        _ => {
            return Err(not_allowed(&format!(
                "{} does not resolve an {} exception (post_payment: unmatched_row; reverse_payment: unmatched_payment; accept: any)",
                resolution.as_str(),
                kind.as_str()
            )));
        }
    };
    let resolved = Resolved {
        resolution,
        note,
        by: actor.user_id,
        at: actor.now,
        posted_payment_id: posted,
    };
    let after = reconciliations::resolve(conn, id, resolved)?.ok_or_else(already_resolved)?;
    let ctx: AuditContext = actor.into();
    audit::record(
        conn,
        &ctx,
        Change {
            entity_type: "reconciliation_exception",
            entity_id: id,
            action: "reconciliation_exception.resolved",
            before: Some(reconciliations::json(&before)),
            after: Some(reconciliations::json(&after)),
            account_id: after.account_id,
        },
    )?;
    after.try_into()
}

/// Records an unmatched row as a payment of its account (the file's method when it names one,
/// else `other`).
fn post(conn: &mut Conn, actor: &Actor, row: &ExceptionRow) -> Result<i64, ApiError> {
    let (Some(account_id), Some(amount), Some(received_on)) =
        (row.account_id, row.amount, row.received_on)
    else {
        return Err(not_allowed(
            "no account has this row's external_ref: accept it, or place the account and reconcile again",
        ));
    };
    let header = reconciliations::find(conn, row.reconciliation_id)?;
    let method = match header.methods.as_slice() {
        [only] => *only,
        _ => PaymentMethod::Other,
    };
    let new = NewPayment {
        amount,
        method,
        reference: row.reference.clone(),
        received_on,
    };
    Ok(payment::record(conn, actor, account_id, new)?.id)
}

fn not_allowed(detail: &str) -> ApiError {
    ApiError::Unprocessable {
        slug: "action-not-allowed",
        detail: detail.to_owned(),
    }
}

fn already_resolved() -> ApiError {
    ApiError::conflict(
        "already-resolved",
        "the exception has already been resolved",
    )
}
