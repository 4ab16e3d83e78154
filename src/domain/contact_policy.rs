//! The contact policy a head sets: base rules and stricter overrides by debtor region;
//! [`ContactPolicy::rules_for`] gives the rules for one debtor that `compliance::evaluate`
//! applies. Regulation F is the floor ([`floor`]): at most 7 call attempts in 7 days
//! (12 CFR 1006.14(b)(2)(i)(A)), no call for 7 days after a conversation (1006.14(b)(2)(i)(B)),
//! calls between 08:00 and 21:00 local time (1006.6(b)(1)(i)). A policy may be stricter, never
//! looser, and a region override may only tighten the base policy.

use std::collections::BTreeMap;

use super::Problem;
use chrono::NaiveTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The rules in force for one debtor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    pub attempt_cap: u32,
    pub window_days: u32,
    pub lockout_days: u32,
    pub calling_start: NaiveTime,
    pub calling_end: NaiveTime,
}

/// Stricter rules for debtors of one region; unset fields keep the base policy's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"attempt_cap": 2}))]
pub struct RegionRules {
    /// At most the base policy's.
    #[schema(minimum = 1, maximum = 7)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempt_cap: Option<u32>,
    /// At least the base policy's.
    #[schema(minimum = 7, maximum = 30)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_days: Option<u32>,
    /// At least the base policy's.
    #[schema(minimum = 7, maximum = 30)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lockout_days: Option<u32>,
    /// `HH:MM`, local; not before the base policy's.
    #[schema(value_type = Option<String>, example = "09:00")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calling_start: Option<NaiveTime>,
    /// `HH:MM`, local; contacts must start before it; not after the base policy's.
    #[schema(value_type = Option<String>, example = "20:00")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calling_end: Option<NaiveTime>,
}

/// The contact policy: base rules and region overrides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"attempt_cap": 7, "window_days": 7, "lockout_days": 7, "calling_start": "08:00:00",
    "calling_end": "21:00:00", "regions": {"MA": {"attempt_cap": 2}}}))]
pub struct ContactPolicy {
    /// Outbound phone attempts allowed per window: at most 7 (Regulation F).
    #[schema(minimum = 1, maximum = 7)]
    pub attempt_cap: u32,
    /// The window, in the debtor's local calendar days ending with the day of the call: at
    /// least 7.
    #[schema(minimum = 7, maximum = 30)]
    pub window_days: u32,
    /// Local calendar days without calls after a phone conversation, its day counting as day
    /// one: at least 7.
    #[schema(minimum = 7, maximum = 30)]
    pub lockout_days: u32,
    /// Local time calls may start: 08:00 or later.
    #[schema(value_type = String, example = "08:00:00")]
    pub calling_start: NaiveTime,
    /// Local time calls must start before: 21:00 or earlier.
    #[schema(value_type = String, example = "21:00:00")]
    pub calling_end: NaiveTime,
    /// Overrides by debtor `region` (upper-case code such as `MA`).
    pub regions: BTreeMap<String, RegionRules>,
}

impl Default for ContactPolicy {
    fn default() -> Self {
        let mut regions = BTreeMap::new();
        regions.insert(
            "MA".to_owned(),
            RegionRules {
                attempt_cap: Some(2),
                ..Default::default()
            },
        );
        Self {
            attempt_cap: 7,
            window_days: 7,
            lockout_days: 7,
            calling_start: NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default(),
            calling_end: NaiveTime::from_hms_opt(21, 0, 0).unwrap_or_default(),
            regions,
        }
    }
}

impl ContactPolicy {
    /// The rules for a debtor of `region`.
    pub fn rules_for(&self, region: Option<&str>) -> Rules {
        let o = region
            .and_then(|r| self.regions.get(r))
            .cloned()
            .unwrap_or_default();
        Rules {
            attempt_cap: o.attempt_cap.unwrap_or(self.attempt_cap),
            window_days: o.window_days.unwrap_or(self.window_days),
            lockout_days: o.lockout_days.unwrap_or(self.lockout_days),
            calling_start: o.calling_start.unwrap_or(self.calling_start),
            calling_end: o.calling_end.unwrap_or(self.calling_end),
        }
    }

