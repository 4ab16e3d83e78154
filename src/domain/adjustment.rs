//! Adjustments: a signed change to one part of a balance, for a reason. Which reasons may move
//! which part in which direction, who may raise, and when a lowering waits for approval: facts
//! in, verdict out.

use super::Problem;
use super::authority::{ApprovalPolicy, Ask, required_role};
use super::money::MAX_AMOUNT;
use super::parts::Component;
use super::role::Role;
use super::status::text_enum;

text_enum! {
    /// Why a part of the balance changes.
    #[schema(example = "fee_waiver")]
    AdjustmentReason {
        /// A billing mistake corrected (any part, either sign).
        BillingError => "billing_error",
        /// A balance brought in line with the client's records (any part, either sign).
        BalanceCorrection => "balance_correction",
        /// A concession (any part, lowering only).
        Goodwill => "goodwill",
        /// Fees waived (fees, lowering only).
        FeeWaiver => "fee_waiver",
        /// Interest waived (interest, lowering only).
        InterestWaiver => "interest_waiver",
        /// Interest charged (interest, raising only).
        InterestAccrual => "interest_accrual",
        /// A fee charged (fees, raising only).
        FeeAssessed => "fee_assessed",
        /// Court costs added (costs, raising only).
        CourtCosts => "court_costs",
        /// A re-placement with another balance (principal, either sign; written by the import).
        PlacementUpdate => "placement_update",
    }
}

text_enum! {
    /// Where an adjustment is: `applied` at once or on approval; `pending_approval` while its
    /// approval request waits; `rejected` or `cancelled` with it.
    #[schema(example = "applied")]
    AdjustmentStatus {
        Applied => "applied",
        PendingApproval => "pending_approval",
        Rejected => "rejected",
        Cancelled => "cancelled",
    }
}

/// What a reason allows: the one part it moves (`None`: any) and the signs.
struct Allowed {
    component: Option<Component>,
    raise: bool,
    lower: bool,
}

fn allowed(reason: AdjustmentReason) -> Allowed {
    use AdjustmentReason as R;
    let (component, raise, lower) = match reason {
        R::BillingError | R::BalanceCorrection => (None, true, true),
        R::Goodwill => (None, false, true),
        R::FeeWaiver => (Some(Component::Fees), false, true),
        R::InterestWaiver => (Some(Component::Interest), false, true),
        R::InterestAccrual => (Some(Component::Interest), true, false),
        R::FeeAssessed => (Some(Component::Fees), true, false),
        R::CourtCosts => (Some(Component::Costs), true, false),
        R::PlacementUpdate => (Some(Component::Principal), true, true),
    };
    Allowed {
        component,
        raise,
        lower,
    }
}

/// Every problem with (reason, part, amount) as asked, before the account is looked at.
pub fn problems(reason: AdjustmentReason, component: Component, amount: i64) -> Vec<Problem> {
    let mut out = Vec::new();
    let rule = allowed(reason);
    if amount == 0 {
        out.push(Problem::new("amount", "must not be 0"));
    } else if amount.unsigned_abs() > MAX_AMOUNT.unsigned_abs() {
        out.push(Problem::new(
            "amount",
            format!("must be between -{MAX_AMOUNT} and {MAX_AMOUNT} minor units"),
        ));
    } else if amount > 0 && !rule.raise {
        out.push(Problem::new(
            "amount",
            format!(
                "{} only lowers: the amount must be negative",
                reason.as_str()
            ),
        ));
    } else if amount < 0 && !rule.lower {
        out.push(Problem::new(
            "amount",
            format!(
                "{} only raises: the amount must be positive",
                reason.as_str()
            ),
        ));
    }
    if let Some(only) = rule.component
        && only != component
    {
        out.push(Problem::new(
            "component",
            format!("{} moves only {}", reason.as_str(), only.as_str()),
        ));
    }
    out
}

/// The facts an adjustment's route is judged on.
#[derive(Debug, Clone, Copy)]
pub struct AdjustmentFacts {
    pub caller: Role,
    pub reason: AdjustmentReason,
    pub amount: i64,
}

/// What happens to an adjustment that breaks no rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Within the caller's authority: applied at once.
    Apply,
    /// Beyond it: an approval request for this tier.
    Approval { required: Role },
}

/// Why the caller may not ask for it at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Raising needs `team_lead` and above.
    RaiseNeedsTeamLead,
}

