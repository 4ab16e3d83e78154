//! Descriptive changes to an account (portfolio, team), under `If-Match`.

use diesel::prelude::*;

use super::accounts::{
    ACCOUNT_COLUMNS, Account, AccountAndDebtor, AccountRow, find_visible_row, json, to_account,
};
use super::audit::{self, Change};
use super::schema::{accounts as a, assignments as asg};
use super::{Conn, Violation, on_constraint, to_db_time};
use crate::actor::Actor;
use crate::error::ApiError;

/// Descriptive changes to an account.
#[derive(Debug, Clone, Default)]
pub struct AccountChanges {
    pub portfolio: Option<Option<String>>,
    pub team_id: Option<Option<i64>>,
}

/// Applies `changes` when the account is at one of the `if_match` versions (412 otherwise). Moving the
/// account to another team ends its assignment.
pub fn update(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    if_match: Option<&[i64]>,
    changes: AccountChanges,
) -> Result<Account, ApiError> {
    let AccountAndDebtor {
        account: before,
        debtor,
    } = find_visible_row(conn, actor, id)?;
    let stale = || {
        ApiError::PreconditionFailed(format!(
            "the account changed since you read it (now at version {}); read it again",
            before.version
        ))
    };
    if if_match.is_some_and(|versions| !versions.contains(&before.version)) {
        return Err(stale());
    }
    let team_id = changes.team_id.unwrap_or(before.team_id);
    let moved = team_id != before.team_id;
    let assignee_id = if moved { None } else { before.assignee_id };
    let updated = diesel::update(a::table.filter(a::id.eq(id).and(a::version.eq(before.version))))
        .set((
            a::portfolio.eq(changes
                .portfolio
                .unwrap_or_else(|| before.portfolio.clone())),
            a::team_id.eq(team_id),
            a::assignee_id.eq(assignee_id),
            a::version.eq(before.version + 1),
            a::updated_at.eq(to_db_time(actor.now)),
        ))
        .returning(ACCOUNT_COLUMNS)
        .get_result::<AccountRow>(conn)
        .optional()
        .map_err(on_constraint(&[(Violation::ForeignKey, &no_such_team)]))?
        .ok_or_else(stale)?;
    if moved && before.assignee_id.is_some() {
        diesel::update(asg::table.filter(asg::account_id.eq(id).and(asg::ended_at.is_null())))
            .set(asg::ended_at.eq(to_db_time(actor.now)))
            .execute(conn)?;
    }
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "account",
            entity_id: id,
            action: "account.updated",
            before: Some(json(&before)),
            after: Some(json(&updated)),
            account_id: Some(id),
        },
    )?;
    to_account(updated, debtor, actor.now.date_naive())
}

fn no_such_team() -> ApiError {
    ApiError::invalid("team_id", "no team has this id")
}
