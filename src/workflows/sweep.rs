//! The sweep: installments unpaid past their grace period are `missed`, their arrangement
//! `broken`, the account `open` again (and at the top of its agent's queue).
//!
//! Safe on several server instances at once and when run twice: each arrangement is ended with
//! a conditional `UPDATE … WHERE status = 'active'`, so exactly one sweep breaks it, and the
//! others find nothing left to do.

use chrono::{DateTime, Days, Utc};

use crate::db::arrangements::{self, ArrangementStatus};
use crate::db::audit::AuditContext;
use crate::db::{Conn, installments, write_tx};
use crate::error::ApiError;

/// Days an installment may stay unpaid after `due_on` before it is missed.
pub const DEFAULT_GRACE_DAYS: u64 = 3;

/// What a sweep did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SweepReport {
    pub broken: usize,
    pub missed: usize,
    /// Approved settlements not paid by their date.
    pub lapsed: usize,
}

/// Breaks every active arrangement with an installment unpaid more than `grace_days` after its
/// due date, as of `now`. Each arrangement in its own transaction.
pub fn sweep(
    conn: &mut Conn,
    now: DateTime<Utc>,
    grace_days: u64,
) -> Result<SweepReport, ApiError> {
    let cutoff = now
        .date_naive()
        .checked_sub_days(Days::new(grace_days))
        .unwrap_or(now.date_naive());
    let due = installments::overdue_arrangements(conn, cutoff)?;
    let ctx = AuditContext {
        actor_id: None,
        request_id: Some("sweep".into()),
        now,
    };
    let mut report = SweepReport::default();
    for row in due {
        let missed = write_tx(conn, |tx| {
            if !arrangements::end(
                tx,
                &ctx,
                &row,
                ArrangementStatus::Broken,
                "arrangement.broken",
            )? {
                return Ok(0); // another sweep, a payment or a cancellation got there first
            }
            installments::mark_missed(tx, row.id, cutoff)
        })?;
        if missed > 0 {
            report.broken += 1;
            report.missed += missed;
        }
    }
    report.lapsed = write_tx(conn, |tx| crate::workflows::settlement::lapse(tx, now))?;
    Ok(report)
}
