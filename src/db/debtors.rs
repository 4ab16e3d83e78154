//! Debtors. A debtor is visible to whoever sees one of their accounts (all of them for manager,
//! head, admin and auditor).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::audit::{self, AuditContext, Change};
use super::schema::{accounts as a, debtors as d};
use super::scope::{AccountScope, scope_of};
use super::{Conn, from_db_time, on_unique, to_db_time};
use crate::actor::Actor;
use crate::apply_account_scope;
use crate::domain::role::Role;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = d)]
pub struct DebtorRow {
    pub id: i64,
    pub external_ref: Option<String>,
    pub name: String,
    pub phone: Option<String>,
    pub phone_valid: bool,
    pub email: Option<String>,
    pub timezone: String,
    pub region: Option<String>,
    pub cease_communication: bool,
    pub do_not_call: bool,
    pub do_not_email: bool,
    pub do_not_sms: bool,
    pub attorney_represented: bool,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub updated_at: chrono::NaiveDateTime,
    /// IANA names, comma-separated.
    pub additional_timezones: Option<String>,
}

/// A person who owes: contact details and contact restrictions.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": 7, "external_ref": "CUST-0042", "name": "Jordan Reyes", "phone": "+16125550123", "phone_valid": true,
    "email": "jordan@example.com", "timezone": "America/Chicago", "region": "MN",
    "cease_communication": false, "do_not_call": false, "do_not_email": false, "do_not_sms": false,
    "attorney_represented": false, "additional_timezones": [],
    "created_at": "2026-11-22T14:03:00Z", "updated_at": "2026-11-22T14:03:00Z"
}))]
pub struct Debtor {
    pub id: i64,
    /// The placing client's reference; unique when set.
    pub external_ref: Option<String>,
    pub name: String,
    /// E.164.
    pub phone: Option<String>,
    /// `false` once a call found the number wrong or disconnected.
    pub phone_valid: bool,
    pub email: Option<String>,
    /// IANA time zone: calling hours are judged in it, and the debtor's local calendar days
    /// (attempt cap, lock-out) are counted in it.
    pub timezone: String,
    /// Region code (a US state such as `MA`): stricter contact rules may apply.
    pub region: Option<String>,
    /// The debtor asked that all communication stop.
    pub cease_communication: bool,
    /// The debtor asked not to be phoned.
    pub do_not_call: bool,
    pub do_not_email: bool,
    pub do_not_sms: bool,
    /// Represented by an attorney: contact the attorney, not the debtor.
    pub attorney_represented: bool,
    /// Other time zones the debtor may be in (IANA names): calls must also fall within calling
    /// hours there, as in the zones of the phone number's area code.
    pub additional_timezones: Vec<String>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: DateTime<Utc>,
}

impl From<DebtorRow> for Debtor {
    fn from(r: DebtorRow) -> Self {
        let additional_timezones = additional_timezones(&r).map(str::to_owned).collect();
        Self {
            id: r.id,
            external_ref: r.external_ref,
            name: r.name,
            phone: r.phone,
            phone_valid: r.phone_valid,
            email: r.email,
            timezone: r.timezone,
            region: r.region,
            cease_communication: r.cease_communication,
            do_not_call: r.do_not_call,
            do_not_email: r.do_not_email,
            do_not_sms: r.do_not_sms,
            attorney_represented: r.attorney_represented,
            additional_timezones,
            created_at: from_db_time(r.created_at),
            updated_at: from_db_time(r.updated_at),
        }
    }
}

fn json(row: &DebtorRow) -> serde_json::Value {
    serde_json::to_value(row).unwrap_or_default()
}

fn ref_taken() -> ApiError {
    ApiError::conflict(
        "debtor-ref-taken",
        "another debtor already has this external_ref",
    )
}

/// A new debtor (fields already parsed).
#[derive(Debug, Clone)]
pub struct NewDebtor {
    pub external_ref: Option<String>,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub timezone: String,
    pub region: Option<String>,
    /// IANA names.
    pub additional_timezones: Vec<String>,
}

