//! Workflows: each operation that spans several tables, in the domain's words, between `api/`
//! (HTTP) and `db/` (one table or one tight group per module). A workflow loads and checks the
//! account's scope once, passes the row down, applies the domain's rules, and calls `db/` for
//! every read and write, all in the caller's one transaction. Workflows may call each other
//! (logging a contact sets up a promise); `db/` never imports a workflow.

pub mod adjustment;
pub mod approval_decision;
pub mod approval_request;
pub mod arrangement;
pub mod contact_log;
pub mod dispute;
pub mod escalation;
pub mod import;
pub mod payment;
pub mod replacement;
pub mod settlement;
pub mod sweep;
