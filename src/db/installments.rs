//! Installments and what payments paid of them (`payment_allocations`): the money side of an
//! arrangement, kept so that a reversal restores each installment exactly.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::Conn;
use super::arrangements::{ArrangementRow, ArrangementStatus, InstallmentRow};
use super::schema::{arrangements as ar, installments as ins, payment_allocations as pa};
use crate::domain::allocation::InstallmentStatus;
use crate::error::ApiError;

/// The arrangement's installments not yet paid in full, in due order.
pub fn open_of(conn: &mut Conn, arrangement_id: i64) -> Result<Vec<InstallmentRow>, ApiError> {
    Ok(ins::table
        .filter(
            ins::arrangement_id
                .eq(arrangement_id)
                .and(ins::status.eq_any(unpaid())),
        )
        .select(InstallmentRow::as_select())
        .order(ins::seq)
        .load(conn)?)
}

/// Pays `part` of payment `payment_id` to installment `i`, and stores the allocation.
pub fn pay(
    conn: &mut Conn,
    i: &InstallmentRow,
    payment_id: i64,
    part: i64,
) -> Result<(), ApiError> {
    let paid = i.paid_amount + part;
    diesel::update(ins::table.find(i.id))
        .set((
            ins::paid_amount.eq(paid),
            ins::status.eq(InstallmentStatus::from_paid(i.amount, paid).as_str()),
        ))
        .execute(conn)?;
    diesel::insert_into(pa::table)
        .values((
            pa::payment_id.eq(payment_id),
            pa::installment_id.eq(i.id),
            pa::amount.eq(part),
        ))
        .execute(conn)?;
    Ok(())
}

/// Adds `amount` (negative to take back) to what the arrangement shows as paid.
pub fn add_paid(conn: &mut Conn, arrangement_id: i64, amount: i64) -> Result<(), ApiError> {
    diesel::update(ar::table.find(arrangement_id))
        .set(ar::paid_amount.eq(ar::paid_amount + amount))
        .execute(conn)?;
    Ok(())
}

/// How many of the arrangement's installments are not paid in full.
pub fn unpaid_count(conn: &mut Conn, arrangement_id: i64) -> Result<i64, ApiError> {
    Ok(ins::table
        .filter(
            ins::arrangement_id
                .eq(arrangement_id)
                .and(ins::status.ne(InstallmentStatus::Paid.as_str())),
        )
        .count()
        .get_result(conn)?)
}

/// Takes back what payment `payment_id` paid of each installment (a missed installment stays
/// missed); returns the total taken back.
pub fn undo_payment(conn: &mut Conn, payment_id: i64) -> Result<i64, ApiError> {
    let parts: Vec<(i64, i64)> = pa::table
        .filter(pa::payment_id.eq(payment_id))
        .select((pa::installment_id, pa::amount))
        .load(conn)?;
    let ids: Vec<i64> = parts.iter().map(|(id, _)| *id).collect();
    let rows: Vec<InstallmentRow> = ins::table
        .filter(ins::id.eq_any(&ids))
        .select(InstallmentRow::as_select())
        .load(conn)?;
    let mut undone = 0;
    for i in rows {
        let part: i64 = parts
            .iter()
            .filter(|(id, _)| *id == i.id)
            .map(|(_, p)| p)
            .sum();
        let paid = i.paid_amount - part;
        let status = if i.status == InstallmentStatus::Missed.as_str() {
            InstallmentStatus::Missed
        } else {
            InstallmentStatus::from_paid(i.amount, paid)
        };
        diesel::update(ins::table.find(i.id))
            .set((ins::paid_amount.eq(paid), ins::status.eq(status.as_str())))
            .execute(conn)?;
        undone += part;
    }
    Ok(undone)
}

fn unpaid() -> [&'static str; 2] {
    [
        InstallmentStatus::Pending.as_str(),
        InstallmentStatus::PartiallyPaid.as_str(),
    ]
}

/// Active arrangements with an installment unpaid and due before `cutoff`, oldest first.
pub fn overdue_arrangements(
    conn: &mut Conn,
    cutoff: NaiveDate,
) -> Result<Vec<ArrangementRow>, ApiError> {
    Ok(ar::table
        .filter(ar::status.eq(ArrangementStatus::Active.as_str()))
        .filter(diesel::dsl::exists(
            ins::table.filter(
                ins::arrangement_id
                    .eq(ar::id)
                    .and(ins::status.eq_any(unpaid()))
                    .and(ins::due_on.lt(cutoff)),
            ),
        ))
        .select(ArrangementRow::as_select())
        .order(ar::id)
        .load(conn)?)
}

/// Marks the arrangement's installments unpaid and due before `cutoff` missed; how many.
pub fn mark_missed(
    conn: &mut Conn,
    arrangement_id: i64,
    cutoff: NaiveDate,
) -> Result<usize, ApiError> {
    Ok(diesel::update(
        ins::table.filter(
            ins::arrangement_id
                .eq(arrangement_id)
                .and(ins::status.eq_any(unpaid()))
                .and(ins::due_on.lt(cutoff)),
        ),
    )
    .set(ins::status.eq(InstallmentStatus::Missed.as_str()))
    .execute(conn)?)
}
