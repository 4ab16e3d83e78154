//! Quality evaluations: a contact scored on a form (which marks the form used), then the agent
//! acknowledges it or disputes it within 7 days, and someone other than the evaluator resolves
//! the dispute, with a corrected score when upheld. Every step is audited.

use crate::actor::Actor;
use crate::db::audit::{self, Change};
use crate::db::evaluation_forms;
use crate::db::evaluations::{
    self, Evaluation, EvaluationRow, Move, NewEvaluationRow, StoredAnswer,
};
use crate::db::{Conn, to_db_time};
use crate::domain::Problem;
use crate::domain::quality::{
    Answer, EvaluationDisputeOutcome, EvaluationStatus, dispute_until, may_dispute, score,
    tenths_of,
};
use crate::domain::role::Role;
use crate::error::ApiError;

/// What an evaluator submits.
#[derive(Debug, Clone)]
pub struct NewEvaluation {
    pub form_id: i64,
    pub answers: Vec<StoredAnswer>,
    pub comment: Option<String>,
}

/// Scores contact `contact_id` on a form. Team leads evaluate their team's agents' contacts,
/// managers and heads anyone's (404 for a contact of another team); nobody their own contact.
pub fn evaluate(
    conn: &mut Conn,
    actor: &Actor,
    contact_id: i64,
    new: NewEvaluation,
) -> Result<Evaluation, ApiError> {
    let contact = evaluations::reviewed_contact(conn, contact_id)?
        .filter(|c| match actor.role {
            Role::Manager | Role::Head => true,
            Role::TeamLead => actor.team_id.is_some() && c.agent_team_id == actor.team_id,
            _ => false,
        })
        .ok_or_else(|| ApiError::not_found("contact"))?;
    let agent_id = contact.agent_id.ok_or_else(|| {
        ApiError::conflict(
            "contact-without-agent",
            "this contact was not logged by a user, so there is nobody to evaluate",
        )
    })?;
    if agent_id == actor.user_id {
        return Err(ApiError::forbidden(
            "own-contact",
            "nobody evaluates their own contact",
        ));
    }
    let form = evaluation_forms::use_form(conn, new.form_id, actor.now)?;
    let answers: Vec<Answer<'_>> = new
        .answers
        .iter()
        .map(|a| Answer {
            key: &a.key,
            value: a.value,
        })
        .collect();
    let scoring = score(&form.questions()?, &answers).map_err(ApiError::from_problems)?;
    let row = evaluations::insert(
        conn,
        &NewEvaluationRow {
            contact_id,
            account_id: contact.account_id,
            agent_id,
            team_id: contact.agent_team_id,
            form_id: form.id,
            evaluator_id: actor.user_id,
            answers: serde_json::to_string(&new.answers)
                .map_err(|e| ApiError::Internal(format!("answers: {e}")))?,
            comment: new.comment,
            score_tenths: scoring.tenths,
            fatal_failed: scoring.fatal_failed,
            status: EvaluationStatus::Submitted.as_str(),
            evaluated_at: to_db_time(actor.now),
        },
    )?;
    audited(conn, actor, "evaluation.submitted", None, &row)?;
    row.into_evaluation()
}