    /// The rules of every debtor the policy can meet: the base's, then each named region's.
    /// A check over accounts of regions not yet known (a page read in one statement) reads as
    /// much history as the longest of these needs.
    pub fn every_rules(&self) -> impl Iterator<Item = Rules> + '_ {
        std::iter::once(self.rules_for(None))
            .chain(self.regions.keys().map(|r| self.rules_for(Some(r))))
    }

    /// Every problem with the policy: out of range, below the floor, or a region override
    /// looser than the base.
    pub fn problems(&self) -> Vec<Problem> {
        let base = self.rules_for(None);
        let mut out = rule_problems("", &base);
        // A region inherits what it does not set: check its merged rules once the base is right.
        let base_ok = out.is_empty();
        for (region, o) in &self.regions {
            if region.is_empty()
                || region.len() > 10
                || !region
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
            {
                out.push(Problem::new(
                    format!("regions.{region}"),
                    "region codes are 1 to 10 upper-case letters, digits or -",
                ));
            }
            let prefix = format!("regions.{region}.");
            for field in looser_fields(o, &base) {
                out.push(Problem::new(
                    format!("{prefix}{field}"),
                    "must not be looser than the base policy",
                ));
            }
            if base_ok {
                out.extend(rule_problems(&prefix, &self.rules_for(Some(region))));
            }
        }
        out
    }

    /// This policy raised to the floor, with the fields that changed (JSON paths); `None` when
    /// it already complies. A region override looser than the (raised) base is dropped, so the
    /// base applies.
    pub fn raised_to_floor(&self) -> Option<Raised> {
        let f = floor();
        let mut p = self.clone();
        let mut fields = Vec::new();
        let mut set = |changed: bool, field: &str| {
            if changed {
                fields.push(field.to_owned());
            }
        };
        set(
            p.attempt_cap > f.attempt_cap || p.attempt_cap == 0,
            "attempt_cap",
        );
        p.attempt_cap = p.attempt_cap.clamp(1, f.attempt_cap);
        set(p.window_days < f.window_days, "window_days");
        p.window_days = p.window_days.max(f.window_days);
        set(p.lockout_days < f.lockout_days, "lockout_days");
        p.lockout_days = p.lockout_days.max(f.lockout_days);
        set(p.calling_start < f.calling_start, "calling_start");
        p.calling_start = p.calling_start.max(f.calling_start);
        set(p.calling_end > f.calling_end, "calling_end");
        p.calling_end = p.calling_end.min(f.calling_end);
        if p.calling_start >= p.calling_end {
            set(true, "calling_start");
            (p.calling_start, p.calling_end) = (f.calling_start, f.calling_end);
        }
        let base = p.rules_for(None);
        for (region, o) in p.regions.iter_mut() {
            for field in looser_fields(o, &base) {
                fields.push(format!("regions.{region}.{field}"));
                match field {
                    "attempt_cap" => o.attempt_cap = None,
                    "window_days" => o.window_days = None,
                    "lockout_days" => o.lockout_days = None,
                    "calling_start" => o.calling_start = None,
                    _ => o.calling_end = None,
                }
            }
        }
        (!fields.is_empty()).then_some(Raised { policy: p, fields })
    }
}

/// A policy raised to the floor, and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raised {
    pub policy: ContactPolicy,
    /// JSON paths of the fields that changed (`attempt_cap`, `regions.TX.lockout_days`).
    pub fields: Vec<String>,
}

/// The most days a policy's window or lockout may span.
pub const LONGEST_DAYS: u32 = 30;

/// The rules that need the most history a policy may set: the longest window and lockout (what
/// a read of history made before the policy is known must cover).
pub fn longest() -> Rules {
    Rules {
        window_days: LONGEST_DAYS,
        lockout_days: LONGEST_DAYS,
        ..floor()
    }
}

/// Regulation F's numbers: the loosest rules a policy may set.
pub fn floor() -> Rules {
    Rules {
        attempt_cap: 7,
        window_days: 7,
        lockout_days: 7,
        calling_start: NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default(),
        calling_end: NaiveTime::from_hms_opt(21, 0, 0).unwrap_or_default(),
    }
}

/// The fields of a region override that loosen `base`.
fn looser_fields(o: &RegionRules, base: &Rules) -> Vec<&'static str> {
    let mut out = Vec::new();
    if o.attempt_cap.is_some_and(|v| v > base.attempt_cap) {
        out.push("attempt_cap");
    }
    if o.window_days.is_some_and(|v| v < base.window_days) {
        out.push("window_days");
    }
    if o.lockout_days.is_some_and(|v| v < base.lockout_days) {
        out.push("lockout_days");
    }
    if o.calling_start.is_some_and(|v| v < base.calling_start) {
        out.push("calling_start");
    }
    if o.calling_end.is_some_and(|v| v > base.calling_end) {
        out.push("calling_end");
    }
    out
}

