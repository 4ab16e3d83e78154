//! A balance in parts — principal, interest, fees, costs — and how money is taken from them: a
//! payment in the order of the allocation policy, a write-off or a settlement's forgiveness in a
//! fixed order (fees, interest, costs, then principal). The parts always sum to the balance.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Problem;
use super::status::text_enum;

text_enum! {
    /// One part of a balance.
    #[schema(example = "principal")]
    Component {
        Principal => "principal",
        Interest => "interest",
        Fees => "fees",
        Costs => "costs",
    }
}

/// Amounts per part (minor units): a balance's parts, or what a movement took from each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"principal": 90000, "interest": 7500, "fees": 2500, "costs": 0}))]
pub struct Parts {
    pub principal: i64,
    pub interest: i64,
    pub fees: i64,
    pub costs: i64,
}

/// The order write-offs and settlement forgiveness take from the parts.
pub const FORGIVENESS_ORDER: [Component; 4] = [
    Component::Fees,
    Component::Interest,
    Component::Costs,
    Component::Principal,
];

impl Parts {
    pub fn get(&self, c: Component) -> i64 {
        match c {
            Component::Principal => self.principal,
            Component::Interest => self.interest,
            Component::Fees => self.fees,
            Component::Costs => self.costs,
        }
    }

    fn get_mut(&mut self, c: Component) -> &mut i64 {
        match c {
            Component::Principal => &mut self.principal,
            Component::Interest => &mut self.interest,
            Component::Fees => &mut self.fees,
            Component::Costs => &mut self.costs,
        }
    }

    /// The sum, without overflow.
    pub fn total(&self) -> i128 {
        Component::ALL
            .iter()
            .map(|c| i128::from(self.get(*c)))
            .sum()
    }

    /// Takes up to `amount` from these parts in `order`, each part at most what it holds: what
    /// was taken from each. The taken total is less than `amount` only when the parts hold less.
    pub fn take(&self, amount: i64, order: &[Component]) -> Parts {
        let mut left = amount.max(0);
        let mut taken = Parts::default();
        for c in order {
            let part = self.get(*c).max(0).min(left);
            *taken.get_mut(*c) = part;
            left -= part;
        }
        taken
    }

    /// `amount` in one part, zero in the others.
    pub fn only(c: Component, amount: i64) -> Parts {
        let mut parts = Parts::default();
        *parts.get_mut(c) = amount;
        parts
    }

    /// These parts less `other`'s, part by part.
    pub fn minus(&self, other: &Parts) -> Parts {
        Parts {
            principal: self.principal - other.principal,
            interest: self.interest - other.interest,
            fees: self.fees - other.fees,
            costs: self.costs - other.costs,
        }
    }
}

/// The order a payment pays the parts in (`GET|PUT /v1/allocation-policy`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"order": ["costs", "fees", "interest", "principal"]}))]
pub struct AllocationPolicy {
    /// Every part once, first paid first.
    pub order: Vec<Component>,
}

impl Default for AllocationPolicy {
    fn default() -> Self {
        Self {
            order: vec![
                Component::Costs,
                Component::Fees,
                Component::Interest,
                Component::Principal,
            ],
        }
    }
}

impl AllocationPolicy {
    /// `order` must name each of the four parts exactly once.
    pub fn problems(&self) -> Vec<Problem> {
        let complete = self.order.len() == Component::ALL.len()
            && Component::ALL.iter().all(|c| self.order.contains(c));
        if complete {
            vec![]
        } else {
            vec![Problem::new(
                "order",
                "must name principal, interest, fees and costs, each exactly once",
            )]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(principal: i64, interest: i64, fees: i64, costs: i64) -> Parts {
        Parts {
            principal,
            interest,
            fees,
            costs,
        }
    }

    #[test]
    fn a_payment_takes_the_parts_in_order() {
        let balance = parts(1000, 200, 50, 30);
        let order = AllocationPolicy::default().order;
        assert_eq!(balance.take(60, &order), parts(0, 0, 30, 30));
        assert_eq!(balance.take(300, &order), parts(20, 200, 50, 30));
        assert_eq!(balance.take(5000, &order), balance);
        assert_eq!(balance.take(5000, &order).total(), 1280);
        assert_eq!(balance.take(0, &order), Parts::default());
        let principal_first = [
            Component::Principal,
            Component::Interest,
            Component::Fees,
            Component::Costs,
        ];
        assert_eq!(balance.take(1100, &principal_first), parts(1000, 100, 0, 0));
        assert_eq!(
            balance.minus(&balance.take(300, &order)),
            parts(980, 0, 0, 0)
        );
    }

    #[test]
    fn forgiveness_takes_fees_and_interest_first() {
        let balance = parts(1000, 200, 50, 30);
        assert_eq!(balance.take(260, &FORGIVENESS_ORDER), parts(0, 200, 50, 10));
    }

    #[test]
    fn the_order_names_every_part_once() {
        assert!(AllocationPolicy::default().problems().is_empty());
        let short = AllocationPolicy {
            order: vec![Component::Fees, Component::Principal],
        };
        assert_eq!(short.problems()[0].field, "order");
        let twice = AllocationPolicy {
            order: vec![
                Component::Fees,
                Component::Fees,
                Component::Interest,
                Component::Principal,
            ],
        };
        assert!(!twice.problems().is_empty());
    }
}
