DELETE FROM targets WHERE currency <> 'USD';
ALTER TABLE targets DROP CONSTRAINT targets_scope_subject_id_period_currency_key;
ALTER TABLE targets ADD CONSTRAINT targets_scope_subject_id_period_key UNIQUE (scope, subject_id, period);
ALTER TABLE targets DROP COLUMN currency;
