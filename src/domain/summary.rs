//! The management report's arithmetic: the period a date falls in (UTC day, ISO week, calendar
//! month), a monthly target prorated to it, roll rates between aging buckets, and the sentences
//! that tell the period's story. Facts in, figures out.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::account::{AgingBucket, aging_bucket};
use super::report::rate;

/// How long the period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "month")]
pub enum PeriodKind {
    Day,
    Week,
    Month,
}

/// A period of whole UTC days: `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    /// The first day after the period.
    pub end: NaiveDate,
}

impl Period {
    /// The day, ISO week (Monday to Sunday) or calendar month that `date` falls in.
    pub fn containing(kind: PeriodKind, date: NaiveDate) -> Self {
        let start = match kind {
            PeriodKind::Day => date,
            PeriodKind::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
            PeriodKind::Month => date.with_day(1).unwrap_or(date),
        };
        Self {
            kind,
            start,
            end: Self::after(kind, start),
        }
    }

    fn after(kind: PeriodKind, start: NaiveDate) -> NaiveDate {
        match kind {
            PeriodKind::Day => start + Days::new(1),
            PeriodKind::Week => start + Days::new(7),
            PeriodKind::Month => start + Months::new(1),
        }
    }

    /// The period before this one.
    pub fn previous(&self) -> Self {
        Self::containing(self.kind, self.start - Days::new(1))
    }

    /// The period after this one.
    pub fn next(&self) -> Self {
        Self::containing(self.kind, self.end)
    }

    /// The last day of the period.
    pub fn last_day(&self) -> NaiveDate {
        self.end - Days::new(1)
    }

    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days()
    }

    /// Every day of the period.
    pub fn each_day(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        (0..self.days()).map(|d| self.start + Days::new(d as u64))
    }

    /// `2026-11-30`, `2026-W49` or `2026-11`.
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Day => self.start.to_string(),
            PeriodKind::Week => {
                let w = self.start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            PeriodKind::Month => format!("{:04}-{:02}", self.start.year(), self.start.month()),
        }
    }
}

/// `YYYY-MM` months with their target, prorated to the period: each month's target × the
/// period's days in that month ÷ the month's days (rounded half up, in minor units).
pub fn prorated_target(period: &Period, monthly: &[(NaiveDate, i128)]) -> Option<i128> {
    let mut total: Option<i128> = None;
    for (first, target) in monthly {
        let month_end = *first + Months::new(1);
        let month_days = i128::from((month_end - *first).num_days());
        let from = period.start.max(*first);
        let to = period.end.min(month_end);
        let overlap = i128::from((to - from).num_days().max(0));
        if overlap == 0 {
            continue;
        }
        let share = (target * overlap * 2 + month_days) / (month_days * 2);
        total = Some(total.unwrap_or(0) + share);
    }
    total
}

/// Where an account stood at a moment: its bucket, and whether it was still unresolved (in
/// collection: open, in arrangement, disputed, legal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub bucket: AgingBucket,
    pub unresolved: bool,
}

impl Standing {
    pub fn at(delinquent_since: NaiveDate, day: NaiveDate, unresolved: bool) -> Self {
        Self {
            bucket: aging_bucket((day - delinquent_since).num_days()),
            unresolved,
        }
    }
}

/// One bucket's roll: of the accounts in it and unresolved at the period's start, how many are in
/// a later bucket and still unresolved at its end.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToSchema)]
#[schema(example = json!({"bucket": "31-60", "accounts": 120, "rolled": 42, "roll_rate": 0.35}))]
pub struct RollRate {
    pub bucket: AgingBucket,
    /// In the bucket and unresolved at the start.
    pub accounts: i64,
    /// Of those, in a later bucket and unresolved at the end.
    pub rolled: i64,
    /// `rolled ÷ accounts` (4 decimals; null when the bucket was empty).
    pub roll_rate: Option<f64>,
}

/// Roll rates of every bucket but the last (nothing rolls out of `181+`), from each account's
/// standing at the start and at the end.
pub fn roll_rates(standings: &[(Standing, Standing)]) -> Vec<RollRate> {
    AgingBucket::ALL
        .iter()
        .filter(|b| **b != AgingBucket::Days181Plus)
        .map(|bucket| {
            let start: Vec<&(Standing, Standing)> = standings
                .iter()
                .filter(|(s, _)| s.unresolved && s.bucket == *bucket)
                .collect();
            let rolled = start
                .iter()
                .filter(|(_, e)| e.unresolved && e.bucket.index() > bucket.index())
                .count();
            let (accounts, rolled) = (start.len() as i64, rolled as i64);
            RollRate {
                bucket: *bucket,
                accounts,
                rolled,
                roll_rate: rate(rolled.into(), accounts.into()),
            }
        })
        .collect()
}

/// What the narrative is written from.
#[derive(Debug, Clone)]
pub struct StoryFacts {
    pub period_label: String,
    pub currency: String,
    pub collected: i128,
    pub target: Option<i128>,
    pub previous: i128,
    /// The bucket with the highest roll rate and its rate.
    pub largest_roll: Option<(AgingBucket, f64)>,
    pub overdue_complaints: i64,
    /// The best and the weakest agent by attainment (name, attainment).
    pub best_agent: Option<(String, f64)>,
    pub weakest_agent: Option<(String, f64)>,
}

/// Minor units as `1,234.56` (two decimals, thousands separated).
pub fn money(minor: i128) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let units = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped}.{:02}", abs % 100)
}

fn percent(r: f64) -> String {
    format!("{:.1} %", r * 100.0)
}

