DROP TRIGGER contacts_keep_account_facts ON contacts;
DROP FUNCTION accounts_keep_contact_facts();
ALTER TABLE accounts DROP COLUMN last_contact_at, DROP COLUMN follow_up_at;
