//! Access tokens: HS256 JWTs, issued at sign-in and checked by the extractors in `auth`.

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

use crate::actor::TokenSubject;
use crate::domain::role::Role;
use crate::error::ApiError;

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
            .map_err(|e| match e.kind() {
                ErrorKind::ExpiredSignature => ApiError::token_expired(),
                ErrorKind::ImmatureSignature => {
                    ApiError::token_invalid("the access token is not valid yet")
                }
                ErrorKind::InvalidAlgorithm | ErrorKind::InvalidAlgorithmName => {
                    ApiError::token_invalid(
                        "the access token is signed with an algorithm this server does not accept",
                    )
                }
                ErrorKind::InvalidSignature => {
                    ApiError::token_invalid("the access token's signature does not match")
                }
                ErrorKind::InvalidIssuer | ErrorKind::InvalidAudience => {
                    ApiError::token_invalid("the access token was issued for another service")
                }
                _ => ApiError::token_invalid("the access token is malformed"),
            })
    }
}

/// How a secret the server hands out once (a refresh token, a stream token, an API key) is
/// stored: the SHA-256 of it, in hex. The secrets are long and random, so no salt or slow hash
/// is needed; a database read never yields a usable secret.
pub fn secret_hash(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(secret.as_bytes()))
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
