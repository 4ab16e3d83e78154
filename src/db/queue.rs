//! The facts behind an agent's work queue, read in a fixed number of queries.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use std::collections::{HashMap, HashSet};

use super::accounts::AccountAndDebtor;
use super::arrangements::ArrangementStatus;
use super::contacts;
use super::schema::{
    accounts as a, arrangements as ar, contacts as c, debtors as d, installments as ins,
};
use super::scope::scope_of;
use super::{Conn, MultiBackend};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::account::{AccountStatus, days_past_due};
use crate::domain::queue::{Priority, QueueFacts, QueueReason, prioritize};
use crate::error::ApiError;

/// The most accounts a queue considers.
pub const MAX_QUEUE: i64 = 5000;

/// One account in a work queue.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"account_id": 101, "external_ref": "ACC-2026-000101", "debtor_name": "Jordan Reyes",
    "balance": 182550, "days_past_due": 100, "priority": 2006118, "reason": "new", "contactable_now": true}))]
pub struct QueueItem {
    pub account_id: i64,
    pub external_ref: String,
    pub debtor_name: String,
    /// Minor units.
    pub balance: i64,
    pub days_past_due: i64,
    /// Higher first. The reason sets the tier (millions); balance × days past due orders within it.
    pub priority: i64,
    pub reason: QueueReason,
    /// Whether an outbound call is allowed now.
    pub contactable_now: bool,
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
                    promise_due: plans.due.contains(&id),
                    strategy_call: strategy_calls.contains(&id),
                    follow_up_due,
                    never_contacted: !contacted.last.contains_key(&id),
                };
                let Priority { score, reason } = prioritize(&facts);
                Ok(QueueItem {
                    account_id: id,
                    external_ref: account.external_ref,
                    debtor_name: debtor.name,
                    balance: account.balance,
                    days_past_due: dpd,
                    priority: score,
                    reason,
                    contactable_now: contactable.get(&id).copied().unwrap_or(false),
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

/// Accounts whose arrangement broke in the last 30 days, and accounts with a live arrangement
/// that has an installment due today or overdue.
struct PlanFacts {
    broken: HashSet<i64>,
    due: HashSet<i64>,
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
        let due = ar::table
            .inner_join(ins::table)
            .filter(
                ar::account_id
                    .eq_any(ids)
                    .and(ar::status.eq(ArrangementStatus::Active.as_str())),
            )
            .filter(ins::due_on.le(now.date_naive()).and(ins::status.ne("paid")))
            .select(ar::account_id)
            .load::<i64>(conn)?
            .into_iter()
            .collect();
        Ok(Self { broken, due })
    }
}

/// Per account: the last contact, and the latest follow-up it asked for.
struct ContactFacts {
    last: HashMap<i64, chrono::NaiveDateTime>,
    follow_up: HashMap<i64, chrono::NaiveDateTime>,
}

impl ContactFacts {
    fn load(conn: &mut Conn, ids: &[i64]) -> Result<Self, ApiError> {
        let mut facts = Self {
            last: HashMap::new(),
            follow_up: HashMap::new(),
        };
        for (account, occurred_at, follow) in c::table
            .filter(c::account_id.eq_any(ids))
            .select((c::account_id, c::occurred_at, c::follow_up_at))
            .load::<(i64, chrono::NaiveDateTime, Option<chrono::NaiveDateTime>)>(conn)?
        {
            let last = facts.last.entry(account).or_insert(occurred_at);
            *last = (*last).max(occurred_at);
            if let Some(f) = follow {
                let entry = facts.follow_up.entry(account).or_insert(f);
                *entry = (*entry).max(f);
            }
        }
        Ok(facts)
    }
}
