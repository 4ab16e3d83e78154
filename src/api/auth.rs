//! Sign-in: access tokens, refresh, sign-out.

use actix_web::{HttpResponse, post, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::api::client_address::ClientAddress;
use crate::api::exec::IdempotencyKey;
use crate::api::json::ValidJson;
use crate::auth::TokenSubject;
use crate::db::{self, auth::Redemption, users, write_tx};
use crate::error::ApiError;
use crate::state::AppState;

/// Email and password.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "agent@demo.arrears.dev", "password": "arrears-demo-2026"}))]
pub struct TokenRequest {
    #[validate(length(min = 1, max = 320, message = "must be 1 to 320 characters"))]
    #[schema(min_length = 1, max_length = 320)]
    pub email: String,
    #[validate(length(min = 1, max = 1024, message = "must be 1 to 1024 characters"))]
    #[schema(min_length = 1, max_length = 1024)]
    pub password: String,
}

/// A refresh token, for refresh and sign-out.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"refresh_token": "3q2-7wAAAAB0aGlzIGlzIGFuIGV4YW1wbGU"}))]
pub struct RefreshRequest {
    #[validate(length(min = 1, max = 512, message = "must be 1 to 512 characters"))]
    #[schema(min_length = 1, max_length = 512)]
    pub refresh_token: String,
}

/// A token pair.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "access_token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMiJ9.c2lnbmF0dXJl",
    "token_type": "Bearer", "expires_in": 900,
    "refresh_token": "3q2-7wAAAAB0aGlzIGlzIGFuIGV4YW1wbGU"
}))]
pub struct TokenResponse {
    /// A JWT (HS256) to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until `access_token` expires.
    pub expires_in: i64,
    /// Opaque, single-use, valid 30 days: trade it for a new pair at `/v1/auth/refresh`.
    pub refresh_token: String,
}

fn invalid_credentials() -> ApiError {
    ApiError::credentials_invalid("the email or password is wrong")
}

fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Stores a new refresh token in `family` and signs an access token.
fn issue_pair(
    conn: &mut db::Conn,
    state: &AppState,
    who: &TokenSubject,
    family: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<TokenResponse, ApiError> {
    let refresh = random_token();
    db::auth::store_refresh(
        conn,
        who.user_id,
        family,
        &crate::tokens::secret_hash(&refresh),
        now,
    )?;
    Ok(TokenResponse {
        // Signed with the wall clock: token validation (exp, nbf) reads the system time, whatever
        // the application clock says.
        access_token: state.jwt.issue(who, chrono::Utc::now())?,
        token_type: "Bearer".into(),
        expires_in: state.jwt.ttl_seconds(),
        refresh_token: refresh,
    })
}

/// Sign in with email and password.
///
/// An unknown email and a wrong password get the same 401. Failed attempts are counted in the
/// database (so the limits hold across server instances) in three ways, each over 5 minutes:
/// more than 10 for one email from one client address, more than 100 for one email from all
/// addresses together, or more than 50 from one address across all emails answer 429 with
/// `Retry-After`. A stranger therefore cannot lock a user out from elsewhere, and spraying many
/// emails from one address is slowed. The client address is the TCP peer, or the nearest hop of
/// `X-Forwarded-For` that is not one of the proxies named in `ARREARS_TRUSTED_PROXIES`.
/// Passwords are checked on a small pool of their own: when it is saturated the answer is 503
/// with `Retry-After`. `Idempotency-Key` is accepted but not stored here: the answer carries
/// fresh secrets, and signing in twice is harmless.
#[utoipa::path(
    tag = "auth",
    operation_id = "create_token",
    request_body = TokenRequest,
    security(()),
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 401, description = "Wrong email or password, or an invalid refresh token"),
        (status = 429, description = "Too many failed attempts for this email or from this address (`too-many-requests`); see `Retry-After`"),
        (status = 503, description = "Too many passwords are being checked right now (`service-unavailable`); see `Retry-After`"),
    )
)]
#[post("/auth/token")]
pub async fn create_token(
    state: web::Data<AppState>,
    address: ClientAddress,
    _key: IdempotencyKey,
    body: ValidJson<TokenRequest>,
) -> Result<HttpResponse, ApiError> {
    let req = body.into_inner();
    let email = req.email.trim().to_lowercase();
    let now = state.clock.now();
    // 1. Count the attempt (refused when over a limit) and read the credentials; the
    //    connection goes back to the pool before the slow password check.
    let (em, addr) = (email.clone(), address.0.clone());
    let creds = state
        .db
        .run(move |conn| {
            write_tx(conn, |tx| {
                db::auth::claim_attempt(tx, &em, &addr, now)?;
                users::credentials_by_email(tx, &em)
            })
        })
        .await?;
    // 2. Check the password on the password pool (a dummy hash for an unknown email, so both
    //    take the same time).
    let hash = creds.as_ref().map(|c| c.password_hash.clone());
    let checked = state.passwords.verify(req.password, hash).await;
    let signed_in = match (&checked, creds) {
        (Ok(true), Some(c)) if c.active => Some(c.subject),
        _ => None,
    };
    // 3. A failure stays counted. A success gives its attempt back and gets a pair; a password
    //    never checked (the pool was full: 503) gives it back too.
    let outcome = match (signed_in, checked) {
        (None, Ok(_)) => return Err(invalid_credentials()),
        (Some(who), _) => Ok(who),
        (None, Err(e)) => Err(e),
    };
    let st = state.clone();
    let pair = state
        .db
        .run(move |conn| {
            write_tx(conn, |tx| {
                let end = if outcome.is_ok() {
                    db::auth::AttemptEnd::SignedIn
                } else {
                    db::auth::AttemptEnd::NotChecked
                };
                db::auth::release_attempt(tx, &email, &address.0, end)?;
                match outcome {
                    Ok(who) => {
                        issue_pair(tx, &st, &who, &uuid::Uuid::new_v4().to_string(), now).map(Ok)
                    }
                    // Commit the release, then answer the pool's 503.
                    Err(e) => Ok(Err(e)),
                }
            })
        })
        .await??;
    Ok(no_store(HttpResponse::Ok()).json(pair))
}

