//! The OpenAPI document.
//!
//! utoipa-actix-web collects every operation from the routes themselves (a route cannot exist
//! without its operation). [`finish`] then applies the conventions every operation shares, so
//! none can forget them: problem+json on every error response, the common errors (401/403 for
//! secured operations, 404 for paths with ids, 400/408/413/415/422 for bodies, 431, 500, 503), the bearer
//! security scheme, and the `Idempotency-Key` header on every POST.

use std::sync::OnceLock;

use actix_web::App;
use serde_json::{Value, json};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;

use crate::error::{FieldError, Problem};

mod examples;
mod headers;
mod limits;
mod operation_errors;
mod problem_examples;
mod replica;
mod security;
use security::{bearer_description, unauthorized_response};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "arrears",
        description = "Collections operations API: accounts, assignments, contacts under Regulation F, \
payment arrangements, payments and tiered approvals.\n\n\
Conventions: JSON with snake_case fields; money as integers in minor units; timestamps RFC 3339 UTC; \
errors as RFC 9457 problem+json whose `type` ends in a stable slug; lists paginated with `limit` and \
an opaque `cursor`; every POST accepts `Idempotency-Key`; every response carries `X-Request-Id`."
    ),
    components(schemas(
        Problem,
        FieldError,
        crate::api::import::ImportRow,
        crate::api::reports::GroupBy,
        crate::api::complaint_reports::ComplaintGroupBy,
        crate::api::complaint_reports::SatisfactionGroupBy,
        crate::api::scorecard::QualityGroupBy,
        crate::domain::status::ApprovalStatus,
        crate::domain::status::DisputeStatus,
        crate::domain::status::EscalationStatus
    )),
    tags(
        (name = "auth", description = "Sign in, refresh, sign out"),
        (name = "users", description = "Users and the signed-in user"),
        (name = "teams", description = "Collection teams"),
        (name = "debtors", description = "Debtors and their contact restrictions"),
        (name = "accounts", description = "Delinquent accounts"),
        (name = "assignments", description = "Who works which account"),
        (name = "queue", description = "The agent's work list"),
        (name = "arrangements", description = "Payment plans and promises to pay"),
        (name = "payments", description = "Payments, allocations and reversals"),
        (name = "contacts", description = "Call outcomes under the Regulation F contact rules"),
        (name = "disputes", description = "Disputes pause collection"),
        (name = "complaints", description = "Complaints, their deadlines and findings, the complaint policy, satisfaction survey answers"),
        (name = "approvals", description = "Settlements, write-offs and long plans under tiered authority with four eyes"),
        (name = "escalations", description = "Escalations and legal referral"),
        (name = "strategies", description = "Collection strategies: segments, treatments, champion and challenger; strategy runs and where an account stands"),
        (name = "communications", description = "Messages strategy steps ask for, for a mail house or gateway to fetch and close; review tasks for team leads"),
        (name = "quality", description = "Evaluation forms, scored evaluations of contacts with the agent's acknowledgement or dispute, coaching sessions and actions, the agent scorecard"),
        (name = "events", description = "Integration events in commit order: a feed to poll with a cursor, and a live Server-Sent Events stream"),
        (name = "api-keys", description = "Keys for scripts and services, each acting with a role and team of its own (admin)"),
        (name = "webhooks", description = "Signed webhook deliveries of events, with retries and a delivery log (admin)"),
        (name = "reports", description = "Targets and reports (JSON, or CSV with Accept: text/csv)"),
        (name = "audit", description = "The hash-chained audit log"),
        (name = "operations", description = "Health, readiness and metrics (no auth)"),
    )
)]
struct ApiDoc;

/// The document as served at `/openapi.json` and committed as `openapi/openapi.json`.
pub fn document() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let (_, raw) = App::new()
            .into_utoipa_app()
            .openapi(ApiDoc::openapi())
            .configure(crate::api::routes)
            .split_for_parts();
        finish(raw)
    })
}

/// The document as pretty JSON with a trailing newline (the committed form).
pub fn document_json() -> String {
    let mut s = serde_json::to_string_pretty(document()).unwrap_or_default();
    s.push('\n');
    s
}

fn problem_response(description: &str, example_status: u16, slug: &str, detail: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/problem+json": {
            "schema": {"$ref": "#/components/schemas/Problem"},
            "example": {
                "type": format!("{}{slug}", crate::error::PROBLEM_BASE),
                "title": actix_web::http::StatusCode::from_u16(example_status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error"),
                "status": example_status,
                "detail": detail
            }
        }}
    })
}

