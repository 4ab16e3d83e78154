//! HTTP: extract, call, map. One module per resource; cross-cutting pieces beside them.

pub mod accounts;
pub mod adjustments;
pub mod allocation_policy;
pub mod api_keys;
pub mod approval_policy;
pub mod approvals;
pub mod arrangements;
pub mod assignments;
pub mod audit;
pub mod auth;
pub mod client_address;
pub mod coaching;
pub mod communications;
pub mod complaint_reports;
pub mod complaints;
pub mod contacts;
pub mod conventions;
pub mod csv;
pub mod dates;
pub mod debtors;
pub mod disputes;
pub mod escalations;
pub mod events;
pub mod exec;
pub mod fallback;
pub mod hardening;
pub mod if_match;
pub mod import;
pub mod json;
pub mod ledger;
pub mod ops;
pub mod pagination;
pub mod paths;
pub mod payments;
pub mod quality;
pub mod query_params;
pub mod queue;
pub mod reconciliations;
pub mod remittance;
pub mod reports;
pub mod request_id;
pub mod request_log;
pub mod satisfaction;
pub mod scorecard;
pub mod strategies;
pub mod strategy_report;
pub mod strategy_runs;
pub mod summary;
pub mod targets;
pub mod teams;
pub mod users;
pub mod webhooks;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every `/v1` route (each with its OpenAPI operation).
pub fn v1(cfg: &mut ServiceConfig) {
    hot(cfg);
    cfg.service(auth::create_token)
        .service(auth::refresh_token)
        .service(auth::revoke_token)
        .service(users::get_me)
        .service(users::list_users)
        .service(users::create_user)
        .service(users::get_user)
        .service(users::update_user)
        .service(teams::list_teams)
        .service(teams::create_team)
        .service(teams::get_team)
        .service(teams::update_team)
        .service(debtors::create_debtor)
        .service(debtors::get_debtor)
        .service(debtors::update_debtor)
        .service(import::import_accounts)
        .service(accounts::create_account)
        .service(accounts::update_account)
        .service(accounts::get_account_timeline)
        .service(assignments::list_account_assignments)
        .service(assignments::create_auto_assignments)
        .service(assignments::create_assignments)
        .service(arrangements::create_arrangement)
        .service(arrangements::list_account_arrangements)
        .service(arrangements::get_arrangement)
        .service(arrangements::cancel_arrangement)
        .service(payments::create_payment)
        .service(payments::list_account_payments)
        .service(payments::reverse_payment)
        .service(payments::get_payment)
        .service(contacts::list_account_contacts)
        .service(contacts::list_contacts)
        .service(contacts::get_contact)
        .service(contacts::get_contact_policy)
        .service(contacts::replace_contact_policy);
    money(cfg);
    complaints_and_reports(cfg);
    quality_and_coaching(cfg);
}

/// The routes an agent's screen calls most, first: actix tries the registered routes in order,
/// one pattern match each, so a read of an account no longer matches 18 patterns before its own
/// (`bench/README.md`, "Route matching"). No earlier route's pattern shadows a later one: none
/// of these paths has a literal sibling under the same method.
fn hot(cfg: &mut ServiceConfig) {
    cfg.service(accounts::get_account)
        .service(queue::get_queue)
        .service(contacts::create_contact)
        .service(accounts::list_accounts)
        .service(contacts::get_contactability);
}

/// Evaluation forms, evaluations, coaching, the scorecard and the quality report.
fn quality_and_coaching(cfg: &mut ServiceConfig) {
    cfg.service(quality::create_evaluation_form)
        .service(quality::list_evaluation_forms)
        .service(quality::get_evaluation_form)
        .service(quality::replace_evaluation_form)
        .service(quality::create_evaluation)
        .service(quality::list_evaluations)
        .service(quality::get_evaluation)
        .service(quality::acknowledge_evaluation)
        .service(quality::dispute_evaluation)
        .service(quality::resolve_evaluation_dispute)
        .service(coaching::create_coaching_session)
        .service(coaching::list_coaching_sessions)
        .service(coaching::get_coaching_session)
        .service(coaching::complete_coaching_action)
        .service(scorecard::get_agent_scorecard)
        .service(scorecard::get_quality_report);
}

/// Disputes, approvals, adjustments, reconciliation, the ledger, the money policies, escalations.
fn money(cfg: &mut ServiceConfig) {
    cfg.service(disputes::create_dispute)
        .service(disputes::resolve_dispute)
        .service(disputes::get_dispute)
        .service(approvals::create_approval_decisions)
        .service(approvals::create_approval)
        .service(approvals::list_approvals)
        .service(approvals::get_approval)
        .service(approvals::approve_approval)
        .service(approvals::reject_approval)
        .service(approvals::cancel_approval)
        .service(adjustments::create_adjustment)
        .service(adjustments::list_account_adjustments)
        .service(adjustments::get_adjustment)
        .service(reconciliations::create_reconciliation)
        .service(reconciliations::list_reconciliations)
        .service(reconciliations::get_reconciliation)
        .service(reconciliations::list_reconciliation_exceptions)
        .service(reconciliations::resolve_reconciliation_exception)
        .service(ledger::list_account_ledger)
        .service(ledger::verify_ledger)
        .service(allocation_policy::get_allocation_policy)
        .service(allocation_policy::replace_allocation_policy)
        .service(approval_policy::get_approval_policy)
        .service(approval_policy::replace_approval_policy)
        .service(escalations::create_escalation)
        .service(escalations::list_escalations)
        .service(escalations::resolve_escalation)
        .service(escalations::get_escalation)
        .service(escalations::create_legal_referral);
}

