//! Contacts (call outcomes): rows, the history the Regulation F engine judges, the verdict, and
//! lists. Logging one with its side effects is `workflows::contact_log`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::accounts::AccountRow;
use super::debtors::DebtorRow;
use super::schema::contacts as c;
use super::{Conn, contact_policy, from_db_time, to_db_time};
use crate::actor::Actor;
use crate::domain::area_codes;
use crate::domain::compliance::{
    Channel, Direction, PastContact, Subject, Verdict, evaluate, history_days,
};
use crate::domain::contact_policy::ContactPolicy;
use crate::domain::outcome::Outcome;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = c)]
pub struct ContactRow {
    pub id: i64,
    pub account_id: i64,
    pub agent_id: Option<i64>,
    pub channel: String,
    pub direction: String,
    pub outcome: String,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub occurred_at: chrono::NaiveDateTime,
    pub duration_seconds: Option<i32>,
    pub notes: Option<String>,
    #[serde(serialize_with = "crate::timestamps::naive_opt")]
    pub follow_up_at: Option<chrono::NaiveDateTime>,
    pub counts_as_attempt: bool,
    pub is_conversation: bool,
    pub arrangement_id: Option<i64>,
    pub dispute_id: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::naive")]
    pub created_at: chrono::NaiveDateTime,
    pub consented: bool,
}

super::columns!(
    CONTACT_COLUMNS = c(
        id,
        account_id,
        agent_id,
        channel,
        direction,
        outcome,
        occurred_at,
        duration_seconds,
        notes,
        follow_up_at,
        counts_as_attempt,
        is_conversation,
        arrangement_id,
        dispute_id,
        created_at,
        consented,
    )
);

/// A logged contact.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": 77, "account_id": 101, "agent_id": 12, "channel": "phone", "direction": "outbound",
    "outcome": "promise_to_pay", "occurred_at": "2026-11-22T15:04:00Z", "duration_seconds": 240, "notes": "will pay Friday",
    "follow_up_at": null, "counts_as_attempt": true, "is_conversation": true, "consented": false, "arrangement_id": 4,
    "dispute_id": null, "created_at": "2026-11-22T15:05:00Z"}))]
pub struct Contact {
    pub id: i64,
    pub account_id: i64,
    /// Who logged it.
    pub agent_id: Option<i64>,
    pub channel: Channel,
    pub direction: Direction,
    pub outcome: Outcome,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub occurred_at: DateTime<Utc>,
    pub duration_seconds: Option<i32>,
    pub notes: Option<String>,
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub follow_up_at: Option<DateTime<Utc>>,
    /// Counted toward the attempt cap: an outbound phone call that connected (not `busy` or
    /// `disconnected`) and was not made on the debtor's consent.
    pub counts_as_attempt: bool,
    /// A conversation with the debtor (starts the lock-out when by phone).
    pub is_conversation: bool,
    /// Made on the debtor's consent: a call-back they asked for, in its hour (allowed despite
    /// the attempt cap, the lock-out and the calling hours).
    pub consented: bool,
    /// The promise-to-pay arrangement it created.
    pub arrangement_id: Option<i64>,
    /// The dispute it opened.
    pub dispute_id: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: DateTime<Utc>,
}

pub fn channel_str(ch: Channel) -> &'static str {
    match ch {
        Channel::Phone => "phone",
        Channel::Sms => "sms",
        Channel::Email => "email",
        Channel::Letter => "letter",
    }
}

impl TryFrom<ContactRow> for Contact {
    type Error = ApiError;

    fn try_from(r: ContactRow) -> Result<Self, ApiError> {
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            agent_id: r.agent_id,
            channel: super::stored("contacts.channel", &r.channel)?,
            direction: super::stored("contacts.direction", &r.direction)?,
            outcome: super::stored("contacts.outcome", &r.outcome)?,
            occurred_at: from_db_time(r.occurred_at),
            duration_seconds: r.duration_seconds,
            notes: r.notes,
            follow_up_at: r.follow_up_at.map(from_db_time),
            counts_as_attempt: r.counts_as_attempt,
            is_conversation: r.is_conversation,
            arrangement_id: r.arrangement_id,
            dispute_id: r.dispute_id,
            created_at: from_db_time(r.created_at),
            consented: r.consented,
        })
    }
}

