ALTER TABLE accounts ADD COLUMN deceased BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE accounts ADD COLUMN bankruptcy BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE disputes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    reason TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'upheld', 'rejected')),
    prior_status TEXT NOT NULL,
    opened_by BIGINT REFERENCES users (id),
    opened_at TIMESTAMP NOT NULL,
    resolved_by BIGINT REFERENCES users (id),
    resolved_at TIMESTAMP,
    resolution_note TEXT
);
CREATE INDEX disputes_account_idx ON disputes (account_id, id);
CREATE UNIQUE INDEX disputes_one_open_idx ON disputes (account_id) WHERE status = 'open';

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    agent_id BIGINT REFERENCES users (id),
    channel TEXT NOT NULL CHECK (channel IN ('phone', 'sms', 'email', 'letter')),
    direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
    outcome TEXT NOT NULL CHECK (outcome IN ('right_party_contact', 'promise_to_pay', 'refused_to_pay', 'dispute',
        'callback_requested', 'no_answer', 'busy', 'voicemail_left', 'wrong_number', 'third_party', 'disconnected',
        'cease_request', 'deceased', 'bankruptcy')),
    occurred_at TIMESTAMP NOT NULL,
    duration_seconds INTEGER,
    notes TEXT,
    follow_up_at TIMESTAMP,
    counts_as_attempt BOOLEAN NOT NULL,
    is_conversation BOOLEAN NOT NULL,
    arrangement_id BIGINT REFERENCES arrangements (id),
    dispute_id BIGINT REFERENCES disputes (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX contacts_account_idx ON contacts (account_id, occurred_at);
CREATE INDEX contacts_agent_idx ON contacts (agent_id, occurred_at);
CREATE INDEX contacts_follow_up_idx ON contacts (account_id, follow_up_at);

CREATE TABLE contact_policies (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    policy TEXT NOT NULL,
    updated_by BIGINT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);
