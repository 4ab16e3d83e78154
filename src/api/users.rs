//! `/v1/me` and `/v1/users`.

use actix_web::{HttpResponse, get, patch, post, web};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::lenient_int;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::UserPath;
use crate::auth::{Admin, AnyRole, Caller};
use crate::db::users::{self, NewUser, User, UserChanges, UserFilter};
use crate::domain::role::Role;
use crate::error::ApiError;
use crate::state::AppState;

/// The shortest password accepted.
pub const MIN_PASSWORD_LEN: u64 = 12;

/// A new user.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "email": "dana.agent@example.com", "name": "Dana Agent", "role": "agent", "team_id": 3,
    "password": "a long passphrase"
}))]
pub struct CreateUserRequest {
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 320, message = "must be at most 320 characters")
    )]
    #[schema(format = "email", max_length = 320)]
    pub email: String,
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    pub role: Role,
    /// An existing team's id (422 `validation-failed` on `team_id` when no team has it).
    #[serde(default, deserialize_with = "lenient_int::option")]
    pub team_id: Option<i64>,
    /// At least 12 characters.
    #[validate(length(min = 12, max = 1024, message = "must be 12 to 1024 characters"))]
    #[schema(min_length = 12, max_length = 1024)]
    pub password: String,
}

/// Changes to a user; omitted fields stay as they are. Setting `active` to `false` deactivates
/// the user at once: their tokens stop working on the next request.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"active": false}))]
pub struct UpdateUserRequest {
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 320, message = "must be at most 320 characters")
    )]
    #[schema(format = "email", max_length = 320)]
    pub email: Option<String>,
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    pub role: Option<Role>,
    /// A team id, or `null` to take the user out of their team.
    #[serde(default, deserialize_with = "lenient_int::patch")]
    #[schema(value_type = Option<i64>)]
    pub team_id: Option<Option<i64>>,
    pub active: Option<bool>,
    #[validate(length(min = 12, max = 1024, message = "must be 12 to 1024 characters"))]
    #[schema(min_length = 12, max_length = 1024)]
    pub password: Option<String>,
}

/// Filters of the user list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserListParams {
    /// Only users with this role.
    pub role: Option<Role>,
    /// Only members of this team.
    pub team_id: Option<i64>,
    /// Only active (`true`) or deactivated (`false`) users.
    pub active: Option<bool>,
}

/// The signed-in user.
#[utoipa::path(tag = "users", operation_id = "get_me", responses((status = 200, description = "You", body = User)))]
#[get("/me")]
pub async fn get_me(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
) -> Result<web::Json<User>, ApiError> {
    let user = exec::read(&state.db, caller.into_actor(), |conn, actor| {
        users::find_visible(conn, actor, actor.user_id)
    })
    .await?;
    Ok(web::Json(user))
}

/// List users.
///
/// Admins, auditors, managers and heads see everyone; a team lead sees their team and
/// themselves; an agent sees only themselves.
#[utoipa::path(
    tag = "users",
    operation_id = "list_users",
    params(UserListParams, PageParams),
    responses((status = 200, description = "A page of users", body = Page<User>))
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    filter: web::Query<UserListParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<User>>, ApiError> {
    let page = page.parse()?;
    let filter = UserFilter {
        role: filter.role,
        team_id: filter.team_id,
        active: filter.active,
    };
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        users::list(conn, actor, &filter, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |u| u.id)))
}

/// Create a user (admin).
#[utoipa::path(
    tag = "users",
    operation_id = "create_user",
    request_body = CreateUserRequest,
    responses(
        (status = 201, description = "Created", body = User),
        (status = 409, description = "Another user has this email (`email-taken`), or the Idempotency-Key is in use"),
    )
)]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    idem: IdempotencyKey,
    body: ValidJson<CreateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let digest = body.digest;
    let req = body.into_inner();
    // Hash before taking a connection: argon2 is deliberately slow.
    let password_hash = state.passwords.hash(req.password).await?;
    let new = NewUser {
        email: req.email.trim().to_owned(),
        name: req.name.trim().to_owned(),
        role: req.role,
        team_id: req.team_id,
        password_hash,
    };
    exec::write(
        &state.db,
        caller.into_actor(),
        idem,
        digest,
        move |conn, actor| {
            Reply::created_in("/v1/users", &users::create(conn, &actor.into(), new)?)
        },
    )
    .await
}

/// One user, if visible to the caller (404 otherwise).
#[utoipa::path(
    tag = "users",
    operation_id = "get_user",
    params(UserPath),
    responses((status = 200, description = "The user", body = User))
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<UserPath>,
) -> Result<web::Json<User>, ApiError> {
    let id = id.into_inner().id;
    let user = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        users::find_visible(conn, actor, id)
    })
    .await?;
    Ok(web::Json(user))
}

/// Change a user (admin): name, email, role, team, password, or deactivate with `"active": false`.
/// Admins cannot deactivate themselves or change their own role (409 `self-lockout`).
#[utoipa::path(
    tag = "users",
    operation_id = "update_user",
    params(UserPath),
    request_body = UpdateUserRequest,
    responses(
        (status = 200, description = "The updated user", body = User),
        (status = 409, description = "Another user has this email (`email-taken`), you tried to deactivate yourself or change your own role (`self-lockout`), or a password for an API key's service user (`service-user`)"),
    )
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    id: web::Path<UserPath>,
    body: ValidJson<UpdateUserRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    let req = body.into_inner();
    let password_hash = match req.password {
        Some(p) => Some(state.passwords.hash(p).await?),
        None => None,
    };
    let changes = UserChanges {
        email: req.email.map(|e| e.trim().to_owned()),
        name: req.name.map(|n| n.trim().to_owned()),
        role: req.role,
        team_id: req.team_id,
        active: req.active,
        password_hash,
    };
    let user = exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
        users::update(conn, actor, id, changes)
    })
    .await?;
    Ok(HttpResponse::Ok().json(user))
}
