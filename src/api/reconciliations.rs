//! `/v1/reconciliations` and `/v1/reconciliation-exceptions/{id}/resolve`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::{self, ValidJson};
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{ReconciliationExceptionPath, ReconciliationPath};
use crate::api::remittance::{self, CsvFileParams, ReconciliationRequest};
use crate::auth::{Caller, Manager};
use crate::db::reconciliations::{
    self, ExceptionStatus, Reconciliation, ReconciliationException, Resolution,
};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::Initiator;
use crate::workflows::reconciliation;

/// Reconcile a remittance file against the recorded payments (manager and above).
///
/// The body is JSON, or `text/csv` with a header row (`external_ref, amount, received_on`,
/// optional `reference` and `line`; empty cells are absent) and the file's `source`, `from`,
/// `to` and `methods` as query parameters; up to 50,000 rows. Each row is matched to at most one
/// recorded, not reversed payment of its account: by (`external_ref`, `reference`) first (another
/// amount: `amount_mismatch`), else by account, amount and `received_on` within 3 days (the
/// nearest date). Rows left over are `unmatched_row`; payments received from `from` to `to` with
/// one of `methods` that no row took are `unmatched_payment`. Synchronous: 201 with the summary;
/// the exceptions are listed under the reconciliation.
#[utoipa::path(
    tag = "payments",
    operation_id = "create_reconciliation",
    params(CsvFileParams),
    request_body(content(
        (ReconciliationRequest = "application/json"),
        (String = "text/csv", example = "line,external_ref,amount,received_on,reference\n2,ACC-1001,12500,2026-11-14,TX-99812\n")
    )),
    responses(
        (status = 201, description = "Reconciled", body = Reconciliation,
            headers(("Location" = String, description = "/v1/reconciliations/{id}"))),
        (status = 413, description = "Body over 16 MiB (`payload-too-large`)"),
        (status = 415, description = "Neither JSON nor CSV (`unsupported-media-type`)"),
        (status = 422, description = "A row or a header field to fix, named as `rows[i].field` (`validation-failed`)"),
    )
)]
#[post("/reconciliations")]
pub async fn create_reconciliation(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    idem: IdempotencyKey,
    req: HttpRequest,
    params: web::Query<CsvFileParams>,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let csv = match content_essence(&req).as_deref() {
        Some("text/csv") => true,
        None | Some("application/json") => false,
        Some(_) => {
            return Err(ApiError::UnsupportedMediaType(
                "send the file as Content-Type: application/json or text/csv".into(),
            ));
        }
    };
    let bytes = json::read_limited(&req, body.into_inner(), remittance::BODY_LIMIT).await?;
    let json_body = if csv {
        remittance::as_json(&params.into_inner(), &bytes)?
    } else {
        bytes.to_vec()
    };
    let parsed = json::parse::<ReconciliationRequest>(&json_body)?;
    let digest = parsed.digest;
    let file = parsed.value.into_file()?;
    exec::write(
        &state.db,
        caller.into_actor(),
        idem,
        digest,
        move |conn, actor| {
            let made = reconciliation::run(conn, Initiator::User(actor), file)?;
            let location = format!("/v1/reconciliations/{}", made.id);
            Ok(Reply::created(&made)?.at(location))
        },
    )
    .await
}

/// The body's media type without parameters, lower case.
fn content_essence(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
}

/// Reconciliations, newest first (manager and above).
#[utoipa::path(
    tag = "payments",
    operation_id = "list_reconciliations",
    params(PageParams),
    responses((status = 200, description = "A page of reconciliations", body = Page<Reconciliation>))
)]
#[get("/reconciliations")]
pub async fn list_reconciliations(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Reconciliation>>, ApiError> {
    let page = page.parse()?;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, _| {
        reconciliations::list(conn, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |r| r.id)))
}

/// One reconciliation with its summary (manager and above).
#[utoipa::path(
    tag = "payments",
    operation_id = "get_reconciliation",
    params(ReconciliationPath),
    responses((status = 200, description = "The reconciliation", body = Reconciliation))
)]
#[get("/reconciliations/{id}")]
pub async fn get_reconciliation(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    id: web::Path<ReconciliationPath>,
) -> Result<web::Json<Reconciliation>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, _| {
            reconciliations::find(conn, id)
        })
        .await?,
    ))
}

/// Filter of the exceptions.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExceptionFilter {
    pub status: Option<ExceptionStatus>,
}

/// A reconciliation's exceptions, oldest first (manager and above).
#[utoipa::path(
    tag = "payments",
    operation_id = "list_reconciliation_exceptions",
    params(ReconciliationPath, ExceptionFilter, PageParams),
    responses((status = 200, description = "A page of exceptions", body = Page<ReconciliationException>))
)]
#[get("/reconciliations/{id}/exceptions")]
pub async fn list_reconciliation_exceptions(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    id: web::Path<ReconciliationPath>,
    filter: web::Query<ExceptionFilter>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<ReconciliationException>>, ApiError> {
    let page = page.parse()?;
    let (id, status) = (id.into_inner().id, filter.into_inner().status);
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, _| {
        reconciliation::exceptions(conn, id, status, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |r| r.id)))
}

/// How to resolve an exception.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"action": "post_payment", "note": "card batch 1114 posted late"}))]
pub struct ResolveExceptionRequest {
    pub action: Resolution,
    /// Required for `accept`.
    #[validate(length(min = 1, max = 1000, message = "must be 1 to 1000 characters"))]
    #[schema(min_length = 1, max_length = 1000)]
    pub note: Option<String>,
}

/// Resolve an exception (manager and above): `post_payment` records an `unmatched_row` of a
/// known account as a payment with the row's reference, amount and date (the payment path:
/// allocation, installments, settlement completion); `reverse_payment` reverses an
/// `unmatched_payment`; `accept` settles any exception as it is, with a note. An action that does
/// not fit the exception's kind → 422 `action-not-allowed`; resolved already → 409
/// `already-resolved`. Audited.
#[utoipa::path(
    tag = "payments",
    operation_id = "resolve_reconciliation_exception",
    params(ReconciliationExceptionPath),
    request_body = ResolveExceptionRequest,
    responses(
        (status = 200, description = "Resolved", body = ReconciliationException),
        (status = 409, description = "Resolved already (`already-resolved`), or what the payment path refuses (`duplicate-reference`, `already-reversed`, `account-closed`)"),
        (status = 422, description = "An action that does not fit the kind (`action-not-allowed`), `accept` without a note (`validation-failed`)"),
    )
)]
#[post("/reconciliation-exceptions/{id}/resolve")]
pub async fn resolve_reconciliation_exception(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    id: web::Path<ReconciliationExceptionPath>,
    idem: IdempotencyKey,
    body: ValidJson<ResolveExceptionRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, req| {
            let note = req.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
            if req.action == Resolution::Accept && note.is_none() {
                return Err(ApiError::invalid(
                    "note",
                    "is required to accept an exception",
                ));
            }
            Reply::ok(&reconciliation::resolve(conn, actor, id, req.action, note)?)
        },
    )
    .await
}
