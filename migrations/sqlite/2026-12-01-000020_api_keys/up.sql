-- API keys for scripts and services. Each key acts as its own service user (a row in users
-- with no usable password), so every role check, scope rule and audit entry treats it like a
-- person with that role and team. The key itself is shown once; only its SHA-256 is stored.
CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL UNIQUE REFERENCES users (id),
    name TEXT NOT NULL,
    -- The key's first characters, to recognise it in a list.
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);
