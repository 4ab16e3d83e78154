//! Tiered authority: the approval policy, the lowest role a request needs, and who may decide it.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Problem;
use super::role::Role;

/// Approve or reject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "approve")]
pub enum Decision {
    Approve,
    Reject,
}

/// What one tier may approve. `null` means unlimited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"settlement_max_discount_bps": 2500, "settlement_max_forgiven": 250000, "write_off_max": 100000, "plan_max_installments": 24, "adjustment_max": 10000}))]
pub struct TierLimits {
    /// Largest settlement discount (forgiven ÷ balance) in basis points: 2500 = 25 %.
    #[schema(maximum = 10_000)]
    pub settlement_max_discount_bps: Option<i64>,
    /// Largest amount a settlement forgives (minor units).
    #[schema(maximum = 10_000_000_000_000_i64)]
    pub settlement_max_forgiven: Option<i64>,
    /// Largest write-off (minor units).
    #[schema(maximum = 10_000_000_000_000_i64)]
    pub write_off_max: Option<i64>,
    /// Longest plan (installments) set up without approval.
    pub plan_max_installments: Option<i64>,
    /// Largest lowering of a balance part by adjustment (minor units), applied without approval;
    /// a re-placement's balance change (`placement_update`) is bounded by it both ways.
    /// Required (`null` for unlimited).
    #[serde(deserialize_with = "present")]
    #[schema(maximum = 10_000_000_000_000_i64, required = true)]
    pub adjustment_max: Option<i64>,
}

/// A nullable field that must be present: `null` is a value, a missing key is an error.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Option::<i64>::deserialize(d)
}

/// The approval policy: limits per tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "agent": {"settlement_max_discount_bps": 0, "settlement_max_forgiven": 0, "write_off_max": 0, "plan_max_installments": 12, "adjustment_max": 0},
    "team_lead": {"settlement_max_discount_bps": 2500, "settlement_max_forgiven": 250000, "write_off_max": 100000, "plan_max_installments": 24, "adjustment_max": 10000},
    "manager": {"settlement_max_discount_bps": 5000, "settlement_max_forgiven": 2500000, "write_off_max": 2500000, "plan_max_installments": 60, "adjustment_max": 500000},
    "head": {"settlement_max_discount_bps": null, "settlement_max_forgiven": null, "write_off_max": null, "plan_max_installments": null, "adjustment_max": null}
}))]
pub struct ApprovalPolicy {
    pub agent: TierLimits,
    pub team_lead: TierLimits,
    pub manager: TierLimits,
    pub head: TierLimits,
}

const fn tier(
    discount: Option<i64>,
    forgiven: Option<i64>,
    write_off: Option<i64>,
    plan: Option<i64>,
    adjustment: Option<i64>,
) -> TierLimits {
    TierLimits {
        settlement_max_discount_bps: discount,
        settlement_max_forgiven: forgiven,
        write_off_max: write_off,
        plan_max_installments: plan,
        adjustment_max: adjustment,
    }
}

impl Default for ApprovalPolicy {
    /// The contract's table.
    fn default() -> Self {
        Self {
            agent: tier(Some(0), Some(0), Some(0), Some(12), Some(0)),
            team_lead: tier(
                Some(2500),
                Some(250_000),
                Some(100_000),
                Some(24),
                Some(10_000),
            ),
            manager: tier(
                Some(5000),
                Some(2_500_000),
                Some(2_500_000),
                Some(60),
                Some(500_000),
            ),
            head: tier(None, None, None, None, None),
        }
    }
}

/// The tiers in ascending order.
pub const TIERS: [Role; 4] = [Role::Agent, Role::TeamLead, Role::Manager, Role::Head];

impl ApprovalPolicy {
    pub fn limits(&self, role: Role) -> Option<&TierLimits> {
        match role {
            Role::Agent => Some(&self.agent),
            Role::TeamLead => Some(&self.team_lead),
            Role::Manager => Some(&self.manager),
            Role::Head => Some(&self.head),
            Role::Admin | Role::Auditor => None,
        }
    }