/// The engine's view of an account and its debtor: the debtor's time zone, and the other zones
/// they may be in (their phone number's area code, `additional_timezones`).
pub fn subject(account: &AccountRow, debtor: &DebtorRow) -> Result<Subject, ApiError> {
    let zone = |name: &str| {
        name.parse()
            .map_err(|_| ApiError::Internal(format!("debtors holds the time zone {name:?}")))
    };
    let mut other_timezones = debtor
        .phone
        .as_deref()
        .map(area_codes::timezones_of)
        .unwrap_or_default();
    for name in super::debtors::additional_timezones(debtor) {
        other_timezones.push(zone(name)?);
    }
    Ok(Subject {
        timezone: zone(&debtor.timezone)?,
        other_timezones,
        phone_usable: debtor.phone.is_some() && debtor.phone_valid,
        email_on_file: debtor.email.is_some(),
        cease_communication: debtor.cease_communication,
        do_not_call: debtor.do_not_call,
        do_not_email: debtor.do_not_email,
        do_not_sms: debtor.do_not_sms,
        attorney_represented: debtor.attorney_represented,
        account_status: super::stored("accounts.status", &account.status)?,
        complaint_pause: account.complaint_pauses > 0,
    })
}

fn past(r: &HistoryRow) -> Result<PastContact, ApiError> {
    let outcome: Outcome = super::stored("contacts.outcome", &r.outcome)?;
    Ok(PastContact {
        at: from_db_time(r.occurred_at),
        channel: super::stored("contacts.channel", &r.channel)?,
        direction: super::stored("contacts.direction", &r.direction)?,
        counts_as_attempt: r.counts_as_attempt,
        is_conversation: r.is_conversation,
        consented: r.consented,
        callback_at: match outcome {
            Outcome::CallbackRequested => r.follow_up_at.map(from_db_time),
            _ => None,
        },
    })
}

/// What the compliance engine reads of a past contact.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = c)]
pub struct HistoryRow {
    channel: String,
    direction: String,
    outcome: String,
    occurred_at: chrono::NaiveDateTime,
    follow_up_at: Option<chrono::NaiveDateTime>,
    counts_as_attempt: bool,
    is_conversation: bool,
    consented: bool,
}

/// The contacts the engine judges (attempts, conversations, consented calls) that fall after
/// `since` and at or before `until`: a filter on `contacts`, or a LEFT JOIN's condition.
#[diesel::dsl::auto_type]
pub(super) fn judged(since: NaiveDateTime, until: NaiveDateTime) -> _ {
    c::occurred_at
        .gt(since)
        .and(c::occurred_at.le(until))
        .and(c::counts_as_attempt.or(c::is_conversation).or(c::consented))
}

