//! Contacts, contactability and the contact policy.

use actix_web::{HttpResponse, get, post, put, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::api::exec::{self, IdempotencyKey, Reply};
use crate::api::json::ValidJson;
use crate::api::pagination::{Page, PageParams};
use crate::api::paths::{AccountPath, ContactPath};
use crate::auth::{Agent, AnyRole, Caller, Head};
use crate::db::contacts::{self, Contact, NewContact};
use crate::db::{account_read, accounts, contact_policy, contact_reads};
use crate::domain::compliance::{Channel, Direction, Verdict};
use crate::domain::contact_policy::ContactPolicy;
use crate::domain::outcome::Outcome;
use crate::error::{ApiError, FieldError};
use crate::state::AppState;
use crate::workflows::contact_log;

/// The promise made during a `promise_to_pay` contact.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"amount": 25000, "due_on": "2026-11-27"}))]
pub struct PromiseRequest {
    #[serde(deserialize_with = "crate::api::money::deserialize")]
    #[schema(maximum = 10_000_000_000_000_i64, minimum = 1)]
    pub amount: i64,
    #[serde(deserialize_with = "crate::api::dates::deserialize")]
    pub due_on: NaiveDate,
}

/// A contact to log.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"channel": "phone", "direction": "outbound", "outcome": "promise_to_pay", "duration_seconds": 240,
    "notes": "will pay Friday", "promise": {"amount": 25000, "due_on": "2026-11-27"}}))]
pub struct CreateContactRequest {
    pub channel: Channel,
    pub direction: Direction,
    pub outcome: Outcome,
    /// When it happened (default now); may be in the past, not in the future.
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub occurred_at: Option<DateTime<Utc>>,
    #[validate(range(min = 0, max = 86400, message = "must be from 0 to 86400"))]
    #[schema(minimum = 0, maximum = 86400)]
    pub duration_seconds: Option<i32>,
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(max_length = 2000)]
    pub notes: Option<String>,
    /// When to follow up: the account rises in the queue then.
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub follow_up_at: Option<DateTime<Utc>>,
    /// Required with `promise_to_pay`, refused otherwise.
    #[validate(nested)]
    pub promise: Option<PromiseRequest>,
}

/// Log a contact (agent and above, within scope).
///
/// An outbound contact the Regulation F rules refuse answers 409 `contact-not-permitted` with
/// every reason and, when only time stands in the way, `next_allowed_at`; nothing is stored but
/// the refusal's audit event. Inbound contacts are always recorded. A call in the hour of a
/// call-back the debtor asked for (`callback_requested` with `follow_up_at`, on or before the 7th
/// local day) is allowed on their consent despite the cap, the lock-out and the hours, once, and
/// answers `consented: true`; `busy` and `disconnected` calls are not attempts. Side effects in the same
/// transaction: `promise_to_pay` creates a promise arrangement, `dispute` opens a dispute,
/// `cease_request` sets the debtor's `cease_communication`, `wrong_number` / `disconnected` mark
/// the phone invalid, `deceased` / `bankruptcy` flag the account for the team lead.
#[utoipa::path(
    tag = "contacts",
    operation_id = "create_contact",
    params(AccountPath),
    request_body = CreateContactRequest,
    responses(
        (status = 201, description = "Logged", body = Contact),
        (status = 409, description = "Refused by the contact rules (`contact-not-permitted`, with `reasons` and `next_allowed_at`), or a side effect's conflict (`arrangement-exists`, `dispute-open`)"),
    )
)]
#[post("/accounts/{id}/contacts")]
pub async fn create_contact(
    state: web::Data<AppState>,
    caller: Caller<Agent>,
    id: web::Path<AccountPath>,
    idem: IdempotencyKey,
    body: ValidJson<CreateContactRequest>,
) -> Result<HttpResponse, ApiError> {
    let account_id = id.into_inner().id;
    let digest = body.digest;
    let actor = caller.into_actor();
    let r = body.into_inner();
    let occurred_at = r.occurred_at.unwrap_or(actor.now);
    let mut errors = Vec::new();
    if occurred_at > actor.now {
        errors.push(FieldError::new("occurred_at", "must not be in the future"));
    }
    match (r.outcome, &r.promise) {
        (Outcome::PromiseToPay, None) => errors.push(FieldError::new(
            "promise",
            "is required with promise_to_pay",
        )),
        (o, Some(_)) if o != Outcome::PromiseToPay => {
            errors.push(FieldError::new("promise", "belongs only to promise_to_pay"))
        }
        _ => {}
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let new = NewContact {
        channel: r.channel,
        direction: r.direction,
        outcome: r.outcome,
        occurred_at,
        duration_seconds: r.duration_seconds,
        notes: r.notes,
        follow_up_at: r.follow_up_at,
        promise: r.promise.map(|p| (p.amount, p.due_on)),
    };
    exec::write_rechecking(&state.db, actor, idem, digest, move |conn, caller| {
        match contact_log::log(conn, caller, account_id, new)? {
            Ok(contact) => Reply::created_in("/v1/contacts", &contact),
            Err(refusal) => Reply::problem(&refusal),
        }
    })
    .await
}

/// An account's contacts, newest first.
#[utoipa::path(
    tag = "contacts",
    operation_id = "list_account_contacts",
    params(AccountPath, PageParams),
    responses((status = 200, description = "A page of contacts", body = Page<Contact>))
)]
#[get("/accounts/{id}/contacts")]
pub async fn list_account_contacts(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Contact>>, ApiError> {
    let page = page.parse()?;
    let id = id.into_inner().id;
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        contact_reads::list_for_account(conn, actor, id, page.after, page.fetch_limit())
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |c| c.id)))
}

