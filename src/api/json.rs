//! `ValidJson<T>`: the JSON body extractor used by every handler.
//!
//! Malformed JSON → 400; well-formed JSON of the wrong shape (a missing field, a wrong type, an
//! unknown field) → 422 naming the field's path; `validator` rules → 422 with every failing
//! field; a body over the limit → 413; a content type other than JSON → 415.

use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::error::{ApiError, FieldError};

/// The default body limit: 1 MiB.
pub const DEFAULT_LIMIT: usize = 1024 * 1024;

/// How long a request body may take to arrive whole by default (`ARREARS_BODY_TIMEOUT_SECONDS`);
/// a body that trickles in longer gets 408
/// (a slow client would otherwise hold a worker's connection slot for as long as it likes).
pub const BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A deserialized, validated JSON body, with the SHA-256 of its bytes (for idempotency).
#[derive(Debug)]
pub struct ValidJson<T, const LIMIT: usize = DEFAULT_LIMIT> {
    pub value: T,
    pub digest: [u8; 32],
}

impl<T, const LIMIT: usize> ValidJson<T, LIMIT> {
    pub fn into_inner(self) -> T {
        self.value
    }
}

/// `LIMIT` is the body limit in bytes (1 MiB unless a route asks for more).
impl<T: DeserializeOwned + Validate + 'static, const LIMIT: usize> FromRequest
    for ValidJson<T, LIMIT>
{
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = LIMIT;
        let content_type_ok = match req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
        {
            Some(ct) => {
                let essence = ct
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                essence == "application/json"
                    || (essence.starts_with("application/") && essence.ends_with("+json"))
            }
            None => true,
        };
        let declared_len = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let timeout = req
            .app_data::<web::Data<crate::state::AppState>>()
            .map_or(BODY_TIMEOUT, |s| s.body_timeout);
        let mut payload = payload.take();
        Box::pin(async move {
            if !content_type_ok {
                return Err(ApiError::UnsupportedMediaType(
                    "send the body as Content-Type: application/json".into(),
                ));
            }
            if declared_len.is_some_and(|n| n > limit) {
                return Err(ApiError::PayloadTooLarge { limit });
            }
            let body = read_body(&mut payload, limit, timeout).await?;
            let ValidJson { value, digest } = parse::<T>(&body)?;
            Ok(ValidJson { value, digest })
        })
    }
}

/// Reads a raw body (a route that takes more than JSON) of at most `limit` bytes within the
/// body timeout: 413 past the limit, 408 when it trickles.
pub async fn read_limited(
    req: &HttpRequest,
    mut payload: Payload,
    limit: usize,
) -> Result<web::BytesMut, ApiError> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(ApiError::PayloadTooLarge { limit });
    }
    let timeout = req
        .app_data::<web::Data<crate::state::AppState>>()
        .map_or(BODY_TIMEOUT, |s| s.body_timeout);
    read_body(&mut payload, limit, timeout).await
}

/// Reads a whole body of at most `limit` bytes that arrives within `timeout`.
async fn read_body(
    payload: &mut Payload,
    limit: usize,
    timeout: std::time::Duration,
) -> Result<web::BytesMut, ApiError> {
    let read = async {
        let mut body = web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|e| ApiError::BadRequest {
                slug: "unreadable-body",
                detail: e.to_string(),
            })?;
            if body.len() + chunk.len() > limit {
                return Err(ApiError::PayloadTooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    };
    actix_web::rt::time::timeout(timeout, read)
        .await
        .map_err(|_| ApiError::RequestTimeout(timeout.as_secs()))?
}

/// What an empty body stands for.
const EMPTY_OBJECT: &[u8] = b"{}";

/// How every request body of this API starts.
const OBJECT_START: &[u8] = b"{";

/// Parses and validates a body (public for the import route, which reads rows one by one).
pub fn parse<T: DeserializeOwned + Validate>(body: &[u8]) -> Result<ValidJson<T>, ApiError> {
    // No body is an empty object: an action (`approve`, `cancel`, …) whose fields are all
    // optional needs none, and a route with required fields answers 422 naming them.
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        EMPTY_OBJECT
    } else {
        body
    };
    // Every request body of this API is an object; serde would also read a struct from an
    // array (`[null, null]`), which no caller means.
    if !body.trim_ascii_start().starts_with(OBJECT_START) {
        return Err(ApiError::Validation(vec![FieldError::new(
            "body",
            "must be a JSON object",
        )]));
    }
    let de = &mut serde_json::Deserializer::from_slice(body);
    let value: T = serde_path_to_error::deserialize(de).map_err(shape_error)?;
    value
        .validate()
        .map_err(|e| ApiError::Validation(flatten(&e, "")))?;
    Ok(ValidJson {
        value,
        digest: Sha256::digest(body).into(),
    })
}

