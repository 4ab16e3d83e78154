//! The allocation policy: the order a payment pays the parts of a balance in.

use actix_web::{get, put, web};
use serde::Deserialize;
use validator::Validate;

use crate::api::exec;
use crate::api::json::ValidJson;
use crate::auth::{AnyRole, Caller, Head};
use crate::db::allocation_policy;
use crate::domain::parts::AllocationPolicy;
use crate::error::ApiError;
use crate::state::AppState;

/// The allocation policy (everyone may read it): the order a payment pays `costs`, `fees`,
/// `interest` and `principal` in.
#[utoipa::path(tag = "payments", operation_id = "get_allocation_policy", responses((status = 200, description = "The policy", body = AllocationPolicy)))]
#[get("/allocation-policy")]
pub async fn get_allocation_policy(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
) -> Result<web::Json<AllocationPolicy>, ApiError> {
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), |conn, _| {
            allocation_policy::current(conn)
        })
        .await?,
    ))
}

/// The policy as a request body (validated by `AllocationPolicy::problems`).
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct AllocationPolicyBody(pub AllocationPolicy);

impl Validate for AllocationPolicyBody {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        Ok(())
    }
}

/// Replace the allocation policy (head): `order` names each of the four parts once (422
/// otherwise). Audited. Payments recorded before keep the split they were given, and a
/// reversal restores exactly that split.
#[utoipa::path(
    tag = "payments",
    operation_id = "replace_allocation_policy",
    request_body = AllocationPolicy,
    responses(
        (status = 200, description = "The new policy", body = AllocationPolicy),
        (status = 422, description = "`order` is not a permutation of the four parts (`validation-failed`)"),
    )
)]
#[put("/allocation-policy")]
pub async fn replace_allocation_policy(
    state: web::Data<AppState>,
    caller: Caller<Head>,
    body: ValidJson<AllocationPolicyBody>,
) -> Result<web::Json<AllocationPolicy>, ApiError> {
    let policy = body.into_inner().0;
    ApiError::unless_any(policy.problems())?;
    Ok(web::Json(
        exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
            allocation_policy::replace(conn, actor, &policy)
        })
        .await?,
    ))
}
