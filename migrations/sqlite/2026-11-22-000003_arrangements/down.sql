DROP TABLE payment_allocations;
DROP TABLE payments;
DROP TABLE installments;
DROP TABLE arrangements;
ALTER TABLE accounts DROP COLUMN recovered_amount;
ALTER TABLE accounts DROP COLUMN written_off_amount;
