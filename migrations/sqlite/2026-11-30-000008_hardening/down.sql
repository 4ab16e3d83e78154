DROP TABLE service_heartbeat;
ALTER TABLE users DROP COLUMN session_version;
DROP TABLE sign_in_throttle;
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at);
