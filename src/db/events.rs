//! The integration events: the outbox every change writes to, and the feed read from it in
//! commit order.
//!
//! # Why a position, assigned after commit
//!
//! An id taken at insert is not commit order: the transaction that took id 11 can commit before
//! the one that took id 10, and a reader that has passed 11 would never see 10. So an event is
//! written with `position` NULL, and the relay ([`relay`]) numbers the committed events it finds,
//! in one statement, continuing from `event_relay.position`. Relays on every instance take turns
//! on that row's lock (an `UPDATE` of it is the first statement of a relay transaction), so
//! positions are handed out by one relay at a time and each relay's numbers are all above the
//! previous one's. An event committed late gets a position above everything handed out before
//! it: a reader that follows `position` misses nothing and sees nothing twice, on PostgreSQL with
//! any number of writers and instances, and on SQLite (one writer at a time) alike. The cost is
//! latency: an event is readable once a relay has passed (the feed runs one before it reads; the
//! stream's poller every quarter second).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::accounts as a;
use super::schema::event_relay as er;
use super::schema::events as ev;
use super::scope::AccountScope;
use super::{Conn, to_db_time, with_inner};
use crate::error::ApiError;

/// An event as the outbox stores it before the relay numbers it.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = ev)]
pub struct NewOutboxEvent {
    pub event_type: String,
    pub occurred_at: chrono::NaiveDateTime,
    pub account_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub data: String,
}

/// Writes events in the caller's transaction (multi-row statements of 1,000).
pub fn emit(conn: &mut Conn, events: &[NewOutboxEvent]) -> Result<(), ApiError> {
    for chunk in events.chunks(1000) {
        with_inner!(conn, c => diesel::insert_into(ev::table).values(chunk).execute(c))?;
    }
    Ok(())
}

/// A numbered event.
#[derive(Debug, Clone, Queryable)]
pub struct EventRow {
    pub position: Option<i64>,
    pub event_type: String,
    pub occurred_at: chrono::NaiveDateTime,
    pub account_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub data: String,
}

super::columns!(
    pub EVENT_COLUMNS = ev(position, event_type, occurred_at, account_id, actor_id, data)
);

/// The positions one relay pass handed out: `(from, to]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RelayPass {
    pub from: i64,
    pub to: i64,
}

impl RelayPass {
    pub fn numbered(&self) -> i64 {
        self.to - self.from
    }
}

/// The most events one pass numbers.
const RELAY_BATCH: i64 = 5000;

/// Whether committed events wait for a position (a read on the partial index; no lock).
pub fn waiting(conn: &mut Conn) -> Result<bool, ApiError> {
    let first: Option<i64> = ev::table
        .filter(ev::position.is_null())
        .select(ev::id)
        .first(conn)
        .optional()?;
    Ok(first.is_some())
}

/// Numbers the committed events that wait, in the caller's write transaction (see the module
/// comment). Takes the relay row's lock first: relays on other instances wait for this one.
pub fn relay(conn: &mut Conn) -> Result<RelayPass, ApiError> {
    diesel::update(er::table.filter(er::id.eq(1)))
        .set(er::position.eq(er::position))
        .execute(conn)?;
    let from: i64 = er::table.select(er::position).first(conn)?;
    let numbered = diesel::sql_query(format!(
        "UPDATE events SET position = {from} + s.rn \
         FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM events \
               WHERE position IS NULL ORDER BY id LIMIT {RELAY_BATCH}) AS s \
         WHERE events.id = s.id"
    ))
    .execute(conn)?;
    let to = from + i64::try_from(numbered).unwrap_or(0);
    if to > from {
        diesel::update(er::table.filter(er::id.eq(1)))
            .set(er::position.eq(to))
            .execute(conn)?;
    }
    Ok(RelayPass { from, to })
}

/// The last position handed out.
pub fn head(conn: &mut Conn) -> Result<i64, ApiError> {
    Ok(er::table.select(er::position).first(conn)?)
}

/// Filters of `GET /v1/events`.
#[derive(Debug, Clone, Default)]
pub struct FeedFilter {
    pub after: i64,
    pub types: Vec<String>,
    pub account_id: Option<i64>,
    pub limit: i64,
}

