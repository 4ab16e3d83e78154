//! Evaluation forms (`/v1/evaluation-forms`) and evaluations of contacts (`/v1/evaluations`).

use actix_web::{HttpResponse, get, post, put, web};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::lenient_int;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{ContactPath, EvaluationFormPath, EvaluationPath};
use crate::auth::{AnyRole, Caller, Manager, TeamLead};
use crate::db::evaluation_forms::{self, EvaluationForm};
use crate::db::evaluations::{self, Evaluation, EvaluationFilter, StoredAnswer};
use crate::domain::quality::{EvaluationDisputeOutcome, EvaluationStatus, Question, form_problems};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::evaluation::{self, NewEvaluation, Resolution};

/// A form of weighted questions.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Outbound call quality", "questions": [
    {"key": "mini_miranda", "text": "Gave the mini-Miranda disclosure", "weight": 20, "scale": "yes_no", "fatal": true},
    {"key": "negotiation", "text": "Negotiated within policy", "weight": 30, "scale": "zero_to_five"}]}))]
pub struct EvaluationFormRequest {
    /// 1 to 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// 1 to 50 questions; keys unique (lower-case letters, digits, `_`); text 1 to 1000
    /// characters; weight 1 to 100; `fatal` defaults to false.
    pub questions: Vec<Question>,
}

impl Validate for EvaluationFormRequest {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        Ok(())
    }
}

impl EvaluationFormRequest {
    fn checked(self) -> Result<(String, Vec<Question>), ApiError> {
        ApiError::unless_any(form_problems(&self.name, &self.questions))?;
        let questions = self
            .questions
            .into_iter()
            .map(|q| Question {
                text: q.text.trim().to_owned(),
                ..q
            })
            .collect();
        Ok((self.name.trim().to_owned(), questions))
    }
}

/// Create an evaluation form (manager and above).
#[utoipa::path(tag = "quality", operation_id = "create_evaluation_form", request_body = EvaluationFormRequest,
    responses((status = 201, description = "Created", body = EvaluationForm)))]
#[post("/evaluation-forms")]
pub async fn create_evaluation_form(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    idem: IdempotencyKey,
    body: ValidJson<EvaluationFormRequest>,
) -> Result<HttpResponse, ApiError> {
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        |conn, actor, r| {
            let (name, questions) = r.checked()?;
            let form = evaluation_forms::insert(conn, actor, &name, &questions)?;
            Ok(Reply::created(&form)?.at(format!("/v1/evaluation-forms/{}", form.id)))
        },
    )
    .await
}

/// Replace a form that no evaluation has used yet (manager and above); a used form never
/// changes (409 `evaluation-form-used`): create a new one.
#[utoipa::path(tag = "quality", operation_id = "replace_evaluation_form", params(EvaluationFormPath),
    request_body = EvaluationFormRequest,
    responses((status = 200, description = "Replaced", body = EvaluationForm),
        (status = 409, description = "Used by an evaluation (`evaluation-form-used`)")))]
#[put("/evaluation-forms/{id}")]
pub async fn replace_evaluation_form(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    id: web::Path<EvaluationFormPath>,
    body: ValidJson<EvaluationFormRequest>,
) -> Result<web::Json<EvaluationForm>, ApiError> {
    let id = id.into_inner().id;
    let (name, questions) = body.into_inner().checked()?;
    Ok(web::Json(
        exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
            evaluation_forms::replace(conn, actor, id, &name, &questions)
        })
        .await?,
    ))
}

/// Evaluation forms, newest first (every role: agents see what they are scored on).
#[utoipa::path(tag = "quality", operation_id = "list_evaluation_forms", params(PageParams),
    responses((status = 200, description = "A page of forms", body = Page<EvaluationForm>)))]
#[get("/evaluation-forms")]
pub async fn list_evaluation_forms(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<EvaluationForm>>, ApiError> {
    let page = page.parse()?;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, _| {
        evaluation_forms::list(conn, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |f| f.id)))
}

