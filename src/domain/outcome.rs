//! Call outcome codes and what each means for the rules.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What a contact led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "right_party_contact")]
pub enum Outcome {
    RightPartyContact,
    /// Needs `promise`; creates a promise-to-pay arrangement.
    PromiseToPay,
    RefusedToPay,
    /// Opens a dispute.
    Dispute,
    CallbackRequested,
    NoAnswer,
    Busy,
    VoicemailLeft,
    /// Marks the debtor's phone invalid.
    WrongNumber,
    ThirdParty,
    /// Marks the debtor's phone invalid.
    Disconnected,
    /// Sets the debtor's `cease_communication`.
    CeaseRequest,
    /// Flags the account.
    Deceased,
    /// Flags the account.
    Bankruptcy,
}

/// The rule flags of one outcome code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutcomeFlags {
    /// An outbound phone contact with this outcome counts toward the attempt cap: every call that
    /// connects to the dialed number, voicemails and no-answers included; `busy` and
    /// `disconnected` do not connect and are not attempts (12 CFR 1006.14(b)(3)(ii)).
    pub counts_as_attempt: bool,
    /// A conversation with the debtor: starts the lock-out when it happened by phone.
    pub is_conversation: bool,
}

const fn flags(counts_as_attempt: bool, is_conversation: bool) -> OutcomeFlags {
    OutcomeFlags {
        counts_as_attempt,
        is_conversation,
    }
}

/// The table: one line per outcome code, in the enum's order (`as_str` and `flags` index it).
pub const OUTCOMES: [(Outcome, &str, OutcomeFlags); 14] = [
    (
        Outcome::RightPartyContact,
        "right_party_contact",
        flags(true, true),
    ),
    (Outcome::PromiseToPay, "promise_to_pay", flags(true, true)),
    (Outcome::RefusedToPay, "refused_to_pay", flags(true, true)),
    (Outcome::Dispute, "dispute", flags(true, true)),
    (
        Outcome::CallbackRequested,
        "callback_requested",
        flags(true, true),
    ),
    (Outcome::NoAnswer, "no_answer", flags(true, false)),
    (Outcome::Busy, "busy", flags(false, false)),
    (Outcome::VoicemailLeft, "voicemail_left", flags(true, false)),
    (Outcome::WrongNumber, "wrong_number", flags(true, false)),
    (Outcome::ThirdParty, "third_party", flags(true, false)),
    (Outcome::Disconnected, "disconnected", flags(false, false)),
    (Outcome::CeaseRequest, "cease_request", flags(true, false)),
    (Outcome::Deceased, "deceased", flags(true, false)),
    (Outcome::Bankruptcy, "bankruptcy", flags(true, false)),
];

impl Outcome {
    pub fn as_str(self) -> &'static str {
        OUTCOMES[self as usize].1
    }

    pub fn flags(self) -> OutcomeFlags {
        OUTCOMES[self as usize].2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_enums_order() {
        for (i, (outcome, _, _)) in OUTCOMES.iter().enumerate() {
            assert_eq!(*outcome as usize, i, "{outcome:?}");
        }
    }

    #[test]
    fn the_table_matches_the_contract() {
        let conversations: Vec<&str> = OUTCOMES
            .iter()
            .filter(|o| o.2.is_conversation)
            .map(|o| o.1)
            .collect();
        assert_eq!(
            conversations,
            [
                "right_party_contact",
                "promise_to_pay",
                "refused_to_pay",
                "dispute",
                "callback_requested"
            ]
        );
        let not_attempts: Vec<&str> = OUTCOMES
            .iter()
            .filter(|o| !o.2.counts_as_attempt)
            .map(|o| o.1)
            .collect();
        assert_eq!(not_attempts, ["busy", "disconnected"]);
        for (o, name, _) in OUTCOMES {
            assert_eq!(
                serde_json::from_value::<Outcome>(serde_json::Value::from(name)).ok(),
                Some(o)
            );
            assert_eq!(serde_json::to_value(o).unwrap(), name);
        }
    }
}
