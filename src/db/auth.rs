//! Sign-in state: the attempt throttle and refresh tokens.
//!
//! The throttle counts attempts in three buckets: one email from one client address (the limit a
//! user meets), one email from everywhere (far higher, so a stranger cannot lock a user out), and
//! one address across all emails (against spraying). An attempt is *claimed* before the password
//! is checked, in one write transaction whose upserts serialize on the bucket rows: sixty
//! concurrent wrong passwords get ten checks, not more. A successful sign-in gives its claim back.
//!
//! Refresh tokens are random, stored only as SHA-256 hashes, single-use, and grouped in a
//! *family* (one sign-in and its successive refreshes). Presenting a token that was already used
//! revokes its whole family: either the client or a thief holds a copy, and both must sign in again.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{refresh_tokens as rt, sign_in_throttle as st};
use super::{Conn, to_db_time, with_inner};
use crate::error::ApiError;

/// The window attempts are counted in.
pub const THROTTLE_WINDOW: Duration = Duration::minutes(5);
/// Failed attempts for one email from one address per window; the next one answers 429.
pub const MAX_PER_EMAIL_AND_ADDRESS: i64 = 10;
/// Failed attempts for one email from all addresses together per window.
pub const MAX_PER_EMAIL: i64 = 100;
/// Failed attempts from one address across all emails per window.
pub const MAX_PER_ADDRESS: i64 = 50;
/// Lifetime of a refresh token.
pub const REFRESH_TTL: Duration = Duration::days(30);

/// The throttle buckets of one attempt, with their limits, in lock order.
fn buckets(email: &str, address: &str) -> [(String, i64); 3] {
    let mut b = [
        (format!("address:{address}"), MAX_PER_ADDRESS),
        (format!("email:{email}"), MAX_PER_EMAIL),
        (
            format!("pair:{email} from {address}"),
            MAX_PER_EMAIL_AND_ADDRESS,
        ),
    ];
    // Always take the rows in the same order, so two claims never wait on each other in a cycle.
    b.sort();
    b
}

/// Counts an attempt for `email` from `address` before its password is checked. `Err(429)` with
/// the seconds until the fullest bucket's window ends, when any bucket has no attempt left; the
/// refused attempt is then not counted (the transaction rolls back).
pub fn claim_attempt(
    conn: &mut Conn,
    email: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let at = to_db_time(now);
    let stale = to_db_time(now - THROTTLE_WINDOW);
    let buckets = buckets(email, address);
    let names: Vec<&str> = buckets.iter().map(|(n, _)| n.as_str()).collect();
    diesel::delete(st::table.filter(st::bucket.eq_any(&names).and(st::window_start.le(stale))))
        .execute(conn)?;
    let mut retry_after = None;
    for (bucket, limit) in &buckets {
        let (attempts, window_start): (i64, NaiveDateTime) = with_inner!(conn, c => diesel::insert_into(st::table)
            .values((st::bucket.eq(bucket), st::window_start.eq(at), st::attempts.eq(1_i64)))
            .on_conflict(st::bucket)
            .do_update()
            .set(st::attempts.eq(st::attempts + 1_i64))
            .returning((st::attempts, st::window_start))
            .get_result(c))?;
        if attempts > *limit {
            let free_at = window_start.and_utc() + THROTTLE_WINDOW;
            let wait = (free_at - now).num_seconds().max(1) as u64;
            retry_after = Some(retry_after.map_or(wait, |w: u64| w.max(wait)));
        }
    }
    match retry_after {
        None => Ok(()),
        Some(retry_after) => Err(ApiError::TooManyRequests {
            retry_after,
            detail: "too many failed sign-in attempts for this email or from this address; wait and try again".into(),
        }),
    }
}

/// How a claimed sign-in attempt ended, when it is given back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptEnd {
    /// The password was right.
    SignedIn,
    /// The password was never checked (the pool was full).
    NotChecked,
}

