//! API keys: each names its service user (whose role and team it acts with) and stores only the
//! key's SHA-256.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::{api_keys as k, users as u};
use super::{Conn, from_db_time, to_db_time};
use crate::actor::TokenSubject;
use crate::domain::role::Role;
use crate::error::ApiError;

/// Every key starts with this, so a client (and a secret scanner) can tell a key from a JWT.
pub const KEY_PREFIX: &str = "ak_";

/// A service account's key. The key itself is only in the answer to `POST /v1/api-keys`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": 4, "name": "nightly ledger export", "role": "auditor", "team_id": null,
    "user_id": 31, "prefix": "ak_7Hq2xW", "created_by": 1,
    "created_at": "2026-12-01T09:00:00.000000Z", "last_used_at": "2026-12-01T09:05:12.204311Z",
    "revoked_at": null
}))]
pub struct ApiKey {
    pub id: i64,
    /// What the key is for, as its creator named it.
    pub name: String,
    /// The role the key acts with.
    pub role: Role,
    /// The team it acts for (team leads and agents).
    pub team_id: Option<i64>,
    /// The key's service user: the actor of everything done with it in the audit log.
    pub user_id: i64,
    /// The key's first characters, to tell keys apart.
    pub prefix: String,
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    /// When a request last authenticated with it (updated at most once a minute).
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub last_used_at: Option<DateTime<Utc>>,
    /// When it was revoked; a revoked key is refused with 401 `session-revoked`.
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub revoked_at: Option<DateTime<Utc>>,
    /// The key: only in the answer to `POST /v1/api-keys`. Keep it; it is never shown again.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "ak_7Hq2xWcL0pRk3vN9sT4yB6mD8fJ1gZ5aQeUoXiYw")]
    pub key: Option<String>,
}

#[derive(Debug, Clone, Queryable)]
struct Row {
    id: i64,
    name: String,
    user_id: i64,
    prefix: String,
    created_by: Option<i64>,
    created_at: NaiveDateTime,
    last_used_at: Option<NaiveDateTime>,
    revoked_at: Option<NaiveDateTime>,
    role: String,
    team_id: Option<i64>,
}

type Columns = (
    k::id,
    k::name,
    k::user_id,
    k::prefix,
    k::created_by,
    k::created_at,
    k::last_used_at,
    k::revoked_at,
    u::role,
    u::team_id,
);
const COLUMNS: Columns = (
    k::id,
    k::name,
    k::user_id,
    k::prefix,
    k::created_by,
    k::created_at,
    k::last_used_at,
    k::revoked_at,
    u::role,
    u::team_id,
);

fn to_key(r: Row) -> Result<ApiKey, ApiError> {
    Ok(ApiKey {
        id: r.id,
        name: r.name,
        role: super::stored("users.role", &r.role)?,
        team_id: r.team_id,
        user_id: r.user_id,
        prefix: r.prefix,
        created_by: r.created_by,
        created_at: from_db_time(r.created_at),
        last_used_at: r.last_used_at.map(from_db_time),
        revoked_at: r.revoked_at.map(from_db_time),
        key: None,
    })
}

/// A key to store (its service user already created).
#[derive(Debug, Clone)]
pub struct NewApiKey {
    pub user_id: i64,
    pub name: String,
    pub prefix: String,
    pub key_hash: String,
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
}

pub fn insert(conn: &mut Conn, new: &NewApiKey) -> Result<ApiKey, ApiError> {
    let id: i64 = diesel::insert_into(k::table)
        .values((
            k::user_id.eq(new.user_id),
            k::name.eq(&new.name),
            k::prefix.eq(&new.prefix),
            k::key_hash.eq(&new.key_hash),
            k::created_by.eq(new.created_by),
            k::created_at.eq(to_db_time(new.created_at)),
        ))
        .returning(k::id)
        .get_result(conn)?;
    find(conn, id)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<ApiKey, ApiError> {
    let row: Option<Row> = k::table
        .inner_join(u::table)
        .filter(k::id.eq(id))
        .select(COLUMNS)
        .first(conn)
        .optional()?;
    row.map(to_key)
        .transpose()?
        .ok_or_else(|| ApiError::not_found("API key"))
}

/// Keys in id order after `after`, at most `limit`.
pub fn list(conn: &mut Conn, after: Option<i64>, limit: i64) -> Result<Vec<ApiKey>, ApiError> {
    let rows: Vec<Row> = k::table
        .inner_join(u::table)
        .filter(k::id.gt(after.unwrap_or(0)))
        .order(k::id.asc())
        .limit(limit)
        .select(COLUMNS)
        .load(conn)?;
    rows.into_iter().map(to_key).collect()
}

/// Marks key `id` revoked at `at` (a revoked key stays revoked at its first time).
pub fn revoke(conn: &mut Conn, id: i64, at: DateTime<Utc>) -> Result<ApiKey, ApiError> {
    diesel::update(k::table.filter(k::id.eq(id).and(k::revoked_at.is_null())))
        .set(k::revoked_at.eq(to_db_time(at)))
        .execute(conn)?;
    find(conn, id)
}

/// Whom a presented key acts as.
#[derive(Debug, Clone)]
pub enum Holder {
    /// A live key of an active service user.
    Live {
        key_id: i64,
        subject: TokenSubject,
        last_used_at: Option<DateTime<Utc>>,
    },
    /// A revoked key, or one whose service user is deactivated.
    Revoked,
    /// No key has this hash.
    Unknown,
}

/// Looks a key up by its hash, with its service user's role, team and session version.
pub fn holder(conn: &mut Conn, key_hash: &str) -> Result<Holder, ApiError> {
    type Found = (
        i64,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        i64,
        String,
        Option<i64>,
        i64,
        bool,
    );
    let row: Option<Found> = k::table
        .inner_join(u::table)
        .filter(k::key_hash.eq(key_hash))
        .select((
            k::id,
            k::last_used_at,
            k::revoked_at,
            u::id,
            u::role,
            u::team_id,
            u::session_version,
            u::active,
        ))
        .first(conn)
        .optional()?;
    let Some((key_id, last_used, revoked, user_id, role, team_id, version, active)) = row else {
        return Ok(Holder::Unknown);
    };
    if revoked.is_some() || !active {
        return Ok(Holder::Revoked);
    }
    Ok(Holder::Live {
        key_id,
        subject: TokenSubject {
            user_id,
            role: super::stored("users.role", &role)?,
            team_id,
            session_version: version,
        },
        last_used_at: last_used.map(from_db_time),
    })
}

/// Records that key `id` was used at `at`.
pub fn touch(conn: &mut Conn, id: i64, at: DateTime<Utc>) -> Result<(), ApiError> {
    diesel::update(k::table.find(id))
        .set(k::last_used_at.eq(to_db_time(at)))
        .execute(conn)?;
    Ok(())
}

/// Whether this user is an API key's service user (it signs in only with its key).
pub fn is_service_user(conn: &mut Conn, user_id: i64) -> Result<bool, ApiError> {
    Ok(
        diesel::select(diesel::dsl::exists(k::table.filter(k::user_id.eq(user_id))))
            .get_result(conn)?,
    )
}
