DROP TRIGGER contacts_keep_account_facts;
ALTER TABLE accounts DROP COLUMN last_contact_at;
ALTER TABLE accounts DROP COLUMN follow_up_at;
