//! Targets and reports. Every figure is aggregated in SQL (GROUP BY), never by loading rows.
//! Scope: a team lead sees their team; managers, heads and auditors see everything.

use chrono::NaiveDate;
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::Conn;
use super::schema::{
    accounts as a, approval_requests as rq, arrangements as ar, installments as ins, payments as p,
};
use super::scope::scope_of;
use super::sums::{money_sum, total};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::account::{AgingBucket, aging_bucket, days_past_due};
use crate::domain::report::iso_week;
use crate::domain::status::ApprovalStatus;
use crate::error::ApiError;

/// One aging bucket.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"bucket": "31-60", "count": 42, "balance": 8125000, "principal": 7600000,
    "interest": 400000, "fees": 125000, "costs": 0}))]
pub struct AgingRow {
    pub bucket: AgingBucket,
    /// Accounts in the bucket.
    pub count: i64,
    /// Their balance (minor units; a total, exact past 2^53, where JavaScript numbers lose precision).
    #[schema(value_type = i64)]
    pub balance: i128,
    /// The balance's parts, totalled the same way (they sum to `balance`).
    #[schema(value_type = i64)]
    pub principal: i128,
    #[schema(value_type = i64)]
    pub interest: i128,
    #[schema(value_type = i64)]
    pub fees: i128,
    #[schema(value_type = i64)]
    pub costs: i128,
}

