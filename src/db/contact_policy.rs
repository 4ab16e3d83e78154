//! The contact policy: one stored document (absent: the Regulation F defaults).

use diesel::prelude::*;

use chrono::{DateTime, Utc};

use super::audit::{self, AuditContext, Change};
use super::policy_cache::{self, PolicyCache};
use super::schema::contact_policies as cp;
use super::{Conn, to_db_time};
use crate::actor::Actor;
use crate::domain::contact_policy::ContactPolicy;
use crate::error::ApiError;

static CACHE: PolicyCache<ContactPolicy> = PolicyCache::new();

/// The policy in force (from the process's cache while the policies' version is unchanged).
pub fn current(conn: &mut Conn) -> Result<ContactPolicy, ApiError> {
    CACHE.get(|| {
        let stored: Option<String> = cp::table
            .find(1i64)
            .select(cp::policy)
            .first(conn)
            .optional()?;
        match stored {
            Some(text) => serde_json::from_str(&text)
                .map_err(|e| ApiError::Internal(format!("stored contact policy: {e}"))),
            None => Ok(ContactPolicy::default()),
        }
    })
}

/// Raises a stored policy below Regulation F's floor to it (a start-up step after the
/// migrations: a policy stored before the floor was enforced), with an audit event naming each
/// field changed. Returns whether it changed anything.
pub fn raise_to_floor(conn: &mut Conn, now: DateTime<Utc>) -> Result<bool, ApiError> {
    policy_cache::bypass();
    let before = current(conn)?;
    let Some(raised) = before.raised_to_floor() else {
        return Ok(false);
    };
    let text = serde_json::to_string(&raised.policy).map_err(ApiError::internal)?;
    diesel::update(cp::table.find(1i64))
        .set((
            cp::policy.eq(&text),
            cp::updated_by.eq(None::<i64>),
            cp::updated_at.eq(to_db_time(now)),
        ))
        .execute(conn)?;
    let json = |p: &ContactPolicy| serde_json::to_value(p).unwrap_or_default();
    let mut after = json(&raised.policy);
    after["fields_raised"] = serde_json::json!(raised.fields);
    audit::record(
        conn,
        &AuditContext::system(now),
        Change {
            entity_type: "contact_policy",
            entity_id: 1,
            action: "contact_policy.raised_to_floor",
            before: Some(json(&before)),
            after: Some(after),
            account_id: None,
        },
    )?;
    log::warn!(
        "the stored contact policy was below Regulation F; raised: {}",
        raised.fields.join(", ")
    );
    Ok(true)
}

/// Replaces the policy (validated by the caller) and audits the change.
pub fn replace(
    conn: &mut Conn,
    actor: &Actor,
    policy: &ContactPolicy,
) -> Result<ContactPolicy, ApiError> {
    policy_cache::bypass();
    let before = current(conn)?;
    let text = serde_json::to_string(policy).map_err(ApiError::internal)?;
    let at = to_db_time(actor.now);
    let updated = diesel::update(cp::table.find(1i64))
        .set((
            cp::policy.eq(&text),
            cp::updated_by.eq(Some(actor.user_id)),
            cp::updated_at.eq(at),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(cp::table)
            .values((
                cp::id.eq(1i64),
                cp::policy.eq(&text),
                cp::updated_by.eq(Some(actor.user_id)),
                cp::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    let json = |p: &ContactPolicy| serde_json::to_value(p).unwrap_or_default();
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "contact_policy",
            entity_id: 1,
            action: "contact_policy.updated",
            before: Some(json(&before)),
            after: Some(json(policy)),
            account_id: None,
        },
    )?;
    Ok(policy.clone())
}
