//! The queue's ranking: every candidate account's priority facts in one statement, narrow rows
//! only, so that the expensive parts of a queue item (the debtor, the arrangement, the contact
//! rules) are read for the page alone.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel::sql_types::{BigInt, Bool, Date, Nullable, Text, Timestamp};

use super::arrangements::ArrangementStatus;
use super::scope::{StoredScope, stored_scope_of};
use super::user_session::{confirm_columns, recheck};
use super::{Conn, MultiBackend, policy_cache, to_db_time};
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

/// The priority facts kept outside the account row, for the account `m.id`: whether an
/// arrangement broke since `$2`, whether an active arrangement's installment is due by `$4`,
/// whether a strategy `call` step was taken on `$6`. Shared by the queue's read and the daily
/// re-rank (`queue_bound`), so both rank by the same facts.
macro_rules! queue_fact_columns {
    () => {
        "EXISTS (SELECT 1 FROM arrangements ar WHERE ar.account_id = m.id
            AND ar.status = $1 AND ar.ended_at >= $2) AS broken,
  EXISTS (SELECT 1 FROM arrangements ar JOIN installments i ON i.arrangement_id = ar.id
            WHERE ar.account_id = m.id AND ar.status = $3 AND i.status <> 'paid'
              AND i.due_on <= $4) AS promise_due,
  EXISTS (SELECT 1 FROM strategy_steps s WHERE s.account_id = m.id
            AND s.action = $5 AND s.taken_on = $6) AS strategy_call"
    };
}
pub(crate) use queue_fact_columns;

/// A statement over `queue_fact_columns` with their parameters bound: arrangements broken
/// `since`, installments due by `due_by`, strategy calls taken on `taken_on`.
pub(super) fn bind_facts(
    sql: String,
    since: NaiveDateTime,
    due_by: NaiveDate,
    taken_on: NaiveDate,
) -> BoxedSqlQuery<'static, MultiBackend, SqlQuery> {
    diesel::sql_query(sql)
        .into_boxed()
        .bind::<Text, _>(ArrangementStatus::Broken.as_str())
        .bind::<Timestamp, _>(since)
        .bind::<Text, _>(ArrangementStatus::Active.as_str())
        .bind::<Date, _>(due_by)
        .bind::<Text, _>(StepAction::Call.as_str())
        .bind::<Date, _>(taken_on)
}

/// Per candidate: the account's own columns and the facts beside them (the first contact and
/// the follow-up no later contact has answered are kept on the account row by a trigger on every
/// contact insert: migrations `…_queue_contact_facts`, `…_queue_index`), and its stored bound.
/// The account's columns are all in `accounts_queue_idx`, so PostgreSQL reads the candidates
/// from the index alone where the visibility map allows, in bound order. While the bounds are
/// valid (re-ranked today: `queue_bound`), only the first `$14` are read; else every
/// candidate, up to `$12`. Beside each: the caller's user row, the policies' stamp and whether the
/// read was bounded, so the session re-check costs no statement of its own (a team lead's team is
/// the row's as stored now, `$11` being the caller's id then).
const CANDIDATES: &str = concat!(
    "\
WITH mine AS (
  SELECT a.id, a.balance, a.status, a.delinquent_since, a.first_contact_at, a.follow_up_open_at,
    a.queue_bound
  FROM accounts a
  WHERE a.assignee_id = $7 AND a.status IN ($8, $9)
    AND ($10 IS NULL OR a.assignee_id = $10)
    AND ($11 IS NULL OR a.team_id = (SELECT t.team_id FROM users t WHERE t.id = $11))
  ORDER BY a.queue_bound DESC, a.id
  LIMIT CASE WHEN $14 < $12 AND EXISTS (SELECT 1 FROM queue_rank q WHERE q.id = 1
                                          AND q.ranked_on = $6)
             THEN $14 ELSE $12 END),
caller AS (
  SELECT u.role AS caller_role, u.team_id AS caller_team, u.active AS caller_active,
    u.session_version AS caller_session_version,
    (SELECT v.stamp FROM policy_version v WHERE v.id = 1) AS policy_stamp,
    EXISTS (SELECT 1 FROM queue_rank q WHERE q.id = 1 AND q.ranked_on = $6) AS bounded
  FROM users u WHERE u.id = $13)
SELECT m.id, m.balance, m.status, m.delinquent_since, m.first_contact_at, m.follow_up_open_at,
  m.queue_bound, c.caller_role, c.caller_team, c.caller_active, c.caller_session_version,
  c.policy_stamp, c.bounded,
  ",
    queue_fact_columns!(),
    "
FROM mine m CROSS JOIN caller c"
);

/// An account's priority facts as read (`queue_fact_columns` and the account's own columns).
#[derive(Debug, QueryableByName)]
pub(super) struct FactRow {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
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
}

