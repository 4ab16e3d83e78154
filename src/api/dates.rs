//! Date fields of request bodies: due dates, payment dates and delinquency dates must fall in a
//! sane window, from 1970-01-01 to ten years after today (UTC). A date outside it is a typo or a
//! probe (`0001-01-01`, `9999-12-31`), answered 422 naming the field, never stored.

use chrono::{Datelike, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, de::Error};

/// The earliest date accepted.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// How many years ahead of today a date may lie.
pub const YEARS_AHEAD: i32 = 10;

/// `Ok(date)` when it lies in the window around `today`, else the message for the 422.
pub fn check(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, String> {
    let latest = today
        .with_year(today.year() + YEARS_AHEAD)
        .unwrap_or_else(|| today + chrono::Days::new(3652));
    if date < EARLIEST || date > latest {
        Err(format!("must be from {EARLIEST} to {latest}"))
    } else {
        Ok(date)
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let date = NaiveDate::deserialize(d)?;
    check(date, Utc::now().date_naive()).map_err(D::Error::custom)
}

/// For `Option<NaiveDate>` fields; use with `#[serde(default)]`.
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    let today = Utc::now().date_naive();
    Option::<NaiveDate>::deserialize(d)?
        .map(|date| check(date, today))
        .transpose()
        .map_err(D::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(check(d(1970, 1, 1), today).is_ok());
        assert!(check(d(1969, 12, 31), today).is_err());
        assert!(check(d(2036, 11, 30), today).is_ok());
        assert!(check(d(2036, 12, 1), today).is_err());
        assert!(check(d(9999, 12, 31), today).is_err());
        assert!(check(d(1, 1, 1), today).is_err());
    }
}
