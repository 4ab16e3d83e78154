//! Targets and reports. Every figure is aggregated in SQL (GROUP BY), never by loading rows.
//! Scope: a team lead sees their team; managers, heads and auditors see everything.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit::{self, Change};
use super::schema::{
    accounts as a, approval_requests as rq, arrangements as ar, installments as ins, payments as p,
    targets as t, teams as tm, users as u,
};
use super::scope::{AccountScope, scope_of};
use super::sums::{money_sum, sum, total};
use super::{Conn, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::account::{AgingBucket, aging_bucket, days_past_due};
use crate::domain::report::{iso_week, periods, rate};
use crate::domain::role::Role;
use crate::error::ApiError;

/// Whose target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "agent")]
pub enum TargetScope {
    Agent,
    Team,
}

impl TargetScope {
    fn as_str(self) -> &'static str {
        match self {
            Self::Agent => "agent",
            Self::Team => "team",
        }
    }
}

/// A monthly collection target.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"scope": "agent", "subject_id": 12, "period": "2026-11", "collected_amount": 5000000, "set_by": 4}))]
pub struct Target {
    pub scope: TargetScope,
    /// The agent's or team's id.
    pub subject_id: i64,
    /// `YYYY-MM`.
    pub period: String,
    /// Minor units to collect in the period.
    pub collected_amount: i64,
    pub set_by: Option<i64>,
}

/// The team a subject belongs to (an agent's team, or the team itself); 404 when unknown.
fn team_of(conn: &mut Conn, scope: TargetScope, subject: i64) -> Result<Option<i64>, ApiError> {
    match scope {
        TargetScope::Team => {
            let exists: bool =
                diesel::select(diesel::dsl::exists(tm::table.find(subject))).get_result(conn)?;
            if exists {
                Ok(Some(subject))
            } else {
                Err(ApiError::invalid("subject_id", "no team has this id"))
            }
        }
        TargetScope::Agent => {
            let row: Option<(String, Option<i64>)> = u::table
                .find(subject)
                .select((u::role, u::team_id))
                .first(conn)
                .optional()?;
            match row {
                Some((role, team)) if role == Role::Agent.as_str() => Ok(team),
                _ => Err(ApiError::invalid("subject_id", "no agent has this id")),
            }
        }
    }
}

