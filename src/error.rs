//! One error type for the whole API, rendered as RFC 9457 `application/problem+json`.
//!
//! Every 4xx and 5xx the server sends goes through [`ApiError`]: handler errors, extractor
//! errors (JSON, path, query), unknown routes and wrong methods. A 500 is logged with its cause
//! by the request-id middleware and its body says nothing about internals.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

mod database;
pub use database::take_connection_lost;

/// Base of every problem `type` URI.
pub const PROBLEM_BASE: &str = "https://arrears.dev/problems/";

/// One field that failed validation.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
#[schema(example = json!({"field": "email", "message": "must be a valid email address"}))]
pub struct FieldError {
    /// The JSON path of the offending field (`email`, `installments[2].amount`), or the query
    /// parameter's name.
    pub field: String,
    /// What is wrong with it, in words a user can act on.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// An RFC 9457 problem document: the body of every error response.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "https://arrears.dev/problems/validation-failed",
    "title": "Unprocessable Content",
    "status": 422,
    "detail": "1 field is invalid",
    "errors": [{"field": "email", "message": "must be a valid email address"}]
}))]
pub struct Problem {
    /// A URI naming the kind of problem; its last segment is a stable slug clients can match on.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// The HTTP status' reason phrase.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What happened, for a human.
    pub detail: String,
    /// The request path, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// Per-field validation errors (422 only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
    /// `contact-not-permitted` only: every rule that refuses the contact.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<crate::domain::compliance::Reason>>)]
    pub reasons: Option<Vec<crate::domain::compliance::Reason>>,
    /// `contact-not-permitted` only: when only time stands in the way, the first instant the
    /// contact would be allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub next_allowed_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Every way a request can fail.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: the body is not well-formed JSON, or a header is malformed.
    #[error("{detail}")]
    BadRequest { slug: &'static str, detail: String },
    /// 401: missing, invalid or expired credentials; the slug says what the client should do
    /// (see [`ApiError::token_expired`] and its siblings).
    #[error("{detail}")]
    Unauthorized { slug: &'static str, detail: String },
    /// 403: authenticated, but not allowed to do this.
    #[error("{detail}")]
    Forbidden { slug: &'static str, detail: String },
    /// 404: no such resource, or not visible to the caller.
    #[error("{0}")]
    NotFound(String),
    /// 405: the path exists, the method does not.
    #[error("method not allowed")]
    MethodNotAllowed { allow: Vec<String> },
    /// 408: the request body did not arrive in time.
    #[error("the request body did not arrive within {0} seconds")]
    RequestTimeout(u64),
    /// 409: the request conflicts with the resource's current state.
    #[error("{detail}")]
    Conflict { slug: &'static str, detail: String },
    /// 409 `contact-not-permitted`: the contact rules refuse it (the reasons travel in the body).
    #[error("the contact is not permitted now")]
    ContactNotPermitted {
        reasons: Vec<crate::domain::compliance::Reason>,
        next_allowed_at: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// 412: `If-Match` does not match.
    #[error("{0}")]
    PreconditionFailed(String),
    /// 413: the body is larger than the route accepts.
    #[error("request body larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    /// 415: the body is not `application/json`.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// 422: one or more fields are invalid.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// 422 with its own problem type (for example `idempotency-key-reused`).
    #[error("{detail}")]
    Unprocessable { slug: &'static str, detail: String },
    /// 429: slow down; retry after the given seconds.
    #[error("{detail}")]
    TooManyRequests { retry_after: u64, detail: String },
    /// 503: a dependency (the database pool) is saturated or down.
    #[error("{detail}")]
    Unavailable { retry_after: u64, detail: String },
    /// 500: a bug or an unexpected failure. The message is logged, never sent.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// `Ok` when there is no problem; otherwise a 422 naming each field and what to fix.
    pub fn unless_any(problems: Vec<crate::domain::Problem>) -> Result<(), ApiError> {
        if problems.is_empty() {
            return Ok(());
        }
        Err(ApiError::Validation(
            problems
                .into_iter()
                .map(|p| FieldError::new(p.field, p.message))
                .collect(),
        ))
    }

    /// A 422 naming each field of `problems` (for a rule that found at least one).
    pub fn from_problems(problems: Vec<crate::domain::Problem>) -> Self {
        Self::Validation(
            problems
                .into_iter()
                .map(|p| FieldError::new(p.field, p.message))
                .collect(),
        )
    }

    /// 401 `token-expired`: the access token is past its expiry; refresh it.
    pub fn token_expired() -> Self {
        Self::Unauthorized {
            slug: "token-expired",
            detail: "the access token has expired; refresh it or sign in again".into(),
        }
    }
    /// 401 `token-invalid`: no token, or one this server did not issue, cannot read or no longer
    /// knows; sign in again (refreshing will not help).
    pub fn token_invalid(detail: impl Into<String>) -> Self {
        Self::Unauthorized {
            slug: "token-invalid",
            detail: detail.into(),
        }
    }
    /// 401 `session-revoked`: the token was valid but its session has ended (sign-out, refresh
    /// token reuse, a password, role or status change, a revoked API key); sign in again.
    pub fn session_revoked(detail: impl Into<String>) -> Self {
        Self::Unauthorized {
            slug: "session-revoked",
            detail: detail.into(),
        }
    }
    /// 401 `credentials-invalid`: the email and password do not match an active user; ask the
    /// person again rather than retrying.
    pub fn credentials_invalid(detail: impl Into<String>) -> Self {
        Self::Unauthorized {
            slug: "credentials-invalid",
            detail: detail.into(),
        }
    }

    pub fn not_found(what: &str) -> Self {
        Self::NotFound(format!("{what} not found"))
    }
    pub fn conflict(slug: &'static str, detail: impl Into<String>) -> Self {
        Self::Conflict {
            slug,
            detail: detail.into(),
        }
    }
    pub fn forbidden(slug: &'static str, detail: impl Into<String>) -> Self {
        Self::Forbidden {
            slug,
            detail: detail.into(),
        }
    }
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, message)])
    }
    pub fn internal(err: impl std::fmt::Display) -> Self {
        Self::Internal(err.to_string())
    }

    /// The problem type's slug (the last segment of `type`).
    pub fn slug(&self) -> &'static str {
        match self {
            Self::BadRequest { slug, .. }
            | Self::Forbidden { slug, .. }
            | Self::Conflict { slug, .. }
            | Self::Unprocessable { slug, .. }
            | Self::Unauthorized { slug, .. } => slug,
            Self::ContactNotPermitted { .. } => "contact-not-permitted",
            Self::NotFound(_) => "not-found",
            Self::RequestTimeout(_) => "request-timeout",
            Self::MethodNotAllowed { .. } => "method-not-allowed",
            Self::PreconditionFailed(_) => "precondition-failed",
            Self::PayloadTooLarge { .. } => "payload-too-large",
            Self::UnsupportedMediaType(_) => "unsupported-media-type",
            Self::Validation(_) => "validation-failed",
            Self::TooManyRequests { .. } => "too-many-requests",
            Self::Unavailable { .. } => "service-unavailable",
            Self::Internal(_) => "internal-error",
        }
    }

    /// The problem document for this error.
    pub fn problem(&self) -> Problem {
        let status = self.status_code();
        let (detail, errors) = match self {
            Self::Validation(errors) => {
                let n = errors.len();
                let detail = if n == 1 {
                    format!("{}: {}", errors[0].field, errors[0].message)
                } else {
                    format!("{n} fields are invalid")
                };
                (detail, Some(errors.clone()))
            }
            Self::MethodNotAllowed { allow } => {
                (format!("this path answers only {}", allow.join(", ")), None)
            }
            Self::Internal(_) => (
                "the server failed to handle the request; it has been logged".into(),
                None,
            ),
            Self::ContactNotPermitted { reasons, .. } => {
                let names: Vec<String> = reasons
                    .iter()
                    .map(|r| {
                        serde_json::to_value(r)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default()
                    })
                    .collect();
                (
                    format!("the contact is not permitted now: {}", names.join(", ")),
                    None,
                )
            }
            other => (other.to_string(), None),
        };
        let (reasons, next_allowed_at) = match self {
            Self::ContactNotPermitted {
                reasons,
                next_allowed_at,
            } => (Some(reasons.clone()), *next_allowed_at),
            _ => (None, None),
        };
        Problem {
            problem_type: format!("{PROBLEM_BASE}{}", self.slug()),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail,
            instance: None,
            errors,
            reasons,
            next_allowed_at,
        }
    }
}

impl ApiError {
    /// A 4xx: the request's (or an import row's) own problem, not the server's.
    pub fn is_client_error(&self) -> bool {
        ResponseError::status_code(self).is_client_error()
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Self::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            Self::Forbidden { .. } => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::RequestTimeout(_) => StatusCode::REQUEST_TIMEOUT,
            Self::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict { .. } | Self::ContactNotPermitted { .. } => StatusCode::CONFLICT,
            Self::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Validation(_) | Self::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(self.status_code());
        res.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        match self {
            Self::Unauthorized { .. } => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"arrears\""));
            }
            Self::MethodNotAllowed { allow } => {
                res.insert_header((header::ALLOW, allow.join(", ")));
            }
            Self::TooManyRequests { retry_after, .. } | Self::Unavailable { retry_after, .. } => {
                res.insert_header((header::RETRY_AFTER, retry_after.to_string()));
            }
            _ => {}
        }
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        res.body(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_shapes() {
        let p = ApiError::invalid("email", "must be a valid email address").problem();
        assert_eq!(p.status, 422);
        assert_eq!(
            p.problem_type,
            "https://arrears.dev/problems/validation-failed"
        );
        assert_eq!(p.errors.unwrap()[0].field, "email");
        let p = ApiError::Internal("SELECT secret FROM x".into()).problem();
        assert!(!p.detail.contains("SELECT"));
    }

    #[test]
    fn a_database_that_cannot_write_is_a_503() {
        use diesel::result::{DatabaseErrorKind, Error};
        let db = |kind, message: &str| Error::DatabaseError(kind, Box::new(message.to_owned()));
        let cases = [
            db(
                DatabaseErrorKind::Unknown,
                "attempt to write a readonly database",
            ),
            db(DatabaseErrorKind::Unknown, "database or disk is full"),
            db(
                DatabaseErrorKind::Unknown,
                "could not extend file \"base/1/2\": No space left on device",
            ),
            db(
                DatabaseErrorKind::Unknown,
                "terminating connection due to administrator command",
            ),
            db(
                DatabaseErrorKind::ClosedConnection,
                "server closed the connection unexpectedly",
            ),
            Error::BrokenTransactionManager,
        ];
        for err in cases {
            let api = ApiError::from(err);
            assert!(matches!(api, ApiError::Unavailable { .. }), "{api:?}");
        }
        let other = ApiError::from(db(DatabaseErrorKind::Unknown, "syntax error"));
        assert!(matches!(other, ApiError::Internal(_)));
    }
}
