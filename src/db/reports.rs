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
#[schema(example = json!({"bucket": "31-60", "currency": "USD", "count": 42, "balance": 8125000, "principal": 7600000,
    "interest": 400000, "fees": 125000, "costs": 0}))]
pub struct AgingRow {
    pub bucket: AgingBucket,
    /// ISO 4217 code: money of different currencies is never summed together.
    pub currency: String,
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

/// One day's totals in one currency: the currency, the delinquency date, the count, and the
/// sums of the balance and its parts.
type AgingDay = (
    String,
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
        .group_by((a::currency, a::delinquent_since))
        .select((
            a::currency,
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
    let mut currencies: Vec<&String> = by_day.iter().map(|d| &d.0).collect();
    currencies.sort();
    currencies.dedup();
    let mut buckets: Vec<AgingRow> = currencies
        .iter()
        .flat_map(|currency| {
            order.iter().map(|name| AgingRow {
                bucket: serde_json::from_value(serde_json::json!(name))
                    .unwrap_or(AgingBucket::Current),
                currency: (*currency).clone(),
                count: 0,
                balance: 0,
                principal: 0,
                interest: 0,
                fees: 0,
                costs: 0,
            })
        })
        .collect();
    for (currency, since, count, balance, principal, interest, fees, costs) in &by_day {
        let bucket = aging_bucket(days_past_due(*since, today));
        if let Some(row) = buckets
            .iter_mut()
            .find(|r| r.bucket == bucket && &r.currency == currency)
        {
            row.count += count;
            row.balance += total(balance.clone())?;
            row.principal += total(principal.clone())?;
            row.interest += total(interest.clone())?;
            row.fees += total(fees.clone())?;
            row.costs += total(costs.clone())?;
        }
    }
    Ok(buckets)
}

/// Expected inflow of one ISO week.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"week": "2026-W48", "currency": "USD", "week_start": "2026-11-23", "installments": 1250000, "settlements": 300000, "expected_amount": 1550000}))]
pub struct ForecastWeek {
    /// ISO week (`YYYY-Www`).
    pub week: String,
    /// ISO 4217 code of the amounts.
    pub currency: String,
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

/// `weeks` weeks from the one starting on `start`, each once per currency, all zero.
fn empty_weeks(start: NaiveDate, weeks: u32, currencies: &[String]) -> Vec<ForecastWeek> {
    (0..weeks)
        .flat_map(|w| {
            let monday = start + chrono::Days::new(7 * u64::from(w));
            currencies.iter().map(move |currency| ForecastWeek {
                week: iso_week(monday).name,
                currency: currency.clone(),
                week_start: monday,
                installments: 0,
                settlements: 0,
                expected_amount: 0,
            })
        })
        .collect()
}

/// Expected inflow per ISO week for `weeks` weeks from the current one, per currency.
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
        .group_by((a::currency, ins::due_on))
        .select((
            a::currency,
            ins::due_on,
            money_sum("installments.amount - installments.paid_amount"),
        ))
        .into_boxed();
    let by_day: Vec<(String, NaiveDate, Option<String>)> =
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
        .group_by((a::currency, rq::due_on))
        .select((
            a::currency,
            rq::due_on,
            money_sum("approval_requests.amount"),
        ))
        .into_boxed();
    let settle_by_day: Vec<(String, Option<NaiveDate>, Option<String>)> =
        apply_account_scope!(settlements, scope_of(actor))
            .filter(
                rq::kind
                    .eq("settlement")
                    .and(rq::status.eq(ApprovalStatus::Approved.as_str()))
                    .and(rq::due_on.ge(start))
                    .and(rq::due_on.lt(end)),
            )
            .load(conn)?;
    let mut currencies: Vec<String> = by_day
        .iter()
        .map(|d| d.0.clone())
        .chain(settle_by_day.iter().map(|d| d.0.clone()))
        .collect();
    currencies.sort();
    currencies.dedup();
    let mut out = empty_weeks(start, weeks, &currencies);
    for (currency, day, amount) in by_day {
        let week = ((day - start).num_days() / 7) as usize;
        if let Some(w) = out.iter_mut().filter(|w| w.currency == currency).nth(week) {
            w.installments += total(amount)?;
        }
    }
    for (currency, day, amount) in settle_by_day {
        let Some(day) = day else { continue };
        let week = ((day - start).num_days() / 7) as usize;
        if let Some(w) = out.iter_mut().filter(|w| w.currency == currency).nth(week) {
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
#[schema(example = json!({"date": "2026-11-20", "currency": "USD", "collected": 1250000, "reversed": 50000, "net": 1200000, "recoveries": 30000}))]
pub struct CollectionsDay {
    pub date: NaiveDate,
    /// ISO 4217 code of the amounts.
    pub currency: String,
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

/// One day's payments in one currency: day, currency, recovery or not, amount, reversed.
type CollectedDay = (NaiveDate, String, bool, Option<String>, Option<String>);

/// Collected per day over `[from, to]`, on the accounts the caller sees (days without money omitted).
pub fn collections(
    conn: &mut Conn,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CollectionsDay>, ApiError> {
    let grouped = p::table
        .inner_join(a::table)
        .group_by((p::received_on, a::currency, p::recovery))
        .select((
            p::received_on,
            a::currency,
            p::recovery,
            money_sum("payments.amount"),
            money_sum("CASE WHEN payments.reversed_at IS NULL THEN 0 ELSE payments.amount END"),
        ))
        .into_boxed();
    let rows: Vec<CollectedDay> = apply_account_scope!(grouped, scope_of(actor))
        .filter(p::received_on.ge(from).and(p::received_on.le(to)))
        .load(conn)?;
    let mut days: std::collections::BTreeMap<(NaiveDate, String), CollectionsDay> =
        std::collections::BTreeMap::new();
    for (date, currency, recovery, amount, reversed) in rows {
        let d = days
            .entry((date, currency.clone()))
            .or_insert(CollectionsDay {
                date,
                currency,
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