    /// The longest plan `role` may set up without approval (`None`: unlimited; admin and
    /// auditor: none at all).
    pub fn plan_limit(&self, role: Role) -> Option<i64> {
        match self.limits(role) {
            Some(l) => l.plan_max_installments,
            None => Some(0),
        }
    }

    /// Every problem: limits ≥ 0 and never lower on a higher tier.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        type Field = fn(&TierLimits) -> Option<i64>;
        let fields: [(&str, Field); 5] = [
            ("settlement_max_discount_bps", |l| {
                l.settlement_max_discount_bps
            }),
            ("settlement_max_forgiven", |l| l.settlement_max_forgiven),
            ("write_off_max", |l| l.write_off_max),
            ("plan_max_installments", |l| l.plan_max_installments),
            ("adjustment_max", |l| l.adjustment_max),
        ];
        for (name, get) in fields {
            let mut previous: Option<Option<i64>> = None;
            for role in TIERS {
                let Some(limits) = self.limits(role) else {
                    continue;
                };
                let value = get(limits);
                if value.is_some_and(|v| v < 0) {
                    out.push(Problem::new(
                        format!("{}.{name}", role.as_str()),
                        "must not be negative",
                    ));
                }
                if name != "settlement_max_discount_bps"
                    && name != "plan_max_installments"
                    && value.is_some_and(|v| v > super::money::MAX_AMOUNT)
                {
                    out.push(Problem::new(
                        format!("{}.{name}", role.as_str()),
                        format!("must be at most {} minor units", super::money::MAX_AMOUNT),
                    ));
                }
                if name == "settlement_max_discount_bps" && value.is_some_and(|v| v > 10_000) {
                    out.push(Problem::new(
                        format!("{}.{name}", role.as_str()),
                        "must be at most 10000 (100 %)",
                    ));
                }
                // null (unlimited) is the highest value; a tier may not allow less than the one below.
                if let Some(prev) = previous
                    && at_most(value, prev)
                    && value != prev
                {
                    out.push(Problem::new(
                        format!("{}.{name}", role.as_str()),
                        "must not be lower than the tier below",
                    ));
                }
                previous = Some(value);
            }
        }
        out
    }
}

/// `a ≤ b` where `None` is unlimited.
fn at_most(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(x), Some(y)) => x <= y,
    }
}

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Settle a `balance` for `amount` (the rest forgiven).
    Settlement {
        balance: i64,
        amount: i64,
    },
    WriteOff {
        amount: i64,
    },
    /// A plan of this many installments.
    Arrangement {
        installments: i64,
    },
    /// A part lowered (or re-placed) by this much (positive).
    Adjustment {
        amount: i64,
    },
}

/// True when `limits` cover the request.
pub fn covers(limits: &TierLimits, ask: Ask) -> bool {
    let within = |limit: Option<i64>, value: i64| limit.is_none_or(|l| value <= l);
    match ask {
        Ask::Settlement { balance, amount } => {
            let forgiven = (balance - amount).max(0);
            // forgiven ÷ balance ≤ bps ÷ 10000, exactly: forgiven × 10000 ≤ bps × balance.
            let discount_ok = limits.settlement_max_discount_bps.is_none_or(|bps| {
                i128::from(forgiven) * 10_000 <= i128::from(bps) * i128::from(balance)
            });
            discount_ok && within(limits.settlement_max_forgiven, forgiven)
        }
        Ask::WriteOff { amount } => within(limits.write_off_max, amount),
        Ask::Arrangement { installments } => within(limits.plan_max_installments, installments),
        Ask::Adjustment { amount } => within(limits.adjustment_max, amount),
    }
}

