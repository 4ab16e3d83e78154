//! Operations endpoints (no auth): liveness, readiness, metrics.

use actix_web::{HttpResponse, get, web};
use diesel::prelude::*;
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

/// The database is reachable (503 otherwise).
#[utoipa::path(
    tag = "operations",
    operation_id = "get_readiness",
    security(()),
    responses(
        (status = 200, description = "Ready", body = Health),
        (status = 503, description = "The database is not reachable"),
    )
)]
#[get("/readyz")]
pub async fn get_readiness(state: web::Data<AppState>) -> Result<web::Json<Health>, ApiError> {
    state
        .db
        .run(|conn| {
            diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>("1"))
                .execute(conn)
                .map_err(|e| {
                    log::warn!("readiness check failed: {e}");
                    ApiError::Unavailable {
                        retry_after: 1,
                        detail: "the database is not reachable".into(),
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
