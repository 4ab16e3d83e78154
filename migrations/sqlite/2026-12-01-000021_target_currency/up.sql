-- Targets carry a currency (money is never summed across currencies); existing ones are USD.
-- SQLite cannot change a table's UNIQUE constraint: the table is rebuilt.
CREATE TABLE targets_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL CHECK (scope IN ('agent', 'team')),
    subject_id BIGINT NOT NULL,
    period TEXT NOT NULL,
    collected_amount BIGINT NOT NULL CHECK (collected_amount >= 0),
    set_by BIGINT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL,
    currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3 AND currency = upper(currency)),
    UNIQUE (scope, subject_id, period, currency)
);
INSERT INTO targets_new (id, scope, subject_id, period, collected_amount, set_by, updated_at)
    SELECT id, scope, subject_id, period, collected_amount, set_by, updated_at FROM targets;
DROP TABLE targets;
ALTER TABLE targets_new RENAME TO targets;
CREATE INDEX targets_period_idx ON targets (period, scope, subject_id);