/// (status, component name, description, slug, example detail)
const COMMON: &[(&str, &str, &str, &str, &str)] = &[
    (
        "400",
        "BadRequest",
        "The body is not valid JSON, or a header is malformed",
        "malformed-json",
        "the body is not valid JSON: expected value at line 1 column 1",
    ),
    (
        "401",
        "Unauthorized",
        "No valid access token (answers carry `WWW-Authenticate: Bearer`)",
        "unauthorized",
        "send an access token: Authorization: Bearer <token>",
    ),
    (
        "403",
        "Forbidden",
        "Your role may not do this",
        "insufficient-role",
        "this operation is for admin; you are agent",
    ),
    (
        "404",
        "NotFound",
        "No such resource, or not visible to you",
        "not-found",
        "user not found",
    ),
    (
        "408",
        "RequestTimeout",
        "The body did not arrive within the body timeout (30 s unless configured)",
        "request-timeout",
        "the request body did not arrive within 30 seconds",
    ),
    (
        "409",
        "Conflict",
        "Conflicts with the current state, or the Idempotency-Key is in use",
        "idempotency-key-in-use",
        "a request with this Idempotency-Key is still running",
    ),
    (
        "413",
        "PayloadTooLarge",
        "The body is over the limit (1 MiB)",
        "payload-too-large",
        "request body larger than 1048576 bytes",
    ),
    (
        "415",
        "UnsupportedMediaType",
        "The body is not application/json",
        "unsupported-media-type",
        "send the body as Content-Type: application/json",
    ),
    (
        "422",
        "UnprocessableContent",
        "A field or query parameter is invalid (see `errors`), or an Idempotency-Key was reused with another body",
        "validation-failed",
        "email: must be a valid email address",
    ),
    (
        "429",
        "TooManyRequests",
        "Too many attempts; see `Retry-After`",
        "too-many-requests",
        "too many failed sign-in attempts for this email",
    ),
    (
        "431",
        "RequestHeaderFieldsTooLarge",
        "The request's headers exceed 16 KiB",
        "request-header-fields-too-large",
        "the request's headers exceed 16384 bytes",
    ),
    (
        "500",
        "InternalError",
        "The server failed; the body carries no internals",
        "internal-error",
        "the server failed to handle the request; it has been logged",
    ),
    (
        "503",
        "ServiceUnavailable",
        "The database is saturated, unreachable, restarting, full or read-only, or too many passwords are being checked; see `Retry-After`",
        "service-unavailable",
        "the database is saturated or unreachable; retry shortly",
    ),
];

fn common_ref(status: &str) -> Value {
    let name = COMMON
        .iter()
        .find(|c| c.0 == status)
        .map(|c| c.1)
        .unwrap_or("InternalError");
    json!({"$ref": format!("#/components/responses/{name}")})
}

fn finish(raw: utoipa::openapi::OpenApi) -> Value {
    let mut doc = serde_json::to_value(&raw).unwrap_or_default();
    doc["info"]["license"] = json!({"name": "Apache-2.0", "identifier": "Apache-2.0"});
    doc["info"]["contact"] =
        json!({"name": "arrears", "url": "https://github.com/arrears-dev/arrears/issues"});
    doc["security"] = json!([{"bearer": []}]);
    // Relative: the server that serves this document (each deployment has its own host).
    doc["servers"] = json!([{"url": "/", "description": "The server that serves this document"}]);
    let components = doc["components"].as_object_mut().map(|_| ()).is_some();
    if !components {
        doc["components"] = json!({});
    }
    doc["components"]["securitySchemes"] = json!({
        "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT or API key",
                   "description": bearer_description()}
    });
    let mut responses = serde_json::Map::new();
    for (status, name, description, slug, detail) in COMMON {
        responses.insert(
            (*name).to_owned(),
            problem_response(description, status.parse().unwrap_or(500), slug, detail),
        );
    }
    responses.insert("Unauthorized".into(), unauthorized_response());
    headers::declare_on_problems(&mut responses);
    doc["components"]["responses"] = Value::Object(responses);
    add_page_examples(&mut doc);
    limits::bound_array_items(&mut doc);
    headers::optional_bodies(&mut doc);

    let schemas = doc["components"]["schemas"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    if let Some(paths) = doc["paths"].as_object_mut() {
        for (path, item) in paths.iter_mut() {
            let Some(ops) = item.as_object_mut() else {
                continue;
            };
            for (method, op) in ops.iter_mut() {
                apply_conventions(path, method, op, &schemas);
                binary_csv_bodies(op);
            }
        }
    }
    headers::drop_unused_responses(&mut doc);
    examples::restamp(&mut doc);
    doc
}

