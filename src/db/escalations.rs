//! Escalations (an account raised to a higher tier) and legal referral.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::accounts as accounts_db;
use super::audit::{self, Change};
use super::schema::{accounts as a, escalations as es};
use super::scope::scope_of;
use super::{Conn, MultiBackend, from_db_time, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::role::Role;
use crate::domain::status::EscalationStatus;
use crate::error::ApiError;

/// The tier an escalation goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "team_lead")]
pub enum EscalationTier {
    TeamLead,
    Manager,
    Head,
}

impl EscalationTier {
    pub fn role(self) -> Role {
        match self {
            Self::TeamLead => Role::TeamLead,
            Self::Manager => Role::Manager,
            Self::Head => Role::Head,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = es)]
pub struct EscalationRow {
    pub id: i64,
    pub account_id: i64,
    pub reason: String,
    pub to_role: String,
    pub status: String,
    pub raised_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub raised_at: chrono::NaiveDateTime,
    pub resolved_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub resolved_at: Option<chrono::NaiveDateTime>,
    pub note: Option<String>,
}

super::columns!(
    ESCALATION_COLUMNS = es(
        id,
        account_id,
        reason,
        to_role,
        status,
        raised_by,
        raised_at,
        resolved_by,
        resolved_at,
        note,
    )
);

/// An account raised to a higher tier.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 5, "account_id": 101, "reason": "debtor threatens legal action", "to_role": "manager",
    "status": "open", "raised_by": 12, "raised_at": "2026-11-22T14:03:00Z", "resolved_by": null, "resolved_at": null, "note": null}))]
pub struct Escalation {
    pub id: i64,
    pub account_id: i64,
    pub reason: String,
    pub to_role: Role,
    pub status: crate::domain::status::EscalationStatus,
    pub raised_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub raised_at: DateTime<Utc>,
    pub resolved_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub resolved_at: Option<DateTime<Utc>>,
    pub note: Option<String>,
}

impl TryFrom<EscalationRow> for Escalation {
    type Error = ApiError;

    fn try_from(r: EscalationRow) -> Result<Self, ApiError> {
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            reason: r.reason,
            to_role: super::stored("escalations.to_role", &r.to_role)?,
            status: super::stored("escalations.status", &r.status)?,
            raised_by: r.raised_by,
            raised_at: from_db_time(r.raised_at),
            resolved_by: r.resolved_by,
            resolved_at: r.resolved_at.map(from_db_time),
            note: r.note,
        })
    }
}

fn json(r: &EscalationRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

/// Raises `account_id` (already checked to be within the caller's scope) to `to`.
pub fn insert(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    reason: &str,
    to: EscalationTier,
) -> Result<Escalation, ApiError> {
    let row: EscalationRow = diesel::insert_into(es::table)
        .values((
            es::account_id.eq(account_id),
            es::reason.eq(reason),
            es::to_role.eq(to.role().as_str()),
            es::status.eq(EscalationStatus::Open.as_str()),
            es::raised_by.eq(Some(actor.user_id)),
            es::raised_at.eq(to_db_time(actor.now)),
        ))
        .returning(ESCALATION_COLUMNS)
        .get_result(conn)?;
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "escalation",
            entity_id: row.id,
            action: "escalation.raised",
            before: None,
            after: Some(json(&row)),
            account_id: Some(account_id),
        },
    )?;
    row.try_into()
}

/// An escalation the system raises (a strategy's `escalate` step).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = es)]
pub struct NewEscalation {
    pub account_id: i64,
    pub reason: String,
    pub to_role: String,
    pub status: String,
    pub raised_at: chrono::NaiveDateTime,
}

impl NewEscalation {
    /// Open, to `to`, raised by no one.
    pub fn by_system(
        account_id: i64,
        reason: String,
        to: EscalationTier,
        at: DateTime<Utc>,
    ) -> Self {
        Self {
            account_id,
            reason,
            to_role: to.role().as_str().to_owned(),
            status: EscalationStatus::Open.as_str().to_owned(),
            raised_at: to_db_time(at),
        }
    }
}