/// One evaluation form.
#[utoipa::path(tag = "quality", operation_id = "get_evaluation_form", params(EvaluationFormPath),
    responses((status = 200, description = "The form", body = EvaluationForm)))]
#[get("/evaluation-forms/{id}")]
pub async fn get_evaluation_form(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<EvaluationFormPath>,
) -> Result<web::Json<EvaluationForm>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, _| {
            evaluation_forms::find_row(conn, id)?.into_form()
        })
        .await?,
    ))
}

/// An evaluation of a contact.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"form_id": 1, "answers": [{"key": "mini_miranda", "value": 1}, {"key": "negotiation", "value": 4}],
    "comment": "Good control of the call."}))]
pub struct EvaluationRequest {
    #[serde(deserialize_with = "lenient_int::deserialize")]
    pub form_id: i64,
    /// Every question of the form once (`value` null: not applicable), none other.
    #[validate(length(max = 50, message = "must hold at most 50 answers"))]
    pub answers: Vec<AnswerRequest>,
    #[validate(length(min = 1, max = 5000, message = "must be 1 to 5000 characters"))]
    #[schema(min_length = 1, max_length = 5000)]
    pub comment: Option<String>,
}

/// One answer: 0 or 1 for `yes_no`, 0 to 5 for `zero_to_five`, null for not applicable.
#[derive(Debug, serde::Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"key": "negotiation", "value": 4}))]
pub struct AnswerRequest {
    #[schema(max_length = 50)]
    pub key: String,
    #[schema(minimum = 0, maximum = 5)]
    #[serde(default, deserialize_with = "lenient_int::option")]
    pub value: Option<i64>,
}

/// Evaluate a contact on a form (team lead for their team's agents, manager and above; never
/// one's own contact: 403 `own-contact`; another team's contact: 404). `score` = 100 ×
/// Σ(weight × value ÷ max) ÷ Σ(weight of answered questions), rounded half up to one decimal; a
/// fatal question answered 0 makes it 0 with `fatal_failed: true`. The form is used from now on
/// (immutable). The agent may acknowledge it, or dispute it through the 7th day after.
#[utoipa::path(tag = "quality", operation_id = "create_evaluation", params(ContactPath), request_body = EvaluationRequest,
    responses((status = 201, description = "Scored", body = Evaluation),
        (status = 409, description = "A contact no user logged (`contact-without-agent`)")))]
#[post("/contacts/{id}/evaluations")]
pub async fn create_evaluation(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    id: web::Path<ContactPath>,
    idem: IdempotencyKey,
    body: ValidJson<EvaluationRequest>,
) -> Result<HttpResponse, ApiError> {
    let contact_id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            let new = NewEvaluation {
                form_id: r.form_id,
                answers: r
                    .answers
                    .into_iter()
                    .map(|a| StoredAnswer {
                        key: a.key,
                        value: a.value,
                    })
                    .collect(),
                comment: r.comment.map(|c| c.trim().to_owned()),
            };
            let made = evaluation::evaluate(conn, actor, contact_id, new)?;
            Ok(Reply::created(&made)?.at(format!("/v1/evaluations/{}", made.id)))
        },
    )
    .await
}

/// Filters of the evaluation list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EvaluationListParams {
    pub agent_id: Option<i64>,
    /// Evaluated on or after this day (UTC).
    pub from: Option<NaiveDate>,
    /// Evaluated on or before this day (UTC).
    pub to: Option<NaiveDate>,
    pub status: Option<EvaluationStatus>,
}

/// Evaluations, newest first: agents see their own, team leads their team's (and their own),
/// managers, heads, admins and auditors all.
#[utoipa::path(tag = "quality", operation_id = "list_evaluations", params(EvaluationListParams, PageParams),
    responses((status = 200, description = "A page of evaluations", body = Page<Evaluation>)))]
#[get("/evaluations")]
pub async fn list_evaluations(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    params: web::Query<EvaluationListParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Evaluation>>, ApiError> {
    let page = page.parse()?;
    let p = params.into_inner();
    let filter = EvaluationFilter {
        agent_id: p.agent_id,
        from: p.from,
        to: p.to,
        status: p.status,
    };
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        evaluations::list(conn, actor, &filter, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |e| e.id)))
}

