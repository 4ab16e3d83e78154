//! Integration events: which state change is which event. Every change is recorded in the audit
//! log under an action (`payment.recorded`, `arrangement.approved`, …); `integration_event` says
//! which event of the public catalogue that action is, and what the event carries. The audit log
//! calls it for every entry it writes, so an event is written in the change's transaction by the
//! one function every workflow already calls, and a new audited change cannot forget its event
//! without this table (and its test) saying so.

use serde_json::Value;

use super::status::text_enum;

text_enum! {
    /// The type of an integration event. Clients must ignore types they do not know: new ones
    /// are added without a new API version.
    #[schema(example = "payment.recorded")]
    EventType {
        #[serde(rename = "account.placed")]
        AccountPlaced => "account.placed",
        #[serde(rename = "account.updated")]
        AccountUpdated => "account.updated",
        #[serde(rename = "account.status_changed")]
        AccountStatusChanged => "account.status_changed",
        #[serde(rename = "account.assigned")]
        AccountAssigned => "account.assigned",
        #[serde(rename = "contact.logged")]
        ContactLogged => "contact.logged",
        #[serde(rename = "contact.refused")]
        ContactRefused => "contact.refused",
        #[serde(rename = "arrangement.created")]
        ArrangementCreated => "arrangement.created",
        #[serde(rename = "arrangement.activated")]
        ArrangementActivated => "arrangement.activated",
        #[serde(rename = "arrangement.broken")]
        ArrangementBroken => "arrangement.broken",
        #[serde(rename = "arrangement.completed")]
        ArrangementCompleted => "arrangement.completed",
        #[serde(rename = "arrangement.cancelled")]
        ArrangementCancelled => "arrangement.cancelled",
        #[serde(rename = "payment.recorded")]
        PaymentRecorded => "payment.recorded",
        #[serde(rename = "payment.reversed")]
        PaymentReversed => "payment.reversed",
        #[serde(rename = "adjustment.applied")]
        AdjustmentApplied => "adjustment.applied",
        #[serde(rename = "approval.requested")]
        ApprovalRequested => "approval.requested",
        #[serde(rename = "approval.decided")]
        ApprovalDecided => "approval.decided",
        #[serde(rename = "dispute.opened")]
        DisputeOpened => "dispute.opened",
        #[serde(rename = "dispute.resolved")]
        DisputeResolved => "dispute.resolved",
        #[serde(rename = "complaint.opened")]
        ComplaintOpened => "complaint.opened",
        #[serde(rename = "complaint.responded")]
        ComplaintResponded => "complaint.responded",
        #[serde(rename = "complaint.closed")]
        ComplaintClosed => "complaint.closed",
        #[serde(rename = "complaint.reopened")]
        ComplaintReopened => "complaint.reopened",
        #[serde(rename = "escalation.raised")]
        EscalationRaised => "escalation.raised",
        #[serde(rename = "escalation.resolved")]
        EscalationResolved => "escalation.resolved",
        #[serde(rename = "communication.created")]
        CommunicationCreated => "communication.created",
        #[serde(rename = "communication.sent")]
        CommunicationSent => "communication.sent",
        #[serde(rename = "communication.failed")]
        CommunicationFailed => "communication.failed",
        #[serde(rename = "communication.blocked")]
        CommunicationBlocked => "communication.blocked",
        #[serde(rename = "task.created")]
        TaskCreated => "task.created",
        #[serde(rename = "task.completed")]
        TaskCompleted => "task.completed",
        #[serde(rename = "debtor.updated")]
        DebtorUpdated => "debtor.updated",
        #[serde(rename = "evaluation.created")]
        EvaluationCreated => "evaluation.created",
        #[serde(rename = "evaluation.acknowledged")]
        EvaluationAcknowledged => "evaluation.acknowledged",
        #[serde(rename = "evaluation.disputed")]
        EvaluationDisputed => "evaluation.disputed",
        #[serde(rename = "evaluation.resolved")]
        EvaluationResolved => "evaluation.resolved",
        #[serde(rename = "coaching_session.created")]
        CoachingSessionCreated => "coaching_session.created",
        #[serde(rename = "coaching_action.completed")]
        CoachingActionCompleted => "coaching_action.completed",
        #[serde(rename = "reconciliation.created")]
        ReconciliationCreated => "reconciliation.created",
    }
}

impl EventType {
    /// The type named `text`, if it is one.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.as_str() == text)
    }
}

