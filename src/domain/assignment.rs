//! Auto-assignment: spreading accounts over agents so that each holds about the same balance.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Assigns each account `(id, balance)` to one of `agents` `(id, balance already held)`:
/// largest balance first, each to the agent holding the least so far (ties: lowest agent id).
/// The greedy largest-first rule keeps the spread within the largest single balance.
pub fn balance_greedy(accounts: &[(i64, i64)], agents: &[(i64, i64)]) -> Vec<(i64, i64)> {
    if agents.is_empty() {
        return Vec::new();
    }
    let mut order: Vec<(i64, i64)> = accounts.to_vec();
    order.sort_by_key(|&(id, balance)| (Reverse(balance), id));
    let mut heap: BinaryHeap<Reverse<(i64, i64)>> = agents
        .iter()
        .map(|&(agent, held)| Reverse((held, agent)))
        .collect();
    let mut out = Vec::with_capacity(order.len());
    for (account, balance) in order {
        let Some(Reverse((held, agent))) = heap.pop() else {
            break;
        };
        out.push((account, agent));
        heap.push(Reverse((held.saturating_add(balance), agent)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn totals(
        assigned: &[(i64, i64)],
        accounts: &[(i64, i64)],
        agents: &[(i64, i64)],
    ) -> HashMap<i64, i64> {
        let balance: HashMap<i64, i64> = accounts.iter().copied().collect();
        let mut t: HashMap<i64, i64> = agents.iter().copied().collect();
        for (account, agent) in assigned {
            *t.get_mut(agent).unwrap() += balance[account];
        }
        t
    }

    #[test]
    fn largest_first_to_the_lightest_agent() {
        let accounts = [(1, 500), (2, 400), (3, 300), (4, 200), (5, 100)];
        let agents = [(10, 0), (11, 0)];
        let assigned = balance_greedy(&accounts, &agents);
        assert_eq!(assigned, vec![(1, 10), (2, 11), (3, 11), (4, 10), (5, 10)]);
        let t = totals(&assigned, &accounts, &agents);
        assert_eq!((t[&10], t[&11]), (800, 700));
    }

    #[test]
    fn existing_holdings_count() {
        let accounts = [(1, 100), (2, 100)];
        let assigned = balance_greedy(&accounts, &[(10, 1000), (11, 0)]);
        assert!(assigned.iter().all(|&(_, agent)| agent == 11));
    }

    #[test]
    fn spread_is_within_the_largest_balance() {
        let accounts: Vec<(i64, i64)> = (1..=200).map(|i| (i, (i * 7919) % 100_000 + 1)).collect();
        let agents = [(1, 0), (2, 0), (3, 0), (4, 0), (5, 0)];
        let t = totals(&balance_greedy(&accounts, &agents), &accounts, &agents);
        let (min, max) = (t.values().min().unwrap(), t.values().max().unwrap());
        assert!(max - min <= 100_000);
        assert!(balance_greedy(&accounts, &[]).is_empty());
    }
}
