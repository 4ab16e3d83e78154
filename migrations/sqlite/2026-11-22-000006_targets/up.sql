CREATE TABLE targets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL CHECK (scope IN ('agent', 'team')),
    subject_id BIGINT NOT NULL,
    period TEXT NOT NULL,
    collected_amount BIGINT NOT NULL CHECK (collected_amount >= 0),
    set_by BIGINT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (scope, subject_id, period)
);
CREATE INDEX targets_period_idx ON targets (period, scope, subject_id);
CREATE INDEX contacts_occurred_idx ON contacts (occurred_at, agent_id);
CREATE INDEX payments_recorded_idx ON payments (recorded_by, received_on);
CREATE INDEX arrangements_created_idx ON arrangements (created_by, created_at);
