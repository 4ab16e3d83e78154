//! `/v1/accounts`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::api::audit::AuditEvent;
use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::if_match::if_match;
use crate::api::json::ValidJson;
use crate::api::pagination::{Page, PageParams, PageRequest, decode_key, encode_key};
use crate::api::paths::AccountPath;
use crate::api::{FieldErrors, lenient_int, nullable};
use crate::auth::{AnyRole, Caller, Manager};
use crate::db::account_list::{self, AccountFilter};
use crate::db::account_read;
use crate::db::account_sort::{AccountSort, Position};
use crate::db::account_update::{self, AccountChanges};
use crate::db::accounts::{self, Account, NewAccount};
use crate::db::audit::{self, AuditFilter};
use crate::domain::account::AccountStatus;
use crate::domain::debtor::parse_currency;
use crate::error::ApiError;
use crate::state::AppState;

/// A new account (placement).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"external_ref": "ACC-2026-000101", "debtor_id": 7, "currency": "USD",
    "original_amount": 250000, "balance": 182550, "interest": 10050, "fees": 2500, "delinquent_since": "2026-08-14",
    "portfolio": "cards-2026q3", "team_id": 3}))]
pub struct CreateAccountRequest {
    /// Unique (409 `account-ref-taken`).
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub external_ref: String,
    #[serde(deserialize_with = "lenient_int::deserialize")]
    pub debtor_id: i64,
    /// ISO 4217; default `USD`.
    #[schema(example = "USD", min_length = 3, max_length = 3)]
    pub currency: Option<String>,
    /// Minor units, ≥ 0.
    #[serde(deserialize_with = "crate::api::money::deserialize")]
    #[validate(range(min = 0, message = "must not be negative"))]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 0)]
    pub original_amount: i64,
    /// Minor units, from 0 to `original_amount`.
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
    /// rest of the balance (422 when interest, fees and costs exceed it).
    #[serde(default, deserialize_with = "crate::api::money::option")]
    #[validate(range(min = 0, message = "must not be negative"))]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 0)]
    pub costs: Option<i64>,
    /// Not in the future.
    #[serde(deserialize_with = "crate::api::dates::deserialize")]
    pub delinquent_since: NaiveDate,
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub portfolio: Option<String>,
    #[serde(default, deserialize_with = "lenient_int::option")]
    pub team_id: Option<i64>,
}

/// Checks the rules across fields of a placement; shared by create and import.
pub fn parse_new_account(
    r: CreateAccountRequest,
    today: NaiveDate,
    errors: &mut FieldErrors,
    prefix: &str,
) -> Option<NewAccount> {
    let field = |f: &str| format!("{prefix}{f}");
    let currency = errors.check(
        &field("currency"),
        parse_currency(r.currency.as_deref().unwrap_or("USD")),
    );
    if r.balance > r.original_amount {
        errors.check::<()>(
            &field("balance"),
            Err("must not exceed original_amount".into()),
        );
    }
    if r.delinquent_since > today {
        errors.check::<()>(
            &field("delinquent_since"),
            Err("must not be in the future".into()),
        );
    }
    let (interest, fees, costs) = (
        r.interest.unwrap_or(0),
        r.fees.unwrap_or(0),
        r.costs.unwrap_or(0),
    );
    if i128::from(interest) + i128::from(fees) + i128::from(costs) > i128::from(r.balance) {
        errors.check::<()>(
            &field("balance"),
            Err("must be at least interest + fees + costs (principal is the rest)".into()),
        );
    }
    let external_ref = r.external_ref.trim().to_owned();
    if external_ref.is_empty() {
        errors.check::<()>(&field("external_ref"), Err("must not be blank".into()));
    }
    Some(NewAccount {
        external_ref,
        debtor_id: r.debtor_id,
        currency: currency?,
        original_amount: r.original_amount,
        balance: r.balance,
        interest,
        fees,
        costs,
        delinquent_since: r.delinquent_since,
        portfolio: r.portfolio.map(|p| p.trim().to_owned()),
        team_id: r.team_id,
    })
}

