//! Collection strategies: ordered segments whose criteria take an account, treatments as steps on
//! day offsets from the day the account entered its segment, and a challenger that takes a stable
//! share of the accounts. Facts in, verdict out.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Problem;
use super::money::MAX_AMOUNT;
use super::status::text_enum;

/// The longest portfolio or region a segment's criteria may name, in characters.
pub const LABEL_MAX_CHARS: usize = 100;

text_enum! {
    /// What a treatment step does.
    #[schema(example = "call")]
    StepAction {
        /// The account enters its assignee's queue with reason `strategy_call`.
        Call => "call",
        Sms => "sms",
        Email => "email",
        Letter => "letter",
        /// A task for the team lead.
        Review => "review",
        /// A standing settlement offer for 30 days, up to `discount_percent`.
        SettlementOffer => "settlement_offer",
        /// An escalation to the team lead.
        Escalate => "escalate",
    }
}

text_enum! {
    /// The arm an account is in.
    #[schema(example = "champion")]
    Arm {
        Champion => "champion",
        Challenger => "challenger",
    }
}

/// Which accounts a segment takes: every given bound must hold (an absent one always does).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"min_days_past_due": 31, "max_days_past_due": 90, "min_balance": 10000, "portfolios": ["cards"]}))]
pub struct Criteria {
    #[schema(minimum = 0, maximum = 10_000_000_000_000_i64)]
    pub min_days_past_due: Option<i64>,
    #[schema(minimum = 0, maximum = 10_000_000_000_000_i64)]
    pub max_days_past_due: Option<i64>,
    /// Minor units.
    #[schema(minimum = 0, maximum = 10_000_000_000_000_i64)]
    pub min_balance: Option<i64>,
    #[schema(minimum = 0, maximum = 10_000_000_000_000_i64)]
    pub max_balance: Option<i64>,
    /// The account's portfolio is one of these (free-form).
    pub portfolios: Option<Vec<String>>,
    /// The debtor's region is one of these (free-form).
    pub regions: Option<Vec<String>>,
    /// Arrangements of the account that broke, at least this many.
    #[schema(minimum = 0)]
    pub broken_arrangements_min: Option<i64>,
}

/// One step of a treatment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"day": 3, "action": "sms", "template": "reminder-1"}))]
pub struct Step {
    /// Days after the account entered the segment (0: the day it entered).
    #[schema(minimum = 0, maximum = 3650)]
    pub day: i64,
    pub action: StepAction,
    /// The message template (`sms`, `email`, `letter`).
    #[schema(min_length = 1, max_length = 100)]
    pub template: Option<String>,
    /// The largest discount a `settlement_offer` pre-approves, 1 to 100.
    #[schema(minimum = 1, maximum = 100)]
    pub discount_percent: Option<i64>,
}

/// A segment: criteria and what happens to the accounts it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "early", "criteria": {"max_days_past_due": 30}, "treatment": [{"day": 0, "action": "call"}, {"day": 3, "action": "sms", "template": "reminder-1"}]}))]
pub struct Segment {
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    pub criteria: Criteria,
    pub treatment: Vec<Step>,
}

/// The challenger: its share of the accounts and its own segments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"share_percent": 20, "segments": [{"name": "early", "criteria": {"max_days_past_due": 30}, "treatment": [{"day": 0, "action": "sms", "template": "reminder-1"}]}]}))]
pub struct Challenger {
    /// 1 to 50.
    #[schema(minimum = 1, maximum = 50)]
    pub share_percent: i64,
    pub segments: Vec<Segment>,
}

/// What an account is judged on.
#[derive(Debug, Clone, Default)]
pub struct AccountFacts {
    pub days_past_due: i64,
    pub balance: i64,
    pub portfolio: Option<String>,
    pub region: Option<String>,
    pub broken_arrangements: i64,
}

