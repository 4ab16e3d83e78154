ALTER TABLE approval_requests DROP COLUMN decided_by_strategy;
DROP TABLE job_leases;
DROP TABLE tasks;
DROP TABLE communications;
DROP TABLE strategy_steps;
DROP TABLE strategy_entries;
DROP TABLE strategy_runs;
