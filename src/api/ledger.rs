//! The ledger: an account's money movements, and the check of every account against its own.

use actix_web::{get, web};

use crate::api::exec;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::AccountPath;
use crate::auth::{AnyRole, AuditReader, Caller};
use crate::db::accounts;
use crate::db::ledger::{self, LedgerCheck, LedgerEntry};
use crate::error::ApiError;
use crate::state::AppState;

/// Every money movement of an account, oldest first: placement, payments and their reversals,
/// recoveries, write-offs, settlement forgiveness, adjustments, each with its signed `amounts`
/// per part and the `balance_after` it left (the running sum of the account's entries). Written
/// in the transaction of each movement, never recomputed from other tables.
#[utoipa::path(
    tag = "payments",
    operation_id = "list_account_ledger",
    params(AccountPath, PageParams),
    responses((status = 200, description = "A page of entries, oldest first", body = Page<LedgerEntry>))
)]
#[get("/accounts/{id}/ledger")]
pub async fn list_account_ledger(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<LedgerEntry>>, ApiError> {
    let page = page.parse()?;
    let id = id.into_inner().id;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        accounts::find_visible_row(conn, actor, id)?;
        ledger::list(conn, id, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |e| e.id)))
}

/// Compare every account's parts with the sum of its ledger entries, in one set-based query
/// (auditor, head): `ok` when all agree, else the accounts that do not.
#[utoipa::path(
    tag = "audit",
    operation_id = "verify_ledger",
    responses((status = 200, description = "Verification result", body = LedgerCheck))
)]
#[get("/ledger/verify")]
pub async fn verify_ledger(
    state: web::Data<AppState>,
    caller: Caller<AuditReader>,
) -> Result<web::Json<LedgerCheck>, ApiError> {
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), |conn, _| {
            ledger::verify(conn)
        })
        .await?,
    ))
}
