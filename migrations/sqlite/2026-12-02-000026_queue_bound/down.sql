DROP INDEX accounts_queue_idx;
DROP INDEX accounts_assignee_idx;
CREATE INDEX accounts_assignee_idx ON accounts (assignee_id, id, status, balance, delinquent_since,
    team_id, first_contact_at, follow_up_open_at);

DROP TRIGGER strategy_steps_queue_unranked;
DROP TRIGGER installments_queue_unranked;
DROP TRIGGER arrangements_status_queue_unranked;
DROP TRIGGER arrangements_queue_unranked;
DROP TRIGGER accounts_queue_unranked;

DROP TABLE queue_rank;
ALTER TABLE accounts DROP COLUMN queue_bound;
