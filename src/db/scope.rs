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

/// The same decision for a statement that reads the caller's user row beside the account
/// (`db::account_read`): a team lead's team is the row's as stored now, not the token's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoredScope {
    All,
    AssignedTo(i64),
    /// The accounts of the team the caller's user row names (none when it names none).
    TeamOfCaller,
}

pub fn stored_scope_of(actor: &Actor) -> StoredScope {
    match scope_of(actor) {
        AccountScope::All => StoredScope::All,
        AccountScope::AssignedTo(user) => StoredScope::AssignedTo(user),
        AccountScope::Team(_) | AccountScope::Nothing => StoredScope::TeamOfCaller,
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

/// The quality and coaching records (evaluations, coaching sessions and actions) a caller may
/// see: whom they are about decides, not an account. Each such table keeps the agent and the
/// agent's team at the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffScope {
    /// Manager, head, admin, auditor.
    All,
    /// A team lead: records of their team, and their own.
    Team { team: i64, user: i64 },
    /// An agent (or a team lead without a team): their own records only.
    Own(i64),
}

pub fn staff_scope_of(actor: &Actor) -> StaffScope {
    match actor.role {
        Role::Manager | Role::Head | Role::Admin | Role::Auditor => StaffScope::All,
        Role::TeamLead => actor
            .team_id
            .map_or(StaffScope::Own(actor.user_id), |team| StaffScope::Team {
                team,
                user: actor.user_id,
            }),
        Role::Agent => StaffScope::Own(actor.user_id),
    }
}

/// Applies a [`StaffScope`] to a boxed query over a table with `agent_id` and `team_id`.
#[macro_export]
macro_rules! apply_staff_scope {
    ($query:expr, $scope:expr, $table:ident) => {{
        match $scope {
            $crate::db::scope::StaffScope::All => $query,
            $crate::db::scope::StaffScope::Team { team, user } => {
                $query.filter($table::team_id.eq(team).or($table::agent_id.eq(user)))
            }
            $crate::db::scope::StaffScope::Own(user) => $query.filter($table::agent_id.eq(user)),
        }
    }};
}
