//! Roles and approval tiers.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A user's role. `agent` < `team_lead` < `manager` < `head` is the approval tier order;
/// `admin` (users and teams) and `auditor` (read-only compliance) stand outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "agent")]
pub enum Role {
    Agent,
    TeamLead,
    Manager,
    Head,
    Admin,
    Auditor,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Agent,
        Role::TeamLead,
        Role::Manager,
        Role::Head,
        Role::Admin,
        Role::Auditor,
    ];

    /// The stored and serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::TeamLead => "team_lead",
            Role::Manager => "manager",
            Role::Head => "head",
            Role::Admin => "admin",
            Role::Auditor => "auditor",
        }
    }

    /// The approval tier (0 = agent … 3 = head), `None` for roles outside the collection chain.
    pub fn tier(self) -> Option<u8> {
        match self {
            Role::Agent => Some(0),
            Role::TeamLead => Some(1),
            Role::Manager => Some(2),
            Role::Head => Some(3),
            Role::Admin | Role::Auditor => None,
        }
    }

    /// True when this role is in the collection chain at `min` or above.
    pub fn at_least(self, min: Role) -> bool {
        match (self.tier(), min.tier()) {
            (Some(mine), Some(needed)) => mine >= needed,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_order_the_collection_chain() {
        assert!(Role::Head.at_least(Role::Manager));
        assert!(Role::TeamLead.at_least(Role::Agent));
        assert!(!Role::Agent.at_least(Role::TeamLead));
        assert!(!Role::Admin.at_least(Role::Agent));
        assert!(!Role::Auditor.at_least(Role::Agent));
    }

    #[test]
    fn names_round_trip() {
        for r in Role::ALL {
            assert_eq!(
                serde_json::from_value::<Role>(serde_json::Value::from(r.as_str())).ok(),
                Some(r)
            );
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
        assert_eq!(
            serde_json::from_value::<Role>(serde_json::Value::from("root")).ok(),
            None
        );
    }
}
