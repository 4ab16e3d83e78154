//! `/v1/events`: the integration events in commit order, as a feed to poll and as a live
//! Server-Sent Events stream (see `db::events` for why the order holds across instances).

use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::actor::Actor;
use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::auth::{AnyRole, Caller, token_expiry};
use crate::db::events::{self, Event, FeedFilter};
use crate::db::scope::scope_of;
use crate::db::stream_tokens::{self, NewStreamToken};
use crate::db::{from_db_time, to_db_time, users, write_tx};
use crate::domain::events::EventType;
use crate::error::ApiError;
use crate::events_hub::{self, StreamSpec};
use crate::state::AppState;
use crate::workflows::event_relay;

/// Filters of the feed and the stream.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventFilterParams {
    /// Only these types, comma-separated (`payment.recorded,arrangement.broken`).
    #[param(example = "payment.recorded,arrangement.broken")]
    pub types: Option<String>,
    /// Only this account's events.
    pub account_id: Option<i64>,
}

impl EventFilterParams {
    fn types(&self) -> Result<Vec<String>, ApiError> {
        let Some(list) = self.types.as_deref() else {
            return Ok(Vec::new());
        };
        list.split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| {
                EventType::parse(t)
                    .map(|e| e.as_str().to_owned())
                    .ok_or_else(|| {
                        ApiError::invalid("types", format!("{t:?} is not an event type"))
                    })
            })
            .collect()
    }
}

/// Where to read from.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedParams {
    /// The `next_cursor` of the previous read (an event id); 0 or absent: from the start.
    #[param(minimum = 0, example = 1042)]
    pub after: Option<i64>,
    /// Events per read, 1 to 500 (default 100).
    #[param(minimum = 1, maximum = 500, example = 100)]
    pub limit: Option<i64>,
}

/// A read of the feed.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"data": [{"id": 1042, "type": "payment.recorded", "occurred_at": "2026-11-30T14:03:11.000000Z",
    "account_id": 101, "actor_id": 7, "data": {"id": 5521, "amount": 12500}}], "next_cursor": 1042}))]
pub struct EventPage {
    pub data: Vec<Event>,
    /// Always set: pass it as `after` next time (the given `after` when nothing is new).
    pub next_cursor: i64,
}

/// The integration events after `after`, in commit order, that your account scope shows now
/// (agents: the accounts assigned to them now; team leads: their team's; others: all; events
/// without an account: managers and above, admins and auditors).
///
/// **Order and continuity.** Each event's `id` is its position, handed out after its
/// transaction committed, by one relay at a time, in the order the commits became visible: an
/// event that commits late gets a higher id than every event already readable. A client that
/// stores `next_cursor` and passes it as `after` never misses an event and never sees one twice,
/// whatever the number of server instances writing. Poll with it; or open the stream.
///
/// Event types grow over time: ignore the ones you do not know.
#[utoipa::path(tag = "events", operation_id = "list_events", params(FeedParams, EventFilterParams),
    responses((status = 200, description = "Events in order", body = EventPage)))]
#[get("/events")]
pub async fn list_events(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    feed: web::Query<FeedParams>,
    filter: web::Query<EventFilterParams>,
) -> Result<web::Json<EventPage>, ApiError> {
    let after = feed.after.unwrap_or(0);
    if after < 0 {
        return Err(ApiError::invalid("after", "must be 0 or more"));
    }
    let limit = feed.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(ApiError::invalid("limit", "must be from 1 to 500"));
    }
    let filter = FeedFilter {
        after,
        types: filter.types()?,
        account_id: filter.account_id,
        limit,
    };
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        if events::waiting(conn)? {
            let now = actor.now;
            write_tx(conn, |tx| event_relay::pass(tx, now))?;
        }
        events::feed(conn, scope_of(actor), &filter)
    })
    .await?;
    let data: Vec<Event> = rows
        .into_iter()
        .map(Event::try_from)
        .collect::<Result<_, _>>()?;
    let next_cursor = data.last().map_or(after, |e| e.id);
    Ok(web::Json(EventPage { data, next_cursor }))
}

/// A single-use token for the stream.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"stream_token": "st_6f1c0b5e2a9d4c7f8e3b1a0d9c8b7a6f", "expires_at": "2026-11-30T14:04:11Z"}))]
pub struct StreamToken {
    /// Pass as `stream_token` to `GET /v1/events/stream`; once, within 60 s.
    pub stream_token: String,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub expires_at: DateTime<Utc>,
}

