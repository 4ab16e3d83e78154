//! `/v1/webhooks` and `/v1/webhook-deliveries` (admin): subscriptions, their delivery log,
//! pings and redeliveries. Deliveries themselves are sent by `crate::webhook_sender`.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{WebhookDeliveryPath, WebhookPath};
use crate::auth::{Admin, Caller};
use crate::db::webhook_deliveries::Delivery;
use crate::db::webhooks::{self, Webhook, WebhookChanges};
use crate::domain::webhook::Subscription;
use crate::error::ApiError;
use crate::state::AppState;
use crate::webhook_sender::check_target;
use crate::workflows::webhook::{self as workflow, NewWebhook};

/// A webhook to create.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"url": "https://hooks.example.com/arrears", "event_types": ["payment.recorded", "arrangement.broken"], "description": "ledger sync"}))]
pub struct WebhookRequest {
    /// `https` (plain `http` only when the server sets `ARREARS_WEBHOOK_ALLOW_HTTP=true`); a host
    /// resolving to a loopback, private or link-local address is refused unless
    /// `ARREARS_WEBHOOK_ALLOW_PRIVATE=true`.
    #[schema(max_length = 2000)]
    pub url: String,
    /// Event types to send, or `["*"]` for all.
    #[validate(length(min = 1, max = 100, message = "name 1 to 100 event types"))]
    pub event_types: Vec<String>,
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    pub description: Option<String>,
}

/// Changes to a webhook (omitted fields stay).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"active": false}))]
pub struct WebhookUpdate {
    #[schema(max_length = 2000)]
    pub url: Option<String>,
    #[validate(length(min = 1, max = 100, message = "name 1 to 100 event types"))]
    pub event_types: Option<Vec<String>>,
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// `false` pauses it: no deliveries are queued while paused.
    pub active: Option<bool>,
}

async fn checked_url(state: &AppState, url: &str) -> Result<String, ApiError> {
    let url = url.trim().to_owned();
    check_target(&url, state.webhooks.targets)
        .await
        .map_err(|p| ApiError::from_problems(vec![p]))?;
    Ok(url)
}

fn subscription(names: &[String]) -> Result<Subscription, ApiError> {
    Subscription::parse(names).map_err(ApiError::from_problems)
}

/// Subscribe a URL to events (admin). The answer holds the `secret` that signs every delivery:
/// `Arrears-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. It is
/// shown only here. Deliveries are at least once; per webhook, one account's events arrive in
/// order; a failed attempt is retried after 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h and 8 h
/// (each ±10 %), then the delivery is `failed`. Any 2xx within 10 s counts; redirects are not
/// followed.
#[utoipa::path(tag = "webhooks", operation_id = "create_webhook", request_body = WebhookRequest,
    responses((status = 201, description = "Created, with its secret", body = Webhook)))]
#[post("/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    idem: IdempotencyKey,
    body: ValidJson<WebhookRequest>,
) -> Result<HttpResponse, ApiError> {
    let url = checked_url(&state, &body.value.url).await?;
    let subscription = subscription(&body.value.event_types)?;
    let key = state.webhooks.key.clone();
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            let new = NewWebhook {
                url,
                subscription,
                description: r.description.map(|d| d.trim().to_owned()),
            };
            let webhook = workflow::create(conn, actor, &key, new)?;
            Ok(Reply::created(&webhook)?.at(format!("/v1/webhooks/{}", webhook.id)))
        },
    )
    .await
}

/// The webhooks, oldest first (admin).
#[utoipa::path(tag = "webhooks", operation_id = "list_webhooks", params(PageParams),
    responses((status = 200, description = "A page of webhooks", body = Page<Webhook>)))]
#[get("/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Webhook>>, ApiError> {
    let page = page.parse()?;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, _| {
        webhooks::list(conn, page.after, page.fetch_limit())
    })
    .await?;
    let rows = rows.into_iter().map(Webhook::from).collect();
    Ok(web::Json(Page::from_rows(rows, page, |w| w.id)))
}

