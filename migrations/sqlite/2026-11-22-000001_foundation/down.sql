DROP TABLE refresh_tokens;
DROP TABLE login_failures;
DROP TABLE idempotency_keys;
DROP TABLE audit_events;
DROP TABLE users;
DROP TABLE teams;
