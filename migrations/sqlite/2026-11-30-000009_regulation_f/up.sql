-- Regulation F, precisely.
-- A call made on the debtor's consent (a call-back they asked for, in its hour): allowed despite
-- the attempt cap, the lock-out and the calling hours, and not an attempt.
ALTER TABLE contacts ADD COLUMN consented BOOLEAN NOT NULL DEFAULT FALSE;
-- Calls that did not connect (busy, disconnected) are not attempts (12 CFR 1006.14(b)(3)(ii)).
UPDATE contacts SET counts_as_attempt = FALSE WHERE outcome IN ('busy', 'disconnected');
-- Other time zones the debtor may be in (IANA names, comma-separated): calls must fall within
-- calling hours in each.
ALTER TABLE debtors ADD COLUMN additional_timezones TEXT;
