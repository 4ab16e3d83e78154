//! Typed path parameters: one struct per resource id, so a handler says which id it takes
//! (`web::Path<AccountPath>`) and the OpenAPI document describes it from the same type
//! (`params(AccountPath)`).

use serde::Deserialize;
use utoipa::IntoParams;

macro_rules! path_id {
    ($name:ident, $description:literal) => {
        #[doc = concat!("`{id}` in the path: ", $description, ".")]
        #[derive(Debug, Clone, Copy, Deserialize, IntoParams)]
        #[into_params(parameter_in = Path)]
        pub struct $name {
            #[doc = $description]
            pub id: i64,
        }
    };
}

path_id!(AccountPath, "Account id");
path_id!(AdjustmentPath, "Adjustment id");
path_id!(ApprovalPath, "Request id");
path_id!(ArrangementPath, "Arrangement id");
path_id!(CommunicationPath, "Communication id");
path_id!(ComplaintPath, "Complaint id");
path_id!(DebtorPath, "Debtor id");
path_id!(DisputePath, "Dispute id");
path_id!(EscalationPath, "Escalation id");
path_id!(PaymentPath, "Payment id");
path_id!(ReconciliationPath, "Reconciliation id");
path_id!(SatisfactionPath, "Survey answer id");
path_id!(ReconciliationExceptionPath, "Exception id");
path_id!(StrategyPath, "Strategy id");
path_id!(StrategyRunPath, "Strategy run id");
path_id!(TaskPath, "Task id");
path_id!(TeamPath, "Team id");
path_id!(UserPath, "User id");
path_id!(ContactPath, "Contact id");
path_id!(EvaluationFormPath, "Evaluation form id");
path_id!(EvaluationPath, "Evaluation id");
path_id!(CoachingSessionPath, "Coaching session id");
path_id!(CoachingActionPath, "Coaching action id");
path_id!(AgentPath, "The agent's user id");
path_id!(WebhookPath, "Webhook id");
path_id!(WebhookDeliveryPath, "Delivery id");
path_id!(ApiKeyPath, "API key id");
