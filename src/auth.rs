//! Authentication: the per-tier extractors that put a handler's required role in its signature
//! (`caller: Caller<Head>`), over the access tokens of [`crate::tokens`].
//!
//! The extractor checks an access token (signature, algorithm, `exp`, `nbf`, `iss`, `aud`) and
//! the role without touching the database. The user is re-read inside the request's own
//! database work (`db::users::recheck`), so a deactivated user is refused at once without a
//! second pool checkout. An API key (`ak_…`) is looked up instead (one query, plus a
//! `last_used_at` write at most once a minute), then re-checked the same way.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, http::header, web};

pub use crate::actor::{Actor, TokenSubject};
use chrono::Duration;

use crate::api::request_id::RequestId;
use crate::db::api_keys::{self, Holder, KEY_PREFIX};
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
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { authenticate::<T>(&req).await })
    }
}

fn app_state(req: &HttpRequest) -> Result<&web::Data<AppState>, ApiError> {
    req.app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::Internal("application state missing".into()))
}

/// Whom the request's bearer credential names: an access token's claims, or an API key's
/// service user.
async fn subject(req: &HttpRequest) -> Result<TokenSubject, ApiError> {
    let state = app_state(req)?;
    let token = bearer_token(req)?;
    if token.starts_with(KEY_PREFIX) {
        return key_subject(state, token).await;
    }
    let claims = state.jwt.verify(token)?;
    let user_id: i64 = claims
        .sub
        .parse()
        .map_err(|_| ApiError::token_invalid("the access token names no user"))?;
    Ok(TokenSubject {
        user_id,
        role: claims.role,
        team_id: claims.team_id,
        session_version: claims.sv,
    })
}

async fn key_subject(state: &AppState, key: &str) -> Result<TokenSubject, ApiError> {
    let hash = crate::tokens::secret_hash(key);
    let now = state.clock.now();
    let holder = state
        .db
        .run(move |conn| {
            let holder = api_keys::holder(conn, &hash)?;
            if let Holder::Live {
                key_id,
                last_used_at,
                ..
            } = &holder
                && last_used_at.is_none_or(|at| now - at >= Duration::seconds(60))
            {
                api_keys::touch(conn, *key_id, now)?;
            }
            Ok(holder)
        })
        .await?;
    match holder {
        Holder::Live { subject, .. } => Ok(subject),
        Holder::Revoked => Err(ApiError::session_revoked("this API key has been revoked")),
        Holder::Unknown => Err(ApiError::token_invalid("no API key matches")),
    }
}

async fn authenticate<T: Tier>(req: &HttpRequest) -> Result<Caller<T>, ApiError> {
    let state = app_state(req)?;
    let who = subject(req).await?;
    crate::api::request_log::record_user(req, who.user_id);
    if !T::admits(who.role) {
        return Err(ApiError::forbidden(
            "insufficient-role",
            format!(
                "this operation is for {}; you are {}",
                T::NAME,
                who.role.as_str()
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
            user_id: who.user_id,
            role: who.role,
            team_id: who.team_id,
            request_id,
            now: state.clock.now(),
            session_version: who.session_version,
        },
        _tier: PhantomData,
    })
}

fn bearer_token(req: &HttpRequest) -> Result<&str, ApiError> {
    let value = req.headers().get(header::AUTHORIZATION).ok_or_else(|| {
        ApiError::token_invalid("send an access token: Authorization: Bearer <token>")
    })?;
    let value = value
        .to_str()
        .map_err(|_| ApiError::token_invalid("the Authorization header is not ASCII"))?;
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(token.trim())
        }
        _ => Err(ApiError::token_invalid(
            "the Authorization header must be: Bearer <token>",
        )),
    }
}

/// How long a stream opened with an API key lives before the client reconnects (a key does not
/// expire; a revoked one closes its streams within seconds, like a deactivated user's).
const KEY_STREAM_SECONDS: i64 = 24 * 3600;

/// When the credential of an authenticated request expires (unix seconds): a stream opened
/// with it closes then.
pub fn token_expiry(req: &HttpRequest) -> Result<i64, ApiError> {
    let state = app_state(req)?;
    let token = bearer_token(req)?;
    if token.starts_with(KEY_PREFIX) {
        return Ok(chrono::Utc::now().timestamp() + KEY_STREAM_SECONDS);
    }
    Ok(state.jwt.verify(token)?.exp)
}