/// Filters of the contact list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContactListParams {
    /// Only contacts logged by this user.
    pub agent_id: Option<i64>,
    /// At or after (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Before (RFC 3339).
    pub to: Option<DateTime<Utc>>,
}

/// Contacts on the accounts you may see, newest first.
#[utoipa::path(
    tag = "contacts",
    operation_id = "list_contacts",
    params(ContactListParams, PageParams),
    responses((status = 200, description = "A page of contacts", body = Page<Contact>))
)]
#[get("/contacts")]
pub async fn list_contacts(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    params: web::Query<ContactListParams>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Contact>>, ApiError> {
    let page = page.parse()?;
    let p = params.into_inner();
    if let (Some(from), Some(to)) = (p.from, p.to)
        && from > to
    {
        return Err(ApiError::invalid("from", "must not be after `to`"));
    }
    let rows = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        contact_reads::list(
            conn,
            actor,
            p.agent_id,
            p.from,
            p.to,
            page.after,
            page.fetch_limit(),
        )
    })
    .await?;
    Ok(web::Json(Page::from_rows(rows, page, |c| c.id)))
}

/// Which channel to check.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContactabilityParams {
    /// Default `phone`.
    pub channel: Option<Channel>,
}

/// May the debtor be contacted now on `channel` (outbound)? The same rules as contact logging:
/// the attempt cap and the lock-out in the debtor's local calendar days, calling hours in every
/// zone in `timezones` (the debtor's, their phone number's area code's, `additional_timezones`),
/// and `consented: true` within the hour of a call-back the debtor asked for.
#[utoipa::path(
    tag = "contacts",
    operation_id = "get_contactability",
    params(AccountPath, ContactabilityParams),
    responses((status = 200, description = "The verdict", body = Verdict))
)]
#[get("/accounts/{id}/contactability")]
pub async fn get_contactability(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<AccountPath>,
    params: web::Query<ContactabilityParams>,
) -> Result<web::Json<Verdict>, ApiError> {
    let id = id.into_inner().id;
    let channel = params.channel.unwrap_or(Channel::Phone);
    let actor = caller.into_actor();
    // One statement: the session re-check and the history are in the account's
    // (`find_visible_with_history`); the policy is the process's cache at the stamp it read.
    let v = state
        .db
        .run(move |conn| {
            let (actor, found, history) = account_read::find_visible_with_history(conn, actor, id)?;
            let accounts::AccountAndDebtor { account, debtor } = found;
            let policy = contact_policy::current(conn)?;
            let judged = (channel, Direction::Outbound);
            contacts::verdict_on(&policy, &account, &debtor, &history, judged, actor.now)
        })
        .await?;
    Ok(web::Json(v))
}

/// The contact policy in force (everyone may read it).
#[utoipa::path(tag = "contacts", operation_id = "get_contact_policy", responses((status = 200, description = "The policy", body = ContactPolicy)))]
#[get("/contact-policy")]
pub async fn get_contact_policy(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
) -> Result<web::Json<ContactPolicy>, ApiError> {
    Ok(web::Json(
        exec::read(&state.db, caller.into_actor(), |conn, _| {
            contact_policy::current(conn)
        })
        .await?,
    ))
}

/// Replace the contact policy (head). Regulation F is the floor: 422 naming the field for an
/// `attempt_cap` above 7, a `window_days` or `lockout_days` below 7, calling hours starting
/// before 08:00 or ending after 21:00, and a region override looser than the base policy (a
/// region may only tighten it). Audited. A policy stored below the floor (before it was
/// enforced) is raised to it at start-up, with an audit event naming each field.
#[utoipa::path(
    tag = "contacts",
    operation_id = "replace_contact_policy",
    request_body = ContactPolicy,
    responses(
        (status = 200, description = "The new policy", body = ContactPolicy),
        (status = 422, description = "Below Regulation F's floor or out of range (`validation-failed`, one error per field)"),
    )
)]
#[put("/contact-policy")]
pub async fn replace_contact_policy(
    state: web::Data<AppState>,
    caller: Caller<Head>,
    body: ValidJson<PolicyBody>,
) -> Result<web::Json<ContactPolicy>, ApiError> {
    let policy = body.into_inner().0;
    ApiError::unless_any(policy.problems())?;
    Ok(web::Json(
        exec::write_plain(&state.db, caller.into_actor(), move |conn, actor| {
            contact_policy::replace(conn, actor, &policy)
        })
        .await?,
    ))
}

/// The policy as a request body (validated by `ContactPolicy::problems`).
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct PolicyBody(pub ContactPolicy);

impl Validate for PolicyBody {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        Ok(())
    }
}

/// One contact (anyone who can see its account; 404 otherwise).
#[utoipa::path(
    tag = "contacts",
    operation_id = "get_contact",
    params(ContactPath),
    responses((status = 200, description = "The contact", body = Contact))
)]
#[get("/contacts/{id}")]
pub async fn get_contact(
    state: web::Data<AppState>,
    caller: Caller<AnyRole>,
    id: web::Path<ContactPath>,
) -> Result<web::Json<Contact>, ApiError> {
    let id = id.into_inner().id;
    let found = exec::read(&state.db, caller.into_actor(), move |conn, actor| {
        contact_reads::find_visible(conn, actor, id)?.try_into()
    })
    .await?;
    Ok(web::Json(found))
}
