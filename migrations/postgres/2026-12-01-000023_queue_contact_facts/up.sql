-- The queue ranks an agent's accounts by, among other facts, each account's last contact and
-- latest follow-up. Kept on the account row by the write that changes them (every contact
-- insert, through this trigger, whatever inserts it), so the ranking reads one row per account
-- instead of two index probes into contacts. Not indexed: the update stays HOT.
ALTER TABLE accounts ADD COLUMN last_contact_at TIMESTAMP, ADD COLUMN follow_up_at TIMESTAMP;

CREATE FUNCTION accounts_keep_contact_facts() RETURNS trigger AS $$
BEGIN
    UPDATE accounts
    SET last_contact_at = GREATEST(last_contact_at, NEW.occurred_at),
        follow_up_at = GREATEST(follow_up_at, NEW.follow_up_at)
    WHERE id = NEW.account_id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER contacts_keep_account_facts AFTER INSERT ON contacts
    FOR EACH ROW EXECUTE FUNCTION accounts_keep_contact_facts();

-- The contacts already logged.
UPDATE accounts a SET last_contact_at = f.last_contact_at, follow_up_at = f.follow_up_at
FROM (SELECT account_id, MAX(occurred_at) AS last_contact_at, MAX(follow_up_at) AS follow_up_at
      FROM contacts GROUP BY account_id) f
WHERE f.account_id = a.id;
