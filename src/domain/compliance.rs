//! The contact rules of Regulation F (12 CFR 1006.6 and 1006.14(b)) as one pure function.
//!
//! [`evaluate`] answers whether a contact may happen at an instant, with every reason it may
//! not and, when only time stands in the way, the next instant it may. Contact logging,
//! `GET …/contactability` and the queue's `contactable_now` all ask it; there is no second copy.
//!
//! - Inbound contacts are always allowed and never count as attempts.
//! - Outbound phone: refused when the debtor asked to cease communication (1006.6(c)) or not to
//!   be called, is represented by an attorney (1006.6(b)(2)), or the account is disputed or with
//!   legal; when `attempt_cap` attempts fall on the `window_days` local calendar days ending with
//!   the day of the call (1006.14(b)(2)(i)(A); calls that do not connect — `busy`,
//!   `disconnected` — are not attempts, 1006.14(b)(3)(ii)); for `lockout_days` local calendar
//!   days after a phone conversation, its day being day one (1006.14(b)(2)(i)(B)); and outside
//!   calling hours in any time zone known for the debtor (1006.6(b)(1)(i)).
//! - Consent (1006.14(b)(3)(i), 1006.6(b)(4)(i)): a call-back the debtor asked for, in the hour
//!   starting at the requested time, on or before the 7th local day counting the request's day
//!   as day one, is allowed despite the cap, the lock-out and the hours (never despite the
//!   standing refusals above), once; it does not count as an attempt.
//! - Outbound SMS and email: cease, their own opt-out, dispute, calling hours.
//! - Letters: cease and dispute.

use chrono::{DateTime, Days, Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::account::AccountStatus;
use super::contact_policy::Rules;

/// A contact's channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "phone")]
pub enum Channel {
    Phone,
    Sms,
    Email,
    Letter,
}

/// Who started the contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "outbound")]
pub enum Direction {
    Outbound,
    Inbound,
}

/// Why a contact is not allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "attempt_cap_reached")]
pub enum Reason {
    CeaseCommunication,
    DoNotCall,
    DoNotEmail,
    DoNotSms,
    AttorneyRepresented,
    AccountDisputed,
    /// The account was referred to legal: collection contacts pause.
    AccountInLegal,
    /// An open complaint that the debt is not owed, the amount is wrong, or about the
    /// validation notice: collection contacts pause until it is closed.
    OpenComplaint,
    /// The attempt cap for the window is used up.
    AttemptCapReached,
    /// A phone conversation happened within the lock-out.
    RecentConversation,
    /// Before the start or at/after the end of calling hours in one of the debtor's time zones.
    OutsideCallingHours,
    /// No instant is within calling hours in every time zone known for the debtor.
    NoCommonCallingHours,
    /// No phone number on file, or it was found wrong or disconnected (phone, SMS).
    NoValidPhone,
    /// No email address on file.
    NoEmailAddress,
}

impl Reason {
    /// Reasons that lapse with time (the others need a change of flags or status).
    pub fn is_temporal(self) -> bool {
        matches!(
            self,
            Self::AttemptCapReached | Self::RecentConversation | Self::OutsideCallingHours
        )
    }
}

/// What the engine knows about the debtor and account.
#[derive(Debug, Clone)]
pub struct Subject {
    /// The debtor's time zone: local calendar days are counted in it.
    pub timezone: Tz,
    /// Other zones the debtor may be in (the phone number's area code, `additional_timezones`):
    /// calls must also fall within calling hours there.
    pub other_timezones: Vec<Tz>,
    /// A phone number on file that has not been found wrong or disconnected.
    pub phone_usable: bool,
    pub email_on_file: bool,
    pub cease_communication: bool,
    pub do_not_call: bool,
    pub do_not_email: bool,
    pub do_not_sms: bool,
    pub attorney_represented: bool,
    pub account_status: AccountStatus,
    /// An open complaint of a pausing category (`debt_not_owed`, `wrong_amount`,
    /// `validation_notice`) is on the account.
    pub complaint_pause: bool,
}

/// A past contact of the account.
#[derive(Debug, Clone, Copy)]
pub struct PastContact {
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub direction: Direction,
    /// Counted against the attempt cap (a connected outbound call made without consent).
    pub counts_as_attempt: bool,
    pub is_conversation: bool,
    /// A call made on the debtor's consent (it used that consent up).
    pub consented: bool,
    /// A `callback_requested` contact: the time the debtor asked to be called back.
    pub callback_at: Option<DateTime<Utc>>,
}

/// The engine's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[schema(example = json!({"allowed": false, "reasons": ["outside_calling_hours"], "next_allowed_at": "2026-11-23T14:00:00Z",
    "consented": false, "timezones": ["America/New_York", "America/Chicago"]}))]
