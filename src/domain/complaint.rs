//! Complaints: where they come from, what they are about, when a response is due, which ones
//! pause collection, and how one is closed. Facts in, verdict out.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Problem;
use super::status::text_enum;

text_enum! {
    /// Who brought the complaint.
    #[schema(example = "cfpb")]
    ComplaintSource {
        Direct => "direct",
        Cfpb => "cfpb",
        StateRegulator => "state_regulator",
        Client => "client",
        Other => "other",
    }
}

text_enum! {
    /// What the complaint is about. `debt_not_owed`, `wrong_amount` and `validation_notice`
    /// pause outbound collection while the complaint is open.
    #[schema(example = "wrong_amount")]
    ComplaintCategory {
        DebtNotOwed => "debt_not_owed",
        WrongAmount => "wrong_amount",
        CommunicationTactics => "communication_tactics",
        FalseStatements => "false_statements",
        ThreatenedAction => "threatened_action",
        ValidationNotice => "validation_notice",
        Privacy => "privacy",
        PaymentHandling => "payment_handling",
        AgentConduct => "agent_conduct",
        Other => "other",
    }
}

text_enum! {
    /// `open` → `in_progress` (responded) → `closed`; reopening makes it `open` again. "Open" in
    /// pauses, `overdue` and reports means `open` or `in_progress`.
    #[schema(example = "open")]
    ComplaintStatus {
        Open => "open",
        InProgress => "in_progress",
        Closed => "closed",
    }
}

text_enum! {
    /// Why it happened, found when it is closed.
    #[schema(example = "agent_error")]
    RootCause {
        AgentError => "agent_error",
        ProcessGap => "process_gap",
        SystemError => "system_error",
        Policy => "policy",
        ClientError => "client_error",
        NoFault => "no_fault",
    }
}

text_enum! {
    /// What the debtor got.
    #[schema(example = "monetary")]
    Remedy {
        None => "none",
        NonMonetary => "non_monetary",
        /// Money off the balance: a `goodwill` adjustment of `monetary_relief`.
        Monetary => "monetary",
    }
}

impl ComplaintCategory {
    /// Does an open complaint of this kind pause outbound collection?
    pub fn pauses(self) -> bool {
        matches!(
            self,
            Self::DebtNotOwed | Self::WrongAmount | Self::ValidationNotice
        )
    }
}

impl ComplaintStatus {
    /// Open or in progress.
    pub fn is_open(self) -> bool {
        self != Self::Closed
    }
}

/// Days to respond, per source (`GET|PUT /v1/complaint-policy`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"direct": 30, "cfpb": 15, "state_regulator": 30, "client": 30, "other": 30}))]
pub struct ComplaintPolicy {
    #[schema(minimum = 1, maximum = 365)]
    pub direct: i64,
    #[schema(minimum = 1, maximum = 365)]
    pub cfpb: i64,
    #[schema(minimum = 1, maximum = 365)]
    pub state_regulator: i64,
    #[schema(minimum = 1, maximum = 365)]
    pub client: i64,
    #[schema(minimum = 1, maximum = 365)]
    pub other: i64,
}

impl Default for ComplaintPolicy {
    /// 15 calendar days for the CFPB, 30 for every other source.
    fn default() -> Self {
        Self {
            direct: 30,
            cfpb: 15,
            state_regulator: 30,
            client: 30,
            other: 30,
        }
    }
}

/// The longest deadline a policy may set.
pub const MAX_DAYS: i64 = 365;

impl ComplaintPolicy {
    pub fn days(&self, source: ComplaintSource) -> i64 {
        match source {
            ComplaintSource::Direct => self.direct,
            ComplaintSource::Cfpb => self.cfpb,
            ComplaintSource::StateRegulator => self.state_regulator,
            ComplaintSource::Client => self.client,
            ComplaintSource::Other => self.other,
        }
    }

    /// `received_at` plus the source's days × 24 h exactly.
    pub fn due_at(&self, source: ComplaintSource, received_at: DateTime<Utc>) -> DateTime<Utc> {
        received_at + Duration::hours(24 * self.days(source))
    }

    /// Every day count from 1 to [`MAX_DAYS`].
    pub fn problems(&self) -> Vec<Problem> {
        ComplaintSource::ALL
            .iter()
            .filter(|s| !(1..=MAX_DAYS).contains(&self.days(**s)))
            .map(|s| Problem::new(s.as_str(), format!("must be 1 to {MAX_DAYS} days")))
            .collect()
    }
}

/// Open past its due time.
pub fn is_overdue(status: ComplaintStatus, due_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    status.is_open() && now > due_at
}

/// How a complaint is closed.
#[derive(Debug, Clone, Copy)]
pub struct Closing {
    pub remedy: Remedy,
    pub monetary_relief: Option<i64>,
}

/// `monetary_relief` (> 0) exactly when the remedy is monetary.
pub fn closing_problems(c: Closing) -> Vec<Problem> {
    match (c.remedy, c.monetary_relief) {
        (Remedy::Monetary, None) => vec![Problem::new(
            "monetary_relief",
            "is required when the remedy is monetary",
        )],
        (Remedy::Monetary, Some(v)) if v <= 0 => {
            vec![Problem::new("monetary_relief", "must be greater than 0")]
        }
        (Remedy::None | Remedy::NonMonetary, Some(_)) => vec![Problem::new(
            "monetary_relief",
            "only with the remedy monetary",
        )],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_per_source_are_exact_days() {
        let p = ComplaintPolicy::default();
        let at = DateTime::parse_from_rfc3339("2026-03-07T10:15:00Z")
            .unwrap()
            .to_utc();
        // Across the US DST change on 2026-03-08: still 24 h per day, in UTC.
        assert_eq!(
            p.due_at(ComplaintSource::Cfpb, at).to_rfc3339(),
            "2026-03-22T10:15:00+00:00"
        );
        assert_eq!(
            p.due_at(ComplaintSource::Direct, at).to_rfc3339(),
            "2026-04-06T10:15:00+00:00"
        );
        let due = p.due_at(ComplaintSource::Cfpb, at);
        assert!(!is_overdue(ComplaintStatus::Open, due, due));
        assert!(is_overdue(
            ComplaintStatus::InProgress,
            due,
            due + Duration::seconds(1)
        ));
        assert!(!is_overdue(
            ComplaintStatus::Closed,
            due,
            due + Duration::days(9)
        ));
    }

    #[test]
    fn which_categories_pause() {
        let pausing: Vec<_> = ComplaintCategory::ALL
            .iter()
            .filter(|c| c.pauses())
            .map(|c| c.as_str())
            .collect();
        assert_eq!(
            pausing,
            ["debt_not_owed", "wrong_amount", "validation_notice"]
        );
    }

    #[test]
    fn policy_and_closing_rules() {
        let mut p = ComplaintPolicy::default();
        assert!(p.problems().is_empty());
        p.cfpb = 0;
        p.other = 366;
        let fields: Vec<String> = p.problems().into_iter().map(|x| x.field).collect();
        assert_eq!(fields, ["cfpb", "other"]);
        let close = |remedy, monetary_relief| {
            closing_problems(Closing {
                remedy,
                monetary_relief,
            })
        };
        assert!(close(Remedy::Monetary, Some(500)).is_empty());
        assert!(close(Remedy::None, None).is_empty());
        assert_eq!(close(Remedy::Monetary, None).len(), 1);
        assert_eq!(close(Remedy::Monetary, Some(0)).len(), 1);
        assert_eq!(close(Remedy::NonMonetary, Some(5)).len(), 1);
    }
}
