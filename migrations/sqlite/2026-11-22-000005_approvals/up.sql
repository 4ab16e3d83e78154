CREATE TABLE approval_requests (
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
CREATE INDEX approval_requests_account_idx ON approval_requests (account_id, id);
CREATE INDEX approval_requests_status_idx ON approval_requests (status, id);
CREATE UNIQUE INDEX approval_requests_one_pending_idx ON approval_requests (account_id, kind) WHERE status = 'pending';

CREATE TABLE approval_policies (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    policy TEXT NOT NULL,
    updated_by BIGINT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE escalations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    reason TEXT NOT NULL,
    to_role TEXT NOT NULL CHECK (to_role IN ('team_lead', 'manager', 'head')),
    status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
    raised_by BIGINT REFERENCES users (id),
    raised_at TIMESTAMP NOT NULL,
    resolved_by BIGINT REFERENCES users (id),
    resolved_at TIMESTAMP,
    note TEXT
);
CREATE INDEX escalations_status_idx ON escalations (status, id);
CREATE INDEX escalations_account_idx ON escalations (account_id, id);