/// The stored form of additional time zones: comma-separated, `NULL` for none.
pub fn zones_text(zones: &[String]) -> Option<String> {
    (!zones.is_empty()).then(|| zones.join(","))
}

/// A debtor's additional time zones, as stored.
pub fn additional_timezones(row: &DebtorRow) -> impl Iterator<Item = &str> {
    row.additional_timezones
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .filter(|z| !z.is_empty())
}

pub fn insert(conn: &mut Conn, ctx: &AuditContext, new: &NewDebtor) -> Result<DebtorRow, ApiError> {
    let at = to_db_time(ctx.now);
    let row: DebtorRow = diesel::insert_into(d::table)
        .values((
            d::external_ref.eq(&new.external_ref),
            d::name.eq(&new.name),
            d::phone.eq(&new.phone),
            d::phone_valid.eq(true),
            d::email.eq(&new.email),
            d::timezone.eq(&new.timezone),
            d::region.eq(&new.region),
            d::additional_timezones.eq(zones_text(&new.additional_timezones)),
            d::cease_communication.eq(false),
            d::do_not_call.eq(false),
            d::do_not_email.eq(false),
            d::do_not_sms.eq(false),
            d::attorney_represented.eq(false),
            d::created_at.eq(at),
            d::updated_at.eq(at),
        ))
        .returning(DEBTOR_COLUMNS)
        .get_result(conn)
        .map_err(on_unique(ref_taken))?;
    audit::record(
        conn,
        ctx,
        Change {
            entity_type: "debtor",
            entity_id: row.id,
            action: "debtor.created",
            before: None,
            after: Some(json(&row)),
            account_id: None,
        },
    )?;
    Ok(row)
}

super::columns!(pub DEBTOR_COLUMNS = d(
    id,
    external_ref,
    name,
    phone,
    phone_valid,
    email,
    timezone,
    region,
    cease_communication,
    do_not_call,
    do_not_email,
    do_not_sms,
    attorney_represented,
    created_at,
    updated_at,
    additional_timezones,
));

/// One debtor, if the caller sees one of their accounts (or sees all accounts).
pub fn find_visible(conn: &mut Conn, actor: &Actor, id: i64) -> Result<DebtorRow, ApiError> {
    let scope = scope_of(actor);
    let found = if scope == AccountScope::All {
        d::table
            .find(id)
            .select(DebtorRow::as_select())
            .first(conn)
            .optional()?
    } else {
        // Visible through any of their accounts.
        let joined: diesel::dsl::IntoBoxed<
            'static,
            diesel::dsl::InnerJoin<d::table, a::table>,
            super::MultiBackend,
        > = d::table.inner_join(a::table).into_boxed();
        apply_account_scope!(joined, scope)
            .filter(d::id.eq(id))
            .select(DebtorRow::as_select())
            .first(conn)
            .optional()?
    };
    found.ok_or_else(|| ApiError::not_found("debtor"))
}

pub fn exists(conn: &mut Conn, id: i64) -> Result<bool, ApiError> {
    Ok(diesel::select(diesel::dsl::exists(d::table.find(id))).get_result(conn)?)
}

/// Changes to a debtor; `None` leaves a field alone, `Some(None)` clears an optional one.
#[derive(Debug, Clone, Default)]
pub struct DebtorChanges {
    pub name: Option<String>,
    pub phone: Option<Option<String>>,
    pub email: Option<Option<String>>,
    pub timezone: Option<String>,
    pub region: Option<Option<String>>,
    pub additional_timezones: Option<Vec<String>>,
    pub cease_communication: Option<bool>,
    pub do_not_call: Option<bool>,
    pub do_not_email: Option<bool>,
    pub do_not_sms: Option<bool>,
    pub attorney_represented: Option<bool>,
}

impl DebtorChanges {
    /// True when the change lifts a contact restriction that is in place.
    fn lifts_a_restriction(&self, before: &DebtorRow) -> bool {
        let lifts = |new: Option<bool>, old: bool| old && new == Some(false);
        lifts(self.cease_communication, before.cease_communication)
            || lifts(self.do_not_call, before.do_not_call)
            || lifts(self.do_not_email, before.do_not_email)
            || lifts(self.do_not_sms, before.do_not_sms)
            || lifts(self.attorney_represented, before.attorney_represented)
    }
}