pub struct Verdict {
    pub allowed: bool,
    /// Every rule that refuses the contact (empty when allowed).
    pub reasons: Vec<Reason>,
    /// When only time stands in the way: the first instant the contact would be allowed, within
    /// calling hours in every one of `timezones`.
    #[serde(serialize_with = "crate::timestamps::utc_opt")]
    pub next_allowed_at: Option<DateTime<Utc>>,
    /// Allowed on the debtor's consent: a call-back they asked for, in its hour.
    pub consented: bool,
    /// Every time zone known for the debtor (their own first), in which calling hours apply.
    #[schema(value_type = Vec<String>, example = json!(["America/New_York"]))]
    pub timezones: Vec<String>,
}

/// How far back a check needs the account's history.
pub fn history_days(rules: &Rules) -> u32 {
    rules.window_days.max(rules.lockout_days) + 1
}

/// May `channel`/`direction` contact happen at `at`?
pub fn evaluate(
    channel: Channel,
    direction: Direction,
    at: DateTime<Utc>,
    s: &Subject,
    history: &[PastContact],
    rules: &Rules,
) -> Verdict {
    let zones = zones_of(s);
    let mut verdict = Verdict {
        allowed: true,
        reasons: vec![],
        next_allowed_at: None,
        consented: false,
        timezones: zones.iter().map(|z| z.name().to_owned()).collect(),
    };
    if direction == Direction::Inbound {
        return verdict;
    }
    verdict.reasons = standing_reasons(channel, s);
    if channel == Channel::Phone && consent_applies(at, s.timezone, history) {
        verdict.allowed = verdict.reasons.is_empty();
        verdict.consented = verdict.allowed;
        return verdict;
    }
    let mut next = at;
    if channel == Channel::Phone {
        if let Some(free_at) = attempts_free_at(at, s.timezone, history, rules) {
            verdict.reasons.push(Reason::AttemptCapReached);
            next = next.max(free_at);
        }
        if let Some(free_at) = lockout_ends(at, s.timezone, history, rules) {
            verdict.reasons.push(Reason::RecentConversation);
            next = next.max(free_at);
        }
    }
    let hours_apply = channel != Channel::Letter;
    if hours_apply && !zones.iter().all(|tz| within_hours(at, *tz, rules)) {
        verdict
            .reasons
            .push(match next_common_hours(at, &zones, rules) {
                Some(_) => Reason::OutsideCallingHours,
                None => Reason::NoCommonCallingHours,
            });
    }
    let only_time = !verdict.reasons.is_empty() && verdict.reasons.iter().all(|r| r.is_temporal());
    verdict.next_allowed_at = if !only_time {
        None
    } else if hours_apply {
        next_common_hours(next, &zones, rules)
    } else {
        Some(next)
    };
    verdict.allowed = verdict.reasons.is_empty();
    verdict
}

/// The debtor's zone first, then the others, each once.
fn zones_of(s: &Subject) -> Vec<Tz> {
    let mut zones = vec![s.timezone];
    for tz in &s.other_timezones {
        if !zones.contains(tz) {
            zones.push(*tz);
        }
    }
    zones
}

/// Whether `at` falls in the hour of a call-back the debtor asked for (on or before the 7th
/// local day counting the request's day as day one) that no consented call has used yet.
fn consent_applies(at: DateTime<Utc>, tz: Tz, history: &[PastContact]) -> bool {
    let hour = Duration::hours(1);
    let local_day = |t: DateTime<Utc>| t.with_timezone(&tz).date_naive();
    history.iter().any(|request| {
        request.callback_at.is_some_and(|from| {
            let in_time = request.at <= from
                && local_day(from) <= local_day(request.at) + Days::new(6)
                && from <= at
                && at < from + hour;
            let used = history
                .iter()
                .any(|c| c.consented && c.at >= from && c.at < from + hour);
            in_time && !used
        })
    })
}

