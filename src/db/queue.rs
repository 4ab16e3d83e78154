//! The facts behind an agent's work queue, read in a fixed number of queries.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::accounts::AccountRow;
use super::arrangements::{ArrangementKind, ArrangementStatus};
use super::contacts::{self, HistoryRow};
use super::debtors::DebtorRow;
use super::queue_rank::{self, Position, Ranked};
use super::schema::{
    accounts as a, arrangements as ar, contacts as c, debtors as d, installments as ins,
};
use super::scope::{AccountScope, scope_of};
use super::{Conn, contact_policy, to_db_time};
use crate::actor::Actor;
use crate::domain::account::{AgingBucket, aging_bucket};
use crate::domain::compliance::{Channel, Direction};
use crate::domain::contact_policy::ContactPolicy;
use crate::domain::queue::QueueReason;
use crate::error::ApiError;

/// One account in a work queue: what a work list shows, without a call per row.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"account_id": 101, "external_ref": "ACC-2026-000101", "debtor_name": "Jordan Reyes",
    "currency": "USD", "balance": 182550, "days_past_due": 100, "aging_bucket": "91-120",
    "debtor_timezone": "America/Chicago", "debtor_local_time": "10:00",
    "priority": 2006118, "reason": "promise_due", "contactable_now": false,
    "next_allowed_at": "2026-12-01T14:00:00.000000Z", "last_contact_at": "2026-11-28T15:04:00.000000Z",
    "active_arrangement": {"id": 4, "kind": "plan", "next_due_on": "2026-12-01", "next_amount": 25000}}))]
pub struct QueueItem {
    pub account_id: i64,
    pub external_ref: String,
    pub debtor_name: String,
    /// ISO 4217 code of `balance`.
    pub currency: String,
    /// Minor units.
    pub balance: i64,
    pub days_past_due: i64,
    pub aging_bucket: AgingBucket,
    /// The debtor's IANA time zone.
    pub debtor_timezone: String,
    /// The debtor's wall-clock time now (`HH:MM`), for a work list's "their time" column.
    pub debtor_local_time: String,
    /// Higher first. The reason sets the tier (millions); balance × days past due orders within it.
    pub priority: i64,
    pub reason: QueueReason,
    /// Whether an outbound call is allowed now.
    pub contactable_now: bool,
    /// When only the hour stands in the way: the first instant a call is allowed; `null` when
    /// contactable now or when something other than time refuses it.
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub next_allowed_at: Option<DateTime<Utc>>,
    /// The latest contact logged on the account, if any.
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    pub last_contact_at: Option<NaiveDateTime>,
    /// The account's active arrangement and its next unpaid installment, if any.
    pub active_arrangement: Option<ActiveArrangement>,
}

/// A queue item's active arrangement: its kind and the next installment to pay.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 4, "kind": "plan", "next_due_on": "2026-12-01", "next_amount": 25000}))]
pub struct ActiveArrangement {
    pub id: i64,
    pub kind: ArrangementKind,
    pub next_due_on: NaiveDate,
    /// What is still owed on that installment (minor units).
    pub next_amount: i64,
}

/// The debtor's wall-clock time at `now` (`HH:MM`; UTC when the stored zone is unknown).
fn local_time(timezone: &str, now: DateTime<Utc>) -> String {
    match timezone.parse::<chrono_tz::Tz>() {
        Ok(tz) => now.with_timezone(&tz).format("%H:%M").to_string(),
        Err(_) => now.format("%H:%M").to_string(),
    }
}

/// A page of the workable accounts held by `assignee_id` that `actor` may see, highest priority
/// first, from after `cursor`: at most `limit` items, after the caller's session re-check. Three
/// statements: the re-check and the ranking (narrow rows for every candidate, `queue_rank`),
/// then the page's own two ([`page`]).
pub fn queue(
    conn: &mut Conn,
    actor: Actor,
    assignee_id: i64,
    cursor: Option<Position>,
    limit: usize,
) -> Result<Vec<QueueItem>, ApiError> {
    let (actor, ranked) = queue_rank::rank(conn, actor, assignee_id, cursor, limit)?;
    if ranked.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = ranked.iter().map(|r| r.account_id).collect();
    let policy = contact_policy::current(conn)?;
    let mut read = page(conn, &actor, &ids, &policy)?;
    ranked
        .into_iter()
        .filter_map(|r| read.remove(&r.account_id).map(|found| (r, found)))
        .map(|(r, found)| item(&actor, &policy, r, found))
        .collect()
}

/// What `contactable_now` judges: an outbound phone call.
const CALL: (Channel, Direction) = (Channel::Phone, Direction::Outbound);

