//! `/v1/queue` and an account's timeline.

use actix_web::{get, web};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::api::audit::AuditEvent;
use crate::api::exec;
use crate::api::pagination::{Page, PageParams, decode_key, encode_key};
use crate::api::paths::AccountPath;
use crate::auth::{Agent, AnyRole, Caller};
use crate::db::accounts;
use crate::db::audit::{self, AuditFilter};
use crate::db::queue::{self, QueueItem};
use crate::error::ApiError;
use crate::state::AppState;

/// Whose queue.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueParams {
    /// An agent whose queue to show (team leads, managers, heads); default: yours.
    pub assignee_id: Option<i64>,
}

/// Your work list: your open and in-arrangement accounts, highest priority first.
///
/// `priority` combines the strongest `reason` (broken arrangement, promise due, follow-up due,
/// never contacted, high balance) with balance × days past due; `contactable_now` says whether a
/// call is allowed now. Team leads (within their team), managers and heads may view an agent's
/// queue with `assignee_id`.
#[utoipa::path(
    tag = "queue",
    operation_id = "get_queue",
    params(QueueParams, PageParams),
    responses((status = 200, description = "A page of the queue", body = Page<QueueItem>))
)]
#[get("/queue")]
pub async fn get_queue(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    params: web::Query<QueueParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<QueueItem>>, ApiError> {
    let limit = page.limit()?;
    let after = match page.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => {
            let bad = || ApiError::invalid("cursor", "is not a cursor this API issued");
            let key = decode_key(c)?;
            let (p, id) = key.split_once(':').ok_or_else(bad)?;
            Some((
                p.parse::<i64>().map_err(|_| bad())?,
                id.parse::<i64>().map_err(|_| bad())?,
            ))
        }
        None => None,
    };
    let actor = caller.into_actor();
    let assignee = params.assignee_id.unwrap_or(actor.user_id);
    let items = exec::read(&state.db, actor, move |conn, actor| {
        queue::queue(conn, actor, assignee)
    })
    .await?;
    let mut rest: Vec<QueueItem> = match after {
        Some((p, id)) => items
            .into_iter()
            .filter(|i| i.priority < p || (i.priority == p && i.account_id > id))
            .collect(),
        None => items,
    };
    let more = rest.len() as i64 > limit;
    rest.truncate(limit as usize);
    let next_cursor = if more {
        rest.last()
            .map(|i| encode_key(&format!("{}:{}", i.priority, i.account_id)))
    } else {
        None
    };
    Ok(web::Json(Page {
        data: rest,
        next_cursor,
    }))
}

/// Everything that happened to an account, newest first: its creation, changes, assignments,
/// and (as they are built) contacts, payments, arrangements, approvals and disputes. Each item
/// is the audit event that recorded it.
#[utoipa::path(
    tag = "accounts",
    operation_id = "get_account_timeline",
    params(AccountPath, PageParams),
    responses((status = 200, description = "A page of events", body = Page<AuditEvent>))
)]
#[get("/accounts/{id}/timeline")]
pub async fn get_account_timeline(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<AuditEvent>>, ApiError> {
    let page = page.parse()?;
    let id = id.into_inner().id;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        accounts::find_visible_row(conn, actor, id)?;
        audit::list(
            conn,
            &AuditFilter {
                account_id: Some(id),
                ..Default::default()
            },
            page.after,
            page.fetch_limit(),
        )
    })
    .await?;
    let events = rows.into_iter().map(AuditEvent::from).collect();
    Ok(web::Json(Page::from_rows(events, page, |e| e.id)))
}