/// Sets (or replaces) a target: a team lead for their team and its agents, managers and heads any.
pub fn set_target(
    conn: &mut Conn,
    actor: &Actor,
    scope: TargetScope,
    subject: i64,
    period: &str,
    amount: i64,
) -> Result<Target, ApiError> {
    let team = team_of(conn, scope, subject)?;
    if actor.role == Role::TeamLead && (team.is_none() || team != actor.team_id) {
        return Err(ApiError::forbidden(
            "outside-team",
            "team leads set targets for their own team and its agents",
        ));
    }
    let at = to_db_time(actor.now);
    let before: Option<i64> = t::table
        .filter(
            t::scope
                .eq(scope.as_str())
                .and(t::subject_id.eq(subject))
                .and(t::period.eq(period)),
        )
        .select(t::collected_amount)
        .first(conn)
        .optional()?;
    if before.is_some() {
        diesel::update(
            t::table.filter(
                t::scope
                    .eq(scope.as_str())
                    .and(t::subject_id.eq(subject))
                    .and(t::period.eq(period)),
            ),
        )
        .set((
            t::collected_amount.eq(amount),
            t::set_by.eq(Some(actor.user_id)),
            t::updated_at.eq(at),
        ))
        .execute(conn)?;
    } else {
        diesel::insert_into(t::table)
            .values((
                t::scope.eq(scope.as_str()),
                t::subject_id.eq(subject),
                t::period.eq(period),
                t::collected_amount.eq(amount),
                t::set_by.eq(Some(actor.user_id)),
                t::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    let target = Target {
        scope,
        subject_id: subject,
        period: period.to_owned(),
        collected_amount: amount,
        set_by: Some(actor.user_id),
    };
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: if scope == TargetScope::Agent {
                "agent_target"
            } else {
                "team_target"
            },
            entity_id: subject,
            action: "target.set",
            before: before.map(|b| serde_json::json!({"period": period, "collected_amount": b})),
            after: Some(serde_json::to_value(&target).unwrap_or_default()),
            account_id: None,
        },
    )?;
    Ok(target)
}

/// The agents (id, name, team) a report covers for `actor`.
fn agents_in_scope(
    conn: &mut Conn,
    actor: &Actor,
) -> Result<Vec<(i64, String, Option<i64>)>, ApiError> {
    let mut q = u::table
        .filter(u::role.eq(Role::Agent.as_str()))
        .select((u::id, u::name, u::team_id))
        .into_boxed();
    if let AccountScope::Team(team) = scope_of(actor) {
        q = q.filter(u::team_id.eq(team));
    } else if scope_of(actor) == AccountScope::Nothing {
        q = q.filter(u::id.lt(0));
    }
    Ok(q.order(u::id).load(conn)?)
}

/// Targets of a period, as the caller may see them.
pub fn list_targets(conn: &mut Conn, actor: &Actor, period: &str) -> Result<Vec<Target>, ApiError> {
    let rows: Vec<(String, i64, String, i64, Option<i64>)> = t::table
        .filter(t::period.eq(period))
        .select((
            t::scope,
            t::subject_id,
            t::period,
            t::collected_amount,
            t::set_by,
        ))
        .order((t::scope, t::subject_id))
        .load(conn)?;
    let team = match scope_of(actor) {
        AccountScope::Team(team) => Some(team),
        _ => None,
    };
    let agents: Vec<i64> = if team.is_some() {
        agents_in_scope(conn, actor)?
            .into_iter()
            .map(|a| a.0)
            .collect()
    } else {
        vec![]
    };
    Ok(rows
        .into_iter()
        .filter(|(scope, subject, ..)| match team {
            None => true,
            Some(team) => {
                (scope == "team" && *subject == team)
                    || (scope == "agent" && agents.contains(subject))
            }
        })
        .map(
            |(scope, subject_id, period, collected_amount, set_by)| Target {
                scope: if scope == "team" {
                    TargetScope::Team
                } else {
                    TargetScope::Agent
                },
                subject_id,
                period,
                collected_amount,
                set_by,
            },
        )
        .collect())
}

/// One aging bucket.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"bucket": "31-60", "count": 42, "balance": 8125000}))]
pub struct AgingRow {
    pub bucket: AgingBucket,
    /// Accounts in the bucket.
    pub count: i64,
    /// Their balance (minor units; a total, exact past 2^53, where JavaScript numbers lose precision).
    #[schema(value_type = i64)]
    pub balance: i128,
}

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
    let by_day: Vec<(NaiveDate, i64, Option<String>)> = q.load(conn)?;
    let order = [
        "current", "1-30", "31-60", "61-90", "91-120", "121-180", "181+",
    ];
    let mut buckets: Vec<AgingRow> = order
        .iter()
        .map(|name| AgingRow {
            bucket: serde_json::from_value(serde_json::json!(name)).unwrap_or(AgingBucket::Current),
            count: 0,
            balance: 0,
        })
        .collect();
    for (since, count, balance) in by_day {
        let bucket = aging_bucket(days_past_due(since, today));
        if let Some(row) = buckets.iter_mut().find(|r| r.bucket == bucket) {
            row.count += count;
            row.balance += total(balance)?;
        }
    }
    Ok(buckets)
}

/// Performance of one agent or team over a period. Definitions (period `[from, to]`, UTC dates):
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[schema(example = json!({"group_id": 12, "group_name": "Arto Agent", "accounts_worked": 40, "contact_attempts": 120,
    "right_party_contacts": 30, "rpc_rate": 0.25, "promises": 8, "promised_amount": 960000, "promises_kept": 5,
    "promise_kept_rate": 0.625, "collected_amount": 1250000, "target_amount": 5000000, "attainment": 0.25}))]
