//! Who is calling (`Actor`) and whom a token is for (`TokenSubject`): plain data that the
//! database layer takes, kept apart from the HTTP authentication in `auth`, so that `db` never
//! imports `auth`.

use chrono::{DateTime, Utc};

use crate::domain::role::Role;

/// Who is calling, with the request's id and clock: everything the database layer needs to
/// check scope and write audit events.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: i64,
    pub role: Role,
    pub team_id: Option<i64>,
    pub request_id: String,
    pub now: DateTime<Utc>,
    /// The session version of the caller's token (checked by `db::users::recheck`).
    pub session_version: i64,
}

/// Whom an access token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSubject {
    pub user_id: i64,
    pub role: Role,
    pub team_id: Option<i64>,
    /// `users.session_version` at issue.
    pub session_version: i64,
}
