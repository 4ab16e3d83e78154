//! `If-Match`: the versions (accounts) or entity tags (resources tagged by digest, such as
//! debtors) a write accepts.

use actix_web::HttpRequest;
use actix_web::http::header;

use crate::error::ApiError;

/// The entity tags an `If-Match` header names, as sent (quoted): `None` when absent or `*`.
pub fn if_match_tags(req: &HttpRequest) -> Result<Option<Vec<String>>, ApiError> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| ApiError::BadRequest {
        slug: "malformed-header",
        detail: "If-Match is not ASCII".into(),
    })?;
    if value.trim() == "*" {
        return Ok(None);
    }
    Ok(Some(
        value.split(',').map(|t| t.trim().to_owned()).collect(),
    ))
}

/// The versions an `If-Match` header accepts: `None` when absent or `*`.
pub fn if_match(req: &HttpRequest) -> Result<Option<Vec<i64>>, ApiError> {
    let Some(tags) = if_match_tags(req)? else {
        return Ok(None);
    };
    let value = tags.join(",");
    // An entity tag we never issued matches nothing: it still answers 412.
    Ok(Some(
        value
            .split(',')
            .filter_map(|t| {
                // The tag of a read is "<version>-<digest>" (see `api::conventions`).
                t.trim()
                    .trim_start_matches("W/")
                    .trim_matches('"')
                    .split('-')
                    .next()
                    .and_then(|v| v.parse().ok())
            })
            .collect(),
    ))
}
