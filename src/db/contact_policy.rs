//! The contact policy: one stored document (absent: the Regulation F defaults).

use diesel::prelude::*;

use super::audit::{self, Change};
use super::schema::contact_policies as cp;
use super::{Conn, to_db_time};
use crate::actor::Actor;
use crate::domain::contact_policy::ContactPolicy;
use crate::error::ApiError;

/// The policy in force.
pub fn current(conn: &mut Conn) -> Result<ContactPolicy, ApiError> {
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
}

/// Replaces the policy (validated by the caller) and audits the change.
pub fn replace(
    conn: &mut Conn,
    actor: &Actor,
    policy: &ContactPolicy,
) -> Result<ContactPolicy, ApiError> {
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
