//! The queue's ranking: every candidate account's priority facts in one statement, narrow rows
//! only, so that the expensive parts of a queue item (the debtor, the arrangement, the contact
//! rules) are read for the page alone.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Nullable, Text, Timestamp};

use super::arrangements::ArrangementStatus;
use super::scope::{StoredScope, stored_scope_of};
use super::user_session::{confirm_columns, recheck};
use super::{Conn, policy_cache, to_db_time};
use crate::actor::Actor;
use crate::domain::account::{AccountStatus, days_past_due};
use crate::domain::queue::{Priority, QueueFacts, prioritize};
use crate::domain::strategy::StepAction;
use crate::error::ApiError;

/// The most accounts a queue considers.
pub const MAX_QUEUE: i64 = 5000;

/// A queue position: higher priority first, then the lower account id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub priority: i64,
    pub account_id: i64,
}

impl Position {
    /// Whether `self` comes after `cursor` in the queue's order.
    fn is_after(&self, cursor: &Position) -> bool {
        self.priority < cursor.priority
            || (self.priority == cursor.priority && self.account_id > cursor.account_id)
    }
}

/// A ranked account: its place and what the item shows of the ranking facts.
#[derive(Debug, Clone, Copy)]
pub struct Ranked {
    pub account_id: i64,
    pub priority: Priority,
    pub days_past_due: i64,
}

/// Per candidate: the account's own columns, whether an arrangement broke in the last 30 days,
/// whether an active arrangement's installment is due, whether a strategy `call` step was taken
/// today, the first contact and the follow-up no later contact has answered (kept on the account
/// row by a trigger on every contact insert: migrations `…_queue_contact_facts`, `…_queue_index`).
/// The account's columns are all in `accounts_assignee_idx`, so PostgreSQL reads the candidates
/// from the index alone where the visibility map allows. Beside each: the caller's user row
/// and the policies' stamp, so the session re-check costs no statement of its own (a team lead's
/// team is the row's as stored now, `$5` being the caller's id then).
const CANDIDATES: &str = "\
WITH mine AS (
  SELECT a.id, a.balance, a.status, a.delinquent_since, a.first_contact_at, a.follow_up_open_at
  FROM accounts a
  WHERE a.assignee_id = $1 AND a.status IN ($2, $3)
    AND ($4 IS NULL OR a.assignee_id = $4)
    AND ($5 IS NULL OR a.team_id = (SELECT t.team_id FROM users t WHERE t.id = $5))
  LIMIT $6),
caller AS (
  SELECT u.role AS caller_role, u.team_id AS caller_team, u.active AS caller_active,
    u.session_version AS caller_session_version,
    (SELECT v.stamp FROM policy_version v WHERE v.id = 1) AS policy_stamp
  FROM users u WHERE u.id = $12)
SELECT m.id, m.balance, m.status, m.delinquent_since, m.first_contact_at, m.follow_up_open_at,
  c.caller_role, c.caller_team, c.caller_active, c.caller_session_version, c.policy_stamp,
  EXISTS (SELECT 1 FROM arrangements ar WHERE ar.account_id = m.id
            AND ar.status = $7 AND ar.ended_at >= $8) AS broken,
  EXISTS (SELECT 1 FROM arrangements ar JOIN installments i ON i.arrangement_id = ar.id
            WHERE ar.account_id = m.id AND ar.status = $9 AND i.status <> 'paid'
              AND i.due_on <= $10) AS promise_due,
  EXISTS (SELECT 1 FROM strategy_steps s WHERE s.account_id = m.id
            AND s.action = $11 AND s.taken_on = $10) AS strategy_call
FROM mine m CROSS JOIN caller c";

#[derive(Debug, QueryableByName)]
struct Candidate {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = BigInt)]
    balance: i64,
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = Date)]
    delinquent_since: NaiveDate,
    #[diesel(sql_type = Bool)]
    broken: bool,
    #[diesel(sql_type = Bool)]
    promise_due: bool,
    #[diesel(sql_type = Bool)]
    strategy_call: bool,
    #[diesel(sql_type = Nullable<Timestamp>)]
    first_contact_at: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    follow_up_open_at: Option<NaiveDateTime>,
    #[diesel(sql_type = Text)]
    caller_role: String,
    #[diesel(sql_type = Nullable<BigInt>)]
    caller_team: Option<i64>,
    #[diesel(sql_type = Bool)]
    caller_active: bool,
    #[diesel(sql_type = BigInt)]
    caller_session_version: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    policy_stamp: Option<i64>,
}

