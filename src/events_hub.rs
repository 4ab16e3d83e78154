//! The live event stream's fan-out. One poller per process (started by the first stream)
//! runs a relay pass, reads the newly numbered events once, and broadcasts each one, already
//! framed as Server-Sent Events, to every connected stream in the process; each stream keeps the
//! events its caller's scope allows. So a thousand streams cost one database poll per quarter
//! second, not a thousand.
//!
//! A stream that resumes (`Last-Event-ID`) or falls behind the broadcast first reads what it
//! missed from the database, then follows the broadcast, skipping what it has sent: it
//! subscribes before it reads, so nothing falls between the two.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::web::Bytes;
use chrono::{DateTime, Utc};
use futures_util::Stream;
use tokio::sync::{Notify, broadcast};

use crate::db::events::{self, Event, FeedFilter, RoutedEvent};
use crate::db::scope::AccountScope;
use crate::db::users::{self, SessionState};
use crate::db::{Db, write_tx};
use crate::error::ApiError;
use crate::workflows::event_relay;

/// Time between keep-alive comments on an event stream (`serve`'s).
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// What the poller tells every stream.
#[derive(Debug, Clone)]
pub enum HubMessage {
    Event(Arc<HubEvent>),
    /// The session states of the users with open streams (checked every few seconds).
    Sessions(Arc<Vec<SessionState>>),
    /// The server is stopping.
    Closing,
}

/// A numbered event, framed once for every stream.
#[derive(Debug)]
pub struct HubEvent {
    pub position: i64,
    pub event_type: String,
    pub account_id: Option<i64>,
    pub assignee_id: Option<i64>,
    pub team_id: Option<i64>,
    pub frame: Bytes,
}

/// The per-process fan-out (cheap to clone).
#[derive(Clone)]
pub struct EventHub(Arc<Inner>);

struct Inner {
    sender: broadcast::Sender<HubMessage>,
    clients: AtomicI64,
    users: Mutex<HashMap<i64, usize>>,
    started: AtomicBool,
    closing: AtomicBool,
    wake: Notify,
    keep_alive: Duration,
    poll_every: Duration,
}

/// How often the poller checks the sessions of connected users.
const SESSION_CHECK: Duration = Duration::from_secs(5);
/// Events one poll or backlog read takes at most.
const BATCH: i64 = 500;

impl EventHub {
    /// A hub whose streams send a keep-alive comment every `keep_alive`, polling every
    /// `poll_every`.
    pub fn new(keep_alive: Duration, poll_every: Duration) -> Self {
        let (sender, _) = broadcast::channel(4096);
        Self(Arc::new(Inner {
            sender,
            clients: AtomicI64::new(0),
            users: Mutex::new(HashMap::new()),
            started: AtomicBool::new(false),
            closing: AtomicBool::new(false),
            wake: Notify::new(),
            keep_alive,
            poll_every,
        }))
    }

    /// Streams open now in this process.
    pub fn clients(&self) -> i64 {
        self.0.clients.load(Ordering::Relaxed)
    }

    /// Ends every stream (the server is stopping) and the poller.
    pub fn close(&self) {
        self.0.closing.store(true, Ordering::SeqCst);
        let _ = self.0.sender.send(HubMessage::Closing);
        self.0.wake.notify_waiters();
    }

    /// Starts the poller on the first stream.
    fn ensure_poller(&self, db: &Db) {
        if !self.0.started.swap(true, Ordering::SeqCst) {
            actix_web::rt::spawn(poll(self.clone(), db.clone()));
        }
    }

    fn connected_users(&self) -> Vec<i64> {
        self.0
            .users
            .lock()
            .map(|u| u.keys().copied().collect())
            .unwrap_or_default()
    }
}

