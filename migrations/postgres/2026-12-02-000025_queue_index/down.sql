DROP INDEX accounts_assignee_idx;
CREATE INDEX accounts_assignee_idx ON accounts (assignee_id, id);

CREATE OR REPLACE FUNCTION accounts_keep_contact_facts() RETURNS trigger AS $$
BEGIN
    UPDATE accounts
    SET last_contact_at = GREATEST(last_contact_at, NEW.occurred_at),
        follow_up_at = GREATEST(follow_up_at, NEW.follow_up_at)
    WHERE id = NEW.account_id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

ALTER TABLE accounts DROP COLUMN first_contact_at, DROP COLUMN follow_up_open_at;
