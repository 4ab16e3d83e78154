//! `/v1/audit-events`: the audit log (auditor and head).

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::exec;
use crate::api::pagination::{Page, PageParams};
use crate::auth::{AuditReader, Caller};
use crate::db::audit::{self, AuditFilter, AuditRow};
use crate::db::{from_db_time, to_db_time};
use crate::error::ApiError;
use crate::state::AppState;

/// One recorded state change.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": 41, "entity_type": "user", "entity_id": 12, "seq": 2, "action": "user.updated",
    "actor_id": 1, "request_id": "6f1c2f0e-8a53-4c5e-9a55-3f3c1d7b2a10",
    "occurred_at": "2026-11-22T14:03:00.123456Z",
    "before": {"active": true}, "after": {"active": false},
    "prev_hash": "9b74c9897bac770ffc029102a200c5de0ddf3a9d1e2f3a4b5c6d7e8f90a1b2c3",
    "hash": "5d41402abc4b2a76b9719d911017c592a1b2c3d4e5f60718293a4b5c6d7e8f90"
}))]
pub struct AuditEvent {
    pub id: i64,
    /// What kind of entity changed (`user`, `team`, `account` …).
    pub entity_type: String,
    pub entity_id: i64,
    /// Position in the entity's own chain, from 1.
    pub seq: i64,
    /// `<entity>.<verb>`, e.g. `user.created`.
    pub action: String,
    /// Who did it; `null` for the system (bootstrap, sweeps).
    pub actor_id: Option<i64>,
    /// The `X-Request-Id` of the request that made the change.
    pub request_id: Option<String>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub occurred_at: DateTime<Utc>,
    /// The entity before the change (`null` on creation).
    pub before: Option<serde_json::Value>,
    /// The entity after the change.
    pub after: Option<serde_json::Value>,
    /// Hash of the previous event of the same entity (zeros for the first).
    pub prev_hash: String,
    /// SHA-256 over `prev_hash` and this event's fields.
    pub hash: String,
}

impl From<AuditRow> for AuditEvent {
    fn from(r: AuditRow) -> Self {
        let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        Self {
            id: r.id,
            entity_type: r.entity_type,
            entity_id: r.entity_id,
            seq: r.seq,
            action: r.action,
            actor_id: r.actor_id,
            request_id: r.request_id,
            occurred_at: from_db_time(r.occurred_at),
            before: parse(r.before_state),
            after: parse(r.after_state),
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

/// Filters of the audit log.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditListParams {
    /// Only events of this entity type.
    pub entity_type: Option<String>,
    /// Only events of this entity id.
    pub entity_id: Option<i64>,
    /// Only events by this user.
    pub actor_id: Option<i64>,
    /// Events at or after this instant (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Events before this instant (RFC 3339).
    pub to: Option<DateTime<Utc>>,
}

/// The result of checking the whole chain.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"ok": true, "checked": 1204, "first_broken_id": null}))]
pub struct AuditVerification {
    /// `true` when every event verifies.
    pub ok: bool,
    /// How many events were checked.
    pub checked: i64,
    /// The smallest id of an event that does not verify: altered, out of order, or after a gap.
    pub first_broken_id: Option<i64>,
}

/// Read the audit log, newest first (auditor, head).
#[utoipa::path(
    tag = "audit",
    operation_id = "list_audit_events",
    params(AuditListParams, PageParams),
    responses((status = 200, description = "A page of events", body = Page<AuditEvent>))
)]
#[get("/audit-events")]
pub async fn list_audit_events(
    state: web::Data<AppState>,
    caller: Caller<AuditReader>,
    params: web::Query<AuditListParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<AuditEvent>>, ApiError> {
    let page = page.parse()?;
    let p = params.into_inner();
    if let (Some(from), Some(to)) = (p.from, p.to)
        && from > to
    {
        return Err(ApiError::invalid("from", "must not be after `to`"));
    }
    let filter = AuditFilter {
        account_id: None,
        entity_type: p.entity_type,
        entity_id: p.entity_id,
        actor_id: p.actor_id,
        from: p.from.map(to_db_time),
        to: p.to.map(to_db_time),
    };
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, _| {
        audit::list(conn, &filter, page.after, page.fetch_limit())
    })
    .await?;
    let events = rows.into_iter().map(AuditEvent::from).collect();
    Ok(web::Json(Page::from_rows(events, page, |e| e.id)))
}

/// Check the hash chain of every event (auditor, head).
#[utoipa::path(
    tag = "audit",
    operation_id = "verify_audit_events",
    responses((status = 200, description = "Verification result", body = AuditVerification))
)]
#[get("/audit-events/verify")]
pub async fn verify_audit_events(
    state: web::Data<AppState>,
    caller: Caller<AuditReader>,
) -> Result<web::Json<AuditVerification>, ApiError> {
    let v = exec::read(&state.db, caller.into_actor(), |conn, _| {
        audit::verify(conn)
    })
    .await?;
    Ok(web::Json(AuditVerification {
        ok: v.first_broken_id.is_none(),
        checked: v.checked,
        first_broken_id: v.first_broken_id,
    }))
}
