//! Steps taken: one row per segment entry and step, under a unique key, so a step is taken once
//! however many runs, on however many instances, try it: the insert that loses answers nothing.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::strategy_steps as ss;
use super::strategy_entries::StepTaken;
use super::{Conn, stored};
use crate::domain::strategy::StepAction;
use crate::error::ApiError;

/// A step to take.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = ss)]
pub struct NewStep {
    pub entry_id: i64,
    pub step_index: i32,
    pub account_id: i64,
    pub day: i32,
    pub action: String,
    pub run_id: i64,
    pub taken_on: NaiveDate,
    pub taken_at: chrono::NaiveDateTime,
    pub discount_percent: Option<i64>,
    pub expires_on: Option<NaiveDate>,
}

/// A step this run took (its insert won).
#[derive(Debug, Clone, Queryable)]
pub struct TakenStep {
    pub id: i64,
    pub entry_id: i64,
    pub step_index: i32,
    pub account_id: i64,
}

/// The step indexes already taken, per entry.
pub fn taken(conn: &mut Conn, entry_ids: &[i64]) -> Result<HashMap<i64, Vec<usize>>, ApiError> {
    let mut out: HashMap<i64, Vec<usize>> = HashMap::new();
    for (entry, index) in ss::table
        .filter(ss::entry_id.eq_any(entry_ids))
        .select((ss::entry_id, ss::step_index))
        .load::<(i64, i32)>(conn)?
    {
        out.entry(entry)
            .or_default()
            .push(usize::try_from(index).unwrap_or(usize::MAX));
    }
    Ok(out)
}

/// Takes the steps no other run took: inserts them in statements of 1,000 and answers those
/// inserted (a step another run holds is skipped by the unique key).
pub fn take(conn: &mut Conn, steps: &[NewStep]) -> Result<Vec<TakenStep>, ApiError> {
    let mut won = Vec::new();
    for chunk in steps.chunks(1000) {
        let columns = (ss::id, ss::entry_id, ss::step_index, ss::account_id);
        let rows: Vec<TakenStep> = match conn {
            super::DbConnection::Postgresql(c) => diesel::insert_into(ss::table)
                .values(chunk)
                .on_conflict_do_nothing()
                .returning(columns)
                .get_results(c)?,
            super::DbConnection::Sqlite(c) => diesel::insert_or_ignore_into(ss::table)
                .values(chunk)
                .returning(columns)
                .get_results(c)?,
        };
        won.extend(rows);
    }
    Ok(won)
}

/// The steps taken in an entry, in order.
pub fn of_entry(conn: &mut Conn, entry_id: i64) -> Result<Vec<StepTaken>, ApiError> {
    ss::table
        .filter(ss::entry_id.eq(entry_id))
        .order((ss::taken_on, ss::step_index))
        .select((
            ss::step_index,
            ss::day,
            ss::action,
            ss::taken_on,
            ss::discount_percent,
            ss::expires_on,
        ))
        .load::<(i32, i32, String, NaiveDate, Option<i64>, Option<NaiveDate>)>(conn)?
        .into_iter()
        .map(
            |(step_index, day, action, taken_on, discount_percent, expires_on)| {
                Ok(StepTaken {
                    step_index,
                    day,
                    action: stored("strategy_steps.action", &action)?,
                    taken_on,
                    discount_percent,
                    expires_on,
                })
            },
        )
        .collect()
}

/// The largest discount a standing settlement offer on the account allows on `day`, if any.
pub fn standing_offer(
    conn: &mut Conn,
    account_id: i64,
    day: NaiveDate,
) -> Result<Option<i64>, ApiError> {
    Ok(ss::table
        .filter(
            ss::account_id
                .eq(account_id)
                .and(ss::action.eq(StepAction::SettlementOffer.as_str()))
                .and(ss::taken_on.le(day))
                .and(ss::expires_on.ge(day)),
        )
        .select(diesel::dsl::max(ss::discount_percent))
        .first::<Option<i64>>(conn)?)
}