async fn poll(hub: EventHub, db: Db) {
    let mut head = match db.run(events::head).await {
        Ok(h) => h,
        Err(e) => {
            log::warn!("event stream poller could not start: {e}");
            hub.0.started.store(false, Ordering::SeqCst);
            return;
        }
    };
    let mut last_check = tokio::time::Instant::now();
    while !hub.0.closing.load(Ordering::SeqCst) {
        tokio::select! {
            _ = tokio::time::sleep(hub.0.poll_every) => {}
            _ = hub.0.wake.notified() => {}
        }
        match db.run(move |conn| read_new(conn, head)).await {
            Ok(batch) => {
                for event in batch {
                    head = event.position;
                    let _ = hub.0.sender.send(HubMessage::Event(Arc::new(event)));
                }
            }
            Err(e) => log::warn!("event stream poll failed: {e}"),
        }
        if last_check.elapsed() >= SESSION_CHECK {
            last_check = tokio::time::Instant::now();
            let ids = hub.connected_users();
            if !ids.is_empty() {
                match db.run(move |conn| users::session_states(conn, &ids)).await {
                    Ok(s) => {
                        let _ = hub.0.sender.send(HubMessage::Sessions(Arc::new(s)));
                    }
                    Err(e) => log::warn!("event stream session check failed: {e}"),
                }
            }
        }
    }
}

fn read_new(conn: &mut crate::db::Conn, head: i64) -> Result<Vec<HubEvent>, ApiError> {
    if events::waiting(conn)? {
        let now = Utc::now();
        write_tx(conn, |tx| event_relay::pass(tx, now))?;
    }
    events::routed_since(conn, head, BATCH)?
        .into_iter()
        .map(hub_event)
        .collect()
}

fn hub_event(routed: RoutedEvent) -> Result<HubEvent, ApiError> {
    let RoutedEvent {
        event,
        assignee_id,
        team_id,
    } = routed;
    let event = Event::try_from(event)?;
    Ok(HubEvent {
        position: event.id,
        event_type: event.event_type.clone(),
        account_id: event.account_id,
        assignee_id,
        team_id,
        frame: frame(&event)?,
    })
}

/// One Server-Sent Event: `id:` is the cursor, `data:` the event as JSON.
pub fn frame(event: &Event) -> Result<Bytes, ApiError> {
    let json = serde_json::to_string(event).map_err(ApiError::internal)?;
    Ok(Bytes::from(format!("id: {}\ndata: {json}\n\n", event.id)))
}

/// Who a stream is for and what it shows.
#[derive(Debug, Clone)]
pub struct StreamSpec {
    pub scope: AccountScope,
    pub user_id: i64,
    pub session_version: i64,
    /// Resume after this position (`Last-Event-ID`); `None`: from now on.
    pub after: Option<i64>,
    pub types: Vec<String>,
    pub account_id: Option<i64>,
    /// When the credential that opened it expires: the stream closes then (on the wall clock,
    /// which access tokens' `exp` is checked against).
    pub until: DateTime<Utc>,
}

impl StreamSpec {
    fn shows(&self, e: &HubEvent) -> bool {
        let in_scope = match self.scope {
            AccountScope::All => true,
            AccountScope::AssignedTo(user) => e.assignee_id == Some(user),
            AccountScope::Team(team) => e.team_id == Some(team),
            AccountScope::Nothing => false,
        };
        in_scope
            && (self.types.is_empty() || self.types.contains(&e.event_type))
            && self.account_id.is_none_or(|a| e.account_id == Some(a))
    }
}

/// Counts a stream while it is open.
struct Connected {
    hub: EventHub,
    user_id: i64,
}

impl Drop for Connected {
    fn drop(&mut self) {
        self.hub.0.clients.fetch_sub(1, Ordering::Relaxed);
        if let Ok(mut users) = self.hub.0.users.lock()
            && let Some(n) = users.get_mut(&self.user_id)
        {
            *n -= 1;
            if *n == 0 {
                users.remove(&self.user_id);
            }
        }
    }
}

struct Client {
    db: Db,
    spec: StreamSpec,
    rx: broadcast::Receiver<HubMessage>,
    last: i64,
    backlog: bool,
    queue: VecDeque<Bytes>,
    tick: tokio::time::Interval,
    deadline: tokio::time::Instant,
    done: bool,
    _connected: Connected,
}

