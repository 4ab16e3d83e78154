//! The caller's session, re-checked against their user row on every request: the rules of
//! [`recheck`] in one place, also applied by statements that read the row beside their own.

use diesel::prelude::*;

use super::schema::{policy_version as pv, users as u};
use super::{Conn, policy_cache};
use crate::actor::Actor;
use crate::error::ApiError;

/// What the re-check reads of the caller's user row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = u)]
pub struct SessionFacts {
    role: String,
    team_id: Option<i64>,
    active: bool,
    session_version: i64,
}

/// Re-reads the caller: refuses a deactivated or deleted user, one whose role changed since
/// the token was issued, or a token older than the user's last password, role or activity change
/// (its session version); refreshes the team from the database.
/// The same statement reads the policies' stamp for the request ([`policy_cache::seen`]).
pub fn recheck(conn: &mut Conn, actor: Actor) -> Result<Actor, ApiError> {
    let stamp = pv::table.find(1i64).select(pv::stamp).single_value();
    let row: Option<(SessionFacts, Option<i64>)> = u::table
        .find(actor.user_id)
        .select((SessionFacts::as_select(), stamp))
        .first(conn)
        .optional()?;
    if let Some((_, Some(stamp))) = row {
        policy_cache::seen(stamp);
    }
    confirm(actor, row.map(|(facts, _)| facts))
}

/// The re-check's verdict on the caller's user row as stored now (`None`: there is none), for
/// [`recheck`] and for statements that read the row beside their own (`db::account_read`).
pub fn confirm(mut actor: Actor, row: Option<SessionFacts>) -> Result<Actor, ApiError> {
    match row {
        Some(f) if f.active && f.role == actor.role.as_str() => {
            if f.session_version != actor.session_version {
                return Err(ApiError::session_revoked(
                    "this session was ended by a change of password, role or status; sign in again",
                ));
            }
            actor.team_id = f.team_id;
            Ok(actor)
        }
        Some(f) if f.active => Err(ApiError::session_revoked(
            "your role has changed since this token was issued; sign in again",
        )),
        _ => Err(ApiError::session_revoked(
            "this user is deactivated or no longer exists",
        )),
    }
}

/// The caller's user row as scalar sub-selects (role, team, active, session version), for a
/// statement over other tables that re-checks the session in passing ([`confirm_columns`]).
macro_rules! caller_columns {
    ($user_id:expr) => {{
        use $crate::db::schema::users as caller_u;
        let id: i64 = $user_id;
        (
            caller_u::table
                .find(id)
                .select(caller_u::role)
                .single_value(),
            caller_u::table
                .find(id)
                .select(caller_u::team_id)
                .single_value(),
            caller_u::table
                .find(id)
                .select(caller_u::active)
                .single_value(),
            caller_u::table
                .find(id)
                .select(caller_u::session_version)
                .single_value(),
        )
    }};
}
pub(crate) use caller_columns;

/// What [`caller_columns!`] reads (all `None` when there is no such user).
pub type CallerColumns = (Option<String>, Option<i64>, Option<bool>, Option<i64>);

/// [`confirm`] on the caller's row as [`caller_columns!`] read it.
pub fn confirm_columns(actor: Actor, columns: CallerColumns) -> Result<Actor, ApiError> {
    let (role, team_id, active, session_version) = columns;
    let row = match (role, active, session_version) {
        (Some(role), Some(active), Some(session_version)) => Some(SessionFacts {
            role,
            team_id,
            active,
            session_version,
        }),
        _ => None,
    };
    confirm(actor, row)
}

/// A caller whose session has not been re-checked yet, for work that re-checks it inside its own
/// first statement instead of a statement of its own (the logged call's account lock,
/// `db::contact_subject`). The confirmed caller is reached only through a re-check.
#[derive(Debug, Clone)]
pub struct Unconfirmed(Actor);

impl Unconfirmed {
    pub fn new(actor: Actor) -> Self {
        Self(actor)
    }

    /// What the token claims, for the re-checking statement's parameters (the user id, the
    /// role's scope); not to be acted on before [`Self::confirm`].
    pub fn claimed(&self) -> &Actor {
        &self.0
    }

    /// The re-check in a statement of its own ([`recheck`]).
    pub fn recheck(self, conn: &mut Conn) -> Result<Actor, ApiError> {
        recheck(conn, self.0)
    }

    /// The re-check's verdict on the caller's row as a statement read it ([`caller_columns!`]),
    /// noting the policies' stamp read beside it ([`policy_cache::seen`]).
    pub fn confirm(self, columns: CallerColumns, stamp: Option<i64>) -> Result<Actor, ApiError> {
        let actor = confirm_columns(self.0, columns)?;
        if let Some(stamp) = stamp {
            policy_cache::seen(stamp);
        }
        Ok(actor)
    }
}
