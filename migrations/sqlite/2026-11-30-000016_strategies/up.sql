-- Collection strategies: a definition (segments, treatments, an optional challenger) that is a
-- draft until activated; one active at a time; immutable once it has been active.
CREATE TABLE strategies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'retired')),
    -- {"segments": [...], "challenger": {...} | null}, as the API takes it.
    definition TEXT NOT NULL,
    promoted_from BIGINT REFERENCES strategies (id),
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    activated_at TIMESTAMP,
    retired_at TIMESTAMP
);
CREATE UNIQUE INDEX strategies_one_active_idx ON strategies (status) WHERE status = 'active';
