//! `/v1/accounts/{id}/arrangements` and `/v1/arrangements`.

use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::lenient_int;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{AccountPath, ArrangementPath};
use crate::auth::{Agent, AnyRole, Caller};
use crate::db::arrangements::{self, Arrangement, ArrangementKind};
use crate::domain::schedule::{Due, Frequency, MAX_INSTALLMENTS, generate};
use crate::error::{ApiError, FieldError};
use crate::state::AppState;
use crate::workflows::arrangement;

/// One installment of an explicit plan.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"due_on": "2026-12-15", "amount": 25000}))]
pub struct InstallmentRequest {
    #[serde(deserialize_with = "crate::api::dates::deserialize")]
    pub due_on: NaiveDate,
    /// Minor units, > 0.
    #[serde(deserialize_with = "crate::api::money::deserialize")]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 1)]
    pub amount: i64,
}

/// A new arrangement, in one of three shapes:
/// - `{"kind": "plan", "installments": [{"due_on", "amount"}, …]}`
/// - `{"kind": "plan", "total", "count", "frequency", "first_due_on"}` (remainder cents on the last installment)
/// - `{"kind": "promise", "amount", "due_on"}`
///
/// Due dates ascending and not in the past, amounts > 0, total ≤ balance, at most 60
/// installments (422 otherwise). A plan longer than your role may set up without approval (the
/// approval policy's `plan_max_installments`: agent 12, team lead 24, manager 60 by default) is
/// created `pending_approval`, with an approval request for the tier that may allow it.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "plan", "total": 75000, "count": 3, "frequency": "monthly", "first_due_on": "2026-12-15"}))]
pub struct CreateArrangementRequest {
    pub kind: ArrangementKind,
    #[validate(length(min = 1, max = 60, message = "must hold 1 to 60 installments"))]
    #[schema(max_items = 60)]
    pub installments: Option<Vec<InstallmentRequest>>,
    #[serde(default, deserialize_with = "crate::api::money::option")]
    #[schema(maximum = 10_000_000_000_000_i64)]
    pub total: Option<i64>,
    #[serde(default, deserialize_with = "lenient_int::option")]
    #[schema(minimum = 1, maximum = 60)]
    pub count: Option<i64>,
    pub frequency: Option<Frequency>,
    #[serde(default, deserialize_with = "crate::api::dates::option")]
    pub first_due_on: Option<NaiveDate>,
    /// Promise: the amount (minor units).
    #[serde(default, deserialize_with = "crate::api::money::option")]
    #[schema(maximum = 10_000_000_000_000_i64)]
    pub amount: Option<i64>,
    /// Promise: the date.
    #[serde(default, deserialize_with = "crate::api::dates::option")]
    pub due_on: Option<NaiveDate>,
}

fn missing(field: &str) -> FieldError {
    FieldError::new(field, "is required for this kind of arrangement")
}

fn unexpected(field: &str) -> FieldError {
    FieldError::new(field, "does not belong to this kind of arrangement")
}

