//! Pure business rules: no HTTP, no database. Unit-tested on their own.

pub mod account;
pub mod activity;
pub mod adjustment;
pub mod aging_history;
pub mod allocation;
pub mod area_codes;
pub mod arrangement;
pub mod assignment;
pub mod audit_chain;
pub mod authority;
pub mod complaint;
pub mod complaint_report;
pub mod compliance;
pub mod contact_policy;
pub mod debtor;
pub mod events;
pub mod money;
pub mod outcome;
pub mod parts;
pub mod quality;
pub mod queue;
pub mod reconciliation;
pub mod report;
pub mod role;
pub mod schedule;
pub mod scorecard;
pub mod status;
pub mod strategy;
pub mod strategy_report;
pub mod summary;
pub mod summary_document;
pub mod webhook;
pub mod welch;

/// A rule a value breaks: where (a JSON path such as `installments[2].due_on`) and what to fix.
/// The API answers them as the field errors of a 422.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}
