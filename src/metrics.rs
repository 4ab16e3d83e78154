//! Prometheus metrics: actix-web-prom's request counter and latency histogram (labelled by
//! route pattern, method and status), the database pool's connections, the integration events'
//! gauges and the business counters of `tally`.

use actix_web_prom::{PrometheusMetrics, PrometheusMetricsBuilder};
use prometheus::core::{Collector, Desc};
use prometheus::proto::MetricFamily;
use prometheus::{Gauge, IntGauge, IntGaugeVec, Opts, Registry};

use crate::db::DbPool;

/// The registry served at `/metrics`.
#[derive(Clone)]
pub struct Metrics {
    pub registry: Registry,
    /// The request-metrics middleware (built once: it registers its collectors; cloned per worker).
    pub http: PrometheusMetrics,
    /// The integration events' gauges, set at scrape time.
    pub events: EventGauges,
}

/// Outbox lag, deliveries by status, connected stream clients.
#[derive(Clone)]
pub struct EventGauges {
    /// Events committed but not yet numbered by the relay.
    pub outbox_waiting: IntGauge,
    /// Age of the oldest such event, in seconds.
    pub outbox_lag_seconds: Gauge,
    /// Webhook deliveries by `status`.
    pub deliveries: IntGaugeVec,
    /// Event streams open on this instance.
    pub stream_clients: IntGauge,
}

impl EventGauges {
    fn register(registry: &Registry) -> Result<Self, prometheus::Error> {
        let gauges = Self {
            outbox_waiting: IntGauge::with_opts(Opts::new(
                "arrears_outbox_events_waiting",
                "Integration events committed and not yet numbered by the relay",
            ))?,
            outbox_lag_seconds: Gauge::with_opts(Opts::new(
                "arrears_outbox_lag_seconds",
                "Age of the oldest integration event waiting for the relay",
            ))?,
            deliveries: IntGaugeVec::new(
                Opts::new("arrears_webhook_deliveries", "Webhook deliveries by status"),
                &["status"],
            )?,
            stream_clients: IntGauge::with_opts(Opts::new(
                "arrears_event_stream_clients",
                "Event streams open on this instance",
            ))?,
        };
        registry.register(Box::new(gauges.outbox_waiting.clone()))?;
        registry.register(Box::new(gauges.outbox_lag_seconds.clone()))?;
        registry.register(Box::new(gauges.deliveries.clone()))?;
        registry.register(Box::new(gauges.stream_clients.clone()))?;
        Ok(gauges)
    }
}

impl Metrics {
    /// A registry with the pool gauges and the HTTP request metrics.
    pub fn new(pool: DbPool) -> Result<Self, String> {
        let registry = Registry::new();
        registry
            .register(Box::new(PoolCollector::new(pool)?))
            .map_err(|e| e.to_string())?;
        // Unmatched paths are counted as `UNKNOWN` so scanners cannot blow up label cardinality.
        let http = PrometheusMetricsBuilder::new("arrears")
            .registry(registry.clone())
            .mask_unmatched_patterns("UNKNOWN")
            .build()
            .map_err(|e| e.to_string())?;
        let events = EventGauges::register(&registry).map_err(|e| e.to_string())?;
        for collector in crate::tally::collectors() {
            registry.register(collector).map_err(|e| e.to_string())?;
        }
        Ok(Self {
            registry,
            http,
            events,
        })
    }
}

/// Reads the pool's state at scrape time.
struct PoolCollector {
    pool: DbPool,
    in_use: IntGauge,
    idle: IntGauge,
    descs: Vec<Desc>,
}

impl PoolCollector {
    fn new(pool: DbPool) -> Result<Self, String> {
        let in_use = IntGauge::with_opts(Opts::new(
            "arrears_db_pool_connections_in_use",
            "Pooled database connections checked out",
        ))
        .map_err(|e| e.to_string())?;
        let idle = IntGauge::with_opts(Opts::new(
            "arrears_db_pool_connections_idle",
            "Pooled database connections idle",
        ))
        .map_err(|e| e.to_string())?;
        let descs = in_use
            .desc()
            .into_iter()
            .chain(idle.desc())
            .cloned()
            .collect();
        Ok(Self {
            pool,
            in_use,
            idle,
            descs,
        })
    }
}

impl Collector for PoolCollector {
    fn desc(&self) -> Vec<&Desc> {
        self.descs.iter().collect()
    }

    fn collect(&self) -> Vec<MetricFamily> {
        let state = self.pool.state();
        self.idle.set(i64::from(state.idle_connections));
        self.in_use
            .set(i64::from(state.connections - state.idle_connections));
        self.in_use
            .collect()
            .into_iter()
            .chain(self.idle.collect())
            .collect()
    }
}
