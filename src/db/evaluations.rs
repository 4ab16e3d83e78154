//! Evaluations of a contact: rows, the scoped reads and list, and the conditional status moves
//! (acknowledge, dispute, resolve) that let one of two racing moves win.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::schema::evaluations as e;
use super::scope::staff_scope_of;
use super::{Conn, from_db_time, stored, to_db_time};
use crate::actor::Actor;
use crate::apply_staff_scope;
use crate::domain::quality::{EvaluationDisputeOutcome, EvaluationStatus, dispute_until, points};
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = e)]
pub struct EvaluationRow {
    pub id: i64,
    pub contact_id: i64,
    pub account_id: i64,
    pub agent_id: i64,
    pub team_id: Option<i64>,
    pub form_id: i64,
    pub evaluator_id: i64,
    pub answers: String,
    pub comment: Option<String>,
    pub score_tenths: i64,
    pub original_score_tenths: Option<i64>,
    pub fatal_failed: bool,
    pub status: String,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub evaluated_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub acknowledged_at: Option<chrono::NaiveDateTime>,
    pub dispute_reason: Option<String>,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub disputed_at: Option<chrono::NaiveDateTime>,
    pub dispute_outcome: Option<String>,
    pub resolved_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub resolved_at: Option<chrono::NaiveDateTime>,
}

super::columns!(
    EVALUATION_COLUMNS = e(
        id,
        contact_id,
        account_id,
        agent_id,
        team_id,
        form_id,
        evaluator_id,
        answers,
        comment,
        score_tenths,
        original_score_tenths,
        fatal_failed,
        status,
        evaluated_at,
        acknowledged_at,
        dispute_reason,
        disputed_at,
        dispute_outcome,
        resolved_by,
        resolved_at,
    )
);

/// One answer as stored and shown: `value` null is not applicable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"key": "negotiation", "value": 4}))]
pub struct StoredAnswer {
    pub key: String,
    pub value: Option<i64>,
}

/// A scored review of one contact.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 7, "contact_id": 311, "account_id": 101, "agent_id": 12, "team_id": 2,
    "form_id": 1, "evaluator_id": 5, "answers": [{"key": "mini_miranda", "value": 1}, {"key": "negotiation", "value": 4}],
    "comment": "Good control of the call.", "score": 88.0, "original_score": null, "fatal_failed": false,
    "status": "disputed", "evaluated_at": "2026-11-03T10:00:00Z", "dispute_until": "2026-11-10",
    "acknowledged_at": null, "dispute_reason": "The debtor hung up before I could offer a plan.",
    "disputed_at": "2026-11-04T09:00:00Z", "dispute_outcome": null, "resolved_by": null, "resolved_at": null}))]
pub struct Evaluation {
    pub id: i64,
    pub contact_id: i64,
    pub account_id: i64,
    /// The agent who made the contact.
    pub agent_id: i64,
    /// The agent's team when evaluated.
    pub team_id: Option<i64>,
    pub form_id: i64,
    pub evaluator_id: i64,
    pub answers: Vec<StoredAnswer>,
    pub comment: Option<String>,
    /// 0 to 100, one decimal (see `POST /v1/contacts/{id}/evaluations` for the formula).
    pub score: f64,
    /// The formula's score before an upheld dispute corrected it.
    pub original_score: Option<f64>,
    /// A fatal question was answered 0 (the score is 0).
    pub fatal_failed: bool,
    pub status: EvaluationStatus,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub evaluated_at: DateTime<Utc>,
    /// The last UTC day the agent may dispute it: 7 days after the evaluation's day.
    pub dispute_until: NaiveDate,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub dispute_reason: Option<String>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub disputed_at: Option<DateTime<Utc>>,
    pub dispute_outcome: Option<EvaluationDisputeOutcome>,
    pub resolved_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub resolved_at: Option<DateTime<Utc>>,
}

impl EvaluationRow {
    pub fn status(&self) -> Result<EvaluationStatus, ApiError> {
        stored("evaluations.status", &self.status)
    }

    pub fn into_evaluation(self) -> Result<Evaluation, ApiError> {
        let evaluated_at = from_db_time(self.evaluated_at);
        Ok(Evaluation {
            status: self.status()?,
            answers: serde_json::from_str(&self.answers).map_err(|err| {
                ApiError::Internal(format!("evaluations.answers of {}: {err}", self.id))
            })?,
            dispute_outcome: self
                .dispute_outcome
                .as_deref()
                .map(|s| stored("evaluations.dispute_outcome", s))
                .transpose()?,
            id: self.id,
            contact_id: self.contact_id,
            account_id: self.account_id,
            agent_id: self.agent_id,
            team_id: self.team_id,
            form_id: self.form_id,
            evaluator_id: self.evaluator_id,
            comment: self.comment,
            score: points(self.score_tenths),
            original_score: self.original_score_tenths.map(points),
            fatal_failed: self.fatal_failed,
            evaluated_at,
            dispute_until: dispute_until(evaluated_at),
            acknowledged_at: self.acknowledged_at.map(from_db_time),
            dispute_reason: self.dispute_reason,
            disputed_at: self.disputed_at.map(from_db_time),
            resolved_by: self.resolved_by,
            resolved_at: self.resolved_at.map(from_db_time),
        })
    }
}

