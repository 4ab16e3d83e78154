//! API keys for scripts: a key with a role and optional team acts as its own service user, so
//! the role extractors, the scopes and the audit log treat it like a person. Created and revoked
//! by admins, audited; the key is shown once and only its SHA-256 is kept.

use rand::Rng;

use crate::actor::Actor;
use crate::db::Conn;
use crate::db::api_keys::{self, ApiKey, KEY_PREFIX, NewApiKey};
use crate::db::audit::{self, AuditContext, Change};
use crate::db::users::{self, NewUser, UserChanges};
use crate::domain::role::Role;
use crate::error::ApiError;

/// How many characters of the key stay visible in lists.
const SHOWN: usize = 10;

fn new_key() -> String {
    let body: String = rand::rng()
        .sample_iter(&rand::distr::Alphanumeric)
        .take(40)
        .map(char::from)
        .collect();
    format!("{KEY_PREFIX}{body}")
}

/// A key to create.
#[derive(Debug, Clone)]
pub struct NewKey {
    pub name: String,
    pub role: Role,
    pub team_id: Option<i64>,
}

fn audited(conn: &mut Conn, actor: &Actor, key: &ApiKey, action: &str) -> Result<(), ApiError> {
    audit::record(
        conn,
        &AuditContext::from(actor),
        Change {
            entity_type: "api_key",
            entity_id: key.id,
            action,
            before: None,
            after: Some(serde_json::to_value(key).unwrap_or_default()),
            account_id: None,
        },
    )
}

/// Creates the key's service user (no usable password) and the key; answers it with the key.
pub fn create(conn: &mut Conn, actor: &Actor, new: NewKey) -> Result<ApiKey, ApiError> {
    let key = new_key();
    let user = users::create(
        conn,
        &AuditContext::from(actor),
        NewUser {
            email: format!("{}@api-keys.arrears.invalid", uuid::Uuid::new_v4().simple()),
            name: format!("API key: {}", new.name),
            role: new.role,
            team_id: new.team_id,
            // Not a PHC string: no password ever verifies against it.
            password_hash: "!api-key".into(),
        },
    )?;
    let stored = api_keys::insert(
        conn,
        &NewApiKey {
            user_id: user.id,
            name: new.name,
            prefix: key.chars().take(SHOWN).collect(),
            key_hash: crate::tokens::secret_hash(&key),
            created_by: actor.user_id,
            created_at: actor.now,
        },
    )?;
    audited(conn, actor, &stored, "api_key.created")?;
    Ok(ApiKey {
        key: Some(key),
        ..stored
    })
}

/// Revokes key `id` and deactivates its service user (ending anything it had open, such as a
/// stream). Revoking a revoked key changes nothing.
pub fn revoke(conn: &mut Conn, actor: &Actor, id: i64) -> Result<ApiKey, ApiError> {
    let before = api_keys::find(conn, id)?;
    if before.revoked_at.is_some() {
        return Ok(before);
    }
    let key = api_keys::revoke(conn, id, actor.now)?;
    users::update(
        conn,
        actor,
        key.user_id,
        UserChanges {
            active: Some(false),
            ..UserChanges::default()
        },
    )?;
    audited(conn, actor, &key, "api_key.revoked")?;
    Ok(key)
}
