//! Account status machine and aging.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where an account stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "open")]
pub enum AccountStatus {
    Open,
    InArrangement,
    Disputed,
    Legal,
    Settled,
    Paid,
    WrittenOff,
    Closed,
}

impl AccountStatus {
    pub const ALL: [AccountStatus; 8] = [
        Self::Open,
        Self::InArrangement,
        Self::Disputed,
        Self::Legal,
        Self::Settled,
        Self::Paid,
        Self::WrittenOff,
        Self::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::InArrangement => "in_arrangement",
            Self::Disputed => "disputed",
            Self::Legal => "legal",
            Self::Settled => "settled",
            Self::Paid => "paid",
            Self::WrittenOff => "written_off",
            Self::Closed => "closed",
        }
    }

    /// The documented transitions; anything else is refused.
    pub fn can_become(self, to: AccountStatus) -> bool {
        use AccountStatus::*;
        match self {
            Open => matches!(
                to,
                InArrangement | Disputed | Legal | Settled | Paid | WrittenOff | Closed
            ),
            // A broken or cancelled arrangement returns the account to open.
            InArrangement => matches!(
                to,
                Open | Disputed | Legal | Settled | Paid | WrittenOff | Closed
            ),
            // A resolved dispute returns to collection, or closes the account when upheld.
            Disputed => matches!(to, Open | InArrangement | Closed),
            Legal => matches!(to, Open | Settled | Paid | WrittenOff | Closed),
            // A reversed payment reopens a paid account.
            Paid => matches!(to, Closed | Open | InArrangement),
            Settled | WrittenOff => to == Closed,
            Closed => false,
        }
    }
}

/// Whole days since the account became delinquent (0 when that is today or later).
pub fn days_past_due(delinquent_since: NaiveDate, today: NaiveDate) -> i64 {
    (today - delinquent_since).num_days().max(0)
}

/// Aging buckets of the contract.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = "31-60")]
pub enum AgingBucket {
    #[default]
    #[serde(rename = "current")]
    Current,
    #[serde(rename = "1-30")]
    Days1To30,
    #[serde(rename = "31-60")]
    Days31To60,
    #[serde(rename = "61-90")]
    Days61To90,
    #[serde(rename = "91-120")]
    Days91To120,
    #[serde(rename = "121-180")]
    Days121To180,
    #[serde(rename = "181+")]
    Days181Plus,
}

impl AgingBucket {
    /// Every bucket, youngest first.
    pub const ALL: [AgingBucket; 7] = [
        Self::Current,
        Self::Days1To30,
        Self::Days31To60,
        Self::Days61To90,
        Self::Days91To120,
        Self::Days121To180,
        Self::Days181Plus,
    ];

    /// Its place in [`Self::ALL`]: a later bucket has a higher index.
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|b| *b == self).unwrap_or(0)
    }

    /// The contract's name (`31-60`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Current => "current",
            Self::Days1To30 => "1-30",
            Self::Days31To60 => "31-60",
            Self::Days61To90 => "61-90",
            Self::Days91To120 => "91-120",
            Self::Days121To180 => "121-180",
            Self::Days181Plus => "181+",
        }
    }
}

pub fn aging_bucket(days_past_due: i64) -> AgingBucket {
    match days_past_due {
        i64::MIN..=0 => AgingBucket::Current,
        1..=30 => AgingBucket::Days1To30,
        31..=60 => AgingBucket::Days31To60,
        61..=90 => AgingBucket::Days61To90,
        91..=120 => AgingBucket::Days91To120,
        121..=180 => AgingBucket::Days121To180,
        _ => AgingBucket::Days181Plus,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_boundaries() {
        let cases = [
            (0, "current"),
            (1, "1-30"),
            (30, "1-30"),
            (31, "31-60"),
            (60, "31-60"),
            (61, "61-90"),
            (90, "61-90"),
            (91, "91-120"),
            (120, "91-120"),
            (121, "121-180"),
            (180, "121-180"),
            (181, "181+"),
            (5000, "181+"),
        ];
        for (days, bucket) in cases {
            assert_eq!(
                serde_json::to_value(aging_bucket(days)).unwrap(),
                bucket,
                "{days}"
            );
        }
    }

    #[test]
    fn days_past_due_never_negative() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(days_past_due(d("2026-01-01"), d("2026-03-01")), 59);
        assert_eq!(days_past_due(d("2026-03-02"), d("2026-03-01")), 0);
    }

    #[test]
    fn transitions() {
        use AccountStatus::*;
        assert!(Open.can_become(InArrangement));
        assert!(InArrangement.can_become(Open));
        assert!(Paid.can_become(Open));
        assert!(!Paid.can_become(Disputed));
        assert!(!WrittenOff.can_become(Open));
        assert!(!Closed.can_become(Open));
        assert!(Disputed.can_become(Open));
        assert!(!Disputed.can_become(Paid));
        for s in AccountStatus::ALL {
            assert_eq!(
                serde_json::from_value::<AccountStatus>(serde_json::Value::from(s.as_str())).ok(),
                Some(s)
            );
            assert!(!s.can_become(s), "{s:?} to itself is not a transition");
        }
    }
}
