//! Who may do what with money, by tier.

use super::role::Role;

/// The longest plan (installments) a role may set up without approval, under the default
/// policy: agent 12, team lead 24, manager 60, head unlimited. `None`: no limit.
/// (The approval policy of the approvals issue makes these configurable.)
pub fn plan_installment_limit(role: Role) -> Option<usize> {
    match role {
        Role::Agent => Some(12),
        Role::TeamLead => Some(24),
        Role::Manager => Some(60),
        Role::Head => None,
        Role::Admin | Role::Auditor => Some(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_of_the_contract() {
        assert_eq!(plan_installment_limit(Role::Agent), Some(12));
        assert_eq!(plan_installment_limit(Role::TeamLead), Some(24));
        assert_eq!(plan_installment_limit(Role::Manager), Some(60));
        assert_eq!(plan_installment_limit(Role::Head), None);
        assert_eq!(plan_installment_limit(Role::Auditor), Some(0));
    }
}
