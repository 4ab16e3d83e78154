//! The approval policy: one stored document (absent: the contract's table).

use crate::domain::authority::ApprovalPolicy;

super::policy_store::policy_store!(
    approval_policies,
    ApprovalPolicy,
    "approval_policy",
    parse_stored
);

/// A stored policy; one saved before adjustments existed gets the contract's `adjustment_max`
/// for each tier (the column was added with its defaults).
fn parse_stored(text: &str) -> Result<ApprovalPolicy, serde_json::Error> {
    let mut value: serde_json::Value = serde_json::from_str(text)?;
    let defaults = serde_json::to_value(ApprovalPolicy::default())?;
    if let (Some(tiers), Some(default_tiers)) = (value.as_object_mut(), defaults.as_object()) {
        for (name, limits) in tiers.iter_mut() {
            let default_max = default_tiers
                .get(name)
                .and_then(|t| t.get("adjustment_max"))
                .cloned()
                .unwrap_or(serde_json::Value::Null);
            if let Some(limits) = limits.as_object_mut() {
                limits.entry("adjustment_max").or_insert(default_max);
            }
        }
    }
    serde_json::from_value(value)
}
