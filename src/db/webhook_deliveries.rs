//! Webhook deliveries: one row per event and subscribed webhook (queued by the relay in the
//! pass that numbered the event), claimed by one sender at a time, with the last attempt's
//! outcome and the retry schedule's next time.
//!
//! Claiming: a sender takes due deliveries whose account has no earlier delivery still pending
//! for the same webhook (so one account's events arrive in order, and a failing one holds the
//! later ones back), and marks them `locked_until` a minute ahead in the same transaction. On
//! PostgreSQL the candidates are read `FOR UPDATE SKIP LOCKED`, so senders on several instances
//! take different rows without waiting; on SQLite the write transaction serialises them. A
//! sender killed mid-send leaves a claim that lapses; the delivery is then sent again (at least
//! once).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Timestamp};
use serde::Serialize;
use utoipa::ToSchema;

use super::events::RelayPass;
use super::schema::webhook_deliveries as d;
use super::{Conn, DbConnection, from_db_time, to_db_time, with_inner};
use crate::domain::status::text_enum;
use crate::error::ApiError;

text_enum! {
    /// Where a delivery is: `pending` (queued or waiting for a retry), `delivered` (a 2xx
    /// answer), `failed` (the retry schedule is spent).
    #[schema(example = "delivered")]
    DeliveryStatus {
        Pending => "pending",
        Delivered => "delivered",
        Failed => "failed",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = d)]
pub struct DeliveryRow {
    pub id: i64,
    pub webhook_id: i64,
    pub event_id: Option<i64>,
    pub event_type: String,
    pub account_id: Option<i64>,
    pub payload: Option<String>,
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: chrono::NaiveDateTime,
    pub locked_until: Option<chrono::NaiveDateTime>,
    pub last_attempt_at: Option<chrono::NaiveDateTime>,
    pub last_status_code: Option<i64>,
    pub last_duration_ms: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: chrono::NaiveDateTime,
    pub delivered_at: Option<chrono::NaiveDateTime>,
}

super::columns!(
    pub DELIVERY_COLUMNS = d(
        id, webhook_id, event_id, event_type, account_id, payload, status, attempts,
        next_attempt_at, locked_until, last_attempt_at, last_status_code, last_duration_ms,
        last_error, created_at, delivered_at
    )
);

/// One delivery of one event to one webhook, with its last attempt.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 77, "webhook_id": 3, "event_id": 1042, "event_type": "payment.recorded", "account_id": 101,
    "status": "delivered", "attempts": 1, "next_attempt_at": null, "last_attempt_at": "2026-11-30T14:03:11.412000Z",
    "last_status_code": 200, "last_duration_ms": 38, "last_error": null, "created_at": "2026-11-30T14:03:11.250000Z",
    "delivered_at": "2026-11-30T14:03:11.450000Z"}))]
pub struct Delivery {
    pub id: i64,
    pub webhook_id: i64,
    /// The event's id (null for a ping).
    pub event_id: Option<i64>,
    #[schema(example = "payment.recorded")]
    pub event_type: String,
    pub account_id: Option<i64>,
    pub status: DeliveryStatus,
    /// Attempts made so far.
    pub attempts: i64,
    /// When the next attempt is due (pending only).
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub next_attempt_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The HTTP status of the last answer (null: none, e.g. a timeout or a refused address).
    pub last_status_code: Option<i64>,
    /// How long the last attempt took, in milliseconds.
    pub last_duration_ms: Option<i64>,
    /// Why the last attempt failed, when it did.
    pub last_error: Option<String>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub delivered_at: Option<DateTime<Utc>>,
}

impl TryFrom<DeliveryRow> for Delivery {
    type Error = ApiError;

    fn try_from(r: DeliveryRow) -> Result<Self, ApiError> {
        let status: DeliveryStatus = super::stored("webhook_deliveries.status", &r.status)?;
        Ok(Self {
            id: r.id,
            webhook_id: r.webhook_id,
            event_id: r.event_id,
            event_type: r.event_type,
            account_id: r.account_id,
            next_attempt_at: (status == DeliveryStatus::Pending)
                .then(|| from_db_time(r.next_attempt_at)),
            status,
            attempts: r.attempts,
            last_attempt_at: r.last_attempt_at.map(from_db_time),
            last_status_code: r.last_status_code,
            last_duration_ms: r.last_duration_ms,
            last_error: r.last_error,
            created_at: from_db_time(r.created_at),
            delivered_at: r.delivered_at.map(from_db_time),
        })
    }
}

/// Queues a delivery per event of `pass` and active webhook subscribed to its type (one
/// statement; due at once).
pub fn fan_out(conn: &mut Conn, pass: RelayPass, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let sql = "INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, account_id, \
                 status, attempts, next_attempt_at, created_at) \
               SELECT w.id, e.position, e.event_type, e.account_id, 'pending', 0, $1, $1 \
               FROM events e JOIN webhooks w ON w.active \
                 AND (w.event_types = ',*,' OR w.event_types LIKE '%,' || e.event_type || ',%') \
               WHERE e.position > $2 AND e.position <= $3 \
               ORDER BY e.position, w.id";
    Ok(diesel::sql_query(super::placeholders(conn, sql))
        .bind::<Timestamp, _>(to_db_time(now))
        .bind::<BigInt, _>(pass.from)
        .bind::<BigInt, _>(pass.to)
        .execute(conn)?)
}