/// Inserts escalations in statements of 1,000 and answers the stored rows (the caller audits
/// them).
pub fn insert_many(
    conn: &mut Conn,
    rows: &[NewEscalation],
) -> Result<Vec<EscalationRow>, ApiError> {
    let mut out = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(1000) {
        let stored: Vec<EscalationRow> = super::with_inner!(conn, c => diesel::insert_into(es::table)
            .values(chunk)
            .returning(ESCALATION_COLUMNS)
            .get_results(c))?;
        out.extend(stored);
    }
    Ok(out)
}

pub fn row_json(r: &EscalationRow) -> serde_json::Value {
    json(r)
}

/// Filters of `GET /v1/escalations`.
#[derive(Debug, Clone, Copy, Default)]
pub struct EscalationFilter {
    pub status: Option<EscalationStatus>,
    /// Only open escalations addressed to the caller's tier or below.
    pub actionable: bool,
}

/// Escalations on accounts the caller sees, newest first; `actionable`: open and addressed to
/// the caller's tier or below.
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    f: &EscalationFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Escalation>, ApiError> {
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<es::table, a::table>,
        MultiBackend,
    > = es::table.inner_join(a::table).into_boxed();
    let mut q = apply_account_scope!(joined, scope_of(actor));
    if let Some(s) = f.status {
        q = q.filter(es::status.eq(s.as_str()));
    }
    if f.actionable {
        let tiers: Vec<&str> = [Role::TeamLead, Role::Manager, Role::Head]
            .iter()
            .filter(|r| actor.role.at_least(**r))
            .map(|r| r.as_str())
            .collect();
        q = q
            .filter(es::status.eq(EscalationStatus::Open.as_str()))
            .filter(es::to_role.eq_any(tiers));
    }
    if let Some(b) = before {
        q = q.filter(es::id.lt(b));
    }
    let rows: Vec<EscalationRow> = q
        .select(EscalationRow::as_select())
        .order(es::id.desc())
        .limit(limit)
        .load(conn)?;
    rows.into_iter().map(Escalation::try_from).collect()
}

/// Resolves an open escalation: a caller at or above its tier.
pub fn resolve(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    note: &str,
) -> Result<Escalation, ApiError> {
    let before: EscalationRow = es::table
        .find(id)
        .select(EscalationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("escalation"))?;
    accounts_db::require_visible(conn, actor, before.account_id, "escalation")?;
    let to = super::stored::<Role>("escalations.to_role", &before.to_role)?;
    if !actor.role.at_least(to) {
        return Err(ApiError::forbidden(
            "insufficient-authority",
            format!("this escalation is for a {}", to.as_str()),
        ));
    }
    let won = diesel::update(
        es::table.filter(
            es::id
                .eq(id)
                .and(es::status.eq(EscalationStatus::Open.as_str())),
        ),
    )
    .set((
        es::status.eq(EscalationStatus::Resolved.as_str()),
        es::resolved_by.eq(Some(actor.user_id)),
        es::resolved_at.eq(Some(to_db_time(actor.now))),
        es::note.eq(Some(note)),
    ))
    .execute(conn)?
        == 1;
    if !won {
        return Err(ApiError::conflict(
            "escalation-resolved",
            "the escalation is already resolved",
        ));
    }
    let after: EscalationRow = es::table
        .find(id)
        .select(EscalationRow::as_select())
        .first(conn)?;
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "escalation",
            entity_id: id,
            action: "escalation.resolved",
            before: Some(json(&before)),
            after: Some(json(&after)),
            account_id: Some(before.account_id),
        },
    )?;
    after.try_into()
}

/// An escalation, if its account is visible (404 otherwise, as for an unknown id).
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<EscalationRow, ApiError> {
    let row: EscalationRow = es::table
        .find(id)
        .select(EscalationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("escalation"))?;
    accounts_db::require_visible(conn, actor, row.account_id, "escalation")?;
    Ok(row)
}
