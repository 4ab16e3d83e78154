//! `/v1/teams`.

use actix_web::{HttpResponse, get, patch, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::TeamPath;
use crate::auth::{Admin, AnyRole, Caller};
use crate::db::teams::{self, Team};
use crate::error::ApiError;
use crate::state::AppState;

/// A team's name.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "North"}))]
pub struct TeamRequest {
    /// 1 to 100 characters, unique (case-insensitively).
    #[validate(
        length(min = 1, max = 100, message = "must be 1 to 100 characters"),
        custom(function = "not_blank")
    )]
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
}

fn not_blank(value: &str) -> Result<(), validator::ValidationError> {
    if value.trim().is_empty() {
        let mut e = validator::ValidationError::new("blank");
        e.message = Some("must not be blank".into());
        return Err(e);
    }
    Ok(())
}

/// List teams (every signed-in user).
#[utoipa::path(
    tag = "teams",
    operation_id = "list_teams",
    params(PageParams),
    responses((status = 200, description = "A page of teams", body = Page<Team>))
)]
#[get("/teams")]
pub async fn list_teams(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Team>>, ApiError> {
    let page = page.parse()?;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, _| {
        teams::list(conn, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |t| t.id)))
}

/// Create a team (admin).
#[utoipa::path(
    tag = "teams",
    operation_id = "create_team",
    request_body = TeamRequest,
    responses(
        (status = 201, description = "Created", body = Team),
        (status = 409, description = "Another team has this name (`team-name-taken`)"),
    )
)]
#[post("/teams")]
pub async fn create_team(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    idem: IdempotencyKey,
    body: ValidJson<TeamRequest>,
) -> Result<HttpResponse, ApiError> {
    exec::post(
        &state.db,
        caller.into_actor(),
        idem,
        body,
        move |conn, actor, body| {
            let name = body.name.trim().to_owned();
            Reply::created_in("/v1/teams", &teams::create(conn, &actor.into(), &name)?)
        },
    )
    .await
}

/// One team.
#[utoipa::path(
    tag = "teams",
    operation_id = "get_team",
    params(TeamPath),
    responses((status = 200, description = "The team", body = Team))
)]
#[get("/teams/{id}")]
pub async fn get_team(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<TeamPath>,
) -> Result<web::Json<Team>, ApiError> {
    let id = id.into_inner().id;
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), move |conn, _| {
            teams::find(conn, id)
        })
        .await?,
    ))
}

/// Rename a team (admin).
#[utoipa::path(
    tag = "teams",
    operation_id = "update_team",
    params(TeamPath),
    request_body = TeamRequest,
    responses(
        (status = 200, description = "The renamed team", body = Team),
        (status = 409, description = "Another team has this name (`team-name-taken`)"),
    )
)]
#[patch("/teams/{id}")]
pub async fn update_team(
    state: web::Data<AppState>,
    caller: Caller<Admin>,
    id: web::Path<TeamPath>,
    body: ValidJson<TeamRequest>,
) -> Result<web::Json<Team>, ApiError> {
    let id = id.into_inner().id;
    let name = body.into_inner().name.trim().to_owned();
    let team = exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
        teams::rename(conn, &actor.into(), id, &name)
    })
    .await?;
    Ok(web::Json(team))
}
