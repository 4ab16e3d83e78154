//! The contact policy a manager sets: base rules (Regulation F's numbers by default) and stricter
//! overrides by debtor region; [`ContactPolicy::rules_for`] gives the rules for one debtor that
//! `compliance::evaluate` applies.

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
    #[schema(minimum = 1, maximum = 50)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempt_cap: Option<u32>,
    #[schema(minimum = 1, maximum = 30)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_days: Option<u32>,
    #[schema(minimum = 0, maximum = 30)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lockout_days: Option<u32>,
    /// `HH:MM`, local.
    #[schema(value_type = Option<String>, example = "09:00")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calling_start: Option<NaiveTime>,
    /// `HH:MM`, local; contacts must start before it.
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
    /// Outbound phone attempts allowed per window (Regulation F: 7).
    #[schema(minimum = 1, maximum = 50)]
    pub attempt_cap: u32,
    /// The rolling window, in days (7).
    #[schema(minimum = 1, maximum = 30)]
    pub window_days: u32,
    /// Days without calls after a phone conversation, its day counting as day one (7).
    #[schema(minimum = 0, maximum = 30)]
    pub lockout_days: u32,
    /// Local time calls may start (08:00).
    #[schema(value_type = String, example = "08:00:00")]
    pub calling_start: NaiveTime,
    /// Local time calls must start before (21:00).
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

    /// Every problem with the policy.
    pub fn problems(&self) -> Vec<Problem> {
        let base = Rules {
            attempt_cap: self.attempt_cap,
            window_days: self.window_days,
            lockout_days: self.lockout_days,
            calling_start: self.calling_start,
            calling_end: self.calling_end,
        };
        let mut out = rule_problems("", &base);
        for region in self.regions.keys() {
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
            out.extend(rule_problems(
                &format!("regions.{region}."),
                &self.rules_for(Some(region)),
            ));
        }
        out
    }
}

fn rule_problems(prefix: &str, r: &Rules) -> Vec<Problem> {
    let mut out = Vec::new();
    if !(1..=50).contains(&r.attempt_cap) {
        out.push(Problem::new(
            format!("{prefix}attempt_cap"),
            "must be from 1 to 50",
        ));
    }
    if !(1..=30).contains(&r.window_days) {
        out.push(Problem::new(
            format!("{prefix}window_days"),
            "must be from 1 to 30",
        ));
    }
    if r.lockout_days > 30 {
        out.push(Problem::new(
            format!("{prefix}lockout_days"),
            "must be from 0 to 30",
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