/// Token answers must not be kept by any cache.
fn no_store(mut res: actix_web::HttpResponseBuilder) -> actix_web::HttpResponseBuilder {
    res.insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"));
    res
}

/// Trade a refresh token for a new pair.
///
/// Each refresh token works once. Presenting one that was already used revokes every token of
/// its sign-in (its family) and answers 401: the client must sign in again.
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh_token",
    request_body = RefreshRequest,
    security(()),
    responses(
        (status = 200, description = "A new token pair", body = TokenResponse),
        (status = 401, description = "Wrong email or password, or an invalid refresh token"),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh_token(
    state: web::Data<AppState>,
    _key: IdempotencyKey,
    body: ValidJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let hash = crate::tokens::secret_hash(&body.into_inner().refresh_token);
    let st = state.clone();
    let pair = state
        .db
        .run(move |conn| {
            let now = st.clock.now();
            // Commit the redemption (or the family's revocation) whatever the answer is.
            let redemption = write_tx(conn, |tx| db::auth::redeem(tx, &hash, now))?;
            match redemption {
                Redemption::Redeemed { user_id, family } => match users::active_identity(conn, user_id)? {
                    Some(who) => write_tx(conn, |tx| issue_pair(tx, &st, &who, &family, now)),
                    None => Err(ApiError::session_revoked("this user is deactivated")),
                },
                Redemption::Invalid => Err(ApiError::token_invalid("the refresh token is unknown, expired or revoked; sign in again")),
                Redemption::Reused => Err(ApiError::session_revoked(
                    "the refresh token was already used; every session of that sign-in is now revoked",
                )),
            }
        })
        .await?;
    Ok(no_store(HttpResponse::Ok()).json(pair))
}

/// Sign out: revoke a refresh token and every token refreshed from the same sign-in.
///
/// Answers 204 whether or not the token was known, so it can be retried freely.
#[utoipa::path(
    tag = "auth",
    operation_id = "revoke_token",
    request_body = RefreshRequest,
    security(()),
    responses((status = 204, description = "Revoked"))
)]
#[post("/auth/logout")]
pub async fn revoke_token(
    state: web::Data<AppState>,
    _key: IdempotencyKey,
    body: ValidJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let hash = crate::tokens::secret_hash(&body.into_inner().refresh_token);
    let st = state.clone();
    state
        .db
        .run(move |conn| {
            write_tx(conn, |tx| {
                db::auth::revoke_by_token(tx, &hash, st.clock.now())
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