/// Gives back the attempt of a sign-in that succeeded (or was never checked): the email's and
/// the address's counts drop by one, and after a success the email-from-this-address count
/// starts again.
pub fn release_attempt(
    conn: &mut Conn,
    email: &str,
    address: &str,
    end: AttemptEnd,
) -> Result<(), ApiError> {
    for (bucket, _) in buckets(email, address) {
        if end == AttemptEnd::SignedIn && bucket.starts_with("pair:") {
            diesel::delete(st::table.filter(st::bucket.eq(&bucket))).execute(conn)?;
        } else {
            diesel::update(st::table.filter(st::bucket.eq(&bucket).and(st::attempts.gt(0_i64))))
                .set(st::attempts.eq(st::attempts - 1_i64))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// Forgets every throttle window that has ended (run hourly).
pub fn purge_throttle(conn: &mut Conn, now: DateTime<Utc>) -> Result<usize, ApiError> {
    Ok(
        diesel::delete(st::table.filter(st::window_start.le(to_db_time(now - THROTTLE_WINDOW))))
            .execute(conn)?,
    )
}

/// Revokes every live refresh token of `user_id` (a password, role or activity change).
pub fn revoke_user(conn: &mut Conn, user_id: i64, now: DateTime<Utc>) -> Result<(), ApiError> {
    diesel::update(rt::table.filter(rt::user_id.eq(user_id).and(rt::revoked_at.is_null())))
        .set(rt::revoked_at.eq(to_db_time(now)))
        .execute(conn)?;
    Ok(())
}

/// Stores a new refresh token of `family`.
pub fn store_refresh(
    conn: &mut Conn,
    user_id: i64,
    family: &str,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    diesel::insert_into(rt::table)
        .values((
            rt::user_id.eq(user_id),
            rt::family_id.eq(family),
            rt::token_hash.eq(token_hash),
            rt::expires_at.eq(to_db_time(now + REFRESH_TTL)),
            rt::created_at.eq(to_db_time(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// What presenting a refresh token led to.
#[derive(Debug, PartialEq, Eq)]
pub enum Redemption {
    /// Valid and now used: issue a new pair in the same family.
    Redeemed { user_id: i64, family: String },
    /// Unknown, expired or revoked.
    Invalid,
    /// Already used: the family has been revoked.
    Reused,
}

type TokenRow = (
    i64,
    i64,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

/// Marks the token used (conditionally, so two concurrent refreshes cannot both succeed).
pub fn redeem(
    conn: &mut Conn,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Redemption, ApiError> {
    let at = to_db_time(now);
    let row: Option<TokenRow> = rt::table
        .filter(rt::token_hash.eq(token_hash))
        .select((
            rt::id,
            rt::user_id,
            rt::family_id,
            rt::expires_at,
            rt::used_at,
            rt::revoked_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, user_id, family, expires_at, used_at, revoked_at)) = row else {
        return Ok(Redemption::Invalid);
    };
    if revoked_at.is_some() || expires_at <= at {
        return Ok(Redemption::Invalid);
    }
    let won = used_at.is_none()
        && diesel::update(rt::table.filter(rt::id.eq(id).and(rt::used_at.is_null())))
            .set(rt::used_at.eq(at))
            .execute(conn)?
            == 1;
    if won {
        Ok(Redemption::Redeemed { user_id, family })
    } else {
        revoke_family(conn, &family, now)?;
        Ok(Redemption::Reused)
    }
}

/// Revokes every live token of the family the token belongs to (sign-out). Unknown → no-op.
pub fn revoke_by_token(
    conn: &mut Conn,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let family: Option<String> = rt::table
        .filter(rt::token_hash.eq(token_hash))
        .select(rt::family_id)
        .first(conn)
        .optional()?;
    if let Some(family) = family {
        revoke_family(conn, &family, now)?;
    }
    Ok(())
}

fn revoke_family(conn: &mut Conn, family: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    diesel::update(rt::table.filter(rt::family_id.eq(family).and(rt::revoked_at.is_null())))
        .set(rt::revoked_at.eq(to_db_time(now)))
        .execute(conn)?;
    Ok(())
}
