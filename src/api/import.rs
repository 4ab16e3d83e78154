//! `POST /v1/accounts/import`: bulk placement, one result per row.

use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::api::FieldErrors;
use crate::api::accounts::{CreateAccountRequest, parse_new_account};
use crate::api::debtors::{CreateDebtorRequest, parse_new_debtor};
use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::{ValidJson, flatten, shape_error};
use crate::auth::{Caller, Manager};
use crate::error::{ApiError, FieldError, Problem};
use crate::state::AppState;
use crate::workflows::Initiator;
use crate::workflows::import::{self, Outcome, Placement, RowField};

/// Most rows one call takes.
pub const MAX_ROWS: usize = 10_000;
/// The import route's body limit: 32 MiB (other routes: 1 MiB).
pub const BODY_LIMIT: usize = 32 * 1024 * 1024;

/// One account to place, with its debtor inline. Upserted by `external_ref`.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"external_ref": "ACC-2026-000101", "original_amount": 250000, "balance": 182550,
    "delinquent_since": "2026-08-14", "portfolio": "cards-2026q3", "team_id": 3,
    "debtor": {"name": "Jordan Reyes", "phone": "+16125550123", "timezone": "America/Chicago", "region": "MN", "external_ref": "CUST-0042"}}))]
pub struct ImportRow {
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub external_ref: String,
    #[schema(example = "USD", min_length = 3, max_length = 3)]
    pub currency: Option<String>,
    #[serde(deserialize_with = "crate::api::money::deserialize")]
    #[validate(range(min = 0, message = "must not be negative"))]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 0)]
    pub original_amount: i64,
    #[serde(deserialize_with = "crate::api::money::deserialize")]
    #[validate(range(min = 0, message = "must not be negative"))]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 0)]
    pub balance: i64,
    /// Interest within `balance` (minor units, ≥ 0; default 0).
    #[serde(default, deserialize_with = "crate::api::money::option")]
    #[validate(range(min = 0, message = "must not be negative"))]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 0)]
    pub interest: Option<i64>,
    /// Fees within `balance` (minor units, ≥ 0; default 0).
    #[serde(default, deserialize_with = "crate::api::money::option")]
    #[validate(range(min = 0, message = "must not be negative"))]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 0)]
    pub fees: Option<i64>,
    /// Costs (legal, court) within `balance` (minor units, ≥ 0; default 0). Principal is the
    /// rest. They place a new account; a re-placed account keeps its parts and its principal
    /// moves by the balance's difference.
    #[serde(default, deserialize_with = "crate::api::money::option")]
    #[validate(range(min = 0, message = "must not be negative"))]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 0)]
    pub costs: Option<i64>,
    #[serde(deserialize_with = "crate::api::dates::deserialize")]
    pub delinquent_since: NaiveDate,
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub portfolio: Option<String>,
    #[serde(default, deserialize_with = "crate::api::lenient_int::option")]
    pub team_id: Option<i64>,
    /// Matched by its `external_ref` when given (an existing debtor is reused); otherwise a new
    /// debtor is created for a new account, and an existing account's debtor is updated.
    #[validate(nested)]
    pub debtor: CreateDebtorRequest,
}

/// Rows to place: 1 to 10,000 (bodies up to 32 MiB).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"accounts": [{"external_ref": "ACC-2026-000101", "original_amount": 250000, "balance": 182550,
    "delinquent_since": "2026-08-14", "debtor": {"name": "Jordan Reyes", "timezone": "America/Chicago"}}]}))]
pub struct ImportRequest {
    /// Each row is checked on its own: a row that does not fit `ImportRow` (a missing field, a
    /// wrong type, a bad value) is answered in `results` with its problem, and does not stop the
    /// others, even a row that is not an object. Only an empty list or one of more than 10,000
    /// rows is refused as a whole (422).
    #[validate(length(min = 1, max = 10000, message = "must hold 1 to 10000 rows"))]
    #[schema(value_type = Vec<ImportRow>, min_items = 1, max_items = 10000)]
    pub accounts: Vec<serde_json::Value>,
}

/// What became of a row.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "created")]
pub enum ImportStatus {
    Created,
    Updated,
    /// Updated, except the new balance: a `placement_update` adjustment beyond the importer's
    /// `adjustment_max` waits for approval `approval_id`.
    PendingApproval,
    Error,
}

/// The result of one row.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"index": 0, "status": "created", "id": 101}))]
pub struct ImportResult {
    /// The row's position in `accounts`, from 0.
    pub index: usize,
    pub status: ImportStatus,
    /// The account's id (created or updated rows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The approval request a `pending_approval` row's balance change waits for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval_id: Option<i64>,
    /// Why the row was refused (`error` rows); `errors` name fields within the row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

/// One result per row, in order.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"results": [{"index": 0, "status": "created", "id": 101},
    {"index": 1, "status": "error", "problem": {"type": "https://arrears.dev/problems/validation-failed",
    "title": "Unprocessable Entity", "status": 422, "detail": "debtor.timezone: \"Mars/Base\" is not an IANA time zone such as America/Chicago",
    "errors": [{"field": "debtor.timezone", "message": "\"Mars/Base\" is not an IANA time zone such as America/Chicago"}]}}]}))]
