-- The queue ranks an agent's accounts by, among other facts, each account's last contact and
-- latest follow-up. Kept on the account row by the write that changes them (every contact
-- insert, through this trigger, whatever inserts it), so the ranking reads one row per account
-- instead of two index probes into contacts.
ALTER TABLE accounts ADD COLUMN last_contact_at TIMESTAMP;
ALTER TABLE accounts ADD COLUMN follow_up_at TIMESTAMP;

-- SQLite's two-argument max() is NULL when either is: the CASEs keep the later of the two.
CREATE TRIGGER contacts_keep_account_facts AFTER INSERT ON contacts
BEGIN
    UPDATE accounts
    SET last_contact_at = CASE WHEN last_contact_at IS NULL OR NEW.occurred_at > last_contact_at
                               THEN NEW.occurred_at ELSE last_contact_at END,
        follow_up_at = CASE WHEN NEW.follow_up_at IS NOT NULL
                                 AND (follow_up_at IS NULL OR NEW.follow_up_at > follow_up_at)
                            THEN NEW.follow_up_at ELSE follow_up_at END
    WHERE id = NEW.account_id;
END;

-- The contacts already logged.
UPDATE accounts
SET last_contact_at = (SELECT MAX(occurred_at) FROM contacts c WHERE c.account_id = accounts.id),
    follow_up_at = (SELECT MAX(follow_up_at) FROM contacts c WHERE c.account_id = accounts.id);
