//! Business metrics: what the collections floor did (contacts logged and refused by reason,
//! payments, approvals decided), the background runs, the database pool's wait and the build.
//!
//! A change is counted only once it is committed: workflows [`stage`] their counts inside the
//! transaction, and `db::write_tx` [`publish`]es them after the commit or [`discard`]s them with a
//! rollback. Staged counts live on the thread that runs the transaction (a transaction never
//! leaves it). The counters are process-wide; `metrics::Metrics` registers them for `/metrics`.

use std::cell::RefCell;
use std::sync::LazyLock;
use std::time::Duration;

use prometheus::core::Collector;
use prometheus::{Gauge, Histogram, HistogramOpts, IntCounterVec, IntGaugeVec, Opts};

/// A counted business event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Count {
    /// A contact logged, by channel.
    ContactLogged { channel: &'static str },
    /// An outbound contact refused by the compliance engine, once per reason.
    ContactRefused { reason: String },
    /// A payment recorded, by currency and method.
    PaymentRecorded { currency: String, method: String },
    /// An approval decided (`approved`, `rejected`), by kind and by whom (`person`, `strategy`).
    ApprovalDecided {
        kind: &'static str,
        decision: &'static str,
        by: &'static str,
    },
}

/// The outcome of a background run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunOutcome {
    Succeeded,
    Failed,
}

/// A kind of background run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    Sweep,
    StrategyRun,
}

struct Counters {
    contacts_logged: IntCounterVec,
    contacts_refused: IntCounterVec,
    payments: IntCounterVec,
    approvals: IntCounterVec,
    runs: IntCounterVec,
    pool_wait: Histogram,
    build: IntGaugeVec,
    replica_reads: IntCounterVec,
    replica_lag: Gauge,
}

fn counter(name: &str, help: &str, labels: &[&str]) -> IntCounterVec {
    // Names and labels are constants checked by the tests: a failure here is a programming error.
    IntCounterVec::new(Opts::new(name, help), labels).unwrap_or_else(|e| panic!("{name}: {e}"))
}

static COUNTERS: LazyLock<Counters> = LazyLock::new(|| {
    let build = IntGaugeVec::new(
        Opts::new("arrears_build_info", "The running build (always 1)"),
        &["version"],
    )
    .unwrap_or_else(|e| panic!("arrears_build_info: {e}"));
    build.with_label_values(&[env!("CARGO_PKG_VERSION")]).set(1);
    Counters {
        contacts_logged: counter(
            "arrears_contacts_logged_total",
            "Contacts logged, by channel",
            &["channel"],
        ),
        contacts_refused: counter(
            "arrears_contacts_refused_total",
            "Outbound contacts refused by the compliance engine, by reason",
            &["reason"],
        ),
        payments: counter(
            "arrears_payments_recorded_total",
            "Payments recorded, by currency and method",
            &["currency", "method"],
        ),
        approvals: counter(
            "arrears_approvals_decided_total",
            "Approvals decided, by kind, decision and decider (person or strategy)",
            &["kind", "decision", "by"],
        ),
        runs: counter(
            "arrears_background_runs_total",
            "Background runs on this instance (sweep, strategy_run), by outcome",
            &["job", "outcome"],
        ),
        pool_wait: Histogram::with_opts(
            HistogramOpts::new(
                "arrears_db_pool_wait_seconds",
                "Time spent waiting for a pooled database connection",
            )
            .buckets(vec![
                0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0,
            ]),
        )
        .unwrap_or_else(|e| panic!("arrears_db_pool_wait_seconds: {e}")),
        build,
        replica_reads: counter(
            "arrears_replica_reads_total",
            "Reads meant for the replica (reports, the account list), by where they were served \
             (replica, primary)",
            &["served_by"],
        ),
        replica_lag: Gauge::with_opts(Opts::new(
            "arrears_replica_lag_seconds",
            "How far the replica was behind the primary when last measured (-1: it did not answer)",
        ))
        .unwrap_or_else(|e| panic!("arrears_replica_lag_seconds: {e}")),
    }
});

/// Every collector, for a registry.
pub fn collectors() -> Vec<Box<dyn Collector>> {
    let c = &*COUNTERS;
    vec![
        Box::new(c.contacts_logged.clone()),
        Box::new(c.contacts_refused.clone()),
        Box::new(c.payments.clone()),
        Box::new(c.approvals.clone()),
        Box::new(c.runs.clone()),
        Box::new(c.pool_wait.clone()),
        Box::new(c.build.clone()),
        Box::new(c.replica_reads.clone()),
        Box::new(c.replica_lag.clone()),
    ]
}

thread_local! {
    static STAGED: RefCell<Vec<Count>> = const { RefCell::new(Vec::new()) };
}

/// Counts `count` when the running transaction commits.
pub fn stage(count: Count) {
    STAGED.with(|s| s.borrow_mut().push(count));
}

/// Forgets what the thread staged (a transaction begins or rolls back).
pub fn discard() {
    STAGED.with(|s| s.borrow_mut().clear());
}

/// Counts what the thread staged (its transaction committed).
pub fn publish() {
    let staged = STAGED.with(|s| std::mem::take(&mut *s.borrow_mut()));
    let c = &*COUNTERS;
    for count in staged {
        match count {
            Count::ContactLogged { channel } => c.contacts_logged.with_label_values(&[channel]),
            Count::ContactRefused { reason } => c.contacts_refused.with_label_values(&[&reason]),
            Count::PaymentRecorded { currency, method } => {
                c.payments.with_label_values(&[&currency, &method])
            }
            Count::ApprovalDecided { kind, decision, by } => {
                c.approvals.with_label_values(&[kind, decision, by])
            }
        }
        .inc();
    }
}

/// Counts a finished background run.
pub fn run_finished(run: Run, outcome: RunOutcome) {
    let job = match run {
        Run::Sweep => "sweep",
        Run::StrategyRun => "strategy_run",
    };
    let outcome = match outcome {
        RunOutcome::Succeeded => "succeeded",
        RunOutcome::Failed => "failed",
    };
    COUNTERS.runs.with_label_values(&[job, outcome]).inc();
}

/// Records how long a pool checkout waited.
pub fn pool_waited(waited: Duration) {
    COUNTERS.pool_wait.observe(waited.as_secs_f64());
}

/// Where a read meant for the replica was served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServedBy {
    Replica,
    Primary,
}

/// Counts a read meant for the replica.
pub fn replica_read(served_by: ServedBy) {
    let label = match served_by {
        ServedBy::Replica => "replica",
        ServedBy::Primary => "primary",
    };
    COUNTERS.replica_reads.with_label_values(&[label]).inc();
}

/// Records the replica's lag in seconds (`None`: it did not answer).
pub fn replica_lag(seconds: Option<f64>) {
    COUNTERS.replica_lag.set(seconds.unwrap_or(-1.0));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(reason: &str) -> u64 {
        COUNTERS.contacts_refused.with_label_values(&[reason]).get()
    }

    #[test]
    fn counts_only_what_commits() {
        let before = refused("tally-test");
        stage(Count::ContactRefused {
            reason: "tally-test".into(),
        });
        discard();
        publish();
        assert_eq!(refused("tally-test"), before);
        stage(Count::ContactRefused {
            reason: "tally-test".into(),
        });
        publish();
        assert_eq!(refused("tally-test"), before + 1);
        assert_eq!(collectors().len(), 9);
    }
}