/// The agent accepts their evaluation (`submitted` → `acknowledged`).
pub fn acknowledge(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Evaluation, ApiError> {
    let before = own_evaluation(conn, actor, id)?;
    let after = evaluations::transition(
        conn,
        actor,
        id,
        EvaluationStatus::Submitted,
        EvaluationStatus::Acknowledged,
        Move::default(),
    )?
    .ok_or_else(not_open)?;
    audited(
        conn,
        actor,
        "evaluation.acknowledged",
        Some(&before),
        &after,
    )?;
    after.into_evaluation()
}

/// The agent contests their evaluation, through the 7th day after it (`submitted` → `disputed`).
pub fn dispute(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    reason: String,
) -> Result<Evaluation, ApiError> {
    let before = own_evaluation(conn, actor, id)?;
    let evaluated_at = crate::db::from_db_time(before.evaluated_at);
    if !may_dispute(evaluated_at, actor.now) {
        return Err(ApiError::conflict(
            "dispute-window-closed",
            format!(
                "an evaluation may be disputed through the 7th day after it, {}",
                dispute_until(evaluated_at)
            ),
        ));
    }
    let change = Move {
        dispute_reason: Some(reason),
        ..Move::default()
    };
    let after = evaluations::transition(
        conn,
        actor,
        id,
        EvaluationStatus::Submitted,
        EvaluationStatus::Disputed,
        change,
    )?
    .ok_or_else(not_open)?;
    audited(conn, actor, "evaluation.disputed", Some(&before), &after)?;
    after.into_evaluation()
}

/// How a dispute is decided.
#[derive(Debug, Clone, Copy)]
pub struct Resolution {
    pub outcome: EvaluationDisputeOutcome,
    /// A corrected score (0 to 100, one decimal), only with `upheld`.
    pub score: Option<f64>,
}

/// Decides a dispute (team lead of the agent's team, manager, head): never the evaluator, nor
/// the evaluated agent. An upheld dispute with a `score` replaces the score (the formula's stays
/// as `original_score`) and clears `fatal_failed`.
pub fn resolve(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    resolution: Resolution,
) -> Result<Evaluation, ApiError> {
    let corrected = corrected_score(resolution)?;
    let before = evaluations::find_visible_row(conn, actor, id)?;
    if before.evaluator_id == actor.user_id {
        return Err(ApiError::forbidden(
            "evaluator-cannot-resolve",
            "the evaluator may not decide a dispute of their own evaluation",
        ));
    }
    if before.agent_id == actor.user_id {
        return Err(ApiError::forbidden(
            "own-evaluation",
            "nobody decides a dispute of their own evaluation",
        ));
    }
    let change = Move {
        outcome: Some(resolution.outcome),
        corrected_tenths: corrected,
        ..Move::default()
    };
    let after = evaluations::transition(
        conn,
        actor,
        id,
        EvaluationStatus::Disputed,
        EvaluationStatus::Resolved,
        change,
    )?
    .ok_or_else(|| {
        ApiError::conflict(
            "evaluation-not-disputed",
            "only a disputed evaluation can be resolved",
        )
    })?;
    audited(
        conn,
        actor,
        "evaluation.dispute_resolved",
        Some(&before),
        &after,
    )?;
    after.into_evaluation()
}

fn corrected_score(r: Resolution) -> Result<Option<i64>, ApiError> {
    match (r.outcome, r.score) {
        (_, None) => Ok(None),
        (EvaluationDisputeOutcome::Rejected, Some(_)) => {
            Err(ApiError::from_problems(vec![Problem::new(
                "score",
                "only an upheld dispute corrects the score",
            )]))
        }
        (EvaluationDisputeOutcome::Upheld, Some(s)) => tenths_of(s)
            .map(Some)
            .ok_or_else(|| ApiError::invalid("score", "must be 0 to 100 with one decimal at most")),
    }
}

/// The caller's own evaluation: 404 when they may not see it, 403 when it is someone else's.
fn own_evaluation(conn: &mut Conn, actor: &Actor, id: i64) -> Result<EvaluationRow, ApiError> {
    let row = evaluations::find_visible_row(conn, actor, id)?;
    if row.agent_id != actor.user_id {
        return Err(ApiError::forbidden(
            "not-your-evaluation",
            "only the evaluated agent acknowledges or disputes an evaluation",
        ));
    }
    Ok(row)
}

fn not_open() -> ApiError {
    ApiError::conflict(
        "evaluation-not-open",
        "only a submitted evaluation (neither acknowledged nor disputed) can be acknowledged or disputed",
    )
}

fn audited(
    conn: &mut Conn,
    actor: &Actor,
    action: &str,
    before: Option<&EvaluationRow>,
    after: &EvaluationRow,
) -> Result<(), ApiError> {
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "evaluation",
            entity_id: after.id,
            action,
            before: before.map(evaluations::json),
            after: Some(evaluations::json(after)),
            account_id: Some(after.account_id),
        },
    )
}
