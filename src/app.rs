//! Builds the actix application: routes, extractor error handlers, middleware, docs.

use actix_cors::Cors;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, Error, web};
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::api::query_params::QueryParams;
use crate::api::{self, conventions, fallback::RouteTable, hardening, request_id, request_log};
use crate::error::ApiError;
use crate::metrics::Metrics;
use crate::openapi;
use crate::state::AppState;

fn cors(origins: &[String]) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::IF_MATCH,
            header::IF_NONE_MATCH,
            header::HeaderName::from_static("idempotency-key"),
            header::HeaderName::from_static("last-event-id"),
            header::HeaderName::from_static(request_id::HEADER),
        ])
        .expose_headers([
            header::ETAG,
            header::HeaderName::from_static(request_id::HEADER),
            header::HeaderName::from_static(api::exec::REPLAYED),
            header::RETRY_AFTER,
            header::LOCATION,
            header::CONTENT_DISPOSITION,
        ])
        .max_age(3600)
        // Requests from unlisted origins (or same-origin ones, such as Swagger UI's) get no
        // CORS headers rather than an error; the browser enforces the rest.
        .block_on_origin_mismatch(false);
    for origin in origins {
        cors = cors.allowed_origin(origin);
    }
    cors
}

/// The application, ready for `HttpServer` or `actix_web::test::init_service`.
pub fn build(
    state: AppState,
    metrics: Metrics,
    cors_origins: Vec<String>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = Error,
        InitError = (),
    >,
> {
    let doc = openapi::document();
    let route_table = RouteTable::from_openapi(doc);
    let query_params = QueryParams::from_openapi(doc);
    let prometheus = metrics.http.clone();
    App::new()
        .app_data(web::Data::new(state))
        .app_data(web::Data::new(metrics))
        .app_data(web::Data::new(route_table))
        .app_data(web::Data::new(query_params))
        // A value that does not parse is named by its parameter (found against the document's
        // schemas); only when none is found does the error name the whole query.
        .app_data(web::QueryConfig::default().error_handler(|e, req| {
            let named = req
                .app_data::<web::Data<QueryParams>>()
                .zip(req.match_pattern())
                .and_then(|(t, template)| {
                    t.misfit(req.method().as_str(), &template, req.query_string())
                });
            match named {
                Some(field) => ApiError::Validation(vec![field]).into(),
                None => ApiError::invalid("query", e.to_string()).into(),
            }
        }))
        // A path whose parameter does not parse (`/v1/accounts/abc`) names nothing: 404; unless
        // it names a more specific route under another method (`GET /v1/accounts/import`): 405.
        .app_data(web::PathConfig::default().error_handler(|_, req| {
            let allow = req
                .app_data::<web::Data<RouteTable>>()
                .and_then(|t| t.allowed(req.path()));
            match allow {
                Some(allow) if !allow.iter().any(|m| m == req.method().as_str()) => {
                    ApiError::MethodNotAllowed { allow }.into()
                }
                _ => ApiError::NotFound(format!("nothing at {}", req.path())).into(),
            }
        }))
        .into_utoipa_app()
        .configure(api::routes)
        .into_app()
        .service(
            SwaggerUi::new("/docs/{_:.*}")
                .external_urls_from_iter_unchecked([("/openapi.json", doc.clone())])
                .config(
                    utoipa_swagger_ui::Config::new(["/openapi.json"]).persist_authorization(true),
                ),
        )
        .service(web::redirect("/docs", "/docs/"))
        .default_service(web::to(api::fallback::not_routed))
        .wrap(from_fn(conventions::conventions))
        .wrap(prometheus)
        .wrap(from_fn(hardening::one_label_for_unknown_methods))
        .wrap(cors(&cors_origins))
        .wrap(from_fn(hardening::headers_and_problems))
        // gzip or brotli as the client asks; never a stream (its `Content-Encoding: identity`).
        .wrap(Compress::default())
        .wrap(from_fn(request_log::count_round_trips))
        // The request's span and its last line (never the query string: `api::request_log`),
        // inside the request id it names.
        .wrap(tracing_actix_web::TracingLogger::<request_log::RequestSpan>::new())
        .wrap(from_fn(request_id::middleware))
}
