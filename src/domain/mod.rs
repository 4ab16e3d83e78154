//! Pure business rules: no HTTP, no database. Unit-tested on their own.

pub mod audit_chain;
pub mod role;
