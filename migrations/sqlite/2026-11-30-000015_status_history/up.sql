-- Every move of an account's status, with its time: an account is 'open' from its creation
-- until its first move; its status at any instant is that of its last move before it. Written
-- with the move (db::account_status::move_account); an upgraded database gets the moves its
-- audit trail recorded (every move has been audited since the first release).
CREATE TABLE account_status_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'in_arrangement', 'disputed', 'legal', 'settled', 'paid', 'written_off', 'closed')),
    from_at TIMESTAMP NOT NULL
);
CREATE INDEX account_status_history_idx ON account_status_history (account_id, from_at, id);
CREATE INDEX account_status_history_at_idx ON account_status_history (from_at);

INSERT INTO account_status_history (account_id, status, from_at)
SELECT entity_id, json_extract(after_state, '$.status'), occurred_at
FROM audit_events
WHERE entity_type = 'account' AND action = 'account.status_changed'
ORDER BY id;
