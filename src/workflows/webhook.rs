//! Webhook subscriptions (admin): create with a secret shown once, change, delete, ping, and
//! redeliver. Each change is audited (the secret never is).

use chrono::{DateTime, Utc};

use crate::actor::Actor;
use crate::db::audit::{self, AuditContext, Change};
use crate::db::webhook_deliveries::{self, Delivery, DeliveryStatus, NewDelivery};
use crate::db::webhooks::{self, NewWebhookRow, Webhook, WebhookChanges};
use crate::db::{Conn, to_db_time};
use crate::domain::webhook::Subscription;
use crate::error::ApiError;
use crate::sealing::{SealingKey, new_secret};

/// A webhook to create (its URL already checked).
#[derive(Debug, Clone)]
pub struct NewWebhook {
    pub url: String,
    pub subscription: Subscription,
    pub description: Option<String>,
}

fn audited(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    action: &str,
    after: Option<&Webhook>,
) -> Result<(), ApiError> {
    audit::record(
        conn,
        &AuditContext::from(actor),
        Change {
            entity_type: "webhook",
            entity_id: id,
            action,
            before: None,
            after: after.map(|w| serde_json::to_value(w).unwrap_or_default()),
            account_id: None,
        },
    )
}

pub fn create(
    conn: &mut Conn,
    actor: &Actor,
    key: &SealingKey,
    new: NewWebhook,
) -> Result<Webhook, ApiError> {
    let secret = new_secret();
    let at = to_db_time(actor.now);
    let row = webhooks::insert(
        conn,
        &NewWebhookRow {
            url: new.url,
            event_types: new.subscription.stored(),
            description: new.description,
            sealed_secret: key.seal(&secret)?,
            active: true,
            created_by: Some(actor.user_id),
            created_at: at,
            updated_at: at,
        },
    )?;
    let webhook = Webhook::from(row);
    audited(conn, actor, webhook.id, "webhook.created", Some(&webhook))?;
    Ok(Webhook {
        secret: Some(secret),
        ..webhook
    })
}

pub fn update(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    changes: &WebhookChanges,
) -> Result<Webhook, ApiError> {
    let webhook = Webhook::from(webhooks::update(conn, id, changes, actor.now)?);
    audited(conn, actor, id, "webhook.updated", Some(&webhook))?;
    Ok(webhook)
}

pub fn delete(conn: &mut Conn, actor: &Actor, id: i64) -> Result<(), ApiError> {
    webhooks::delete(conn, id)?;
    audited(conn, actor, id, "webhook.deleted", None)
}

/// Queues a `ping` delivery (sent like any other, within a second or so).
pub fn ping(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Delivery, ApiError> {
    let hook = webhooks::find(conn, id)?;
    let payload = serde_json::json!({
        "id": null, "type": "ping", "occurred_at": stamp(actor.now),
        "account_id": null, "actor_id": actor.user_id,
        "data": {"webhook_id": hook.id, "url": hook.url},
    });
    queue(
        conn,
        id,
        None,
        "ping",
        None,
        Some(payload.to_string()),
        actor.now,
    )
}

/// Queues the event of delivery `id` again, as a new delivery to the same webhook.
pub fn redeliver(conn: &mut Conn, id: i64, now: DateTime<Utc>) -> Result<Delivery, ApiError> {
    let old = webhook_deliveries::find(conn, id)?;
    queue(
        conn,
        old.webhook_id,
        old.event_id,
        &old.event_type,
        old.account_id,
        old.payload,
        now,
    )
}

fn queue(
    conn: &mut Conn,
    webhook_id: i64,
    event_id: Option<i64>,
    event_type: &str,
    account_id: Option<i64>,
    payload: Option<String>,
    now: DateTime<Utc>,
) -> Result<Delivery, ApiError> {
    let at = to_db_time(now);
    webhook_deliveries::insert(
        conn,
        &NewDelivery {
            webhook_id,
            event_id,
            event_type: event_type.to_owned(),
            account_id,
            payload,
            status: DeliveryStatus::Pending.as_str().to_owned(),
            attempts: 0,
            next_attempt_at: at,
            created_at: at,
        },
    )?
    .try_into()
}

fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// A webhook's deliveries, newest first.
pub fn deliveries(
    conn: &mut Conn,
    id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Delivery>, ApiError> {
    webhooks::find(conn, id)?;
    webhook_deliveries::list(conn, id, before, limit)?
        .into_iter()
        .map(Delivery::try_from)
        .collect()
}
