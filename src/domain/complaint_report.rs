//! The complaints and satisfaction figures of a period, per group: pure functions over the
//! period's complaints and survey answers (the database loads them, these count).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::report::rate;

/// One complaint as the report sees it: its group key and its times.
#[derive(Debug, Clone)]
pub struct ComplaintFact<K> {
    pub group: K,
    pub received_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub justified: Option<bool>,
}

/// The period `[start, end)` and the moment the report is made.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub now: DateTime<Utc>,
}

/// The complaint figures of one group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ComplaintCounts {
    pub received: i64,
    pub closed: i64,
    pub open: i64,
    pub overdue: i64,
    pub justified: i64,
    pub justified_rate: Option<f64>,
    pub median_days_to_close: Option<f64>,
}

/// Counts per group: `received` in the period; `closed` in the period; `open` at its end
/// (received before the end, not closed by then); `overdue` among those, past `due_at` at the end
/// (or now, for a period not over); `justified` among the closed; `justified_rate` = justified ÷
/// closed; `median_days_to_close` over the closed (days, 1 decimal).
pub fn complaint_counts<K: Ord + Clone>(
    facts: &[ComplaintFact<K>],
    w: Window,
) -> BTreeMap<K, ComplaintCounts> {
    let mut out: BTreeMap<K, ComplaintCounts> = BTreeMap::new();
    let mut days: BTreeMap<K, Vec<i64>> = BTreeMap::new();
    let judged_at = w.end.min(w.now);
    for f in facts {
        let c = out.entry(f.group.clone()).or_default();
        let within = |t: DateTime<Utc>| t >= w.start && t < w.end;
        if within(f.received_at) {
            c.received += 1;
        }
        match f.closed_at {
            Some(at) if within(at) => {
                c.closed += 1;
                if f.justified == Some(true) {
                    c.justified += 1;
                }
                let seconds = (at - f.received_at).num_seconds().max(0);
                days.entry(f.group.clone()).or_default().push(seconds);
            }
            _ => {}
        }
        let open_at_end = f.received_at < w.end && f.closed_at.is_none_or(|at| at >= w.end);
        if open_at_end {
            c.open += 1;
            if f.due_at < judged_at {
                c.overdue += 1;
            }
        }
    }
    for (group, c) in out.iter_mut() {
        c.justified_rate = rate(c.justified.into(), c.closed.into());
        c.median_days_to_close = days.get_mut(group).and_then(|d| median_days(d));
    }
    out
}

/// The median of durations in seconds, as days with 1 decimal.
fn median_days(seconds: &mut [i64]) -> Option<f64> {
    if seconds.is_empty() {
        return None;
    }
    seconds.sort_unstable();
    let n = seconds.len();
    let twice = if n % 2 == 1 {
        2 * i128::from(seconds[n / 2])
    } else {
        i128::from(seconds[n / 2 - 1]) + i128::from(seconds[n / 2])
    };
    // Tenths of a day, rounded half up: twice × 10 ÷ (2 × 86,400).
    let tenths = (twice * 10 + 86_400) / 172_800;
    Some(tenths as f64 / 10.0)
}

/// The satisfaction figures of one group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SatisfactionCounts {
    pub responses: i64,
    /// Mean score, 2 decimals.
    pub average_score: Option<f64>,
    /// Share of scores 4 and 5, 4 decimals.
    pub csat: Option<f64>,
}

/// Counts per group of `(group, score)` answers.
pub fn satisfaction_counts<K: Ord + Clone>(
    answers: &[(K, i64)],
) -> BTreeMap<K, SatisfactionCounts> {
    let mut sums: BTreeMap<K, (i64, i64, i64)> = BTreeMap::new();
    for (group, score) in answers {
        let e = sums.entry(group.clone()).or_default();
        e.0 += 1;
        e.1 += score;
        e.2 += i64::from(*score >= 4);
    }
    sums.into_iter()
        .map(|(k, (n, total, satisfied))| {
            let average = rate(total.into(), n.into()).map(|v| (v * 100.0).round() / 100.0);
            let counts = SatisfactionCounts {
                responses: n,
                average_score: average,
                csat: rate(satisfied.into(), n.into()),
            };
            (k, counts)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn fact(
        group: &str,
        received: &str,
        due: &str,
        closed: Option<&str>,
        justified: Option<bool>,
    ) -> ComplaintFact<String> {
        ComplaintFact {
            group: group.into(),
            received_at: t(received),
            due_at: t(due),
            closed_at: closed.map(t),
            justified,
        }
    }

    #[test]
    fn complaint_figures_of_a_month() {
        let w = Window {
            start: t("2026-11-01T00:00:00Z"),
            end: t("2026-12-01T00:00:00Z"),
            now: t("2026-12-10T00:00:00Z"),
        };
        let facts = [
            // Received in October, closed in November after 40 days, justified.
            fact(
                "a",
                "2026-10-05T00:00:00Z",
                "2026-11-04T00:00:00Z",
                Some("2026-11-14T00:00:00Z"),
                Some(true),
            ),
            // Received and closed in November after 3 days, not justified.
            fact(
                "a",
                "2026-11-02T00:00:00Z",
                "2026-12-02T00:00:00Z",
                Some("2026-11-05T00:00:00Z"),
                Some(false),
            ),
            // Received in November, open at the end, overdue by then (due 29 November).
            fact(
                "a",
                "2026-11-14T00:00:00Z",
                "2026-11-29T00:00:00Z",
                None,
                None,
            ),
            // Received in November, closed in December: open at the end, not overdue.
            fact(
                "b",
                "2026-11-20T00:00:00Z",
                "2026-12-20T00:00:00Z",
                Some("2026-12-03T00:00:00Z"),
                Some(true),
            ),
        ];
        let counts = complaint_counts(&facts, w);
        assert_eq!(
            counts["a"],
            ComplaintCounts {
                received: 2,
                closed: 2,
                open: 1,
                overdue: 1,
                justified: 1,
                justified_rate: Some(0.5),
                median_days_to_close: Some(21.5),
            }
        );
        assert_eq!(
            (
                counts["b"].received,
                counts["b"].closed,
                counts["b"].open,
                counts["b"].overdue
            ),
            (1, 0, 1, 0)
        );
        assert_eq!(counts["b"].median_days_to_close, None);
    }

    #[test]
    fn a_period_not_over_judges_overdue_now() {
        let w = Window {
            start: t("2026-11-01T00:00:00Z"),
            end: t("2026-12-01T00:00:00Z"),
            now: t("2026-11-10T00:00:00Z"),
        };
        let facts = [fact(
            "a",
            "2026-11-02T00:00:00Z",
            "2026-11-17T00:00:00Z",
            None,
            None,
        )];
        assert_eq!(complaint_counts(&facts, w)["a"].overdue, 0);
    }

    #[test]
    fn satisfaction_figures() {
        let answers = [("x", 5), ("x", 4), ("x", 2), ("y", 3)];
        let counts = satisfaction_counts(&answers);
        assert_eq!(
            counts["x"],
            SatisfactionCounts {
                responses: 3,
                average_score: Some(3.67),
                csat: Some(0.6667),
            }
        );
        assert_eq!(counts["y"].csat, Some(0.0));
    }
}
