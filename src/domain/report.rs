//! Report arithmetic: rates, periods and ISO weeks.

use chrono::{Datelike, Days, NaiveDate};

/// `numerator ÷ denominator` rounded to 4 decimal places; `None` when the denominator is 0.
pub fn rate(numerator: i128, denominator: i128) -> Option<f64> {
    if denominator == 0 {
        return None;
    }
    // Round half away from zero at the 4th decimal, in integers, then convert once. Numerators
    // are totals of bounded amounts (far below i128::MAX / 20,000).
    let scaled = (numerator.saturating_mul(20_000) / denominator + 1) / 2;
    Some(scaled as f64 / 10_000.0)
}

/// A `YYYY-MM` period, validated.
pub fn parse_period(s: &str) -> Result<(i32, u32), String> {
    let bad = || format!("{s:?} is not a period such as 2026-11");
    let (y, m) = s.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    let (y, m): (i32, u32) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if !(1..=12).contains(&m) || !(2000..=2100).contains(&y) {
        return Err(bad());
    }
    Ok((y, m))
}

/// The `YYYY-MM` periods a date range `[from, to]` touches.
pub fn periods(from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let mut cursor = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
    while cursor <= to {
        out.push(format!("{:04}-{:02}", cursor.year(), cursor.month()));
        cursor = cursor
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(to + Days::new(1));
    }
    out
}

/// An ISO week: its Monday and its name (`2026-W48`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsoWeek {
    pub monday: NaiveDate,
    pub name: String,
}

/// The ISO week `day` falls in.
pub fn iso_week(day: NaiveDate) -> IsoWeek {
    let w = day.iso_week();
    IsoWeek {
        monday: day - Days::new(u64::from(day.weekday().num_days_from_monday())),
        name: format!("{}-W{:02}", w.year(), w.week()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn rates_round_to_four_places() {
        assert_eq!(rate(1, 3), Some(0.3333));
        assert_eq!(rate(2, 3), Some(0.6667));
        assert_eq!(rate(5, 5), Some(1.0));
        assert_eq!(rate(0, 7), Some(0.0));
        assert_eq!(rate(1, 0), None);
        assert_eq!(rate(13_000, 10_000), Some(1.3));
    }

    #[test]
    fn periods_and_weeks() {
        assert_eq!(parse_period("2026-11"), Ok((2026, 11)));
        assert!(parse_period("2026-13").is_err());
        assert!(parse_period("26-11").is_err());
        assert_eq!(
            periods(d("2026-10-15"), d("2026-12-01")),
            ["2026-10", "2026-11", "2026-12"]
        );
        assert_eq!(periods(d("2026-11-01"), d("2026-11-30")), ["2026-11"]);
        let week = |monday: &str, name: &str| IsoWeek {
            monday: d(monday),
            name: name.into(),
        };
        assert_eq!(iso_week(d("2026-11-22")), week("2026-11-16", "2026-W47"));
        assert_eq!(iso_week(d("2027-01-01")), week("2026-12-28", "2026-W53"));
    }
}