/// Descriptive changes. `balance`, `status` and the assignee change only through their own
/// operations (payments, approvals, assignments): sending them here is refused with 422.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"portfolio": "cards-2026q4"}))]
pub struct UpdateAccountRequest {
    /// A portfolio name, or `null` to clear it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 100)]
    pub portfolio: Option<Option<String>>,
    /// Move the account to another team (`null`: no team). Moving it ends its current assignment.
    #[serde(default, deserialize_with = "lenient_int::patch")]
    #[schema(value_type = Option<i64>)]
    pub team_id: Option<Option<i64>>,
}

/// Filters of the account list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountListParams {
    pub status: Option<AccountStatus>,
    pub assignee_id: Option<i64>,
    pub team_id: Option<i64>,
    pub portfolio: Option<String>,
    /// Minor units, inclusive.
    pub min_balance: Option<i64>,
    /// Minor units, inclusive.
    pub max_balance: Option<i64>,
    /// Inclusive, ≥ 0.
    #[param(minimum = 0)]
    pub min_days_past_due: Option<i64>,
    /// Inclusive, ≥ 0.
    #[param(minimum = 0)]
    pub max_days_past_due: Option<i64>,
    /// An `external_ref` prefix, or part of the debtor's name (case-insensitive).
    pub q: Option<String>,
    /// `true`: only accounts a contact flagged deceased or bankrupt (the team lead's review
    /// list); `false`: only unflagged ones.
    pub flagged: Option<bool>,
    /// `balance`, `days_past_due` or `updated_at`, with `-` in front for descending (ties by
    /// id); default: by id. The cursor belongs to its sort.
    #[param(max_length = 20, pattern = "^-?(balance|days_past_due|updated_at)$")]
    pub sort: Option<String>,
    /// Only accounts changed at or after this instant (RFC 3339), for syncing a local copy.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

fn with_etag(status: actix_web::http::StatusCode, account: &Account) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::ETAG, etag(account.version)))
        .json(account)
}

/// Place an account (manager, head).
#[utoipa::path(
    tag = "accounts",
    operation_id = "create_account",
    request_body = CreateAccountRequest,
    responses(
        (status = 201, description = "Created", body = Account, headers(("ETag" = String, description = "The account's version"))),
        (status = 409, description = "Another account has this `external_ref` (`account-ref-taken`)"),
    )
)]
#[post("/accounts")]
pub async fn create_account(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    idem: IdempotencyKey,
    body: ValidJson<CreateAccountRequest>,
) -> Result<HttpResponse, ApiError> {
    let digest = body.digest;
    let actor = caller.into_actor();
    let mut errors = FieldErrors::default();
    let new = parse_new_account(body.into_inner(), actor.now.date_naive(), &mut errors, "");
    errors.finish()?;
    let new = new.ok_or_else(|| ApiError::Internal("account parse".into()))?;
    let res = exec::write(&state.db, actor, idem, digest, move |conn, actor| {
        Reply::created_in("/v1/accounts", &accounts::create(conn, actor, new)?)
    })
    .await?;
    Ok(res)
}

/// List the accounts you may see (agent: assigned to you; team lead: your team's; others: all).
#[utoipa::path(
    tag = "accounts",
    operation_id = "list_accounts",
    params(AccountListParams, PageParams),
    responses((status = 200, description = "A page of accounts", body = Page<Account>))
)]
#[get("/accounts")]
pub async fn list_accounts(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    params: web::Query<AccountListParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Account>>, ApiError> {
    let p = params.into_inner();
    let sort = AccountSort::parse(p.sort.as_deref())?;
    let limit = page.limit()?;
    let after = match page.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        // By id, the list takes the id cursor every list takes.
        Some(_) if sort == AccountSort::BY_ID => page.parse()?.after.map(Position::after_id),
        Some(c) => Some(sort.position(&decode_key(c)?)?),
    };
    for (name, value) in [
        ("min_days_past_due", p.min_days_past_due),
        ("max_days_past_due", p.max_days_past_due),
    ] {
        if value.is_some_and(|v| !(0..=100_000).contains(&v)) {
            return Err(ApiError::invalid(name, "must be from 0 to 100000"));
        }
    }
    let filter = AccountFilter {
        status: p.status,
        assignee_id: p.assignee_id,
        team_id: p.team_id,
        portfolio: p.portfolio,
        min_balance: p.min_balance,
        max_balance: p.max_balance,
        min_days_past_due: p.min_days_past_due,
        max_days_past_due: p.max_days_past_due,
        q: p.q,
        flagged: p.flagged,
        updated_since: p.updated_since,
    };
    let actor = caller.into_actor();
    let mut rows = if state.replica.is_some() {
        exec::read_replica(&state, actor, move |conn, actor| {
            account_list::list(conn, actor, &filter, sort, after.as_ref(), limit + 1)
        })
        .await?
    } else {
        // The session re-check is in the page's statement (`list_rechecked`): one round trip.
        let work = move |conn: &mut crate::db::Conn| {
            account_list::list_rechecked(conn, actor, &filter, sort, after.as_ref(), limit + 1)
        };
        state.db.run(work).await?
    };
    if sort == AccountSort::BY_ID {
        let page = PageRequest { limit, after: None };
        return Ok(web::Json(Page::from_rows(rows, page, |a| a.id)));
    }
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = more
        .then(|| rows.last().map(|a| encode_key(&sort.after(a))))
        .flatten();
    Ok(web::Json(Page {
        data: rows,
        next_cursor,
    }))
}

