//! The approval policy: the limits of each tier.

use actix_web::{get, put, web};
use serde::Deserialize;
use validator::Validate;

use crate::api::exec;
use crate::api::json::ValidJson;
use crate::auth::{AnyRole, Caller, Head};
use crate::db::approval_policy;
use crate::domain::authority::ApprovalPolicy;
use crate::error::ApiError;
use crate::state::AppState;

/// The approval policy (everyone may read it).
#[utoipa::path(tag = "approvals", operation_id = "get_approval_policy", responses((status = 200, description = "The policy", body = ApprovalPolicy)))]
#[get("/approval-policy")]
pub async fn get_approval_policy(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
) -> Result<web::Json<ApprovalPolicy>, ApiError> {
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), |conn, _| {
            approval_policy::current(conn)
        })
        .await?,
    ))
}

/// The policy as a request body (validated by `ApprovalPolicy::problems`).
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct ApprovalPolicyBody(pub ApprovalPolicy);

impl Validate for ApprovalPolicyBody {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        Ok(())
    }
}

/// Replace the approval policy (head): limits ≥ 0, never lower on a higher tier. Audited.
/// Pending requests keep the `required_role` they were given.
#[utoipa::path(tag = "approvals", operation_id = "replace_approval_policy", request_body = ApprovalPolicy, responses((status = 200, description = "The new policy", body = ApprovalPolicy)))]
#[put("/approval-policy")]
pub async fn replace_approval_policy(
    state: web::Data<AppState>,
    caller: Caller<Head>,
    body: ValidJson<ApprovalPolicyBody>,
) -> Result<web::Json<ApprovalPolicy>, ApiError> {
    let policy = body.into_inner().0;
    ApiError::unless_any(policy.problems())?;
    Ok(web::Json(
        exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
            approval_policy::replace(conn, actor, &policy)
        })
        .await?,
    ))
}