/// What refuses a contact on `channel` whatever the time: the debtor's requests and flags, the
/// account's status, a missing phone or address.
fn standing_reasons(channel: Channel, s: &Subject) -> Vec<Reason> {
    let mut reasons = Vec::new();
    if s.cease_communication {
        reasons.push(Reason::CeaseCommunication);
    }
    if s.account_status == AccountStatus::Disputed {
        reasons.push(Reason::AccountDisputed);
    }
    if s.account_status == AccountStatus::Legal {
        reasons.push(Reason::AccountInLegal);
    }
    if s.complaint_pause {
        reasons.push(Reason::OpenComplaint);
    }
    match channel {
        Channel::Phone => {
            if s.do_not_call {
                reasons.push(Reason::DoNotCall);
            }
            if s.attorney_represented {
                reasons.push(Reason::AttorneyRepresented);
            }
            if !s.phone_usable {
                reasons.push(Reason::NoValidPhone);
            }
        }
        Channel::Sms => {
            if s.do_not_sms {
                reasons.push(Reason::DoNotSms);
            }
            if !s.phone_usable {
                reasons.push(Reason::NoValidPhone);
            }
        }
        Channel::Email => {
            if s.do_not_email {
                reasons.push(Reason::DoNotEmail);
            }
            if !s.email_on_file {
                reasons.push(Reason::NoEmailAddress);
            }
        }
        Channel::Letter => {}
    }
    reasons
}

/// When the cap is reached at `at`: the start of the first local day on which enough attempts
/// have left the window of `window_days` local calendar days ending with that day.
fn attempts_free_at(
    at: DateTime<Utc>,
    tz: Tz,
    history: &[PastContact],
    rules: &Rules,
) -> Option<DateTime<Utc>> {
    let today = at.with_timezone(&tz).date_naive();
    let first =
        today.checked_sub_days(Days::new(u64::from(rules.window_days.saturating_sub(1))))?;
    let mut days: Vec<chrono::NaiveDate> = history
        .iter()
        .filter(|c| {
            c.channel == Channel::Phone
                && c.direction == Direction::Outbound
                && c.counts_as_attempt
                && c.at <= at
        })
        .map(|c| c.at.with_timezone(&tz).date_naive())
        .filter(|day| *day >= first && *day <= today)
        .collect();
    let cap = rules.attempt_cap as usize;
    if days.len() < cap {
        return None;
    }
    days.sort();
    // The window must lose (len - cap + 1) attempts; the last of those leaves it `window_days`
    // local days after its own day.
    let free_day =
        days[days.len() - cap].checked_add_days(Days::new(u64::from(rules.window_days)))?;
    local_instant(tz, free_day.and_time(NaiveTime::MIN))
}

/// When a conversation locks calls out at `at`: the start of the first local day after the lock-out.
fn lockout_ends(
    at: DateTime<Utc>,
    tz: Tz,
    history: &[PastContact],
    rules: &Rules,
) -> Option<DateTime<Utc>> {
    if rules.lockout_days == 0 {
        return None;
    }
    let today = at.with_timezone(&tz).date_naive();
    history
        .iter()
        .filter(|c| c.channel == Channel::Phone && c.is_conversation && c.at <= at)
        .filter_map(|c| {
            let day_one = c.at.with_timezone(&tz).date_naive();
            let free_day = day_one.checked_add_days(Days::new(u64::from(rules.lockout_days)))?;
            (today < free_day).then_some(free_day)
        })
        .max()
        .and_then(|free_day| local_instant(tz, free_day.and_time(NaiveTime::MIN)))
}

fn within_hours(at: DateTime<Utc>, tz: Tz, rules: &Rules) -> bool {
    let local = at.with_timezone(&tz).time();
    local >= rules.calling_start && local < rules.calling_end
}

/// `at` if within calling hours, else the next start of calling hours.
fn next_within_hours(at: DateTime<Utc>, tz: Tz, rules: &Rules) -> DateTime<Utc> {
    if within_hours(at, tz, rules) {
        return at;
    }
    let local = at.with_timezone(&tz);
    let day = if local.time() < rules.calling_start {
        local.date_naive()
    } else {
        local.date_naive() + Days::new(1)
    };
    local_instant(tz, day.and_time(rules.calling_start)).unwrap_or(at)
}

