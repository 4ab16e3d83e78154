CREATE TABLE targets_old (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL CHECK (scope IN ('agent', 'team')),
    subject_id BIGINT NOT NULL,
    period TEXT NOT NULL,
    collected_amount BIGINT NOT NULL CHECK (collected_amount >= 0),
    set_by BIGINT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (scope, subject_id, period)
);
INSERT INTO targets_old (id, scope, subject_id, period, collected_amount, set_by, updated_at)
    SELECT id, scope, subject_id, period, collected_amount, set_by, updated_at FROM targets
    WHERE currency = 'USD';
DROP TABLE targets;
ALTER TABLE targets_old RENAME TO targets;
CREATE INDEX targets_period_idx ON targets (period, scope, subject_id);
