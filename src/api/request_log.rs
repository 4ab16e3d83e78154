//! The root span of every request and its last line. A request's log lines share its span
//! (`http_request`): `request_id`, `method`, `route` (the route's pattern, `/v1/accounts/{id}`:
//! never the path's values nor the query string, which can carry debtor names) and, once
//! authenticated, `user_id`. Work the request hands to the blocking pool runs inside that span
//! too (`Db::run`).

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::{Error, HttpMessage};
use tracing::Span;
use tracing_actix_web::RootSpanBuilder;

use crate::api::request_id::RequestId;
use crate::error::ApiError;

/// When the request started (for the `duration_ms` of its last line).
#[derive(Clone, Copy)]
struct Started(Instant);

/// The root span of every request and its last line (`request finished`, with status and
/// duration; a 500's cause at `error`).
pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(req: &ServiceRequest) -> Span {
        let request_id = req
            .extensions()
            .get::<RequestId>()
            .map(|r| r.0.clone())
            .unwrap_or_default();
        let route = req.match_pattern().unwrap_or_else(|| "unmatched".into());
        let span = tracing::info_span!(
            "http_request",
            request_id = %request_id,
            method = %req.method(),
            route = %route,
            user_id = tracing::field::Empty,
            db_round_trips = tracing::field::Empty,
            otel.name = %format!("{} {route}", req.method()),
            otel.kind = "server",
        );
        parent_from_traceparent(req, &span);
        req.extensions_mut().insert(Started(Instant::now()));
        span
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        let _entered = span.enter();
        let res = match outcome {
            Ok(res) => res,
            Err(e) => {
                tracing::error!(error = %e, "request failed");
                return;
            }
        };
        let status = res.status().as_u16();
        if let Some(err) = res.response().error() {
            match err.as_error::<ApiError>() {
                Some(ApiError::Internal(cause)) => tracing::error!(%cause, "internal error"),
                None if res.status().is_server_error() => tracing::error!(error = %err, "error"),
                _ => {}
            }
        }
        let duration_ms = res
            .request()
            .extensions()
            .get::<Started>()
            .map(|s| s.0.elapsed().as_secs_f64() * 1000.0)
            .unwrap_or_default();
        tracing::info!(status, duration_ms, "request finished");
    }
}

/// Serves the request counting its database round trips, and records them on its root span
/// (`db_round_trips` on its last line; see `db::round_trips`).
pub async fn count_round_trips(
    req: ServiceRequest,
    next: actix_web::middleware::Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let span = req
        .extensions()
        .get::<tracing_actix_web::RootSpan>()
        .map(|s| Span::clone(s));
    let counted = crate::db::round_trips::per_request(next.call(req)).await;
    if let Some(span) = span {
        span.record("db_round_trips", counted.round_trips);
    }
    counted.value
}

/// Records the authenticated user on the request's root span.
pub fn record_user(req: &actix_web::HttpRequest, user_id: i64) {
    if let Some(span) = req.extensions().get::<tracing_actix_web::RootSpan>() {
        span.record("user_id", user_id);
    }
}

/// Continues the caller's trace (`traceparent`), when traces are exported.
fn parent_from_traceparent(req: &ServiceRequest, span: &Span) {
    use tracing_opentelemetry::OpenTelemetrySpanExt;
    struct Headers<'a>(&'a actix_web::http::header::HeaderMap);
    impl opentelemetry::propagation::Extractor for Headers<'_> {
        fn get(&self, key: &str) -> Option<&str> {
            self.0.get(key).and_then(|v| v.to_str().ok())
        }
        fn keys(&self) -> Vec<&str> {
            self.0.keys().map(|k| k.as_str()).collect()
        }
    }
    if !req.headers().contains_key("traceparent") {
        return;
    }
    let parent =
        opentelemetry::global::get_text_map_propagator(|p| p.extract(&Headers(req.headers())));
    let _ = span.set_parent(parent);
}
