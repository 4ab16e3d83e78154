//! The agent-activity rollup behind the performance report: how one logged contact changes it.
//!
//! Per agent and UTC day, rows keyed `(day, prev_day)`:
//! - `(day, day)` carries the day's contact attempts and right-party contacts;
//! - `(day, prev_day)` with `prev_day < day` counts *touches*: for each account the agent
//!   contacted on `day`, one touch, where `prev_day` is the previous day on which the agent had
//!   contacted that account ([`never`] when none).
//!
//! The accounts an agent worked from `F` to `T` (inclusive) are then the touches with
//! `F ≤ day ≤ T` and `prev_day < F`: of an account's contact days inside the period exactly the
//! first has its previous contact day before `F`. A sum over a few rows, instead of a
//! `COUNT(DISTINCT account_id)` over every contact of the period.

use chrono::NaiveDate;

/// `prev_day` of an account's first contact day with the agent: 0001-01-01, a date both
/// databases keep as is.
pub fn never() -> NaiveDate {
    NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// One change to one rollup row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActivityDelta {
    pub day: NaiveDate,
    pub prev_day: NaiveDate,
    pub touches: i64,
    pub contact_attempts: i64,
    pub right_party_contacts: i64,
}

/// A contact of the agent with one account on `day`, and what it counts as.
#[derive(Debug, Clone, Copy)]
pub struct LoggedContact {
    pub day: NaiveDate,
    /// The latest day before `day` on which the agent contacted the account, if any.
    pub previous_day: Option<NaiveDate>,
    /// The earliest day on or after `day` on which the agent contacted the account, if any
    /// (a contact may be logged after later ones: `occurred_at` is the caller's).
    pub next_day: Option<NaiveDate>,
    /// An outbound phone call.
    pub attempt: bool,
    /// An outbound phone call that reached a conversation.
    pub right_party: bool,
}

/// The row changes for `c`. Logging a second contact on a day changes only the day's counts;
/// a contact on a new day adds a touch, and re-links the next contact day (if any) to it.
pub fn deltas(c: LoggedContact) -> Vec<ActivityDelta> {
    let delta = |day, prev_day, touches| ActivityDelta {
        day,
        prev_day,
        touches,
        contact_attempts: 0,
        right_party_contacts: 0,
    };
    let mut out = Vec::with_capacity(4);
    if c.attempt || c.right_party {
        out.push(ActivityDelta {
            contact_attempts: i64::from(c.attempt),
            right_party_contacts: i64::from(c.right_party),
            ..delta(c.day, c.day, 0)
        });
    }
    if c.next_day == Some(c.day) {
        return out;
    }
    let prev = c.previous_day.unwrap_or_else(never);
    out.push(delta(c.day, prev, 1));
    if let Some(next) = c.next_day {
        out.push(delta(next, prev, -1));
        out.push(delta(next, c.day, 1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn day(n: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(n)
    }

    /// Logs contacts in the given (not chronological) order, applying the deltas, and checks
    /// that the rollup answers accounts worked exactly for every period.
    #[test]
    fn touches_count_each_account_once_per_period_whatever_the_logging_order() {
        let mut seed: u64 = 42;
        let mut next = move |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        let mut rows: BTreeMap<(NaiveDate, NaiveDate), i64> = BTreeMap::new();
        let mut days_of: BTreeMap<u64, BTreeSet<NaiveDate>> = BTreeMap::new();
        for _ in 0..400 {
            let (account, d) = (next(12), day(next(40)));
            let seen = days_of.entry(account).or_default();
            let c = LoggedContact {
                day: d,
                previous_day: seen.range(..d).next_back().copied(),
                next_day: seen.range(d..).next().copied(),
                attempt: true,
                right_party: false,
            };
            for x in deltas(c) {
                *rows.entry((x.day, x.prev_day)).or_default() += x.touches;
            }
            seen.insert(d);
        }
        for from in 0..40 {
            for to in from..40 {
                let (f, t) = (day(from), day(to));
                let expected = days_of
                    .values()
                    .filter(|days| days.range(f..=t).next().is_some())
                    .count() as i64;
                let summed: i64 = rows
                    .iter()
                    .filter(|((d, p), _)| *d >= f && *d <= t && *p < f)
                    .map(|(_, n)| n)
                    .sum();
                assert_eq!(summed, expected, "accounts worked {f}..{t}");
            }
        }
    }

    #[test]
    fn a_second_contact_on_a_day_only_counts_the_call() {
        let c = LoggedContact {
            day: day(3),
            previous_day: Some(day(1)),
            next_day: Some(day(3)),
            attempt: true,
            right_party: true,
        };
        assert_eq!(
            deltas(c),
            vec![ActivityDelta {
                day: day(3),
                prev_day: day(3),
                touches: 0,
                contact_attempts: 1,
                right_party_contacts: 1
            }]
        );
    }

    #[test]
    fn an_inbound_contact_counts_a_touch_but_no_attempt() {
        let c = LoggedContact {
            day: day(3),
            previous_day: None,
            next_day: None,
            attempt: false,
            right_party: false,
        };
        let d = deltas(c);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].prev_day, d[0].touches), (never(), 1));
    }
}
