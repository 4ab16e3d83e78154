//! Strategy runs: one row each, with what the run did so far (updated after each batch, so a
//! run that is still going shows its progress).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::strategy_runs as sr;
use super::{Conn, from_db_time, stored, to_db_time};
use crate::domain::status::text_enum;
use crate::domain::strategy::StepAction;
use crate::error::ApiError;

text_enum! {
    /// Where a run is.
    #[schema(example = "finished")]
    RunStatus {
        Running => "running",
        Finished => "finished",
        /// Stopped by an error, or abandoned by an instance that stopped.
        Failed => "failed",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sr)]
pub struct RunRow {
    pub id: i64,
    pub strategy_id: i64,
    pub status: String,
    pub run_on: NaiveDate,
    pub started_by: Option<i64>,
    pub started_at: chrono::NaiveDateTime,
    pub finished_at: Option<chrono::NaiveDateTime>,
    pub accounts_evaluated: i64,
    pub actions: String,
    pub blocked: i64,
    pub error: Option<String>,
}

super::columns!(
    RUN_COLUMNS = sr(
        id,
        strategy_id,
        status,
        run_on,
        started_by,
        started_at,
        finished_at,
        accounts_evaluated,
        actions,
        blocked,
        error,
    )
);

/// What a run did: accounts evaluated, steps taken per action, communications blocked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunCounts {
    pub accounts_evaluated: i64,
    pub actions: BTreeMap<StepAction, i64>,
    pub blocked: i64,
}

impl RunCounts {
    pub fn add(&mut self, other: &RunCounts) {
        self.accounts_evaluated = self
            .accounts_evaluated
            .saturating_add(other.accounts_evaluated);
        self.blocked = self.blocked.saturating_add(other.blocked);
        for (action, n) in &other.actions {
            let total = self.actions.entry(*action).or_default();
            *total = total.saturating_add(*n);
        }
    }

    /// Steps taken, all actions.
    pub fn steps(&self) -> i64 {
        self.actions.values().sum()
    }
}

/// A strategy run.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 12, "strategy_id": 3, "status": "finished", "run_on": "2026-11-30",
    "started_by": null, "started_at": "2026-11-30T02:00:00Z", "finished_at": "2026-11-30T02:00:41Z",
    "accounts_evaluated": 48210, "actions": {"call": 1210, "sms": 802, "letter": 95, "review": 12},
    "blocked": 37, "error": null}))]
pub struct StrategyRun {
    pub id: i64,
    pub strategy_id: i64,
    pub status: RunStatus,
    /// The UTC day the run takes steps for.
    pub run_on: NaiveDate,
    /// Who started it; null for the daily run `serve` starts by itself.
    pub started_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub started_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub finished_at: Option<DateTime<Utc>>,
    pub accounts_evaluated: i64,
    /// Steps taken, per action (only actions taken at least once).
    #[schema(value_type = BTreeMap<String, i64>)]
    pub actions: BTreeMap<StepAction, i64>,
    /// Communications stored `blocked` by the contact rules.
    pub blocked: i64,
    /// Why a `failed` run stopped.
    pub error: Option<String>,
}

impl TryFrom<RunRow> for StrategyRun {
    type Error = ApiError;

    fn try_from(r: RunRow) -> Result<Self, ApiError> {
        let actions = serde_json::from_str(&r.actions)
            .map_err(|e| ApiError::Internal(format!("strategy_runs.actions of {}: {e}", r.id)))?;
        Ok(Self {
            id: r.id,
            strategy_id: r.strategy_id,
            status: stored("strategy_runs.status", &r.status)?,
            run_on: r.run_on,
            started_by: r.started_by,
            started_at: from_db_time(r.started_at),
            finished_at: r.finished_at.map(from_db_time),
            accounts_evaluated: r.accounts_evaluated,
            actions,
            blocked: r.blocked,
            error: r.error,
        })
    }
}

/// A new `running` run.
pub fn insert(
    conn: &mut Conn,
    strategy_id: i64,
    started_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<RunRow, ApiError> {
    Ok(diesel::insert_into(sr::table)
        .values((
            sr::strategy_id.eq(strategy_id),
            sr::status.eq(RunStatus::Running.as_str()),
            sr::run_on.eq(now.date_naive()),
            sr::started_by.eq(started_by),
            sr::started_at.eq(to_db_time(now)),
        ))
        .returning(RUN_COLUMNS)
        .get_result(conn)?)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<RunRow, ApiError> {
    sr::table
        .find(id)
        .select(RunRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("strategy run"))
}

/// How a run ended.
#[derive(Debug, Clone)]
pub struct RunEnd<'a> {
    pub status: RunStatus,
    pub at: DateTime<Utc>,
    pub error: Option<&'a str>,
}

/// Records progress, or the end of a run (`status` finished or failed, with `finished_at`).
pub fn record(
    conn: &mut Conn,
    id: i64,
    counts: &RunCounts,
    end: Option<RunEnd<'_>>,
) -> Result<(), ApiError> {
    let actions = serde_json::to_string(&counts.actions).map_err(ApiError::internal)?;
    let target = sr::table.filter(sr::id.eq(id));
    let progress = (
        sr::accounts_evaluated.eq(counts.accounts_evaluated),
        sr::actions.eq(actions),
        sr::blocked.eq(counts.blocked),
    );
    match end {
        None => diesel::update(target).set(progress).execute(conn)?,
        Some(RunEnd { status, at, error }) => diesel::update(target)
            .set((
                progress,
                sr::status.eq(status.as_str()),
                sr::finished_at.eq(Some(to_db_time(at))),
                sr::error.eq(error),
            ))
            .execute(conn)?,
    };
    Ok(())
}

/// Whether the daily run (started by no one) finished on `day`.
pub fn daily_done(conn: &mut Conn, day: NaiveDate) -> Result<bool, ApiError> {
    Ok(diesel::select(diesel::dsl::exists(
        sr::table.filter(
            sr::run_on
                .eq(day)
                .and(sr::started_by.is_null())
                .and(sr::status.eq(RunStatus::Finished.as_str())),
        ),
    ))
    .get_result(conn)?)
}

/// Marks runs still `running` that no instance works on any more as `failed`. Called by the
/// holder of the run lease before it runs: no other run can be going then.
pub fn abandon_running(conn: &mut Conn, now: DateTime<Utc>) -> Result<usize, ApiError> {
    Ok(diesel::update(
        sr::table.filter(
            sr::status
                .eq(RunStatus::Running.as_str())
                .and(sr::started_by.is_null()),
        ),
    )
    .set((
        sr::status.eq(RunStatus::Failed.as_str()),
        sr::finished_at.eq(Some(to_db_time(now))),
        sr::error.eq(Some("abandoned: the instance running it stopped")),
    ))
    .execute(conn)?)
}
