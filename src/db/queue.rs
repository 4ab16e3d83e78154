//! The facts behind an agent's work queue, read in a fixed number of queries.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use std::collections::{HashMap, HashSet};

use super::accounts::AccountAndDebtor;
use super::arrangements::{ArrangementKind, ArrangementStatus};
use super::contacts;
use super::schema::{
    accounts as a, arrangements as ar, contacts as c, debtors as d, installments as ins,
};
use super::scope::scope_of;
use super::{Conn, MultiBackend};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::account::{AccountStatus, AgingBucket, aging_bucket, days_past_due};
use crate::domain::queue::{Priority, QueueFacts, QueueReason, prioritize};
use crate::error::ApiError;

/// The most accounts a queue considers.
pub const MAX_QUEUE: i64 = 5000;

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

/// The workable accounts held by `assignee_id` that `actor` may see, highest priority first.
/// Six queries whatever the queue's length: the accounts, broken and due arrangements, contact
/// facts, today's strategy calls, and the contact history the Regulation F engine judges `contactable_now` from.
pub fn queue(conn: &mut Conn, actor: &Actor, assignee_id: i64) -> Result<Vec<QueueItem>, ApiError> {
    let today = actor.now.date_naive();
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<a::table, d::table>,
        MultiBackend,
    > = a::table.inner_join(d::table).into_boxed();
    let rows: Vec<AccountAndDebtor> = apply_account_scope!(joined, scope_of(actor))
        .filter(a::assignee_id.eq(assignee_id))
        .filter(a::status.eq_any([
            AccountStatus::Open.as_str(),
            AccountStatus::InArrangement.as_str(),
        ]))
        .select(AccountAndDebtor::as_select())
        .limit(MAX_QUEUE)
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.account.id).collect();
    let plans = PlanFacts::load(conn, &ids, actor.now)?;
    let contacted = ContactFacts::load(conn, &ids)?;
    let strategy_calls = super::strategy_steps::called_on(conn, &ids, today)?;
    let now = crate::db::to_db_time(actor.now);
    let contactable = contacts::phone_contactable(conn, &rows, actor.now)?;
    let mut plans = plans;
    let mut verdicts = contactable;
    let mut items: Vec<QueueItem> =
        rows.into_iter()
            .map(|AccountAndDebtor { account, debtor }| {
                let id = account.id;
                let status = super::stored::<AccountStatus>("accounts.status", &account.status)?;
                let dpd = days_past_due(account.delinquent_since, today);
                let follow_up_due = contacted.follow_up.get(&id).is_some_and(|f| {
                    *f <= now && contacted.last.get(&id).is_none_or(|last| last < f)
                });
                let facts = QueueFacts {
                    balance: account.balance,
                    days_past_due: dpd,
                    broken_arrangement: status == AccountStatus::Open && plans.broken.contains(&id),
                    promise_due: plans
                        .active
                        .get(&id)
                        .is_some_and(|p| p.next_due_on <= today),
                    strategy_call: strategy_calls.contains(&id),
                    follow_up_due,
                    never_contacted: !contacted.last.contains_key(&id),
                };
                let Priority { score, reason } = prioritize(&facts);
                let verdict = verdicts.remove(&id);
                let contactable_now = verdict.as_ref().is_some_and(|v| v.allowed);
                Ok(QueueItem {
                    account_id: id,
                    external_ref: account.external_ref,
                    debtor_name: debtor.name,
                    currency: account.currency,
                    balance: account.balance,
                    days_past_due: dpd,
                    aging_bucket: aging_bucket(dpd),
                    debtor_local_time: local_time(&debtor.timezone, actor.now),
                    debtor_timezone: debtor.timezone,
                    priority: score,
                    reason,
                    contactable_now,
                    next_allowed_at: verdict
                        .and_then(|v| v.next_allowed_at)
                        .filter(|_| !contactable_now),
                    last_contact_at: contacted.last.get(&id).copied(),
                    active_arrangement: plans.active.remove(&id),
                })
            })
            .collect::<Result<_, ApiError>>()?;
    items.sort_by(|x, y| {
        y.priority
            .cmp(&x.priority)
            .then(x.account_id.cmp(&y.account_id))
    });
    Ok(items)
}

/// Accounts whose arrangement broke in the last 30 days, and each account's active arrangement
/// with its next unpaid installment (a promise is due when that installment's day has come).
struct PlanFacts {
    broken: HashSet<i64>,
    active: HashMap<i64, ActiveArrangement>,
}

impl PlanFacts {
    fn load(conn: &mut Conn, ids: &[i64], now: DateTime<Utc>) -> Result<Self, ApiError> {
        let since = crate::db::to_db_time(now - chrono::Duration::days(30));
        let broken = ar::table
            .filter(
                ar::account_id
                    .eq_any(ids)
                    .and(ar::status.eq(ArrangementStatus::Broken.as_str()))
                    .and(ar::ended_at.ge(since)),
            )
            .select(ar::account_id)
            .load::<i64>(conn)?
            .into_iter()
            .collect();
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
        Ok(Self { broken, active })
    }
}

/// Per account: the last contact, and the latest follow-up it asked for.
struct ContactFacts {
    last: HashMap<i64, chrono::NaiveDateTime>,
    follow_up: HashMap<i64, chrono::NaiveDateTime>,
}

impl ContactFacts {
    /// One row per account, aggregated by the database: an account's whole history never
    /// crosses the wire (an agent's 2,500 accounts hold tens of thousands of contacts).
    fn load(conn: &mut Conn, ids: &[i64]) -> Result<Self, ApiError> {
        use diesel::dsl::max;
        let mut facts = Self {
            last: HashMap::new(),
            follow_up: HashMap::new(),
        };
        for (account, last, follow) in c::table
            .filter(c::account_id.eq_any(ids))
            .group_by(c::account_id)
            .select((c::account_id, max(c::occurred_at), max(c::follow_up_at)))
            .load::<(
                i64,
                Option<chrono::NaiveDateTime>,
                Option<chrono::NaiveDateTime>,
            )>(conn)?
        {
            if let Some(last) = last {
                facts.last.insert(account, last);
            }
            if let Some(follow) = follow {
                facts.follow_up.insert(account, follow);
            }
        }
        Ok(facts)
    }
}