impl Criteria {
    /// Do all the given bounds hold?
    pub fn take(&self, a: &AccountFacts) -> bool {
        let at_least = |bound: Option<i64>, v: i64| bound.is_none_or(|b| v >= b);
        let at_most = |bound: Option<i64>, v: i64| bound.is_none_or(|b| v <= b);
        let one_of = |list: &Option<Vec<String>>, v: &Option<String>| {
            list.as_ref()
                .is_none_or(|l| v.as_ref().is_some_and(|v| l.iter().any(|x| x == v)))
        };
        at_least(self.min_days_past_due, a.days_past_due)
            && at_most(self.max_days_past_due, a.days_past_due)
            && at_least(self.min_balance, a.balance)
            && at_most(self.max_balance, a.balance)
            && one_of(&self.portfolios, &a.portfolio)
            && one_of(&self.regions, &a.region)
            && at_least(self.broken_arrangements_min, a.broken_arrangements)
    }

    fn problems(&self, at: &str) -> Vec<Problem> {
        let mut out = Vec::new();
        let pairs = [
            (
                "days_past_due",
                self.min_days_past_due,
                self.max_days_past_due,
            ),
            ("balance", self.min_balance, self.max_balance),
        ];
        for (name, min, max) in pairs {
            for (bound, v) in [("min", min), ("max", max)] {
                if v.is_some_and(|v| !(0..=MAX_AMOUNT).contains(&v)) {
                    out.push(Problem::new(
                        format!("{at}.{bound}_{name}"),
                        format!("must be 0 to {MAX_AMOUNT}"),
                    ));
                }
            }
            if let (Some(lo), Some(hi)) = (min, max)
                && lo > hi
            {
                out.push(Problem::new(
                    format!("{at}.min_{name}"),
                    format!("must not be more than max_{name}"),
                ));
            }
        }
        if self.broken_arrangements_min.is_some_and(|v| v < 0) {
            out.push(Problem::new(
                format!("{at}.broken_arrangements_min"),
                "must not be negative",
            ));
        }
        for (name, list) in [("portfolios", &self.portfolios), ("regions", &self.regions)] {
            if list.as_ref().is_some_and(|l| {
                l.is_empty()
                    || l.iter()
                        .any(|v| v.trim().is_empty() || v.chars().count() > LABEL_MAX_CHARS)
            }) {
                out.push(Problem::new(
                    format!("{at}.{name}"),
                    "must list 1 or more values of 1 to 100 characters",
                ));
            }
        }
        out
    }
}

/// The first segment whose criteria take the account (`None`: no treatment).
pub fn segment_of(segments: &[Segment], a: &AccountFacts) -> Option<usize> {
    segments.iter().position(|s| s.criteria.take(a))
}

