//! Users: queries, scope, and the per-request re-check.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::audit::{self, AuditContext, Change};
use super::schema::users as u;
pub use super::user_session::{SessionFacts, confirm, recheck};
use super::{Conn, Violation, from_db_time, on_constraint, to_db_time};
use crate::actor::{Actor, TokenSubject};
use crate::domain::role::Role;
use crate::error::ApiError;

/// A user of arrears (never includes the password hash).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": 12, "email": "dana.agent@example.com", "name": "Dana Agent", "role": "agent",
    "team_id": 3, "active": true,
    "created_at": "2026-11-22T14:03:00Z", "updated_at": "2026-11-22T14:03:00Z"
}))]
pub struct User {
    pub id: i64,
    /// Sign-in email, stored lower-case; unique.
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The user's team; `null` for users outside any team.
    pub team_id: Option<i64>,
    /// `false` once deactivated: the user can no longer sign in, and tokens already issued stop working.
    pub active: bool,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = u)]
struct Row {
    id: i64,
    email: String,
    name: String,
    role: String,
    team_id: Option<i64>,
    active: bool,
    created_at: chrono::NaiveDateTime,
    updated_at: chrono::NaiveDateTime,
}
super::columns!(
    COLUMNS = u(
        id, email, name, role, team_id, active, created_at, updated_at,
    )
);

fn to_user(row: Row) -> Result<User, ApiError> {
    let Row {
        id,
        email,
        name,
        role,
        team_id,
        active,
        created_at,
        updated_at,
    } = row;
    let role: Role = super::stored("users.role", &role)?;
    Ok(User {
        id,
        email,
        name,
        role,
        team_id,
        active,
        created_at: from_db_time(created_at),
        updated_at: from_db_time(updated_at),
    })
}

fn json(user: &User) -> serde_json::Value {
    serde_json::to_value(user).unwrap_or_default()
}

/// The users `actor` may see: admin, auditor, manager and head see all; a team lead sees their
/// team and themselves; an agent sees only themselves.
fn visible_to(actor: &Actor) -> u::BoxedQuery<'static, super::MultiBackend> {
    let q = u::table.into_boxed();
    match actor.role {
        Role::Admin | Role::Auditor | Role::Manager | Role::Head => q,
        Role::TeamLead => match actor.team_id {
            Some(team) => q.filter(u::team_id.eq(team).or(u::id.eq(actor.user_id))),
            None => q.filter(u::id.eq(actor.user_id)),
        },
        Role::Agent => q.filter(u::id.eq(actor.user_id)),
    }
}

/// One user, if `actor` may see them.
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<User, ApiError> {
    let row: Option<Row> = visible_to(actor)
        .filter(u::id.eq(id))
        .select(Row::as_select())
        .first(conn)
        .optional()?;
    row.map(to_user)
        .unwrap_or_else(|| Err(ApiError::not_found("user")))
}

/// Filters of `GET /v1/users`.
#[derive(Debug, Default, Clone)]
pub struct UserFilter {
    pub role: Option<Role>,
    pub team_id: Option<i64>,
    pub active: Option<bool>,
}

/// Users `actor` may see, by id ascending, after `after`.
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    filter: &UserFilter,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<User>, ApiError> {
    let mut q = visible_to(actor);
    if let Some(role) = filter.role {
        q = q.filter(u::role.eq(role.as_str()));
    }
    if let Some(team) = filter.team_id {
        q = q.filter(u::team_id.eq(team));
    }
    if let Some(active) = filter.active {
        q = q.filter(u::active.eq(active));
    }
    if let Some(after) = after {
        q = q.filter(u::id.gt(after));
    }
    let rows: Vec<Row> = q
        .select(Row::as_select())
        .order(u::id.asc())
        .limit(limit)
        .load(conn)?;
    rows.into_iter().map(to_user).collect()
}

/// What it takes to create a user (already validated; `password_hash` is argon2id).
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub team_id: Option<i64>,
    pub password_hash: String,
}

fn email_taken() -> ApiError {
    ApiError::conflict("email-taken", "another user already has this email")
}

fn no_such_team() -> ApiError {
    ApiError::invalid("team_id", "no team has this id")
}

/// A taken email is a conflict, an unknown team the caller's field error (the database decides
/// both in the write itself).
const WRITE_REFUSALS: &[(Violation, &dyn Fn() -> ApiError)] = &[
    (Violation::Unique, &email_taken),
    (Violation::ForeignKey, &no_such_team),
];

/// Creates a user and audits it.
pub fn create(conn: &mut Conn, ctx: &AuditContext, new: NewUser) -> Result<User, ApiError> {
    let at = to_db_time(ctx.now);
    let row: Row = diesel::insert_into(u::table)
        .values((
            u::email.eq(new.email.to_lowercase()),
            u::name.eq(&new.name),
            u::role.eq(new.role.as_str()),
            u::team_id.eq(new.team_id),
            u::password_hash.eq(&new.password_hash),
            u::active.eq(true),
            u::created_at.eq(at),
            u::updated_at.eq(at),
        ))
        .returning(COLUMNS)
        .get_result(conn)
        .map_err(on_constraint(WRITE_REFUSALS))?;
    let user = to_user(row)?;
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "user",
            entity_id: user.id,
            action: "user.created",
            before: None,
            after: Some(json(&user)),
            account_id: None,
        },
    )?;
    Ok(user)
}