/// One day's totals: the delinquency date, the count, and the sums of the balance and its parts.
type AgingDay = (
    NaiveDate,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Aging of accounts still in collection (`open`, `in_arrangement`, `disputed`, `legal`) with a
/// balance, by days past due as of `today`.
pub fn aging(
    conn: &mut Conn,
    actor: &Actor,
    team_id: Option<i64>,
    portfolio: Option<String>,
    today: NaiveDate,
) -> Result<Vec<AgingRow>, ApiError> {
    let base = a::table
        .group_by(a::delinquent_since)
        .select((
            a::delinquent_since,
            count_star(),
            money_sum("accounts.balance"),
            money_sum("accounts.principal"),
            money_sum("accounts.interest"),
            money_sum("accounts.fees"),
            money_sum("accounts.costs"),
        ))
        .into_boxed();
    let mut q = apply_account_scope!(base, scope_of(actor))
        .filter(a::balance.gt(0))
        .filter(a::status.eq_any(["open", "in_arrangement", "disputed", "legal"]));
    if let Some(team) = team_id {
        q = q.filter(a::team_id.eq(team));
    }
    if let Some(p) = portfolio {
        q = q.filter(a::portfolio.eq(p));
    }
    let by_day: Vec<AgingDay> = q.load(conn)?;
    let order = [
        "current", "1-30", "31-60", "61-90", "91-120", "121-180", "181+",
    ];
    let mut buckets: Vec<AgingRow> = order
        .iter()
        .map(|name| AgingRow {
            bucket: serde_json::from_value(serde_json::json!(name)).unwrap_or(AgingBucket::Current),
            count: 0,
            balance: 0,
            principal: 0,
            interest: 0,
            fees: 0,
            costs: 0,
        })
        .collect();
    for (since, count, balance, principal, interest, fees, costs) in by_day {
        let bucket = aging_bucket(days_past_due(since, today));
        if let Some(row) = buckets.iter_mut().find(|r| r.bucket == bucket) {
            row.count += count;
            row.balance += total(balance)?;
            row.principal += total(principal)?;
            row.interest += total(interest)?;
            row.fees += total(fees)?;
            row.costs += total(costs)?;
        }
    }
    Ok(buckets)
}

/// Expected inflow of one ISO week.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"week": "2026-W48", "week_start": "2026-11-23", "installments": 1250000, "settlements": 300000, "expected_amount": 1550000}))]
pub struct ForecastWeek {
    /// ISO week (`YYYY-Www`).
    pub week: String,
    /// Its Monday.
    pub week_start: NaiveDate,
    /// Unpaid amounts of active installments due that week (minor units).
    #[schema(value_type = i64)]
    pub installments: i128,
    /// Approved settlements due that week (their amount).
    #[schema(value_type = i64)]
    pub settlements: i128,
    #[schema(value_type = i64)]
    pub expected_amount: i128,
}

/// Expected inflow per ISO week for `weeks` weeks from the current one.
pub fn forecast(
    conn: &mut Conn,
    actor: &Actor,
    weeks: u32,
    today: NaiveDate,
) -> Result<Vec<ForecastWeek>, ApiError> {
    let start = iso_week(today).monday;
    let end = start + chrono::Days::new(7 * u64::from(weeks));
    let installments = ins::table
        .inner_join(ar::table.inner_join(a::table))
        .group_by(ins::due_on)
        .select((
            ins::due_on,
            money_sum("installments.amount - installments.paid_amount"),
        ))
        .into_boxed();
    let by_day: Vec<(NaiveDate, Option<String>)> =
        apply_account_scope!(installments, scope_of(actor))
            .filter(
                ar::status
                    .eq("active")
                    .and(ins::status.ne("paid"))
                    .and(ins::due_on.ge(start))
                    .and(ins::due_on.lt(end)),
            )
            .load(conn)?;
    let settlements = rq::table
        .inner_join(a::table)
        .group_by(rq::due_on)
        .select((rq::due_on, money_sum("approval_requests.amount")))
        .into_boxed();
    let settle_by_day: Vec<(Option<NaiveDate>, Option<String>)> =
        apply_account_scope!(settlements, scope_of(actor))
            .filter(
                rq::kind
                    .eq("settlement")
                    .and(rq::status.eq(ApprovalStatus::Approved.as_str()))
                    .and(rq::due_on.ge(start))
                    .and(rq::due_on.lt(end)),
            )
            .load(conn)?;
    let mut out: Vec<ForecastWeek> = (0..weeks)
        .map(|w| {
            let monday = start + chrono::Days::new(7 * u64::from(w));
            ForecastWeek {
                week: iso_week(monday).name,
                week_start: monday,
                installments: 0,
                settlements: 0,
                expected_amount: 0,
            }
        })
        .collect();
    let slot = |day: NaiveDate| ((day - start).num_days() / 7) as usize;
    for (day, amount) in by_day {
        if let Some(w) = out.get_mut(slot(day)) {
            w.installments += total(amount)?;
        }
    }
    for (day, amount) in settle_by_day {
        if let Some(w) = day.and_then(|d| out.get_mut(slot(d))) {
            w.settlements += total(amount)?;
        }
    }
    for w in &mut out {
        w.expected_amount = w.installments + w.settlements;
    }
    Ok(out)
}

/// Money collected on one day.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"date": "2026-11-20", "collected": 1250000, "reversed": 50000, "net": 1200000, "recoveries": 30000}))]
pub struct CollectionsDay {
    pub date: NaiveDate,
    /// Payments received that day (recoveries excluded).
    #[schema(value_type = i64)]
    pub collected: i128,
    /// Of those, later reversed.
    #[schema(value_type = i64)]
    pub reversed: i128,
    /// `collected − reversed`.
    #[schema(value_type = i64)]
    pub net: i128,
    /// Recoveries on written-off accounts, reported apart.
    #[schema(value_type = i64)]
    pub recoveries: i128,
}

/// Collected per day over `[from, to]`, on the accounts the caller sees (days without money omitted).
pub fn collections(
    conn: &mut Conn,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CollectionsDay>, ApiError> {
    let grouped = p::table
        .inner_join(a::table)
        .group_by((p::received_on, p::recovery))
        .select((
            p::received_on,
            p::recovery,
            money_sum("payments.amount"),
            money_sum("CASE WHEN payments.reversed_at IS NULL THEN 0 ELSE payments.amount END"),
        ))
        .into_boxed();
    let rows: Vec<(NaiveDate, bool, Option<String>, Option<String>)> =
        apply_account_scope!(grouped, scope_of(actor))
            .filter(p::received_on.ge(from).and(p::received_on.le(to)))
            .load(conn)?;
    let mut days: std::collections::BTreeMap<NaiveDate, CollectionsDay> =
        std::collections::BTreeMap::new();
    for (date, recovery, amount, reversed) in rows {
        let d = days.entry(date).or_insert(CollectionsDay {
            date,
            collected: 0,
            reversed: 0,
            net: 0,
            recoveries: 0,
        });
        let (amount, reversed) = (total(amount)?, total(reversed)?);
        if recovery {
            d.recoveries += amount - reversed;
        } else {
            d.collected += amount;
            d.reversed += reversed;
        }
    }
    Ok(days
        .into_values()
        .map(|mut d| {
            d.net = d.collected - d.reversed;
            d
        })
        .collect())
}