impl Candidate {
    fn rank(&self, now: DateTime<Utc>) -> Result<Ranked, ApiError> {
        let status = super::stored::<AccountStatus>("accounts.status", &self.status)?;
        let dpd = days_past_due(self.delinquent_since, now.date_naive());
        let at = to_db_time(now);
        let follow_up_due = self.follow_up_open_at.is_some_and(|f| f <= at);
        let facts = QueueFacts {
            balance: self.balance,
            days_past_due: dpd,
            broken_arrangement: status == AccountStatus::Open && self.broken,
            promise_due: self.promise_due,
            strategy_call: self.strategy_call,
            follow_up_due,
            never_contacted: self.first_contact_at.is_none(),
        };
        Ok(Ranked {
            account_id: self.id,
            priority: prioritize(&facts),
            days_past_due: dpd,
        })
    }
}

/// The workable accounts held by `assignee_id` that `actor` may see, in queue order, from
/// after `cursor`, at most `limit`, and the caller as the session re-check confirmed them. One
/// statement re-checks the session and ranks every candidate (narrow rows; the order is the
/// domain's `prioritize`, so the rule is written once); a second, the re-check alone, only when
/// there is no candidate.
pub fn rank(
    conn: &mut Conn,
    actor: Actor,
    assignee_id: i64,
    cursor: Option<Position>,
    limit: usize,
) -> Result<(Actor, Vec<Ranked>), ApiError> {
    let (agent, team_of) = match stored_scope_of(&actor) {
        StoredScope::All => (None, None),
        StoredScope::AssignedTo(user) => (Some(user), None),
        StoredScope::TeamOfCaller => (None, Some(actor.user_id)),
    };
    let today = actor.now.date_naive();
    let since = to_db_time(actor.now - chrono::Duration::days(30));
    let sql = super::placeholders(conn, CANDIDATES);
    let candidates: Vec<Candidate> = diesel::sql_query(sql)
        .bind::<BigInt, _>(assignee_id)
        .bind::<Text, _>(AccountStatus::Open.as_str())
        .bind::<Text, _>(AccountStatus::InArrangement.as_str())
        .bind::<Nullable<BigInt>, _>(agent)
        .bind::<Nullable<BigInt>, _>(team_of)
        .bind::<BigInt, _>(MAX_QUEUE)
        .bind::<Text, _>(ArrangementStatus::Broken.as_str())
        .bind::<Timestamp, _>(since)
        .bind::<Text, _>(ArrangementStatus::Active.as_str())
        .bind::<Date, _>(today)
        .bind::<Text, _>(StepAction::Call.as_str())
        .bind::<BigInt, _>(actor.user_id)
        .load(conn)?;
    let Some(first) = candidates.first() else {
        return Ok((recheck(conn, actor)?, Vec::new()));
    };
    let actor = confirm_columns(
        actor,
        (
            Some(first.caller_role.clone()),
            first.caller_team,
            Some(first.caller_active),
            Some(first.caller_session_version),
        ),
    )?;
    if let Some(stamp) = first.policy_stamp {
        policy_cache::seen(stamp);
    }
    let mut ranked = candidates
        .iter()
        .map(|c| c.rank(actor.now))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(cursor) = cursor {
        ranked.retain(|r| r.position().is_after(&cursor));
    }
    ranked.sort_unstable_by(|x, y| {
        y.priority
            .score
            .cmp(&x.priority.score)
            .then(x.account_id.cmp(&y.account_id))
    });
    ranked.truncate(limit);
    Ok((actor, ranked))
}

impl Ranked {
    pub fn position(&self) -> Position {
        Position {
            priority: self.priority.score,
            account_id: self.account_id,
        }
    }
}
