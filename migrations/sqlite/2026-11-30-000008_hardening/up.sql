-- Sign-in throttle: one counter per bucket (an email from one address, an email, an address),
-- counted in a fixed window that starts at the bucket's first attempt. Replaces login_failures,
-- which counted per email only (so anyone could lock a user out) and was checked racily.
DROP TABLE login_failures;
CREATE TABLE sign_in_throttle (
    bucket TEXT PRIMARY KEY NOT NULL,
    window_start TIMESTAMP NOT NULL,
    attempts BIGINT NOT NULL CHECK (attempts >= 0)
);

-- Bumped by a password change, a role change and a deactivation; carried in access tokens as
-- `sv` and compared on every request, so tokens issued before the change stop working.
ALTER TABLE users ADD COLUMN session_version BIGINT NOT NULL DEFAULT 0;

-- One row that /readyz and start-up write, to prove the database accepts writes.
CREATE TABLE service_heartbeat (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    checked_at TIMESTAMP NOT NULL
);
INSERT INTO service_heartbeat (id, checked_at) VALUES (1, CURRENT_TIMESTAMP);