/// Complaints, satisfaction, targets, reports and the audit log.
fn complaints_and_reports(cfg: &mut ServiceConfig) {
    cfg.service(complaints::create_complaint)
        .service(complaints::list_complaints)
        .service(complaints::get_complaint)
        .service(complaints::respond_complaint)
        .service(complaints::close_complaint)
        .service(complaints::reopen_complaint)
        .service(complaints::get_complaint_policy)
        .service(complaints::replace_complaint_policy)
        .service(satisfaction::create_satisfaction)
        .service(satisfaction::list_account_satisfaction)
        .service(satisfaction::get_satisfaction)
        .service(targets::set_target)
        .service(targets::list_targets)
        .service(reports::get_aging_report)
        .service(reports::get_performance_report)
        .service(reports::get_forecast_report)
        .service(reports::get_collections_report)
        .service(strategies::create_strategy)
        .service(strategies::list_strategies)
        .service(strategies::get_strategy)
        .service(strategies::replace_strategy)
        .service(strategies::activate_strategy)
        .service(strategies::promote_challenger)
        .service(strategy_report::get_strategy_report)
        .service(strategy_runs::start_strategy_run)
        .service(strategy_runs::get_strategy_run)
        .service(strategy_runs::get_account_strategy)
        .service(events::list_events)
        .service(events::create_stream_token)
        .service(events::stream_events)
        .service(api_keys::create_api_key)
        .service(api_keys::list_api_keys)
        .service(api_keys::get_api_key)
        .service(api_keys::revoke_api_key)
        .service(webhooks::create_webhook)
        .service(webhooks::list_webhooks)
        .service(webhooks::get_webhook)
        .service(webhooks::update_webhook)
        .service(webhooks::delete_webhook)
        .service(webhooks::ping_webhook)
        .service(webhooks::list_webhook_deliveries)
        .service(webhooks::redeliver)
        .service(communications::list_communications)
        .service(communications::mark_communication_sent)
        .service(communications::mark_communication_failed)
        .service(communications::list_tasks)
        .service(communications::complete_task)
        .service(summary::get_summary_report)
        .service(complaint_reports::get_complaint_report)
        .service(complaint_reports::get_satisfaction_report)
        .service(audit::verify_audit_events)
        .service(audit::list_audit_events);
}

/// For PATCH fields where `null` means "clear": absent → `None`, `null` → `Some(None)`.
pub fn nullable<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(d).map(Some)
}

/// Collects field errors; `finish` turns any into one 422.
#[derive(Debug, Default)]
pub struct FieldErrors(pub Vec<crate::error::FieldError>);

impl FieldErrors {
    /// Records `field`'s error when `result` is one, and passes the value on.
    pub fn check<T>(&mut self, field: &str, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(message) => {
                self.0.push(crate::error::FieldError::new(field, message));
                None
            }
        }
    }

    /// `Ok` when nothing was recorded; otherwise one 422 listing every field, sorted by name.
    pub fn finish(mut self) -> Result<(), crate::error::ApiError> {
        if self.0.is_empty() {
            return Ok(());
        }
        self.0.sort_by(|a, b| a.field.cmp(&b.field));
        Err(crate::error::ApiError::Validation(self.0))
    }
}

/// Every route of the API (also what the OpenAPI document is generated from).
pub fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(utoipa_actix_web::scope("/v1").configure(v1))
        .service(ops::get_health)
        .service(ops::get_readiness)
        .service(ops::get_metrics);
}

/// Money fields: whole numbers (in float form too) of at most
/// [`crate::domain::money::MAX_AMOUNT`] minor units either way; anything larger is a 422 naming
/// the field.
pub mod money {
    use serde::{Deserializer, de::Error};

    use crate::domain::money::check;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        super::lenient_int::deserialize(d).and_then(|n| check(n).map_err(D::Error::custom))
    }

    /// For `Option<i64>` money (`null` or absent → `None`); use with `#[serde(default)]`.
    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        super::lenient_int::option(d)?
            .map(check)
            .transpose()
            .map_err(D::Error::custom)
    }
}

/// Integers that clients (and JSON Schema) may write in float form: `3`, `3.0` and `3e0` are all
/// the integer 3; `3.5` is refused.
pub mod lenient_int {
    use serde::{Deserialize, Deserializer, de::Error};

    fn to_i64(n: serde_json::Number) -> Option<i64> {
        n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15)
                .map(|f| f as i64)
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        let n = serde_json::Number::deserialize(d)?;
        to_i64(n).ok_or_else(|| D::Error::custom("must be a whole number"))
    }

    /// For `Option<i64>` fields (`null` or absent → `None`); use with `#[serde(default)]`.
    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        match Option::<serde_json::Number>::deserialize(d)? {
            None => Ok(None),
            Some(n) => to_i64(n)
                .map(Some)
                .ok_or_else(|| D::Error::custom("must be a whole number")),
        }
    }

    /// For PATCH fields where `null` means "clear": absent → `None`, `null` → `Some(None)`.
    pub fn patch<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<i64>>, D::Error> {
        option(d).map(Some)
    }
}
