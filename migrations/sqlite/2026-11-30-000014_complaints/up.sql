-- Complaints (with their response deadlines and closing findings), the per-source deadline
-- policy, and satisfaction survey answers. Open complaints are counted on their account (and
-- those of a pausing category apart), so the account shows them and the contact rules read the
-- pause from the account row.
ALTER TABLE accounts ADD COLUMN open_complaints BIGINT NOT NULL DEFAULT 0 CHECK (open_complaints >= 0);
ALTER TABLE accounts ADD COLUMN complaint_pauses BIGINT NOT NULL DEFAULT 0 CHECK (complaint_pauses >= 0);

CREATE TABLE complaint_policies (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    policy TEXT NOT NULL,
    updated_by BIGINT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE complaints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    source TEXT NOT NULL CHECK (source IN ('direct', 'cfpb', 'state_regulator', 'client', 'other')),
    category TEXT NOT NULL CHECK (category IN ('debt_not_owed', 'wrong_amount', 'communication_tactics',
        'false_statements', 'threatened_action', 'validation_notice', 'privacy', 'payment_handling',
        'agent_conduct', 'other')),
    description TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    due_at TIMESTAMP NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'closed')),
    against_user_id BIGINT REFERENCES users (id),
    -- Whom the complaint counts against in reports: against_user_id, else the account's assignee
    -- when it was received; and the account's team then.
    agent_id BIGINT REFERENCES users (id),
    team_id BIGINT REFERENCES teams (id),
    external_ref TEXT,
    response TEXT,
    responded_at TIMESTAMP,
    root_cause TEXT CHECK (root_cause IN ('agent_error', 'process_gap', 'system_error', 'policy',
        'client_error', 'no_fault')),
    justified BOOLEAN,
    remedy TEXT CHECK (remedy IN ('none', 'non_monetary', 'monetary')),
    monetary_relief BIGINT CHECK (monetary_relief > 0),
    adjustment_id BIGINT REFERENCES adjustments (id),
    closed_at TIMESTAMP,
    closed_by BIGINT REFERENCES users (id),
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX complaints_account_idx ON complaints (account_id, id);
CREATE INDEX complaints_received_idx ON complaints (received_at, id);
CREATE INDEX complaints_open_idx ON complaints (status, due_at);

CREATE TABLE satisfaction_responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    score BIGINT NOT NULL CHECK (score BETWEEN 1 AND 5),
    channel TEXT NOT NULL CHECK (channel IN ('phone', 'ivr', 'sms', 'email', 'web', 'letter')),
    contact_id BIGINT REFERENCES contacts (id),
    comment TEXT,
    -- The contact's agent, else the account's assignee when answered; and the account's team.
    agent_id BIGINT REFERENCES users (id),
    team_id BIGINT REFERENCES teams (id),
    answered_at TIMESTAMP NOT NULL,
    created_by BIGINT REFERENCES users (id)
);
CREATE INDEX satisfaction_account_idx ON satisfaction_responses (account_id, id);
CREATE INDEX satisfaction_answered_idx ON satisfaction_responses (answered_at);
