//! Middleware against what a probe or a careless client sends: made-up methods (one metrics label,
//! not one per method), answers that must not be sniffed or cached, and errors raised outside the
//! handlers (CORS refusals, oversized headers) in the same problem+json shape as every other error.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse};

use crate::error::PROBLEM_BASE;

/// The method label every non-standard method is counted under (`curl -X MABC` and the like).
pub const OTHER_METHOD: &str = "OTHER";

/// Headers larger than this (all of them together) answer 431 problem+json.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

fn standard(method: &Method) -> bool {
    [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
        Method::OPTIONS,
        Method::TRACE,
        Method::CONNECT,
    ]
    .contains(method)
}

/// Renames every non-standard method to [`OTHER_METHOD`] before the metrics middleware sees it, so
/// a scanner cannot add label values. No route answers it: the request still gets 405.
pub async fn one_label_for_unknown_methods(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    if !standard(req.method())
        && let Ok(other) = Method::from_bytes(OTHER_METHOD.as_bytes())
    {
        req.head_mut().method = other;
    }
    next.call(req).await
}

/// `X-Content-Type-Options: nosniff` everywhere; `Cache-Control: no-store` on sign-in answers and
/// `private, no-cache` on other `/v1` answers (personal data: no shared cache keeps it, and a
/// browser revalidates with `If-None-Match`); oversized headers → 431; and any error answer that
/// is not problem+json yet (raised by CORS or actix itself) rewritten as one.
pub async fn headers_and_problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let header_bytes: usize = req
        .headers()
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len() + 4)
        .sum();
    let path = req.path().to_owned();
    let mut res = if header_bytes > MAX_HEADER_BYTES {
        req.into_response(problem(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            &format!("the request's headers exceed {MAX_HEADER_BYTES} bytes"),
        ))
    } else {
        // CORS refusals arrive here as plain-text answers (actix-cors answers them itself).
        next.call(req).await?.map_into_boxed_body()
    };
    if res.status().is_client_error() || res.status().is_server_error() {
        res = with_instance(as_problem(res).await, &path).await;
    }
    let headers = res.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if !headers.contains_key(header::CACHE_CONTROL) {
        let policy = if path.starts_with("/v1/auth/") {
            Some("no-store")
        } else if path.starts_with("/v1/") {
            Some("private, no-cache")
        } else {
            None
        };
        if let Some(policy) = policy {
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
        }
    }
    Ok(res)
}

fn is_problem(res: &ServiceResponse<BoxBody>) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/problem+json"))
}

/// An error answer in problem+json, keeping a short plain-text reason (a CORS refusal's) as the
/// detail; a 5xx keeps nothing of its body.
async fn as_problem(res: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
    if is_problem(&res) {
        return res;
    }
    let status = res.status();
    let (req, response) = res.into_parts();
    let kept_headers: Vec<_> = response
        .headers()
        .iter()
        .filter(|(k, _)| *k != header::CONTENT_TYPE && *k != header::CONTENT_LENGTH)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let body = actix_web::body::to_bytes_limited(response.into_body(), 512)
        .await
        .ok()
        .and_then(Result::ok);
    let reason = body
        .as_deref()
        .and_then(|b| std::str::from_utf8(b).ok())
        .map(str::trim)
        .filter(|t| !t.is_empty() && !status.is_server_error());
    let detail = reason.map_or_else(
        || {
            status
                .canonical_reason()
                .unwrap_or("the request failed")
                .to_owned()
        },
        str::to_owned,
    );
    let mut out = problem(status, &detail);
    for (k, v) in kept_headers {
        out.headers_mut().insert(k, v);
    }
    ServiceResponse::new(req, out)
}

/// The problem with `instance` set to the request's path (RFC 9457: the occurrence), unless the
/// problem already names one. A body that is not a JSON object is left as it is.
async fn with_instance(res: ServiceResponse<BoxBody>, path: &str) -> ServiceResponse<BoxBody> {
    let (req, response) = res.into_parts();
    let (head, body) = response.into_parts();
    let bytes = actix_web::body::to_bytes_limited(body, 64 * 1024)
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    let body = match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(serde_json::Value::Object(mut problem)) if !problem.contains_key("instance") => {
            problem.insert("instance".into(), path.into());
            serde_json::to_vec(&problem).unwrap_or_else(|_| bytes.to_vec())
        }
        _ => bytes.to_vec(),
    };
    ServiceResponse::new(req, head.set_body(BoxBody::new(body)))
}

/// A problem+json answer for `status`, its slug made from the status' reason phrase.
fn problem(status: StatusCode, detail: &str) -> HttpResponse {
    let title = status.canonical_reason().unwrap_or("Error");
    let slug = title.to_ascii_lowercase().replace([' ', '\''], "-");
    let body = serde_json::json!({
        "type": format!("{PROBLEM_BASE}{slug}"),
        "title": title,
        "status": status.as_u16(),
        "detail": detail,
    });
    HttpResponse::build(status)
        .content_type("application/problem+json")
        .body(body.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_registered_methods_are_standard() {
        assert!(standard(&Method::PATCH));
        assert!(!standard(&Method::from_bytes(b"MABC").unwrap()));
    }
}
