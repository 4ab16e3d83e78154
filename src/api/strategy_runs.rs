//! `/v1/strategy-runs`: a strategy run started by hand (it works in the background; `serve`
//! also runs one each UTC day by itself), and `/v1/accounts/{id}/strategy`, where an account
//! stands in the active strategy.

use std::sync::{Arc, Mutex};

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::paths::{AccountPath, StrategyRunPath};
use crate::auth::{AnyRole, Caller, Manager};
use crate::db::strategy_runs::{self, RunRow, StrategyRun};
use crate::error::ApiError;
use crate::jobs;
use crate::state::AppState;
use crate::workflows::strategy::{self, AccountStrategy};
use crate::workflows::strategy_run;

/// Start a run of the active strategy (manager and above). It answers at once, `running`, and
/// works in the background: follow `Location` (`GET /v1/strategy-runs/{id}`) until `finished`
/// or `failed`. Runs may overlap (this one and the daily run, or runs on several instances):
/// each step is taken once whichever run reaches it first.
#[utoipa::path(tag = "strategies", operation_id = "start_strategy_run",
    responses((status = 202, description = "Started; running in the background", body = StrategyRun,
            headers(("Location" = String, description = "The run: /v1/strategy-runs/{id}"))),
        (status = 409, description = "No strategy is active (`no-active-strategy`)")))]
#[post("/strategy-runs")]
pub async fn start_strategy_run(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let started: Arc<Mutex<Option<RunRow>>> = Arc::default();
    let slot = started.clone();
    let response = exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        let row = strategy_run::start(conn, Some(actor.user_id), actor.now)?;
        let run: StrategyRun = row.clone().try_into()?;
        if let Ok(mut slot) = slot.lock() {
            *slot = Some(row);
        }
        Ok(Reply::json(StatusCode::ACCEPTED, &run)?.at(format!("/v1/strategy-runs/{}", run.id)))
    })
    .await?;
    let row = started.lock().ok().and_then(|mut s| s.take());
    if let Some(row) = row {
        let now = row.started_at.and_utc();
        jobs::spawn_run(state.db.clone(), row, now);
    }
    Ok(response)
}

/// One strategy run, with what it did so far (manager and above).
#[utoipa::path(tag = "strategies", operation_id = "get_strategy_run", params(StrategyRunPath),
    responses((status = 200, description = "The run", body = StrategyRun)))]
#[get("/strategy-runs/{id}")]
pub async fn get_strategy_run(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    id: web::Path<StrategyRunPath>,
) -> Result<web::Json<StrategyRun>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, _| {
            strategy_runs::find(conn, id)?.try_into()
        })
        .await?,
    ))
}

/// Where an account stands in the active strategy: its arm, segment and entry day, the steps
/// taken in this entry and the next one (scoped like the account).
#[utoipa::path(tag = "strategies", operation_id = "get_account_strategy", params(AccountPath),
    responses((status = 200, description = "The account's strategy", body = AccountStrategy)))]
#[get("/accounts/{id}/strategy")]
pub async fn get_account_strategy(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
) -> Result<web::Json<AccountStrategy>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, actor| {
            strategy::account_view(conn, actor, id)
        })
        .await?,
    ))
}
