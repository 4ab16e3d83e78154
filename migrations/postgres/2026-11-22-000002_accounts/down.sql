DROP INDEX audit_events_account_idx;
ALTER TABLE audit_events DROP COLUMN account_id;
DROP TABLE assignments;
DROP TABLE accounts;
DROP TABLE debtors;
