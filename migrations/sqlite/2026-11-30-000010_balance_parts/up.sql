-- Money in parts: every balance is principal + interest + fees + costs, each >= 0. SQLite adds
-- a CHECK only with its column: the sum's CHECK comes with the last one, after existing balances
-- became principal.
ALTER TABLE accounts ADD COLUMN principal BIGINT NOT NULL DEFAULT 0 CHECK (principal >= 0);
UPDATE accounts SET principal = balance;
ALTER TABLE accounts ADD COLUMN interest BIGINT NOT NULL DEFAULT 0 CHECK (interest >= 0);
ALTER TABLE accounts ADD COLUMN fees BIGINT NOT NULL DEFAULT 0 CHECK (fees >= 0);
ALTER TABLE accounts ADD COLUMN costs BIGINT NOT NULL DEFAULT 0
    CHECK (costs >= 0 AND principal + interest + fees + costs = balance);

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
    id BIGINT PRIMARY KEY NOT NULL CHECK (id = 1),
    policy TEXT NOT NULL,
    updated_by BIGINT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);
