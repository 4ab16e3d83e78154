//! Approved settlements: the offers the debtor may take (a payment reaching the amount by
//! `due_on` settles the account; past it, the offer lapses).

use chrono::NaiveDate;
use diesel::prelude::*;

use super::Conn;
use super::approvals::{ApprovalKind, ApprovalRow};
use super::schema::approval_requests as rq;
use crate::domain::status::ApprovalStatus;
use crate::error::ApiError;

/// The account's approved settlement offer, if any.
pub fn approved_settlement(
    conn: &mut Conn,
    account_id: i64,
) -> Result<Option<ApprovalRow>, ApiError> {
    Ok(rq::table
        .filter(
            rq::account_id
                .eq(account_id)
                .and(rq::kind.eq(ApprovalKind::Settlement.as_str()))
                .and(rq::status.eq(ApprovalStatus::Approved.as_str())),
        )
        .select(ApprovalRow::as_select())
        .first(conn)
        .optional()?)
}

/// Approved settlements whose `due_on` is before `day`.
pub fn settlements_due_before(
    conn: &mut Conn,
    day: NaiveDate,
) -> Result<Vec<ApprovalRow>, ApiError> {
    Ok(rq::table
        .filter(
            rq::kind
                .eq(ApprovalKind::Settlement.as_str())
                .and(rq::status.eq(ApprovalStatus::Approved.as_str()))
                .and(rq::due_on.lt(day)),
        )
        .select(ApprovalRow::as_select())
        .load(conn)?)
}
