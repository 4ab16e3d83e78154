//! The facts behind an agent's work queue, read in one query.

use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::arrangements::ArrangementStatus;
use super::schema::{accounts as a, arrangements as ar, debtors as d, installments as ins};
use super::scope::scope_of;
use super::{Conn, MultiBackend};
use crate::apply_account_scope;
use crate::auth::Actor;
use crate::domain::account::{AccountStatus, days_past_due};
use crate::domain::contactability::{ContactFlags, phone_contactable_now};
use crate::domain::queue::{QueueFacts, QueueReason, prioritize};
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

type Facts = (
    i64,
    String,
    String,
    i64,
    chrono::NaiveDate,
    String,
    Option<String>,
    bool,
    bool,
    bool,
    bool,
);

/// The workable accounts held by `assignee_id` that `actor` may see, highest priority first.
pub fn queue(conn: &mut Conn, actor: &Actor, assignee_id: i64) -> Result<Vec<QueueItem>, ApiError> {
    let today = actor.now.date_naive();
    let joined: diesel::dsl::IntoBoxed<
        'static,
        diesel::dsl::InnerJoin<a::table, d::table>,
        MultiBackend,
    > = a::table.inner_join(d::table).into_boxed();
    let rows: Vec<Facts> = apply_account_scope!(joined, scope_of(actor))
        .filter(a::assignee_id.eq(assignee_id))
        .filter(a::status.eq_any([
            AccountStatus::Open.as_str(),
            AccountStatus::InArrangement.as_str(),
        ]))
        .select((
            a::id,
            a::external_ref,
            d::name,
            a::balance,
            a::delinquent_since,
            a::status,
            d::phone,
            d::phone_valid,
            d::cease_communication,
            d::do_not_call,
            d::attorney_represented,
        ))
        .limit(MAX_QUEUE)
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    // Accounts whose arrangement broke in the last 30 days, and live arrangements with an
    // installment due today or overdue: two queries for the whole queue.
    let since = crate::db::to_db_time(actor.now - chrono::Duration::days(30));
    let broken: std::collections::HashSet<i64> = ar::table
        .filter(
            ar::account_id
                .eq_any(&ids)
                .and(ar::status.eq(ArrangementStatus::Broken.as_str()))
                .and(ar::ended_at.ge(since)),
        )
        .select(ar::account_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    let due: std::collections::HashSet<i64> = ar::table
        .inner_join(ins::table)
        .filter(
            ar::account_id
                .eq_any(&ids)
                .and(ar::status.eq(ArrangementStatus::Active.as_str())),
        )
        .filter(ins::due_on.le(today).and(ins::status.ne("paid")))
        .select(ar::account_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    let mut items: Vec<QueueItem> = rows
        .into_iter()
        .map(
            |(
                id,
                external_ref,
                debtor_name,
                balance,
                since,
                status,
                phone,
                phone_valid,
                cease,
                dnc,
                attorney,
            )| {
                let status = AccountStatus::parse(&status).unwrap_or(AccountStatus::Open);
                let dpd = days_past_due(since, today);
                // No contact is recorded anywhere yet, so every account is still `never_contacted`;
                // follow-ups join these facts with the contacts issue.
                let facts = QueueFacts {
                    balance,
                    days_past_due: dpd,
                    broken_arrangement: status == AccountStatus::Open && broken.contains(&id),
                    promise_due: due.contains(&id),
                    never_contacted: true,
                    ..Default::default()
                };
                let (priority, reason) = prioritize(&facts);
                let flags = ContactFlags {
                    has_valid_phone: phone.is_some() && phone_valid,
                    cease_communication: cease,
                    do_not_call: dnc,
                    attorney_represented: attorney,
                };
                QueueItem {
                    account_id: id,
                    external_ref,
                    debtor_name,
                    balance,
                    days_past_due: dpd,
                    priority,
                    reason,
                    contactable_now: phone_contactable_now(&flags, status),
                }
            },
        )
        .collect();
    items.sort_by(|x, y| {
        y.priority
            .cmp(&x.priority)
            .then(x.account_id.cmp(&y.account_id))
    });
    Ok(items)
}