/// Numbered events after `filter.after`, in order, that `scope` sees now.
pub fn feed(
    conn: &mut Conn,
    scope: AccountScope,
    filter: &FeedFilter,
) -> Result<Vec<EventRow>, ApiError> {
    let mut query = ev::table
        .left_join(a::table.on(a::id.nullable().eq(ev::account_id)))
        .filter(ev::position.gt(filter.after))
        .select(EVENT_COLUMNS)
        .order(ev::position.asc())
        .limit(filter.limit)
        .into_boxed();
    if !filter.types.is_empty() {
        query = query.filter(ev::event_type.eq_any(filter.types.clone()));
    }
    if let Some(account) = filter.account_id {
        query = query.filter(ev::account_id.eq(account));
    }
    query = match scope {
        AccountScope::All => query,
        AccountScope::AssignedTo(user) => query.filter(a::assignee_id.eq(user)),
        AccountScope::Team(team) => query.filter(a::team_id.eq(team)),
        AccountScope::Nothing => query.filter(ev::id.lt(0)),
    };
    Ok(query.load(conn)?)
}

/// A numbered event with whom its account belongs to now (for the stream's in-process scope).
#[derive(Debug, Clone, Queryable)]
pub struct RoutedEvent {
    pub event: EventRow,
    pub assignee_id: Option<i64>,
    pub team_id: Option<i64>,
}

/// Numbered events after `after`, at most `limit`, with their accounts' owners.
pub fn routed_since(conn: &mut Conn, after: i64, limit: i64) -> Result<Vec<RoutedEvent>, ApiError> {
    Ok(ev::table
        .left_join(a::table.on(a::id.nullable().eq(ev::account_id)))
        .filter(ev::position.gt(after))
        .order(ev::position.asc())
        .limit(limit)
        .select((
            EVENT_COLUMNS,
            a::assignee_id.nullable(),
            a::team_id.nullable(),
        ))
        .load::<RoutedEvent>(conn)?)
}

/// How far the relay is behind: events waiting for a position, and the age of the oldest.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutboxLag {
    pub waiting: i64,
    pub oldest_seconds: f64,
}

pub fn lag(conn: &mut Conn, now: DateTime<Utc>) -> Result<OutboxLag, ApiError> {
    let waiting: i64 = ev::table
        .filter(ev::position.is_null())
        .count()
        .get_result(conn)?;
    let oldest: Option<chrono::NaiveDateTime> = ev::table
        .filter(ev::position.is_null())
        .select(diesel::dsl::min(ev::occurred_at))
        .first(conn)?;
    let oldest_seconds = oldest.map_or(0.0, |at| {
        ((to_db_time(now) - at).num_milliseconds() as f64 / 1000.0).max(0.0)
    });
    Ok(OutboxLag {
        waiting,
        oldest_seconds,
    })
}

/// An integration event, as the feed, the stream and webhooks send it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
#[schema(example = json!({"id": 1042, "type": "payment.recorded", "occurred_at": "2026-11-30T14:03:11.000000Z",
    "account_id": 101, "actor_id": 7, "data": {"id": 5521, "account_id": 101, "amount": 12500, "method": "card"}}))]
pub struct Event {
    /// The event's position: the cursor to pass as `after` (and the stream's `id:`).
    pub id: i64,
    /// The event type. Ignore types you do not know: new ones are added without a new version.
    #[serde(rename = "type")]
    #[schema(value_type = String, example = "payment.recorded")]
    pub event_type: String,
    /// When the change happened (RFC 3339, UTC, microseconds).
    pub occurred_at: String,
    pub account_id: Option<i64>,
    /// Who made the change (null: the system).
    pub actor_id: Option<i64>,
    /// The resource after the change.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
}

impl TryFrom<EventRow> for Event {
    type Error = ApiError;

    fn try_from(row: EventRow) -> Result<Self, ApiError> {
        let id = row
            .position
            .ok_or_else(|| ApiError::Internal("an unnumbered event was read".into()))?;
        let data = serde_json::from_str(&row.data)
            .map_err(|e| ApiError::Internal(format!("event {id} holds bad JSON: {e}")))?;
        Ok(Self {
            id,
            event_type: row.event_type,
            occurred_at: super::from_db_time(row.occurred_at)
                .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            account_id: row.account_id,
            actor_id: row.actor_id,
            data,
        })
    }
}
