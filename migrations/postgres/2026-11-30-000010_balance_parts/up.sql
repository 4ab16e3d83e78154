-- Money in parts: every balance is principal + interest + fees + costs, each >= 0.
ALTER TABLE accounts ADD COLUMN principal BIGINT NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN interest BIGINT NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN fees BIGINT NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN costs BIGINT NOT NULL DEFAULT 0;
-- Existing balances are all principal.
UPDATE accounts SET principal = balance;
ALTER TABLE accounts ADD CONSTRAINT accounts_parts_non_negative
    CHECK (principal >= 0 AND interest >= 0 AND fees >= 0 AND costs >= 0);
ALTER TABLE accounts ADD CONSTRAINT accounts_parts_sum_to_balance
    CHECK (principal + interest + fees + costs = balance);

-- What each payment took from each part, so a reversal restores exactly those parts (even after
-- the allocation order changed). Existing payments paid principal (recoveries paid no part).
ALTER TABLE payments ADD COLUMN paid_principal BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN paid_interest BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN paid_fees BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN paid_costs BIGINT NOT NULL DEFAULT 0;
UPDATE payments SET paid_principal = amount WHERE NOT recovery;

-- The order payments pay the parts in: one stored document (absent: costs, fees, interest,
-- principal).
CREATE TABLE allocation_policies (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    policy TEXT NOT NULL,
    updated_by BIGINT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);
