-- The queue ranks every workable account an agent holds (2,500 in the scale bench), and read
-- each from the heap: one scattered page per account. The facts the ranking needs now sit in the
-- index it scans, so PostgreSQL answers it from the index alone where the visibility map allows.
-- None of them changes on most logged calls, so the contact trigger's account update stays HOT:
-- `first_contact_at` is set by the first contact (and moves only for one back-dated before it);
-- `follow_up_open_at`, the latest follow-up that no later contact has answered, changes only on
-- a contact that asks for a follow-up or answers one. `last_contact_at` and `follow_up_at` stay
-- out of the index: they change on every contact.
ALTER TABLE accounts ADD COLUMN first_contact_at TIMESTAMP, ADD COLUMN follow_up_open_at TIMESTAMP;

CREATE OR REPLACE FUNCTION accounts_keep_contact_facts() RETURNS trigger AS $$
BEGIN
    -- Every expression reads the row as it was before this update.
    UPDATE accounts
    SET last_contact_at = GREATEST(last_contact_at, NEW.occurred_at),
        first_contact_at = LEAST(first_contact_at, NEW.occurred_at),
        follow_up_at = GREATEST(follow_up_at, NEW.follow_up_at),
        follow_up_open_at = CASE
            WHEN GREATEST(follow_up_at, NEW.follow_up_at) > GREATEST(last_contact_at, NEW.occurred_at)
            THEN GREATEST(follow_up_at, NEW.follow_up_at) END
    WHERE id = NEW.account_id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP INDEX accounts_assignee_idx;
CREATE INDEX accounts_assignee_idx ON accounts (assignee_id, id)
    INCLUDE (status, balance, delinquent_since, team_id, first_contact_at, follow_up_open_at);

-- The contacts already logged.
UPDATE accounts a SET first_contact_at = f.first_contact_at,
    follow_up_open_at = CASE WHEN a.follow_up_at > a.last_contact_at THEN a.follow_up_at END
FROM (SELECT account_id, MIN(occurred_at) AS first_contact_at FROM contacts GROUP BY account_id) f
WHERE f.account_id = a.id;
