//! Sign-in state: failed attempts (for the 429 limit) and refresh tokens.
//!
//! Refresh tokens are random, stored only as SHA-256 hashes, single-use, and grouped in a
//! *family* (one sign-in and its successive refreshes). Presenting a token that was already used
//! revokes its whole family: either the client or a thief holds a copy, and both must sign in again.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{login_failures as lf, refresh_tokens as rt};
use super::{Conn, to_db_time};
use crate::error::ApiError;

/// Failed attempts counted per email.
pub const FAILURE_WINDOW: Duration = Duration::minutes(5);
/// More failures than this in the window → 429.
pub const MAX_FAILURES: i64 = 10;
/// Lifetime of a refresh token.
pub const REFRESH_TTL: Duration = Duration::days(30);

/// Seconds until the caller may try again, when `email` has used up its attempts.
pub fn locked_for(
    conn: &mut Conn,
    email: &str,
    now: DateTime<Utc>,
) -> Result<Option<u64>, ApiError> {
    let since = to_db_time(now - FAILURE_WINDOW);
    let recent: Vec<NaiveDateTime> = lf::table
        .filter(lf::email.eq(email).and(lf::failed_at.gt(since)))
        .select(lf::failed_at)
        .order(lf::failed_at.desc())
        .limit(MAX_FAILURES)
        .load(conn)?;
    if (recent.len() as i64) < MAX_FAILURES {
        return Ok(None);
    }
    // The oldest of the last MAX_FAILURES failures must leave the window first.
    let oldest = recent.last().copied().unwrap_or(since);
    let free_at = oldest.and_utc() + FAILURE_WINDOW;
    Ok(Some((free_at - now).num_seconds().max(1) as u64))
}

pub fn record_failure(conn: &mut Conn, email: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    diesel::insert_into(lf::table)
        .values((lf::email.eq(email), lf::failed_at.eq(to_db_time(now))))
        .execute(conn)?;
    // Keep the table small: older failures no longer count.
    diesel::delete(
        lf::table.filter(
            lf::email
                .eq(email)
                .and(lf::failed_at.le(to_db_time(now - FAILURE_WINDOW))),
        ),
    )
    .execute(conn)?;
    Ok(())
}

pub fn clear_failures(conn: &mut Conn, email: &str) -> Result<(), ApiError> {
    diesel::delete(lf::table.filter(lf::email.eq(email))).execute(conn)?;
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
