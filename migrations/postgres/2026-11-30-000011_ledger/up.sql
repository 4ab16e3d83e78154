-- The ledger: every money movement of an account, append-only, written in the transaction of
-- the movement. Amounts per part are signed (a payment is negative, a reversal positive); the
-- sum of an account's entries is its current parts (GET /v1/ledger/verify checks it).
CREATE TABLE ledger_entries (
    id BIGSERIAL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    occurred_at TIMESTAMP NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('placement', 'payment', 'payment_reversal', 'adjustment',
        'write_off', 'settlement_forgiveness', 'recovery')),
    principal BIGINT NOT NULL,
    interest BIGINT NOT NULL,
    fees BIGINT NOT NULL,
    costs BIGINT NOT NULL,
    -- Money received or given back that moves no part (a recovery on a written-off account).
    amount BIGINT,
    payment_id BIGINT REFERENCES payments (id),
    adjustment_id BIGINT,
    approval_id BIGINT REFERENCES approval_requests (id)
);
CREATE INDEX ledger_entries_account_idx ON ledger_entries (account_id, id);

-- An existing database's history, in time order (ids follow it): the placement of each account,
-- its payments, reversals, recoveries and approved write-offs. Before this release every amount
-- was principal. The placement is what the account held before those movements; a settlement's
-- forgiven rest is not stored apart in older databases, so for a settled account it is netted
-- into its placement (the sum of its entries is still its parts).
INSERT INTO ledger_entries (account_id, occurred_at, kind, principal, interest, fees, costs,
                            amount, payment_id, approval_id)
SELECT account_id, occurred_at, kind, principal, interest, fees, costs, amount, payment_id, approval_id
FROM (
    SELECT a.id AS account_id, a.created_at AS occurred_at, 'placement' AS kind,
           a.principal
             + COALESCE((SELECT SUM(p.paid_principal) FROM payments p
                         WHERE p.account_id = a.id AND p.reversed_at IS NULL), 0)
             + COALESCE((SELECT SUM(r.amount) FROM approval_requests r
                         WHERE r.account_id = a.id AND r.kind = 'write_off'
                           AND r.status = 'approved'), 0) AS principal,
           a.interest AS interest, a.fees AS fees, a.costs AS costs,
           CAST(NULL AS BIGINT) AS amount, CAST(NULL AS BIGINT) AS payment_id,
           CAST(NULL AS BIGINT) AS approval_id, 0 AS seq
    FROM accounts a
    UNION ALL
    SELECT p.account_id, p.created_at, CASE WHEN p.recovery THEN 'recovery' ELSE 'payment' END,
           -p.paid_principal, 0, 0, 0, CASE WHEN p.recovery THEN p.amount END, p.id, CAST(NULL AS BIGINT), 1
    FROM payments p
    UNION ALL
    SELECT p.account_id, p.reversed_at, 'payment_reversal',
           p.paid_principal, 0, 0, 0, CASE WHEN p.recovery THEN -p.amount END, p.id, CAST(NULL AS BIGINT), 2
    FROM payments p WHERE p.reversed_at IS NOT NULL
    UNION ALL
    SELECT r.account_id, r.decided_at, 'write_off', -r.amount, 0, 0, 0, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), r.id, 1
    FROM approval_requests r
    WHERE r.kind = 'write_off' AND r.status = 'approved' AND r.amount IS NOT NULL
) AS history
ORDER BY occurred_at, seq;
