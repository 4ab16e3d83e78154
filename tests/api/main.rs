//! The integration tests: one binary (it links once), a module per resource, shared helpers in
//! `helpers`. SQLite by default; PostgreSQL when `TEST_DATABASE_URL` names a server.

mod helpers;

mod accounts;
mod adjustments;
mod api_keys;
mod approvals;
mod arrangements;
mod assignments;
mod audit_log;
mod auth;
mod background_jobs;
mod cli;
mod coaching;
mod complaint_reports;
mod complaints;
mod contacts;
mod conventions;
mod currencies;
mod database;
mod events;
mod hardening;
mod http_conventions;
mod idempotency;
mod import;
mod lists;
mod money_parts;
mod openapi;
mod operations;
mod policy_cache;
mod quality;
mod queue_bounds;
mod reconciliations;
mod regulation_f;
mod replica;
mod reports;
mod role_matrix;
mod scope;
mod scorecard;
mod strategies;
mod strategy_runs;
mod summary;
mod timestamps;
mod users_teams;
mod webhooks;
