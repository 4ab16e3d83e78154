//! Pure business rules: no HTTP, no database. Unit-tested on their own.

pub mod account;
pub mod activity;
pub mod allocation;
pub mod assignment;
pub mod audit_chain;
pub mod authority;
pub mod compliance;
pub mod contact_policy;
pub mod debtor;
pub mod money;
pub mod outcome;
pub mod queue;
pub mod report;
pub mod role;
pub mod schedule;
pub mod status;