pub struct PerformanceRow {
    /// The agent's or team's id.
    pub group_id: i64,
    pub group_name: String,
    /// Distinct accounts with at least one contact logged by the group in the period.
    pub accounts_worked: i64,
    /// Outbound phone contacts (every attempt, voicemails and no-answers included).
    pub contact_attempts: i64,
    /// Outbound phone contacts that were conversations with the debtor.
    pub right_party_contacts: i64,
    /// `right_party_contacts ÷ contact_attempts` (4 decimals; null without attempts).
    pub rpc_rate: Option<f64>,
    /// Promise-to-pay arrangements the group set up in the period.
    pub promises: i64,
    /// Their total (minor units).
    #[schema(value_type = i64)]
    pub promised_amount: i128,
    /// The group's promises due in the period that were paid in full.
    pub promises_kept: i64,
    /// `promises_kept ÷ promises due in the period` (null when none was due).
    pub promise_kept_rate: Option<f64>,
    /// Payments the group recorded with `received_on` in the period, less reversed ones;
    /// recoveries on written-off accounts excluded.
    #[schema(value_type = i64)]
    pub collected_amount: i128,
    /// Targets of the months the period touches (null when none is set).
    #[schema(value_type = Option<i64>)]
    pub target_amount: Option<i128>,
    /// `collected_amount ÷ target_amount` (null without a target).
    pub attainment: Option<f64>,
}