impl FactRow {
    /// The queue's facts on `day`, a follow-up counting as due when it falls at or before `at`.
    pub(super) fn facts(&self, day: NaiveDate, at: NaiveDateTime) -> Result<QueueFacts, ApiError> {
        let status = super::stored::<AccountStatus>("accounts.status", &self.status)?;
        Ok(QueueFacts {
            balance: self.balance,
            days_past_due: days_past_due(self.delinquent_since, day),
            broken_arrangement: status == AccountStatus::Open && self.broken,
            promise_due: self.promise_due,
            strategy_call: self.strategy_call,
            follow_up_due: self.follow_up_open_at.is_some_and(|f| f <= at),
            never_contacted: self.first_contact_at.is_none(),
        })
    }
}

#[derive(Debug, QueryableByName)]
struct Candidate {
    #[diesel(embed)]
    account: FactRow,
    #[diesel(sql_type = BigInt)]
    queue_bound: i64,
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
    #[diesel(sql_type = Bool)]
    bounded: bool,
}

impl Candidate {
    fn rank(&self, now: DateTime<Utc>) -> Result<Ranked, ApiError> {
        let facts = self.account.facts(now.date_naive(), to_db_time(now))?;
        Ok(Ranked {
            account_id: self.account.id,
            priority: prioritize(&facts),
            days_past_due: facts.days_past_due,
        })
    }
}

/// The workable accounts held by `assignee_id` that `actor` may see, in queue order, from
/// after `cursor`, at most `limit`, and the caller as the session re-check confirmed them. One
/// statement re-checks the session and ranks the candidates (narrow rows; the order is the
/// domain's `prioritize`, so the rule is written once): while the stored bounds are valid, the
/// first few in bound order, enough when the page's last exact priority beats every bound left
/// unread; else, or when not enough, every candidate in a second. A third, the re-check alone,
/// only when there is no candidate.
pub fn rank(
    conn: &mut Conn,
    actor: Actor,
    assignee_id: i64,
    cursor: Option<Position>,
    limit: usize,
) -> Result<(Actor, Vec<Ranked>), ApiError> {
    let first_read = i64::try_from(limit.saturating_mul(2).saturating_add(16)).unwrap_or(MAX_QUEUE);
    let read = candidates(conn, &actor, assignee_id, first_read)?;
    let Some(first) = read.first() else {
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
    let complete = !first.bounded || read.len() < usize::try_from(first_read).unwrap_or(0);
    let ranked = page(&read, actor.now, cursor, limit)?;
    let settled = complete || limit == 0 || beats_the_rest(&read, ranked.get(limit - 1));
    if settled {
        return Ok((actor, ranked));
    }
    let every = candidates(conn, &actor, assignee_id, MAX_QUEUE)?;
    let ranked = page(&every, actor.now, cursor, limit)?;
    Ok((actor, ranked))
}

/// Whether no candidate left unread can come before `last`, the page's last item. The unread
/// ones follow the read in the index's order (bound descending, then id): each has a bound
/// below the lowest read (`floor`), or equal to it and an id above the read ones' with it; and
/// an exact priority at most its bound.
fn beats_the_rest(read: &[Candidate], last: Option<&Ranked>) -> bool {
    let (Some(last), Some(floor)) = (last, read.iter().map(|c| c.queue_bound).min()) else {
        return false;
    };
    let floor_ids = read.iter().filter(|c| c.queue_bound == floor);
    let last_at_floor = floor_ids.map(|c| c.account.id).max().unwrap_or(i64::MAX);
    last.priority.score > floor
        || (last.priority.score == floor && last.account_id <= last_at_floor)
}

/// The candidates' exact ranks after `cursor`, in queue order, at most `limit`.
fn page(
    candidates: &[Candidate],
    now: DateTime<Utc>,
    cursor: Option<Position>,
    limit: usize,
) -> Result<Vec<Ranked>, ApiError> {
    let mut ranked = candidates
        .iter()
        .map(|c| c.rank(now))
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
    Ok(ranked)
}

/// The candidates (`CANDIDATES`), the first `first_read` in bound order when the bounds are
/// valid today.
fn candidates(
    conn: &mut Conn,
    actor: &Actor,
    assignee_id: i64,
    first_read: i64,
) -> Result<Vec<Candidate>, ApiError> {
    let (agent, team_of) = match stored_scope_of(actor) {
        StoredScope::All => (None, None),
        StoredScope::AssignedTo(user) => (Some(user), None),
        StoredScope::TeamOfCaller => (None, Some(actor.user_id)),
    };
    let today = actor.now.date_naive();
    let since = to_db_time(actor.now - chrono::Duration::days(30));
    let sql = super::placeholders(conn, CANDIDATES);
    Ok(bind_facts(sql, since, today, today)
        .bind::<BigInt, _>(assignee_id)
        .bind::<Text, _>(AccountStatus::Open.as_str())
        .bind::<Text, _>(AccountStatus::InArrangement.as_str())
        .bind::<Nullable<BigInt>, _>(agent)
        .bind::<Nullable<BigInt>, _>(team_of)
        .bind::<BigInt, _>(MAX_QUEUE)
        .bind::<BigInt, _>(actor.user_id)
        .bind::<BigInt, _>(first_read)
        .load(conn)?)
}

impl Ranked {
    pub fn position(&self) -> Position {
        Position {
            priority: self.priority.score,
            account_id: self.account_id,
        }
    }
}
