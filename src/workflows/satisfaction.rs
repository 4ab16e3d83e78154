//! Recording a satisfaction survey answer: on a visible account, attributed to the contact's
//! agent (the contact must be the account's), else to the account's assignee when answered.

use crate::actor::Actor;
use crate::db::Conn;
use crate::db::accounts as accounts_db;
use crate::db::audit::{self, Change};
use crate::db::satisfaction::{self, NewSatisfaction, Satisfaction, SurveyChannel};
use crate::error::ApiError;

/// A survey answer as given.
#[derive(Debug, Clone)]
pub struct Answer {
    pub score: i64,
    pub channel: SurveyChannel,
    pub contact_id: Option<i64>,
    pub comment: Option<String>,
}

pub fn record(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    answer: Answer,
) -> Result<Satisfaction, ApiError> {
    let account = accounts_db::find_visible_row(conn, actor, account_id)?.account;
    let agent_id = match answer.contact_id {
        Some(contact) => satisfaction::contact_agent(conn, account_id, contact)?
            .ok_or_else(|| ApiError::invalid("contact_id", "is not a contact of this account"))?,
        None => account.assignee_id,
    };
    let row = satisfaction::insert(
        conn,
        &NewSatisfaction {
            account_id,
            score: answer.score,
            channel: answer.channel,
            contact_id: answer.contact_id,
            comment: answer.comment,
            agent_id,
            team_id: account.team_id,
            at: actor.now,
            created_by: actor.user_id,
        },
    )?;
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "satisfaction",
            entity_id: row.id,
            action: "satisfaction.recorded",
            before: None,
            after: Some(serde_json::to_value(&row).unwrap_or_default()),
            account_id: Some(account_id),
        },
    )?;
    row.try_into()
}
