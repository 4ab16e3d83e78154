//! The champion/challenger report from the stays of accounts in segments: figures per segment,
//! arm and currency (money never summed across currencies), and comparisons of the arms with
//! Welch's 95 % interval on the per-stay liquidation rate (`domain::welch`).
//!
//! A *stay* is one segment entry of an account that overlaps the report's days; what is
//! attributed to it happened while the account was in that segment and arm, within the days.
//! Its liquidation is `collected ÷ balance_at_entry` (a unitless rate, so the comparisons pool
//! currencies). A comparison's `difference` is the challenger's mean per-stay liquidation minus
//! the champion's, with the interval of that difference.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

use super::report::rate;
use super::strategy::{Arm, Segment};
use super::welch::welch_95;

/// One stay with what happened in it.
#[derive(Debug, Clone)]
pub struct Stay {
    pub segment: String,
    pub arm: Arm,
    pub currency: String,
    pub balance_at_entry: i64,
    /// Payments received in the stay (reversed ones left out).
    pub collected: i128,
    /// A right-party contact was made in the stay.
    pub right_party: bool,
    /// Promises made in the stay, by how they ended (open ones are in neither).
    pub promises_kept: i64,
    pub promises_broken: i64,
    /// The account is now `paid`, `settled` or `in_arrangement`.
    pub cured: bool,
}

impl Stay {
    fn liquidation(&self) -> Option<f64> {
        (self.balance_at_entry > 0).then(|| self.collected as f64 / self.balance_at_entry as f64)
    }
}

/// The figures of a segment in an arm, in one currency.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(example = json!({"segment": "early", "arm": "challenger", "currency": "USD", "accounts": 120,
    "balance_at_entry": 18250000, "collected_amount": 2190000, "liquidation_rate": 0.12, "rpc_rate": 0.4417,
    "promise_kept_rate": 0.6875, "cure_rate": 0.2083}))]
pub struct StrategyReportRow {
    pub segment: String,
    pub arm: Arm,
    pub currency: String,
    /// Stays in the segment during the days (an account that left and came back counts per stay).
    pub accounts: i64,
    /// Minor units: the balances when the stays began.
    #[schema(value_type = i64)]
    pub balance_at_entry: i128,
    /// Minor units: payments received during the stays, within the days.
    #[schema(value_type = i64)]
    pub collected_amount: i128,
    /// `collected_amount ÷ balance_at_entry` (4 decimals).
    pub liquidation_rate: Option<f64>,
    /// Share of stays with a right-party contact.
    pub rpc_rate: Option<f64>,
    /// Promises kept ÷ promises kept or broken, of those made during the stays.
    pub promise_kept_rate: Option<f64>,
    /// Share of stays whose account is now `paid`, `settled` or `in_arrangement`.
    pub cure_rate: Option<f64>,
}

/// The challenger against the champion: one pair of segments with equal criteria, or the whole
/// arms (`"overall"` on both sides).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(example = json!({"champion_segment": "early", "challenger_segment": "early", "champion_accounts": 480,
    "challenger_accounts": 120, "difference": 0.021, "ci_low": 0.0042, "ci_high": 0.0378, "significant": true}))]
pub struct Comparison {
    pub champion_segment: String,
    pub challenger_segment: String,
    /// Stays with a balance at entry on each side (the samples).
    pub champion_accounts: i64,
    pub challenger_accounts: i64,
    /// Mean per-stay liquidation: challenger minus champion (null with fewer than two stays on
    /// a side, or no variance).
    pub difference: Option<f64>,
    /// The 95 % Welch interval of `difference`.
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// The interval excludes 0.
    pub significant: bool,
}

/// The rows, by segment (as the stays name them), arm and currency.
pub fn rows(stays: &[Stay]) -> Vec<StrategyReportRow> {
    let mut groups: BTreeMap<(String, Arm, String), Vec<&Stay>> = BTreeMap::new();
    for s in stays {
        groups
            .entry((s.segment.clone(), s.arm, s.currency.clone()))
            .or_default()
            .push(s);
    }
    groups
        .into_iter()
        .map(|((segment, arm, currency), group)| {
            let n = group.len() as i64;
            let balance: i128 = group.iter().map(|s| i128::from(s.balance_at_entry)).sum();
            let collected: i128 = group.iter().map(|s| s.collected).sum();
            let count = |f: &dyn Fn(&Stay) -> bool| group.iter().filter(|s| f(s)).count() as i128;
            let kept: i64 = group.iter().map(|s| s.promises_kept).sum();
            let ended: i64 = group
                .iter()
                .map(|s| s.promises_kept + s.promises_broken)
                .sum();
            StrategyReportRow {
                segment,
                arm,
                currency,
                accounts: n,
                balance_at_entry: balance,
                collected_amount: collected,
                liquidation_rate: rate(collected, balance),
                rpc_rate: rate(count(&|s| s.right_party), n.into()),
                promise_kept_rate: rate(kept.into(), ended.into()),
                cure_rate: rate(count(&|s| s.cured), n.into()),
            }
        })
        .collect()
}

