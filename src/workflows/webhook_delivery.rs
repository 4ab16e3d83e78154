//! Sending webhook deliveries, the database half: claim the due ones with what to send (the
//! event as the feed answers it, the opened secret), and record each attempt with the retry
//! schedule's next time. The HTTP half is in `src/webhook_sender.rs`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::events::{EVENT_COLUMNS, Event, EventRow};
use crate::db::schema::events as ev;
use crate::db::webhook_deliveries::{self, AttemptOutcome, DeliveryRow, NextStep};
use crate::db::{Conn, webhooks};
use crate::domain::webhook::retry_after;
use crate::error::ApiError;
use crate::sealing::SealingKey;

/// How long a claim holds: longer than an attempt's 10 s timeout, with room.
pub const CLAIM_HOLD: chrono::Duration = chrono::Duration::seconds(60);

/// A claimed delivery, ready to send.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub delivery_id: i64,
    pub attempts: i64,
    pub url: String,
    pub event_id: String,
    pub event_type: String,
    pub body: String,
    /// The secret, or why it cannot be opened (then the attempt fails without a request).
    pub secret: Result<String, String>,
}

/// Claims up to `limit` due deliveries, in the caller's write transaction.
pub fn claim(
    conn: &mut Conn,
    key: &SealingKey,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Outgoing>, ApiError> {
    let rows = webhook_deliveries::claim(conn, now, CLAIM_HOLD, limit)?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let positions: Vec<i64> = rows.iter().filter_map(|r| r.event_id).collect();
    let events: Vec<EventRow> = ev::table
        .filter(ev::position.eq_any(&positions))
        .select(EVENT_COLUMNS)
        .load(conn)?;
    let mut bodies = std::collections::HashMap::new();
    for row in events {
        let event = Event::try_from(row)?;
        let body = serde_json::to_string(&event).map_err(ApiError::internal)?;
        bodies.insert(event.id, body);
    }
    let mut out = Vec::with_capacity(rows.len());
    let mut hooks = std::collections::HashMap::new();
    for row in rows {
        if let std::collections::hash_map::Entry::Vacant(e) = hooks.entry(row.webhook_id) {
            e.insert(webhooks::find(conn, row.webhook_id)?);
        }
        let hook = &hooks[&row.webhook_id];
        out.push(outgoing(row, hook, &bodies, key)?);
    }
    Ok(out)
}

fn outgoing(
    row: DeliveryRow,
    hook: &webhooks::WebhookRow,
    bodies: &std::collections::HashMap<i64, String>,
    key: &SealingKey,
) -> Result<Outgoing, ApiError> {
    let body = match (&row.payload, row.event_id) {
        (Some(p), _) => p.clone(),
        (None, Some(id)) => bodies
            .get(&id)
            .cloned()
            .ok_or_else(|| ApiError::Internal(format!("delivery {} names no event", row.id)))?,
        (None, None) => return Err(ApiError::Internal(format!("delivery {} is empty", row.id))),
    };
    Ok(Outgoing {
        delivery_id: row.id,
        attempts: row.attempts,
        url: hook.url.clone(),
        event_id: row
            .event_id
            .map_or_else(|| format!("ping-{}", row.id), |id| id.to_string()),
        event_type: row.event_type,
        body,
        secret: key.open(&hook.sealed_secret),
    })
}

/// What an attempt got back.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub at: DateTime<Utc>,
    pub status_code: Option<i64>,
    pub duration_ms: i64,
    pub error: Option<String>,
}

impl Attempt {
    fn delivered(&self) -> bool {
        self.error.is_none() && self.status_code.is_some_and(|c| (200..300).contains(&c))
    }
}

/// Records an attempt: delivered on a 2xx, else the schedule's next try (moved by `jitter` in
/// [-1, 1]) or `failed` when it is spent.
pub fn record(
    conn: &mut Conn,
    out: &Outgoing,
    attempt: &Attempt,
    jitter: f64,
) -> Result<NextStep, ApiError> {
    let next = if attempt.delivered() {
        NextStep::Delivered
    } else {
        match retry_after(out.attempts + 1, jitter) {
            Some(wait) => NextStep::RetryAt(attempt.at + wait),
            None => NextStep::Failed,
        }
    };
    let outcome = AttemptOutcome {
        at: attempt.at,
        status_code: attempt.status_code,
        duration_ms: attempt.duration_ms,
        error: attempt.error.clone(),
        next,
    };
    webhook_deliveries::record_attempt(conn, out.delivery_id, &outcome)?;
    Ok(next)
}
