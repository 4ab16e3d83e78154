//! The append-only, hash-chained audit log (see `domain::audit_chain` for the design).

use chrono::SecondsFormat;
use diesel::prelude::*;
use serde_json::Value;

use super::events::{self, NewOutboxEvent};
use super::schema::audit_events as ae;
use super::{Conn, DbConnection, from_db_time, on_unique, to_db_time};
use crate::actor::Actor;
use crate::domain::audit_chain::{ChainedFields, GENESIS_HASH, event_hash};
use crate::domain::events::integration_event;
use crate::error::ApiError;

/// A stored audit event.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = ae)]
pub struct AuditRow {
    pub id: i64,
    pub entity_type: String,
    pub entity_id: i64,
    pub seq: i64,
    pub action: String,
    pub actor_id: Option<i64>,
    pub request_id: Option<String>,
    pub occurred_at: chrono::NaiveDateTime,
    pub before_state: Option<String>,
    pub after_state: Option<String>,
    pub prev_hash: String,
    pub hash: String,
    /// The account this event concerns, when it concerns one (feeds the account timeline).
    pub account_id: Option<i64>,
}

impl AuditRow {
    fn chained_fields<'a>(&'a self, occurred_at: &'a str) -> ChainedFields<'a> {
        ChainedFields {
            entity_type: &self.entity_type,
            entity_id: self.entity_id,
            seq: self.seq,
            action: &self.action,
            actor_id: self.actor_id,
            request_id: self.request_id.as_deref(),
            occurred_at,
            before_state: self.before_state.as_deref(),
            after_state: self.after_state.as_deref(),
            account_id: self.account_id,
        }
    }
}

fn timestamp_text(at: chrono::NaiveDateTime) -> String {
    from_db_time(at).to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Who made a change, and when: the part of an audit event that comes from the request.
#[derive(Debug, Clone)]
pub struct AuditContext {
    pub actor_id: Option<i64>,
    pub request_id: Option<String>,
    pub now: chrono::DateTime<chrono::Utc>,
}

impl AuditContext {
    /// A change made by the system itself (bootstrap, demo data, sweeps).
    pub fn system(now: chrono::DateTime<chrono::Utc>) -> Self {
        Self {
            actor_id: None,
            request_id: None,
            now,
        }
    }
}

impl From<&Actor> for AuditContext {
    fn from(a: &Actor) -> Self {
        Self {
            actor_id: Some(a.user_id),
            request_id: Some(a.request_id.clone()).filter(|r| !r.is_empty()),
            now: a.now,
        }
    }
}

/// One state change of one entity.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    pub entity_type: &'a str,
    pub entity_id: i64,
    /// `<entity>.<verb>`, e.g. `user.created`.
    pub action: &'a str,
    pub before: Option<Value>,
    pub after: Option<Value>,
    /// The account the change concerns, if any: the event then shows in its timeline.
    pub account_id: Option<i64>,
}

/// An event chained to its predecessor, ready to insert.
#[derive(Insertable)]
#[diesel(table_name = ae)]
pub struct NewEvent {
    entity_type: String,
    entity_id: i64,
    seq: i64,
    action: String,
    actor_id: Option<i64>,
    request_id: Option<String>,
    occurred_at: chrono::NaiveDateTime,
    before_state: Option<String>,
    after_state: Option<String>,
    prev_hash: String,
    hash: String,
    account_id: Option<i64>,
    /// The integration event the change publishes (`domain::events`), written beside it.
    #[diesel(skip_insertion)]
    integration: Option<NewOutboxEvent>,
}

/// Event `seq` of its stream after `prev_hash`, hashed (the one place events are chained).
fn chain(ctx: &AuditContext, change: Change<'_>, seq: i64, prev_hash: String) -> NewEvent {
    let occurred_at = to_db_time(ctx.now);
    let stamp = timestamp_text(occurred_at);
    let before_state = change.before.as_ref().map(Value::to_string);
    let after_state = change.after.as_ref().map(Value::to_string);
    let fields = ChainedFields {
        entity_type: change.entity_type,
        entity_id: change.entity_id,
        seq,
        action: change.action,
        actor_id: ctx.actor_id,
        request_id: ctx.request_id.as_deref(),
        occurred_at: &stamp,
        before_state: before_state.as_deref(),
        after_state: after_state.as_deref(),
        account_id: change.account_id,
    };
    let hash = event_hash(&prev_hash, &fields);
    let integration =
        integration_event(change.action, change.after.as_ref()).map(|i| NewOutboxEvent {
            event_type: i.event_type.as_str().to_owned(),
            occurred_at,
            account_id: change.account_id,
            actor_id: ctx.actor_id,
            data: i.data.to_string(),
        });
    NewEvent {
        entity_type: change.entity_type.to_owned(),
        entity_id: change.entity_id,
        seq,
        action: change.action.to_owned(),
        actor_id: ctx.actor_id,
        request_id: ctx.request_id.clone(),
        occurred_at,
        before_state,
        after_state,
        prev_hash,
        hash,
        account_id: change.account_id,
        integration,
    }
}