/// One account, with its `ETag` (404 when outside your scope).
#[utoipa::path(
    tag = "accounts",
    operation_id = "get_account",
    params(AccountPath),
    responses((status = 200, description = "The account", body = Account, headers(("ETag" = String, description = "The account's version, for If-Match"))))
)]
#[get("/accounts/{id}")]
pub async fn get_account(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    // The session re-check is in the account's statement (`account_read`): one round trip.
    let actor = caller.into_actor();
    let account = state
        .db
        .run(move |conn| account_read::find_visible(conn, &actor, id))
        .await?;
    Ok(with_etag(actix_web::http::StatusCode::OK, &account))
}

/// Change an account's descriptive fields (manager, head). Send `If-Match` with the `ETag` you
/// read: when the account changed meanwhile the answer is 412 and nothing changes.
#[utoipa::path(
    tag = "accounts",
    operation_id = "update_account",
    params(
        AccountPath,
        ("If-Match" = Option<String>, Header, description = "The `ETag` you read; 412 when the account changed since"),
    ),
    request_body = UpdateAccountRequest,
    responses(
        (status = 200, description = "The updated account", body = Account, headers(("ETag" = String, description = "The new version"))),
        (status = 412, description = "The account changed since the `ETag` you sent"),
    )
)]
#[patch("/accounts/{id}")]
pub async fn update_account(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    id: web::Path<AccountPath>,
    body: ValidJson<UpdateAccountRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    let expected = if_match(&req)?;
    let r = body.into_inner();
    if let Some(Some(p)) = &r.portfolio
        && (p.trim().is_empty() || p.chars().count() > 100)
    {
        return Err(ApiError::invalid(
            "portfolio",
            "must be 1 to 100 characters",
        ));
    }
    let changes = AccountChanges {
        portfolio: r.portfolio.map(|p| p.map(|p| p.trim().to_owned())),
        team_id: r.team_id,
    };
    let account = exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
        account_update::update(conn, actor, id, expected.as_deref(), changes)
    })
    .await?;
    Ok(with_etag(actix_web::http::StatusCode::OK, &account))
}

/// Everything that happened to an account, newest first: its creation, changes, assignments,
/// and (as they are built) contacts, payments, arrangements, approvals and disputes. Each item
/// is the audit event that recorded it.
#[utoipa::path(
    tag = "accounts",
    operation_id = "get_account_timeline",
    params(AccountPath, PageParams),
    responses((status = 200, description = "A page of events", body = Page<AuditEvent>))
)]
#[get("/accounts/{id}/timeline")]
pub async fn get_account_timeline(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<AuditEvent>>, ApiError> {
    let page = page.parse()?;
    let id = id.into_inner().id;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        accounts::find_visible_row(conn, actor, id)?;
        audit::list(
            conn,
            &AuditFilter {
                account_id: Some(id),
                ..Default::default()
            },
            page.after,
            page.fetch_limit(),
        )
    })
    .await?;
    let events = rows.into_iter().map(AuditEvent::from).collect();
    Ok(web::Json(Page::from_rows(events, page, |e| e.id)))
}
