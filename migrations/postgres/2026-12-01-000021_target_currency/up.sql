-- Targets carry a currency (money is never summed across currencies); existing ones are USD.
ALTER TABLE targets ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD'
    CHECK (length(currency) = 3 AND currency = upper(currency));
ALTER TABLE targets DROP CONSTRAINT targets_scope_subject_id_period_key;
ALTER TABLE targets ADD CONSTRAINT targets_scope_subject_id_period_currency_key
    UNIQUE (scope, subject_id, period, currency);
