//! The agent scorecard: one month's figures of an agent, and the team's average beside them.

use serde::Serialize;
use utoipa::ToSchema;

/// An agent's month.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[schema(example = json!({"collected_amount": 1250000, "target_amount": 5000000,
    "attainment": 0.25, "contact_attempts": 120, "rpc_rate": 0.25, "promises": 8, "promise_kept_rate": 0.625,
    "evaluations": 4, "average_score": 82.5, "fatal_failures": 1, "complaints_against": 1,
    "complaints_justified": 0, "average_satisfaction": 4.25, "open_coaching_actions": 2}))]
pub struct AgentFigures {
    /// Payments the agent recorded, received in the month, in `currency`; reversed payments and
    /// recoveries on written-off accounts excluded.
    #[schema(value_type = i64)]
    pub collected_amount: i128,
    /// The agent's target for the month (null when none is set).
    #[schema(value_type = Option<i64>)]
    pub target_amount: Option<i128>,
    /// `collected_amount ÷ target_amount` (4 decimals).
    pub attainment: Option<f64>,
    /// Outbound phone attempts (from the contact rollup).
    pub contact_attempts: i64,
    /// Right-party contacts ÷ attempts.
    pub rpc_rate: Option<f64>,
    /// Promises to pay set up in the month.
    pub promises: i64,
    /// The agent's promises due in the month paid in full ÷ due.
    pub promise_kept_rate: Option<f64>,
    /// Evaluations of the agent's contacts made in the month.
    pub evaluations: i64,
    /// Their average score (0 to 100, one decimal).
    pub average_score: Option<f64>,
    pub fatal_failures: i64,
    /// Complaints received in the month that count against the agent.
    pub complaints_against: i64,
    /// Of those, closed as justified.
    pub complaints_justified: i64,
    /// Survey answers about the agent's contacts in the month (1 to 5, two decimals).
    pub average_satisfaction: Option<f64>,
    /// Coaching actions open at the end of the month (or today, in the current month).
    pub open_coaching_actions: i64,
}

/// The team's average agent: counts and amounts are the mean over the team's agents (counts at
/// two decimals, money in whole minor units, half up); rates, scores and targets the mean over
/// the agents that have one (null when none has).
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[schema(example = json!({"agents": 3, "collected_amount": 1100000, "target_amount": 5000000, "attainment": 0.22,
    "contact_attempts": 101.33, "rpc_rate": 0.2312, "promises": 6.67, "promise_kept_rate": 0.6,
    "evaluations": 3.33, "average_score": 84.1, "fatal_failures": 0.33, "complaints_against": 0.67,
    "complaints_justified": 0.0, "average_satisfaction": 4.1, "open_coaching_actions": 1.0}))]
pub struct TeamFigures {
    /// The team's agents (role `agent`) the averages are over.
    pub agents: i64,
    #[schema(value_type = i64)]
    pub collected_amount: i128,
    #[schema(value_type = Option<i64>)]
    pub target_amount: Option<i128>,
    pub attainment: Option<f64>,
    pub contact_attempts: f64,
    pub rpc_rate: Option<f64>,
    pub promises: f64,
    pub promise_kept_rate: Option<f64>,
    pub evaluations: f64,
    pub average_score: Option<f64>,
    pub fatal_failures: f64,
    pub complaints_against: f64,
    pub complaints_justified: f64,
    pub average_satisfaction: Option<f64>,
    pub open_coaching_actions: f64,
}

/// Whose scorecard, which month, and the team's average agent.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"agent_id": 12, "name": "Arto Agent", "team_id": 2, "team_name": "North",
    "period": "2026-11", "currency": "USD",
    "team": {"agents": 3, "collected_amount": 1100000, "target_amount": 5000000, "attainment": 0.22,
        "contact_attempts": 101.33, "rpc_rate": 0.2312, "promises": 6.67, "promise_kept_rate": 0.6,
        "evaluations": 3.33, "average_score": 84.1, "fatal_failures": 0.33, "complaints_against": 0.67,
        "complaints_justified": 0.0, "average_satisfaction": 4.1, "open_coaching_actions": 1.0}}))]
pub struct ScorecardSubject {
    pub agent_id: i64,
    pub name: String,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    /// `YYYY-MM`.
    pub period: String,
    /// The currency of `collected_amount` (and of the team's).
    pub currency: String,
    /// The team's average agent (null for an agent without a team).
    pub team: Option<TeamFigures>,
}