/// The schedule the request describes (shape errors → 422).
pub fn schedule(r: &CreateArrangementRequest) -> Result<Vec<Due>, ApiError> {
    let mut errors = Vec::new();
    let dues = match r.kind {
        ArrangementKind::Promise => promise_dues(r, &mut errors),
        ArrangementKind::Plan => plan_dues(r, &mut errors),
    };
    if errors.is_empty() {
        Ok(dues)
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// The fields that describe a generated plan, and whether each is set.
fn plan_fields(r: &CreateArrangementRequest) -> [(&'static str, bool); 4] {
    [
        ("total", r.total.is_some()),
        ("count", r.count.is_some()),
        ("frequency", r.frequency.is_some()),
        ("first_due_on", r.first_due_on.is_some()),
    ]
}

/// A promise: one amount on one date, and none of a plan's fields.
fn promise_dues(r: &CreateArrangementRequest, errors: &mut Vec<FieldError>) -> Vec<Due> {
    for (f, set) in plan_fields(r)
        .iter()
        .chain(&[("installments", r.installments.is_some())])
    {
        if *set {
            errors.push(unexpected(f));
        }
    }
    match (r.amount, r.due_on) {
        (Some(amount), Some(due_on)) => vec![Due { due_on, amount }],
        (a, d) => {
            a.is_none().then(|| errors.push(missing("amount")));
            d.is_none().then(|| errors.push(missing("due_on")));
            vec![]
        }
    }
}

/// A plan: either its installments listed, or total, count, frequency and first date to
/// generate them from; never a promise's fields.
fn plan_dues(r: &CreateArrangementRequest, errors: &mut Vec<FieldError>) -> Vec<Due> {
    for (f, set) in [
        ("amount", r.amount.is_some()),
        ("due_on", r.due_on.is_some()),
    ] {
        if set {
            errors.push(unexpected(f));
        }
    }
    let fields = plan_fields(r);
    match (
        &r.installments,
        r.total,
        r.count,
        r.frequency,
        r.first_due_on,
    ) {
        (Some(list), None, None, None, None) => list
            .iter()
            .map(|i| Due {
                due_on: i.due_on,
                amount: i.amount,
            })
            .collect(),
        (None, Some(total), Some(count), Some(frequency), Some(first)) => {
            let count = usize::try_from(count).unwrap_or(0);
            if count > MAX_INSTALLMENTS {
                errors.push(FieldError::new(
                    "count",
                    format!("must be from 1 to {MAX_INSTALLMENTS}"),
                ));
                return vec![];
            }
            generate(total, count, frequency, first).unwrap_or_else(|(f, m)| {
                errors.push(FieldError::new(f, m));
                vec![]
            })
        }
        (Some(_), ..) => {
            let set = fields.iter().filter(|(_, set)| *set);
            errors.extend(set.map(|(f, _)| unexpected(f)));
            vec![]
        }
        (None, ..) => {
            let unset = fields.iter().filter(|(_, set)| !*set);
            errors.extend(unset.map(|(f, _)| missing(f)));
            vec![]
        }
    }
}

/// Set up a payment plan or a promise to pay (agent and above, within scope).
///
/// The account must be `open` (409 `arrangement-exists` when it already has an active or pending
/// arrangement, `account-not-open` otherwise) and moves to `in_arrangement`. A plan longer than
/// the caller may set up is answered 201 with status `pending_approval` and waits for an approval
/// (see the approvals).
#[utoipa::path(
    tag = "arrangements",
    operation_id = "create_arrangement",
    params(AccountPath),
    request_body = CreateArrangementRequest,
    responses(
        (status = 201, description = "Created", body = Arrangement),
        (status = 403, description = "Your role may not do this (`insufficient-role`)"),
        (status = 409, description = "The account has a live arrangement (`arrangement-exists`) or is not open (`account-not-open`)"),
    )
)]
#[post("/accounts/{id}/arrangements")]
pub async fn create_arrangement(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    id: web::Path<AccountPath>,
    idem: IdempotencyKey,
    body: ValidJson<CreateArrangementRequest>,
) -> Result<HttpResponse, ApiError> {
    let account_id = id.into_inner().id;
    let digest = body.digest;
    let req = body.into_inner();
    let dues = schedule(&req)?;
    exec::write(
        &state.db,
        caller.into_actor(),
        idem,
        digest,
        move |conn, actor| {
            Reply::created_in(
                "/v1/arrangements",
                &arrangement::create(conn, actor, account_id, req.kind, dues)?,
            )
        },
    )
    .await
}

/// An account's arrangements, newest first.
#[utoipa::path(
    tag = "arrangements",
    operation_id = "list_account_arrangements",
    params(AccountPath, PageParams),
    responses((status = 200, description = "A page of arrangements", body = Page<Arrangement>))
)]
#[get("/accounts/{id}/arrangements")]
pub async fn list_account_arrangements(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Arrangement>>, ApiError> {
    let page = page.parse()?;
    let id = id.into_inner().id;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        arrangements::list_for_account(conn, actor, id, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |a| a.id)))
}

/// One arrangement with its installments.
#[utoipa::path(
    tag = "arrangements",
    operation_id = "get_arrangement",
    params(ArrangementPath),
    responses((status = 200, description = "The arrangement", body = Arrangement))
)]
#[get("/arrangements/{id}")]
pub async fn get_arrangement(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<ArrangementPath>,
) -> Result<web::Json<Arrangement>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, actor| {
            arrangements::find_visible(conn, actor, id)
        })
        .await?,
    ))
}

/// Cancel an active or pending arrangement: its creator, a team lead of the account's team, or
/// a manager or head. The account returns to `open`.
#[utoipa::path(
    tag = "arrangements",
    operation_id = "cancel_arrangement",
    params(ArrangementPath),
    responses(
        (status = 200, description = "Cancelled", body = Arrangement),
        (status = 403, description = "Your role may not do this, or an agent cancelling another's arrangement (`not-creator`)"),
        (status = 409, description = "The arrangement is not live (`arrangement-not-live`)"),
    )
)]
#[post("/arrangements/{id}/cancel")]
pub async fn cancel_arrangement(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    id: web::Path<ArrangementPath>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        Reply::ok(&arrangement::cancel(conn, actor, id)?)
    })
    .await
}