/// A CSV request body is a file: `string` with `format: binary`, so generated clients send bytes.
fn binary_csv_bodies(op: &mut Value) {
    if let Some(schema) = op
        .pointer_mut("/requestBody/content/text~1csv/schema")
        .and_then(Value::as_object_mut)
    {
        schema.insert("format".into(), json!("binary"));
    }
}

fn apply_conventions(
    path: &str,
    method: &str,
    op: &mut Value,
    schemas: &serde_json::Map<String, Value>,
) {
    headers::summarise(op);
    replica::note(path, method, op);
    let is_post = method == "post";
    if is_post && path.starts_with("/v1/") {
        add_idempotency_key(op);
    }
    let wanted = operation_errors::common_statuses(path, is_post, op);
    let own_words = |status: &str| {
        let description = COMMON.iter().find(|c| c.0 == status)?.2;
        match status {
            "404" => operation_errors::not_found(path, description),
            "422" => operation_errors::unprocessable(op, schemas, description),
            _ => None,
        }
    };
    let told: Vec<(&str, Value)> = wanted
        .iter()
        .filter_map(|status| own_words(status).map(|r| (*status, r)))
        .collect();
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return;
    };
    // Error responses the handler described: keep the description, add the problem body.
    for (status, response) in responses.iter_mut() {
        let is_error = status.starts_with('4') || status.starts_with('5');
        if is_error && response.get("content").is_none() && response.get("$ref").is_none() {
            let description = response
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("Error")
                .to_owned();
            let template = COMMON.iter().find(|c| c.0 == status);
            let (slug, detail) = template.map_or(("error", "see the problem type"), |c| (c.3, c.4));
            let code = status.parse().unwrap_or(500);
            *response = problem_response(&description, code, slug, detail);
            if let Some(examples) = problem_examples::named(&description, code, is_post)
                && let Some(content) = response
                    .pointer_mut("/content/application~1problem+json")
                    .and_then(Value::as_object_mut)
            {
                content.remove("example");
                content.insert("examples".into(), examples);
            }
        }
    }
    for status in wanted {
        if !responses.contains_key(status) {
            let told = told.iter().find(|t| t.0 == status).map(|t| t.1.clone());
            responses.insert(
                status.to_owned(),
                told.unwrap_or_else(|| common_ref(status)),
            );
        }
    }
    if path.starts_with("/v1/") {
        headers::declare(method, responses);
    }
}

/// The `Idempotency-Key` header every POST under `/v1/` takes.
fn add_idempotency_key(op: &mut Value) {
    let mut params = op["parameters"].as_array().cloned().unwrap_or_default();
    params.push(json!({
        "name": "Idempotency-Key", "in": "header", "required": false,
        "description": "Makes a retry safe: the same key with the same body (by the same user, within 24 hours) \
answers the original status and body with `Idempotent-Replayed: true` and does nothing twice. \
The same key with another body → 422 `idempotency-key-reused`; while the first request runs → 409 `idempotency-key-in-use`.",
        "schema": {"type": "string", "minLength": 1, "maxLength": 255},
        "example": "5f0c7a6e-9a55-4f6b-8f0e-3b6c1d2e7a10"
    }));
    op["parameters"] = Value::Array(params);
}

/// `Page_<Item>` schemas refer to their item's component (utoipa inlines generic arguments, which
/// would give generated clients one anonymous class per list) and get an example built from the
/// item's own.
fn add_page_examples(doc: &mut Value) {
    let Some(schemas) = doc["components"]["schemas"].as_object_mut() else {
        return;
    };
    let items: Vec<(String, Value)> = schemas
        .keys()
        .filter_map(|name| {
            name.strip_prefix("Page_")
                .map(|item| (name.clone(), item.to_owned()))
        })
        .map(|(page, item)| {
            (
                page,
                schemas
                    .get(&item)
                    .and_then(|s| s.get("example"))
                    .cloned()
                    .unwrap_or(json!({})),
            )
        })
        .collect();
    for (page, item_example) in items {
        if let Some(schema) = schemas.get_mut(&page) {
            schema["example"] = json!({"data": [item_example], "next_cursor": "aWQ6NDI"});
            let item = page.trim_start_matches("Page_");
            schema["properties"]["data"]["items"] =
                json!({"$ref": format!("#/components/schemas/{item}")});
        }
    }
}
