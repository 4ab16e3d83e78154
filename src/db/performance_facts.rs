//! The performance report's grouped queries: per agent and currency, promises set up, promises
//! due and kept, and money collected; the targets of the period's months. One query each, never
//! one per agent.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::schema::{
    accounts as a, arrangements as ar, installments as ins, payments as p, targets as t,
};
use super::sums::{money_sum, sum, total};
use super::{Conn, activity, to_db_time};
use crate::domain::report::periods;
use crate::error::ApiError;

/// The period as UTC days and as the timestamps that bound them.
pub(super) struct Period {
    pub(super) from: NaiveDate,
    pub(super) to: NaiveDate,
    pub(super) start: chrono::NaiveDateTime,
    pub(super) end: chrono::NaiveDateTime,
}

impl Period {
    pub(super) fn new(from: NaiveDate, to: NaiveDate) -> Self {
        let midnight =
            |d: NaiveDate| to_db_time(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
        Self {
            from,
            to,
            start: midnight(from),
            end: midnight(to + chrono::Days::new(1)),
        }
    }
}

/// One group's money in one currency.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Money {
    pub(super) promises: i64,
    pub(super) promised: i128,
    pub(super) promises_due: i64,
    pub(super) promises_kept: i64,
    pub(super) collected: i128,
    pub(super) target: Option<i128>,
}

impl Money {
    pub(super) fn add(&mut self, o: &Money) {
        self.promises += o.promises;
        self.promised += o.promised;
        self.promises_due += o.promises_due;
        self.promises_kept += o.promises_kept;
        self.collected += o.collected;
    }
}

/// A group's (agent's or team's) activity and its money per currency.
#[derive(Debug, Clone, Default)]
pub(super) struct Group {
    pub(super) work: activity::Summary,
    pub(super) money: BTreeMap<String, Money>,
}

/// What the grouped queries found, per agent, and the targets of the period's months.
pub(super) struct Facts {
    pub(super) agents: HashMap<i64, Group>,
    /// (scope, subject, currency) → the months' targets summed.
    targets: HashMap<(String, i64, String), i128>,
}

type PerCurrency<T> = Vec<(Option<i64>, String, T)>;

impl Facts {
    pub(super) fn load(conn: &mut Conn, ids: &[i64], period: &Period) -> Result<Self, ApiError> {
        let promises = promises_set_up(conn, ids, period)?;
        let due = promises_due(conn, ids, period)?;
        let collected = collected(conn, ids, period)?;
        let targets: Vec<(String, i64, String, i64)> = t::table
            .filter(t::period.eq_any(periods(period.from, period.to)))
            .select((t::scope, t::subject_id, t::currency, t::collected_amount))
            .load(conn)?;
        let mut agents: HashMap<i64, Group> = activity::summary(conn, ids, period.from, period.to)?
            .into_iter()
            .map(|(id, work)| {
                (
                    id,
                    Group {
                        work,
                        ..Default::default()
                    },
                )
            })
            .collect();
        fn money(
            agents: &mut HashMap<i64, Group>,
            who: Option<i64>,
            currency: String,
        ) -> Option<&mut Money> {
            let g = agents.entry(who?).or_default();
            Some(g.money.entry(currency).or_default())
        }
        for (who, currency, (n, total_split)) in promises {
            if let Some(m) = money(&mut agents, who, currency) {
                m.promises = n;
                m.promised = total(total_split)?;
            }
        }
        for (who, currency, (n, kept)) in due {
            if let Some(m) = money(&mut agents, who, currency) {
                m.promises_due = n;
                m.promises_kept = kept.unwrap_or(0);
            }
        }
        for (who, currency, split) in collected {
            if let Some(m) = money(&mut agents, who, currency) {
                m.collected = total(split)?;
            }
        }
        let mut summed: HashMap<(String, i64, String), i128> = HashMap::new();
        for (scope, subject, currency, amount) in targets {
            *summed.entry((scope, subject, currency)).or_default() += i128::from(amount);
        }
        Ok(Self {
            agents,
            targets: summed,
        })
    }

    /// A group with the targets of `scope` `id` added to its money.
    pub(super) fn with_targets(&self, mut g: Group, scope: &str, id: i64) -> Group {
        for ((s, subject, currency), amount) in &self.targets {
            if s == scope && *subject == id {
                g.money.entry(currency.clone()).or_default().target = Some(*amount);
            }
        }
        g
    }
}

/// Promises set up in the period, per agent and currency: how many and their total.
fn promises_set_up(
    conn: &mut Conn,
    ids: &[i64],
    period: &Period,
) -> Result<PerCurrency<(i64, Option<String>)>, ApiError> {
    Ok(ar::table
        .inner_join(a::table)
        .filter(
            ar::created_by
                .eq_any(ids)
                .and(ar::kind.eq("promise"))
                .and(ar::created_at.ge(period.start))
                .and(ar::created_at.lt(period.end)),
        )
        .group_by((ar::created_by, a::currency))
        .select((
            ar::created_by,
            a::currency,
            (count_star(), money_sum("arrangements.total_amount")),
        ))
        .load(conn)?)
}

/// Promises due in the period, per agent and currency: how many, how many kept.
fn promises_due(
    conn: &mut Conn,
    ids: &[i64],
    period: &Period,
) -> Result<PerCurrency<(i64, Option<i64>)>, ApiError> {
    Ok(ar::table
        .inner_join(ins::table)
        .inner_join(a::table)
        .filter(
            ar::created_by
                .eq_any(ids)
                .and(ar::kind.eq("promise"))
                .and(ins::due_on.ge(period.from))
                .and(ins::due_on.le(period.to)),
        )
        .group_by((ar::created_by, a::currency))
        .select((
            ar::created_by,
            a::currency,
            (
                count_star(),
                sum("CASE WHEN arrangements.status = 'completed' THEN 1 ELSE 0 END"),
            ),
        ))
        .load(conn)?)
}

/// Payments recorded in the period, per agent and currency (reversed ones and recoveries left out).
fn collected(
    conn: &mut Conn,
    ids: &[i64],
    period: &Period,
) -> Result<PerCurrency<Option<String>>, ApiError> {
    Ok(p::table
        .inner_join(a::table)
        .filter(
            p::recorded_by
                .eq_any(ids)
                .and(p::received_on.ge(period.from))
                .and(p::received_on.le(period.to))
                .and(p::reversed_at.is_null())
                .and(p::recovery.eq(false)),
        )
        .group_by((p::recorded_by, a::currency))
        .select((p::recorded_by, a::currency, money_sum("payments.amount")))
        .load(conn)?)
}