/// The lowest tier whose limits cover the request (the head when none does: the head decides
/// anything).
pub fn required_role(policy: &ApprovalPolicy, ask: Ask) -> Role {
    TIERS
        .into_iter()
        .find(|role| policy.limits(*role).is_some_and(|l| covers(l, ask)))
        .unwrap_or(Role::Head)
}

/// Why a decision is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// 403: the caller's tier is below the request's `required_role`.
    InsufficientAuthority,
    /// 403: the caller made the request.
    FourEyes,
    /// 404: a team lead deciding for another team's account.
    OutsideTeam,
    /// 409: no longer pending.
    NotPending,
    /// 409: the balance changed since the request.
    Stale,
}

/// The facts a decision is judged on.
#[derive(Debug, Clone, Copy)]
pub struct DecisionFacts {
    pub caller: Role,
    pub caller_id: i64,
    pub caller_team: Option<i64>,
    pub requester_id: Option<i64>,
    pub required_role: Role,
    pub account_team: Option<i64>,
    pub pending: bool,
    pub balance_at_request: i64,
    pub balance_now: i64,
}

/// May the caller approve or reject? Authority first, then the request's state.
pub fn may_decide(f: &DecisionFacts) -> Result<(), Refusal> {
    if f.caller == Role::TeamLead && (f.caller_team.is_none() || f.caller_team != f.account_team) {
        return Err(Refusal::OutsideTeam);
    }
    if !f.caller.at_least(f.required_role) {
        return Err(Refusal::InsufficientAuthority);
    }
    if f.requester_id == Some(f.caller_id) {
        return Err(Refusal::FourEyes);
    }
    if !f.pending {
        return Err(Refusal::NotPending);
    }
    if f.balance_now != f.balance_at_request {
        return Err(Refusal::Stale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(ask: Ask) -> Role {
        required_role(&ApprovalPolicy::default(), ask)
    }

    #[test]
    fn settlement_discount_at_and_just_past_each_limit() {
        // Balance 10,000.00: team lead up to 25 % (2,500.00 forgiven), manager up to 50 %.
        let b = 1_000_000;
        assert_eq!(
            req(Ask::Settlement {
                balance: b,
                amount: b
            }),
            Role::Agent
        );
        assert_eq!(
            req(Ask::Settlement {
                balance: b,
                amount: b - 1
            }),
            Role::TeamLead
        );
        assert_eq!(
            req(Ask::Settlement {
                balance: b,
                amount: 750_000
            }),
            Role::TeamLead
        ); // exactly 25 %
        assert_eq!(
            req(Ask::Settlement {
                balance: b,
                amount: 749_900
            }),
            Role::Manager
        ); // 25.01 %
        assert_eq!(
            req(Ask::Settlement {
                balance: b,
                amount: 500_000
            }),
            Role::Manager
        ); // 50 %
        assert_eq!(
            req(Ask::Settlement {
                balance: b,
                amount: 499_900
            }),
            Role::Head
        ); // 50.01 %
    }

    #[test]
    fn settlement_forgiven_amount_limits() {
        // Balance 100,000.00: 10 % discount, but 10,000.00 forgiven exceeds the team lead's 2,500.00.
        assert_eq!(
            req(Ask::Settlement {
                balance: 10_000_000,
                amount: 9_750_000
            }),
            Role::TeamLead
        ); // 2,500.00
        assert_eq!(
            req(Ask::Settlement {
                balance: 10_000_000,
                amount: 9_749_999
            }),
            Role::Manager
        ); // 2,500.01
        assert_eq!(
            req(Ask::Settlement {
                balance: 100_000_000,
                amount: 97_500_000
            }),
            Role::Manager
        ); // 25,000.00 at 2.5 %
        assert_eq!(
            req(Ask::Settlement {
                balance: 100_000_000,
                amount: 97_499_999
            }),
            Role::Head
        );
    }

    #[test]
    fn write_off_and_plan_limits() {
        assert_eq!(req(Ask::WriteOff { amount: 1 }), Role::TeamLead);
        assert_eq!(req(Ask::WriteOff { amount: 100_000 }), Role::TeamLead);
        assert_eq!(req(Ask::WriteOff { amount: 100_001 }), Role::Manager);
        assert_eq!(req(Ask::WriteOff { amount: 2_500_000 }), Role::Manager);
        assert_eq!(req(Ask::WriteOff { amount: 2_500_001 }), Role::Head);
        assert_eq!(req(Ask::Arrangement { installments: 12 }), Role::Agent);
        assert_eq!(req(Ask::Arrangement { installments: 13 }), Role::TeamLead);
        assert_eq!(req(Ask::Arrangement { installments: 24 }), Role::TeamLead);
        assert_eq!(req(Ask::Arrangement { installments: 25 }), Role::Manager);
        assert_eq!(req(Ask::Arrangement { installments: 60 }), Role::Manager);
        assert_eq!(req(Ask::Arrangement { installments: 61 }), Role::Head);
    }

    fn facts() -> DecisionFacts {
        DecisionFacts {
            caller: Role::Manager,
            caller_id: 2,
            caller_team: None,
            requester_id: Some(1),
            required_role: Role::TeamLead,
            account_team: Some(7),
            pending: true,
            balance_at_request: 500,
            balance_now: 500,
        }
    }

    #[test]
    fn decisions() {
        assert_eq!(may_decide(&facts()), Ok(()));
        assert_eq!(
            may_decide(&DecisionFacts {
                required_role: Role::Head,
                ..facts()
            }),
            Err(Refusal::InsufficientAuthority)
        );
        assert_eq!(
            may_decide(&DecisionFacts {
                caller_id: 1,
                ..facts()
            }),
            Err(Refusal::FourEyes)
        );
        assert_eq!(
            may_decide(&DecisionFacts {
                pending: false,
                ..facts()
            }),
            Err(Refusal::NotPending)
        );
        assert_eq!(
            may_decide(&DecisionFacts {
                balance_now: 499,
                ..facts()
            }),
            Err(Refusal::Stale)
        );
        let lead = DecisionFacts {
            caller: Role::TeamLead,
            caller_team: Some(7),
            ..facts()
        };
        assert_eq!(may_decide(&lead), Ok(()));
        assert_eq!(
            may_decide(&DecisionFacts {
                caller_team: Some(8),
                ..lead
            }),
            Err(Refusal::OutsideTeam)
        );
        assert_eq!(
            may_decide(&DecisionFacts {
                caller: Role::Agent,
                required_role: Role::Agent,
                ..facts()
            }),
            Ok(())
        );
        assert_eq!(
            may_decide(&DecisionFacts {
                caller: Role::Admin,
                ..facts()
            }),
            Err(Refusal::InsufficientAuthority)
        );
    }

    #[test]
    fn policy_validation() {
        let p = ApprovalPolicy::default();
        assert!(p.problems().is_empty());
        assert_eq!(p.plan_limit(Role::Agent), Some(12));
        assert_eq!(p.plan_limit(Role::Head), None);
        assert_eq!(p.plan_limit(Role::Auditor), Some(0));
        let mut bad = p.clone();
        bad.manager.write_off_max = Some(50_000); // below the team lead's 100,000
        bad.agent.settlement_max_forgiven = Some(-1);
        bad.head.plan_max_installments = Some(30); // a limit below the manager's 60
        let fields: Vec<String> = bad.problems().into_iter().map(|p| p.field).collect();
        assert!(
            fields.contains(&"manager.write_off_max".into()),
            "{fields:?}"
        );
        assert!(
            fields.contains(&"agent.settlement_max_forgiven".into()),
            "{fields:?}"
        );
        assert!(
            fields.contains(&"head.plan_max_installments".into()),
            "{fields:?}"
        );
    }
}
