//! Stored `Idempotency-Key`s.
//!
//! A key is first *claimed* in its own short statement (a row `in_flight`), so a concurrent
//! request with the same key sees it at once and answers 409; the response is then stored in
//! the same transaction as the request's effect (`complete`), so a key is never recorded as done
//! without its effect, nor the effect without its key. A failed request releases its claim.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use super::schema::idempotency_keys as ik;
use super::{Conn, is_unique_violation, to_db_time};
use crate::error::ApiError;

/// Keys are kept this long; older ones may be reused for new requests and are purged.
pub const RETENTION: Duration = Duration::hours(24);
/// An `in_flight` claim older than this belongs to a request that died; it may be taken over.
pub const ABANDONED_AFTER: Duration = Duration::seconds(60);

/// What a claim found.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// The key is ours: run the request.
    Fresh,
    /// The request already ran: answer what it answered.
    Replay(Answer),
    /// The same key is running right now.
    InFlight,
    /// The key was used with another request.
    Mismatch,
}

/// What a request answered, kept for its replays.
#[derive(Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    /// The `Location` header of a 201.
    pub location: Option<String>,
}

type Stored = (
    i64,
    String,
    String,
    Option<i32>,
    Option<String>,
    Option<String>,
    chrono::NaiveDateTime,
    chrono::NaiveDateTime,
);

pub fn claim(
    conn: &mut Conn,
    user_id: i64,
    key: &str,
    fingerprint: &str,
    now: DateTime<Utc>,
) -> Result<Claim, ApiError> {
    let at = to_db_time(now);
    let inserted = diesel::insert_into(ik::table)
        .values((
            ik::user_id.eq(user_id),
            ik::idem_key.eq(key),
            ik::fingerprint.eq(fingerprint),
            ik::state.eq("in_flight"),
            ik::created_at.eq(at),
            ik::locked_at.eq(at),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => return Ok(Claim::Fresh),
        Err(e) if is_unique_violation(&e) => {}
        Err(e) => return Err(e.into()),
    }
    let (id, stored_fp, state, status, body, location, created_at, locked_at): Stored = ik::table
        .filter(ik::user_id.eq(user_id).and(ik::idem_key.eq(key)))
        .select((
            ik::id,
            ik::fingerprint,
            ik::state,
            ik::response_status,
            ik::response_body,
            ik::response_location,
            ik::created_at,
            ik::locked_at,
        ))
        .first(conn)?;
    let expired = created_at < to_db_time(now - RETENTION);
    let abandoned = state == "in_flight" && locked_at < to_db_time(now - ABANDONED_AFTER);
    if expired || (abandoned && stored_fp == fingerprint) {
        // Take the key over, unless another request just did.
        let taken =
            diesel::update(ik::table.filter(ik::id.eq(id).and(ik::locked_at.eq(locked_at))))
                .set((
                    ik::fingerprint.eq(fingerprint),
                    ik::state.eq("in_flight"),
                    ik::response_status.eq(None::<i32>),
                    ik::response_body.eq(None::<String>),
                    ik::response_location.eq(None::<String>),
                    ik::created_at.eq(at),
                    ik::locked_at.eq(at),
                ))
                .execute(conn)?;
        return Ok(if taken == 1 {
            Claim::Fresh
        } else {
            Claim::InFlight
        });
    }
    if stored_fp != fingerprint {
        return Ok(Claim::Mismatch);
    }
    match (state.as_str(), status, body) {
        ("completed", Some(status), Some(body)) => Ok(Claim::Replay(Answer {
            status: status as u16,
            body,
            location,
        })),
        _ => Ok(Claim::InFlight),
    }
}

/// Stores the response (status, body and `Location`); call inside the request's transaction.
pub fn complete(
    conn: &mut Conn,
    user_id: i64,
    key: &str,
    status: u16,
    body: &str,
    location: Option<&str>,
) -> Result<(), ApiError> {
    diesel::update(ik::table.filter(ik::user_id.eq(user_id).and(ik::idem_key.eq(key))))
        .set((
            ik::state.eq("completed"),
            ik::response_status.eq(i32::from(status)),
            ik::response_body.eq(body),
            ik::response_location.eq(location),
        ))
        .execute(conn)?;
    Ok(())
}

/// Drops an unfinished claim after the request failed, so a retry runs it again.
pub fn release(conn: &mut Conn, user_id: i64, key: &str) -> Result<(), ApiError> {
    diesel::delete(
        ik::table.filter(
            ik::user_id
                .eq(user_id)
                .and(ik::idem_key.eq(key))
                .and(ik::state.eq("in_flight")),
        ),
    )
    .execute(conn)?;
    Ok(())
}

/// Deletes keys past retention; returns how many.
pub fn purge(conn: &mut Conn, now: DateTime<Utc>) -> Result<usize, ApiError> {
    Ok(
        diesel::delete(ik::table.filter(ik::created_at.lt(to_db_time(now - RETENTION))))
            .execute(conn)?,
    )
}