/// Performance grouped by agent or team.
pub fn performance(
    conn: &mut Conn,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    by_team: bool,
) -> Result<Vec<PerformanceRow>, ApiError> {
    let agents = agents_in_scope(conn, actor)?;
    let ids: Vec<i64> = agents.iter().map(|a| a.0).collect();
    let start = to_db_time(from.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
    let end = to_db_time(
        (to + chrono::Days::new(1))
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc(),
    );
    // Accounts worked, attempts and right-party contacts from the agent-activity rollup.
    let activity = super::activity::summary(conn, &ids, from, to)?;
    let promises: Vec<(Option<i64>, i64, Option<String>)> = ar::table
        .filter(
            ar::created_by
                .eq_any(&ids)
                .and(ar::kind.eq("promise"))
                .and(ar::created_at.ge(start))
                .and(ar::created_at.lt(end)),
        )
        .group_by(ar::created_by)
        .select((
            ar::created_by,
            count_star(),
            money_sum("arrangements.total_amount"),
        ))
        .load(conn)?;
    // Promises due in the period, and how many of them were kept, per agent.
    let due: Vec<(Option<i64>, i64, Option<i64>)> = ar::table
        .inner_join(ins::table)
        .filter(
            ar::created_by
                .eq_any(&ids)
                .and(ar::kind.eq("promise"))
                .and(ins::due_on.ge(from))
                .and(ins::due_on.le(to)),
        )
        .group_by(ar::created_by)
        .select((
            ar::created_by,
            count_star(),
            sum("CASE WHEN arrangements.status = 'completed' THEN 1 ELSE 0 END"),
        ))
        .load(conn)?;
    let collected: Vec<(Option<i64>, Option<String>)> = p::table
        .filter(
            p::recorded_by
                .eq_any(&ids)
                .and(p::received_on.ge(from))
                .and(p::received_on.le(to))
                .and(p::reversed_at.is_null())
                .and(p::recovery.eq(false)),
        )
        .group_by(p::recorded_by)
        .select((p::recorded_by, money_sum("payments.amount")))
        .load(conn)?;
    let months = periods(from, to);
    let targets: Vec<(String, i64, i64)> = t::table
        .filter(t::period.eq_any(&months))
        .select((t::scope, t::subject_id, t::collected_amount))
        .load(conn)?;

    let collected: HashMap<i64, i128> = collected
        .into_iter()
        .filter_map(|(k, v)| k.map(|k| total(v).map(|v| (k, v))))
        .collect::<Result<_, _>>()?;
    let promises: HashMap<i64, (i64, i128)> = promises
        .into_iter()
        .filter_map(|(k, n, s)| k.map(|k| total(s).map(|s| (k, (n, s)))))
        .collect::<Result<_, _>>()?;
    let due_count: HashMap<i64, (i64, i64)> = due
        .into_iter()
        .filter_map(|(k, n, kept)| k.map(|k| (k, (n, kept.unwrap_or(0)))))
        .collect();
    let target_of = |scope: &str, id: i64| -> Option<i128> {
        let found: Vec<i128> = targets
            .iter()
            .filter(|(s, sub, _)| s == scope && *sub == id)
            .map(|x| i128::from(x.2))
            .collect();
        (!found.is_empty()).then(|| found.iter().sum())
    };
    // Per agent, with the number of their promises due in the period; then rolled up per team.
    let per_agent: Vec<(Option<i64>, PerformanceRow, i64)> = agents
        .iter()
        .map(|(id, name, team)| {
            let (promise_count, promised) = promises.get(id).copied().unwrap_or_default();
            let (due_n, kept) = due_count.get(id).copied().unwrap_or_default();
            let (worked, attempts, rpcs) = activity.get(id).copied().unwrap_or_default();
            let row = PerformanceRow {
                group_id: *id,
                group_name: name.clone(),
                accounts_worked: worked,
                contact_attempts: attempts,
                right_party_contacts: rpcs,
                promises: promise_count,
                promised_amount: promised,
                promises_kept: kept,
                collected_amount: collected.get(id).copied().unwrap_or(0),
                target_amount: target_of("agent", *id),
                ..Default::default()
            };
            (*team, row, due_n)
        })
        .collect();
    let finish = |mut r: PerformanceRow, due_n: i64| {
        r.rpc_rate = rate(r.right_party_contacts.into(), r.contact_attempts.into());
        r.promise_kept_rate = rate(r.promises_kept.into(), due_n.into());
        r.attainment = r.target_amount.and_then(|t| rate(r.collected_amount, t));
        r
    };
    if !by_team {
        return Ok(per_agent
            .into_iter()
            .map(|(_, r, due_n)| finish(r, due_n))
            .collect());
    }
    let team_names: HashMap<i64, String> = tm::table
        .select((tm::id, tm::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut teams: std::collections::BTreeMap<i64, (PerformanceRow, i64)> =
        std::collections::BTreeMap::new();
    for (team, r, due_n) in per_agent {
        let Some(team) = team else { continue };
        let (agg, due_total) = teams.entry(team).or_insert_with(|| {
            let row = PerformanceRow {
                group_id: team,
                group_name: team_names.get(&team).cloned().unwrap_or_default(),
                target_amount: target_of("team", team),
                ..Default::default()
            };
            (row, 0)
        });
        agg.accounts_worked += r.accounts_worked;
        agg.contact_attempts += r.contact_attempts;
        agg.right_party_contacts += r.right_party_contacts;
        agg.promises += r.promises;
        agg.promised_amount += r.promised_amount;
        agg.promises_kept += r.promises_kept;
        agg.collected_amount += r.collected_amount;
        *due_total += due_n;
    }
    Ok(teams
        .into_values()
        .map(|(r, due_n)| finish(r, due_n))
        .collect())
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
    let (start, _) = iso_week(today);
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
                    .and(rq::status.eq("approved"))
                    .and(rq::due_on.ge(start))
                    .and(rq::due_on.lt(end)),
            )
            .load(conn)?;
    let mut out: Vec<ForecastWeek> = (0..weeks)
        .map(|w| {
            let monday = start + chrono::Days::new(7 * u64::from(w));
            ForecastWeek {
                week: iso_week(monday).1,
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
