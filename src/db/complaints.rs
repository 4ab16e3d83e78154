//! Complaints: rows, the scoped reads and lists, and the conditional status moves.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::{accounts as a, complaints as c};
use super::scope::scope_of;
use super::{Conn, MultiBackend, from_db_time, stored, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::complaint::{
    ComplaintCategory, ComplaintSource, ComplaintStatus, Remedy, RootCause, is_overdue,
};
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = c)]
pub struct ComplaintRow {
    pub id: i64,
    pub account_id: i64,
    pub source: String,
    pub category: String,
    pub description: String,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub received_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub due_at: chrono::NaiveDateTime,
    pub status: String,
    pub against_user_id: Option<i64>,
    pub agent_id: Option<i64>,
    pub team_id: Option<i64>,
    pub external_ref: Option<String>,
    pub response: Option<String>,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub responded_at: Option<chrono::NaiveDateTime>,
    pub root_cause: Option<String>,
    pub justified: Option<bool>,
    pub remedy: Option<String>,
    pub monetary_relief: Option<i64>,
    pub adjustment_id: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub closed_at: Option<chrono::NaiveDateTime>,
    pub closed_by: Option<i64>,
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub updated_at: chrono::NaiveDateTime,
}

super::columns!(
    COMPLAINT_COLUMNS = c(
        id,
        account_id,
        source,
        category,
        description,
        received_at,
        due_at,
        status,
        against_user_id,
        agent_id,
        team_id,
        external_ref,
        response,
        responded_at,
        root_cause,
        justified,
        remedy,
        monetary_relief,
        adjustment_id,
        closed_at,
        closed_by,
        created_by,
        created_at,
        updated_at,
    )
);

impl ComplaintRow {
    pub fn status(&self) -> Result<ComplaintStatus, ApiError> {
        stored("complaints.status", &self.status)
    }

    pub fn category(&self) -> Result<ComplaintCategory, ApiError> {
        stored("complaints.category", &self.category)
    }
}

/// A complaint about an account.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 12, "account_id": 101, "source": "cfpb", "category": "wrong_amount",
    "description": "The debtor says the balance includes a fee the client waived.",
    "received_at": "2026-11-20T15:00:00Z", "due_at": "2026-12-05T15:00:00Z", "status": "in_progress",
    "overdue": false, "against_user_id": null, "agent_id": 12, "team_id": 2, "external_ref": "CFPB-261120-0042",
    "response": "We are checking the fee with the client.", "responded_at": "2026-11-21T10:00:00Z",
    "root_cause": null, "justified": null, "remedy": null, "monetary_relief": null, "adjustment_id": null,
    "closed_at": null, "closed_by": null, "created_by": 12, "created_at": "2026-11-20T15:05:00Z"}))]
pub struct Complaint {
    pub id: i64,
    pub account_id: i64,
    pub source: ComplaintSource,
    pub category: ComplaintCategory,
    pub description: String,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub received_at: DateTime<Utc>,
    /// `received_at` plus the policy's days for the source × 24 h.
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub due_at: DateTime<Utc>,
    pub status: ComplaintStatus,
    /// Open (or in progress) past `due_at`, now.
    pub overdue: bool,
    /// The user the complaint is about, if any.
    pub against_user_id: Option<i64>,
    /// Whom it counts against in reports: `against_user_id`, else the account's assignee when
    /// it was received.
    pub agent_id: Option<i64>,
    /// The account's team when it was received.
    pub team_id: Option<i64>,
    /// The complaint's reference at its source (a CFPB case number).
    pub external_ref: Option<String>,
    /// The latest response.
    pub response: Option<String>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub responded_at: Option<DateTime<Utc>>,
    pub root_cause: Option<RootCause>,
    pub justified: Option<bool>,
    pub remedy: Option<Remedy>,
    pub monetary_relief: Option<i64>,
    /// The `goodwill` adjustment of a monetary remedy (applied, or pending approval).
    pub adjustment_id: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub closed_at: Option<DateTime<Utc>>,
    pub closed_by: Option<i64>,
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
}

impl Complaint {
    pub fn from_row(r: ComplaintRow, now: DateTime<Utc>) -> Result<Self, ApiError> {
        let status = r.status()?;
        let due_at = from_db_time(r.due_at);
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            source: stored("complaints.source", &r.source)?,
            category: r.category()?,
            description: r.description,
            received_at: from_db_time(r.received_at),
            due_at,
            status,
            overdue: is_overdue(status, due_at, now),
            against_user_id: r.against_user_id,
            agent_id: r.agent_id,
            team_id: r.team_id,
            external_ref: r.external_ref,
            response: r.response,
            responded_at: r.responded_at.map(from_db_time),
            root_cause: r
                .root_cause
                .as_deref()
                .map(|s| stored("complaints.root_cause", s))
                .transpose()?,
            justified: r.justified,
            remedy: r
                .remedy
                .as_deref()
                .map(|s| stored("complaints.remedy", s))
                .transpose()?,
            monetary_relief: r.monetary_relief,
            adjustment_id: r.adjustment_id,
            closed_at: r.closed_at.map(from_db_time),
            closed_by: r.closed_by,
            created_by: r.created_by,
            created_at: from_db_time(r.created_at),
        })
    }
}