/// Appends an event to the stream `(entity_type, entity_id)`, in the caller's transaction.
pub fn record(conn: &mut Conn, ctx: &AuditContext, change: Change<'_>) -> Result<(), ApiError> {
    let last: Option<(i64, String)> = ae::table
        .filter(
            ae::entity_type
                .eq(change.entity_type)
                .and(ae::entity_id.eq(change.entity_id)),
        )
        .order(ae::seq.desc())
        .select((ae::seq, ae::hash))
        .first(conn)
        .optional()?;
    let (seq, prev_hash) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS_HASH.to_owned()),
    };
    append(conn, chain(ctx, change, seq, prev_hash))
}

/// Records the first event of the stream of an entity this transaction has just created (a
/// logged contact, a payment): its stream is empty, so the head is the genesis without a read. Were the
/// stream not empty (an id reused), the unique `(entity_type, entity_id, seq)` refuses the
/// insert (409) rather than fork the chain.
pub fn record_created(
    conn: &mut Conn,
    ctx: &AuditContext,
    change: Change<'_>,
) -> Result<(), ApiError> {
    append(conn, first_event(ctx, change))
}

/// Inserts a chained event and its integration event: on PostgreSQL in one statement (the
/// audit insert a data-modifying `WITH` of the outbox insert), on SQLite in two.
fn append(conn: &mut Conn, event: NewEvent) -> Result<(), ApiError> {
    let concurrent = || {
        ApiError::conflict(
            "concurrent-update",
            "the resource changed while the request ran; retry it",
        )
    };
    if let (DbConnection::Postgresql(pg), Some(integration)) = (&mut *conn, &event.integration) {
        return append_with_outbox(pg, &event, integration)
            .map(|_| ())
            .map_err(on_unique(concurrent));
    }
    diesel::insert_into(ae::table)
        .values(&event)
        .execute(conn)
        .map_err(on_unique(concurrent))?;
    if let Some(integration) = event.integration {
        events::emit(conn, &[integration])?;
    }
    Ok(())
}

/// The audit event and its outbox event in one PostgreSQL statement.
const APPEND_WITH_OUTBOX: &str = "\
WITH chained AS (
  INSERT INTO audit_events (entity_type, entity_id, seq, action, actor_id, request_id,
    occurred_at, before_state, after_state, prev_hash, hash, account_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12))
INSERT INTO events (event_type, occurred_at, account_id, actor_id, data)
VALUES ($13, $14, $15, $16, $17)";

fn append_with_outbox(
    pg: &mut diesel::PgConnection,
    e: &NewEvent,
    i: &NewOutboxEvent,
) -> QueryResult<usize> {
    use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};
    diesel::sql_query(APPEND_WITH_OUTBOX)
        .bind::<Text, _>(&e.entity_type)
        .bind::<BigInt, _>(e.entity_id)
        .bind::<BigInt, _>(e.seq)
        .bind::<Text, _>(&e.action)
        .bind::<Nullable<BigInt>, _>(e.actor_id)
        .bind::<Nullable<Text>, _>(&e.request_id)
        .bind::<Timestamp, _>(e.occurred_at)
        .bind::<Nullable<Text>, _>(&e.before_state)
        .bind::<Nullable<Text>, _>(&e.after_state)
        .bind::<Text, _>(&e.prev_hash)
        .bind::<Text, _>(&e.hash)
        .bind::<Nullable<BigInt>, _>(e.account_id)
        .bind::<Text, _>(&i.event_type)
        .bind::<Timestamp, _>(i.occurred_at)
        .bind::<Nullable<BigInt>, _>(i.account_id)
        .bind::<Nullable<BigInt>, _>(i.actor_id)
        .bind::<Text, _>(&i.data)
        .execute(pg)
}

