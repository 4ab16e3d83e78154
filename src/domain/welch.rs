//! Welch's t interval for the difference of two means with unequal variances: the champion and
//! challenger arms' per-account liquidation rates as the two samples.
//!
//! difference = mean(b) − mean(a); se = √(s²a/na + s²b/nb) with sample variances (n − 1);
//! ν = (s²a/na + s²b/nb)² ÷ ((s²a/na)²/(na − 1) + (s²b/nb)²/(nb − 1)) (Welch–Satterthwaite);
//! the 95 % interval is difference ± t(0.975, ν) × se; it is significant when it excludes 0.

use statrs::distribution::{ContinuousCDF, StudentsT};

/// A difference with its 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub difference: f64,
    pub low: f64,
    pub high: f64,
    pub significant: bool,
}

fn mean_var(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var)
}

/// `b − a` with its 95 % Welch interval; `None` with fewer than two values on a side or no
/// variance at all.
pub fn welch_95(a: &[f64], b: &[f64]) -> Option<Interval> {
    if a.len() < 2 || b.len() < 2 {
        return None;
    }
    let (ma, va) = mean_var(a);
    let (mb, vb) = mean_var(b);
    let (qa, qb) = (va / a.len() as f64, vb / b.len() as f64);
    let se2 = qa + qb;
    if se2 <= 0.0 || !se2.is_finite() {
        return None;
    }
    let df =
        se2.powi(2) / (qa.powi(2) / (a.len() as f64 - 1.0) + qb.powi(2) / (b.len() as f64 - 1.0));
    let t = StudentsT::new(0.0, 1.0, df).ok()?.inverse_cdf(0.975);
    let difference = mb - ma;
    let half = t * se2.sqrt();
    let (low, high) = (difference - half, difference + half);
    Some(Interval {
        difference,
        low,
        high,
        significant: low > 0.0 || high < 0.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worked_example() {
        // Means 0.25 and 0.45, variances 1/60 each, n = 4: se = √(1/120) = 0.091287, ν = 6,
        // t(0.975, 6) = 2.446912, half-width 0.223373.
        let a = [0.10, 0.20, 0.30, 0.40];
        let b = [0.30, 0.40, 0.50, 0.60];
        let i = welch_95(&a, &b).unwrap();
        assert!((i.difference - 0.20).abs() < 1e-9);
        assert!((i.low - -0.023373).abs() < 1e-5, "{i:?}");
        assert!((i.high - 0.423373).abs() < 1e-5, "{i:?}");
        assert!(!i.significant);
        // Twice as far apart: significant.
        let c = [0.60, 0.70, 0.80, 0.90];
        assert!(welch_95(&a, &c).unwrap().significant);
        assert_eq!(welch_95(&a[..1], &b), None);
        assert_eq!(welch_95(&[0.5, 0.5], &[0.5, 0.5]), None);
    }
}