/// Audit actions and the event each one is. Actions missing here (user, team, policy, target,
/// strategy and evaluation-form changes: configuration, not collection work) have no event.
const CATALOGUE: &[(&str, EventType)] = &[
    ("account.created", EventType::AccountPlaced),
    ("account.updated", EventType::AccountUpdated),
    ("account.flagged", EventType::AccountUpdated),
    ("account.balance_changed", EventType::AccountUpdated),
    ("account.status_changed", EventType::AccountStatusChanged),
    ("account.written_off", EventType::AccountStatusChanged),
    ("account.referred_to_legal", EventType::AccountStatusChanged),
    ("account.assigned", EventType::AccountAssigned),
    ("contact.logged", EventType::ContactLogged),
    ("contact.refused", EventType::ContactRefused),
    ("arrangement.created", EventType::ArrangementCreated),
    ("arrangement.approved", EventType::ArrangementActivated),
    ("arrangement.broken", EventType::ArrangementBroken),
    ("arrangement.completed", EventType::ArrangementCompleted),
    ("arrangement.cancelled", EventType::ArrangementCancelled),
    ("payment.recorded", EventType::PaymentRecorded),
    ("payment.recovery_recorded", EventType::PaymentRecorded),
    ("payment.reversed", EventType::PaymentReversed),
    ("adjustment.applied", EventType::AdjustmentApplied),
    ("approval.requested", EventType::ApprovalRequested),
    ("approval.approved", EventType::ApprovalDecided),
    ("approval.rejected", EventType::ApprovalDecided),
    ("approval.cancelled", EventType::ApprovalDecided),
    ("dispute.opened", EventType::DisputeOpened),
    ("dispute.resolved", EventType::DisputeResolved),
    ("complaint.received", EventType::ComplaintOpened),
    ("complaint.responded", EventType::ComplaintResponded),
    ("complaint.closed", EventType::ComplaintClosed),
    ("complaint.reopened", EventType::ComplaintReopened),
    ("escalation.raised", EventType::EscalationRaised),
    ("escalation.resolved", EventType::EscalationResolved),
    ("communication.sent", EventType::CommunicationSent),
    ("communication.failed", EventType::CommunicationFailed),
    ("communication.blocked", EventType::CommunicationBlocked),
    ("task.created", EventType::TaskCreated),
    ("task.completed", EventType::TaskCompleted),
    ("debtor.updated", EventType::DebtorUpdated),
    ("debtor.flagged", EventType::DebtorUpdated),
    ("evaluation.submitted", EventType::EvaluationCreated),
    ("evaluation.acknowledged", EventType::EvaluationAcknowledged),
    ("evaluation.disputed", EventType::EvaluationDisputed),
    ("evaluation.dispute_resolved", EventType::EvaluationResolved),
    ("coaching_session.held", EventType::CoachingSessionCreated),
    (
        "coaching_action.completed",
        EventType::CoachingActionCompleted,
    ),
    ("reconciliation.created", EventType::ReconciliationCreated),
];

/// The audit action of a strategy step; a message step's communication is created with it.
const STEP_TAKEN: &str = "strategy.step_taken";

/// What an audited change publishes.
#[derive(Debug, Clone, PartialEq)]
pub struct Integration {
    pub event_type: EventType,
    /// The resource after the change.
    pub data: Value,
}

/// The event an audited change (`action`, with the state `after` it) publishes, if any.
pub fn integration_event(action: &str, after: Option<&Value>) -> Option<Integration> {
    if action == STEP_TAKEN {
        let communication = after?.get("communication")?;
        return Some(Integration {
            event_type: EventType::CommunicationCreated,
            data: communication.clone(),
        });
    }
    let (_, event_type) = CATALOGUE.iter().find(|(a, _)| *a == action)?;
    Some(Integration {
        event_type: *event_type,
        data: after.cloned().unwrap_or(Value::Null),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_catalogued_action_names_its_event() {
        let cases = [
            ("account.created", Some("account.placed")),
            ("arrangement.approved", Some("arrangement.activated")),
            ("approval.rejected", Some("approval.decided")),
            ("complaint.received", Some("complaint.opened")),
            ("evaluation.submitted", Some("evaluation.created")),
            ("evaluation.dispute_resolved", Some("evaluation.resolved")),
            ("coaching_session.held", Some("coaching_session.created")),
            ("user.created", None),
            ("strategy.activated", None),
            ("target.set", None),
        ];
        for (action, expected) in cases {
            let got = integration_event(action, Some(&json!({"id": 1})));
            assert_eq!(got.map(|e| e.event_type.as_str()), expected, "{action}");
        }
    }

    #[test]
    fn the_data_is_the_state_after_the_change() {
        let after = json!({"id": 7, "amount": 500});
        let event = integration_event("payment.recorded", Some(&after)).expect("an event");
        assert_eq!(event.data, after);
    }

    #[test]
    fn a_message_step_publishes_its_communication() {
        let after = json!({"id": 3, "action": "sms", "communication": {"id": 9}});
        let event = integration_event(STEP_TAKEN, Some(&after)).expect("an event");
        assert_eq!(event.event_type, EventType::CommunicationCreated);
        assert_eq!(event.data, json!({"id": 9}));
        let call = json!({"id": 4, "action": "call"});
        assert_eq!(integration_event(STEP_TAKEN, Some(&call)), None);
    }

    #[test]
    fn every_type_serialises_as_its_text_and_parses_back() {
        for t in EventType::ALL {
            assert_eq!(serde_json::to_value(t).expect("json"), json!(t.as_str()));
            assert_eq!(EventType::parse(t.as_str()), Some(*t));
        }
        assert_eq!(EventType::parse("account.exploded"), None);
    }

    #[test]
    fn every_contract_type_is_published_by_some_change() {
        let published: Vec<EventType> = CATALOGUE.iter().map(|(_, t)| *t).collect();
        for t in EventType::ALL {
            assert!(
                published.contains(t) || *t == EventType::CommunicationCreated,
                "{} is published by no change",
                t.as_str()
            );
        }
    }
}