/// The first event of a stream that has none yet (bulk placement creates thousands at once).
pub fn first_event(ctx: &AuditContext, change: Change<'_>) -> NewEvent {
    chain(ctx, change, 1, GENESIS_HASH.to_owned())
}

/// Inserts first events in multi-row statements of 1,000.
pub fn insert_first_events(conn: &mut Conn, events: &[NewEvent]) -> Result<(), ApiError> {
    for chunk in events.chunks(1000) {
        super::with_inner!(conn, c => diesel::insert_into(ae::table).values(chunk).execute(c))?;
    }
    let integrations: Vec<NewOutboxEvent> = events
        .iter()
        .filter_map(|e| e.integration.clone())
        .collect();
    events::emit(conn, &integrations)
}

/// Filters of `GET /v1/audit-events`.
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub account_id: Option<i64>,
    pub entity_type: Option<String>,
    pub entity_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub from: Option<chrono::NaiveDateTime>,
    pub to: Option<chrono::NaiveDateTime>,
}

/// Newest first, `limit` rows with id below `before`.
pub fn list(
    conn: &mut Conn,
    filter: &AuditFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRow>, ApiError> {
    let mut q = ae::table.select(AuditRow::as_select()).into_boxed();
    if let Some(t) = &filter.entity_type {
        q = q.filter(ae::entity_type.eq(t.clone()));
    }
    if let Some(id) = filter.entity_id {
        q = q.filter(ae::entity_id.eq(id));
    }
    if let Some(a) = filter.account_id {
        q = q.filter(ae::account_id.eq(a));
    }
    if let Some(a) = filter.actor_id {
        q = q.filter(ae::actor_id.eq(a));
    }
    if let Some(from) = filter.from {
        q = q.filter(ae::occurred_at.ge(from));
    }
    if let Some(to) = filter.to {
        q = q.filter(ae::occurred_at.lt(to));
    }
    if let Some(b) = before {
        q = q.filter(ae::id.lt(b));
    }
    Ok(q.order(ae::id.desc()).limit(limit).load(conn)?)
}

/// The outcome of a full check of the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub checked: i64,
    pub first_broken_id: Option<i64>,
}

/// Walks every stream in `seq` order, in batches, and checks each link and hash. Reports the
/// smallest id of an event that does not verify (a changed event, or the event after a gap).
pub fn verify(conn: &mut Conn) -> Result<Verification, ApiError> {
    const BATCH: i64 = 1000;
    let mut checked = 0;
    let mut first_broken: Option<i64> = None;
    let mut position: Option<(String, i64, i64)> = None;
    let mut prev: Option<AuditRow> = None;
    loop {
        let mut q = ae::table.select(AuditRow::as_select()).into_boxed();
        if let Some((t, id, seq)) = &position {
            q = q.filter(
                ae::entity_type
                    .gt(t.clone())
                    .or(ae::entity_type.eq(t.clone()).and(ae::entity_id.gt(*id)))
                    .or(ae::entity_type
                        .eq(t.clone())
                        .and(ae::entity_id.eq(*id))
                        .and(ae::seq.gt(*seq))),
            );
        }
        let rows: Vec<AuditRow> = q
            .order((ae::entity_type.asc(), ae::entity_id.asc(), ae::seq.asc()))
            .limit(BATCH)
            .load(conn)?;
        let done = (rows.len() as i64) < BATCH;
        for row in rows {
            checked += 1;
            let same_stream = prev
                .as_ref()
                .is_some_and(|p| p.entity_type == row.entity_type && p.entity_id == row.entity_id);
            let (expected_seq, expected_prev) = match (&prev, same_stream) {
                (Some(p), true) => (p.seq + 1, p.hash.as_str()),
                _ => (1, GENESIS_HASH),
            };
            let order_ok = !same_stream || prev.as_ref().is_some_and(|p| p.id < row.id);
            let stamp = timestamp_text(row.occurred_at);
            let ok = row.seq == expected_seq
                && row.prev_hash == expected_prev
                && order_ok
                && event_hash(&row.prev_hash, &row.chained_fields(&stamp)) == row.hash;
            if !ok {
                first_broken = Some(first_broken.map_or(row.id, |f| f.min(row.id)));
            }
            position = Some((row.entity_type.clone(), row.entity_id, row.seq));
            prev = Some(row);
        }
        if done {
            break;
        }
    }
    Ok(Verification {
        checked,
        first_broken_id: first_broken,
    })
}
