//! Authentication: password hashing, JWT issue and check, and the per-tier extractors that put
//! a handler's required role in its signature (`caller: Caller<Head>`).
//!
//! The extractor checks the token (signature, algorithm, `exp`, `nbf`, `iss`, `aud`) and the
//! role without touching the database. The user is re-read inside the request's own database
//! work ([`crate::db::users::recheck`]), so a deactivated user is refused at once without a
//! second pool checkout.

use std::future::{Ready, ready};
use std::marker::PhantomData;

use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, http::header, web};
use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

use crate::api::request_id::RequestId;
use crate::domain::role::Role;
use crate::error::ApiError;
use crate::state::AppState;

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The user id, as a string (RFC 7519).
    pub sub: String,
    pub role: Role,
    pub team_id: Option<i64>,
    /// The user's session version when the token was issued: a password, role or activity
    /// change bumps it, and a token carrying an older one is refused (`session-revoked`).
    #[serde(default)]
    pub sv: i64,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
}

/// Signs and checks access tokens. HS256 only: the algorithm is pinned, so a token naming
/// another (`none`, RS256 with the secret as a public key) is refused.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    audience: String,
    ttl_seconds: i64,
}

impl JwtKeys {
    pub fn new(secret: &[u8], issuer: &str, audience: &str, ttl_seconds: i64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = 5;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            ttl_seconds,
        }
    }

    /// Lifetime of an access token in seconds.
    pub fn ttl_seconds(&self) -> i64 {
        self.ttl_seconds
    }

    /// Issues an access token for a user.
    pub fn issue(&self, who: &TokenSubject, now: DateTime<Utc>) -> Result<String, ApiError> {
        let iat = now.timestamp();
        let claims = Claims {
            sub: who.user_id.to_string(),
            role: who.role,
            team_id: who.team_id,
            sv: who.session_version,
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            iat,
            nbf: iat,
            exp: iat + self.ttl_seconds,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(ApiError::internal)
    }

    /// Checks a token and returns its claims. The 401's words never name library internals.
    pub fn verify(&self, token: &str) -> Result<Claims, ApiError> {
        use jsonwebtoken::errors::ErrorKind;
        decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|e| {
                ApiError::Unauthorized(
                    match e.kind() {
                        ErrorKind::ExpiredSignature => {
                            "the access token has expired; refresh it or sign in again"
                        }
                        ErrorKind::ImmatureSignature => "the access token is not valid yet",
                        ErrorKind::InvalidAlgorithm | ErrorKind::InvalidAlgorithmName => {
                            "the access token is signed with an algorithm this server does not accept"
                        }
                        ErrorKind::InvalidSignature => "the access token's signature does not match",
                        ErrorKind::InvalidIssuer | ErrorKind::InvalidAudience => {
                            "the access token was issued for another service"
                        }
                        _ => "the access token is malformed",
                    }
                    .into(),
                )
            })
    }
}

/// Whom an access token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSubject {
    pub user_id: i64,
    pub role: Role,
    pub team_id: Option<i64>,
    /// `users.session_version` at issue.
    pub session_version: i64,
}

/// Who is calling, with the request's id and clock: everything the database layer needs to
/// check scope and write audit events.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: i64,
    pub role: Role,
    pub team_id: Option<i64>,
    pub request_id: String,
    pub now: DateTime<Utc>,
    /// The session version of the caller's token (checked by [`crate::db::users::recheck`]).
    pub session_version: i64,
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_reject_other_keys() {
        let keys = JwtKeys::new(&[7u8; 32], "arrears", "arrears", 900);
        let who = TokenSubject {
            user_id: 5,
            role: Role::Manager,
            team_id: Some(2),
            session_version: 3,
        };
        let token = keys.issue(&who, Utc::now()).unwrap();
        let claims = keys.verify(&token).unwrap();
        assert_eq!(
            (claims.sub.as_str(), claims.role, claims.team_id),
            ("5", Role::Manager, Some(2))
        );
        assert_eq!(claims.sv, 3);
        let other = JwtKeys::new(&[8u8; 32], "arrears", "arrears", 900);
        assert!(other.verify(&token).is_err());
        let other_aud = JwtKeys::new(&[7u8; 32], "arrears", "elsewhere", 900);
        assert!(other_aud.verify(&token).is_err());
    }
}
