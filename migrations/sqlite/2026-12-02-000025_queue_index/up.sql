-- The queue ranks every workable account an agent holds, and read each from the table. The
-- facts the ranking needs now sit in the index it scans (a covering index: SQLite has no
-- INCLUDE, so they are key columns). `first_contact_at` is set by the first contact (and moves
-- only for one back-dated before it); `follow_up_open_at` is the latest follow-up that no later
-- contact has answered. `last_contact_at` and `follow_up_at` stay out of the index: they change
-- on every contact.
ALTER TABLE accounts ADD COLUMN first_contact_at TIMESTAMP;
ALTER TABLE accounts ADD COLUMN follow_up_open_at TIMESTAMP;

-- SQLite's two-argument max() and min() are NULL when either is: the CASEs keep the later
-- (earlier) of the two.
DROP TRIGGER contacts_keep_account_facts;
CREATE TRIGGER contacts_keep_account_facts AFTER INSERT ON contacts
BEGIN
    UPDATE accounts
    SET last_contact_at = CASE WHEN last_contact_at IS NULL OR NEW.occurred_at > last_contact_at
                               THEN NEW.occurred_at ELSE last_contact_at END,
        first_contact_at = CASE WHEN first_contact_at IS NULL OR NEW.occurred_at < first_contact_at
                                THEN NEW.occurred_at ELSE first_contact_at END,
        follow_up_at = CASE WHEN NEW.follow_up_at IS NOT NULL
                                 AND (follow_up_at IS NULL OR NEW.follow_up_at > follow_up_at)
                            THEN NEW.follow_up_at ELSE follow_up_at END
    WHERE id = NEW.account_id;
    -- From the values just written: the follow-up is open while no contact came at or after it.
    UPDATE accounts
    SET follow_up_open_at = CASE WHEN follow_up_at > last_contact_at THEN follow_up_at END
    WHERE id = NEW.account_id;
END;

DROP INDEX accounts_assignee_idx;
CREATE INDEX accounts_assignee_idx ON accounts (assignee_id, id, status, balance, delinquent_since,
    team_id, first_contact_at, follow_up_open_at);

-- The contacts already logged.
UPDATE accounts
SET first_contact_at = (SELECT MIN(occurred_at) FROM contacts c WHERE c.account_id = accounts.id),
    follow_up_open_at = CASE WHEN follow_up_at > last_contact_at THEN follow_up_at END;
