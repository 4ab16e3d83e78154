//! Allocating a payment to a plan's installments, oldest first.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where an installment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "pending")]
pub enum InstallmentStatus {
    Pending,
    PartiallyPaid,
    Paid,
    /// Unpaid past its grace period: the arrangement broke.
    Missed,
}

impl InstallmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::PartiallyPaid => "partially_paid",
            Self::Paid => "paid",
            Self::Missed => "missed",
        }
    }

    /// The status that `paid` of `amount` gives an installment that has not been missed.
    pub fn from_paid(amount: i64, paid: i64) -> Self {
        if paid >= amount {
            Self::Paid
        } else if paid > 0 {
            Self::PartiallyPaid
        } else {
            Self::Pending
        }
    }
}

/// An installment still open to payment: id, amount, already paid (oldest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Open {
    pub id: i64,
    pub amount: i64,
    pub paid: i64,
}

/// What a payment paid of one installment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub installment_id: i64,
    pub amount: i64,
}

/// How a payment splits over an arrangement's installments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    /// Oldest installment first, only those touched.
    pub parts: Vec<Part>,
    /// What is left over once every installment is paid.
    pub left: i64,
}

/// Splits `payment` over `open` installments, oldest first.
pub fn allocate(open: &[Open], payment: i64) -> Allocation {
    let mut left = payment;
    let mut out = Vec::new();
    for i in open {
        if left <= 0 {
            break;
        }
        let owed = (i.amount - i.paid).max(0);
        let take = owed.min(left);
        if take > 0 {
            out.push(Part {
                installment_id: i.id,
                amount: take,
            });
            left -= take;
        }
    }
    Allocation { parts: out, left }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oldest_first_with_partial_payments() {
        let open = [
            Open {
                id: 1,
                amount: 100,
                paid: 40,
            },
            Open {
                id: 2,
                amount: 100,
                paid: 0,
            },
            Open {
                id: 3,
                amount: 100,
                paid: 0,
            },
        ];
        let split = |payment| {
            let a = allocate(&open, payment);
            let parts: Vec<(i64, i64)> = a
                .parts
                .iter()
                .map(|p| (p.installment_id, p.amount))
                .collect();
            (parts, a.left)
        };
        assert_eq!(split(50), (vec![(1, 50)], 0));
        assert_eq!(split(130), (vec![(1, 60), (2, 70)], 0));
        assert_eq!(split(500), (vec![(1, 60), (2, 100), (3, 100)], 240));
        assert_eq!(allocate(&[], 10).left, 10);
    }

    #[test]
    fn statuses_follow_the_paid_amount() {
        assert_eq!(
            InstallmentStatus::from_paid(100, 0),
            InstallmentStatus::Pending
        );
        assert_eq!(
            InstallmentStatus::from_paid(100, 1),
            InstallmentStatus::PartiallyPaid
        );
        assert_eq!(
            InstallmentStatus::from_paid(100, 100),
            InstallmentStatus::Paid
        );
    }
}
