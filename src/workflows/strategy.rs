//! Defining strategies: drafts validated by `domain::strategy`, activation (the active one
//! retires), and promoting a challenger to a strategy of its own.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use utoipa::ToSchema;

use crate::actor::Actor;
use crate::db::strategies::{self, Definition, Strategy, StrategyStatus};
use crate::db::strategy_entries::{self, StepTaken};
use crate::db::{Conn, accounts, strategy_report, strategy_steps};
use crate::domain::strategy::{Arm, StepAction, arm_of, problems};
use crate::domain::strategy_report::{Comparison, StrategyReportRow, comparisons, rows};
use crate::error::ApiError;

/// A strategy as asked for.
#[derive(Debug, Clone)]
pub struct StrategyAsk {
    pub name: String,
    pub definition: Definition,
}

fn checked(ask: &StrategyAsk) -> Result<(), ApiError> {
    let d = &ask.definition;
    ApiError::unless_any(problems(&ask.name, &d.segments, d.challenger.as_ref()))
}

/// A new draft.
pub fn create(conn: &mut Conn, actor: &Actor, ask: StrategyAsk) -> Result<Strategy, ApiError> {
    checked(&ask)?;
    strategies::insert(conn, actor, ask.name.trim(), &ask.definition, None)?.try_into()
}

/// Replaces a draft (409 `strategy-immutable` once it has been active).
pub fn replace(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    ask: StrategyAsk,
) -> Result<Strategy, ApiError> {
    checked(&ask)?;
    let before = strategies::find(conn, id)?;
    strategies::replace_draft(conn, actor, &before, ask.name.trim(), &ask.definition)?
        .ok_or_else(immutable)?
        .try_into()
}

fn immutable() -> ApiError {
    ApiError::conflict(
        "strategy-immutable",
        "the strategy has been active: it does not change; create a new one",
    )
}

/// The one active strategy from now on.
pub fn activate(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Strategy, ApiError> {
    strategies::activate(conn, actor, id)?.try_into()
}

/// A new active strategy whose segments are the active one's challenger's, without a
/// challenger; the old one retires.
pub fn promote_challenger(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Strategy, ApiError> {
    let current = strategies::find(conn, id)?;
    if current.status()? != StrategyStatus::Active {
        return Err(ApiError::conflict(
            "strategy-not-active",
            "only the active strategy's challenger is promoted",
        ));
    }
    let Some(challenger) = current.definition()?.challenger else {
        return Err(ApiError::conflict(
            "no-challenger",
            "the strategy has no challenger to promote",
        ));
    };
    let definition = Definition {
        segments: challenger.segments,
        challenger: None,
    };
    let name = format!("{} (challenger promoted)", current.name);
    let draft = strategies::insert(conn, actor, &name, &definition, Some(current.id))?;
    strategies::activate(conn, actor, draft.id)?.try_into()
}

/// The next step of an account's treatment.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"day": 7, "action": "letter", "due_on": "2026-12-05"}))]
pub struct NextStep {
    pub day: i64,
    pub action: StepAction,
    /// The day the step falls due (the run of that day, or the first after it, takes it).
    pub due_on: NaiveDate,
}

/// Where an account stands in the active strategy.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"strategy_id": 3, "segment": "early", "arm": "challenger", "entered_on": "2026-11-28",
    "steps_taken": [{"step_index": 0, "day": 0, "action": "sms", "taken_on": "2026-11-28", "discount_percent": null, "expires_on": null}],
    "next_step": {"day": 7, "action": "letter", "due_on": "2026-12-05"}}))]
pub struct AccountStrategy {
    /// The active strategy (null: none is active).
    pub strategy_id: Option<i64>,
    /// The segment the account is in (null: no run has placed it in one, or no segment takes it).
    pub segment: Option<String>,
    /// Its arm in the active strategy (fixed for the strategy's life).
    pub arm: Option<Arm>,
    pub entered_on: Option<NaiveDate>,
    /// The steps taken in this segment entry, in order.
    pub steps_taken: Vec<StepTaken>,
    pub next_step: Option<NextStep>,
}

