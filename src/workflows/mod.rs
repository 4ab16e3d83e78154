//! Workflows: each operation that spans several tables, in the domain's words, between `api/`
//! (HTTP) and `db/` (one table or one tight group per module). A workflow loads and checks the
//! account's scope once, passes the row down, applies the domain's rules, and calls `db/` for
//! every read and write, all in the caller's one transaction. Workflows may call each other
//! (logging a contact sets up a promise); `db/` never imports a workflow.

pub mod adjustment;
pub mod api_key;
pub mod approval_decision;
pub mod approval_request;
pub mod arrangement;
pub mod coaching;
pub mod communication;
pub mod complaint;
pub mod contact_log;
pub mod dispute;
pub mod escalation;
pub mod evaluation;
pub mod event_relay;
pub mod import;
pub mod management_report;
pub mod payment;
pub mod quality_report;
pub mod reconciliation;
pub mod replacement;
pub mod satisfaction;
pub mod scorecard;
pub mod settlement;
pub mod strategy;
pub mod strategy_actions;
pub mod strategy_run;
pub mod sweep;
pub mod webhook;
pub mod webhook_delivery;

use crate::actor::Actor;
use crate::db::audit::AuditContext;

/// Who starts a workflow: a user under their role's limits and scope, or the command line (the
/// system: unlimited, `null` as the actor).
#[derive(Debug, Clone, Copy)]
pub enum Initiator<'a> {
    User(&'a Actor),
    System(&'a AuditContext),
}

impl Initiator<'_> {
    /// Who and when, for the audit log.
    pub fn ctx(&self) -> AuditContext {
        match self {
            Self::User(actor) => (*actor).into(),
            Self::System(ctx) => (*ctx).clone(),
        }
    }

    /// The user, if any.
    pub fn user_id(&self) -> Option<i64> {
        match self {
            Self::User(actor) => Some(actor.user_id),
            Self::System(_) => None,
        }
    }
}