/// The comparisons: each champion segment against the challenger segment with equal criteria,
/// then the whole arms.
pub fn comparisons(
    champion: &[Segment],
    challenger: &[Segment],
    stays: &[Stay],
) -> Vec<Comparison> {
    let sample = |arm: Arm, segment: Option<&str>| -> Vec<f64> {
        stays
            .iter()
            .filter(|s| s.arm == arm && segment.is_none_or(|n| s.segment == n))
            .filter_map(Stay::liquidation)
            .collect()
    };
    let mut out = Vec::new();
    for c in champion {
        let Some(d) = challenger.iter().find(|d| d.criteria == c.criteria) else {
            continue;
        };
        let (a, b) = (
            sample(Arm::Champion, Some(&c.name)),
            sample(Arm::Challenger, Some(&d.name)),
        );
        out.push(compare(&c.name, &d.name, &a, &b));
    }
    if !challenger.is_empty() {
        let (a, b) = (sample(Arm::Champion, None), sample(Arm::Challenger, None));
        out.push(compare("overall", "overall", &a, &b));
    }
    out
}

fn compare(champion: &str, challenger: &str, a: &[f64], b: &[f64]) -> Comparison {
    let interval = welch_95(a, b);
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    Comparison {
        champion_segment: champion.to_owned(),
        challenger_segment: challenger.to_owned(),
        champion_accounts: a.len() as i64,
        challenger_accounts: b.len() as i64,
        difference: interval.map(|i| round(i.difference)),
        ci_low: interval.map(|i| round(i.low)),
        ci_high: interval.map(|i| round(i.high)),
        significant: interval.is_some_and(|i| i.significant),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::strategy::Criteria;

    fn stay(segment: &str, arm: Arm, currency: &str, balance: i64, collected: i128) -> Stay {
        Stay {
            segment: segment.into(),
            arm,
            currency: currency.into(),
            balance_at_entry: balance,
            collected,
            right_party: collected > 0,
            promises_kept: 1,
            promises_broken: i64::from(collected == 0),
            cured: collected >= i128::from(balance),
        }
    }

    fn segment(name: &str, max_dpd: i64) -> Segment {
        Segment {
            name: name.into(),
            criteria: Criteria {
                max_days_past_due: Some(max_dpd),
                ..Default::default()
            },
            treatment: vec![],
        }
    }

    #[test]
    fn rows_per_segment_arm_and_currency() {
        let stays = [
            stay("early", Arm::Champion, "USD", 1000, 250),
            stay("early", Arm::Champion, "USD", 3000, 0),
            stay("early", Arm::Champion, "EUR", 1000, 1000),
            stay("early", Arm::Challenger, "USD", 1000, 500),
        ];
        let r = rows(&stays);
        assert_eq!(r.len(), 3);
        let usd = r
            .iter()
            .find(|x| x.arm == Arm::Champion && x.currency == "USD")
            .unwrap();
        assert_eq!(
            (usd.accounts, usd.balance_at_entry, usd.collected_amount),
            (2, 4000, 250)
        );
        assert_eq!(usd.liquidation_rate, Some(0.0625));
        assert_eq!(usd.rpc_rate, Some(0.5));
        assert_eq!(usd.promise_kept_rate, Some(0.6667));
        assert_eq!(usd.cure_rate, Some(0.0));
    }

    #[test]
    fn segments_pair_on_equal_criteria_and_the_arms_overall() {
        let champion = [segment("early", 30), segment("late", 90)];
        let challenger = [segment("early-sms", 30), segment("late", 120)];
        let mut stays = Vec::new();
        for (i, x) in [100, 200, 300, 400].into_iter().enumerate() {
            stays.push(stay("early", Arm::Champion, "USD", 1000, x));
            stays.push(stay(
                "early-sms",
                Arm::Challenger,
                "USD",
                1000,
                x + 400 + i as i128,
            ));
        }
        let c = comparisons(&champion, &challenger, &stays);
        assert_eq!(c.len(), 2, "late has no twin; overall");
        assert_eq!(
            (
                c[0].champion_segment.as_str(),
                c[0].challenger_segment.as_str()
            ),
            ("early", "early-sms")
        );
        assert_eq!(c[0].difference, Some(0.4015));
        assert!(c[0].significant);
        assert_eq!(c[1].champion_segment, "overall");
        assert_eq!(c[1].difference, c[0].difference);
        // Too few stays: no interval.
        let few = comparisons(&champion, &challenger, &stays[..2]);
        assert_eq!((few[0].difference, few[0].significant), (None, false));
    }
}