/// The first instant from `at` within calling hours in every one of `zones`; `None` when there
/// is none in the next two days (the zones' hours do not overlap).
fn next_common_hours(at: DateTime<Utc>, zones: &[Tz], rules: &Rules) -> Option<DateTime<Utc>> {
    let give_up = at + Duration::days(2);
    let mut t = at;
    while t <= give_up {
        let mut moved = false;
        for tz in zones {
            let next = next_within_hours(t, *tz, rules);
            if next != t {
                t = next;
                moved = true;
            }
        }
        if !moved {
            return Some(t);
        }
    }
    None
}

/// A local wall-clock time as an instant (the earlier one when ambiguous; skipped times move
/// forward by the gap).
fn local_instant(tz: Tz, local: chrono::NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        chrono::LocalResult::Ambiguous(a, _) => Some(a.with_timezone(&Utc)),
        chrono::LocalResult::None => tz
            .from_local_datetime(&(local + Duration::hours(1)))
            .earliest()
            .map(|t| t.with_timezone(&Utc)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact_policy::{ContactPolicy, RegionRules};
    use chrono_tz::America::New_York;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn subject() -> Subject {
        Subject {
            timezone: New_York,
            other_timezones: vec![],
            phone_usable: true,
            email_on_file: true,
            cease_communication: false,
            do_not_call: false,
            do_not_email: false,
            do_not_sms: false,
            attorney_represented: false,
            account_status: AccountStatus::Open,
            complaint_pause: false,
        }
    }

    fn call(at: &str, conversation: bool) -> PastContact {
        PastContact {
            at: utc(at),
            channel: Channel::Phone,
            direction: Direction::Outbound,
            counts_as_attempt: true,
            is_conversation: conversation,
            consented: false,
            callback_at: None,
        }
    }

    fn rules() -> Rules {
        ContactPolicy::default().rules_for(None)
    }

    fn phone(at: &str, history: &[PastContact]) -> Verdict {
        evaluate(
            Channel::Phone,
            Direction::Outbound,
            utc(at),
            &subject(),
            history,
            &rules(),
        )
    }

    // 2026-11-16 is a Monday; New York is UTC-5 in November.
    #[test]
    fn the_seventh_call_is_allowed_and_the_eighth_refused() {
        let six: Vec<PastContact> = (0..6)
            .map(|d| call(&format!("2026-11-{:02}T15:00:00Z", 16 + d), false))
            .collect();
        assert!(phone("2026-11-22T15:00:00Z", &six).allowed);
        let mut seven = six.clone();
        seven.push(call("2026-11-22T14:00:00Z", false));
        let v = phone("2026-11-22T15:00:00Z", &seven);
        assert_eq!(v.reasons, vec![Reason::AttemptCapReached]);
        // The oldest attempt's day (Monday Nov 16) leaves the window on Monday Nov 23: from
        // that day's calling hours (08:00 local).
        assert_eq!(v.next_allowed_at, Some(utc("2026-11-23T13:00:00Z")));
    }

    /// Seven calls an hour apart on `day`, from `utc_hour` UTC (09:00 local in New York).
    fn seven_on(day: &str, utc_hour: u32) -> Vec<PastContact> {
        (0..7)
            .map(|k| call(&format!("{day}T{:02}:00:00Z", utc_hour + k), false))
            .collect()
    }

    #[test]
    fn the_cap_counts_local_calendar_days() {
        // Seven calls on Monday Nov 16 from 09:00 local: an eighth is refused through Sunday
        // and allowed from Monday Nov 23's calling hours, 08:30 included.
        let seven = seven_on("2026-11-16", 14);
        let v = phone("2026-11-23T01:59:59Z", &seven); // Sunday 20:59:59 local, day 7
        assert_eq!(v.reasons, vec![Reason::AttemptCapReached]);
        assert_eq!(v.next_allowed_at, Some(utc("2026-11-23T13:00:00Z")));
        assert!(phone("2026-11-23T13:30:00Z", &seven).allowed); // Monday 08:30, day 8
    }

    #[test]
    fn day_seven_and_day_eight_around_both_2026_clock_changes() {
        // Spring forward on Sunday 2026-03-08: seven calls on Sunday Mar 1 (EST, UTC-5).
        let seven = seven_on("2026-03-01", 14);
        let v = phone("2026-03-08T01:59:59Z", &seven); // Saturday Mar 7 20:59:59 EST
        assert_eq!(v.reasons, vec![Reason::AttemptCapReached]);
        assert_eq!(v.next_allowed_at, Some(utc("2026-03-08T12:00:00Z"))); // 08:00 EDT
        let v = phone("2026-03-08T11:59:59Z", &seven); // Sunday 07:59:59 EDT: only the hours
        assert_eq!(v.reasons, vec![Reason::OutsideCallingHours]);
        assert!(phone("2026-03-08T12:00:00Z", &seven).allowed);
        // Fall back on Sunday 2026-11-01: seven calls on Sunday Oct 25 (EDT, UTC-4).
        let seven = seven_on("2026-10-25", 13);
        let v = phone("2026-11-01T00:59:59Z", &seven); // Saturday Oct 31 20:59:59 EDT
        assert_eq!(v.reasons, vec![Reason::AttemptCapReached]);
        assert_eq!(v.next_allowed_at, Some(utc("2026-11-01T13:00:00Z"))); // 08:00 EST
        assert!(phone("2026-11-01T13:00:00Z", &seven).allowed);
    }

    #[test]
    fn calls_that_do_not_connect_are_not_attempts() {
        let mut busy = seven_on("2026-11-16", 14);
        for c in &mut busy {
            c.counts_as_attempt = false;
        }
        assert!(phone("2026-11-16T21:00:00Z", &busy).allowed);
    }

    fn callback(requested: &str, at: &str) -> PastContact {
        PastContact {
            callback_at: Some(utc(at)),
            ..call(requested, true)
        }
    }

    #[test]
    fn a_requested_call_back_is_allowed_in_its_hour_only() {
        // Asked on Monday Nov 16 (a conversation: lock-out) to be called on Sunday Nov 22 at
        // 21:30 local (outside hours) — day 7 counting Monday as day one.
        let asked = [callback("2026-11-16T15:00:00Z", "2026-11-23T02:30:00Z")];
        let v = phone("2026-11-23T02:29:59Z", &asked);
        assert!(!v.allowed && !v.consented);
        let v = phone("2026-11-23T02:30:00Z", &asked);
        assert!(v.allowed && v.consented, "{v:?}");
        assert!(phone("2026-11-23T03:29:59Z", &asked).consented);
        assert!(!phone("2026-11-23T03:30:00Z", &asked).allowed);
        // Once used, the consent is gone.
        let mut used = asked.to_vec();
        used.push(PastContact {
            consented: true,
            counts_as_attempt: false,
            ..call("2026-11-23T02:35:00Z", false)
        });
        assert!(!phone("2026-11-23T02:40:00Z", &used).allowed);
        // Day 8 is too late to count as consent.
        let late = [callback("2026-11-16T15:00:00Z", "2026-11-23T14:00:00Z")];
        let v = phone("2026-11-23T14:10:00Z", &late);
        assert!(v.allowed && !v.consented);
        let v = evaluate(
            Channel::Phone,
            Direction::Outbound,
            utc("2026-11-23T02:30:00Z"),
            &Subject {
                do_not_call: true,
                ..subject()
            },
            &asked,
            &rules(),
        );
        assert_eq!(v.reasons, vec![Reason::DoNotCall]);
        assert!(!v.consented);
    }

    fn in_zones(at: &str, others: Vec<Tz>) -> Verdict {
        evaluate(
            Channel::Phone,
            Direction::Outbound,
            utc(at),
            &Subject {
                other_timezones: others,
                ..subject()
            },
            &[],
            &rules(),
        )
    }

    #[test]
    fn calling_hours_hold_in_every_known_zone() {
        use chrono_tz::America::{Chicago, Los_Angeles};
        use chrono_tz::Asia::Tokyo;
        // 08:00 in New York is 07:00 in Chicago (a zone behind): wait for Chicago's 08:00.
        let v = in_zones("2026-11-23T13:00:00Z", vec![Chicago]);
        assert_eq!(v.reasons, vec![Reason::OutsideCallingHours]);
        assert_eq!(v.next_allowed_at, Some(utc("2026-11-23T14:00:00Z")));
        assert_eq!(v.timezones, ["America/New_York", "America/Chicago"]);
        // 20:59 in Los Angeles is 23:59 in New York (a zone ahead): tomorrow at 08:00 Pacific.
        let v = in_zones("2026-11-24T04:59:00Z", vec![Los_Angeles]);
        assert_eq!(v.next_allowed_at, Some(utc("2026-11-24T16:00:00Z")));
        assert!(in_zones("2026-11-24T01:59:59Z", vec![Los_Angeles]).allowed);
        assert!(!in_zones("2026-11-24T02:00:00Z", vec![Los_Angeles]).allowed);
        // A Chicago debtor with a New York number: New York is an hour ahead, so 20:30 in
        // Chicago is already 21:30 there; tomorrow the call waits for 08:00 in Chicago.
        let chicago = |at: &str| {
            evaluate(
                Channel::Phone,
                Direction::Outbound,
                utc(at),
                &Subject {
                    timezone: Chicago,
                    other_timezones: vec![New_York],
                    ..subject()
                },
                &[],
                &rules(),
            )
        };
        assert!(chicago("2026-11-24T01:59:59Z").allowed); // 19:59:59 Chicago, 20:59:59 NY
        let v = chicago("2026-11-24T02:00:00Z"); // 20:00 Chicago, 21:00 NY
        assert_eq!(v.reasons, vec![Reason::OutsideCallingHours]);
        assert_eq!(v.next_allowed_at, Some(utc("2026-11-24T14:00:00Z")));
        // With hours of 09:00–17:00, New York and Tokyo never overlap.
        let mut short = rules();
        short.calling_start = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        short.calling_end = NaiveTime::from_hms_opt(17, 0, 0).unwrap();
        let v = evaluate(
            Channel::Phone,
            Direction::Outbound,
            utc("2026-11-23T15:00:00Z"),
            &Subject {
                other_timezones: vec![Tokyo],
                ..subject()
            },
            &[],
            &short,
        );
        assert_eq!(v.reasons, vec![Reason::NoCommonCallingHours]);
        assert_eq!(v.next_allowed_at, None);
    }

    #[test]
    fn a_conversation_locks_calls_through_day_seven() {
        // Conversation Monday Nov 16 at 10:00 local: day one; day seven is Sunday Nov 22.
        let talk = [call("2026-11-16T15:00:00Z", true)];
        let v = phone("2026-11-22T23:00:00Z", &talk); // Sunday 18:00 local
        assert_eq!(v.reasons, vec![Reason::RecentConversation]);
        assert_eq!(v.next_allowed_at, Some(utc("2026-11-23T13:00:00Z"))); // Monday 08:00 local
        assert!(phone("2026-11-23T13:00:00Z", &talk).allowed);
        // A no-answer is an attempt, not a conversation.
        assert!(
            phone(
                "2026-11-17T15:00:00Z",
                &[call("2026-11-16T15:00:00Z", false)]
            )
            .allowed
        );
    }

    #[test]
    fn calling_hours_boundaries_in_local_time() {
        assert_eq!(
            phone("2026-11-23T12:59:00Z", &[]).reasons,
            vec![Reason::OutsideCallingHours]
        ); // 07:59
        assert!(phone("2026-11-23T13:00:00Z", &[]).allowed); // 08:00
        assert!(phone("2026-11-24T01:59:00Z", &[]).allowed); // 20:59
        let v = phone("2026-11-24T02:00:00Z", &[]); // 21:00
        assert_eq!(v.reasons, vec![Reason::OutsideCallingHours]);
        assert_eq!(v.next_allowed_at, Some(utc("2026-11-24T13:00:00Z")));
        let v = phone("2026-11-23T12:00:00Z", &[]); // 07:00 → 08:00 the same day
        assert_eq!(v.next_allowed_at, Some(utc("2026-11-23T13:00:00Z")));
    }

    #[test]
    fn daylight_saving_days_in_new_york() {
        // Spring forward 2027-03-14: New York is UTC-4 from 02:00 local; 08:00 local = 12:00Z.
        assert_eq!(
            phone("2027-03-14T11:59:00Z", &[]).reasons,
            vec![Reason::OutsideCallingHours]
        );
        assert!(phone("2027-03-14T12:00:00Z", &[]).allowed);
        // 01:30 EST, before the jump: the next start is 08:00 EDT.
        assert_eq!(
            phone("2027-03-14T06:30:00Z", &[]).next_allowed_at,
            Some(utc("2027-03-14T12:00:00Z"))
        );
        // Fall back 2026-11-01: UTC-5 from 02:00 local; 21:00 local = 02:00Z next day.
        assert!(phone("2026-11-02T01:59:00Z", &[]).allowed);
        assert!(!phone("2026-11-02T02:00:00Z", &[]).allowed);
        assert!(phone("2026-11-01T13:00:00Z", &[]).allowed);
        assert!(!phone("2026-11-01T12:59:00Z", &[]).allowed);
    }

    #[test]
    fn region_overrides() {
        let policy = ContactPolicy::default();
        let ma = policy.rules_for(Some("MA"));
        assert_eq!(ma.attempt_cap, 2);
        let two = [
            call("2026-11-20T15:00:00Z", false),
            call("2026-11-21T15:00:00Z", false),
        ];
        let v = evaluate(
            Channel::Phone,
            Direction::Outbound,
            utc("2026-11-22T15:00:00Z"),
            &subject(),
            &two,
            &ma,
        );
        assert_eq!(v.reasons, vec![Reason::AttemptCapReached]);
        assert!(
            evaluate(
                Channel::Phone,
                Direction::Outbound,
                utc("2026-11-22T15:00:00Z"),
                &subject(),
                &two,
                &policy.rules_for(Some("NY"))
            )
            .allowed
        );
        assert!(policy.problems().is_empty());
        let mut bad = policy.clone();
        bad.attempt_cap = 0;
        bad.calling_start = NaiveTime::from_hms_opt(22, 0, 0).unwrap();
        bad.regions.insert("ma".into(), RegionRules::default());
        let fields: Vec<String> = bad.problems().into_iter().map(|p| p.field).collect();
        assert!(
            fields.contains(&"attempt_cap".to_owned())
                && fields.contains(&"calling_end".to_owned())
                && fields.contains(&"regions.ma".to_owned()),
            "{fields:?}"
        );
    }

    #[test]
    fn flags_status_channels_and_inbound() {
        let at = "2026-11-23T15:00:00Z";
        let check = |s: Subject, channel: Channel| {
            evaluate(channel, Direction::Outbound, utc(at), &s, &[], &rules()).reasons
        };
        let base = subject();
        assert_eq!(
            check(
                Subject {
                    do_not_call: true,
                    ..base.clone()
                },
                Channel::Phone
            ),
            vec![Reason::DoNotCall]
        );
        assert!(
            check(
                Subject {
                    do_not_call: true,
                    ..base.clone()
                },
                Channel::Sms
            )
            .is_empty()
        );
        assert_eq!(
            check(
                Subject {
                    do_not_sms: true,
                    ..base.clone()
                },
                Channel::Sms
            ),
            vec![Reason::DoNotSms]
        );
        assert_eq!(
            check(
                Subject {
                    do_not_email: true,
                    ..base.clone()
                },
                Channel::Email
            ),
            vec![Reason::DoNotEmail]
        );
        assert_eq!(
            check(
                Subject {
                    attorney_represented: true,
                    ..base.clone()
                },
                Channel::Phone
            ),
            vec![Reason::AttorneyRepresented]
        );
        assert_eq!(
            check(
                Subject {
                    cease_communication: true,
                    ..base.clone()
                },
                Channel::Letter
            ),
            vec![Reason::CeaseCommunication]
        );
        assert_eq!(
            check(
                Subject {
                    account_status: AccountStatus::Disputed,
                    ..base.clone()
                },
                Channel::Email
            ),
            vec![Reason::AccountDisputed]
        );
        for channel in [
            Channel::Phone,
            Channel::Sms,
            Channel::Email,
            Channel::Letter,
        ] {
            let paused = Subject {
                complaint_pause: true,
                ..base.clone()
            };
            assert!(
                check(paused, channel).contains(&Reason::OpenComplaint),
                "{channel:?}"
            );
        }
        let v = evaluate(
            Channel::Phone,
            Direction::Outbound,
            utc(at),
            &Subject {
                do_not_call: true,
                ..base.clone()
            },
            &[],
            &rules(),
        );
        assert_eq!(v.next_allowed_at, None, "a flag does not lapse with time");
        // Inbound: always allowed, whatever the flags and the hour.
        let all = Subject {
            cease_communication: true,
            do_not_call: true,
            account_status: AccountStatus::Disputed,
            ..base.clone()
        };
        assert!(
            evaluate(
                Channel::Phone,
                Direction::Inbound,
                utc("2026-11-23T06:00:00Z"),
                &all,
                &[],
                &rules()
            )
            .allowed
        );
        // Letters ignore the clock.
        assert!(
            evaluate(
                Channel::Letter,
                Direction::Outbound,
                utc("2026-11-23T06:00:00Z"),
                &base,
                &[],
                &rules()
            )
            .allowed
        );
    }
}
