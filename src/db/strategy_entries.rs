//! Segment entries: an account's stay in one segment of a strategy, in its arm, from the day it
//! entered (`left_on` null while it stays). One open entry per account and strategy (a unique
//! partial index), so two runs opening the same entry open it once.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::strategy_entries as se;
use super::{Conn, stored};
use crate::domain::strategy::Arm;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = se)]
pub struct EntryRow {
    pub id: i64,
    pub strategy_id: i64,
    pub account_id: i64,
    pub arm: String,
    pub segment: String,
    pub entered_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
    pub balance_at_entry: i64,
    pub currency: String,
}

impl EntryRow {
    pub fn arm(&self) -> Result<Arm, ApiError> {
        stored("strategy_entries.arm", &self.arm)
    }
}

/// An entry to open.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = se)]
pub struct NewEntry {
    pub strategy_id: i64,
    pub account_id: i64,
    pub arm: String,
    pub segment: String,
    pub entered_on: NaiveDate,
    pub balance_at_entry: i64,
    pub currency: String,
}

/// The open entries of `account_ids` in `strategy_id`.
pub fn open_of(
    conn: &mut Conn,
    strategy_id: i64,
    account_ids: &[i64],
) -> Result<Vec<EntryRow>, ApiError> {
    Ok(se::table
        .filter(
            se::strategy_id
                .eq(strategy_id)
                .and(se::account_id.eq_any(account_ids))
                .and(se::left_on.is_null()),
        )
        .select(EntryRow::as_select())
        .load(conn)?)
}

/// Ends the given entries on `day` (those still open).
pub fn close(conn: &mut Conn, ids: &[i64], day: NaiveDate) -> Result<usize, ApiError> {
    if ids.is_empty() {
        return Ok(0);
    }
    Ok(
        diesel::update(se::table.filter(se::id.eq_any(ids).and(se::left_on.is_null())))
            .set(se::left_on.eq(Some(day)))
            .execute(conn)?,
    )
}

/// Opens entries, in statements of 1,000 rows; an account that already has an open entry (a
/// concurrent run opened it) keeps that one.
pub fn open(conn: &mut Conn, entries: &[NewEntry]) -> Result<(), ApiError> {
    for chunk in entries.chunks(1000) {
        match conn {
            super::DbConnection::Postgresql(c) => diesel::insert_into(se::table)
                .values(chunk)
                .on_conflict_do_nothing()
                .execute(c)?,
            super::DbConnection::Sqlite(c) => diesel::insert_or_ignore_into(se::table)
                .values(chunk)
                .execute(c)?,
        };
    }
    Ok(())
}

/// The account's entry in a strategy: the open one, else the last.
pub fn latest(
    conn: &mut Conn,
    strategy_id: i64,
    account_id: i64,
) -> Result<Option<EntryRow>, ApiError> {
    Ok(se::table
        .filter(
            se::strategy_id
                .eq(strategy_id)
                .and(se::account_id.eq(account_id)),
        )
        .order((se::left_on.is_null().desc(), se::id.desc()))
        .select(EntryRow::as_select())
        .first(conn)
        .optional()?)
}

/// A step taken, as the account's strategy view shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"step_index": 0, "day": 0, "action": "call", "taken_on": "2026-11-28", "discount_percent": null, "expires_on": null}))]
pub struct StepTaken {
    /// The step's place in the segment's treatment (0 first).
    pub step_index: i32,
    pub day: i32,
    pub action: crate::domain::strategy::StepAction,
    pub taken_on: NaiveDate,
    /// A settlement offer's largest discount.
    pub discount_percent: Option<i64>,
    /// The last day a settlement offer stands.
    pub expires_on: Option<NaiveDate>,
}
