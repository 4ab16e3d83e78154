//! Operations endpoints (no auth): liveness, readiness, metrics.

use actix_web::{HttpResponse, get, web};
use prometheus::{Encoder, TextEncoder};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::metrics::Metrics;
use crate::state::AppState;

/// Health answer.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"status": "ok"}))]
pub struct Health {
    /// `ok`.
    pub status: String,
}

/// The process is up.
#[utoipa::path(tag = "operations", operation_id = "get_health", security(()), responses((status = 200, description = "Up", body = Health)))]
#[get("/healthz")]
pub async fn get_health() -> web::Json<Health> {
    web::Json(Health {
        status: "ok".into(),
    })
}

/// The database is reachable and accepts writes (503 otherwise).
///
/// Each call writes one row (`service_heartbeat`) in its own transaction, so a read-only SQLite
/// file, a full disk or a PostgreSQL standby answer 503, not only an unreachable server.
#[utoipa::path(
    tag = "operations",
    operation_id = "get_readiness",
    security(()),
    responses(
        (status = 200, description = "Ready", body = Health),
        (status = 503, description = "The database is not reachable or does not accept writes (`service-unavailable`); see `Retry-After`"),
    )
)]
#[get("/readyz")]
pub async fn get_readiness(state: web::Data<AppState>) -> Result<web::Json<Health>, ApiError> {
    let now = state.clock.now();
    state
        .db
        .run(move |conn| {
            crate::db::heartbeat::beat(conn, now).map_err(|e| {
                log::warn!("readiness check failed: {e}");
                ApiError::Unavailable {
                    retry_after: 1,
                    detail: "the database is not reachable or does not accept writes".into(),
                }
            })
        })
        .await?;
    Ok(web::Json(Health {
        status: "ok".into(),
    }))
}

/// Prometheus metrics: requests by route and status, a latency histogram, the database pool,
/// the outbox lag (`arrears_outbox_events_waiting`, `arrears_outbox_lag_seconds`), webhook
/// deliveries by status and the event streams open on this instance; and what the floor did,
/// counted when committed: `arrears_contacts_logged_total{channel}`,
/// `arrears_contacts_refused_total{reason}`, `arrears_payments_recorded_total{currency,method}`,
/// `arrears_approvals_decided_total{kind,decision,by}`, `arrears_background_runs_total{job,outcome}`,
/// `arrears_db_pool_wait_seconds` and `arrears_build_info{version}`.
#[utoipa::path(
    tag = "operations",
    operation_id = "get_metrics",
    security(()),
    responses((status = 200, description = "Prometheus text exposition format", content_type = "text/plain", body = String))
)]
#[get("/metrics")]
pub async fn get_metrics(
    metrics: web::Data<Metrics>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let gauges = &metrics.events;
    gauges.stream_clients.set(state.hub.clients());
    let now = state.clock.now();
    let read = state
        .db
        .run(move |conn| {
            let lag = crate::db::events::lag(conn, now)?;
            let counts = crate::db::webhook_deliveries::count_by_status(conn)?;
            Ok((lag, counts))
        })
        .await;
    // A scrape still answers when the database does not (the pool gauges say why).
    if let Ok((lag, counts)) = read {
        gauges.outbox_waiting.set(lag.waiting);
        gauges.outbox_lag_seconds.set(lag.oldest_seconds);
        for status in crate::db::webhook_deliveries::DeliveryStatus::ALL {
            let n = counts
                .iter()
                .find(|c| c.status == status.as_str())
                .map_or(0, |c| c.deliveries);
            gauges
                .deliveries
                .with_label_values(&[status.as_str()])
                .set(n);
        }
    }
    let mut out = Vec::new();
    TextEncoder::new()
        .encode(&metrics.registry.gather(), &mut out)
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(out))
}