/// A partial update of a user; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct UserChanges {
    pub email: Option<String>,
    pub name: Option<String>,
    pub role: Option<Role>,
    /// `Some(None)` removes the user from their team.
    pub team_id: Option<Option<i64>>,
    pub active: Option<bool>,
    pub password_hash: Option<String>,
}

/// Applies `changes` to user `id` and audits the before and after.
pub fn update(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    changes: UserChanges,
) -> Result<User, ApiError> {
    let before = find_visible(conn, actor, id)?;
    if id == actor.user_id
        && (changes.active == Some(false) || changes.role.is_some_and(|r| r != actor.role))
    {
        return Err(ApiError::conflict(
            "self-lockout",
            "you cannot deactivate yourself or change your own role",
        ));
    }
    if changes.password_hash.is_some() && super::api_keys::is_service_user(conn, id)? {
        return Err(ApiError::conflict(
            "service-user",
            "this is an API key's service user: it signs in only with its key and takes no password",
        ));
    }
    let team_id = changes.team_id.unwrap_or(before.team_id);
    // A new password, another role or a deactivation ends every session of the user: tokens
    // issued before carry an older session version, and refresh tokens are revoked.
    let ends_sessions = changes.password_hash.is_some()
        || changes.role.is_some_and(|r| r != before.role)
        || changes.active == Some(false);
    let row: Row = diesel::update(u::table.find(id))
        .set((
            u::email.eq(changes
                .email
                .map(|e| e.to_lowercase())
                .unwrap_or_else(|| before.email.clone())),
            u::name.eq(changes.name.unwrap_or_else(|| before.name.clone())),
            u::role.eq(changes.role.unwrap_or(before.role).as_str()),
            u::team_id.eq(team_id),
            u::active.eq(changes.active.unwrap_or(before.active)),
            u::updated_at.eq(to_db_time(actor.now)),
            u::session_version.eq(u::session_version + i64::from(ends_sessions)),
        ))
        .returning(COLUMNS)
        .get_result(conn)
        .map_err(on_constraint(WRITE_REFUSALS))?;
    if let Some(hash) = &changes.password_hash {
        diesel::update(u::table.find(id))
            .set(u::password_hash.eq(hash))
            .execute(conn)?;
    }
    if ends_sessions {
        super::auth::revoke_user(conn, id, actor.now)?;
    }
    let after = to_user(row)?;
    let mut after_json = json(&after);
    if changes.password_hash.is_some() {
        after_json["password_changed"] = serde_json::Value::Bool(true);
    }
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "user",
            entity_id: id,
            action: "user.updated",
            before: Some(json(&before)),
            after: Some(after_json),
            account_id: None,
        },
    )?;
    Ok(after)
}

/// What sign-in needs: whom a token would be for, whether the user is active, the hash.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub subject: TokenSubject,
    pub active: bool,
    pub password_hash: String,
}

pub fn credentials_by_email(conn: &mut Conn, email: &str) -> Result<Option<Credentials>, ApiError> {
    let row: Option<(i64, String, Option<i64>, i64, bool, String)> = u::table
        .filter(u::email.eq(email.to_lowercase()))
        .select((
            u::id,
            u::role,
            u::team_id,
            u::session_version,
            u::active,
            u::password_hash,
        ))
        .first(conn)
        .optional()?;
    row.map(|(id, role, team_id, version, active, password_hash)| {
        Ok(Credentials {
            subject: subject(id, &role, team_id, version)?,
            active,
            password_hash,
        })
    })
    .transpose()
}

fn subject(
    id: i64,
    role: &str,
    team_id: Option<i64>,
    version: i64,
) -> Result<TokenSubject, ApiError> {
    Ok(TokenSubject {
        user_id: id,
        role: super::stored("users.role", role)?,
        team_id,
        session_version: version,
    })
}

/// Whom a new token would be for, when the user is active (for token refresh).
pub fn active_identity(conn: &mut Conn, id: i64) -> Result<Option<TokenSubject>, ApiError> {
    let row: Option<(String, Option<i64>, i64)> = u::table
        .filter(u::id.eq(id).and(u::active.eq(true)))
        .select((u::role, u::team_id, u::session_version))
        .first(conn)
        .optional()?;
    row.map(|(role, team, version)| subject(id, &role, team, version))
        .transpose()
}

/// How many users exist (bootstrap and demo run only on an empty user table).
pub fn count(conn: &mut Conn) -> Result<i64, ApiError> {
    Ok(u::table.count().get_result(conn)?)
}

/// Whether a user may still hold a session, and which one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Queryable)]
pub struct SessionState {
    pub user_id: i64,
    pub active: bool,
    pub session_version: i64,
}

/// The session states of `ids` (the event stream closes streams whose session ended).
pub fn session_states(conn: &mut Conn, ids: &[i64]) -> Result<Vec<SessionState>, ApiError> {
    Ok(u::table
        .filter(u::id.eq_any(ids))
        .select((u::id, u::active, u::session_version))
        .load(conn)?)
}
