//! Single-use tokens for the event stream: browsers' `EventSource` cannot send an
//! `Authorization` header, so a signed-in client asks for a token valid 60 s and opens
//! `GET /v1/events/stream?stream_token=…` with it. Only its SHA-256 is stored.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::stream_tokens as st;
use super::schema::users as u;
use super::{Conn, from_db_time, stored, to_db_time};
use crate::actor::TokenSubject;
use crate::error::ApiError;

/// A token to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = st)]
pub struct NewStreamToken {
    pub token_hash: String,
    pub user_id: i64,
    pub expires_at: chrono::NaiveDateTime,
    pub session_expires_at: chrono::NaiveDateTime,
}

/// Stores a token, and forgets the ones that expired a day ago.
pub fn issue(conn: &mut Conn, token: &NewStreamToken, now: DateTime<Utc>) -> Result<(), ApiError> {
    diesel::delete(
        st::table.filter(st::expires_at.lt(to_db_time(now - chrono::Duration::days(1)))),
    )
    .execute(conn)?;
    diesel::insert_into(st::table).values(token).execute(conn)?;
    Ok(())
}

/// Whom a redeemed token is for, and until when its stream may stay open.
#[derive(Debug, Clone, Copy)]
pub struct StreamGrant {
    pub subject: TokenSubject,
    pub session_expires_at: DateTime<Utc>,
}

/// Spends the token with this hash: `None` when it is unknown, used or expired, or its user is
/// no longer active. The conditional update makes it single-use across instances.
pub fn redeem(
    conn: &mut Conn,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<StreamGrant>, ApiError> {
    let at = to_db_time(now);
    let spent = diesel::update(
        st::table.filter(
            st::token_hash
                .eq(token_hash)
                .and(st::used_at.is_null())
                .and(st::expires_at.gt(at)),
        ),
    )
    .set(st::used_at.eq(at))
    .execute(conn)?;
    if spent != 1 {
        return Ok(None);
    }
    let row: Option<(i64, chrono::NaiveDateTime, String, Option<i64>, i64)> = st::table
        .inner_join(u::table.on(u::id.eq(st::user_id)))
        .filter(st::token_hash.eq(token_hash).and(u::active.eq(true)))
        .select((
            u::id,
            st::session_expires_at,
            u::role,
            u::team_id,
            u::session_version,
        ))
        .first(conn)
        .optional()?;
    row.map(|(user_id, until, role, team_id, session_version)| {
        Ok(StreamGrant {
            subject: TokenSubject {
                user_id,
                role: stored("users.role", &role)?,
                team_id,
                session_version,
            },
            session_expires_at: from_db_time(until),
        })
    })
    .transpose()
}