/// The account's place in the active strategy (404 for an account the caller cannot see).
pub fn account_view(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
) -> Result<AccountStrategy, ApiError> {
    accounts::find_visible_row(conn, actor, account_id)?;
    let mut view = AccountStrategy {
        strategy_id: None,
        segment: None,
        arm: None,
        entered_on: None,
        steps_taken: vec![],
        next_step: None,
    };
    let Some(active) = strategies::active(conn)? else {
        return Ok(view);
    };
    let definition = active.definition()?;
    let share = definition.challenger.as_ref().map(|c| c.share_percent);
    view.strategy_id = Some(active.id);
    view.arm = Some(arm_of(account_id, active.id, share));
    let Some(entry) =
        strategy_entries::latest(conn, active.id, account_id)?.filter(|e| e.left_on.is_none())
    else {
        return Ok(view);
    };
    let segments = match (entry.arm()?, &definition.challenger) {
        (Arm::Challenger, Some(c)) => &c.segments,
        _ => &definition.segments,
    };
    let taken = strategy_steps::of_entry(conn, entry.id)?;
    view.next_step = segments
        .iter()
        .find(|s| s.name == entry.segment)
        .and_then(|s| {
            let done: Vec<usize> = taken
                .iter()
                .filter_map(|t| usize::try_from(t.step_index).ok())
                .collect();
            s.treatment
                .iter()
                .enumerate()
                .filter(|(i, _)| !done.contains(i))
                .filter_map(|(_, step)| {
                    let due_on = entry
                        .entered_on
                        .checked_add_days(Days::new(u64::try_from(step.day).ok()?))?;
                    Some(NextStep {
                        day: step.day,
                        action: step.action,
                        due_on,
                    })
                })
                .min_by_key(|n| (n.due_on, n.day))
        });
    view.segment = Some(entry.segment);
    view.entered_on = Some(entry.entered_on);
    view.steps_taken = taken;
    Ok(view)
}

/// The champion/challenger report.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"strategy_id": 3, "from": "2026-11-01", "to": "2026-11-30",
    "data": [{"segment": "early", "arm": "champion", "currency": "USD", "accounts": 480, "balance_at_entry": 73000000,
        "collected_amount": 7300000, "liquidation_rate": 0.1, "rpc_rate": 0.41, "promise_kept_rate": 0.66, "cure_rate": 0.18}],
    "comparisons": [{"champion_segment": "overall", "challenger_segment": "overall", "champion_accounts": 480,
        "challenger_accounts": 120, "difference": 0.021, "ci_low": 0.0042, "ci_high": 0.0378, "significant": true}]}))]
pub struct StrategyReport {
    pub strategy_id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub data: Vec<StrategyReportRow>,
    pub comparisons: Vec<Comparison>,
}

/// The report of a strategy (the active one when `strategy_id` is `None`) over `[from, to]`.
pub fn report(
    conn: &mut Conn,
    actor: &Actor,
    strategy_id: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<StrategyReport, ApiError> {
    let row = match strategy_id {
        Some(id) => strategies::find(conn, id)?,
        None => strategies::active(conn)?.ok_or_else(|| {
            ApiError::invalid("strategy_id", "is required when no strategy is active")
        })?,
    };
    let definition = row.definition()?;
    let stays = strategy_report::stays(conn, actor, row.id, from, to)?;
    let challenger = definition
        .challenger
        .as_ref()
        .map(|c| c.segments.as_slice())
        .unwrap_or(&[]);
    Ok(StrategyReport {
        strategy_id: row.id,
        from,
        to,
        data: rows(&stays),
        comparisons: comparisons(&definition.segments, challenger, &stays),
    })
}
