//! HTTP conventions every route shares, in one middleware: `HEAD` answered by the `GET` route
//! (the server sends the headers, never the body), unknown query parameters refused with 422,
//! and an `ETag` on every JSON answer to a `GET` with `If-None-Match` → 304.
//!
//! The entity tag is a digest of the body as sent, so it covers embedded objects (an account's
//! debtor and pending approvals) as well as the resource's own fields. Where a handler already
//! sets a version tag (accounts), the digest is appended to it (`"7-1f…"`), so `If-Match` keeps
//! working on the version while `If-None-Match` sees every change.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, web};
use sha2::{Digest, Sha256};

use crate::api::query_params::QueryParams;

/// The entity tag of a representation: the first 16 bytes of its SHA-256, quoted.
pub fn entity_tag(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    format!("\"{}\"", hex::encode(&digest[..16]))
}

/// Whether an `If-None-Match` value names `tag` (weak comparison, `*` matches anything).
fn none_match_hits(if_none_match: &str, tag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    if_none_match.trim() == "*" || if_none_match.split(',').any(|t| bare(t) == bare(tag))
}

pub async fn conventions(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if req.method() == Method::HEAD {
        // The connection remembers the request was HEAD and sends no body.
        req.head_mut().method = Method::GET;
    }
    let table = req.app_data::<web::Data<QueryParams>>().cloned();
    if let (Some(table), Some(template)) = (table, req.match_pattern())
        && let Some(problem) = table.unknown(req.method().as_str(), &template, req.query_string())
    {
        let res = actix_web::ResponseError::error_response(&problem);
        return Ok(req.into_response(res));
    }
    let is_get = req.method() == Method::GET;
    let if_none_match = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let res = next.call(req).await?.map_into_boxed_body();
    if !is_get || res.status() != StatusCode::OK || !is_json(&res) {
        return Ok(res);
    }
    tagged(res, if_none_match.as_deref()).await
}

fn is_json(res: &ServiceResponse<BoxBody>) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// The answer with its `ETag`, or 304 when `If-None-Match` already holds it.
async fn tagged(
    res: ServiceResponse<BoxBody>,
    if_none_match: Option<&str>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let (req, response) = res.into_parts();
    let version = response
        .headers()
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim_matches('"').to_owned());
    let (mut head, body) = response.into_parts();
    let bytes = actix_web::body::to_bytes(body)
        .await
        .map_err(|_| actix_web::error::ErrorInternalServerError("the answer's body failed"))?;
    let digest = entity_tag(&bytes);
    let tag = match version {
        Some(v) => format!("\"{v}-{}", digest.trim_start_matches('"')),
        None => digest,
    };
    let value = HeaderValue::from_str(&tag)
        .map_err(|_| actix_web::error::ErrorInternalServerError("an unusable entity tag"))?;
    if if_none_match.is_some_and(|inm| none_match_hits(inm, &tag)) {
        let mut not_modified = HttpResponse::NotModified().finish();
        for (k, v) in head.headers() {
            if k != header::CONTENT_TYPE && k != header::CONTENT_LENGTH {
                not_modified.headers_mut().insert(k.clone(), v.clone());
            }
        }
        not_modified.headers_mut().insert(header::ETAG, value);
        return Ok(ServiceResponse::new(req, not_modified));
    }
    head.headers_mut().insert(header::ETAG, value);
    let response = head.set_body(BoxBody::new(bytes));
    Ok(ServiceResponse::new(req, response))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_in_lists() {
        let tag = "\"abc\"";
        assert!(none_match_hits("\"abc\"", tag));
        assert!(none_match_hits("W/\"abc\"", tag));
        assert!(none_match_hits("\"x\", \"abc\"", tag));
        assert!(none_match_hits("*", tag));
        assert!(!none_match_hits("\"abd\"", tag));
    }

    #[test]
    fn the_tag_follows_the_bytes() {
        assert_eq!(entity_tag(b"{}"), entity_tag(b"{}"));
        assert_ne!(entity_tag(b"{\"a\":1}"), entity_tag(b"{\"a\":2}"));
        assert_eq!(entity_tag(b"{}").len(), 34);
    }
}
