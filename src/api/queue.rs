//! `/v1/queue`: the caller's work list.

use actix_web::{get, web};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::api::pagination::{Page, PageParams, decode_key, encode_key};
use crate::auth::{Agent, Caller};
use crate::db::queue::{self, QueueItem};
use crate::db::queue_rank::Position;
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
    let cursor = match page.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Some(position(c)?),
        None => None,
    };
    let actor = caller.into_actor();
    let assignee = params.assignee_id.unwrap_or(actor.user_id);
    let wanted = usize::try_from(limit).unwrap_or(0);
    // The session re-check is in the ranking's statement (`db::queue_rank`).
    let mut rest = state
        .db
        .run(move |conn| queue::queue(conn, actor, assignee, cursor, wanted.saturating_add(1)))
        .await?;
    let more = rest.len() > wanted;
    rest.truncate(wanted);
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

/// A queue cursor: the last item's priority and account id.
fn position(cursor: &str) -> Result<Position, ApiError> {
    let bad = || ApiError::invalid("cursor", "is not a cursor this API issued");
    let key = decode_key(cursor)?;
    let (priority, account_id) = key.split_once(':').ok_or_else(bad)?;
    Ok(Position {
        priority: priority.parse().map_err(|_| bad())?,
        account_id: account_id.parse().map_err(|_| bad())?,
    })
}