/// One evaluation (scoped like the list).
#[utoipa::path(tag = "quality", operation_id = "get_evaluation", params(EvaluationPath),
    responses((status = 200, description = "The evaluation", body = Evaluation)))]
#[get("/evaluations/{id}")]
pub async fn get_evaluation(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<EvaluationPath>,
) -> Result<web::Json<Evaluation>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, actor| {
            evaluations::find_visible_row(conn, actor, id)?.into_evaluation()
        })
        .await?,
    ))
}

/// The evaluated agent accepts the evaluation (`submitted` → `acknowledged`); anyone else who
/// sees it: 403 `not-your-evaluation`.
#[utoipa::path(tag = "quality", operation_id = "acknowledge_evaluation", params(EvaluationPath),
    responses((status = 200, description = "Acknowledged", body = Evaluation),
        (status = 409, description = "Acknowledged or disputed already (`evaluation-not-open`)")))]
#[post("/evaluations/{id}/acknowledge")]
pub async fn acknowledge_evaluation(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<EvaluationPath>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        Reply::ok(&evaluation::acknowledge(conn, actor, id)?)
    })
    .await
}

/// Why the agent disputes.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "The debtor hung up before I could offer a plan."}))]
pub struct DisputeEvaluationRequest {
    #[validate(length(min = 1, max = 5000, message = "must be 1 to 5000 characters"))]
    #[schema(min_length = 1, max_length = 5000)]
    pub reason: String,
}

/// The evaluated agent disputes the evaluation, through the 7th UTC day after the evaluation's
/// day (`dispute_until`; later: 409 `dispute-window-closed`).
#[utoipa::path(tag = "quality", operation_id = "dispute_evaluation", params(EvaluationPath),
    request_body = DisputeEvaluationRequest,
    responses((status = 200, description = "Disputed", body = Evaluation),
        (status = 409, description = "Past `dispute_until` (`dispute-window-closed`), or acknowledged or disputed already (`evaluation-not-open`)")))]
#[post("/evaluations/{id}/dispute")]
pub async fn dispute_evaluation(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<EvaluationPath>,
    idem: IdempotencyKey,
    body: ValidJson<DisputeEvaluationRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            Reply::ok(&evaluation::dispute(
                conn,
                actor,
                id,
                r.reason.trim().to_owned(),
            )?)
        },
    )
    .await
}

/// A dispute's decision.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"outcome": "upheld", "score": 92.5}))]
pub struct ResolveEvaluationDisputeRequest {
    pub outcome: EvaluationDisputeOutcome,
    /// The corrected score (0 to 100, one decimal), only with `upheld`.
    #[schema(minimum = 0, maximum = 100)]
    pub score: Option<f64>,
}

/// Decide a dispute (team lead of the agent's team, manager, head): never the evaluator (403
/// `evaluator-cannot-resolve`) nor the evaluated agent (403 `own-evaluation`). `upheld` with a
/// `score` replaces the score (the formula's is kept as `original_score`) and clears
/// `fatal_failed`; `rejected` leaves the score as it is.
#[utoipa::path(tag = "quality", operation_id = "resolve_evaluation_dispute", params(EvaluationPath),
    request_body = ResolveEvaluationDisputeRequest,
    responses((status = 200, description = "Resolved", body = Evaluation),
        (status = 409, description = "Not disputed (`evaluation-not-disputed`)")))]
#[post("/evaluations/{id}/resolve-dispute")]
pub async fn resolve_evaluation_dispute(
    state: web::Data<AppState>,
    caller: Caller<TeamLead>,
    id: web::Path<EvaluationPath>,
    idem: IdempotencyKey,
    body: ValidJson<ResolveEvaluationDisputeRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            let resolution = Resolution {
                outcome: r.outcome,
                score: r.score,
            };
            Reply::ok(&evaluation::resolve(conn, actor, id, resolution)?)
        },
    )
    .await
}