pub fn json(r: &EvaluationRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

/// An evaluation to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = e)]
pub struct NewEvaluationRow {
    pub contact_id: i64,
    pub account_id: i64,
    pub agent_id: i64,
    pub team_id: Option<i64>,
    pub form_id: i64,
    pub evaluator_id: i64,
    pub answers: String,
    pub comment: Option<String>,
    pub score_tenths: i64,
    pub fatal_failed: bool,
    pub status: &'static str,
    pub evaluated_at: chrono::NaiveDateTime,
}

pub fn insert(conn: &mut Conn, new: &NewEvaluationRow) -> Result<EvaluationRow, ApiError> {
    Ok(diesel::insert_into(e::table)
        .values(new)
        .returning(EVALUATION_COLUMNS)
        .get_result(conn)?)
}

/// One evaluation `actor` may see (404 otherwise).
pub fn find_visible_row(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
) -> Result<EvaluationRow, ApiError> {
    let q = e::table.select(EvaluationRow::as_select()).into_boxed();
    apply_staff_scope!(q, staff_scope_of(actor), e)
        .filter(e::id.eq(id))
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("evaluation"))
}

/// The evaluations of `agent` among `ids` (to link them to a coaching session).
pub fn ids_of_agent(conn: &mut Conn, agent: i64, ids: &[i64]) -> Result<Vec<i64>, ApiError> {
    Ok(e::table
        .filter(e::agent_id.eq(agent).and(e::id.eq_any(ids)))
        .select(e::id)
        .load(conn)?)
}

/// What a status move writes besides the status.
#[derive(Debug, Clone, Default)]
pub struct Move {
    pub dispute_reason: Option<String>,
    pub outcome: Option<EvaluationDisputeOutcome>,
    /// An upheld dispute's corrected score, in tenths.
    pub corrected_tenths: Option<i64>,
}

/// Moves an evaluation from `from` to `to`, conditionally; `None` when it was not in `from`.
pub fn transition(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    from: EvaluationStatus,
    to: EvaluationStatus,
    change: Move,
) -> Result<Option<EvaluationRow>, ApiError> {
    let at = to_db_time(actor.now);
    let target = e::table.filter(e::id.eq(id).and(e::status.eq(from.as_str())));
    let moved: Option<EvaluationRow> = match to {
        EvaluationStatus::Acknowledged => diesel::update(target)
            .set((e::status.eq(to.as_str()), e::acknowledged_at.eq(at)))
            .returning(EVALUATION_COLUMNS)
            .get_result(conn)
            .optional()?,
        EvaluationStatus::Disputed => diesel::update(target)
            .set((
                e::status.eq(to.as_str()),
                e::disputed_at.eq(at),
                e::dispute_reason.eq(change.dispute_reason),
            ))
            .returning(EVALUATION_COLUMNS)
            .get_result(conn)
            .optional()?,
        EvaluationStatus::Resolved | EvaluationStatus::Submitted => diesel::update(target)
            .set((
                e::status.eq(to.as_str()),
                e::resolved_at.eq(at),
                e::resolved_by.eq(actor.user_id),
                e::dispute_outcome.eq(change.outcome.map(|o| o.as_str())),
            ))
            .returning(EVALUATION_COLUMNS)
            .get_result(conn)
            .optional()?,
    };
    match (moved, change.corrected_tenths) {
        (Some(row), Some(tenths)) => Ok(Some(
            diesel::update(e::table.find(row.id))
                .set((
                    e::original_score_tenths.eq(row.score_tenths),
                    e::score_tenths.eq(tenths),
                    e::fatal_failed.eq(false),
                ))
                .returning(EVALUATION_COLUMNS)
                .get_result(conn)?,
        )),
        (moved, _) => Ok(moved),
    }
}

/// Filters of `GET /v1/evaluations`.
#[derive(Debug, Clone, Default)]
pub struct EvaluationFilter {
    pub agent_id: Option<i64>,
    /// Evaluated on or after this UTC day.
    pub from: Option<NaiveDate>,
    /// Evaluated on or before this UTC day.
    pub to: Option<NaiveDate>,
    pub status: Option<EvaluationStatus>,
}

fn midnight(d: NaiveDate) -> chrono::NaiveDateTime {
    d.and_hms_opt(0, 0, 0).unwrap_or_default()
}

/// Evaluations `actor` may see, newest first, before the cursor.
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    f: &EvaluationFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Evaluation>, ApiError> {
    let q = e::table.select(EvaluationRow::as_select()).into_boxed();
    let mut q = apply_staff_scope!(q, staff_scope_of(actor), e);
    if let Some(agent) = f.agent_id {
        q = q.filter(e::agent_id.eq(agent));
    }
    if let Some(from) = f.from {
        q = q.filter(e::evaluated_at.ge(midnight(from)));
    }
    if let Some(to) = f.to {
        q = q.filter(e::evaluated_at.lt(midnight(to + chrono::Days::new(1))));
    }
    if let Some(s) = f.status {
        q = q.filter(e::status.eq(s.as_str()));
    }
    if let Some(b) = before {
        q = q.filter(e::id.lt(b));
    }
    q.order(e::id.desc())
        .limit(limit)
        .load::<EvaluationRow>(conn)?
        .into_iter()
        .map(EvaluationRow::into_evaluation)
        .collect()
}

/// The contact an evaluation reviews: whose it is and the agent's team now.
#[derive(Debug, Clone, Copy, Queryable)]
pub struct ReviewedContact {
    pub contact_id: i64,
    pub account_id: i64,
    pub agent_id: Option<i64>,
    pub agent_team_id: Option<i64>,
}

/// The contact `id` with its agent's current team (None when no contact has the id).
pub fn reviewed_contact(conn: &mut Conn, id: i64) -> Result<Option<ReviewedContact>, ApiError> {
    use super::schema::{contacts as c, users as u};
    Ok(c::table
        .left_join(u::table)
        .filter(c::id.eq(id))
        .select((c::id, c::account_id, c::agent_id, u::team_id.nullable()))
        .first(conn)
        .optional()?)
}
