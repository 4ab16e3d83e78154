//! The demo's collection strategy: three segments by days past due, a challenger on 30 % of the
//! accounts that offers settlements earlier, activated four weeks ago and run every day since
//! (so the strategy report shows both arms), with the older messages sent, through the
//! workflows the API uses.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use crate::auth::Actor;
use crate::db::communications::{CommunicationFilter, CommunicationStatus};
use crate::db::strategies::Definition;
use crate::db::{Conn, write_tx};
use crate::error::ApiError;
use crate::workflows::strategy::{self, StrategyAsk};
use crate::workflows::{communication, strategy_run};

/// Days of daily runs before today.
pub const RUN_DAYS: u64 = 28;

fn definition() -> Result<Definition, ApiError> {
    // The demo portfolio is 63 to 480 days past due when the strategy starts.
    let early = json!({"max_days_past_due": 150});
    let mid = json!({"min_days_past_due": 151, "max_days_past_due": 300});
    let late = json!({"min_days_past_due": 301});
    serde_json::from_value(json!({
        "segments": [
            {"name": "early", "criteria": early, "treatment": [
                {"day": 0, "action": "sms", "template": "early-reminder"},
                {"day": 2, "action": "call"},
                {"day": 7, "action": "email", "template": "payment-link"},
                {"day": 14, "action": "letter", "template": "early-letter"}]},
            {"name": "mid", "criteria": mid, "treatment": [
                {"day": 0, "action": "call"},
                {"day": 3, "action": "letter", "template": "mid-notice"},
                {"day": 10, "action": "review"},
                {"day": 20, "action": "settlement_offer", "discount_percent": 15}]},
            {"name": "late", "criteria": late, "treatment": [
                {"day": 0, "action": "letter", "template": "final-notice"},
                {"day": 5, "action": "settlement_offer", "discount_percent": 30},
                {"day": 15, "action": "escalate"}]}],
        "challenger": {"share_percent": 30, "segments": [
            {"name": "early", "criteria": early, "treatment": [
                {"day": 0, "action": "call"},
                {"day": 1, "action": "sms", "template": "early-reminder"},
                {"day": 5, "action": "settlement_offer", "discount_percent": 10}]},
            {"name": "mid", "criteria": mid, "treatment": [
                {"day": 0, "action": "sms", "template": "mid-reminder"},
                {"day": 1, "action": "call"},
                {"day": 7, "action": "settlement_offer", "discount_percent": 25}]},
            {"name": "late", "criteria": late, "treatment": [
                {"day": 0, "action": "settlement_offer", "discount_percent": 40},
                {"day": 3, "action": "call"},
                {"day": 10, "action": "escalate"}]}]}
    }))
    .map_err(ApiError::internal)
}

/// Creates and activates the strategy `RUN_DAYS` ago, runs it each day at 02:00 UTC since, and
/// reports the messages of each day sent at 15:00 UTC two days later (those the rules allow).
pub fn seed(conn: &mut Conn, head: &Actor, now: DateTime<Utc>) -> Result<(), ApiError> {
    let first = now - Duration::days(RUN_DAYS as i64);
    let at = |day: DateTime<Utc>, hour: u32| {
        day.date_naive()
            .and_hms_opt(hour, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or(day)
    };
    let then = Actor {
        now: at(first, 1),
        ..head.clone()
    };
    let ask = StrategyAsk {
        name: "Portfolio strategy Q4".into(),
        definition: definition()?,
    };
    let created = strategy::create(conn, &then, ask)?;
    strategy::activate(conn, &then, created.id)?;
    for d in 0..=RUN_DAYS {
        let day = at(first + Duration::days(d as i64), 2);
        let run = write_tx(conn, |tx| strategy_run::start(tx, None, day))?;
        strategy_run::execute(conn, None, &run, day, |_| Ok(()))?;
        if d >= 2 {
            send_pending(conn, head, at(day, 15), day - Duration::days(1))?;
        }
    }
    Ok(())
}

/// Reports sent the pending messages made before `made_before`, as of `at`.
fn send_pending(
    conn: &mut Conn,
    head: &Actor,
    at: DateTime<Utc>,
    made_before: DateTime<Utc>,
) -> Result<(), ApiError> {
    let sender = Actor {
        now: at,
        ..head.clone()
    };
    let filter = CommunicationFilter {
        status: Some(CommunicationStatus::Pending),
        ..Default::default()
    };
    let pending = communication::list(conn, &sender, &filter, None, 500)?.items;
    let cutoff = made_before.date_naive();
    for c in pending
        .iter()
        .filter(|c| c.created_at.date_naive() < cutoff)
    {
        // A message the rules now forbid stays refused (and is stored blocked when lasting).
        let _ = communication::sent(conn, &sender, c.id)?;
    }
    Ok(())
}