/// Apply at once, or ask the tier whose `adjustment_max` covers it. Lowerings (and
/// `placement_update` either way) are bounded by the caller's `adjustment_max`; other raises by
/// team leads and above are not.
pub fn route(policy: &ApprovalPolicy, f: AdjustmentFacts) -> Result<Route, Refused> {
    let raise = f.amount > 0;
    let placement = f.reason == AdjustmentReason::PlacementUpdate;
    if raise && !placement && !f.caller.at_least(Role::TeamLead) {
        return Err(Refused::RaiseNeedsTeamLead);
    }
    if raise && !placement {
        return Ok(Route::Apply);
    }
    let ask = Ask::Adjustment {
        amount: f.amount.saturating_abs(),
    };
    let required = required_role(policy, ask);
    if f.caller.at_least(required) && policy.limits(f.caller).is_some() {
        Ok(Route::Apply)
    } else {
        Ok(Route::Approval { required })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AdjustmentReason as R;
    use Component as C;

    #[test]
    fn reasons_signs_and_parts() {
        let ok = |r, c, a| problems(r, c, a).is_empty();
        for c in Component::ALL {
            assert!(ok(R::BillingError, *c, 5) && ok(R::BillingError, *c, -5));
            assert!(ok(R::BalanceCorrection, *c, 5) && ok(R::BalanceCorrection, *c, -5));
            assert!(ok(R::Goodwill, *c, -5) && !ok(R::Goodwill, *c, 5));
        }
        let only = [
            (R::FeeWaiver, C::Fees, -1),
            (R::InterestWaiver, C::Interest, -1),
            (R::InterestAccrual, C::Interest, 1),
            (R::FeeAssessed, C::Fees, 1),
            (R::CourtCosts, C::Costs, 1),
        ];
        for (reason, part, sign) in only {
            for c in Component::ALL {
                assert_eq!(ok(reason, *c, sign), *c == part, "{reason:?} {c:?}");
                assert!(!ok(reason, *c, -sign), "{reason:?} with the wrong sign");
            }
        }
        assert!(
            ok(R::PlacementUpdate, C::Principal, -1) && ok(R::PlacementUpdate, C::Principal, 1)
        );
        assert!(!ok(R::PlacementUpdate, C::Fees, 1));
        assert!(!ok(R::BillingError, C::Fees, 0));
        assert!(!ok(R::BillingError, C::Fees, MAX_AMOUNT + 1));
        assert!(ok(R::BillingError, C::Fees, -MAX_AMOUNT));
    }

    fn routed(caller: Role, reason: AdjustmentReason, amount: i64) -> Result<Route, Refused> {
        route(
            &ApprovalPolicy::default(),
            AdjustmentFacts {
                caller,
                reason,
                amount,
            },
        )
    }

    #[test]
    fn limits_per_tier_at_the_boundary() {
        let approval = |required| Ok(Route::Approval { required });
        assert_eq!(
            routed(Role::Agent, R::Goodwill, -1),
            approval(Role::TeamLead)
        );
        assert_eq!(
            routed(Role::TeamLead, R::Goodwill, -10_000),
            Ok(Route::Apply)
        );
        assert_eq!(
            routed(Role::TeamLead, R::Goodwill, -10_001),
            approval(Role::Manager)
        );
        assert_eq!(
            routed(Role::Manager, R::FeeWaiver, -500_000),
            Ok(Route::Apply)
        );
        assert_eq!(
            routed(Role::Manager, R::FeeWaiver, -500_001),
            approval(Role::Head)
        );
        assert_eq!(
            routed(Role::Head, R::Goodwill, -MAX_AMOUNT),
            Ok(Route::Apply)
        );
    }

    #[test]
    fn raises() {
        assert_eq!(
            routed(Role::Agent, R::FeeAssessed, 100),
            Err(Refused::RaiseNeedsTeamLead)
        );
        assert_eq!(
            routed(Role::TeamLead, R::CourtCosts, MAX_AMOUNT),
            Ok(Route::Apply)
        );
        // A re-placement follows the importer's limits both ways.
        assert_eq!(
            routed(Role::Manager, R::PlacementUpdate, 500_000),
            Ok(Route::Apply)
        );
        assert_eq!(
            routed(Role::Manager, R::PlacementUpdate, 500_001),
            Ok(Route::Approval {
                required: Role::Head
            })
        );
        assert_eq!(
            routed(Role::Manager, R::PlacementUpdate, -500_001),
            Ok(Route::Approval {
                required: Role::Head
            })
        );
    }
}
