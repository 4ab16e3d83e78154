//! Webhook subscriptions: where to send which events, and the sealed signing secret.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::webhooks as w;
use super::{Conn, from_db_time, to_db_time};
use crate::domain::webhook::Subscription;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = w)]
pub struct WebhookRow {
    pub id: i64,
    pub url: String,
    pub event_types: String,
    pub description: Option<String>,
    pub sealed_secret: String,
    pub active: bool,
    pub created_by: Option<i64>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

super::columns!(
    pub WEBHOOK_COLUMNS = w(
        id, url, event_types, description, sealed_secret, active, created_by, created_at,
        updated_at
    )
);

/// A webhook subscription.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 3, "url": "https://hooks.example.com/arrears", "event_types": ["payment.recorded", "arrangement.broken"],
    "description": "ledger sync", "active": true, "created_at": "2026-11-30T09:00:00.000000Z", "updated_at": "2026-11-30T09:00:00.000000Z"}))]
pub struct Webhook {
    pub id: i64,
    pub url: String,
    /// The event types sent (`*`: all).
    pub event_types: Vec<String>,
    pub description: Option<String>,
    /// Paused webhooks queue nothing.
    pub active: bool,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: DateTime<Utc>,
    /// The signing secret: only in the answer to `POST /v1/webhooks`. Keep it; it is never
    /// shown again.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "whsec_3f9a6c1e0b7d4a2f8e5c9b1d0a6f3e7c2b8d4f0a1c5e9b3d7f2a6c0e4b8d1f5a")]
    pub secret: Option<String>,
}

impl From<WebhookRow> for Webhook {
    fn from(r: WebhookRow) -> Self {
        Self {
            id: r.id,
            url: r.url,
            event_types: Subscription::names(&r.event_types),
            description: r.description,
            active: r.active,
            created_at: from_db_time(r.created_at),
            updated_at: from_db_time(r.updated_at),
            secret: None,
        }
    }
}

/// A webhook to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = w)]
pub struct NewWebhookRow {
    pub url: String,
    pub event_types: String,
    pub description: Option<String>,
    pub sealed_secret: String,
    pub active: bool,
    pub created_by: Option<i64>,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

pub fn insert(conn: &mut Conn, row: &NewWebhookRow) -> Result<WebhookRow, ApiError> {
    super::with_inner!(conn, c => diesel::insert_into(w::table).values(row).execute(c))?;
    Ok(w::table
        .select(WEBHOOK_COLUMNS)
        .order(w::id.desc())
        .first(conn)?)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<WebhookRow, ApiError> {
    w::table
        .find(id)
        .select(WEBHOOK_COLUMNS)
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("webhook"))
}

pub fn list(conn: &mut Conn, after: Option<i64>, limit: i64) -> Result<Vec<WebhookRow>, ApiError> {
    Ok(w::table
        .filter(w::id.gt(after.unwrap_or(0)))
        .select(WEBHOOK_COLUMNS)
        .order(w::id.asc())
        .limit(limit)
        .load(conn)?)
}

/// The changes of a PATCH (each `None`: unchanged).
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = w)]
pub struct WebhookChanges {
    pub url: Option<String>,
    pub event_types: Option<String>,
    pub description: Option<Option<String>>,
    pub active: Option<bool>,
    pub updated_at: Option<chrono::NaiveDateTime>,
}

pub fn update(
    conn: &mut Conn,
    id: i64,
    changes: &WebhookChanges,
    now: DateTime<Utc>,
) -> Result<WebhookRow, ApiError> {
    let changes = WebhookChanges {
        updated_at: Some(to_db_time(now)),
        ..changes.clone()
    };
    let n = diesel::update(w::table.find(id))
        .set(&changes)
        .execute(conn)?;
    if n == 0 {
        return Err(ApiError::not_found("webhook"));
    }
    find(conn, id)
}

/// Deletes a webhook and its deliveries.
pub fn delete(conn: &mut Conn, id: i64) -> Result<(), ApiError> {
    use super::schema::webhook_deliveries as d;
    diesel::delete(d::table.filter(d::webhook_id.eq(id))).execute(conn)?;
    let n = diesel::delete(w::table.find(id)).execute(conn)?;
    if n == 0 {
        return Err(ApiError::not_found("webhook"));
    }
    Ok(())
}
