//! Evaluation forms: rows, reads, and the writes that keep a used form immutable (the first
//! evaluation marks it used in its own transaction; a change is refused from then on).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::evaluation_forms as f;
use super::{Conn, from_db_time, to_db_time};
use crate::actor::Actor;
use crate::db::audit::{self, Change};
use crate::domain::quality::Question;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = f)]
pub struct FormRow {
    pub id: i64,
    pub name: String,
    pub questions: String,
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub updated_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub used_at: Option<chrono::NaiveDateTime>,
}

super::columns!(
    FORM_COLUMNS = f(
        id, name, questions, created_by, created_at, updated_at, used_at
    )
);

/// A form of weighted questions that evaluations answer.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 1, "name": "Outbound call quality", "questions": [
    {"key": "mini_miranda", "text": "Gave the mini-Miranda disclosure", "weight": 20, "scale": "yes_no", "fatal": true},
    {"key": "negotiation", "text": "Negotiated within policy", "weight": 30, "scale": "zero_to_five", "fatal": false}],
    "used": true, "created_by": 3, "created_at": "2026-11-01T09:00:00Z", "updated_at": "2026-11-01T09:00:00Z"}))]
pub struct EvaluationForm {
    pub id: i64,
    pub name: String,
    pub questions: Vec<Question>,
    /// An evaluation has used it: it can no longer change (create a new form instead).
    pub used: bool,
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: DateTime<Utc>,
}

impl FormRow {
    pub fn questions(&self) -> Result<Vec<Question>, ApiError> {
        serde_json::from_str(&self.questions).map_err(|e| {
            ApiError::Internal(format!(
                "evaluation_forms.questions of form {}: {e}",
                self.id
            ))
        })
    }

    pub fn into_form(self) -> Result<EvaluationForm, ApiError> {
        Ok(EvaluationForm {
            questions: self.questions()?,
            id: self.id,
            name: self.name,
            used: self.used_at.is_some(),
            created_by: self.created_by,
            created_at: from_db_time(self.created_at),
            updated_at: from_db_time(self.updated_at),
        })
    }
}

fn questions_text(questions: &[Question]) -> Result<String, ApiError> {
    serde_json::to_string(questions).map_err(|e| ApiError::Internal(format!("questions: {e}")))
}

fn audited(
    conn: &mut Conn,
    actor: &Actor,
    action: &str,
    before: Option<&FormRow>,
    after: &FormRow,
) -> Result<(), ApiError> {
    let json = |r: &FormRow| serde_json::to_value(r).unwrap_or_default();
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "evaluation_form",
            entity_id: after.id,
            action,
            before: before.map(json),
            after: Some(json(after)),
            account_id: None,
        },
    )
}

/// Stores a new form (its questions already checked), audited.
pub fn insert(
    conn: &mut Conn,
    actor: &Actor,
    name: &str,
    questions: &[Question],
) -> Result<EvaluationForm, ApiError> {
    let now = to_db_time(actor.now);
    let row: FormRow = diesel::insert_into(f::table)
        .values((
            f::name.eq(name),
            f::questions.eq(questions_text(questions)?),
            f::created_by.eq(actor.user_id),
            f::created_at.eq(now),
            f::updated_at.eq(now),
        ))
        .returning(FORM_COLUMNS)
        .get_result(conn)?;
    audited(conn, actor, "evaluation_form.created", None, &row)?;
    row.into_form()
}

/// Replaces an unused form's name and questions; 409 `evaluation-form-used` once an
/// evaluation has used it (the update is conditional, so it cannot slip past a concurrent one).
pub fn replace(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    name: &str,
    questions: &[Question],
) -> Result<EvaluationForm, ApiError> {
    let before = find_row(conn, id)?;
    let row: FormRow = diesel::update(f::table.filter(f::id.eq(id).and(f::used_at.is_null())))
        .set((
            f::name.eq(name),
            f::questions.eq(questions_text(questions)?),
            f::updated_at.eq(to_db_time(actor.now)),
        ))
        .returning(FORM_COLUMNS)
        .get_result(conn)
        .optional()?
        .ok_or_else(|| {
            ApiError::conflict(
                "evaluation-form-used",
                "an evaluation has used this form, so it can no longer change; create a new form",
            )
        })?;
    audited(conn, actor, "evaluation_form.changed", Some(&before), &row)?;
    row.into_form()
}

/// One form (404 when none has the id).
pub fn find_row(conn: &mut Conn, id: i64) -> Result<FormRow, ApiError> {
    f::table
        .find(id)
        .select(FormRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("evaluation form"))
}

/// Marks a form used and reads it. The update comes first: it locks an unused form's row for
/// the rest of the transaction, so a concurrent change waits and then finds it used, and the
/// questions read after it are the ones the evaluation is scored on. 422 on `form_id` when no
/// form has the id.
pub fn use_form(conn: &mut Conn, id: i64, at: DateTime<Utc>) -> Result<FormRow, ApiError> {
    diesel::update(f::table.filter(f::id.eq(id).and(f::used_at.is_null())))
        .set(f::used_at.eq(to_db_time(at)))
        .execute(conn)?;
    find_row(conn, id).map_err(|_| ApiError::invalid("form_id", "no evaluation form has this id"))
}

/// Forms, newest first, before the cursor.
pub fn list(
    conn: &mut Conn,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<EvaluationForm>, ApiError> {
    let mut q = f::table.select(FormRow::as_select()).into_boxed();
    if let Some(b) = before {
        q = q.filter(f::id.lt(b));
    }
    q.order(f::id.desc())
        .limit(limit)
        .load::<FormRow>(conn)?
        .into_iter()
        .map(FormRow::into_form)
        .collect()
}