/// Applies changes and audits them. Anyone in the collection chain may *set* a contact
/// restriction (a debtor's request must be honoured at once); lifting one takes a manager.
pub fn update(
    conn: &mut Conn,
    actor: &Actor,
    id: i64,
    c: DebtorChanges,
) -> Result<DebtorRow, ApiError> {
    let before = find_visible(conn, actor, id)?;
    if c.lifts_a_restriction(&before) && !actor.role.at_least(Role::Manager) {
        return Err(ApiError::forbidden(
            "insufficient-authority",
            "lifting a contact restriction takes a manager or head",
        ));
    }
    let phone_changed = c.phone.as_ref().is_some_and(|p| *p != before.phone);
    let row: DebtorRow = diesel::update(d::table.find(id))
        .set((
            d::name.eq(c.name.unwrap_or_else(|| before.name.clone())),
            d::phone.eq(c.phone.unwrap_or_else(|| before.phone.clone())),
            d::phone_valid.eq(phone_changed || before.phone_valid),
            d::email.eq(c.email.unwrap_or_else(|| before.email.clone())),
            d::timezone.eq(c.timezone.unwrap_or_else(|| before.timezone.clone())),
            d::region.eq(c.region.unwrap_or_else(|| before.region.clone())),
            d::additional_timezones.eq(match &c.additional_timezones {
                Some(zones) => zones_text(zones),
                None => before.additional_timezones.clone(),
            }),
            d::cease_communication.eq(c.cease_communication.unwrap_or(before.cease_communication)),
            d::do_not_call.eq(c.do_not_call.unwrap_or(before.do_not_call)),
            d::do_not_email.eq(c.do_not_email.unwrap_or(before.do_not_email)),
            d::do_not_sms.eq(c.do_not_sms.unwrap_or(before.do_not_sms)),
            d::attorney_represented.eq(c
                .attorney_represented
                .unwrap_or(before.attorney_represented)),
            d::updated_at.eq(to_db_time(actor.now)),
        ))
        .returning(DEBTOR_COLUMNS)
        .get_result(conn)?;
    audit::record(
        conn,
        &actor.into(),
        Change {
            entity_type: "debtor",
            entity_id: id,
            action: "debtor.updated",
            before: Some(json(&before)),
            after: Some(json(&row)),
            account_id: None,
        },
    )?;
    Ok(row)
}

/// A flag a contact's outcome sets on the debtor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebtorFlag {
    /// The debtor asked us to stop communicating.
    CeaseCommunication,
    /// The number reached someone else or no one.
    PhoneInvalid,
}

/// Sets `flag` on the debtor (audited; nothing when it was set already).
pub fn flag(
    conn: &mut Conn,
    ctx: &AuditContext,
    debtor: &DebtorRow,
    flag: DebtorFlag,
) -> Result<(), ApiError> {
    let target = d::table.find(debtor.id);
    let at = to_db_time(ctx.now);
    let (changed, name) = match flag {
        DebtorFlag::CeaseCommunication if !debtor.cease_communication => (
            diesel::update(target)
                .set((d::cease_communication.eq(true), d::updated_at.eq(at)))
                .execute(conn)?,
            "cease_communication",
        ),
        DebtorFlag::PhoneInvalid if debtor.phone_valid => (
            diesel::update(target)
                .set((d::phone_valid.eq(false), d::updated_at.eq(at)))
                .execute(conn)?,
            "phone_invalid",
        ),
        _ => (0, ""),
    };
    if changed > 0 {
        audit::record(
            conn,
            ctx,
            Change {
                entity_type: "debtor",
                entity_id: debtor.id,
                action: "debtor.flagged",
                before: None,
                after: Some(serde_json::json!({"flag": name})),
                account_id: None,
            },
        )?;
    }
    Ok(())
}
