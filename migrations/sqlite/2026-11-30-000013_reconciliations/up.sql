-- Reconciliations of remittance files against recorded payments, and their exceptions.
CREATE TABLE reconciliations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    from_on DATE NOT NULL,
    to_on DATE NOT NULL,
    -- The payment methods the file covers, comma-separated.
    methods TEXT NOT NULL,
    row_count BIGINT NOT NULL,
    matched BIGINT NOT NULL,
    unmatched_row BIGINT NOT NULL,
    unmatched_payment BIGINT NOT NULL,
    amount_mismatch BIGINT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE reconciliation_exceptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reconciliation_id BIGINT NOT NULL REFERENCES reconciliations (id),
    kind TEXT NOT NULL CHECK (kind IN ('unmatched_row', 'unmatched_payment', 'amount_mismatch')),
    status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
    -- The file's row (unmatched_row, amount_mismatch).
    line BIGINT,
    external_ref TEXT,
    amount BIGINT,
    -- The row's date, or the unmatched payment's.
    received_on DATE,
    reference TEXT,
    account_id BIGINT REFERENCES accounts (id),
    -- The recorded payment (unmatched_payment, amount_mismatch).
    payment_id BIGINT REFERENCES payments (id),
    payment_amount BIGINT,
    resolution TEXT CHECK (resolution IN ('post_payment', 'reverse_payment', 'accept')),
    note TEXT,
    resolved_by BIGINT REFERENCES users (id),
    resolved_at TIMESTAMP,
    -- The payment a post_payment resolution recorded.
    posted_payment_id BIGINT REFERENCES payments (id),
    CHECK ((status = 'open') = (resolution IS NULL))
);
CREATE INDEX reconciliation_exceptions_idx ON reconciliation_exceptions (reconciliation_id, status, id);
