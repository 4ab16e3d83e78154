//! Who sees which accounts: the one place that decides it. Every account route, nested routes,
//! lists and debtors apply this decision; a resource outside it answers 404.

use crate::actor::Actor;
use crate::domain::role::Role;

/// The accounts a caller may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountScope {
    /// Manager, head, admin, auditor.
    All,
    /// An agent: the accounts currently assigned to them.
    AssignedTo(i64),
    /// A team lead: their team's accounts.
    Team(i64),
    /// A team lead without a team.
    Nothing,
}

pub fn scope_of(actor: &Actor) -> AccountScope {
    match actor.role {
        Role::Manager | Role::Head | Role::Admin | Role::Auditor => AccountScope::All,
        Role::Agent => AccountScope::AssignedTo(actor.user_id),
        Role::TeamLead => actor
            .team_id
            .map_or(AccountScope::Nothing, AccountScope::Team),
    }
}

/// Applies an [`AccountScope`] to a boxed query over `accounts` (alone or joined).
#[macro_export]
macro_rules! apply_account_scope {
    ($query:expr, $scope:expr) => {{
        use $crate::db::schema::accounts as scope_a;
        match $scope {
            $crate::db::scope::AccountScope::All => $query,
            $crate::db::scope::AccountScope::AssignedTo(user) => {
                $query.filter(scope_a::assignee_id.eq(user))
            }
            $crate::db::scope::AccountScope::Team(team) => $query.filter(scope_a::team_id.eq(team)),
            $crate::db::scope::AccountScope::Nothing => $query.filter(scope_a::id.lt(0)),
        }
    }};
}
