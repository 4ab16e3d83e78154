//! Whether a debtor may be phoned now.
//!
//! This is the seam the Regulation F compliance engine plugs into: today it reads the debtor's
//! contact flags and the account's status only; the compliance issue replaces the body with the
//! full rules (attempt caps, conversation lock-out, calling hours) without changing callers.

use super::account::AccountStatus;

/// A debtor's contact restrictions.
#[derive(Debug, Clone, Copy, Default)]
pub struct ContactFlags {
    pub has_valid_phone: bool,
    pub cease_communication: bool,
    pub do_not_call: bool,
    pub attorney_represented: bool,
}

/// True when an outbound phone call to this debtor about this account is not ruled out.
pub fn phone_contactable_now(flags: &ContactFlags, status: AccountStatus) -> bool {
    flags.has_valid_phone
        && !flags.cease_communication
        && !flags.do_not_call
        && !flags.attorney_represented
        && status != AccountStatus::Disputed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_restriction_rules_out_a_call() {
        let ok = ContactFlags {
            has_valid_phone: true,
            ..Default::default()
        };
        assert!(phone_contactable_now(&ok, AccountStatus::Open));
        assert!(!phone_contactable_now(&ok, AccountStatus::Disputed));
        assert!(!phone_contactable_now(
            &ContactFlags {
                do_not_call: true,
                ..ok
            },
            AccountStatus::Open
        ));
        assert!(!phone_contactable_now(
            &ContactFlags {
                cease_communication: true,
                ..ok
            },
            AccountStatus::Open
        ));
        assert!(!phone_contactable_now(
            &ContactFlags {
                attorney_represented: true,
                ..ok
            },
            AccountStatus::Open
        ));
        assert!(!phone_contactable_now(
            &ContactFlags::default(),
            AccountStatus::Open
        ));
    }
}
