-- Integration events: the transactional outbox, the commit-ordered feed, stream tokens and
-- webhooks with their deliveries.
--
-- A change writes its event in its own transaction with `position` NULL. The relay (any
-- instance; relays take turns on the `event_relay` row's lock) numbers committed events in the
-- order it finds them: a reader following `position` never skips an event that commits late,
-- because a late event gets a position above every one handed out before it.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    position BIGINT UNIQUE,
    event_type TEXT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    account_id BIGINT,
    actor_id BIGINT,
    -- The resource after the change, as JSON.
    data TEXT NOT NULL
);
CREATE INDEX events_unpositioned ON events (id) WHERE position IS NULL;
CREATE INDEX events_account ON events (account_id, position);

CREATE TABLE event_relay (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    -- The last position handed out.
    position BIGINT NOT NULL
);
INSERT INTO event_relay (id, position) VALUES (1, 0);

-- Single-use tokens for `GET /v1/events/stream?stream_token=` (browsers' EventSource).
CREATE TABLE stream_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    expires_at TIMESTAMP NOT NULL,
    -- When the access token that asked for it expires: the stream closes then.
    session_expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);

CREATE TABLE webhooks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL,
    -- ",type,type," (or ",*,"): matched with LIKE by the relay.
    event_types TEXT NOT NULL,
    description TEXT,
    -- The signing secret, sealed with AES-256-GCM under the server's webhook key (base64 of
    -- nonce || ciphertext).
    sealed_secret TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id BIGINT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    -- The event's position (its public id); NULL for a ping, whose body is `payload`.
    event_id BIGINT,
    event_type TEXT NOT NULL,
    account_id BIGINT,
    payload TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts BIGINT NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    -- An instance sending it holds it until then (a killed sender's claim lapses).
    locked_until TIMESTAMP,
    last_attempt_at TIMESTAMP,
    last_status_code BIGINT,
    last_duration_ms BIGINT,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    delivered_at TIMESTAMP
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_held ON webhook_deliveries (webhook_id, account_id, id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, id);
