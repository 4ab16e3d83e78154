ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_adjustment_fk;
DROP TABLE adjustments;
DELETE FROM approval_requests WHERE kind = 'adjustment';
ALTER TABLE approval_requests DROP CONSTRAINT approval_requests_kind_check;
ALTER TABLE approval_requests ADD CONSTRAINT approval_requests_kind_check
    CHECK (kind IN ('settlement', 'write_off', 'arrangement'));
