DROP INDEX arrangements_created_idx;
DROP INDEX payments_recorded_idx;
DROP INDEX contacts_occurred_idx;
DROP TABLE targets;
