//! `/v1/debtors`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::api::conventions::entity_tag;
use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::if_match::if_match_tags;
use crate::api::json::ValidJson;
use crate::api::paths::DebtorPath;
use crate::api::{FieldErrors, nullable};
use crate::auth::{Agent, AnyRole, Caller, Manager};
use crate::db::audit::AuditContext;
use crate::db::debtors::{self, Debtor, DebtorChanges, NewDebtor};
use crate::domain::debtor::{
    TIMEZONE_MAX_CHARS, normalize_phone, normalize_region, parse_timezone,
};
use crate::error::ApiError;
use crate::state::AppState;

/// A new debtor.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Jordan Reyes", "phone": "(612) 555-0123", "email": "jordan@example.com",
    "timezone": "America/Chicago", "region": "MN", "external_ref": "CUST-0042"}))]
pub struct CreateDebtorRequest {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// Any common notation; stored in E.164 (US assumed without a country code). 422 when not a valid number.
    #[schema(max_length = 40)]
    pub phone: Option<String>,
    #[validate(email(message = "must be a valid email address"))]
    #[schema(format = "email", max_length = 320)]
    pub email: Option<String>,
    /// IANA time zone, e.g. `America/Chicago` (422 when unknown).
    #[schema(example = "America/Chicago", max_length = 64)]
    pub timezone: String,
    /// Region code such as a US state (`MA`).
    #[schema(max_length = 10)]
    pub region: Option<String>,
    /// Other time zones the debtor may be in (IANA names, at most 5): calls must also fall
    /// within calling hours there (12 CFR 1006.6(b)(1)(i)).
    #[serde(default)]
    #[schema(max_items = 5, example = json!(["America/Chicago"]))]
    pub additional_timezones: Vec<String>,
    /// The placing client's reference (unique; 409 `debtor-ref-taken`).
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub external_ref: Option<String>,
}

/// Parses a debtor's fields, collecting every error.
pub fn parse_new_debtor(
    r: CreateDebtorRequest,
    errors: &mut FieldErrors,
    prefix: &str,
) -> Option<NewDebtor> {
    let field = |f: &str| format!("{prefix}{f}");
    let timezone = errors.check(
        &field("timezone"),
        parse_timezone(&r.timezone).map(|tz| tz.name().to_owned()),
    );
    let phone = match r.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => errors.check(&field("phone"), normalize_phone(p).map(Some)),
        None => Some(None),
    };
    let region = match r.region.as_deref() {
        Some(reg) => errors.check(&field("region"), normalize_region(reg).map(Some)),
        None => Some(None),
    };
    let additional_timezones = errors.check(
        &field("additional_timezones"),
        parse_zones(&r.additional_timezones),
    );
    let name = r.name.trim().to_owned();
    if name.is_empty() {
        errors.check::<()>(&field("name"), Err("must not be blank".into()));
    }
    Some(NewDebtor {
        external_ref: r.external_ref.map(|e| e.trim().to_owned()),
        name,
        phone: phone?,
        email: r.email.map(|e| e.trim().to_lowercase()),
        timezone: timezone?,
        region: region?,
        additional_timezones: additional_timezones?,
    })
}

/// Up to 5 IANA time zones, each once.
pub fn parse_zones(names: &[String]) -> Result<Vec<String>, String> {
    if names.len() > 5 {
        return Err("at most 5 time zones".into());
    }
    let mut zones: Vec<String> = Vec::new();
    for name in names {
        if name.chars().count() > TIMEZONE_MAX_CHARS {
            return Err(format!(
                "{name:?} is longer than {TIMEZONE_MAX_CHARS} characters"
            ));
        }
        let tz = parse_timezone(name.trim())?.name().to_owned();
        if !zones.contains(&tz) {
            zones.push(tz);
        }
    }
    Ok(zones)
}

/// Changes to a debtor; omitted fields stay. Contact restrictions can be set by anyone who works
/// the debtor's accounts; lifting one (`true` → `false`) takes a manager or head.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"do_not_call": true}))]
pub struct UpdateDebtorRequest {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    /// A new number (E.164 stored), or `null` to remove it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, max_length = 40)]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, format = "email", max_length = 320)]
    pub email: Option<Option<String>>,
    #[schema(example = "America/New_York", max_length = 64)]
    pub timezone: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, max_length = 10)]
    pub region: Option<Option<String>>,
    /// Replaces the other time zones the debtor may be in (`[]` removes them).
    #[schema(max_items = 5, example = json!(["America/Chicago"]))]
    pub additional_timezones: Option<Vec<String>>,
    pub cease_communication: Option<bool>,
    pub do_not_call: Option<bool>,
    pub do_not_email: Option<bool>,
    pub do_not_sms: Option<bool>,
    pub attorney_represented: Option<bool>,
}

