//! Counts the statements each request sends to the database: every statement is a round trip
//! (`BEGIN` and `COMMIT` included). Each pooled connection carries a [`Counter`]; the blocking
//! work of `Db::run` counts on its thread and adds the count to the request it serves, which
//! reports it as `db_round_trips` on its last log line (`api::request_log`). Tests hold the hot
//! routes' counts, and `bench/README.md` lists them.

use std::cell::Cell;

use diesel::connection::{Instrumentation, InstrumentationEvent};

thread_local! {
    static ON_THIS_THREAD: Cell<u64> = const { Cell::new(0) };
}

tokio::task_local! {
    static IN_THIS_REQUEST: Cell<u64>;
}

/// The instrumentation each pooled connection carries.
pub struct Counter;

impl Instrumentation for Counter {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { .. } = event {
            ON_THIS_THREAD.with(|n| n.set(n.get() + 1));
        }
    }
}

/// What `work` returned, and the statements it sent on this thread.
pub struct Counted<T> {
    pub value: T,
    pub round_trips: u64,
}

/// Runs `work`, counting the statements it sends from this thread.
pub fn count<T>(work: impl FnOnce() -> T) -> Counted<T> {
    let before = ON_THIS_THREAD.with(Cell::get);
    let value = work();
    let round_trips = ON_THIS_THREAD.with(Cell::get) - before;
    Counted { value, round_trips }
}

/// Adds to the round trips of the request being served (nothing outside a request).
pub fn add_to_request(round_trips: u64) {
    let _ = IN_THIS_REQUEST.try_with(|n| n.set(n.get() + round_trips));
}

/// Runs a request's future and answers its output with the round trips it made.
pub async fn per_request<F: std::future::Future>(request: F) -> Counted<F::Output> {
    IN_THIS_REQUEST
        .scope(Cell::new(0), async move {
            let value = request.await;
            let round_trips = IN_THIS_REQUEST.with(Cell::get);
            Counted { value, round_trips }
        })
        .await
}
