//! The management report as a document: every section of `GET /v1/reports/summary`, each figure
//! defined where it is declared. Money is minor units of the report's one `currency`.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::account::AgingBucket;
use super::complaint_report::{ComplaintCounts, SatisfactionCounts};
use super::summary::{PeriodKind, RollRate};

/// The management report.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"period": "month", "label": "2026-10", "start": "2026-10-01", "end": "2026-10-31", "team_id": 1,
    "currency": "USD", "collected": {"amount": 65000, "target": 120000, "attainment": 0.5417, "previous_amount": 5000,
    "per_day": [{"date": "2026-10-01", "amount": 0}]},
    "expected_income": {"period": "2026-11", "installments": 40000, "settlements": 0, "scheduled": 40000, "kept_rate": 0.8, "weighted": 32000},
    "promises": {"made": 4, "due": 3, "kept": 2, "broken": 1, "kept_rate": 0.6667},
    "contacts": {"attempts": 120, "right_party_contacts": 30, "rpc_rate": 0.25},
    "aging": [{"bucket": "31-60", "count": 2, "balance": 115000, "count_at_start": 1, "balance_at_start": 75000, "count_change": 1, "balance_change": 40000}],
    "roll_rates": [{"bucket": "1-30", "accounts": 3, "rolled": 2, "roll_rate": 0.6667}],
    "complaints": {"received": 1, "closed": 0, "open": 2, "overdue": 1, "justified": 0, "justified_rate": null, "median_days_to_close": null},
    "satisfaction": {"responses": 1, "average_score": 5.0, "csat": 1.0},
    "agents": [{"agent_id": 12, "name": "Arto Agent", "collected": 65000, "target": 100000, "attainment": 0.65, "attempts": 1,
        "right_party_contacts": 1, "rpc_rate": 1.0, "kept_rate": 1.0, "quality_average": null, "complaints": 1}],
    "narrative": ["In 2026-10 the team collected 650.00 USD, 54.2 % of the target of 1,200.00 USD."]}))]
pub struct Summary {
    pub period: PeriodKind,
    /// `2026-11-30`, `2026-W49` or `2026-11`.
    pub label: String,
    /// First day of the period (UTC).
    pub start: NaiveDate,
    /// Last day of the period.
    pub end: NaiveDate,
    /// The team reported on (`null`: every team).
    pub team_id: Option<i64>,
    pub currency: String,
    pub collected: Collected,
    pub expected_income: ExpectedIncome,
    pub promises: Promises,
    pub contacts: Contacts,
    /// All seven buckets, in order.
    pub aging: Vec<AgingChange>,
    /// Every bucket but `181+`, in order.
    pub roll_rates: Vec<RollRate>,
    pub complaints: ComplaintSummary,
    pub satisfaction: SatisfactionSummary,
    /// Best first: by attainment, then collected.
    pub agents: Vec<AgentSummary>,
    /// The period's story in a few sentences, written from the figures.
    pub narrative: Vec<String>,
}

/// Money collected.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"amount": 65000, "target": 120000, "attainment": 0.5417, "previous_amount": 5000,
    "per_day": [{"date": "2026-10-10", "amount": 50000}]}))]
pub struct Collected {
    /// Payments received in the period on the scope's accounts, reversed ones and recoveries
    /// on written-off accounts left out.
    #[schema(value_type = i64)]
    pub amount: i128,
    /// The teams' monthly targets, prorated to the period by days (null when none is set).
    #[schema(value_type = Option<i64>)]
    pub target: Option<i128>,
    /// `amount ÷ target` (4 decimals).
    pub attainment: Option<f64>,
    /// `amount` of the period before.
    #[schema(value_type = i64)]
    pub previous_amount: i128,
    /// Every day of the period, zeros included.
    pub per_day: Vec<DayAmount>,
}

/// Money of one day.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"date": "2026-10-10", "amount": 50000}))]
pub struct DayAmount {
    pub date: NaiveDate,
    #[schema(value_type = i64)]
    pub amount: i128,
}

/// Money expected in the next period.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"period": "2026-11", "installments": 40000, "settlements": 0, "scheduled": 40000, "kept_rate": 0.8, "weighted": 32000}))]
pub struct ExpectedIncome {
    /// The next period's label.
    pub period: String,
    /// Unpaid parts of active arrangements' installments due then.
    #[schema(value_type = i64)]
    pub installments: i128,
    /// Approved settlements due then.
    #[schema(value_type = i64)]
    pub settlements: i128,
    /// `installments + settlements`.
    #[schema(value_type = i64)]
    pub scheduled: i128,
    /// Installments (of every arrangement) due in the 90 days before today that were paid in
    /// full, ÷ those due (null when none was due).
    pub kept_rate: Option<f64>,
    /// `scheduled × kept_rate`.
    #[schema(value_type = Option<i64>)]
    pub weighted: Option<i128>,
}

