//! The approval policy: one stored document (absent: the contract's table).

use diesel::prelude::*;

use super::audit::{self, Change};
use super::schema::approval_policies as ap;
use super::{Conn, to_db_time};
use crate::actor::Actor;
use crate::domain::authority::ApprovalPolicy;
use crate::error::ApiError;

pub fn current(conn: &mut Conn) -> Result<ApprovalPolicy, ApiError> {
    let stored: Option<String> = ap::table
        .find(1i64)
        .select(ap::policy)
        .first(conn)
        .optional()?;
    match stored {
        Some(text) => parse_stored(&text)
            .map_err(|e| ApiError::Internal(format!("stored approval policy: {e}"))),
        None => Ok(ApprovalPolicy::default()),
    }
}

/// A stored policy; one saved before adjustments existed gets the contract's `adjustment_max`
/// for each tier (the column was added with its defaults).
fn parse_stored(text: &str) -> Result<ApprovalPolicy, serde_json::Error> {
    let mut value: serde_json::Value = serde_json::from_str(text)?;
    let defaults = serde_json::to_value(ApprovalPolicy::default())?;
    if let (Some(tiers), Some(default_tiers)) = (value.as_object_mut(), defaults.as_object()) {
        for (name, limits) in tiers.iter_mut() {
            let default_max = default_tiers
                .get(name)
                .and_then(|t| t.get("adjustment_max"))
                .cloned()
                .unwrap_or(serde_json::Value::Null);
            if let Some(limits) = limits.as_object_mut() {
                limits.entry("adjustment_max").or_insert(default_max);
            }
        }
    }
    serde_json::from_value(value)
}

/// Replaces the policy (validated by the caller) and audits the change.
pub fn replace(
    conn: &mut Conn,
    actor: &Actor,
    policy: &ApprovalPolicy,
) -> Result<ApprovalPolicy, ApiError> {
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
    let json = |p: &ApprovalPolicy| serde_json::to_value(p).unwrap_or_default();
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "approval_policy",
            entity_id: 1,
            action: "approval_policy.updated",
            before: Some(json(&before)),
            after: Some(json(policy)),
            account_id: None,
        },
    )?;
    Ok(policy.clone())
}
