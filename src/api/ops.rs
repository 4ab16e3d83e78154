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

/// Prometheus metrics: requests by route and status, a latency histogram, and the database pool.
#[utoipa::path(
    tag = "operations",
    operation_id = "get_metrics",
    security(()),
    responses((status = 200, description = "Prometheus text exposition format", content_type = "text/plain", body = String))
)]
#[get("/metrics")]
pub async fn get_metrics(metrics: web::Data<Metrics>) -> Result<HttpResponse, ApiError> {
    let mut out = Vec::new();
    TextEncoder::new()
        .encode(&metrics.registry.gather(), &mut out)
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(out))
}