/// The contacts of `account_ids` since `since`: one indexed range query whatever the history length.
fn history(
    conn: &mut Conn,
    account_ids: &[i64],
    since: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<HistoryRow>, ApiError> {
    Ok(c::table
        .filter(c::account_id.eq_any(account_ids))
        .filter(judged(to_db_time(since), to_db_time(until)))
        .select(HistoryRow::as_select())
        .load(conn)?)
}

/// The verdict for a contact on `account` at `at`.
pub fn verdict(
    conn: &mut Conn,
    account: &AccountRow,
    debtor: &DebtorRow,
    channel: Channel,
    direction: Direction,
    at: DateTime<Utc>,
) -> Result<Verdict, ApiError> {
    let policy = contact_policy::current(conn)?;
    let rules = policy.rules_for(debtor.region.as_deref());
    let since = at - chrono::Duration::days(i64::from(history_days(&rules)));
    let rows = history(conn, &[account.id], since, at)?;
    verdict_on(&policy, account, debtor, &rows, (channel, direction), at)
}

/// Where a check under any valid policy at `now` starts reading history (a read made before
/// the policy's stamp is known to be current): as far back as the rules that need the most
/// history a policy may set.
pub fn any_history_since(now: DateTime<Utc>) -> NaiveDateTime {
    let longest = history_days(&crate::domain::contact_policy::longest());
    to_db_time(now - chrono::Duration::days(i64::from(longest)))
}

/// Where a check of any debtor under `policy` at `now` starts reading history: as far back as
/// the longest of its rules needs (a page of accounts read in one statement, their regions not
/// yet known). The engine reads within each rule's own window, so more history is harmless.
pub(super) fn history_since(policy: &ContactPolicy, now: DateTime<Utc>) -> NaiveDateTime {
    let longest = policy
        .every_rules()
        .map(|rules| history_days(&rules))
        .max()
        .unwrap_or(8);
    to_db_time(now - chrono::Duration::days(i64::from(longest)))
}

/// The engine's verdict on a `channel`/`direction` contact with `account` at `at`, from its
/// `history` as read with the account since [`history_since`] (the queue's `contactable_now`)
/// or [`any_history_since`] (contactability).
pub fn verdict_on(
    policy: &ContactPolicy,
    account: &AccountRow,
    debtor: &DebtorRow,
    history: &[HistoryRow],
    (channel, direction): (Channel, Direction),
    at: DateTime<Utc>,
) -> Result<Verdict, ApiError> {
    let past: Vec<PastContact> = history.iter().map(past).collect::<Result<_, _>>()?;
    Ok(evaluate(
        channel,
        direction,
        at,
        &subject(account, debtor)?,
        &past,
        &policy.rules_for(debtor.region.as_deref()),
    ))
}

/// A contact to log (validated).
#[derive(Debug, Clone)]
pub struct NewContact {
    pub channel: Channel,
    pub direction: Direction,
    pub outcome: Outcome,
    pub occurred_at: DateTime<Utc>,
    pub duration_seconds: Option<i32>,
    pub notes: Option<String>,
    pub follow_up_at: Option<DateTime<Utc>>,
    pub promise: Option<(i64, NaiveDate)>,
}

/// Whether the engine allowed a contact on the debtor's consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    Given,
    NotNeeded,
}

/// Inserts a logged contact (the engine has allowed it), pointing at what its outcome created.
pub fn insert(
    conn: &mut Conn,
    actor: &Actor,
    account_id: i64,
    new: &NewContact,
    arrangement_id: Option<i64>,
    dispute_id: Option<i64>,
    consent: Consent,
) -> Result<ContactRow, ApiError> {
    let flags = new.outcome.flags();
    let consented = consent == Consent::Given;
    let outbound_phone = new.direction == Direction::Outbound && new.channel == Channel::Phone;
    let direction = if new.direction == Direction::Inbound {
        "inbound"
    } else {
        "outbound"
    };
    Ok(diesel::insert_into(c::table)
        .values((
            c::account_id.eq(account_id),
            c::agent_id.eq(Some(actor.user_id)),
            c::channel.eq(channel_str(new.channel)),
            c::direction.eq(direction),
            c::outcome.eq(new.outcome.as_str()),
            c::occurred_at.eq(to_db_time(new.occurred_at)),
            c::duration_seconds.eq(new.duration_seconds),
            c::notes.eq(&new.notes),
            c::follow_up_at.eq(new.follow_up_at.map(to_db_time)),
            c::counts_as_attempt.eq(outbound_phone && flags.counts_as_attempt && !consented),
            c::consented.eq(consented),
            c::is_conversation.eq(flags.is_conversation),
            c::arrangement_id.eq(arrangement_id),
            c::dispute_id.eq(dispute_id),
            c::created_at.eq(to_db_time(actor.now)),
        ))
        .returning(CONTACT_COLUMNS)
        .get_result(conn)?)
}