/// Promises to pay.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"made": 4, "due": 3, "kept": 2, "broken": 1, "kept_rate": 0.6667}))]
pub struct Promises {
    /// Promise arrangements set up in the period.
    pub made: i64,
    /// Promises falling due in the period.
    pub due: i64,
    /// Of those, paid in full.
    pub kept: i64,
    /// Promises that broke in the period.
    pub broken: i64,
    /// `kept ÷ due`.
    pub kept_rate: Option<f64>,
}

/// Contacts of the period's agents (from the contact rollup).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"attempts": 120, "right_party_contacts": 30, "rpc_rate": 0.25}))]
pub struct Contacts {
    /// Outbound phone attempts.
    pub attempts: i64,
    pub right_party_contacts: i64,
    /// `right_party_contacts ÷ attempts`.
    pub rpc_rate: Option<f64>,
}

/// One aging bucket: unresolved accounts (open, in arrangement, disputed, legal) with a balance,
/// at the period's end and start. Status at an instant comes from the status history, balance
/// from the ledger's entries before it, the bucket from `delinquent_since`.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[schema(example = json!({"bucket": "31-60", "count": 2, "balance": 115000, "count_at_start": 1, "balance_at_start": 75000, "count_change": 1, "balance_change": 40000}))]
pub struct AgingChange {
    pub bucket: AgingBucket,
    /// At the end of the period.
    pub count: i64,
    #[schema(value_type = i64)]
    pub balance: i128,
    pub count_at_start: i64,
    #[schema(value_type = i64)]
    pub balance_at_start: i128,
    /// `count − count_at_start`.
    pub count_change: i64,
    /// `balance − balance_at_start`.
    #[schema(value_type = i64)]
    pub balance_change: i128,
}

/// Complaints of the period (definitions as in `GET /v1/reports/complaints`).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"received": 1, "closed": 0, "open": 2, "overdue": 1, "justified": 0, "justified_rate": null, "median_days_to_close": null}))]
pub struct ComplaintSummary {
    pub received: i64,
    pub closed: i64,
    pub open: i64,
    pub overdue: i64,
    pub justified: i64,
    pub justified_rate: Option<f64>,
    pub median_days_to_close: Option<f64>,
}

impl From<ComplaintCounts> for ComplaintSummary {
    fn from(c: ComplaintCounts) -> Self {
        Self {
            received: c.received,
            closed: c.closed,
            open: c.open,
            overdue: c.overdue,
            justified: c.justified,
            justified_rate: c.justified_rate,
            median_days_to_close: c.median_days_to_close,
        }
    }
}

/// Survey answers of the period.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"responses": 9, "average_score": 4.11, "csat": 0.7778}))]
pub struct SatisfactionSummary {
    pub responses: i64,
    pub average_score: Option<f64>,
    /// Share of 4s and 5s.
    pub csat: Option<f64>,
}

impl From<SatisfactionCounts> for SatisfactionSummary {
    fn from(s: SatisfactionCounts) -> Self {
        Self {
            responses: s.responses,
            average_score: s.average_score,
            csat: s.csat,
        }
    }
}

/// One agent's period.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"agent_id": 12, "name": "Arto Agent", "collected": 65000, "target": 100000, "attainment": 0.65, "attempts": 1,
    "right_party_contacts": 1, "rpc_rate": 1.0, "kept_rate": 1.0, "quality_average": null, "complaints": 1}))]
pub struct AgentSummary {
    pub agent_id: i64,
    pub name: String,
    /// Payments the agent recorded, received in the period, in the report's currency.
    #[schema(value_type = i64)]
    pub collected: i128,
    /// The agent's monthly targets prorated to the period.
    #[schema(value_type = Option<i64>)]
    pub target: Option<i128>,
    pub attainment: Option<f64>,
    /// Outbound phone attempts.
    pub attempts: i64,
    pub right_party_contacts: i64,
    pub rpc_rate: Option<f64>,
    /// The agent's promises due in the period paid in full ÷ due.
    pub kept_rate: Option<f64>,
    /// The average score of the evaluations of the agent's contacts made in the period (0 to
    /// 100, one decimal; null without evaluations).
    pub quality_average: Option<f64>,
    /// Complaints received in the period that count against the agent.
    pub complaints: i64,
}
