//! The complaint policy: days to respond per source (one stored document; absent: 15 for the
//! CFPB, 30 for the others).

use crate::domain::complaint::ComplaintPolicy;

super::policy_store::policy_store!(
    complaint_policies,
    ComplaintPolicy,
    "complaint_policy",
    serde_json::from_str::<ComplaintPolicy>
);
