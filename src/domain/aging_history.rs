//! Where accounts stood at a period's start and end (status and balance at each instant), and
//! what the management report makes of it: aging per bucket with its change, and the standings
//! roll rates are counted from.

use chrono::NaiveDate;

use super::account::{AccountStatus, AgingBucket, aging_bucket};
use super::summary::{Period, Standing};
use super::summary_document::AgingChange;

/// One account at the two instants (`None`: not placed yet).
#[derive(Debug, Clone)]
pub struct AccountAt {
    pub delinquent_since: NaiveDate,
    pub start: Option<StatusBalance>,
    pub end: Option<StatusBalance>,
}

/// Status and balance at an instant.
#[derive(Debug, Clone, Copy)]
pub struct StatusBalance {
    pub status: AccountStatus,
    pub balance: i128,
}

impl StatusBalance {
    /// Still in collection with money owed.
    pub fn unresolved(&self) -> bool {
        matches!(
            self.status,
            AccountStatus::Open
                | AccountStatus::InArrangement
                | AccountStatus::Disputed
                | AccountStatus::Legal
        ) && self.balance > 0
    }
}

/// Unresolved accounts with a balance per bucket at the end, with the change since the start.
pub fn aging_changes(standings: &[AccountAt], p: &Period) -> Vec<AgingChange> {
    let mut rows: Vec<AgingChange> = AgingBucket::ALL
        .iter()
        .map(|b| AgingChange {
            bucket: *b,
            ..AgingChange::default()
        })
        .collect();
    for a in standings {
        let bucket_at = |day: NaiveDate| aging_bucket((day - a.delinquent_since).num_days());
        if let Some(s) = a.start.filter(|s| s.unresolved()) {
            let r = &mut rows[bucket_at(p.start).index()];
            r.count_at_start += 1;
            r.balance_at_start += s.balance;
        }
        if let Some(e) = a.end.filter(|e| e.unresolved()) {
            let r = &mut rows[bucket_at(p.end).index()];
            r.count += 1;
            r.balance += e.balance;
        }
    }
    for r in &mut rows {
        r.count_change = r.count - r.count_at_start;
        r.balance_change = r.balance - r.balance_at_start;
    }
    rows
}

/// Each account placed by the start, as it stood at the start and at the end.
pub fn rolled(standings: &[AccountAt], p: &Period) -> Vec<(Standing, Standing)> {
    standings
        .iter()
        .filter_map(|a| {
            let (s, e) = (a.start?, a.end?);
            Some((
                Standing::at(a.delinquent_since, p.start, s.unresolved()),
                Standing::at(a.delinquent_since, p.end, e.unresolved()),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::summary::PeriodKind;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn at(status: AccountStatus, balance: i128) -> Option<StatusBalance> {
        Some(StatusBalance { status, balance })
    }

    #[test]
    fn aging_at_start_and_end_with_the_change() {
        let october = Period::containing(PeriodKind::Month, d("2026-10-15"));
        let standings = [
            // 21 days past due on 1 October, 52 on 1 November: 1-30, then 31-60.
            AccountAt {
                delinquent_since: d("2026-09-10"),
                start: at(AccountStatus::Open, 100),
                end: at(AccountStatus::InArrangement, 90),
            },
            // Paid in October: counted at the start only.
            AccountAt {
                delinquent_since: d("2026-09-12"),
                start: at(AccountStatus::Open, 50),
                end: at(AccountStatus::Paid, 0),
            },
            // Placed in October: at the end only.
            AccountAt {
                delinquent_since: d("2026-10-05"),
                start: None,
                end: at(AccountStatus::Open, 40),
            },
            // Disputed counts as unresolved; a zero balance does not.
            AccountAt {
                delinquent_since: d("2026-08-20"),
                start: at(AccountStatus::Disputed, 75),
                end: at(AccountStatus::Open, 0),
            },
        ];
        let rows = aging_changes(&standings, &october);
        let row = |b: AgingBucket| rows.iter().find(|r| r.bucket == b).unwrap().clone();
        let early = row(AgingBucket::Days1To30);
        assert_eq!(
            (
                early.count_at_start,
                early.balance_at_start,
                early.count,
                early.balance,
                early.count_change,
                early.balance_change
            ),
            (2, 150, 1, 40, -1, -110)
        );
        let mid = row(AgingBucket::Days31To60);
        assert_eq!(
            (
                mid.count_at_start,
                mid.balance_at_start,
                mid.count,
                mid.balance
            ),
            (1, 75, 1, 90)
        );
        assert_eq!(rows.len(), 7);
        let rolls = rolled(&standings, &october);
        assert_eq!(
            rolls.len(),
            3,
            "the account placed in October is not in the roll"
        );
        assert!(
            rolls[0].0.unresolved
                && rolls[0].1.unresolved
                && rolls[0].1.bucket == AgingBucket::Days31To60
        );
        assert!(!rolls[1].1.unresolved);
    }
}
