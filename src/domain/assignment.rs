//! Auto-assignment: spreading accounts over agents so that each holds about the same balance.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// An account with its balance, or an agent with the balance they already hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holding {
    pub id: i64,
    pub balance: i64,
}

/// One account given to one agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handout {
    pub account_id: i64,
    pub agent_id: i64,
}

/// Assigns each account to one of `agents`: largest balance first, each to the agent holding the
/// least so far (ties: lowest agent id). The greedy largest-first rule keeps the spread within
/// the largest single balance.
pub fn balance_greedy(accounts: &[Holding], agents: &[Holding]) -> Vec<Handout> {
    if agents.is_empty() {
        return Vec::new();
    }
    let mut order: Vec<Holding> = accounts.to_vec();
    order.sort_by_key(|a| (Reverse(a.balance), a.id));
    let mut heap: BinaryHeap<Reverse<(i64, i64)>> = agents
        .iter()
        .map(|agent| Reverse((agent.balance, agent.id)))
        .collect();
    let mut out = Vec::with_capacity(order.len());
    for account in order {
        let Some(Reverse((held, agent_id))) = heap.pop() else {
            break;
        };
        out.push(Handout {
            account_id: account.id,
            agent_id,
        });
        heap.push(Reverse((held.saturating_add(account.balance), agent_id)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn h(pairs: &[(i64, i64)]) -> Vec<Holding> {
        pairs
            .iter()
            .map(|&(id, balance)| Holding { id, balance })
            .collect()
    }

    fn pairs(handouts: &[Handout]) -> Vec<(i64, i64)> {
        handouts
            .iter()
            .map(|h| (h.account_id, h.agent_id))
            .collect()
    }

    fn totals(assigned: &[Handout], accounts: &[Holding], agents: &[Holding]) -> HashMap<i64, i64> {
        let balance: HashMap<i64, i64> = accounts.iter().map(|a| (a.id, a.balance)).collect();
        let mut t: HashMap<i64, i64> = agents.iter().map(|a| (a.id, a.balance)).collect();
        for x in assigned {
            *t.get_mut(&x.agent_id).unwrap() += balance[&x.account_id];
        }
        t
    }

    #[test]
    fn largest_first_to_the_lightest_agent() {
        let accounts = h(&[(1, 500), (2, 400), (3, 300), (4, 200), (5, 100)]);
        let agents = h(&[(10, 0), (11, 0)]);
        let assigned = balance_greedy(&accounts, &agents);
        assert_eq!(
            pairs(&assigned),
            vec![(1, 10), (2, 11), (3, 11), (4, 10), (5, 10)]
        );
        let t = totals(&assigned, &accounts, &agents);
        assert_eq!((t[&10], t[&11]), (800, 700));
    }

    #[test]
    fn existing_holdings_count() {
        let accounts = h(&[(1, 100), (2, 100)]);
        let assigned = balance_greedy(&accounts, &h(&[(10, 1000), (11, 0)]));
        assert!(assigned.iter().all(|x| x.agent_id == 11));
    }

    #[test]
    fn spread_is_within_the_largest_balance() {
        let accounts: Vec<Holding> = (1..=200)
            .map(|i| Holding {
                id: i,
                balance: (i * 7919) % 100_000 + 1,
            })
            .collect();
        let agents = h(&[(1, 0), (2, 0), (3, 0), (4, 0), (5, 0)]);
        let t = totals(&balance_greedy(&accounts, &agents), &accounts, &agents);
        let (min, max) = (t.values().min().unwrap(), t.values().max().unwrap());
        assert!(max - min <= 100_000);
        assert!(balance_greedy(&accounts, &[]).is_empty());
    }
}