/// One queue item: the ranking's facts, the page's read, the engine's verdict on a call now.
fn item(
    actor: &Actor,
    policy: &ContactPolicy,
    r: Ranked,
    found: Found,
) -> Result<QueueItem, ApiError> {
    let Found {
        account,
        debtor,
        last_contact_at,
        active_arrangement,
        history,
    } = found;
    let verdict = contacts::verdict_on(policy, &account, &debtor, &history, CALL, actor.now)?;
    let contactable_now = verdict.allowed;
    Ok(QueueItem {
        account_id: r.account_id,
        external_ref: account.external_ref,
        debtor_name: debtor.name,
        currency: account.currency,
        balance: account.balance,
        days_past_due: r.days_past_due,
        aging_bucket: aging_bucket(r.days_past_due),
        debtor_local_time: local_time(&debtor.timezone, actor.now),
        debtor_timezone: debtor.timezone,
        priority: r.priority.score,
        reason: r.priority.reason,
        contactable_now,
        next_allowed_at: verdict.next_allowed_at.filter(|_| !contactable_now),
        last_contact_at,
        active_arrangement,
    })
}

/// An account of the page as read: its row and debtor, its latest contact, its active
/// arrangement's next unpaid installment, and the history the engine judges.
struct Found {
    account: AccountRow,
    debtor: DebtorRow,
    last_contact_at: Option<NaiveDateTime>,
    active_arrangement: Option<ActiveArrangement>,
    history: Vec<HistoryRow>,
}

/// A row of the page's read: the account with its debtor and its latest contact, and one
/// contact of its judged history (or none).
#[derive(Queryable, Selectable)]
struct PageRow {
    #[diesel(embed)]
    account: AccountRow,
    #[diesel(embed)]
    debtor: DebtorRow,
    #[diesel(select_expression = a::last_contact_at)]
    last_contact_at: Option<NaiveDateTime>,
    #[diesel(embed)]
    past: Option<HistoryRow>,
}

/// The accounts `ids` that `actor` may see, each joined with its debtor and (LEFT JOIN) with the
/// contacts the engine judges since [`contacts::history_since`] (a row each, or one row with
/// none), in one statement with a filter of its own per scope variant (as in `account_read`), so
/// PostgreSQL prepares it once per connection; then their active arrangements, in a second.
/// (Folding the arrangements in as well took a correlated sub-select in a join condition,
/// which diesel cannot prepare: PostgreSQL planned that statement in 4 ms on every request, more
/// than the round trip it saved; `bench/README.md`.)
fn page(
    conn: &mut Conn,
    actor: &Actor,
    ids: &[i64],
    policy: &ContactPolicy,
) -> Result<HashMap<i64, Found>, ApiError> {
    let since = contacts::history_since(policy, actor.now);
    let until = to_db_time(actor.now);
    macro_rules! read {
        ($scoped:expr) => {
            a::table
                .inner_join(d::table)
                .left_join(c::table.on(c::account_id.eq(a::id).and(contacts::judged(since, until))))
                .filter(a::id.eq_any(ids))
                .filter($scoped)
                .select(PageRow::as_select())
                .load::<PageRow>(conn)?
        };
    }
    let rows = match scope_of(actor) {
        AccountScope::All => read!(a::id.eq_any(ids)),
        AccountScope::AssignedTo(user) => read!(a::assignee_id.eq(user)),
        AccountScope::Team(team) => read!(a::team_id.eq(team)),
        AccountScope::Nothing => return Ok(HashMap::new()),
    };
    let mut plans = active_arrangements(conn, ids)?;
    let mut found: HashMap<i64, Found> = HashMap::with_capacity(ids.len());
    for row in rows {
        let entry = match found.entry(row.account.id) {
            Entry::Occupied(seen) => seen.into_mut(),
            Entry::Vacant(new) => new.insert(Found {
                active_arrangement: plans.remove(&row.account.id),
                account: row.account,
                debtor: row.debtor,
                last_contact_at: row.last_contact_at,
                history: Vec::new(),
            }),
        };
        entry.history.extend(row.past);
    }
    Ok(found)
}

/// Each account's active arrangement with its next unpaid installment.
fn active_arrangements(
    conn: &mut Conn,
    ids: &[i64],
) -> Result<HashMap<i64, ActiveArrangement>, ApiError> {
    let unpaid: Vec<(i64, i64, String, NaiveDate, i64, i64)> = ar::table
        .inner_join(ins::table)
        .filter(
            ar::account_id
                .eq_any(ids)
                .and(ar::status.eq(ArrangementStatus::Active.as_str())),
        )
        .filter(ins::status.ne("paid"))
        .order((ins::due_on.asc(), ins::seq.asc()))
        .select((
            ar::account_id,
            ar::id,
            ar::kind,
            ins::due_on,
            ins::amount,
            ins::paid_amount,
        ))
        .load(conn)?;
    let mut active = HashMap::new();
    for (account, id, kind, due_on, amount, paid) in unpaid {
        if active.contains_key(&account) {
            continue;
        }
        let next = ActiveArrangement {
            id,
            kind: super::stored("arrangements.kind", &kind)?,
            next_due_on: due_on,
            next_amount: amount.saturating_sub(paid),
        };
        active.insert(account, next);
    }
    Ok(active)
}
