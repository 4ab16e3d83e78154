//! Communications: messages a strategy step asks for, for a mail house or gateway to fetch and
//! close. Stored `blocked` (with the contact rules' reasons) or `pending`; closed `sent` or
//! `failed` by one conditional update from `pending`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::accounts::AccountAndDebtor;
use super::schema::{accounts as a, communications as cm, debtors as d};
use super::scope::scope_of;
use super::{Conn, MultiBackend, from_db_time, stored, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::compliance::{Channel, Reason};
use crate::domain::status::text_enum;
use crate::error::ApiError;

text_enum! {
    /// Where a communication is.
    #[schema(example = "pending")]
    CommunicationStatus {
        /// Waiting for the mail house or gateway (see `send_after`).
        Pending => "pending",
        Sent => "sent",
        Failed => "failed",
        /// A lasting contact rule forbids it (see `reasons`).
        Blocked => "blocked",
    }
}

text_enum! {
    /// How a communication goes out.
    #[schema(example = "sms")]
    MessageChannel {
        Sms => "sms",
        Email => "email",
        Letter => "letter",
    }
}

impl MessageChannel {
    /// The contact rules' channel.
    pub fn channel(self) -> Channel {
        match self {
            Self::Sms => Channel::Sms,
            Self::Email => Channel::Email,
            Self::Letter => Channel::Letter,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = cm)]
pub struct CommunicationRow {
    pub id: i64,
    pub account_id: i64,
    pub step_id: Option<i64>,
    pub channel: String,
    pub template: String,
    pub status: String,
    pub reasons: Option<String>,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub send_after: Option<chrono::NaiveDateTime>,
    pub failure_reason: Option<String>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub closed_at: Option<chrono::NaiveDateTime>,
    pub closed_by: Option<i64>,
}

super::columns!(
    pub COMMUNICATION_COLUMNS = cm(
        id,
        account_id,
        step_id,
        channel,
        template,
        status,
        reasons,
        send_after,
        failure_reason,
        created_at,
        closed_at,
        closed_by,
    )
);

/// A communication to send.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = cm)]
pub struct NewCommunication {
    pub account_id: i64,
    pub step_id: Option<i64>,
    pub channel: String,
    pub template: String,
    pub status: String,
    pub reasons: Option<String>,
    pub send_after: Option<chrono::NaiveDateTime>,
    pub created_at: chrono::NaiveDateTime,
}

/// A message for a mail house or gateway.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 31, "account_id": 101, "channel": "sms", "template": "reminder-1", "status": "pending",
    "reasons": [], "send_after": "2026-11-30T13:00:00Z", "failure_reason": null, "step_id": 88,
    "created_at": "2026-11-30T02:00:12Z", "closed_at": null}))]
pub struct Communication {
    pub id: i64,
    pub account_id: i64,
    pub channel: MessageChannel,
    pub template: String,
    pub status: CommunicationStatus,
    /// Why it is `blocked` (empty otherwise).
    pub reasons: Vec<Reason>,
    /// Not before this instant: the debtor's hours for messages (null: any time).
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub send_after: Option<DateTime<Utc>>,
    /// Why it `failed`.
    pub failure_reason: Option<String>,
    /// The strategy step that asked for it.
    pub step_id: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    /// When it was sent, failed or found blocked when sending.
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub closed_at: Option<DateTime<Utc>>,
}

impl CommunicationRow {
    pub fn status(&self) -> Result<CommunicationStatus, ApiError> {
        stored("communications.status", &self.status)
    }

    pub fn channel(&self) -> Result<MessageChannel, ApiError> {
        stored("communications.channel", &self.channel)
    }
}

impl TryFrom<CommunicationRow> for Communication {
    type Error = ApiError;

    fn try_from(r: CommunicationRow) -> Result<Self, ApiError> {
        let reasons = match &r.reasons {
            None => vec![],
            Some(text) => serde_json::from_str(text).map_err(|e| {
                ApiError::Internal(format!("communications.reasons of {}: {e}", r.id))
            })?,
        };
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            channel: r.channel()?,
            status: r.status()?,
            template: r.template,
            reasons,
            send_after: r.send_after.map(from_db_time),
            failure_reason: r.failure_reason,
            step_id: r.step_id,
            created_at: from_db_time(r.created_at),
            closed_at: r.closed_at.map(from_db_time),
        })
    }
}

