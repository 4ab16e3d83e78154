//! Authentication: the per-tier extractors that put a handler's required role in its signature
//! (`caller: Caller<Head>`), over the access tokens of [`crate::tokens`].
//!
//! The extractor checks the token (signature, algorithm, `exp`, `nbf`, `iss`, `aud`) and the
//! role without touching the database. The user is re-read inside the request's own database
//! work (`db::users::recheck`), so a deactivated user is refused at once without a
//! second pool checkout.

use std::future::{Ready, ready};
use std::marker::PhantomData;

use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, http::header, web};

pub use crate::actor::{Actor, TokenSubject};
use crate::api::request_id::RequestId;
use crate::domain::role::Role;
use crate::error::ApiError;
use crate::state::AppState;
pub use crate::tokens::{Claims, JwtKeys};

/// The roles an extractor admits.
pub trait Tier {
    /// Human name used in 403 answers ("head", "admin or auditor" …).
    const NAME: &'static str;
    fn admits(role: Role) -> bool;
}

macro_rules! tier {
    ($(#[$doc:meta])* $name:ident, $label:literal, |$r:ident| $admits:expr) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name;
        impl Tier for $name {
            const NAME: &'static str = $label;
            fn admits($r: Role) -> bool {
                $admits
            }
        }
    };
}

tier!(/// Any authenticated, active user.
    AnyRole, "any role", |_r| true);
tier!(/// The collection chain: agent, team_lead, manager, head.
    Agent, "agent, team_lead, manager or head", |r| r.at_least(Role::Agent));
tier!(/// team_lead, manager, head.
    TeamLead, "team_lead, manager or head", |r| r.at_least(Role::TeamLead));
tier!(/// manager, head.
    Manager, "manager or head", |r| r.at_least(Role::Manager));
tier!(/// head only.
    Head, "head", |r| r == Role::Head);
tier!(/// admin only (users and teams).
    Admin, "admin", |r| r == Role::Admin);
tier!(/// Readers of reports and targets: team_lead (own team), manager, head, auditor.
    ReportReader, "team_lead, manager, head or auditor", |r| r.at_least(Role::TeamLead) || r == Role::Auditor);
tier!(/// Readers of the audit log: auditor and head.
    AuditReader, "auditor or head", |r| matches!(r, Role::Auditor | Role::Head));

/// An authenticated caller whose role `T` admits; 401 without a valid token, 403 for other roles.
#[derive(Debug)]
pub struct Caller<T: Tier> {
    pub actor: Actor,
    _tier: PhantomData<T>,
}

impl<T: Tier> Caller<T> {
    pub fn into_actor(self) -> Actor {
        self.actor
    }
}

impl<T: Tier> FromRequest for Caller<T> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(authenticate::<T>(req))
    }
}

fn authenticate<T: Tier>(req: &HttpRequest) -> Result<Caller<T>, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::Internal("application state missing".into()))?;
    let token = bearer_token(req)?;
    let claims = state.jwt.verify(token)?;
    let user_id: i64 = claims
        .sub
        .parse()
        .map_err(|_| ApiError::Unauthorized("the access token names no user".into()))?;
    if !T::admits(claims.role) {
        return Err(ApiError::forbidden(
            "insufficient-role",
            format!(
                "this operation is for {}; you are {}",
                T::NAME,
                claims.role.as_str()
            ),
        ));
    }
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    Ok(Caller {
        actor: Actor {
            user_id,
            role: claims.role,
            team_id: claims.team_id,
            request_id,
            now: state.clock.now(),
            session_version: claims.sv,
        },
        _tier: PhantomData,
    })
}

fn bearer_token(req: &HttpRequest) -> Result<&str, ApiError> {
    let value = req.headers().get(header::AUTHORIZATION).ok_or_else(|| {
        ApiError::Unauthorized("send an access token: Authorization: Bearer <token>".into())
    })?;
    let value = value
        .to_str()
        .map_err(|_| ApiError::Unauthorized("the Authorization header is not ASCII".into()))?;
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(token.trim())
        }
        _ => Err(ApiError::Unauthorized(
            "the Authorization header must be: Bearer <token>".into(),
        )),
    }
}

/// When the access token of an authenticated request expires (unix seconds): a stream opened
/// with it closes then.
pub fn token_expiry(req: &HttpRequest) -> Result<i64, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::Internal("application state missing".into()))?;
    Ok(state.jwt.verify(bearer_token(req)?)?.exp)
}