/// The stream for `spec`: a comment at once, the missed events when resuming, then the live ones.
pub async fn open(
    hub: &EventHub,
    db: &Db,
    spec: StreamSpec,
) -> Result<impl Stream<Item = Result<Bytes, actix_web::Error>> + use<>, ApiError> {
    hub.ensure_poller(db);
    let rx = hub.0.sender.subscribe();
    let last = match spec.after {
        Some(after) => after,
        None => db.run(events::head).await?,
    };
    hub.0.clients.fetch_add(1, Ordering::Relaxed);
    if let Ok(mut users) = hub.0.users.lock() {
        *users.entry(spec.user_id).or_default() += 1;
    }
    let connected = Connected {
        hub: hub.clone(),
        user_id: spec.user_id,
    };
    let period = hub.0.keep_alive;
    let left = (spec.until - Utc::now()).to_std().unwrap_or(Duration::ZERO);
    let client = Client {
        db: db.clone(),
        backlog: spec.after.is_some(),
        spec,
        rx,
        last,
        queue: VecDeque::from([Bytes::from_static(b"retry: 3000\n: stream open\n\n")]),
        tick: tokio::time::interval_at(tokio::time::Instant::now() + period, period),
        deadline: tokio::time::Instant::now() + left,
        done: hub.0.closing.load(Ordering::SeqCst),
        _connected: connected,
    };
    Ok(futures_util::stream::unfold(client, next))
}

async fn next(mut c: Client) -> Option<(Result<Bytes, actix_web::Error>, Client)> {
    loop {
        if let Some(bytes) = c.queue.pop_front() {
            return Some((Ok(bytes), c));
        }
        if c.done {
            return None;
        }
        if c.backlog {
            catch_up(&mut c).await;
            continue;
        }
        tokio::select! {
            message = c.rx.recv() => receive(&mut c, message),
            _ = c.tick.tick() => c.queue.push_back(Bytes::from_static(b": keep-alive\n\n")),
            _ = tokio::time::sleep_until(c.deadline) => end(&mut c, "the access token expired"),
        }
    }
}

async fn catch_up(c: &mut Client) {
    let filter = FeedFilter {
        after: c.last,
        types: c.spec.types.clone(),
        account_id: c.spec.account_id,
        limit: BATCH,
    };
    let scope = c.spec.scope;
    let read =
        c.db.run(move |conn| {
            if events::waiting(conn)? {
                let now = Utc::now();
                write_tx(conn, |tx| event_relay::pass(tx, now))?;
            }
            events::feed(conn, scope, &filter)
        })
        .await;
    match read {
        Ok(rows) => {
            c.backlog = i64::try_from(rows.len()).unwrap_or(0) >= BATCH;
            for row in rows {
                match Event::try_from(row).and_then(|e| frame(&e).map(|f| (e.id, f))) {
                    Ok((id, f)) => {
                        c.last = id;
                        c.queue.push_back(f);
                    }
                    Err(e) => return end(c, &e.to_string()),
                }
            }
        }
        Err(e) => end(c, &e.to_string()),
    }
}

fn receive(c: &mut Client, message: Result<HubMessage, broadcast::error::RecvError>) {
    match message {
        Ok(HubMessage::Event(e)) if e.position > c.last => {
            c.last = e.position;
            if c.spec.shows(&e) {
                c.queue.push_back(e.frame.clone());
            }
        }
        Ok(HubMessage::Event(_)) => {}
        Ok(HubMessage::Sessions(states)) => {
            let mine = states.iter().find(|s| s.user_id == c.spec.user_id);
            if mine.is_none_or(|s| !s.active || s.session_version != c.spec.session_version) {
                end(c, "the session ended");
            }
        }
        Ok(HubMessage::Closing) => end(c, "the server is stopping"),
        Err(broadcast::error::RecvError::Lagged(_)) => c.backlog = true,
        Err(broadcast::error::RecvError::Closed) => end(c, "the server is stopping"),
    }
}

fn end(c: &mut Client, why: &str) {
    let why = why.replace(['\n', '\r'], " ");
    c.queue
        .push_back(Bytes::from(format!(": closed: {why}\n\n")));
    c.done = true;
}
