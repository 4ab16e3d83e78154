DROP TABLE contact_policies;
DROP TABLE contacts;
DROP TABLE disputes;
ALTER TABLE accounts DROP COLUMN bankruptcy;
ALTER TABLE accounts DROP COLUMN deceased;
