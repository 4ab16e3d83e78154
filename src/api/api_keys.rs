//! `/v1/api-keys` (admin): keys for scripts and services, each acting with a role and team of
//! its own. Sent as `Authorization: Bearer ak_…` wherever an access token is accepted.

use actix_web::{HttpResponse, delete, get, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::lenient_int;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::ApiKeyPath;
use crate::auth::{Admin, Caller};
use crate::db::api_keys::{self, ApiKey};
use crate::domain::role::Role;
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflows::api_key::{self as workflow, NewKey};

/// A key to create.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "nightly ledger export", "role": "auditor"}))]
pub struct ApiKeyRequest {
    /// What the key is for.
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// The role the key acts with: the same role checks and scopes as a person with it.
    pub role: Role,
    /// The team it acts for (an agent key sees the accounts assigned to its service user; a
    /// team lead key its team's). 422 on `team_id` when no team has it.
    #[serde(default, deserialize_with = "lenient_int::option")]
    pub team_id: Option<i64>,
}

/// Create an API key (admin).
///
/// The answer's `key` is shown only here: store it as a secret. Send it as
/// `Authorization: Bearer ak_…` wherever an access token is accepted; it never expires, and
/// acts as its own service user (listed among the users, named `API key: <name>`), so every
/// role check, scope and audit entry applies to it as to a person with its role and team.
#[utoipa::path(tag = "api-keys", operation_id = "create_api_key", request_body = ApiKeyRequest,
    responses((status = 201, description = "Created, with its key", body = ApiKey)))]
#[post("/api-keys")]
pub async fn create_api_key(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    idem: IdempotencyKey,
    body: ValidJson<ApiKeyRequest>,
) -> Result<HttpResponse, ApiError> {
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, r| {
            let new = NewKey {
                name: r.name.trim().to_owned(),
                role: r.role,
                team_id: r.team_id,
            };
            let key = workflow::create(conn, actor, new)?;
            Ok(Reply::created(&key)?.at(format!("/v1/api-keys/{}", key.id)))
        },
    )
    .await
}

/// The API keys, oldest first, revoked ones included (admin; never the keys themselves).
#[utoipa::path(tag = "api-keys", operation_id = "list_api_keys", params(PageParams),
    responses((status = 200, description = "A page of API keys", body = Page<ApiKey>)))]
#[get("/api-keys")]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<ApiKey>>, ApiError> {
    let page = page.parse()?;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, _| {
        api_keys::list(conn, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |k| k.id)))
}

/// One API key, with when it was last used (admin).
#[utoipa::path(tag = "api-keys", operation_id = "get_api_key", params(ApiKeyPath),
    responses((status = 200, description = "The key", body = ApiKey)))]
#[get("/api-keys/{id}")]
pub async fn get_api_key(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    id: web::Path<ApiKeyPath>,
) -> Result<web::Json<ApiKey>, ApiError> {
    let id = id.into_inner().id;
    let key = exec::read(&state.db, caller.into_actor(), move |conn, _| {
        api_keys::find(conn, id)
    })
    .await?;
    Ok(web::Json(key))
}

/// Revoke an API key (admin): requests with it get 401 `session-revoked` at once, and its
/// service user is deactivated. The key stays listed with `revoked_at`; revoking it again
/// answers 204 too.
#[utoipa::path(tag = "api-keys", operation_id = "revoke_api_key", params(ApiKeyPath),
    responses((status = 204, description = "Revoked")))]
#[delete("/api-keys/{id}")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    id: web::Path<ApiKeyPath>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
        workflow::revoke(conn, actor, id)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