pub fn json(r: &CommunicationRow) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or_default()
}

/// Inserts communications in statements of 1,000 and answers the stored rows.
pub fn insert(
    conn: &mut Conn,
    rows: &[NewCommunication],
) -> Result<Vec<CommunicationRow>, ApiError> {
    let mut out = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(1000) {
        let stored: Vec<CommunicationRow> = super::with_inner!(conn, c => diesel::insert_into(cm::table)
            .values(chunk)
            .returning(COMMUNICATION_COLUMNS)
            .get_results(c))?;
        out.extend(stored);
    }
    Ok(out)
}

/// A communication with the account and debtor it goes to (the contact rules judge them).
#[derive(Debug, Clone, Queryable, Selectable)]
pub struct Addressed {
    #[diesel(embed)]
    pub communication: CommunicationRow,
    #[diesel(embed)]
    pub to: AccountAndDebtor,
}

/// Filters of `GET /v1/communications`.
#[derive(Debug, Clone, Copy, Default)]
pub struct CommunicationFilter {
    pub status: Option<CommunicationStatus>,
    pub channel: Option<MessageChannel>,
    /// Only `pending` ones whose `send_after` has come (the caller re-checks the rules).
    pub ready: bool,
}

/// Communications `actor` may see, oldest first after `after`, with their accounts and debtors
/// (the `ready` check needs them).
pub fn list(
    conn: &mut Conn,
    actor: &Actor,
    f: &CommunicationFilter,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<Addressed>, ApiError> {
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<cm::table, diesel::dsl::InnerJoin<a::table, d::table>>,
        MultiBackend,
    > = cm::table
        .inner_join(a::table.inner_join(d::table))
        .into_boxed();
    let mut q = apply_account_scope!(joined, scope_of(actor));
    if let Some(s) = f.status {
        q = q.filter(cm::status.eq(s.as_str()));
    }
    if let Some(c) = f.channel {
        q = q.filter(cm::channel.eq(c.as_str()));
    }
    if f.ready {
        q = q
            .filter(cm::status.eq(CommunicationStatus::Pending.as_str()))
            .filter(
                cm::send_after
                    .is_null()
                    .or(cm::send_after.le(to_db_time(actor.now))),
            );
    }
    if let Some(after) = after {
        q = q.filter(cm::id.gt(after));
    }
    Ok(q.order(cm::id.asc())
        .limit(limit)
        .select(Addressed::as_select())
        .load(conn)?)
}

/// One communication `actor` may see, with its account and debtor (404 otherwise).
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Addressed, ApiError> {
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<cm::table, diesel::dsl::InnerJoin<a::table, d::table>>,
        MultiBackend,
    > = cm::table
        .inner_join(a::table.inner_join(d::table))
        .into_boxed();
    apply_account_scope!(joined, scope_of(actor))
        .filter(cm::id.eq(id))
        .select(Addressed::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("communication"))
}

/// How a pending communication is closed.
#[derive(Debug, Clone)]
pub enum Closing {
    Sent,
    Failed(String),
    /// A lasting rule forbids it now.
    Blocked(Vec<Reason>),
}

/// Closes a `pending` communication; `None` when it was not pending any more.
pub fn close(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    closing: &Closing,
) -> Result<Option<CommunicationRow>, ApiError> {
    let (status, failure, reasons) = match closing {
        Closing::Sent => (CommunicationStatus::Sent, None, None),
        Closing::Failed(why) => (CommunicationStatus::Failed, Some(why.clone()), None),
        Closing::Blocked(r) => (
            CommunicationStatus::Blocked,
            None,
            Some(serde_json::to_string(r).map_err(ApiError::internal)?),
        ),
    };
    let pending = cm::id
        .eq(id)
        .and(cm::status.eq(CommunicationStatus::Pending.as_str()));
    Ok(diesel::update(cm::table.filter(pending))
        .set((
            cm::status.eq(status.as_str()),
            cm::failure_reason.eq(failure),
            cm::reasons.eq(reasons),
            cm::closed_at.eq(Some(to_db_time(actor.now))),
            cm::closed_by.eq(Some(actor.user_id)),
        ))
        .returning(COMMUNICATION_COLUMNS)
        .get_result(conn)
        .optional()?)
}
