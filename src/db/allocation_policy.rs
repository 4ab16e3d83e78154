//! The allocation policy: the order payments pay the parts of a balance in (one stored
//! document; absent: costs, fees, interest, principal).

use crate::domain::parts::AllocationPolicy;

super::policy_store::policy_store!(
    allocation_policies,
    AllocationPolicy,
    "allocation_policy",
    serde_json::from_str::<AllocationPolicy>
);
