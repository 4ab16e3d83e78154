//! Prometheus metrics: actix-web-prom's request counter and latency histogram (labelled by
//! route pattern, method and status) plus the database pool's connections.

use actix_web_prom::{PrometheusMetrics, PrometheusMetricsBuilder};
use prometheus::core::{Collector, Desc};
use prometheus::proto::MetricFamily;
use prometheus::{IntGauge, Opts, Registry};

use crate::db::DbPool;

/// The registry served at `/metrics`.
#[derive(Clone)]
pub struct Metrics {
    pub registry: Registry,
    /// The request-metrics middleware (built once: it registers its collectors; cloned per worker).
    pub http: PrometheusMetrics,
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
        Ok(Self { registry, http })
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
