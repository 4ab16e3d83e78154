//! Reconciling a remittance file against recorded payments: each row is matched to at most one
//! payment of its account — by reference first, else by amount and a received date within
//! [`DATE_TOLERANCE_DAYS`] — and what is left over on either side is an exception. Facts in,
//! findings out; one pass with hash lookups.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::status::text_enum;

/// How far apart a row's and a payment's received dates may be for an amount match.
pub const DATE_TOLERANCE_DAYS: i64 = 3;

text_enum! {
    /// What does not reconcile.
    #[schema(example = "unmatched_row")]
    ExceptionKind {
        /// In the file, not recorded.
        UnmatchedRow => "unmatched_row",
        /// Recorded between `from` and `to` with one of the file's methods, not in the file.
        UnmatchedPayment => "unmatched_payment",
        /// The same reference with another amount.
        AmountMismatch => "amount_mismatch",
    }
}

/// One row of the file, with its account when the reference is known.
#[derive(Debug, Clone)]
pub struct RemittanceRow {
    pub account_id: Option<i64>,
    pub amount: i64,
    pub received_on: NaiveDate,
    pub reference: Option<String>,
}

/// One recorded (not reversed) payment of an account in the file or of the file's window.
#[derive(Debug, Clone)]
pub struct RecordedPayment {
    pub id: i64,
    pub account_id: i64,
    pub amount: i64,
    pub received_on: NaiveDate,
    pub reference: Option<String>,
    /// Received between `from` and `to` with one of the file's methods: the file should hold it.
    pub expected: bool,
}

/// What became of a row or a payment (rows and payments by their index in the inputs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    Matched { row: usize, payment: usize },
    AmountMismatch { row: usize, payment: usize },
    UnmatchedRow { row: usize },
    UnmatchedPayment { payment: usize },
}

/// Matches `rows` to `payments`: every row gets one finding, and every expected payment that no
/// row took gets one.
pub fn reconcile(rows: &[RemittanceRow], payments: &[RecordedPayment]) -> Vec<Finding> {
    let mut taken = vec![false; payments.len()];
    let mut found: Vec<Option<Finding>> = vec![None; rows.len()];
    let by_reference: HashMap<(i64, &str), usize> = payments
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.reference.as_deref().map(|r| ((p.account_id, r), i)))
        .collect();
    for (row, r) in rows.iter().enumerate() {
        let (Some(account), Some(reference)) = (r.account_id, r.reference.as_deref()) else {
            continue;
        };
        if let Some(&payment) = by_reference.get(&(account, reference))
            && !taken[payment]
        {
            taken[payment] = true;
            found[row] = Some(if payments[payment].amount == r.amount {
                Finding::Matched { row, payment }
            } else {
                Finding::AmountMismatch { row, payment }
            });
        }
    }
    let mut by_account: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, p) in payments.iter().enumerate() {
        by_account.entry(p.account_id).or_default().push(i);
    }
    for (row, r) in rows.iter().enumerate() {
        if found[row].is_some() {
            continue;
        }
        let near = r
            .account_id
            .and_then(|a| by_account.get(&a))
            .and_then(|candidates| closest(r, candidates, payments, &taken));
        found[row] = Some(match near {
            Some(payment) => {
                taken[payment] = true;
                Finding::Matched { row, payment }
            }
            None => Finding::UnmatchedRow { row },
        });
    }
    let mut out: Vec<Finding> = found.into_iter().flatten().collect();
    out.extend(
        payments
            .iter()
            .enumerate()
            .filter(|(i, p)| p.expected && !taken[*i])
            .map(|(payment, _)| Finding::UnmatchedPayment { payment }),
    );
    out
}

/// The untaken payment of the same amount received nearest the row's date (within the
/// tolerance; the earlier-recorded on a tie).
fn closest(
    row: &RemittanceRow,
    candidates: &[usize],
    payments: &[RecordedPayment],
    taken: &[bool],
) -> Option<usize> {
    candidates
        .iter()
        .copied()
        .filter(|&i| !taken[i] && payments[i].amount == row.amount)
        .map(|i| {
            (
                (payments[i].received_on - row.received_on).num_days().abs(),
                i,
            )
        })
        .filter(|(days, _)| *days <= DATE_TOLERANCE_DAYS)
        .min_by_key(|(days, i)| (*days, payments[*i].id))
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn row(account: i64, amount: i64, d: u32, reference: Option<&str>) -> RemittanceRow {
        RemittanceRow {
            account_id: Some(account),
            amount,
            received_on: day(d),
            reference: reference.map(str::to_owned),
        }
    }

    fn paid(
        id: i64,
        account: i64,
        amount: i64,
        d: u32,
        reference: Option<&str>,
    ) -> RecordedPayment {
        RecordedPayment {
            id,
            account_id: account,
            amount,
            received_on: day(d),
            reference: reference.map(str::to_owned),
            expected: true,
        }
    }

    #[test]
    fn reference_first_then_amount_and_date() {
        let rows = [
            row(1, 500, 10, Some("R1")),
            row(1, 700, 10, Some("R2")),
            row(2, 300, 12, None),
            row(2, 300, 20, None),
        ];
        let payments = [
            paid(10, 1, 500, 1, Some("R1")), // matched by reference whatever the date
            paid(11, 1, 650, 10, Some("R2")), // same reference, other amount
            paid(12, 2, 300, 15, None),      // 3 days from row 2: matched
            paid(13, 2, 300, 9, None),       // taken by neither: 11 days from row 3
        ];
        let found = reconcile(&rows, &payments);
        assert_eq!(
            found,
            [
                Finding::Matched { row: 0, payment: 0 },
                Finding::AmountMismatch { row: 1, payment: 1 },
                Finding::Matched { row: 2, payment: 2 },
                Finding::UnmatchedRow { row: 3 },
                Finding::UnmatchedPayment { payment: 3 },
            ]
        );
    }

    #[test]
    fn each_payment_is_matched_once_and_only_expected_ones_are_missed() {
        let rows = [row(1, 100, 10, None), row(1, 100, 10, None)];
        let mut outside = paid(21, 1, 999, 1, None);
        outside.expected = false;
        let payments = [paid(20, 1, 100, 13, None), outside];
        let found = reconcile(&rows, &payments);
        assert_eq!(
            found,
            [
                Finding::Matched { row: 0, payment: 0 },
                Finding::UnmatchedRow { row: 1 },
            ]
        );
        // Four days apart is too far; an unknown account never matches.
        let far = [row(1, 100, 17, None)];
        assert_eq!(
            reconcile(&far, &payments[..1]),
            [
                Finding::UnmatchedRow { row: 0 },
                Finding::UnmatchedPayment { payment: 0 }
            ]
        );
        let unknown = [RemittanceRow {
            account_id: None,
            ..row(1, 100, 13, Some("R"))
        }];
        assert_eq!(
            reconcile(&unknown, &[])[0],
            Finding::UnmatchedRow { row: 0 }
        );
    }

    #[test]
    fn the_nearest_date_wins() {
        let rows = [row(1, 100, 10, None)];
        let payments = [paid(30, 1, 100, 13, None), paid(31, 1, 100, 9, None)];
        assert_eq!(
            reconcile(&rows, &payments)[0],
            Finding::Matched { row: 0, payment: 1 }
        );
    }
}
