//! The contact policy: one stored document (absent: the Regulation F defaults).

use diesel::prelude::*;

use chrono::{DateTime, Utc};

use super::audit::{self, AuditContext, Change};
use super::policy_cache;
use super::schema::contact_policies as cp;
use super::{Conn, to_db_time};
use crate::domain::contact_policy::ContactPolicy;
use crate::error::ApiError;

super::policy_store::policy_store!(
    contact_policies,
    ContactPolicy,
    "contact_policy",
    serde_json::from_str
);

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