/// The arm of an account: challenger when `hash(account, strategy) mod 100 < share_percent`.
/// The hash is 64-bit FNV-1a over the account id then the strategy id, each as 8 little-endian
/// bytes: the same on every instance, platform and release.
pub fn arm_of(account_id: i64, strategy_id: i64, share_percent: Option<i64>) -> Arm {
    let Some(share) = share_percent else {
        return Arm::Champion;
    };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in account_id
        .to_le_bytes()
        .into_iter()
        .chain(strategy_id.to_le_bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    if (hash % 100) < share.clamp(0, 100) as u64 {
        Arm::Challenger
    } else {
        Arm::Champion
    }
}

/// The steps (by index) due on `today` for an account that entered its segment on `entered_on`,
/// less those already taken in this entry.
pub fn due_steps(
    treatment: &[Step],
    entered_on: NaiveDate,
    today: NaiveDate,
    taken: &[usize],
) -> Vec<usize> {
    treatment
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            let due = u64::try_from(s.day).ok().map(|d| entered_on + Days::new(d));
            due.is_some_and(|d| d <= today) && !taken.contains(i)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Whether settling a `balance` for `amount` forgives at most `discount_percent` % of it
/// (exactly: `(balance - amount) × 100 ≤ discount_percent × balance`, no rounding).
pub fn within_discount(balance: i64, amount: i64, discount_percent: i64) -> bool {
    let forgiven = i128::from(balance) - i128::from(amount);
    balance > 0 && forgiven * 100 <= i128::from(discount_percent) * i128::from(balance)
}

/// Every problem of a strategy's definition, with JSON paths.
pub fn problems(name: &str, segments: &[Segment], challenger: Option<&Challenger>) -> Vec<Problem> {
    let mut out = Vec::new();
    if name.trim().is_empty() || name.chars().count() > 200 {
        out.push(Problem::new("name", "must be 1 to 200 characters"));
    }
    out.extend(segment_problems("segments", segments));
    if let Some(c) = challenger {
        if !(1..=50).contains(&c.share_percent) {
            out.push(Problem::new("challenger.share_percent", "must be 1 to 50"));
        }
        out.extend(segment_problems("challenger.segments", &c.segments));
    }
    out
}

fn segment_problems(at: &str, segments: &[Segment]) -> Vec<Problem> {
    let mut out = Vec::new();
    if segments.is_empty() || segments.len() > 50 {
        out.push(Problem::new(at, "must hold 1 to 50 segments"));
    }
    for (i, s) in segments.iter().enumerate() {
        let here = format!("{at}[{i}]");
        if s.name.trim().is_empty() || s.name.chars().count() > 100 {
            out.push(Problem::new(
                format!("{here}.name"),
                "must be 1 to 100 characters",
            ));
        } else if segments[..i].iter().any(|o| o.name == s.name) {
            out.push(Problem::new(
                format!("{here}.name"),
                "must differ from the other segments'",
            ));
        }
        out.extend(s.criteria.problems(&format!("{here}.criteria")));
        if s.treatment.len() > 50 {
            out.push(Problem::new(
                format!("{here}.treatment"),
                "must hold at most 50 steps",
            ));
        }
        for (k, step) in s.treatment.iter().enumerate() {
            out.extend(step_problems(&format!("{here}.treatment[{k}]"), step));
        }
    }
    out
}

fn step_problems(at: &str, s: &Step) -> Vec<Problem> {
    let mut out = Vec::new();
    if !(0..=3650).contains(&s.day) {
        out.push(Problem::new(format!("{at}.day"), "must be 0 to 3650"));
    }
    let message = matches!(
        s.action,
        StepAction::Sms | StepAction::Email | StepAction::Letter
    );
    match (&s.template, message) {
        (None, true) => out.push(Problem::new(
            format!("{at}.template"),
            "is required for a message",
        )),
        (Some(_), false) => out.push(Problem::new(
            format!("{at}.template"),
            "only for sms, email and letter",
        )),
        (Some(t), true) if t.trim().is_empty() || t.chars().count() > 100 => {
            out.push(Problem::new(
                format!("{at}.template"),
                "must be 1 to 100 characters",
            ));
        }
        _ => {}
    }
    match (s.discount_percent, s.action == StepAction::SettlementOffer) {
        (None, true) => out.push(Problem::new(
            format!("{at}.discount_percent"),
            "is required for a settlement offer",
        )),
        (Some(d), true) if !(1..=100).contains(&d) => {
            out.push(Problem::new(
                format!("{at}.discount_percent"),
                "must be 1 to 100",
            ));
        }
        (Some(_), false) => out.push(Problem::new(
            format!("{at}.discount_percent"),
            "only for settlement_offer",
        )),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_discount_is_within_an_offer_up_to_its_percent_exactly() {
        assert!(within_discount(100_000, 80_000, 20));
        assert!(!within_discount(100_000, 79_999, 20));
        assert!(within_discount(3, 2, 34));
        assert!(!within_discount(3, 2, 33));
        assert!(!within_discount(0, 0, 100));
        assert!(within_discount(i64::MAX, 1, 100));
    }

    fn segment(name: &str, criteria: Criteria) -> Segment {
        Segment {
            name: name.into(),
            criteria,
            treatment: vec![Step {
                day: 0,
                action: StepAction::Call,
                template: None,
                discount_percent: None,
            }],
        }
    }

    fn facts(dpd: i64, balance: i64) -> AccountFacts {
        AccountFacts {
            days_past_due: dpd,
            balance,
            portfolio: Some("cards".into()),
            region: Some("TX".into()),
            broken_arrangements: 1,
        }
    }

    #[test]
    fn the_first_segment_that_takes_the_account() {
        let segments = [
            segment(
                "late-large",
                Criteria {
                    min_days_past_due: Some(91),
                    min_balance: Some(100_000),
                    ..Criteria::default()
                },
            ),
            segment(
                "texas",
                Criteria {
                    regions: Some(vec!["TX".into()]),
                    max_days_past_due: Some(30),
                    ..Criteria::default()
                },
            ),
            segment(
                "broken",
                Criteria {
                    broken_arrangements_min: Some(1),
                    portfolios: Some(vec!["cards".into()]),
                    ..Criteria::default()
                },
            ),
        ];
        assert_eq!(segment_of(&segments, &facts(120, 100_000)), Some(0)); // bounds inclusive
        assert_eq!(segment_of(&segments, &facts(120, 99_999)), Some(2));
        assert_eq!(segment_of(&segments, &facts(30, 5)), Some(1));
        let mut elsewhere = facts(31, 5);
        elsewhere.portfolio = None;
        assert_eq!(
            segment_of(&segments, &elsewhere),
            None,
            "no portfolio is in no list"
        );
        assert!(Criteria::default().take(&AccountFacts::default()));
    }

    #[test]
    fn labels_are_counted_in_characters() {
        let labels = |v: &str| Criteria {
            portfolios: Some(vec![v.to_owned()]),
            ..Criteria::default()
        };
        let at_limit = "é".repeat(LABEL_MAX_CHARS);
        assert!(labels(&at_limit).problems("c").is_empty());
        assert_eq!(labels(&format!("{at_limit}é")).problems("c").len(), 1);
        assert_eq!(labels("  ").problems("c").len(), 1);
    }

    #[test]
    fn arms_are_stable_and_split_by_share() {
        assert_eq!(arm_of(42, 7, None), Arm::Champion);
        // The documented hash, fixed: the same answer on every machine and release.
        let first = arm_of(42, 7, Some(20));
        for _ in 0..3 {
            assert_eq!(arm_of(42, 7, Some(20)), first);
        }
        for share in [1, 20, 50] {
            let challengers = (1..=10_000)
                .filter(|id| arm_of(*id, 3, Some(share)) == Arm::Challenger)
                .count();
            let expected = 100 * share as usize;
            assert!(
                challengers.abs_diff(expected) <= expected / 5 + 30,
                "share {share}: {challengers}"
            );
        }
        // Another strategy shuffles the accounts again.
        let same = (1..=1_000)
            .filter(|id| arm_of(*id, 3, Some(50)) == arm_of(*id, 4, Some(50)))
            .count();
        assert!((400..=600).contains(&same), "{same}");
    }

    #[test]
    fn steps_fall_due_once() {
        let treatment = vec![
            Step {
                day: 0,
                action: StepAction::Call,
                template: None,
                discount_percent: None,
            },
            Step {
                day: 3,
                action: StepAction::Sms,
                template: Some("r1".into()),
                discount_percent: None,
            },
            Step {
                day: 10,
                action: StepAction::Review,
                template: None,
                discount_percent: None,
            },
        ];
        let entered: NaiveDate = "2026-11-01".parse().unwrap();
        let on = |d: &str| d.parse::<NaiveDate>().unwrap();
        assert_eq!(due_steps(&treatment, entered, on("2026-11-01"), &[]), [0]);
        assert_eq!(due_steps(&treatment, entered, on("2026-11-04"), &[0]), [1]);
        assert_eq!(
            due_steps(&treatment, entered, on("2026-11-20"), &[]),
            [0, 1, 2],
            "a missed day catches up"
        );
        assert!(due_steps(&treatment, entered, on("2026-11-20"), &[0, 1, 2]).is_empty());
    }

    #[test]
    fn definitions_are_validated_with_paths() {
        let mut bad = segment(
            "a",
            Criteria {
                min_balance: Some(10),
                max_balance: Some(5),
                ..Criteria::default()
            },
        );
        bad.treatment.push(Step {
            day: -1,
            action: StepAction::Sms,
            template: None,
            discount_percent: Some(5),
        });
        let twin = segment("a", Criteria::default());
        let challenger = Challenger {
            share_percent: 60,
            segments: vec![],
        };
        let fields: Vec<String> = problems(" ", &[bad, twin], Some(&challenger))
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            [
                "name",
                "segments[0].criteria.min_balance",
                "segments[0].treatment[1].day",
                "segments[0].treatment[1].template",
                "segments[0].treatment[1].discount_percent",
                "segments[1].name",
                "challenger.share_percent",
                "challenger.segments",
            ]
        );
        let offer = Step {
            day: 0,
            action: StepAction::SettlementOffer,
            template: None,
            discount_percent: Some(20),
        };
        let ok = Segment {
            name: "s".into(),
            criteria: Criteria::default(),
            treatment: vec![offer],
        };
        assert!(problems("fine", &[ok], None).is_empty());
    }
}
