-- Adjustments: a signed change to one part of a balance, for a reason; applied at once or
-- waiting for an approval of the new kind `adjustment`. SQLite cannot alter a CHECK: the
-- approval table is rebuilt the documented way (https://sqlite.org/lang_altertable.html#otheralter),
-- with foreign keys off (which only works outside a transaction: metadata.toml), in one
-- transaction of its own, checked before it commits.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE approval_requests_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('settlement', 'write_off', 'arrangement', 'adjustment')),
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
INSERT INTO approval_requests_new SELECT * FROM approval_requests;
DROP TABLE approval_requests;
ALTER TABLE approval_requests_new RENAME TO approval_requests;
CREATE INDEX approval_requests_account_idx ON approval_requests (account_id, id);
CREATE INDEX approval_requests_status_idx ON approval_requests (status, id);
CREATE UNIQUE INDEX approval_requests_one_pending_idx ON approval_requests (account_id, kind) WHERE status = 'pending';

CREATE TABLE adjustments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    component TEXT NOT NULL CHECK (component IN ('principal', 'interest', 'fees', 'costs')),
    amount BIGINT NOT NULL CHECK (amount <> 0),
    reason TEXT NOT NULL CHECK (reason IN ('billing_error', 'balance_correction', 'goodwill',
        'fee_waiver', 'interest_waiver', 'interest_accrual', 'fee_assessed', 'court_costs',
        'placement_update')),
    note TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('applied', 'pending_approval', 'rejected', 'cancelled')),
    approval_id BIGINT UNIQUE REFERENCES approval_requests (id),
    requested_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    applied_at TIMESTAMP
);
CREATE INDEX adjustments_account_idx ON adjustments (account_id, id);
COMMIT;
PRAGMA foreign_keys = ON;
