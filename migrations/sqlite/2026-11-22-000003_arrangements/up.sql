ALTER TABLE accounts ADD COLUMN written_off_amount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN recovered_amount BIGINT NOT NULL DEFAULT 0;

CREATE TABLE arrangements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('plan', 'promise')),
    status TEXT NOT NULL CHECK (status IN ('pending_approval', 'active', 'completed', 'broken', 'cancelled')),
    total_amount BIGINT NOT NULL CHECK (total_amount > 0),
    paid_amount BIGINT NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    ended_at TIMESTAMP
);
CREATE INDEX arrangements_account_idx ON arrangements (account_id, id);
CREATE INDEX arrangements_status_idx ON arrangements (status, id);
CREATE UNIQUE INDEX arrangements_one_live_idx ON arrangements (account_id) WHERE status IN ('pending_approval', 'active');

CREATE TABLE installments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    arrangement_id BIGINT NOT NULL REFERENCES arrangements (id),
    seq INTEGER NOT NULL,
    due_on DATE NOT NULL,
    amount BIGINT NOT NULL CHECK (amount > 0),
    paid_amount BIGINT NOT NULL DEFAULT 0 CHECK (paid_amount >= 0 AND paid_amount <= amount),
    status TEXT NOT NULL CHECK (status IN ('pending', 'partially_paid', 'paid', 'missed')),
    UNIQUE (arrangement_id, seq)
);
CREATE INDEX installments_due_idx ON installments (status, due_on);

CREATE TABLE payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    amount BIGINT NOT NULL CHECK (amount > 0),
    method TEXT NOT NULL CHECK (method IN ('card', 'ach', 'check', 'cash', 'other')),
    reference TEXT,
    received_on DATE NOT NULL,
    recovery BOOLEAN NOT NULL DEFAULT FALSE,
    arrangement_id BIGINT REFERENCES arrangements (id),
    recorded_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    reversed_at TIMESTAMP,
    reversed_by BIGINT REFERENCES users (id),
    reversal_reason TEXT,
    UNIQUE (account_id, reference)
);
CREATE INDEX payments_account_idx ON payments (account_id, id);
CREATE INDEX payments_received_idx ON payments (received_on, id);

CREATE TABLE payment_allocations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    payment_id BIGINT NOT NULL REFERENCES payments (id),
    installment_id BIGINT NOT NULL REFERENCES installments (id),
    amount BIGINT NOT NULL CHECK (amount > 0)
);
CREATE INDEX payment_allocations_payment_idx ON payment_allocations (payment_id);
