//! The work queue's priority: why an account should be worked now, and how urgently.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Why an account is in the queue where it is (the strongest reason wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "new")]
pub enum QueueReason {
    /// An arrangement broke: call back first.
    BrokenArrangement,
    /// A promise to pay is due today or overdue.
    PromiseDue,
    /// The active strategy's `call` step was taken today.
    StrategyCall,
    /// A follow-up the agent scheduled is due.
    FollowUpDue,
    /// Never contacted.
    New,
    /// Balance at or above [`HIGH_BALANCE`].
    HighBalance,
    /// Nothing special: ordered by balance and age.
    Aging,
}

/// Balances from this amount (minor units: 5,000.00) rank as `high_balance`.
pub const HIGH_BALANCE: i64 = 500_000;

/// What the queue knows about an account.
#[derive(Debug, Clone, Copy, Default)]
pub struct QueueFacts {
    pub balance: i64,
    pub days_past_due: i64,
    pub broken_arrangement: bool,
    pub promise_due: bool,
    pub strategy_call: bool,
    pub follow_up_due: bool,
    pub never_contacted: bool,
}

/// The priority (higher first) and its reason. The reason sets the tier; within a tier,
/// balance × days past due orders accounts.
///
/// Monotone: with a higher balance, more days past due or one more fact true, the score never
/// falls. So the score of an account's facts at their highest over a span of days bounds its
/// score on each of them (the queue's stored bound, `db::queue_bound`).
pub fn prioritize(f: &QueueFacts) -> Priority {
    let reason = if f.broken_arrangement {
        QueueReason::BrokenArrangement
    } else if f.promise_due {
        QueueReason::PromiseDue
    } else if f.strategy_call {
        QueueReason::StrategyCall
    } else if f.follow_up_due {
        QueueReason::FollowUpDue
    } else if f.never_contacted {
        QueueReason::New
    } else if f.balance >= HIGH_BALANCE {
        QueueReason::HighBalance
    } else {
        QueueReason::Aging
    };
    let tier: i64 = match reason {
        QueueReason::BrokenArrangement => 6,
        QueueReason::PromiseDue => 5,
        QueueReason::StrategyCall => 4,
        QueueReason::FollowUpDue => 3,
        QueueReason::New => 2,
        QueueReason::HighBalance => 1,
        QueueReason::Aging => 0,
    };
    // Whole currency units × (days + 1), scaled to stay below one tier.
    let value =
        (f.balance.max(0) / 100).saturating_mul(f.days_past_due.max(0).saturating_add(1)) / 30;
    Priority {
        score: tier * 1_000_000 + value.min(999_999),
        reason,
    }
}

/// Where an account stands in the queue: higher `score` first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Priority {
    pub score: i64,
    pub reason: QueueReason,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_strategy_call_ranks_below_broken_and_promises_above_the_rest() {
        let with = |f: QueueFacts| prioritize(&f);
        let call = QueueFacts {
            strategy_call: true,
            follow_up_due: true,
            never_contacted: true,
            balance: 100,
            ..Default::default()
        };
        assert_eq!(with(call).reason, QueueReason::StrategyCall);
        let broken = QueueFacts {
            broken_arrangement: true,
            strategy_call: true,
            ..Default::default()
        };
        let promise = QueueFacts {
            promise_due: true,
            strategy_call: true,
            ..Default::default()
        };
        assert_eq!(with(broken).reason, QueueReason::BrokenArrangement);
        assert_eq!(with(promise).reason, QueueReason::PromiseDue);
        let follow_up = QueueFacts {
            follow_up_due: true,
            balance: 10_000_000,
            days_past_due: 900,
            ..Default::default()
        };
        assert!(with(promise).score > with(call).score);
        assert!(with(call).score > with(follow_up).score);
    }

    #[test]
    fn reasons_outrank_value() {
        let rich = QueueFacts {
            balance: 10_000_000,
            days_past_due: 400,
            ..Default::default()
        };
        let broken = QueueFacts {
            balance: 100,
            broken_arrangement: true,
            never_contacted: true,
            ..Default::default()
        };
        let new = QueueFacts {
            balance: 100,
            never_contacted: true,
            ..Default::default()
        };
        assert_eq!(prioritize(&broken).reason, QueueReason::BrokenArrangement);
        assert_eq!(prioritize(&rich).reason, QueueReason::HighBalance);
        assert!(prioritize(&broken).score > prioritize(&new).score);
        assert!(prioritize(&new).score > prioritize(&rich).score);
    }

    #[test]
    fn within_a_tier_balance_and_age_order() {
        let p = |balance, days| {
            prioritize(&QueueFacts {
                balance,
                days_past_due: days,
                never_contacted: true,
                ..Default::default()
            })
            .score
        };
        assert!(p(20_000, 90) > p(10_000, 90));
        assert!(p(10_000, 120) > p(10_000, 30));
        assert_eq!(p(i64::MAX, i64::MAX), 2_999_999);
    }

    #[test]
    fn a_priority_never_falls_when_a_fact_rises() {
        let facts = |bits: u8, balance: i64, days: i64| QueueFacts {
            balance,
            days_past_due: days,
            broken_arrangement: bits & 1 != 0,
            promise_due: bits & 2 != 0,
            strategy_call: bits & 4 != 0,
            follow_up_due: bits & 8 != 0,
            never_contacted: bits & 16 != 0,
        };
        let amounts = [0, 99, 30_000, HIGH_BALANCE - 1, HIGH_BALANCE, 90_000_000];
        let ages = [0, 1, 29, 30, 365, 4_000];
        for bits in 0..32u8 {
            for (&balance, &days) in amounts.iter().zip(ages.iter().cycle()) {
                let low = prioritize(&facts(bits, balance, days)).score;
                for more in 0..5 {
                    let raised = prioritize(&facts(bits | (1 << more), balance, days)).score;
                    assert!(raised >= low, "{bits:05b} + fact {more}: {raised} < {low}");
                }
                let richer = prioritize(&facts(bits, balance.saturating_mul(2) + 100, days));
                let older = prioritize(&facts(bits, balance, days + 1));
                assert!(
                    richer.score >= low && older.score >= low,
                    "{bits:05b} {balance} {days}"
                );
            }
        }
    }
}
