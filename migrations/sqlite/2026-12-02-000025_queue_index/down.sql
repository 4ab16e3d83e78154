DROP INDEX accounts_assignee_idx;
CREATE INDEX accounts_assignee_idx ON accounts (assignee_id, id);

DROP TRIGGER contacts_keep_account_facts;
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

ALTER TABLE accounts DROP COLUMN first_contact_at;
ALTER TABLE accounts DROP COLUMN follow_up_open_at;
