//! arrears: a collections operations server.
//!
//! `api` (HTTP), `workflows` (multi-table operations), `domain` (pure rules), `db` (storage) and
//! the cross-cutting pieces beside them.

pub mod actor;
pub mod api;
pub mod app;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod events_hub;
pub mod html;
pub mod import_csv;
pub mod jobs;
pub mod metrics;
pub mod openapi;
pub mod passwords;
pub mod proxies;
pub mod remittance_csv;
pub mod sealing;
pub mod state;
pub mod tally;
pub mod telemetry;
pub mod timestamps;
pub mod tokens;
pub mod webhook_sender;
pub mod workflows;