/// A single-use token valid 60 s for `GET /v1/events/stream?stream_token=…`, for browsers'
/// `EventSource`, which cannot send an `Authorization` header. `Location` is that URL, ready to
/// open. The stream it opens closes when
/// the access token used here expires.
#[utoipa::path(tag = "events", operation_id = "create_stream_token",
    responses((status = 201, description = "The token", body = StreamToken)))]
#[post("/events/stream-tokens")]
pub async fn create_stream_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller<AnyRole>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let session_expires = DateTime::from_timestamp(token_expiry(&req)?, 0)
        .ok_or_else(|| ApiError::Internal("the token's expiry is out of range".into()))?;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        let token = format!(
            "st_{}",
            crate::sealing::new_secret().trim_start_matches("whsec_")
        );
        let expires_at = to_db_time(actor.now + chrono::Duration::seconds(60));
        let row = NewStreamToken {
            token_hash: crate::tokens::secret_hash(&token),
            user_id: actor.user_id,
            expires_at,
            session_expires_at: to_db_time(session_expires),
        };
        stream_tokens::issue(conn, &row, actor.now)?;
        let location = format!("/v1/events/stream?stream_token={token}");
        Ok(Reply::created(&StreamToken {
            stream_token: token,
            expires_at: from_db_time(expires_at),
        })?
        .at(location))
    })
    .await
}

/// How a stream authenticates when it cannot send a header.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StreamParams {
    /// A token from `POST /v1/events/stream-tokens` (instead of `Authorization`).
    pub stream_token: Option<String>,
}

/// The events as Server-Sent Events, live: the same events and scope as the feed. Each event
/// is `id: <event id>` and `data: <the event as JSON>`; send `Last-Event-ID` (EventSource does
/// on reconnect) to resume after an id, else the stream starts with what happens next. A
/// comment line every 15 s keeps proxies open. The stream ends when the access token (or the
/// one that made the stream token) expires, when your user is deactivated or its sessions are
/// ended, and when the server stops; reconnect then. Never compressed.
#[utoipa::path(tag = "events", operation_id = "stream_events",
    params(StreamParams, EventFilterParams,
        ("Last-Event-ID" = Option<i64>, Header, description = "Resume after this event id")),
    responses((status = 200, description = "An endless `text/event-stream`", content_type = "text/event-stream", body = String)))]
#[get("/events/stream")]
pub async fn stream_events(
    state: web::Data<AppState>,
    req: HttpRequest,
    auth: web::Query<StreamParams>,
    filter: web::Query<EventFilterParams>,
) -> Result<HttpResponse, ApiError> {
    let types = filter.types()?;
    let after = last_event_id(&req)?;
    let (actor, until) = match auth.into_inner().stream_token {
        Some(token) => redeem(&state, &token).await?,
        None => {
            let caller = Caller::<AnyRole>::extract(&req).await?;
            let until = DateTime::from_timestamp(token_expiry(&req)?, 0).unwrap_or_default();
            let actor = exec::read(&state.db, caller.into_actor(), |_, a| Ok(a.clone())).await?;
            (actor, until)
        }
    };
    let spec = StreamSpec {
        scope: scope_of(&actor),
        user_id: actor.user_id,
        session_version: actor.session_version,
        after,
        types,
        account_id: filter.account_id,
        until,
    };
    let stream = events_hub::open(&state.hub, &state.db, spec).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/event-stream")
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header((header::CONTENT_ENCODING, "identity"))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(stream))
}

fn last_event_id(req: &HttpRequest) -> Result<Option<i64>, ApiError> {
    let Some(value) = req.headers().get("Last-Event-ID") else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|v| *v >= 0)
        .map(Some)
        .ok_or_else(|| ApiError::invalid("Last-Event-ID", "must be an event id"))
}

async fn redeem(state: &AppState, token: &str) -> Result<(Actor, DateTime<Utc>), ApiError> {
    let (digest, now) = (crate::tokens::secret_hash(token), state.clock.now());
    let grant = state
        .db
        .run(move |conn| write_tx(conn, |tx| stream_tokens::redeem(tx, &digest, now)))
        .await?
        .ok_or_else(|| ApiError::token_invalid("the stream token is unknown, used or expired"))?;
    let actor = Actor {
        user_id: grant.subject.user_id,
        role: grant.subject.role,
        team_id: grant.subject.team_id,
        request_id: String::new(),
        now,
        session_version: grant.subject.session_version,
    };
    let actor = state
        .db
        .run(move |conn| users::recheck(conn, actor))
        .await?;
    Ok((actor, grant.session_expires_at))
}
