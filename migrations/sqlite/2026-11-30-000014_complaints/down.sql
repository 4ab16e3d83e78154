DROP TABLE satisfaction_responses;
DROP TABLE complaints;
DROP TABLE complaint_policies;
ALTER TABLE accounts DROP COLUMN complaint_pauses;
ALTER TABLE accounts DROP COLUMN open_complaints;