/// One webhook (admin; never its secret).
#[utoipa::path(tag = "webhooks", operation_id = "get_webhook", params(WebhookPath),
    responses((status = 200, description = "The webhook", body = Webhook)))]
#[get("/webhooks/{id}")]
pub async fn get_webhook(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    id: web::Path<WebhookPath>,
) -> Result<web::Json<Webhook>, ApiError> {
    let id = id.into_inner().id;
    let row = exec::read(&state.db, caller.into_actor(), move |conn, _| {
        webhooks::find(conn, id)
    })
    .await?;
    Ok(web::Json(row.into()))
}

/// Change a webhook's URL, event types, description or `active` (admin). The secret stays.
#[utoipa::path(tag = "webhooks", operation_id = "update_webhook", params(WebhookPath), request_body = WebhookUpdate,
    responses((status = 200, description = "Changed", body = Webhook)))]
#[patch("/webhooks/{id}")]
pub async fn update_webhook(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    id: web::Path<WebhookPath>,
    idem: IdempotencyKey,
    body: ValidJson<WebhookUpdate>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    let url = match body.value.url.as_deref() {
        Some(u) => Some(checked_url(&state, u).await?),
        None => None,
    };
    let event_types = body
        .value
        .event_types
        .as_deref()
        .map(subscription)
        .transpose()?;
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            let changes = WebhookChanges {
                url,
                event_types: event_types.map(|s| s.stored()),
                description: r.description.map(|d| Some(d.trim().to_owned())),
                active: r.active,
                updated_at: None,
            };
            Reply::ok(&workflow::update(conn, actor, id, &changes)?)
        },
    )
    .await
}

/// Delete a webhook and its delivery log (admin). Pending deliveries are not sent.
#[utoipa::path(tag = "webhooks", operation_id = "delete_webhook", params(WebhookPath),
    responses((status = 204, description = "Deleted")))]
#[delete("/webhooks/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    id: web::Path<WebhookPath>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
        workflow::delete(conn, actor, id)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Queue a `ping` event to the webhook (admin): sent like any delivery, signed, within about a
/// second; follow it in the delivery log.
#[utoipa::path(tag = "webhooks", operation_id = "ping_webhook", params(WebhookPath),
    responses((status = 202, description = "Queued", body = Delivery)))]
#[post("/webhooks/{id}/ping")]
pub async fn ping_webhook(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    id: web::Path<WebhookPath>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        let d = workflow::ping(conn, actor, id)?;
        Reply::json(actix_web::http::StatusCode::ACCEPTED, &d)
    })
    .await
}

/// The webhook's deliveries, newest first, each with its attempts, last status code and
/// duration (admin).
#[utoipa::path(tag = "webhooks", operation_id = "list_webhook_deliveries", params(WebhookPath, PageParams),
    responses((status = 200, description = "A page of deliveries", body = Page<Delivery>)))]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    id: web::Path<WebhookPath>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Delivery>>, ApiError> {
    let id = id.into_inner().id;
    let page = page.parse()?;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, _| {
        workflow::deliveries(conn, id, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |d| d.id)))
}

/// Send a delivery's event again, as a new delivery to the same webhook (admin).
#[utoipa::path(tag = "webhooks", operation_id = "redeliver_webhook_delivery", params(WebhookDeliveryPath),
    responses((status = 202, description = "Queued", body = Delivery)))]
#[post("/webhook-deliveries/{id}/redeliver")]
pub async fn redeliver(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    id: web::Path<WebhookDeliveryPath>,
    idem: IdempotencyKey,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::post_empty(&state.db, caller.into_actor(), idem, move |conn, actor| {
        let d = workflow::redeliver(conn, id, actor.now)?;
        Reply::json(actix_web::http::StatusCode::ACCEPTED, &d)
    })
    .await
}
