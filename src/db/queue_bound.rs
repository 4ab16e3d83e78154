//! The daily re-rank: each workable account's queue bound, an upper bound of its priority through
//! the day (UTC), so the queue reads an agent's accounts in bound order and ranks only the first
//! few (`queue_rank`). The bound is the domain's `prioritize` of the account's facts at their
//! highest during the day: today's days past due, installments due by today, a follow-up due by
//! the day's end, an arrangement broken in the last 30 days. Nothing else raises a priority
//! without a write, and every write that can raise one marks the account unranked
//! ([`UNRANKED`], the triggers of migration `…_queue_bound`). The bound equals the priority
//! except for a follow-up due later in the day, so the queue rarely reads past its page. From
//! midnight until the day's re-rank (the sweep's first tick of the day), the queue ranks every
//! candidate instead.
//!
//! Batches of [`BATCH`] accounts, each in a transaction of its own that first locks its accounts
//! (PostgreSQL; SQLite's write transaction excludes every other writer) and only then reads their
//! facts, in a statement of its own: a write that marks an account either committed before that
//! read, which sees it, or waits for the batch's lock and marks the account after it.

use chrono::{DateTime, Days, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use std::collections::HashSet;
use std::fmt::Write as _;

use super::queue_rank::{FactRow, bind_facts, queue_fact_columns};
use super::schema::queue_rank as qr;
use super::{Conn, DbConnection, placeholders, to_db_time, write_tx};
use crate::domain::account::AccountStatus;
use crate::domain::queue::prioritize;
use crate::error::ApiError;

/// A bound no priority reaches: the account's facts changed since its last re-rank.
pub const UNRANKED: i64 = i64::MAX;

/// Accounts per transaction.
pub const BATCH: i64 = 2000;

/// The next batch of workable accounts, locked (PostgreSQL adds `FOR UPDATE`). Unassigned ones
/// too: an assignment moves an account into a queue without marking it.
const BATCH_IDS: &str = "\
SELECT id FROM accounts WHERE id > $1 AND status IN ($2, $3) ORDER BY id LIMIT $4";

/// The facts of the workable accounts from `$7` to `$8`.
const FACTS: &str = concat!(
    "\
SELECT m.id, m.balance, m.status, m.delinquent_since, m.first_contact_at, m.follow_up_open_at,
  ",
    queue_fact_columns!(),
    "
FROM accounts m
WHERE m.id BETWEEN $7 AND $8 AND m.status IN ($9, $10)"
);

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The day the stored bounds were computed (and hold for), if ever.
pub fn ranked_on(conn: &mut Conn) -> Result<Option<NaiveDate>, ApiError> {
    Ok(qr::table
        .find(1)
        .select(qr::ranked_on)
        .first::<Option<NaiveDate>>(conn)
        .optional()?
        .flatten())
}

/// Re-ranks every workable account unless that was done today (by `now`'s date); the number
/// re-ranked, `None` when it was not due. `between` runs after each batch (a lease's renewal).
pub fn rerank_if_due(
    conn: &mut Conn,
    now: DateTime<Utc>,
    between: impl FnMut(&mut Conn) -> Result<(), ApiError>,
) -> Result<Option<usize>, ApiError> {
    if ranked_on(conn)? == Some(now.date_naive()) {
        return Ok(None);
    }
    rerank(conn, now, between).map(Some)
}

/// Re-ranks every workable account as of `now`, then records the day. The number re-ranked.
pub fn rerank(
    conn: &mut Conn,
    now: DateTime<Utc>,
    mut between: impl FnMut(&mut Conn) -> Result<(), ApiError>,
) -> Result<usize, ApiError> {
    let (mut after, mut ranked) = (0, 0);
    while let Some((last, count)) = write_tx(conn, |tx| rerank_batch(tx, now, after))? {
        ranked += count;
        after = last;
        between(conn)?;
    }
    write_tx(conn, |tx| {
        Ok(diesel::update(qr::table.find(1))
            .set(qr::ranked_on.eq(Some(now.date_naive())))
            .execute(tx)?)
    })?;
    Ok(ranked)
}

/// One batch after account `after`: its last id and how many bounds it wrote; `None` when no
/// workable account is left.
fn rerank_batch(
    conn: &mut Conn,
    now: DateTime<Utc>,
    after: i64,
) -> Result<Option<(i64, usize)>, ApiError> {
    let lock = match conn {
        DbConnection::Postgresql(_) => format!("{BATCH_IDS} FOR UPDATE"),
        DbConnection::Sqlite(_) => placeholders(conn, BATCH_IDS),
    };
    let (open, arranged) = (AccountStatus::Open, AccountStatus::InArrangement);
    let ids: Vec<Id> = diesel::sql_query(lock)
        .bind::<BigInt, _>(after)
        .bind::<Text, _>(open.as_str())
        .bind::<Text, _>(arranged.as_str())
        .bind::<BigInt, _>(BATCH)
        .load(conn)?;
    let (Some(first), Some(last)) = (ids.first().map(|i| i.id), ids.last().map(|i| i.id)) else {
        return Ok(None);
    };
    let today = now.date_naive();
    let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
    let since = to_db_time(now - chrono::Duration::days(30));
    let rows: Vec<FactRow> = bind_facts(placeholders(conn, FACTS), since, today, today)
        .bind::<BigInt, _>(first)
        .bind::<BigInt, _>(last)
        .bind::<Text, _>(open.as_str())
        .bind::<Text, _>(arranged.as_str())
        .load(conn)?;
    let locked: HashSet<i64> = ids.iter().map(|i| i.id).collect();
    let day_end = tomorrow.and_time(chrono::NaiveTime::MIN);
    let mut values = String::new();
    let mut count = 0;
    for row in rows.iter().filter(|r| locked.contains(&r.id)) {
        let bound = prioritize(&row.facts(today, day_end)?).score;
        let comma = if count == 0 { "" } else { "," };
        // Integers this function computed: nothing from outside reaches the text.
        let _ = write!(values, "{comma}({}, {bound})", row.id);
        count += 1;
    }
    if count > 0 {
        diesel::sql_query(format!(
            "UPDATE accounts SET queue_bound = v.column2 FROM (VALUES {values}) AS v \
             WHERE accounts.id = v.column1 AND accounts.queue_bound <> v.column2"
        ))
        .execute(conn)?;
    }
    Ok(Some((last, count)))
}