fn rule_problems(prefix: &str, r: &Rules) -> Vec<Problem> {
    let f = floor();
    let mut out = Vec::new();
    if !(1..=f.attempt_cap).contains(&r.attempt_cap) {
        out.push(Problem::new(
            format!("{prefix}attempt_cap"),
            "must be from 1 to 7 (Regulation F: at most 7 calls in 7 days)",
        ));
    }
    if !(f.window_days..=LONGEST_DAYS).contains(&r.window_days) {
        out.push(Problem::new(
            format!("{prefix}window_days"),
            "must be from 7 to 30 (Regulation F counts 7 consecutive days)",
        ));
    }
    if !(f.lockout_days..=LONGEST_DAYS).contains(&r.lockout_days) {
        out.push(Problem::new(
            format!("{prefix}lockout_days"),
            "must be from 7 to 30 (Regulation F: 7 days after a conversation)",
        ));
    }
    if r.calling_start < f.calling_start {
        out.push(Problem::new(
            format!("{prefix}calling_start"),
            "must be 08:00 or later (Regulation F: no calls before 08:00 local time)",
        ));
    }
    if r.calling_end > f.calling_end {
        out.push(Problem::new(
            format!("{prefix}calling_end"),
            "must be 21:00 or earlier (Regulation F: no calls at or after 21:00 local time)",
        ));
    }
    if r.calling_start >= r.calling_end {
        out.push(Problem::new(
            format!("{prefix}calling_end"),
            "must be after calling_start",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn fields(p: &ContactPolicy) -> Vec<String> {
        p.problems().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn every_rules_is_the_base_then_each_region_merged() {
        let mut p = ContactPolicy {
            regions: BTreeMap::new(),
            ..Default::default()
        };
        assert_eq!(p.every_rules().collect::<Vec<_>>(), vec![floor()]);
        p.regions.insert(
            "NY".into(),
            RegionRules {
                window_days: Some(14),
                ..Default::default()
            },
        );
        let every: Vec<Rules> = p.every_rules().collect();
        assert_eq!(every.len(), 2);
        assert_eq!(every[0], floor());
        assert_eq!(every[1].window_days, 14);
        assert_eq!(every[1].attempt_cap, floor().attempt_cap);
        // The default's Massachusetts override, merged with the base.
        let ma = ContactPolicy::default().every_rules().nth(1);
        assert_eq!(ma.map(|r| r.attempt_cap), Some(2));
    }

    #[test]
    fn the_default_is_regulation_f_and_complies() {
        let p = ContactPolicy::default();
        assert_eq!(p.rules_for(None), floor());
        assert!(p.problems().is_empty());
        assert_eq!(p.raised_to_floor(), None);
    }

    #[test]
    fn a_policy_below_the_floor_is_refused_field_by_field() {
        let mut p = ContactPolicy {
            attempt_cap: 8,
            window_days: 6,
            lockout_days: 0,
            calling_start: t(7, 59),
            calling_end: t(21, 1),
            ..Default::default()
        };
        assert_eq!(
            fields(&p),
            [
                "attempt_cap",
                "window_days",
                "lockout_days",
                "calling_start",
                "calling_end"
            ]
        );
        p = ContactPolicy::default();
        p.regions.insert(
            "TX".into(),
            RegionRules {
                calling_start: Some(t(6, 0)),
                attempt_cap: Some(10),
                lockout_days: Some(0),
                ..Default::default()
            },
        );
        let f = fields(&p);
        for field in ["attempt_cap", "lockout_days", "calling_start"] {
            assert!(f.contains(&format!("regions.TX.{field}")), "{f:?}");
        }
        // Stricter overrides are fine, at the edges too.
        p.regions.insert(
            "TX".into(),
            RegionRules {
                calling_start: Some(t(8, 0)),
                calling_end: Some(t(21, 0)),
                attempt_cap: Some(7),
                lockout_days: Some(7),
                window_days: Some(30),
            },
        );
        assert!(p.problems().is_empty(), "{:?}", p.problems());
    }

    #[test]
    fn a_region_may_not_loosen_a_stricter_base() {
        let mut p = ContactPolicy {
            attempt_cap: 3,
            calling_start: t(9, 0),
            ..Default::default()
        };
        p.regions.insert(
            "NY".into(),
            RegionRules {
                attempt_cap: Some(5),
                calling_start: Some(t(8, 30)),
                ..Default::default()
            },
        );
        assert_eq!(
            fields(&p),
            ["regions.NY.attempt_cap", "regions.NY.calling_start"]
        );
    }

    #[test]
    fn a_stored_policy_below_the_floor_is_raised() {
        let mut p = ContactPolicy {
            attempt_cap: 8,
            lockout_days: 0,
            calling_start: t(7, 0),
            calling_end: t(22, 0),
            ..Default::default()
        };
        p.regions.insert(
            "TX".into(),
            RegionRules {
                attempt_cap: Some(10),
                window_days: Some(14),
                ..Default::default()
            },
        );
        let raised = p.raised_to_floor().unwrap();
        assert_eq!(
            raised.fields,
            [
                "attempt_cap",
                "lockout_days",
                "calling_start",
                "calling_end",
                "regions.TX.attempt_cap"
            ]
        );
        assert!(raised.policy.problems().is_empty());
        assert_eq!(raised.policy.rules_for(None), floor());
        // The stricter part of the override stays.
        assert_eq!(raised.policy.regions["TX"].window_days, Some(14));
        assert_eq!(raised.policy.regions["TX"].attempt_cap, None);
        assert_eq!(raised.policy.raised_to_floor(), None);
    }
}
