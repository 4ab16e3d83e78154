//! Satisfaction survey answers: one row per answer, attributed to an agent and team.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::schema::{contacts as ct, satisfaction_responses as s};
use super::{Conn, accounts, from_db_time, stored, to_db_time};
use crate::actor::Actor;
use crate::domain::status::text_enum;
use crate::error::ApiError;

text_enum! {
    /// How the survey was answered.
    #[schema(example = "ivr")]
    SurveyChannel {
        Phone => "phone",
        /// An after-call IVR survey.
        Ivr => "ivr",
        Sms => "sms",
        Email => "email",
        Web => "web",
        Letter => "letter",
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = s)]
pub struct SatisfactionRow {
    pub id: i64,
    pub account_id: i64,
    pub score: i64,
    pub channel: String,
    pub contact_id: Option<i64>,
    pub comment: Option<String>,
    pub agent_id: Option<i64>,
    pub team_id: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub answered_at: chrono::NaiveDateTime,
    pub created_by: Option<i64>,
}

super::columns!(
    SATISFACTION_COLUMNS = s(
        id,
        account_id,
        score,
        channel,
        contact_id,
        comment,
        agent_id,
        team_id,
        answered_at,
        created_by,
    )
);

/// A survey answer.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 5, "account_id": 101, "score": 4, "channel": "ivr", "contact_id": 88,
    "comment": "polite and clear", "agent_id": 12, "team_id": 2, "answered_at": "2026-11-30T16:20:00Z", "created_by": 12}))]
pub struct Satisfaction {
    pub id: i64,
    pub account_id: i64,
    /// 1 (very dissatisfied) to 5 (very satisfied).
    pub score: i64,
    pub channel: SurveyChannel,
    pub contact_id: Option<i64>,
    pub comment: Option<String>,
    /// The contact's agent, else the account's assignee when answered.
    pub agent_id: Option<i64>,
    /// The account's team when answered.
    pub team_id: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub answered_at: DateTime<Utc>,
    pub created_by: Option<i64>,
}

impl TryFrom<SatisfactionRow> for Satisfaction {
    type Error = ApiError;

    fn try_from(r: SatisfactionRow) -> Result<Self, ApiError> {
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            score: r.score,
            channel: stored("satisfaction_responses.channel", &r.channel)?,
            contact_id: r.contact_id,
            comment: r.comment,
            agent_id: r.agent_id,
            team_id: r.team_id,
            answered_at: from_db_time(r.answered_at),
            created_by: r.created_by,
        })
    }
}

/// An answer to store.
#[derive(Debug, Clone)]
pub struct NewSatisfaction {
    pub account_id: i64,
    pub score: i64,
    pub channel: SurveyChannel,
    pub contact_id: Option<i64>,
    pub comment: Option<String>,
    pub agent_id: Option<i64>,
    pub team_id: Option<i64>,
    pub at: DateTime<Utc>,
    pub created_by: i64,
}

pub fn insert(conn: &mut Conn, new: &NewSatisfaction) -> Result<SatisfactionRow, ApiError> {
    Ok(diesel::insert_into(s::table)
        .values((
            s::account_id.eq(new.account_id),
            s::score.eq(new.score),
            s::channel.eq(new.channel.as_str()),
            s::contact_id.eq(new.contact_id),
            s::comment.eq(&new.comment),
            s::agent_id.eq(new.agent_id),
            s::team_id.eq(new.team_id),
            s::answered_at.eq(to_db_time(new.at)),
            s::created_by.eq(Some(new.created_by)),
        ))
        .returning(SATISFACTION_COLUMNS)
        .get_result(conn)?)
}

/// The agent of a contact of this account; `None` when the account has no such contact.
pub fn contact_agent(
    conn: &mut Conn,
    account_id: i64,
    contact_id: i64,
) -> Result<Option<Option<i64>>, ApiError> {
    Ok(ct::table
        .filter(ct::id.eq(contact_id).and(ct::account_id.eq(account_id)))
        .select(ct::agent_id)
        .first::<Option<i64>>(conn)
        .optional()?)
}

/// An account's answers, newest first, before the cursor.
pub fn list_for(
    conn: &mut Conn,
    account_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Satisfaction>, ApiError> {
    let rows: Vec<SatisfactionRow> = s::table
        .filter(s::account_id.eq(account_id))
        .filter(s::id.lt(before.unwrap_or(i64::MAX)))
        .select(SatisfactionRow::as_select())
        .order(s::id.desc())
        .limit(limit)
        .load(conn)?;
    rows.into_iter().map(Satisfaction::try_from).collect()
}

/// One answer, when its account is visible to `actor` (404 otherwise).
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<Satisfaction, ApiError> {
    let row: SatisfactionRow = s::table
        .find(id)
        .select(SatisfactionRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("satisfaction answer"))?;
    accounts::require_visible(conn, actor, row.account_id, "satisfaction answer")?;
    row.try_into()
}
