//! The contact rules of Regulation F (12 CFR 1006.6 and 1006.14(b)) as one pure function.
//!
//! [`evaluate`] answers whether a contact may happen at an instant, with every reason it may
//! not and, when only time stands in the way, the next instant it may. Contact logging,
//! `GET …/contactability` and the queue's `contactable_now` all ask it; there is no second copy.
//!
//! - Inbound contacts are always allowed and never count as attempts.
//! - Outbound phone: refused when the debtor asked to cease communication or not to be called,
//!   is represented by an attorney, or the account is disputed; when `attempt_cap` attempts
//!   (every outbound call counts, voicemails and no-answers included) fall in the `window_days`
//!   ending at the instant (a rolling window: an attempt exactly `window_days` old no longer
//!   counts); for `lockout_days` local calendar days after a phone conversation, the
//!   conversation's day being day one; and outside calling hours in the debtor's time zone.
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
    /// The attempt cap for the window is used up.
    AttemptCapReached,
    /// A phone conversation happened within the lock-out.
    RecentConversation,
    /// Before the start or at/after the end of calling hours, debtor's local time.
    OutsideCallingHours,
    /// No phone number on file, or it was found wrong or disconnected (phone, SMS).
    NoValidPhone,
    /// No email address on file.
    NoEmailAddress,
}

impl Reason {
    /// Reasons that lapse with time (the others need a change of flags or status).
    fn is_temporal(self) -> bool {
        matches!(
            self,
            Self::AttemptCapReached | Self::RecentConversation | Self::OutsideCallingHours
        )
    }
}

/// What the engine knows about the debtor and account.
#[derive(Debug, Clone, Copy)]
pub struct Subject {
    pub timezone: Tz,
    /// A phone number on file that has not been found wrong or disconnected.
    pub phone_usable: bool,
    pub email_on_file: bool,
    pub cease_communication: bool,
    pub do_not_call: bool,
    pub do_not_email: bool,
    pub do_not_sms: bool,
    pub attorney_represented: bool,
    pub account_status: AccountStatus,
}

/// A past contact of the account.
#[derive(Debug, Clone, Copy)]
pub struct PastContact {
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub direction: Direction,
    pub is_conversation: bool,
}

/// The engine's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[schema(example = json!({"allowed": false, "reasons": ["outside_calling_hours"], "next_allowed_at": "2026-11-23T14:00:00Z"}))]
pub struct Verdict {
    pub allowed: bool,
    /// Every rule that refuses the contact (empty when allowed).
    pub reasons: Vec<Reason>,
    /// When only time stands in the way: the first instant the contact would be allowed.
    pub next_allowed_at: Option<DateTime<Utc>>,
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
    if direction == Direction::Inbound {
        return Verdict {
            allowed: true,
            reasons: vec![],
            next_allowed_at: None,
        };
    }
    let mut reasons = standing_reasons(channel, s);
    let mut next = at;
    if channel == Channel::Phone {
        if let Some(free_at) = attempts_free_at(at, history, rules) {
            reasons.push(Reason::AttemptCapReached);
            next = next.max(free_at);
        }
        if let Some(free_at) = lockout_ends(at, s.timezone, history, rules) {
            reasons.push(Reason::RecentConversation);
            next = next.max(free_at);
        }
    }
    if channel != Channel::Letter && !within_hours(at, s.timezone, rules) {
        reasons.push(Reason::OutsideCallingHours);
    }
    let only_time = !reasons.is_empty() && reasons.iter().all(|r| r.is_temporal());
    let next_allowed_at = only_time.then(|| {
        if channel == Channel::Letter {
            next
        } else {
            next_within_hours(next, s.timezone, rules)
        }
    });
    Verdict {
        allowed: reasons.is_empty(),
        reasons,
        next_allowed_at,
    }
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

/// When the cap is reached at `at`: the instant enough attempts have left the window.
fn attempts_free_at(
    at: DateTime<Utc>,
    history: &[PastContact],
    rules: &Rules,
) -> Option<DateTime<Utc>> {
    let window = Duration::days(i64::from(rules.window_days));
    let mut attempts: Vec<DateTime<Utc>> = history
        .iter()
        .filter(|c| {
            c.channel == Channel::Phone
                && c.direction == Direction::Outbound
                && c.at <= at
                && c.at > at - window
        })
        .map(|c| c.at)
        .collect();
    let cap = rules.attempt_cap as usize;
    if attempts.len() < cap {
        return None;
    }
    attempts.sort();
    // The window must lose (len - cap + 1) attempts; the last of those leaves at its time + window.
    Some(attempts[attempts.len() - cap] + window)
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
            phone_usable: true,
            email_on_file: true,
            cease_communication: false,
            do_not_call: false,
            do_not_email: false,
            do_not_sms: false,
            attorney_represented: false,
            account_status: AccountStatus::Open,
        }
    }

    fn call(at: &str, conversation: bool) -> PastContact {
        PastContact {
            at: utc(at),
            channel: Channel::Phone,
            direction: Direction::Outbound,
            is_conversation: conversation,
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
        // The oldest attempt (Nov 16 15:00Z) leaves the window 7 days later.
        assert_eq!(v.next_allowed_at, Some(utc("2026-11-23T15:00:00Z")));
    }

    #[test]
    fn an_attempt_seven_days_and_a_minute_old_no_longer_counts() {
        let mut seven: Vec<PastContact> = (0..6)
            .map(|d| call(&format!("2026-11-{:02}T15:00:00Z", 17 + d), false))
            .collect();
        seven.push(call("2026-11-16T14:59:00Z", false));
        assert!(phone("2026-11-23T15:00:00Z", &seven).allowed);
        let v = phone("2026-11-23T14:58:00Z", &seven);
        assert_eq!(v.reasons, vec![Reason::AttemptCapReached]);
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
                    ..base
                },
                Channel::Phone
            ),
            vec![Reason::DoNotCall]
        );
        assert!(
            check(
                Subject {
                    do_not_call: true,
                    ..base
                },
                Channel::Sms
            )
            .is_empty()
        );
        assert_eq!(
            check(
                Subject {
                    do_not_sms: true,
                    ..base
                },
                Channel::Sms
            ),
            vec![Reason::DoNotSms]
        );
        assert_eq!(
            check(
                Subject {
                    do_not_email: true,
                    ..base
                },
                Channel::Email
            ),
            vec![Reason::DoNotEmail]
        );
        assert_eq!(
            check(
                Subject {
                    attorney_represented: true,
                    ..base
                },
                Channel::Phone
            ),
            vec![Reason::AttorneyRepresented]
        );
        assert_eq!(
            check(
                Subject {
                    cease_communication: true,
                    ..base
                },
                Channel::Letter
            ),
            vec![Reason::CeaseCommunication]
        );
        assert_eq!(
            check(
                Subject {
                    account_status: AccountStatus::Disputed,
                    ..base
                },
                Channel::Email
            ),
            vec![Reason::AccountDisputed]
        );
        let v = evaluate(
            Channel::Phone,
            Direction::Outbound,
            utc(at),
            &Subject {
                do_not_call: true,
                ..base
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
            ..base
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