/// Register a debtor (manager, head).
#[utoipa::path(
    tag = "debtors",
    operation_id = "create_debtor",
    request_body = CreateDebtorRequest,
    responses(
        (status = 201, description = "Created", body = Debtor),
        (status = 409, description = "Another debtor has this `external_ref` (`debtor-ref-taken`)"),
    )
)]
#[post("/debtors")]
pub async fn create_debtor(
    state: web::Data<AppState>,
    caller: Caller<Manager>,
    idem: IdempotencyKey,
    body: ValidJson<CreateDebtorRequest>,
) -> Result<HttpResponse, ApiError> {
    let digest = body.digest;
    let mut errors = FieldErrors::default();
    let new = parse_new_debtor(body.into_inner(), &mut errors, "");
    errors.finish()?;
    let new = new.ok_or_else(|| ApiError::Internal("debtor parse".into()))?;
    exec::write(
        &state.db,
        caller.into_actor(),
        idem,
        digest,
        move |conn, actor| {
            let row = debtors::insert(conn, &AuditContext::from(actor), &new)?;
            Reply::created_in("/v1/debtors", &Debtor::from(row))
        },
    )
    .await
}

/// One debtor, visible to whoever sees one of their accounts.
#[utoipa::path(
    tag = "debtors",
    operation_id = "get_debtor",
    params(DebtorPath),
    responses((status = 200, description = "The debtor", body = Debtor))
)]
#[get("/debtors/{id}")]
pub async fn get_debtor(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<DebtorPath>,
) -> Result<web::Json<Debtor>, ApiError> {
    let id = id.into_inner().id;
    let row = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        debtors::find_visible(conn, actor, id)
    })
    .await?;
    Ok(web::Json(row.into()))
}

/// Change a debtor's details or contact restrictions (agent and above, within scope).
///
/// Send `If-Match` with the `ETag` you read (`GET /v1/debtors/{id}`) to change only what you saw:
/// 412 when the debtor changed since. The answer carries the new `ETag`.
#[utoipa::path(
    tag = "debtors",
    operation_id = "update_debtor",
    params(DebtorPath,
        ("If-Match" = Option<String>, Header, description = "The `ETag` you read; 412 when the debtor changed since")),
    request_body = UpdateDebtorRequest,
    responses(
        (status = 200, description = "The updated debtor", body = Debtor,
            headers(("ETag" = String, description = "The debtor's new entity tag"))),
        (status = 412, description = "The debtor changed since the `ETag` you sent (`precondition-failed`)"),
    )
)]
#[patch("/debtors/{id}")]
pub async fn update_debtor(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    id: web::Path<DebtorPath>,
    body: ValidJson<UpdateDebtorRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner().id;
    let expected = if_match_tags(&req)?;
    let r = body.into_inner();
    let mut errors = FieldErrors::default();
    let timezone = match &r.timezone {
        Some(tz) => errors.check(
            "timezone",
            parse_timezone(tz).map(|t| Some(t.name().to_owned())),
        ),
        None => Some(None),
    };
    let additional_timezones = match &r.additional_timezones {
        Some(zones) => errors.check("additional_timezones", parse_zones(zones).map(Some)),
        None => Some(None),
    };
    let phone = match &r.phone {
        Some(Some(p)) => errors.check("phone", normalize_phone(p).map(|p| Some(Some(p)))),
        Some(None) => Some(Some(None)),
        None => Some(None),
    };
    let region = match &r.region {
        Some(Some(reg)) => errors.check("region", normalize_region(reg).map(|v| Some(Some(v)))),
        Some(None) => Some(Some(None)),
        None => Some(None),
    };
    if let Some(Some(email)) = &r.email
        && !validator::ValidateEmail::validate_email(email)
    {
        errors.check::<()>("email", Err("must be a valid email address".into()));
    }
    errors.finish()?;
    let changes = DebtorChanges {
        name: r.name.map(|n| n.trim().to_owned()),
        phone: phone.flatten(),
        email: r.email.map(|e| e.map(|e| e.trim().to_lowercase())),
        timezone: timezone.flatten(),
        region: region.flatten(),
        additional_timezones: additional_timezones.flatten(),
        cease_communication: r.cease_communication,
        do_not_call: r.do_not_call,
        do_not_email: r.do_not_email,
        do_not_sms: r.do_not_sms,
        attorney_represented: r.attorney_represented,
    };
    let row = exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
        if let Some(tags) = &expected {
            let current = tagged(&Debtor::from(debtors::find_visible(conn, actor, id)?))?.0;
            if !tags.contains(&current) {
                return Err(ApiError::PreconditionFailed(
                    "the debtor changed since the ETag you sent; read it again".into(),
                ));
            }
        }
        debtors::update(conn, actor, id, changes)
    })
    .await?;
    let (tag, body) = tagged(&Debtor::from(row))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, tag))
        .content_type("application/json")
        .body(body))
}

/// A debtor's entity tag (the digest `GET` answers with) and its JSON.
fn tagged(debtor: &Debtor) -> Result<(String, Vec<u8>), ApiError> {
    let body = serde_json::to_vec(debtor).map_err(ApiError::internal)?;
    Ok((entity_tag(&body), body))
}