/// One agent's month beside their team's average: the subject's fields and the agent's
/// figures side by side in one object.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"agent_id": 12, "name": "Arto Agent", "team_id": 2, "team_name": "North",
    "period": "2026-11", "currency": "USD", "collected_amount": 1250000, "target_amount": 5000000,
    "attainment": 0.25, "contact_attempts": 120, "rpc_rate": 0.25, "promises": 8, "promise_kept_rate": 0.625,
    "evaluations": 4, "average_score": 82.5, "fatal_failures": 1, "complaints_against": 1,
    "complaints_justified": 0, "average_satisfaction": 4.25, "open_coaching_actions": 2,
    "team": {"agents": 3, "collected_amount": 1100000, "target_amount": 5000000, "attainment": 0.22,
        "contact_attempts": 101.33, "rpc_rate": 0.2312, "promises": 6.67, "promise_kept_rate": 0.6,
        "evaluations": 3.33, "average_score": 84.1, "fatal_failures": 0.33, "complaints_against": 0.67,
        "complaints_justified": 0.0, "average_satisfaction": 4.1, "open_coaching_actions": 1.0}}))]
pub struct Scorecard {
    #[serde(flatten)]
    pub subject: ScorecardSubject,
    #[serde(flatten)]
    pub figures: AgentFigures,
}

fn round_to(v: f64, decimals: i32) -> f64 {
    let f = 10_f64.powi(decimals);
    (v * f).round() / f
}

fn mean_count(members: &[AgentFigures], pick: impl Fn(&AgentFigures) -> i64) -> f64 {
    let n = members.len().max(1) as f64;
    round_to(members.iter().map(&pick).sum::<i64>() as f64 / n, 2)
}

fn mean_of_some(
    members: &[AgentFigures],
    decimals: i32,
    pick: impl Fn(&AgentFigures) -> Option<f64>,
) -> Option<f64> {
    let values: Vec<f64> = members.iter().filter_map(pick).collect();
    (!values.is_empty())
        .then(|| round_to(values.iter().sum::<f64>() / values.len() as f64, decimals))
}

fn mean_money(values: &[i128]) -> Option<i128> {
    let n = values.len() as i128;
    (n > 0).then(|| {
        let total: i128 = values.iter().sum();
        (2 * total + n * total.signum()) / (2 * n)
    })
}

/// The team's average of `members` (the agent among them).
pub fn team_average(members: &[AgentFigures]) -> TeamFigures {
    let collected: Vec<i128> = members.iter().map(|m| m.collected_amount).collect();
    let targets: Vec<i128> = members.iter().filter_map(|m| m.target_amount).collect();
    TeamFigures {
        agents: members.len() as i64,
        collected_amount: mean_money(&collected).unwrap_or(0),
        target_amount: mean_money(&targets),
        attainment: mean_of_some(members, 4, |m| m.attainment),
        contact_attempts: mean_count(members, |m| m.contact_attempts),
        rpc_rate: mean_of_some(members, 4, |m| m.rpc_rate),
        promises: mean_count(members, |m| m.promises),
        promise_kept_rate: mean_of_some(members, 4, |m| m.promise_kept_rate),
        evaluations: mean_count(members, |m| m.evaluations),
        average_score: mean_of_some(members, 1, |m| m.average_score),
        fatal_failures: mean_count(members, |m| m.fatal_failures),
        complaints_against: mean_count(members, |m| m.complaints_against),
        complaints_justified: mean_count(members, |m| m.complaints_justified),
        average_satisfaction: mean_of_some(members, 2, |m| m.average_satisfaction),
        open_coaching_actions: mean_count(members, |m| m.open_coaching_actions),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_team_average_of_three_agents() {
        let a = AgentFigures {
            collected_amount: 100_000,
            target_amount: Some(200_000),
            attainment: Some(0.5),
            contact_attempts: 10,
            rpc_rate: Some(0.3),
            evaluations: 2,
            average_score: Some(80.0),
            open_coaching_actions: 1,
            ..Default::default()
        };
        let b = AgentFigures {
            collected_amount: 50_001,
            contact_attempts: 5,
            rpc_rate: Some(0.2),
            evaluations: 1,
            average_score: Some(65.5),
            average_satisfaction: Some(4.0),
            ..Default::default()
        };
        let c = AgentFigures::default();
        let t = team_average(&[a, b, c]);
        assert_eq!(t.agents, 3);
        // (100,000 + 50,001 + 0) ÷ 3 = 50,000.33 → 50,000
        assert_eq!(t.collected_amount, 50_000);
        // Only one agent has a target.
        assert_eq!((t.target_amount, t.attainment), (Some(200_000), Some(0.5)));
        assert_eq!(t.contact_attempts, 5.0);
        assert_eq!(t.rpc_rate, Some(0.25));
        assert_eq!(t.evaluations, 1.0);
        // (80.0 + 65.5) ÷ 2 = 72.75 → 72.8
        assert_eq!(t.average_score, Some(72.8));
        assert_eq!(t.average_satisfaction, Some(4.0));
        assert_eq!(t.open_coaching_actions, 0.33);
        assert_eq!(t.promise_kept_rate, None);
    }

    #[test]
    fn money_means_round_half_up() {
        assert_eq!(mean_money(&[1, 2]), Some(2));
        assert_eq!(mean_money(&[1, 1, 2]), Some(1));
        assert_eq!(mean_money(&[]), None);
    }
}
