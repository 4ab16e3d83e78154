DROP TABLE allocation_policies;
ALTER TABLE payments DROP COLUMN paid_costs;
ALTER TABLE payments DROP COLUMN paid_fees;
ALTER TABLE payments DROP COLUMN paid_interest;
ALTER TABLE payments DROP COLUMN paid_principal;
ALTER TABLE accounts DROP COLUMN costs;
ALTER TABLE accounts DROP COLUMN fees;
ALTER TABLE accounts DROP COLUMN interest;
ALTER TABLE accounts DROP COLUMN principal;
