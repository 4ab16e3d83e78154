//! The allocation policy: the order payments pay the parts of a balance in (one stored
//! document; absent: costs, fees, interest, principal).

use diesel::prelude::*;

use super::audit::{self, Change};
use super::schema::allocation_policies as ap;
use super::{Conn, to_db_time};
use crate::actor::Actor;
use crate::domain::parts::AllocationPolicy;
use crate::error::ApiError;

/// The policy in force.
pub fn current(conn: &mut Conn) -> Result<AllocationPolicy, ApiError> {
    let stored: Option<String> = ap::table
        .find(1i64)
        .select(ap::policy)
        .first(conn)
        .optional()?;
    match stored {
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| ApiError::Internal(format!("stored allocation policy: {e}"))),
        None => Ok(AllocationPolicy::default()),
    }
}

/// Replaces the policy (validated by the caller) and audits the change.
pub fn replace(
    conn: &mut Conn,
    actor: &Actor,
    policy: &AllocationPolicy,
) -> Result<AllocationPolicy, ApiError> {
    let before = current(conn)?;
    let text = serde_json::to_string(policy).map_err(ApiError::internal)?;
    let at = to_db_time(actor.now);
    let updated = diesel::update(ap::table.find(1i64))
        .set((
            ap::policy.eq(&text),
            ap::updated_by.eq(Some(actor.user_id)),
            ap::updated_at.eq(at),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(ap::table)
            .values((
                ap::id.eq(1i64),
                ap::policy.eq(&text),
                ap::updated_by.eq(Some(actor.user_id)),
                ap::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    let json = |p: &AllocationPolicy| serde_json::to_value(p).unwrap_or_default();
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "allocation_policy",
            entity_id: 1,
            action: "allocation_policy.updated",
            before: Some(json(&before)),
            after: Some(json(policy)),
            account_id: None,
        },
    )?;
    Ok(policy.clone())
}
