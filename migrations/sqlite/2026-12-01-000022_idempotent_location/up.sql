-- A replayed 201 answers the same Location as the first answer.
ALTER TABLE idempotency_keys ADD COLUMN response_location TEXT;