pub struct ImportResponse {
    pub results: Vec<ImportResult>,
}

/// Parses one row (shared with `arrears import`).
pub fn parse_row(value: &serde_json::Value, today: NaiveDate) -> Result<Placement, ApiError> {
    let row: ImportRow = serde_path_to_error::deserialize(value).map_err(shape_error)?;
    row.validate()
        .map_err(|e| ApiError::Validation(flatten(&e, "")))?;
    let mut errors = FieldErrors::default();
    let debtor = parse_new_debtor(row.debtor, &mut errors, "debtor.");
    let account = CreateAccountRequest {
        external_ref: row.external_ref,
        debtor_id: 0,
        currency: row.currency,
        original_amount: row.original_amount,
        balance: row.balance,
        interest: row.interest,
        fees: row.fees,
        costs: row.costs,
        delinquent_since: row.delinquent_since,
        portfolio: row.portfolio,
        team_id: row.team_id,
    };
    let account = parse_new_account(account, today, &mut errors, "");
    errors.finish()?;
    match (account, debtor) {
        (Some(account), Some(debtor)) => Ok(Placement {
            account,
            debtor,
            absent: absent_fields(value),
        }),
        _ => Err(ApiError::Validation(vec![FieldError::new(
            "body",
            "the row is invalid",
        )])),
    }
}

/// The optional fields a row leaves out (a CSV's empty cells are left out too); `null` is a value.
fn absent_fields(row: &serde_json::Value) -> Vec<RowField> {
    let debtor = &row["debtor"];
    [
        (row, "currency", RowField::Currency),
        (row, "portfolio", RowField::Portfolio),
        (row, "team_id", RowField::TeamId),
        (debtor, "phone", RowField::DebtorPhone),
        (debtor, "email", RowField::DebtorEmail),
        (debtor, "region", RowField::DebtorRegion),
    ]
    .into_iter()
    .filter(|(object, key, _)| object.get(key).is_none())
    .map(|(_, _, field)| field)
    .collect()
}

/// Turns outcomes into results.
pub fn results(outcomes: Vec<Outcome>) -> Vec<ImportResult> {
    outcomes
        .into_iter()
        .enumerate()
        .map(|(index, o)| match o {
            Outcome::Created(id) => ImportResult {
                index,
                status: ImportStatus::Created,
                id: Some(id),
                approval_id: None,
                problem: None,
            },
            Outcome::Updated(id) => ImportResult {
                index,
                status: ImportStatus::Updated,
                id: Some(id),
                approval_id: None,
                problem: None,
            },
            Outcome::PendingApproval {
                account_id,
                approval_id,
            } => ImportResult {
                index,
                status: ImportStatus::PendingApproval,
                id: Some(account_id),
                approval_id: Some(approval_id),
                problem: None,
            },
            Outcome::Failed(e) => ImportResult {
                index,
                status: ImportStatus::Error,
                id: None,
                approval_id: None,
                problem: Some(e.problem()),
            },
        })
        .collect()
}

/// Place up to 10,000 accounts, each with its debtor (manager, head).
///
/// Upserts by `external_ref`: a new reference creates the account (status `open`); a known one
/// updates its amounts, dates, portfolio, team and debtor details (`currency` cannot change, nor
/// `balance` once the account has left `open`). A new `balance` is an adjustment of the
/// principal with reason `placement_update` under the importer's `adjustment_max` (either
/// sign): within it the row answers `updated`; beyond it `pending_approval` with the approval
/// request's `approval_id`, the row's other fields applied at once. Answers 200 with one result
/// per row, in order; a bad row changes nothing of itself and does not stop the others.
#[utoipa::path(
    tag = "accounts",
    operation_id = "import_accounts",
    request_body = ImportRequest,
    responses((status = 200, description = "One result per row", body = ImportResponse))
)]
#[post("/accounts/import")]
pub async fn import_accounts(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    idem: IdempotencyKey,
    body: ValidJson<ImportRequest, BODY_LIMIT>,
) -> Result<HttpResponse, ApiError> {
    let digest = body.digest;
    let actor = caller.into_actor();
    let today = actor.now.date_naive();
    let rows: Vec<Result<Placement, ApiError>> = body
        .into_inner()
        .accounts
        .iter()
        .map(|v| parse_row(v, today))
        .collect();
    exec::write(&state.db, actor, idem, digest, move |conn, actor| {
        let outcomes = import::import(conn, Initiator::User(actor), rows)?;
        Reply::ok(&ImportResponse {
            results: results(outcomes),
        })
    })
    .await
}