/// A few sentences that state the period's story in words.
pub fn narrative(f: &StoryFacts) -> Vec<String> {
    let mut out = Vec::new();
    let collected = format!("{} {}", money(f.collected), f.currency);
    out.push(
        match f.target.and_then(|t| rate(f.collected, t).map(|r| (t, r))) {
            Some((t, r)) => format!(
                "In {} the team collected {collected}, {} of the target of {} {}.",
                f.period_label,
                percent(r),
                money(t),
                f.currency
            ),
            None => format!(
                "In {} the team collected {collected}; no target was set.",
                f.period_label
            ),
        },
    );
    let change = f.collected - f.previous;
    out.push(if change >= 0 {
        format!(
            "That is {} {} more than the period before.",
            money(change),
            f.currency
        )
    } else {
        format!(
            "That is {} {} less than the period before.",
            money(-change),
            f.currency
        )
    });
    if let Some((bucket, r)) = f.largest_roll {
        out.push(format!(
            "The largest roll was out of {}: {} of those accounts moved to a later bucket unresolved.",
            bucket.as_str(),
            percent(r)
        ));
    }
    out.push(match f.overdue_complaints {
        0 => "No complaint is past its response deadline.".to_owned(),
        1 => "One complaint is past its response deadline.".to_owned(),
        n => format!("{n} complaints are past their response deadline."),
    });
    if let (Some((best, b)), Some((weak, w))) = (&f.best_agent, &f.weakest_agent)
        && best != weak
    {
        out.push(format!(
            "{best} led at {} of target; {weak} trailed at {}.",
            percent(*b),
            percent(*w)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn periods_contain_their_date() {
        let w = Period::containing(PeriodKind::Week, d("2026-11-30"));
        assert_eq!(
            (w.start, w.end, w.label()),
            (d("2026-11-30"), d("2026-12-07"), "2026-W49".into())
        );
        let w = Period::containing(PeriodKind::Week, d("2026-11-29"));
        assert_eq!((w.start, w.label()), (d("2026-11-23"), "2026-W48".into()));
        let m = Period::containing(PeriodKind::Month, d("2026-02-14"));
        assert_eq!(
            (m.start, m.end, m.days()),
            (d("2026-02-01"), d("2026-03-01"), 28)
        );
        assert_eq!(m.previous().start, d("2026-01-01"));
        assert_eq!(m.next().start, d("2026-03-01"));
        let day = Period::containing(PeriodKind::Day, d("2026-12-31"));
        assert_eq!(
            (day.end, day.next().start, day.label()),
            (d("2027-01-01"), d("2027-01-01"), "2026-12-31".into())
        );
        assert_eq!(day.each_day().collect::<Vec<_>>(), [d("2026-12-31")]);
    }

    #[test]
    fn targets_are_prorated_by_days() {
        let nov = d("2026-11-01");
        let dec = d("2026-12-01");
        let month = Period::containing(PeriodKind::Month, d("2026-11-10"));
        assert_eq!(
            prorated_target(&month, &[(nov, 3_000_000)]),
            Some(3_000_000)
        );
        // Week 49 of 2026 is 30 November to 6 December: 1/30 of November, 6/31 of December.
        let week = Period::containing(PeriodKind::Week, d("2026-12-02"));
        assert_eq!(
            prorated_target(&week, &[(nov, 3_000_000), (dec, 3_100_000)]),
            Some(100_000 + 600_000)
        );
        assert_eq!(prorated_target(&week, &[]), None);
    }

    #[test]
    fn roll_rates_count_who_rolled() {
        let s = |bucket, unresolved| Standing { bucket, unresolved };
        use AgingBucket as B;
        let standings = [
            (s(B::Days31To60, true), s(B::Days61To90, true)), // rolled
            (s(B::Days31To60, true), s(B::Days61To90, false)), // paid: not rolled
            (s(B::Days31To60, true), s(B::Days31To60, true)), // stayed
            (s(B::Days31To60, false), s(B::Days61To90, true)), // resolved at the start: not counted
            (s(B::Current, true), s(B::Days1To30, true)),
        ];
        let rates = roll_rates(&standings);
        let r = rates.iter().find(|r| r.bucket == B::Days31To60).unwrap();
        assert_eq!((r.accounts, r.rolled, r.roll_rate), (3, 1, Some(0.3333)));
        let c = rates.iter().find(|r| r.bucket == B::Current).unwrap();
        assert_eq!(c.roll_rate, Some(1.0));
        assert_eq!(rates.len(), 6);
        assert_eq!(
            Standing::at(d("2026-10-01"), d("2026-11-15"), true).bucket,
            B::Days31To60
        );
    }

    #[test]
    fn the_story_in_words() {
        let facts = StoryFacts {
            period_label: "2026-11".into(),
            currency: "USD".into(),
            collected: 1_234_567,
            target: Some(2_000_000),
            previous: 1_300_000,
            largest_roll: Some((AgingBucket::Days31To60, 0.35)),
            overdue_complaints: 2,
            best_agent: Some(("Ann".into(), 1.1)),
            weakest_agent: Some(("Bo".into(), 0.4)),
        };
        let text = narrative(&facts).join(" ");
        assert!(
            text.contains("collected 12,345.67 USD, 61.7 % of the target of 20,000.00 USD"),
            "{text}"
        );
        assert!(
            text.contains("654.33 USD less than the period before"),
            "{text}"
        );
        assert!(text.contains("out of 31-60: 35.0 %"), "{text}");
        assert!(text.contains("2 complaints are past"), "{text}");
        assert!(
            text.contains("Ann led at 110.0 % of target; Bo trailed at 40.0 %"),
            "{text}"
        );
        assert_eq!(money(-5), "-0.05");
        assert_eq!(money(100_000_000), "1,000,000.00");
    }
}
