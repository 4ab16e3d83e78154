PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
UPDATE ledger_entries SET adjustment_id = NULL;
DROP TABLE adjustments;
CREATE TABLE approval_requests_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('settlement', 'write_off', 'arrangement')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled', 'fulfilled', 'lapsed')),
    amount BIGINT,
    due_on DATE,
    reason TEXT NOT NULL,
    arrangement_id BIGINT REFERENCES arrangements (id),
    required_role TEXT NOT NULL CHECK (required_role IN ('agent', 'team_lead', 'manager', 'head')),
    balance_at_request BIGINT NOT NULL,
    account_version BIGINT NOT NULL,
    requested_by BIGINT REFERENCES users (id),
    requested_at TIMESTAMP NOT NULL,
    decided_by BIGINT REFERENCES users (id),
    decided_at TIMESTAMP,
    decision_note TEXT
);
INSERT INTO approval_requests_new SELECT * FROM approval_requests WHERE kind <> 'adjustment';
DROP TABLE approval_requests;
ALTER TABLE approval_requests_new RENAME TO approval_requests;
CREATE INDEX approval_requests_account_idx ON approval_requests (account_id, id);
CREATE INDEX approval_requests_status_idx ON approval_requests (status, id);
CREATE UNIQUE INDEX approval_requests_one_pending_idx ON approval_requests (account_id, kind) WHERE status = 'pending';
COMMIT;
PRAGMA foreign_keys = ON;