/// A delivery to queue by hand (a ping, or a redelivery).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = d)]
pub struct NewDelivery {
    pub webhook_id: i64,
    pub event_id: Option<i64>,
    pub event_type: String,
    pub account_id: Option<i64>,
    pub payload: Option<String>,
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: chrono::NaiveDateTime,
    pub created_at: chrono::NaiveDateTime,
}

pub fn insert(conn: &mut Conn, row: &NewDelivery) -> Result<DeliveryRow, ApiError> {
    with_inner!(conn, c => diesel::insert_into(d::table).values(row).execute(c))?;
    Ok(d::table
        .filter(d::webhook_id.eq(row.webhook_id))
        .select(DELIVERY_COLUMNS)
        .order(d::id.desc())
        .first(conn)?)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<DeliveryRow, ApiError> {
    d::table
        .find(id)
        .select(DELIVERY_COLUMNS)
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::NotFound(format!("webhook delivery {id} not found")))
}

/// A webhook's deliveries, newest first, before the id `before`.
pub fn list(
    conn: &mut Conn,
    webhook_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<DeliveryRow>, ApiError> {
    Ok(d::table
        .filter(d::webhook_id.eq(webhook_id))
        .filter(d::id.lt(before.unwrap_or(i64::MAX)))
        .select(DELIVERY_COLUMNS)
        .order(d::id.desc())
        .limit(limit)
        .load(conn)?)
}

#[derive(QueryableByName)]
struct Candidate {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

const CANDIDATES: &str = "SELECT x.id FROM webhook_deliveries x \
    WHERE x.status = 'pending' AND x.next_attempt_at <= $1 \
      AND (x.locked_until IS NULL OR x.locked_until < $1) \
      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p \
          WHERE p.webhook_id = x.webhook_id AND p.account_id = x.account_id \
            AND p.status = 'pending' AND p.id < x.id) \
    ORDER BY x.id LIMIT $2";

/// Claims up to `limit` due deliveries until `now + hold`, in the caller's write transaction.
pub fn claim(
    conn: &mut Conn,
    now: DateTime<Utc>,
    hold: chrono::Duration,
    limit: i64,
) -> Result<Vec<DeliveryRow>, ApiError> {
    let sql = match conn {
        DbConnection::Postgresql(_) => format!("{CANDIDATES} FOR UPDATE SKIP LOCKED"),
        DbConnection::Sqlite(_) => CANDIDATES.replace('$', "?"),
    };
    let at = to_db_time(now);
    let ids: Vec<i64> = diesel::sql_query(sql)
        .bind::<Timestamp, _>(at)
        .bind::<BigInt, _>(limit)
        .load::<Candidate>(conn)?
        .into_iter()
        .map(|c| c.id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let until = to_db_time(now + hold);
    let free = d::locked_until.is_null().or(d::locked_until.lt(at));
    diesel::update(
        d::table
            .filter(d::id.eq_any(&ids))
            .filter(d::status.eq(DeliveryStatus::Pending.as_str()))
            .filter(free),
    )
    .set(d::locked_until.eq(until))
    .execute(conn)?;
    Ok(d::table
        .filter(d::id.eq_any(&ids).and(d::locked_until.eq(until)))
        .select(DELIVERY_COLUMNS)
        .order(d::id.asc())
        .load(conn)?)
}

/// What one attempt came to.
#[derive(Debug, Clone)]
pub struct AttemptOutcome {
    pub at: DateTime<Utc>,
    pub status_code: Option<i64>,
    pub duration_ms: i64,
    pub error: Option<String>,
    pub next: NextStep,
}

/// What follows an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    Delivered,
    RetryAt(DateTime<Utc>),
    /// The retry schedule is spent.
    Failed,
}

/// Records an attempt and frees the claim.
pub fn record_attempt(conn: &mut Conn, id: i64, o: &AttemptOutcome) -> Result<(), ApiError> {
    let at = to_db_time(o.at);
    let (status, next, delivered) = match o.next {
        NextStep::Delivered => (DeliveryStatus::Delivered, at, Some(at)),
        NextStep::RetryAt(next) => (DeliveryStatus::Pending, to_db_time(next), None),
        NextStep::Failed => (DeliveryStatus::Failed, at, None),
    };
    diesel::update(d::table.find(id))
        .set((
            d::status.eq(status.as_str()),
            d::attempts.eq(d::attempts + 1),
            d::next_attempt_at.eq(next),
            d::locked_until.eq(None::<chrono::NaiveDateTime>),
            d::last_attempt_at.eq(at),
            d::last_status_code.eq(o.status_code),
            d::last_duration_ms.eq(o.duration_ms),
            d::last_error.eq(o.error.as_deref()),
            d::delivered_at.eq(delivered),
        ))
        .execute(conn)?;
    Ok(())
}

/// How many deliveries have one status.
#[derive(Debug, Clone, Queryable)]
pub struct StatusCount {
    pub status: String,
    pub deliveries: i64,
}

/// Deliveries per status (for `/metrics`).
pub fn count_by_status(conn: &mut Conn) -> Result<Vec<StatusCount>, ApiError> {
    Ok(d::table
        .group_by(d::status)
        .select((d::status, diesel::dsl::count_star()))
        .load(conn)?)
}
