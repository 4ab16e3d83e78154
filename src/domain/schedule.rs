//! Payment plans: generating installment schedules and checking them.

use super::Problem;
use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The most installments any plan may have.
pub const MAX_INSTALLMENTS: usize = 60;

/// How often a generated plan falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "monthly")]
pub enum Frequency {
    Weekly,
    Biweekly,
    /// Same day each month; a day the month lacks falls on its last day (Jan 31 → Feb 28/29 → Mar 31).
    Monthly,
}

/// One installment of a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub due_on: NaiveDate,
    pub amount: i64,
}

/// `count` installments summing exactly to `total`; the remainder cents go to the last one.
pub fn generate(
    total: i64,
    count: usize,
    frequency: Frequency,
    first_due_on: NaiveDate,
) -> Result<Vec<Due>, (&'static str, String)> {
    if !(1..=MAX_INSTALLMENTS).contains(&count) {
        return Err(("count", format!("must be from 1 to {MAX_INSTALLMENTS}")));
    }
    if total < count as i64 {
        return Err((
            "total",
            "must be at least one minor unit per installment".into(),
        ));
    }
    let base = total / count as i64;
    let remainder = total - base * count as i64;
    (0..count)
        .map(|k| {
            let due_on = match frequency {
                Frequency::Weekly => first_due_on.checked_add_days(Days::new(7 * k as u64)),
                Frequency::Biweekly => first_due_on.checked_add_days(Days::new(14 * k as u64)),
                // From the first date each time, so Jan 31 gives Mar 31, not Mar 28.
                Frequency::Monthly => first_due_on.checked_add_months(Months::new(k as u32)),
            };
            let amount = if k + 1 == count {
                base + remainder
            } else {
                base
            };
            due_on
                .map(|due_on| Due { due_on, amount })
                .ok_or(("first_due_on", "is too far in the future".to_owned()))
        })
        .collect()
}

/// Every problem with a schedule: 1 to 60 installments, amounts above
/// zero, due dates strictly ascending and not before `today`, total no more than `balance`.
pub fn check(dues: &[Due], today: NaiveDate, balance: i64) -> Vec<Problem> {
    let mut errors = Vec::new();
    if dues.is_empty() || dues.len() > MAX_INSTALLMENTS {
        errors.push(Problem::new(
            "installments",
            format!("must hold 1 to {MAX_INSTALLMENTS} installments"),
        ));
    }
    for (i, d) in dues.iter().enumerate() {
        if d.amount <= 0 {
            errors.push(Problem::new(
                format!("installments[{i}].amount"),
                "must be greater than 0",
            ));
        }
        if d.due_on < today {
            errors.push(Problem::new(
                format!("installments[{i}].due_on"),
                "must not be in the past",
            ));
        }
        if i > 0 && d.due_on <= dues[i - 1].due_on {
            errors.push(Problem::new(
                format!("installments[{i}].due_on"),
                "must be after the previous installment's",
            ));
        }
    }
    let total = dues
        .iter()
        .map(|d| d.amount.max(0))
        .fold(0i64, i64::saturating_add);
    if total > balance {
        errors.push(Problem::new(
            "installments",
            format!("total {total} exceeds the balance {balance}"),
        ));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn monthly_handles_month_ends_and_leap_years() {
        let dates: Vec<String> = generate(400, 4, Frequency::Monthly, d("2028-01-31"))
            .unwrap()
            .iter()
            .map(|x| x.due_on.to_string())
            .collect();
        assert_eq!(
            dates,
            ["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"]
        );
        let dates: Vec<String> = generate(200, 2, Frequency::Monthly, d("2027-01-31"))
            .unwrap()
            .iter()
            .map(|x| x.due_on.to_string())
            .collect();
        assert_eq!(dates, ["2027-01-31", "2027-02-28"]);
    }

    #[test]
    fn weekly_and_biweekly() {
        let w = generate(300, 3, Frequency::Weekly, d("2026-12-28")).unwrap();
        assert_eq!(w[2].due_on, d("2027-01-11"));
        let b = generate(300, 3, Frequency::Biweekly, d("2026-12-28")).unwrap();
        assert_eq!(b[2].due_on, d("2027-01-25"));
    }

    #[test]
    fn remainder_cents_go_to_the_last_installment() {
        let s = generate(10_000, 3, Frequency::Weekly, d("2027-01-01")).unwrap();
        assert_eq!(
            s.iter().map(|x| x.amount).collect::<Vec<_>>(),
            vec![3333, 3333, 3334]
        );
        assert_eq!(s.iter().map(|x| x.amount).sum::<i64>(), 10_000);
        assert!(generate(2, 3, Frequency::Weekly, d("2027-01-01")).is_err());
        assert!(generate(100, 0, Frequency::Weekly, d("2027-01-01")).is_err());
        assert!(generate(100, 61, Frequency::Weekly, d("2027-01-01")).is_err());
    }

    #[test]
    fn checks() {
        let today = d("2026-11-22");
        let ok = [
            Due {
                due_on: today,
                amount: 50,
            },
            Due {
                due_on: d("2026-12-22"),
                amount: 50,
            },
        ];
        assert!(check(&ok, today, 100).is_empty());
        assert_eq!(check(&ok, today, 99)[0].field, "installments");
        let bad = [
            Due {
                due_on: d("2026-11-21"),
                amount: 0,
            },
            Due {
                due_on: d("2026-11-21"),
                amount: 5,
            },
        ];
        let fields: Vec<String> = check(&bad, today, 100)
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "installments[0].amount",
                "installments[0].due_on",
                "installments[1].due_on",
                "installments[1].due_on"
            ]
        );
        assert!(!check(&[], today, 100).is_empty());
    }
}