/// Maps a deserialization error to 400 (not JSON) or 422 (wrong shape, naming the field).
pub fn shape_error(err: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    use serde_json::error::Category;
    let path = err.path().to_string();
    let inner = err.into_inner();
    match inner.classify() {
        Category::Syntax | Category::Eof | Category::Io => ApiError::BadRequest {
            slug: "malformed-json",
            detail: format!("the body is not valid JSON: {inner}"),
        },
        Category::Data => {
            let message = strip_position(&inner.to_string());
            let field = match named_field(&message) {
                // serde_path_to_error's path already ends at an unknown field, but stops at the
                // parent of a missing one.
                Some(name) if path == "." => name.to_owned(),
                Some(name) if !path.ends_with(name) => format!("{path}.{name}"),
                _ if path == "." => "body".into(),
                _ => path,
            };
            ApiError::Validation(vec![FieldError::new(field, message)])
        }
    }
}

/// `missing field `email`` and `unknown field `balance`, expected …` name the field themselves.
fn named_field(message: &str) -> Option<&str> {
    let rest = message
        .strip_prefix("missing field `")
        .or_else(|| message.strip_prefix("unknown field `"))?;
    rest.split('`').next()
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Turns `validator`'s nested errors into `[{field, message}]` with JSON paths.
pub fn flatten(errors: &ValidationErrors, prefix: &str) -> Vec<FieldError> {
    let mut out = Vec::new();
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    let message = e
                        .message
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| format!("is invalid ({})", e.code));
                    out.push(FieldError::new(path.clone(), message));
                }
            }
            ValidationErrorsKind::Struct(inner) => out.extend(flatten(inner, &path)),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    out.extend(flatten(inner, &format!("{path}[{i}]")));
                }
            }
        }
    }
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    struct Body {
        #[validate(length(min = 3, message = "must be at least 3 characters"))]
        name: String,
        #[allow(dead_code)]
        count: i64,
    }

    fn err(body: &str) -> ApiError {
        parse::<Body>(body.as_bytes()).unwrap_err()
    }

    #[test]
    fn classifies_bodies() {
        assert!(matches!(err("{nope"), ApiError::BadRequest { .. }));
        // No body is an empty object: the missing required field is named.
        let ApiError::Validation(e) = err("") else {
            panic!()
        };
        assert_eq!(e[0].field, "name");
        let ApiError::Validation(e) = err(r#"{"count": 1}"#) else {
            panic!()
        };
        assert_eq!(e[0].field, "name");
        let ApiError::Validation(e) = err(r#"{"name": "abc", "count": "x"}"#) else {
            panic!()
        };
        assert_eq!(e[0].field, "count");
        let ApiError::Validation(e) = err(r#"{"name": "abc", "count": 1, "balance": 0}"#) else {
            panic!()
        };
        assert_eq!(e[0].field, "balance");
        let ApiError::Validation(e) = err(r#"{"name": "ab", "count": 1}"#) else {
            panic!()
        };
        assert_eq!(
            e[0],
            FieldError::new("name", "must be at least 3 characters")
        );
        assert!(parse::<Body>(br#"{"name": "abc", "count": 1}"#).is_ok());
        let ApiError::Validation(e) = err(r#"["abc", 1]"#) else {
            panic!()
        };
        assert_eq!(e[0].field, "body");
    }
}