pub fn json(r: &ComplaintRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

/// A complaint to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = c)]
pub struct NewComplaintRow {
    pub account_id: i64,
    pub source: &'static str,
    pub category: &'static str,
    pub description: String,
    pub received_at: chrono::NaiveDateTime,
    pub due_at: chrono::NaiveDateTime,
    pub status: &'static str,
    pub against_user_id: Option<i64>,
    pub agent_id: Option<i64>,
    pub team_id: Option<i64>,
    pub external_ref: Option<String>,
    pub created_by: Option<i64>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// Stores a complaint; an `against_user_id` that names no user is the caller's 422.
pub fn insert(conn: &mut Conn, new: &NewComplaintRow) -> Result<ComplaintRow, ApiError> {
    let no_user = || ApiError::invalid("against_user_id", "no user has this id");
    diesel::insert_into(c::table)
        .values(new)
        .returning(COMPLAINT_COLUMNS)
        .get_result(conn)
        .map_err(super::on_constraint(&[(
            super::Violation::ForeignKey,
            &no_user,
        )]))
}

/// One complaint, if its account is visible to `actor` (404 otherwise).
pub fn find_visible_row(conn: &mut Conn, actor: &Actor, id: i64) -> Result<ComplaintRow, ApiError> {
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<c::table, a::table>,
        MultiBackend,
    > = c::table.inner_join(a::table).into_boxed();
    apply_account_scope!(joined, scope_of(actor))
        .filter(c::id.eq(id))
        .select(ComplaintRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("complaint"))
}

/// What a status move writes besides the status.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub response: Option<String>,
    pub closing: Option<ClosingRow>,
}

/// The findings of a closing.
#[derive(Debug, Clone)]
pub struct ClosingRow {
    pub root_cause: RootCause,
    pub justified: bool,
    pub remedy: Remedy,
    pub monetary_relief: Option<i64>,
    pub adjustment_id: Option<i64>,
}

/// Moves a complaint from one of `from` to `to` with `changes`, conditionally (one of two racing
/// moves wins); `None` when it was not in `from`. Reopening clears the closing findings.
pub fn transition(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    from: &[ComplaintStatus],
    to: ComplaintStatus,
    changes: Changes,
) -> Result<Option<ComplaintRow>, ApiError> {
    let at = to_db_time(actor.now);
    let from: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
    let target = c::table.filter(c::id.eq(id).and(c::status.eq_any(from)));
    let responded = changes.response.is_some().then_some(at);
    let closed = changes.closing.is_some();
    let finding = changes.closing.as_ref();
    let moved = diesel::update(target)
        .set((
            c::status.eq(to.as_str()),
            c::updated_at.eq(at),
            c::closed_at.eq(closed.then_some(at)),
            c::closed_by.eq(closed.then_some(actor.user_id)),
            c::root_cause.eq(finding.map(|f| f.root_cause.as_str())),
            c::justified.eq(finding.map(|f| f.justified)),
            c::remedy.eq(finding.map(|f| f.remedy.as_str())),
            c::monetary_relief.eq(finding.and_then(|f| f.monetary_relief)),
            c::adjustment_id.eq(finding.and_then(|f| f.adjustment_id)),
        ))
        .returning(COMPLAINT_COLUMNS)
        .get_result::<ComplaintRow>(conn)
        .optional()?;
    match (moved, changes.response) {
        (Some(row), Some(response)) => Ok(Some(
            diesel::update(c::table.find(row.id))
                .set((
                    c::response.eq(Some(response)),
                    c::responded_at.eq(responded),
                ))
                .returning(COMPLAINT_COLUMNS)
                .get_result(conn)?,
        )),
        (moved, _) => Ok(moved),
    }
}

/// Filters of `GET /v1/complaints`.
#[derive(Debug, Clone, Default)]
pub struct ComplaintFilter {
    pub status: Option<ComplaintStatus>,
    pub category: Option<ComplaintCategory>,
    pub source: Option<ComplaintSource>,
    /// Only open (or in progress) complaints past their due time.
    pub overdue: bool,
    pub against_user_id: Option<i64>,
    pub team_id: Option<i64>,
    pub account_id: Option<i64>,
}

/// Complaints on accounts the caller sees, newest first, before the cursor.
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    f: &ComplaintFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Complaint>, ApiError> {
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<c::table, a::table>,
        MultiBackend,
    > = c::table.inner_join(a::table).into_boxed();
    let mut q = apply_account_scope!(joined, scope_of(actor));
    if let Some(s) = f.status {
        q = q.filter(c::status.eq(s.as_str()));
    }
    if let Some(v) = f.category {
        q = q.filter(c::category.eq(v.as_str()));
    }
    if let Some(v) = f.source {
        q = q.filter(c::source.eq(v.as_str()));
    }
    if f.overdue {
        q = q
            .filter(c::status.ne(ComplaintStatus::Closed.as_str()))
            .filter(c::due_at.lt(to_db_time(actor.now)));
    }
    if let Some(v) = f.against_user_id {
        q = q.filter(c::against_user_id.eq(v));
    }
    if let Some(v) = f.team_id {
        q = q.filter(c::team_id.eq(v));
    }
    if let Some(v) = f.account_id {
        q = q.filter(c::account_id.eq(v));
    }
    if let Some(b) = before {
        q = q.filter(c::id.lt(b));
    }
    let rows: Vec<ComplaintRow> = q
        .select(ComplaintRow::as_select())
        .order(c::id.desc())
        .limit(limit)
        .load(conn)?;
    rows.into_iter()
        .map(|r| Complaint::from_row(r, actor.now))
        .collect()
}
